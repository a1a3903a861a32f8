//! Files and folders operating systems and office programs leave next to documents.

use std::ffi::OsStr;

/// Whether an entry found inside a folder is operating-system or editor junk: `.DS_Store`,
/// `Thumbs.db`, `desktop.ini`, Office lock files (`~$cv.docx`), `LibreOffice` lock files,
/// `AppleDouble` files (`._cv.pdf`) and folders such as `__MACOSX`.
#[must_use]
pub fn is_junk(name: &OsStr, is_dir: bool) -> bool {
    let name = name.to_string_lossy();
    let lower = name.to_lowercase();
    if is_dir {
        return matches!(
            lower.as_str(),
            "__macosx"
                | ".spotlight-v100"
                | ".trashes"
                | ".fseventsd"
                | ".temporaryitems"
                | "$recycle.bin"
                | "system volume information"
        );
    }
    matches!(
        lower.as_str(),
        ".ds_store" | "thumbs.db" | "ehthumbs.db" | "desktop.ini" | ".directory" | "icon\r"
    ) || name.starts_with("~$")
        || name.starts_with("._")
        || (name.starts_with(".~lock.") && name.ends_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_usual_junk() {
        for name in [
            ".DS_Store",
            "Thumbs.db",
            "THUMBS.DB",
            "desktop.ini",
            "~$cv.docx",
            "._cv.pdf",
            ".~lock.cv.odt#",
        ] {
            assert!(is_junk(OsStr::new(name), false), "{name}");
        }
        assert!(is_junk(OsStr::new("__MACOSX"), true));
        for name in ["cv.pdf", ".hidden-notes.txt", "~cv.docx", "thumbs.db.pdf"] {
            assert!(!is_junk(OsStr::new(name), false), "{name}");
        }
        assert!(!is_junk(OsStr::new("__MACOSX"), false));
    }
}
