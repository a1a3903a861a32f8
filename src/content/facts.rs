//! What the content reader reports for one file, and which reader reads which kind.
//!
//! [`read`] is what runs inside the reader process (`atsdrop read-content`); the app and the
//! command line never call it on a user's file in their own process (see `reader`).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{office, pdf, preview, rtf};
use crate::model::{FileKind, Health};

/// The most bytes of a file the reader loads (larger files are read on their form alone).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Which reader a kind of file goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// PDF (`hayro`).
    Pdf,
    /// Word (`.docx`) and other Office Open XML packages.
    Docx,
    /// `OpenDocument` text.
    Odt,
    /// OLE compound files: `.doc`, `.xls`, `.ppt`, locked Office files.
    Ole,
    /// Rich Text Format.
    Rtf,
    /// Plain text, Markdown, CSV.
    Text,
}

impl Format {
    /// The reader for `kind`, if atsdrop reads the content of such files.
    #[must_use]
    pub fn of(kind: &FileKind) -> Option<Self> {
        Some(match kind {
            FileKind::Pdf => Self::Pdf,
            FileKind::Docx | FileKind::Xlsx | FileKind::Pptx => Self::Docx,
            FileKind::Odt | FileKind::Ods | FileKind::Odp => Self::Odt,
            FileKind::Doc | FileKind::Xls | FileKind::Ppt | FileKind::LockedOffice => Self::Ole,
            FileKind::Rtf => Self::Rtf,
            FileKind::PlainText | FileKind::Markdown | FileKind::Csv => Self::Text,
            _ => return None,
        })
    }

    /// The name passed to the reader process (`--format pdf`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Odt => "odt",
            Self::Ole => "ole",
            Self::Rtf => "rtf",
            Self::Text => "text",
        }
    }

    /// The format [`Format::as_str`] names.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Pdf,
            Self::Docx,
            Self::Odt,
            Self::Ole,
            Self::Rtf,
            Self::Text,
        ]
        .into_iter()
        .find(|f| f.as_str() == name)
    }
}

/// What the reader learned about one file. The text is personal data: it stays in memory, and
/// `Debug` shows only its length.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentFacts {
    /// The text of the first pages (bounded), lines separated by `'\n'`; empty when none.
    pub text: String,
    /// Pages, for PDFs.
    pub pages: Option<u32>,
    /// Health flags.
    pub health: Vec<Health>,
    /// Why the content could not be read, when it could not (a phrase:
    /// "it is damaged", "reading it took too long").
    pub unreadable: Option<String>,
    /// How many bytes at the start of `text` are the first page (for PDFs; other documents
    /// count their first [`FIRST_PAGE_CHARS`] characters as the first page).
    pub first_page_bytes: Option<usize>,
    /// A PDF's first page rendered small (see `preview`), as PNG bytes (base64 in JSON).
    #[serde(default, with = "base64_bytes")]
    pub preview_png: Option<Vec<u8>>,
}

/// `Option<Vec<u8>>` as an optional base64 string (a third of the size of a number array).
mod base64_bytes {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::ref_option)] // serde's `with` hands the field by reference
    pub fn serialize<S: Serializer>(bytes: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match bytes {
            Some(bytes) => s.serialize_some(&STANDARD.encode(bytes)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| STANDARD.decode(text).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Characters of a document without pages that count as its first page.
pub const FIRST_PAGE_CHARS: usize = 2_000;

impl fmt::Debug for ContentFacts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ContentFacts")
            .field("text", &format_args!("<{} bytes>", self.text.len()))
            .field("pages", &self.pages)
            .field("health", &self.health)
            .field("unreadable", &self.unreadable)
            .field("first_page_bytes", &self.first_page_bytes)
            .field(
                "preview_png",
                &self
                    .preview_png
                    .as_ref()
                    .map(|p| format!("<{} bytes>", p.len())),
            )
            .finish()
    }
}

impl ContentFacts {
    /// Facts for content that could not be read, for `reason`.
    #[must_use]
    pub fn unreadable(reason: impl Into<String>) -> Self {
        Self {
            health: vec![Health::Unreadable],
            unreadable: Some(reason.into()),
            ..Self::default()
        }
    }

    /// The first page's text (a PDF's first page, or the first [`FIRST_PAGE_CHARS`]
    /// characters of others): where a CV names its owner and a letter its addressee.
    #[must_use]
    pub fn first_page(&self) -> &str {
        let chars = || {
            self.text
                .char_indices()
                .nth(FIRST_PAGE_CHARS)
                .map_or(self.text.len(), |(i, _)| i)
        };
        let end = self.first_page_bytes.unwrap_or_else(chars);
        self.text.get(..end).unwrap_or(&self.text)
    }
}

/// Reads `bytes` as `format`, in this process. Runs inside the reader process.
#[must_use]
pub fn read(format: Format, bytes: &[u8]) -> ContentFacts {
    let document = |facts: Result<office::DocFacts, String>| match facts {
        Ok(doc) => {
            let mut health = Vec::new();
            if doc.needs_password {
                health.push(Health::NeedsPassword);
            }
            if doc.macros {
                health.push(Health::Macros);
            }
            ContentFacts {
                text: doc.text,
                pages: None,
                health,
                unreadable: None,
                first_page_bytes: None,
                preview_png: None,
            }
        }
        Err(reason) => ContentFacts::unreadable(reason),
    };
    match format {
        Format::Pdf => match pdf::read_pdf(bytes) {
            Ok(facts) if facts.needs_password => ContentFacts {
                health: vec![Health::NeedsPassword],
                ..ContentFacts::default()
            },
            Ok(facts) => ContentFacts {
                // A readable page without text whose pages show images is a scan; one without
                // either has text no reader can map (fonts without Unicode): say nothing.
                health: if !facts.has_text_layer && facts.has_images {
                    vec![Health::NoTextLayer]
                } else {
                    Vec::new()
                },
                text: facts.text,
                pages: Some(facts.pages),
                unreadable: None,
                first_page_bytes: Some(facts.first_page_bytes),
                preview_png: preview::first_pdf_page(bytes),
            },
            Err(reason) => ContentFacts::unreadable(reason),
        },
        Format::Docx => document(office::read_docx(bytes)),
        Format::Odt => document(office::read_odt(bytes)),
        Format::Ole => document(office::read_ole(bytes)),
        Format::Rtf => document(rtf::read_rtf(bytes)),
        Format::Text => document(Ok(office::read_text(bytes))),
    }
}
