//! Turning refused files into files the system takes, one click (or one command) away: a copy
//! with the name its content shows, pictures as a PDF (JPEGs embedded as they are, upright),
//! HEIC as JPEG, pictures shrunk under the size limit, text as a PDF, and several files
//! combined into one PDF. The original is never changed; a fix is offered only when its result
//! passes every check for the system and type (the check runs again on the result).
//!
//! Decoding pictures and copying PDF pages parse untrusted files: this runs in `atsdrop fix`,
//! which the app starts as a process of its own.

pub mod jpeg;
pub mod pdf_build;
pub mod picture;
pub mod said;
pub mod scan_pdf;
pub mod shrink;
pub mod text_pdf;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::i18n::Text;
use crate::inspect;
use crate::model::{
    self, AttachmentType, ContentCheck, FileFacts, FileKind, Limits, ProviderProfile, StagedFile,
};
use pdf_build::Part;
pub use said::{Action, Why};

/// The share of the system's size limit a shrunk file aims at (a margin below the limit).
const SIZE_MARGIN: f64 = 0.9;

/// The system and type files are fixed for.
#[derive(Clone, Copy)]
pub struct Target<'a> {
    /// The system.
    pub profile: &'static ProviderProfile,
    /// Its limits (the account's, when connected).
    pub limits: &'a Limits,
    /// The type the files will be sent as.
    pub attachment_type: &'static AttachmentType,
}

/// How a file came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A fixed copy passes every check.
    Fixed,
    /// It passed already: nothing was made.
    Unchanged,
    /// No fix makes it pass.
    Cannot,
}

/// What fixing one file (or combining several) did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// How it came out.
    pub status: Status,
    /// The fixed copy, when made.
    pub output: Option<PathBuf>,
    /// What was done ("renamed to photo.png", "shrunk to 4.1 MB").
    pub actions: Vec<Action>,
    /// Why it could not be fixed, naming the file and what to do.
    pub error: Option<Why>,
    /// Whether quality was reduced to make it fit.
    pub quality_reduced: bool,
}

impl Outcome {
    fn unchanged() -> Self {
        Self {
            status: Status::Unchanged,
            output: None,
            actions: Vec::new(),
            error: None,
            quality_reduced: false,
        }
    }

    fn cannot(error: Why) -> Self {
        Self {
            status: Status::Cannot,
            output: None,
            actions: Vec::new(),
            error: Some(error),
            quality_reduced: false,
        }
    }
}

/// A candidate fix: the bytes of the fixed file, its name, and what was done.
struct Made {
    name: String,
    bytes: Vec<u8>,
    actions: Vec<Action>,
    quality_reduced: bool,
}

/// The refusals of `facts` sent as `target`'s type, in English and in any language (empty: it
/// passes).
fn problems(target: Target<'_>, facts: FileFacts) -> (Vec<String>, Vec<Text>) {
    let staged = StagedFile {
        facts,
        attachment_type: target.attachment_type,
        content: ContentCheck::default(),
    };
    model::validate(target.profile, target.limits, &[staged])
        .files
        .into_iter()
        .flat_map(|v| v.problems)
        .filter(|p| p.kind.blocks())
        .map(|p| (p.message, p.text))
        .unzip()
}

/// Whether the system takes files of `kind` as the target's type, size aside.
fn takes(target: Target<'_>, kind: &FileKind) -> bool {
    let facts = FileFacts {
        path: PathBuf::from("probe"),
        name: format!("probe.{}", kind.preferred_extension().unwrap_or("bin")),
        size: 1,
        modified: None,
        content: Some(kind.clone()),
        by_extension: Some(kind.clone()),
        read_error: None,
    };
    problems(target, facts).0.is_empty()
}

/// The largest file a fix aims at for the target.
fn budget(target: Target<'_>) -> u64 {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let budget = (target
        .limits
        .max_file_bytes_for(target.attachment_type.wire) as f64
        * SIZE_MARGIN) as u64;
    budget
}

/// Fixes the file at `path` for `target`, writing the fixed copy into `out_dir`.
#[must_use]
pub fn fix_file(path: &Path, target: Target<'_>, out_dir: &Path) -> Outcome {
    let facts = inspect::inspect(path);
    let (problems, said) = problems(target, facts.clone());
    if problems.is_empty() {
        return Outcome::unchanged();
    }
    let name = facts.name.clone();
    if let Some(error) = &facts.read_error {
        return Outcome::cannot(Why::Unreadable {
            name,
            error: error.clone(),
        });
    }
    let Some(kind) = facts.content.clone() else {
        return Outcome::cannot(Why::UnknownKind { name });
    };
    let bytes = match read_bounded(path) {
        Ok(bytes) => bytes,
        Err(error) => return Outcome::cannot(error),
    };
    let mut reasons = Vec::new();
    for attempt in attempts(&facts, &kind, target) {
        match attempt(&bytes) {
            Ok(made) => match write_checked(made, target, out_dir) {
                Ok(outcome) => return outcome,
                Err(why) => reasons.push(why),
            },
            Err(why) => reasons.push(why),
        }
    }
    Outcome::cannot(Why::NoFix {
        name,
        problems,
        said,
        first: reasons.into_iter().next().map(Box::new),
    })
}

/// A way to fix a file, tried in order.
type Attempt<'a> = Box<dyn Fn(&[u8]) -> Result<Made, Why> + 'a>;

/// The fixes worth trying for a file, least change first.
fn attempts<'a>(facts: &'a FileFacts, kind: &'a FileKind, target: Target<'a>) -> Vec<Attempt<'a>> {
    let stem = stem(&facts.name);
    let mut out: Vec<Attempt<'a>> = Vec::new();
    // A name that lies: the same bytes under the name the content shows.
    if facts.mismatch()
        && let Some(ext) = kind.preferred_extension()
        && takes(target, kind)
    {
        let name = format!("{stem}.{ext}");
        out.push(Box::new(move |bytes| {
            Ok(Made {
                name: name.clone(),
                bytes: bytes.to_vec(),
                actions: vec![Action::Renamed { name: name.clone() }],
                quality_reduced: false,
            })
        }));
    }
    let picture =
        kind.is_raster_image() || matches!(kind, FileKind::Heic | FileKind::Heif | FileKind::Tiff);
    if picture {
        if takes(target, &FileKind::Jpeg) {
            let stem = stem.clone();
            out.push(Box::new(move |bytes| to_jpeg(bytes, kind, &stem, target)));
        }
        if takes(target, &FileKind::Pdf) {
            let stem = stem.clone();
            out.push(Box::new(move |bytes| {
                pictures_to_pdf(
                    &[(facts.name.clone(), bytes.to_vec(), kind.clone())],
                    &stem,
                    target,
                )
            }));
        }
    }
    if *kind == FileKind::Pdf && takes(target, &FileKind::Pdf) {
        let stem = stem.clone();
        let name = facts.name.clone();
        out.push(Box::new(move |bytes| {
            let (pdf, dpi) = scan_pdf::shrink(bytes, &name, budget(target)).ok_or(Why::NotAScan)?;
            // Rounded as it has always been written.
            let dpi = format!("{dpi:.0}").parse().unwrap_or_default();
            Ok(Made {
                name: format!("{stem}.pdf"),
                actions: vec![Action::ScanRemade {
                    dpi,
                    size: pdf.len() as u64,
                }],
                bytes: pdf,
                quality_reduced: true,
            })
        }));
    }
    if matches!(kind, FileKind::PlainText | FileKind::Markdown) && takes(target, &FileKind::Pdf) {
        let stem = stem.clone();
        out.push(Box::new(move |bytes| {
            let text = String::from_utf8_lossy(bytes);
            let pages = text_pdf::pages(&text);
            let pdf = pdf_build::build(vec![(facts.name.clone(), Part::TextPages(pages))])?;
            Ok(Made {
                name: format!("{stem}.pdf"),
                bytes: pdf,
                actions: vec![Action::TextToPdf],
                quality_reduced: false,
            })
        }));
    }
    out
}

/// A picture as a JPEG under the budget (a JPEG that fits is not touched by this fix).
fn to_jpeg(bytes: &[u8], kind: &FileKind, stem: &str, target: Target<'_>) -> Result<Made, Why> {
    let picture = picture::decode(bytes, kind)?;
    let shrunk = shrink::to_fit(&picture, budget(target)).ok_or(Why::DoesNotFit)?;
    let size = shrunk.jpeg.len() as u64;
    let mut actions = Vec::new();
    if *kind != FileKind::Jpeg {
        actions.push(Action::ConvertedToJpeg {
            kind: kind.clone(),
            size,
        });
    }
    // Encoding a JPEG again always loses some of it, even at the first quality tried.
    let reduced = shrunk.reduced || *kind == FileKind::Jpeg;
    if shrunk.width != picture.width() {
        actions.push(Action::Resized {
            width: shrunk.width,
            height: shrunk.height,
            size,
        });
    } else if reduced {
        actions.push(Action::Compressed { size });
    }
    Ok(Made {
        name: format!("{stem}.jpg"),
        bytes: shrunk.jpeg,
        actions,
        quality_reduced: reduced,
    })
}

/// Pictures (each `(name, bytes, kind)`) as one PDF, a page each, under the budget: JPEGs as
/// they are when the whole fits, otherwise every picture shrunk to its share.
fn pictures_to_pdf(
    pictures: &[(String, Vec<u8>, FileKind)],
    stem: &str,
    target: Target<'_>,
) -> Result<Made, Why> {
    let parts = |shrink_to: Option<u64>| -> Result<(Vec<(String, Part)>, bool), Why> {
        let mut parts = Vec::new();
        let mut reduced = false;
        for (name, bytes, kind) in pictures {
            let part = match (kind, shrink_to, jpeg::header(bytes)) {
                (FileKind::Jpeg, None, Some(header)) => Part::Jpeg {
                    bytes: bytes.clone(),
                    header,
                },
                (_, None, _) => Part::Picture(decode_named(bytes, kind, name)?.to_rgba8()),
                (_, Some(share), _) => {
                    let picture = decode_named(bytes, kind, name)?;
                    let shrunk = shrink::to_fit(&picture, share)
                        .ok_or_else(|| Why::PictureDoesNotFit { name: name.clone() })?;
                    reduced |= shrunk.reduced;
                    let header = jpeg::header(&shrunk.jpeg)
                        .ok_or_else(|| Why::NotReencoded { name: name.clone() })?;
                    Part::Jpeg {
                        bytes: shrunk.jpeg,
                        header,
                    }
                }
            };
            parts.push((name.clone(), part));
        }
        Ok((parts, reduced))
    };
    let budget = budget(target);
    let (first, _) = parts(None)?;
    let pdf = pdf_build::build(first)?;
    let count = pictures.len();
    if pdf.len() as u64 <= budget {
        return Ok(Made {
            name: format!("{stem}.pdf"),
            bytes: pdf,
            actions: vec![Action::PicturesToPdf { count }],
            quality_reduced: false,
        });
    }
    let share = budget / u64::try_from(count.max(1)).unwrap_or(1);
    let (small, _) = parts(Some(share.saturating_sub(4_096)))?;
    let pdf = pdf_build::build(small)?;
    Ok(Made {
        name: format!("{stem}.pdf"),
        actions: vec![
            Action::PicturesToPdf { count },
            Action::Shrunk {
                size: pdf.len() as u64,
            },
        ],
        bytes: pdf,
        quality_reduced: true,
    })
}

/// Combines the files at `paths`, in that order, into one PDF named `name` in `out_dir`:
/// pictures a page each, PDFs with all their pages, text as pages. Shrinks pictures when the
/// whole would be too large.
#[must_use]
pub fn combine(paths: &[PathBuf], name: &str, target: Target<'_>, out_dir: &Path) -> Outcome {
    let mut pictures = Vec::new();
    let mut parts = Vec::new();
    for path in paths {
        let facts = inspect::inspect(path);
        let bytes = match read_bounded(path) {
            Ok(bytes) => bytes,
            Err(error) => return Outcome::cannot(error),
        };
        match facts.content {
            Some(FileKind::Pdf) => parts.push((facts.name, Part::Pdf(bytes))),
            Some(FileKind::PlainText | FileKind::Markdown) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                parts.push((facts.name, Part::TextPages(text_pdf::pages(&text))));
            }
            Some(kind) if is_picture(&kind) => {
                pictures.push((path.clone(), facts.name.clone(), kind.clone()));
                let part = match (&kind, jpeg::header(&bytes)) {
                    (FileKind::Jpeg, Some(header)) => Part::Jpeg { bytes, header },
                    _ => match picture::decode(&bytes, &kind) {
                        Ok(picture) => Part::Picture(picture.to_rgba8()),
                        Err(e) => {
                            return Outcome::cannot(Why::CannotCombineFile {
                                name: facts.name,
                                why: Box::new(e.into()),
                            });
                        }
                    },
                };
                parts.push((facts.name, part));
            }
            _ => return Outcome::cannot(Why::NotCombinable { name: facts.name }),
        }
    }
    let pdf = match pdf_build::build(parts) {
        Ok(pdf) => pdf,
        Err(e) => {
            return Outcome::cannot(Why::CannotCombine {
                why: Box::new(e.into()),
            });
        }
    };
    let mut made = Made {
        name: name.to_owned(),
        bytes: pdf,
        actions: vec![Action::Combined {
            count: paths.len(),
            name: name.to_owned(),
        }],
        quality_reduced: false,
    };
    if made.bytes.len() as u64 > budget(target) && !pictures.is_empty() {
        // Too large, and all pictures: each shrunk to its share of the limit (a PDF's pages
        // or text are not re-made, so a mix that is too large stays refused).
        if pictures.len() == paths.len() {
            let inputs: Result<Vec<_>, Why> = pictures
                .iter()
                .map(|(path, name, kind)| {
                    read_bounded(path).map(|b| (name.clone(), b, kind.clone()))
                })
                .collect();
            match inputs.and_then(|inputs| pictures_to_pdf(&inputs, &stem(name), target)) {
                Ok(small) => {
                    made.bytes = small.bytes;
                    made.quality_reduced = small.quality_reduced;
                    made.actions.extend(small.actions.into_iter().skip(1));
                }
                Err(e) => return Outcome::cannot(e),
            }
        }
    }
    match write_checked(made, target, out_dir) {
        Ok(outcome) => outcome,
        Err(why) => Outcome::cannot(why),
    }
}

/// Writes `made` into `out_dir` (never over an existing file) and checks the result.
fn write_checked(made: Made, target: Target<'_>, out_dir: &Path) -> Result<Outcome, Why> {
    std::fs::create_dir_all(out_dir).map_err(|e| Why::CannotCreate {
        folder: out_dir.display().to_string(),
        error: e.to_string(),
    })?;
    let path = free_name(out_dir, &made.name);
    std::fs::write(&path, &made.bytes).map_err(|e| Why::CannotWrite {
        path: path.display().to_string(),
        error: e.to_string(),
    })?;
    let (problems, said) = problems(target, inspect::inspect(&path));
    if problems.is_empty() {
        Ok(Outcome {
            status: Status::Fixed,
            output: Some(path),
            actions: made.actions,
            error: None,
            quality_reduced: made.quality_reduced,
        })
    } else {
        let _ = std::fs::remove_file(&path);
        Err(Why::StillRefused { problems, said })
    }
}

/// `name` in `dir`, or `stem (2).ext`… when taken.
fn free_name(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (2..10_000)
        .map(|i| {
            if ext.is_empty() {
                dir.join(format!("{stem} ({i})"))
            } else {
                dir.join(format!("{stem} ({i}).{ext}"))
            }
        })
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Whether atsdrop can decode `kind` as a picture.
fn is_picture(kind: &FileKind) -> bool {
    kind.is_raster_image() || matches!(kind, FileKind::Heic | FileKind::Heif | FileKind::Tiff)
}

/// A file name without its extension.
fn stem(name: &str) -> String {
    name.rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_owned()
}

/// The picture in `bytes`, or why not, naming the file (one of several).
fn decode_named(bytes: &[u8], kind: &FileKind, name: &str) -> Result<image::DynamicImage, Why> {
    picture::decode(bytes, kind).map_err(|e| Why::InFile {
        name: name.to_owned(),
        why: Box::new(e.into()),
    })
}

/// The most bytes of one input read (a larger input is not a document to fix).
const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// The file's bytes, bounded.
fn read_bounded(path: &Path) -> Result<Vec<u8>, Why> {
    use std::io::Read as _;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let file = std::fs::File::open(path).map_err(|e| Why::CannotOpen {
        name: name.clone(),
        error: e.to_string(),
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Why::CannotRead {
            name: name.clone(),
            error: e.to_string(),
        })?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Why::TooLargeToFix { name });
    }
    Ok(bytes)
}
