//! The mapping CSV of a bulk run: `file,candidate_id` rows the user vouches for — the
//! strongest evidence. A file is found by its path as written (relative to the CSV's folder
//! when relative) or, failing that, by its file name alone when that name is unique in the CSV.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::Text;

/// The most rows a mapping may have (a bulk run is a folder, not a database).
pub const MAX_ROWS: usize = 100_000;

/// Why a mapping CSV cannot be used. It shows in the current language (the app's message,
/// the command's error: both for people); [`MappingError::english`] is what logs carry.
#[derive(Debug)]
pub enum MappingError {
    /// It could not be read.
    Unreadable {
        /// The CSV.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A row is not `file,candidate_id`.
    BadRow {
        /// The CSV.
        path: PathBuf,
        /// The row, counted from 1.
        row: usize,
    },
    /// One file is mapped to two candidates.
    Conflict {
        /// The CSV.
        path: PathBuf,
        /// The file.
        file: String,
        /// The first candidate id.
        first: String,
        /// The other.
        second: String,
    },
    /// Too many rows.
    TooLong {
        /// The CSV.
        path: PathBuf,
    },
}

impl MappingError {
    /// The sentence, in any language.
    #[must_use]
    pub fn text(&self) -> Text {
        match self {
            Self::Unreadable { path, reason } => crate::text!(
                "bulk-why-mapping-unreadable",
                path = path.display().to_string(),
                reason = reason
            ),
            // The row number as it always was written (`12`, never `12.0`).
            Self::BadRow { path, row } => crate::text!(
                "bulk-why-mapping-bad-row",
                path = path.display().to_string(),
                row = row.to_string()
            ),
            Self::Conflict {
                path,
                file,
                first,
                second,
            } => crate::text!(
                "bulk-why-mapping-conflict",
                path = path.display().to_string(),
                file = file,
                first = first,
                second = second
            ),
            // `100000`, as the limit always was written.
            Self::TooLong { path } => crate::text!(
                "bulk-why-mapping-too-long",
                path = path.display().to_string(),
                max = MAX_ROWS.to_string()
            ),
        }
    }

    /// The sentence in English (what logs carry).
    #[must_use]
    pub fn english(&self) -> String {
        self.text().english()
    }
}

/// In the current language.
impl fmt::Display for MappingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for MappingError {}

/// A parsed mapping.
#[derive(Clone, Debug, Default)]
pub struct Mapping {
    by_path: HashMap<PathBuf, String>,
    /// File name → candidate id; `None` when two rows share the name with different ids.
    by_name: HashMap<String, Option<String>>,
}

impl Mapping {
    /// Reads the CSV at `path`. A first row `file,candidate_id` (any case) is a header.
    pub fn read(path: &Path) -> Result<Self, MappingError> {
        let unreadable = |reason: String| MappingError::Unreadable {
            path: path.to_path_buf(),
            reason,
        };
        let text = std::fs::read(path).map_err(|e| unreadable(crate::inspect::plain_reason(&e)))?;
        let base = path.parent().unwrap_or_else(|| Path::new("."));
        Self::parse(&text, base, path)
    }

    /// Parses CSV `bytes`; relative paths are taken from `base`; `shown` names the CSV in
    /// errors.
    pub fn parse(bytes: &[u8], base: &Path, shown: &Path) -> Result<Self, MappingError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(bytes);
        let mut mapping = Self::default();
        for (index, record) in reader.records().enumerate() {
            let row = index + 1;
            if row > MAX_ROWS {
                return Err(MappingError::TooLong {
                    path: shown.to_path_buf(),
                });
            }
            let bad = || MappingError::BadRow {
                path: shown.to_path_buf(),
                row,
            };
            let record = record.map_err(|_| bad())?;
            let (Some(file), Some(id)) = (record.get(0), record.get(1)) else {
                if record.iter().all(str::is_empty) {
                    continue;
                }
                return Err(bad());
            };
            if row == 1
                && file.eq_ignore_ascii_case("file")
                && id.eq_ignore_ascii_case("candidate_id")
            {
                continue;
            }
            if file.is_empty() || id.is_empty() || record.len() > 2 {
                return Err(bad());
            }
            let full = base.join(file);
            if let Some(first) = mapping.by_path.insert(full.clone(), id.to_owned())
                && first != id
            {
                return Err(MappingError::Conflict {
                    path: shown.to_path_buf(),
                    file: file.to_owned(),
                    first,
                    second: id.to_owned(),
                });
            }
            if let Some(name) = full.file_name().and_then(|n| n.to_str()) {
                mapping
                    .by_name
                    .entry(name.to_owned())
                    .and_modify(|known| {
                        if known.as_deref() != Some(id) {
                            *known = None;
                        }
                    })
                    .or_insert_with(|| Some(id.to_owned()));
            }
        }
        Ok(mapping)
    }

    /// The candidate id the mapping gives the file at `path` (or, for a mail's attachment,
    /// named `name`), if any.
    #[must_use]
    pub fn candidate_for(&self, path: &Path, name: &str) -> Option<&str> {
        if let Some(id) = self.by_path.get(path) {
            return Some(id);
        }
        let canonical = std::fs::canonicalize(path).ok();
        if let Some(id) = canonical.as_ref().and_then(|c| {
            self.by_path
                .iter()
                .find(|(p, _)| std::fs::canonicalize(p).ok().as_ref() == Some(c))
                .map(|(_, id)| id)
        }) {
            return Some(id);
        }
        self.by_name.get(name).and_then(Option::as_deref)
    }

    /// Whether it maps nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_header_paths_and_names() {
        let csv = b"file,candidate_id\ncvs/anna.pdf, cand-1\n/abs/bram.pdf,cand-2\n\ncvs/twice.pdf,cand-3\nother/twice.pdf,cand-4\n";
        let m = Mapping::parse(csv, Path::new("/base"), Path::new("map.csv")).unwrap();
        assert_eq!(
            m.candidate_for(Path::new("/base/cvs/anna.pdf"), "anna.pdf"),
            Some("cand-1")
        );
        assert_eq!(
            m.candidate_for(Path::new("/abs/bram.pdf"), "bram.pdf"),
            Some("cand-2")
        );
        // By name alone: a mail's attachment, or a file moved since.
        assert_eq!(
            m.candidate_for(Path::new("/work/mail-1/1/anna.pdf"), "anna.pdf"),
            Some("cand-1")
        );
        // Two rows with this name and different ids: the name alone says nothing.
        assert_eq!(
            m.candidate_for(Path::new("/x/twice.pdf"), "twice.pdf"),
            None
        );
        assert_eq!(
            m.candidate_for(Path::new("/base/cvs/twice.pdf"), "twice.pdf"),
            Some("cand-3")
        );
    }

    #[test]
    fn bad_rows_and_conflicts_are_refused_with_the_row() {
        let e = Mapping::parse(b"a.pdf\n", Path::new("/"), Path::new("m.csv")).unwrap_err();
        assert_eq!(
            e.english(),
            "Row 1 of the mapping m.csv is not \u{201c}file,candidate_id\u{201d}: give each file and its candidate's id, separated by a comma."
        );
        let e =
            Mapping::parse(b"a.pdf,1\na.pdf,2\n", Path::new("/"), Path::new("m.csv")).unwrap_err();
        assert!(matches!(e, MappingError::Conflict { .. }), "{e}");
        assert_eq!(
            e.english(),
            "The mapping m.csv gives a.pdf two candidates (1 and 2): keep one row for it."
        );
        let unreadable = MappingError::Unreadable {
            path: "m.csv".into(),
            reason: "permission denied".into(),
        };
        assert_eq!(
            unreadable.english(),
            "The mapping m.csv could not be read (permission denied): check the path."
        );
        let too_long = MappingError::TooLong {
            path: "m.csv".into(),
        };
        assert_eq!(
            too_long.english(),
            "The mapping m.csv has more than 100000 rows: split the run."
        );
        assert!(
            too_long
                .text()
                .render_in(crate::i18n::Lang::Nl)
                .contains("100000")
        );
    }
}
