//! What a file really is, judged by its content (or, as a fallback, by its extension).

use std::fmt;

/// A kind of file atsdrop can recognise, with its MIME type and a plain-language name.
///
/// Content sniffing (`crate::inspect`) produces one of these; so does the file extension.
/// When the two disagree, validation says so in a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// PDF document.
    Pdf,
    /// Legacy Word document (OLE compound file).
    Doc,
    /// Word document (Office Open XML).
    Docx,
    /// Legacy Excel workbook (OLE compound file).
    Xls,
    /// Excel workbook (Office Open XML).
    Xlsx,
    /// Legacy PowerPoint presentation (OLE compound file).
    Ppt,
    /// PowerPoint presentation (Office Open XML).
    Pptx,
    /// OpenDocument text.
    Odt,
    /// OpenDocument spreadsheet.
    Ods,
    /// OpenDocument presentation.
    Odp,
    /// Rich Text Format.
    Rtf,
    /// Plain text whose exact flavour the content does not tell.
    PlainText,
    /// Markdown text.
    Markdown,
    /// Comma-separated values.
    Csv,
    /// JSON document.
    Json,
    /// XML document.
    Xml,
    /// HTML page.
    Html,
    /// SVG vector image.
    Svg,
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// GIF image.
    Gif,
    /// WebP image.
    Webp,
    /// BMP image.
    Bmp,
    /// TIFF image.
    Tiff,
    /// Windows icon.
    Ico,
    /// HEIC image (iPhone photos).
    Heic,
    /// HEIF image.
    Heif,
    /// ZIP archive that is not an Office or OpenDocument file.
    Zip,
    /// Office document locked with a password: an OLE file holding `EncryptedPackage` (what
    /// Word, Excel and PowerPoint write for a protected `.docx`, `.xlsx` or `.pptx`).
    LockedOffice,
    /// An e-mail in MIME form (`.eml`): opened into its attachments, never sent itself.
    Email,
    /// An Outlook message (`.msg`, an OLE compound file): opened into its attachments.
    OutlookMessage,
    /// Windows program (PE executable).
    WindowsProgram,
    /// Linux program (ELF executable).
    LinuxProgram,
    /// macOS program (Mach-O executable).
    MacProgram,
    /// Any other type with a known MIME type (audio, video, other archives…).
    Other {
        /// The MIME type.
        mime: String,
    },
}

impl FileKind {
    /// The MIME type to send for this kind (never `application/octet-stream` for a known kind).
    #[must_use]
    pub fn mime(&self) -> &str {
        match self {
            Self::Other { mime } => mime,
            known => known
                .known_mimes()
                .first()
                .copied()
                .unwrap_or("application/octet-stream"),
        }
    }

    /// Whether `mime` (any spelling, case-insensitive) names this kind.
    #[must_use]
    pub fn has_mime(&self, mime: &str) -> bool {
        let mime = mime.trim();
        match self {
            Self::Other { mime: own } => own.eq_ignore_ascii_case(mime),
            known => known
                .known_mimes()
                .iter()
                .any(|m| m.eq_ignore_ascii_case(mime)),
        }
    }

    /// Every MIME spelling of a named kind; the first is the one atsdrop sends.
    fn known_mimes(&self) -> &'static [&'static str] {
        match self {
            Self::Pdf => &["application/pdf"],
            Self::Doc => &["application/msword"],
            Self::Docx => {
                &["application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
            }
            Self::Xls => &["application/vnd.ms-excel"],
            Self::Xlsx => &["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
            Self::Ppt => &["application/vnd.ms-powerpoint"],
            Self::Pptx => {
                &["application/vnd.openxmlformats-officedocument.presentationml.presentation"]
            }
            Self::Odt => &["application/vnd.oasis.opendocument.text"],
            Self::Ods => &["application/vnd.oasis.opendocument.spreadsheet"],
            Self::Odp => &["application/vnd.oasis.opendocument.presentation"],
            Self::Rtf => &["application/rtf", "text/rtf"],
            Self::PlainText => &["text/plain"],
            Self::Markdown => &["text/markdown", "text/x-markdown"],
            Self::Csv => &["text/csv"],
            Self::Json => &["application/json"],
            Self::Xml => &["application/xml", "text/xml"],
            Self::Html => &["text/html"],
            Self::Svg => &["image/svg+xml"],
            Self::Png => &["image/png"],
            Self::Jpeg => &["image/jpeg"],
            Self::Gif => &["image/gif"],
            Self::Webp => &["image/webp"],
            Self::Bmp => &["image/bmp"],
            Self::Tiff => &["image/tiff"],
            Self::Ico => &["image/x-icon", "image/vnd.microsoft.icon"],
            Self::Heic => &["image/heic"],
            Self::Heif => &["image/heif"],
            Self::Zip => &["application/zip"],
            Self::LockedOffice => &["application/x-ole-storage"],
            Self::Email => &["message/rfc822"],
            Self::OutlookMessage => &["application/vnd.ms-outlook"],
            Self::WindowsProgram => &[
                "application/vnd.microsoft.portable-executable",
                "application/x-msdownload",
            ],
            Self::LinuxProgram => &["application/x-executable", "application/x-elf"],
            Self::MacProgram => &["application/x-mach-binary"],
            Self::Other { .. } => &[],
        }
    }

    /// "a PDF", "a Word document", "a Windows program": used inside sentences (in English).
    #[must_use]
    pub fn description(&self) -> String {
        self.describe().english()
    }

    /// What it is without an article ("PDF", "Word document"), in the current language: a
    /// table cell's or a list's word for it.
    #[must_use]
    pub fn noun(&self) -> String {
        let description = self.describe().to_string();
        // The indefinite articles the descriptions start with, in each language.
        ["an ", "a ", "een ", "eine ", "ein "]
            .iter()
            .find_map(|article| description.strip_prefix(article))
            .map_or_else(|| description.clone(), str::to_owned)
    }

    /// [`FileKind::description`] in any language.
    #[must_use]
    pub fn describe(&self) -> crate::i18n::Text {
        use crate::i18n::Text;
        Text::new(match self {
            Self::Pdf => "kind-pdf",
            Self::Doc => "kind-doc",
            Self::Docx => "kind-docx",
            Self::Xls => "kind-xls",
            Self::Xlsx => "kind-xlsx",
            Self::Ppt => "kind-ppt",
            Self::Pptx => "kind-pptx",
            Self::Odt => "kind-odt",
            Self::Ods => "kind-ods",
            Self::Odp => "kind-odp",
            Self::Rtf => "kind-rtf",
            Self::PlainText => "kind-plain-text",
            Self::Markdown => "kind-markdown",
            Self::Csv => "kind-csv",
            Self::Json => "kind-json",
            Self::Xml => "kind-xml",
            Self::Html => "kind-html",
            Self::Svg => "kind-svg",
            Self::Png => "kind-png",
            Self::Jpeg => "kind-jpeg",
            Self::Gif => "kind-gif",
            Self::Webp => "kind-webp",
            Self::Bmp => "kind-bmp",
            Self::Tiff => "kind-tiff",
            Self::Ico => "kind-ico",
            Self::Heic => "kind-heic",
            Self::Heif => "kind-heif",
            Self::Zip => "kind-zip",
            Self::LockedOffice => "kind-locked-office",
            Self::Email => "kind-email",
            Self::OutlookMessage => "kind-outlook-message",
            Self::WindowsProgram => "kind-windows-program",
            Self::LinuxProgram => "kind-linux-program",
            Self::MacProgram => "kind-mac-program",
            Self::Other { mime } => return Text::new("kind-other").arg("mime", mime.as_str()),
        })
    }

    /// The extension a file of this kind should have, without the dot (`"png"`).
    #[must_use]
    pub fn preferred_extension(&self) -> Option<&'static str> {
        Some(match self {
            Self::Pdf => "pdf",
            Self::Doc => "doc",
            Self::Docx => "docx",
            Self::Xls => "xls",
            Self::Xlsx => "xlsx",
            Self::Ppt => "ppt",
            Self::Pptx => "pptx",
            Self::Odt => "odt",
            Self::Ods => "ods",
            Self::Odp => "odp",
            Self::Rtf => "rtf",
            Self::PlainText => "txt",
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::Json => "json",
            Self::Xml => "xml",
            Self::Html => "html",
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Gif => "gif",
            Self::Webp => "webp",
            Self::Bmp => "bmp",
            Self::Tiff => "tiff",
            Self::Ico => "ico",
            Self::Heic => "heic",
            Self::Heif => "heif",
            Self::Zip => "zip",
            Self::Email => "eml",
            Self::OutlookMessage => "msg",
            Self::WindowsProgram => "exe",
            Self::LinuxProgram | Self::MacProgram | Self::LockedOffice | Self::Other { .. } => {
                return None;
            }
        })
    }

    /// Whether this is an e-mail saved as a file (`.eml`, `.msg`), which atsdrop opens into
    /// its attachments like a folder.
    #[must_use]
    pub fn is_mail(&self) -> bool {
        matches!(self, Self::Email | Self::OutlookMessage)
    }

    /// Whether this is a program, which no recruiting system should ever receive.
    #[must_use]
    pub fn is_program(&self) -> bool {
        matches!(
            self,
            Self::WindowsProgram | Self::LinuxProgram | Self::MacProgram
        )
    }

    /// Whether the content is readable text (plain, Markdown, CSV, JSON, XML, HTML, SVG, RTF).
    #[must_use]
    pub fn is_text(&self) -> bool {
        matches!(
            self,
            Self::PlainText
                | Self::Markdown
                | Self::Csv
                | Self::Json
                | Self::Xml
                | Self::Html
                | Self::Svg
                | Self::Rtf
        )
    }

    /// Whether this is a raster image atsdrop can show a thumbnail of.
    #[must_use]
    pub fn is_raster_image(&self) -> bool {
        matches!(
            self,
            Self::Png | Self::Jpeg | Self::Gif | Self::Webp | Self::Bmp
        )
    }

    /// The kind a MIME type names; unknown types become [`FileKind::Other`].
    #[must_use]
    pub fn from_mime(mime: &str) -> Self {
        let mime = mime.trim().to_ascii_lowercase();
        KNOWN
            .iter()
            .find(|k| k.has_mime(&mime))
            .cloned()
            .unwrap_or(Self::Other { mime })
    }

    /// The kind a file name's extension claims (`"cv.PDF"` → PDF); `None` without an extension
    /// or for an extension nobody maps to a type.
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<Self> {
        let ext = ext.trim_start_matches('.').to_ascii_lowercase();
        if let Some(kind) = KNOWN.iter().find(|k| {
            k.preferred_extension() == Some(ext.as_str())
                || k.extra_extensions().contains(&ext.as_str())
        }) {
            return Some(kind.clone());
        }
        mime_guess::from_ext(&ext)
            .first()
            .map(|m| Self::from_mime(m.essence_str()))
    }

    /// The MIME types of this Office format's macro-enabled variants.
    fn macro_enabled_mimes(&self) -> &'static [&'static str] {
        match self {
            Self::Docx => &[
                "application/vnd.ms-word.document.macroenabled.12",
                "application/vnd.ms-word.template.macroenabled.12",
            ],
            Self::Xlsx => &[
                "application/vnd.ms-excel.sheet.macroenabled.12",
                "application/vnd.ms-excel.template.macroenabled.12",
            ],
            Self::Pptx => &[
                "application/vnd.ms-powerpoint.presentation.macroenabled.12",
                "application/vnd.ms-powerpoint.slideshow.macroenabled.12",
            ],
            _ => &[],
        }
    }

    fn extra_extensions(&self) -> &'static [&'static str] {
        match self {
            Self::Jpeg => &["jpeg", "jpe", "jfif"],
            Self::Tiff => &["tif"],
            Self::Markdown => &["markdown"],
            Self::PlainText => &["text", "log"],
            Self::Html => &["htm"],
            Self::WindowsProgram => &["dll", "msi", "scr", "com"],
            Self::Heif => &["hif"],
            _ => &[],
        }
    }

    /// Whether content of this kind may carry a name with `claimed`'s extension without that
    /// being a mismatch: the same kind; plain text under a text extension content alone
    /// cannot confirm (Markdown, and CSV or JSON the first KiB does not prove); CSV, JSON or
    /// Markdown named as plain text or Markdown; XML named `.svg` (the `<svg>` root may lie
    /// beyond the first KiB); HEIC and HEIF for each other.
    ///
    /// Plain text named `.xml`, `.html` or `.svg` does disagree: content sniffing recognises
    /// those formats, so such a file is not what its name says.
    #[must_use]
    pub fn agrees_with(&self, claimed: &Self) -> bool {
        if self == claimed {
            return true;
        }
        match (self, claimed) {
            (Self::PlainText, Self::Markdown | Self::Csv | Self::Json)
            | (Self::Json | Self::Csv | Self::Markdown, Self::PlainText | Self::Markdown)
            | (Self::Xml, Self::Svg)
            | (Self::Heic, Self::Heif)
            | (Self::Heif, Self::Heic)
            // A locked Office file is whatever Office document its name says.
            | (
                Self::LockedOffice,
                Self::Doc | Self::Docx | Self::Xls | Self::Xlsx | Self::Ppt | Self::Pptx,
            ) => true,
            (Self::Other { mime: a }, Self::Other { mime: b }) => a.eq_ignore_ascii_case(b),
            // `.docm`, `.xlsm`, `.pptm` (and templates) are the same formats with macros; the
            // content check flags the macros.
            (Self::Docx | Self::Xlsx | Self::Pptx, Self::Other { mime }) => self
                .macro_enabled_mimes()
                .iter()
                .any(|m| m.eq_ignore_ascii_case(mime)),
            _ => false,
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.mime())
    }
}

/// Every named kind, for reverse look-ups.
const KNOWN: &[FileKind] = &[
    FileKind::Pdf,
    FileKind::Doc,
    FileKind::Docx,
    FileKind::Xls,
    FileKind::Xlsx,
    FileKind::Ppt,
    FileKind::Pptx,
    FileKind::Odt,
    FileKind::Ods,
    FileKind::Odp,
    FileKind::Rtf,
    FileKind::PlainText,
    FileKind::Markdown,
    FileKind::Csv,
    FileKind::Json,
    FileKind::Xml,
    FileKind::Html,
    FileKind::Svg,
    FileKind::Png,
    FileKind::Jpeg,
    FileKind::Gif,
    FileKind::Webp,
    FileKind::Bmp,
    FileKind::Tiff,
    FileKind::Ico,
    FileKind::Heic,
    FileKind::Heif,
    FileKind::Zip,
    FileKind::Email,
    FileKind::OutlookMessage,
    FileKind::WindowsProgram,
    FileKind::LinuxProgram,
    FileKind::MacProgram,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FileFacts;

    #[test]
    fn every_known_kind_round_trips_through_its_mime_and_extension() {
        for kind in KNOWN {
            assert_ne!(kind.mime(), "application/octet-stream", "{kind:?}");
            assert_eq!(&FileKind::from_mime(kind.mime()), kind);
            assert!(kind.has_mime(&kind.mime().to_uppercase()));
            if let Some(ext) = kind.preferred_extension() {
                assert_eq!(FileKind::from_extension(ext).as_ref(), Some(kind), "{ext}");
            }
        }
        assert_eq!(FileKind::from_extension(".JPEG"), Some(FileKind::Jpeg));
        assert_eq!(
            FileKind::from_extension("markdown"),
            Some(FileKind::Markdown)
        );
        assert_eq!(
            FileKind::from_mime("audio/mpeg"),
            FileKind::Other {
                mime: "audio/mpeg".to_owned()
            }
        );
    }

    #[test]
    fn known_content_is_never_sent_as_octet_stream() {
        let other = FileKind::Other {
            mime: "application/epub+zip".to_owned(),
        };
        for content in KNOWN.iter().chain([&other]) {
            for ext in [None, Some(FileKind::Pdf), Some(FileKind::Markdown)] {
                let facts = FileFacts {
                    path: "f".into(),
                    name: "f".to_owned(),
                    size: 1,
                    modified: None,
                    content: Some(content.clone()),
                    by_extension: ext.clone(),
                    read_error: None,
                };
                assert_ne!(
                    facts.content_type(),
                    "application/octet-stream",
                    "{content:?} named {ext:?}"
                );
            }
        }
    }

    #[test]
    fn text_flavours_agree_only_where_content_cannot_tell() {
        use FileKind as K;
        // Content can't tell Markdown from plain text, nor always CSV or JSON.
        for claimed in [K::Markdown, K::Csv, K::Json, K::PlainText] {
            assert!(K::PlainText.agrees_with(&claimed), "{claimed:?}");
        }
        assert!(K::Csv.agrees_with(&K::PlainText));
        assert!(K::Json.agrees_with(&K::Markdown));
        assert!(K::Xml.agrees_with(&K::Svg));
        assert!(K::Heic.agrees_with(&K::Heif));
        // Sniffing recognises these, so plain text under their names is a mismatch.
        for claimed in [K::Svg, K::Xml, K::Html, K::Rtf, K::Pdf] {
            assert!(!K::PlainText.agrees_with(&claimed), "{claimed:?}");
        }
        assert!(!K::Zip.agrees_with(&K::Docx));
        assert!(!K::Png.agrees_with(&K::Pdf));
        assert!(!K::Svg.agrees_with(&K::Xml));
    }

    #[test]
    fn descriptions_read_in_sentences() {
        assert_eq!(FileKind::WindowsProgram.description(), "a Windows program");
        assert_eq!(FileKind::Xlsx.description(), "an Excel workbook");
        assert_eq!(
            FileKind::Other {
                mime: "audio/mpeg".to_owned()
            }
            .description(),
            "a file of type audio/mpeg"
        );
        assert!(FileKind::MacProgram.is_program());
        assert!(FileKind::Svg.is_text());
        assert!(!FileKind::Svg.is_raster_image());
    }
}
