//! What a fix did ([`Action`]) and why a fix could not be made ([`Why`]), as data: `atsdrop fix
//! --json` carries them next to their English sentences, so the app (which runs the fix as a
//! process of its own) says them in its language. Their `Display` is English (the `actions`
//! and `error` of `--json` output, the same in every language); `text()` says them in any.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{Arg, Text};
use crate::model::FileKind;

/// One thing a fix did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// The same bytes under the name the content shows: "renamed to photo.png".
    Renamed {
        /// The new name.
        name: String,
    },
    /// Text made into a PDF.
    TextToPdf,
    /// A scan's pages rendered again at a lower resolution.
    ScanRemade {
        /// The resolution the pages got, in dots per inch.
        dpi: u32,
        /// The new PDF's size in bytes.
        size: u64,
    },
    /// A picture of another kind made a JPEG.
    ConvertedToJpeg {
        /// What it was.
        #[serde(with = "mime")]
        kind: FileKind,
        /// The JPEG's size in bytes.
        size: u64,
    },
    /// A picture made smaller in pixels (and so in bytes).
    Resized {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
        /// Its size in bytes.
        size: u64,
    },
    /// A picture compressed harder, its pixels kept.
    Compressed {
        /// Its size in bytes.
        size: u64,
    },
    /// Pictures made into a PDF, a page each.
    PicturesToPdf {
        /// How many pictures.
        count: usize,
    },
    /// A PDF of pictures made smaller.
    Shrunk {
        /// Its size in bytes.
        size: u64,
    },
    /// Files combined into one PDF.
    Combined {
        /// How many files.
        count: usize,
        /// The PDF's name.
        name: String,
    },
}

impl Action {
    /// What was done, in any language.
    #[must_use]
    pub fn text(&self) -> Text {
        match self {
            Self::Renamed { name } => crate::text!("fixed-renamed", name = name),
            Self::TextToPdf => crate::text!("fixed-text-pdf"),
            Self::ScanRemade { dpi, size } => crate::text!(
                "fixed-scan-remade",
                dpi = dpi.to_string(),
                size = Arg::Size(*size)
            ),
            Self::ConvertedToJpeg { kind, size } => crate::text!(
                "fixed-converted",
                kind = kind.describe(),
                size = Arg::Size(*size)
            ),
            // Pixels as plain numbers, as they have always been written ("1200 × 1600").
            Self::Resized {
                width,
                height,
                size,
            } => crate::text!(
                "fixed-resized",
                width = width.to_string(),
                height = height.to_string(),
                size = Arg::Size(*size)
            ),
            Self::Compressed { size } => crate::text!("fixed-compressed", size = Arg::Size(*size)),
            Self::PicturesToPdf { count } => crate::text!("fixed-pictures-pdf", count = *count),
            Self::Shrunk { size } => crate::text!("fixed-shrunk", size = Arg::Size(*size)),
            Self::Combined { count, name } => {
                crate::text!("fixed-combined", count = *count, name = name)
            }
        }
    }
}

/// In English: `--json` output and logs carry it; [`Action::text`] says it in any language.
impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().english())
    }
}

/// An action is its English words (`offer.actions == ["renamed to photo.png"]`).
impl PartialEq<&str> for Action {
    fn eq(&self, other: &&str) -> bool {
        self.text().english() == *other
    }
}

/// Why a file could not be fixed (a sentence), or why one way of fixing it failed (a phrase,
/// said in brackets after [`Why::NoFix`]'s sentence or inside another).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Why {
    /// Inspecting the file could not read it.
    Unreadable {
        /// The file's name.
        name: String,
        /// What reading it said.
        error: String,
    },
    /// What the file is could not be told.
    UnknownKind {
        /// The file's name.
        name: String,
    },
    /// The file could not be opened.
    CannotOpen {
        /// The file's name.
        name: String,
        /// The system's reason.
        error: String,
    },
    /// Reading the file failed.
    CannotRead {
        /// The file's name.
        name: String,
        /// The system's reason.
        error: String,
    },
    /// The file is larger than a fix reads.
    TooLargeToFix {
        /// The file's name.
        name: String,
    },
    /// No fix makes the file pass: its refusals, then why the first fix tried failed.
    NoFix {
        /// The file's name.
        name: String,
        /// The checks' sentences, in English.
        problems: Vec<String>,
        /// The same in any language, in the process that checked (not carried over JSON).
        #[serde(skip)]
        said: Vec<Text>,
        /// Why the first fix tried failed, when one was tried.
        first: Option<Box<Why>>,
    },
    /// A file of a kind that can't go into a PDF.
    NotCombinable {
        /// The file's name.
        name: String,
    },
    /// A file to combine could not be decoded.
    CannotCombineFile {
        /// The file's name.
        name: String,
        /// Why (a phrase).
        why: Box<Why>,
    },
    /// The combined PDF could not be made.
    CannotCombine {
        /// Why (a phrase).
        why: Box<Why>,
    },
    /// A picture does not fit the size even at the smallest legible size.
    DoesNotFit,
    /// A PDF too large that is not a scan (or does not fit even at the lowest resolution).
    NotAScan,
    /// A picture's bytes could not be looked at (the reader's own words).
    Unrecognised {
        /// What the reader said.
        detail: String,
    },
    /// A picture could not be decoded.
    Damaged {
        /// The decoder's reason, when it gave one.
        detail: Option<String>,
    },
    /// A picture with more pixels than a document needs.
    TooManyPixels,
    /// Why one of several files failed.
    InFile {
        /// The file's name.
        name: String,
        /// Why (a phrase about "it").
        why: Box<Why>,
    },
    /// A picture to put in a PDF does not fit its share even when shrunk.
    PictureDoesNotFit {
        /// The picture's name.
        name: String,
    },
    /// A shrunk picture could not be read back as a JPEG.
    NotReencoded {
        /// The picture's name.
        name: String,
    },
    /// A PDF to copy pages from could not be read.
    UnreadablePdf {
        /// The PDF's name.
        name: String,
    },
    /// A PDF to copy pages from is locked.
    LockedPdf {
        /// The PDF's name.
        name: String,
    },
    /// The folder for fixed copies could not be made.
    CannotCreate {
        /// The folder.
        folder: String,
        /// The system's reason.
        error: String,
    },
    /// The fixed copy could not be written.
    CannotWrite {
        /// The file.
        path: String,
        /// The system's reason.
        error: String,
    },
    /// The fixed copy is still refused.
    StillRefused {
        /// The checks' sentences, in English.
        problems: Vec<String>,
        /// The same in any language, in the process that checked (not carried over JSON).
        #[serde(skip)]
        said: Vec<Text>,
    },
}

impl Why {
    /// The sentence (or phrase), in any language.
    #[must_use]
    pub fn text(&self) -> Text {
        match self {
            Self::NoFix { problems, said, .. } => {
                sentences(problems, said, Some(self.without_refusal()))
            }
            Self::StillRefused { problems, said } => sentences(problems, said, None),
            Self::Unreadable { name, error } => {
                crate::text!("fixed-unreadable", name = name, error = error)
            }
            Self::UnknownKind { name } => crate::text!("fixed-unknown-kind", name = name),
            Self::CannotOpen { name, error } => {
                crate::text!("fixed-cannot-open", name = name, error = error)
            }
            Self::CannotRead { name, error } => {
                crate::text!("fixed-cannot-read", name = name, error = error)
            }
            Self::TooLargeToFix { name } => crate::text!("fixed-too-large-to-fix", name = name),
            Self::NotCombinable { name } => crate::text!("fixed-not-combinable", name = name),
            Self::CannotCombineFile { name, why } => {
                crate::text!("fixed-cannot-combine-file", name = name, why = why.text())
            }
            Self::CannotCombine { why } => crate::text!("fixed-cannot-combine", why = why.text()),
            Self::DoesNotFit => crate::text!("fixed-does-not-fit"),
            Self::NotAScan => crate::text!("fixed-not-a-scan"),
            Self::Unrecognised { detail } => Text::verbatim(detail),
            Self::Damaged { detail: None } => crate::text!("fixed-not-decoded"),
            Self::Damaged {
                detail: Some(error),
            } => crate::text!("fixed-not-decoded-because", error = error),
            Self::TooManyPixels => crate::text!("fixed-too-many-pixels"),
            Self::InFile { name, why } => {
                crate::text!("fixed-in-file", name = name, why = why.text())
            }
            Self::PictureDoesNotFit { name } => {
                crate::text!("fixed-picture-does-not-fit", name = name)
            }
            Self::NotReencoded { name } => crate::text!("fixed-not-reencoded", name = name),
            Self::UnreadablePdf { name } => crate::text!("fixed-unreadable-pdf", name = name),
            Self::LockedPdf { name } => crate::text!("fixed-locked-pdf", name = name),
            Self::CannotCreate { folder, error } => {
                crate::text!("fixed-cannot-create", folder = folder, error = error)
            }
            Self::CannotWrite { path, error } => {
                crate::text!("fixed-cannot-write", path = path, error = error)
            }
        }
    }

    /// What to show under a refused file whose refusal the check says already: for
    /// [`Why::NoFix`] only that no fix passes (and why), otherwise [`Why::text`].
    #[must_use]
    pub fn without_refusal(&self) -> Text {
        match self {
            Self::NoFix {
                name, first: None, ..
            } => crate::text!("fixed-no-fix", name = name),
            Self::NoFix {
                name,
                first: Some(why),
                ..
            } => crate::text!("fixed-no-fix-because", name = name, why = why.text()),
            other => other.text(),
        }
    }
}

/// `problems` (in any language when `said` has them all, else in English as written), one
/// after the other, then `last`.
fn sentences(problems: &[String], said: &[Text], last: Option<Text>) -> Text {
    let mut texts: Vec<Text> = if said.len() == problems.len() {
        said.to_vec()
    } else {
        problems.iter().map(Text::verbatim).collect()
    };
    texts.extend(last);
    texts
        .into_iter()
        .rev()
        .reduce(|then, first| crate::text!("fixed-then", first = first, then = then))
        .unwrap_or_else(|| Text::verbatim(""))
}

/// In English: `--json` output and logs carry it; [`Why::text`] says it in any language.
impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().english())
    }
}

impl From<super::picture::DecodeError> for Why {
    fn from(e: super::picture::DecodeError) -> Self {
        use super::picture::DecodeError as E;
        match e {
            E::Unreadable(detail) => Self::Unrecognised { detail },
            E::Damaged(detail) => Self::Damaged { detail },
            E::TooManyPixels => Self::TooManyPixels,
        }
    }
}

impl From<super::pdf_build::BuildError> for Why {
    fn from(e: super::pdf_build::BuildError) -> Self {
        use super::pdf_build::BuildError as E;
        match e {
            E::UnreadablePdf(name) => Self::UnreadablePdf { name },
            E::LockedPdf(name) => Self::LockedPdf { name },
        }
    }
}

/// A [`FileKind`] as its MIME type.
mod mime {
    use serde::{Deserialize as _, Deserializer, Serializer};

    use crate::model::FileKind;

    pub fn serialize<S: Serializer>(kind: &FileKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(kind.mime())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<FileKind, D::Error> {
        String::deserialize(d).map(|mime| FileKind::from_mime(&mime))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn round_trip<T: Serialize + for<'de> Deserialize<'de>>(value: &T) -> T {
        serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
    }

    #[test]
    fn actions_read_in_english_as_they_always_have_and_cross_json_whole() {
        let mib = 1024 * 1024;
        let said = [
            (
                Action::Renamed {
                    name: "photo.png".into(),
                },
                "renamed to photo.png",
            ),
            (Action::TextToPdf, "made a PDF of the text"),
            (
                Action::ScanRemade {
                    dpi: 96,
                    size: 4 * mib + mib / 2,
                },
                "scanned pages made again at 96 dpi, 4.5 MB (quality reduced)",
            ),
            (
                Action::ConvertedToJpeg {
                    kind: FileKind::Heic,
                    size: 812 * 1024,
                },
                "converted a HEIC photo to JPEG (812 KB)",
            ),
            (
                Action::Resized {
                    width: 1200,
                    height: 1600,
                    size: 3 * mib,
                },
                "shrunk to 1200 × 1600 pixels, 3 MB (quality reduced)",
            ),
            (
                Action::Compressed { size: 900 },
                "compressed to 900 bytes (quality reduced)",
            ),
            (
                Action::PicturesToPdf { count: 1 },
                "made a PDF of the picture (a page)",
            ),
            (
                Action::PicturesToPdf { count: 3 },
                "made a PDF of the pictures (a page each)",
            ),
            (
                Action::Shrunk { size: 2 * mib },
                "shrunk to 2 MB (quality reduced)",
            ),
            (
                Action::Combined {
                    count: 3,
                    name: "page-1 (combined).pdf".into(),
                },
                "combined 3 files into page-1 (combined).pdf",
            ),
        ];
        for (action, english) in said {
            assert_eq!(action.to_string(), english);
            assert_eq!(round_trip(&action), action);
            for lang in [Lang::Nl, Lang::De] {
                let other = action.text().render_in(lang);
                assert_ne!(other, english, "{}", lang.tag());
            }
        }
        assert_eq!(
            Action::ConvertedToJpeg {
                kind: FileKind::Heic,
                size: 812 * 1024
            }
            .text()
            .render_in(Lang::De),
            "ein HEIC-Foto in JPEG umgewandelt (812 KB)"
        );
    }

    #[test]
    fn reasons_read_in_english_as_they_always_have_and_cross_json_whole() {
        let no_fix = Why::NoFix {
            name: "scan.pdf".into(),
            problems: vec!["scan.pdf is too large.".into(), "Really.".into()],
            said: Vec::new(),
            first: Some(Box::new(Why::NotAScan)),
        };
        assert_eq!(
            no_fix.to_string(),
            "scan.pdf is too large. Really. No fix atsdrop knows makes scan.pdf pass (only a PDF \
             made of scanned pages can be shrunk, and this one is not, or does not fit even at \
             72 dpi)."
        );
        assert_eq!(
            no_fix.without_refusal().english(),
            "No fix atsdrop knows makes scan.pdf pass (only a PDF made of scanned pages can be \
             shrunk, and this one is not, or does not fit even at 72 dpi)."
        );
        assert_eq!(round_trip(&no_fix), no_fix);
        let combine = Why::CannotCombineFile {
            name: "a.png".into(),
            why: Box::new(Why::Damaged {
                detail: Some("bad chunk".into()),
            }),
        };
        assert_eq!(
            combine.to_string(),
            "a.png can't be combined: it could not be decoded (bad chunk)."
        );
        assert_eq!(round_trip(&combine), combine);
        let build = Why::CannotCombine {
            why: Box::new(super::super::pdf_build::BuildError::LockedPdf("x.pdf".into()).into()),
        };
        assert_eq!(
            build.to_string(),
            "The files can't be combined: x.pdf is locked with a password."
        );
        assert_eq!(
            Why::InFile {
                name: "b.heic".into(),
                why: Box::new(Why::TooManyPixels)
            }
            .to_string(),
            "b.heic: it has more pixels than a document needs"
        );
        assert!(
            Why::DoesNotFit
                .text()
                .render_in(Lang::Nl)
                .contains("kleinste")
        );
    }
}
