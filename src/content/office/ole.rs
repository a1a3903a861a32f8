//! OLE compound files (old `.doc`/`.xls`/`.ppt`, and the envelope of a password-protected
//! OOXML document): whether they need a password or carry macros. The text of a Word 97–2003
//! `.doc` is read by `word97`.

use std::io::Cursor;

use super::text_sink::TextSink;
use super::word97::{Word97, read_word97};
use super::{DocFacts, MAX_ENTRIES, unreadable};

/// Reads an OLE compound file: an old `.doc`/`.xls`/`.ppt`, or the envelope of a
/// password-protected OOXML document. `needs_password` is set by `EncryptedPackage` or
/// `EncryptionInfo` streams and by the encrypted bit of a Word 97–2003 document; `macros` by a
/// `Macros`, `_VBA_PROJECT_CUR` or `VBA` storage. The text of an unencrypted Word 97–2003
/// document is read from its piece table (body, footnotes, headers, then hyperlink targets);
/// other formats give no text.
pub fn read_ole(bytes: &[u8]) -> Result<DocFacts, String> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|_| unreadable("it is not an OLE compound file, or a damaged one"))?;
    let mut facts = DocFacts::default();
    for entry in file.walk().take(MAX_ENTRIES) {
        let name = entry.name();
        if entry.is_stream()
            && (name.eq_ignore_ascii_case("EncryptedPackage")
                || name.eq_ignore_ascii_case("EncryptionInfo"))
        {
            facts.needs_password = true;
        }
        if entry.is_storage()
            && ["Macros", "_VBA_PROJECT_CUR", "VBA"]
                .iter()
                .any(|storage| name.eq_ignore_ascii_case(storage))
        {
            facts.macros = true;
        }
    }
    if !facts.needs_password && file.is_stream("/WordDocument") {
        let mut sink = TextSink::default();
        let mut links = Vec::new();
        if read_word97(&mut file, &mut sink, &mut links) == Word97::Encrypted {
            facts.needs_password = true;
        } else {
            sink.push_links(&links);
            facts.text = sink.finish();
        }
    }
    Ok(facts)
}

/// Whether the bytes start like an OLE compound file.
pub(super) fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::office::read_docx;
    use crate::content::office::test_builders::ole_of;

    #[test]
    fn ole_with_an_encrypted_package_needs_a_password() {
        let bytes = ole_of(
            &["/\u{6}DataSpaces"],
            &[
                ("/EncryptionInfo", &[4, 0, 4, 0, 0x40, 0, 0, 0]),
                ("/EncryptedPackage", &[7; 600]),
            ],
        );
        let facts = read_ole(&bytes).unwrap();
        assert!(facts.needs_password);
        assert!(!facts.macros);
        // A protected .docx is such a file: read_docx sends it on.
        assert_eq!(read_docx(&bytes).unwrap(), facts);
    }

    #[test]
    fn ole_with_a_macros_storage_has_macros() {
        let bytes = ole_of(
            &["/Macros/VBA"],
            &[("/Macros/VBA/dir", b"x"), ("/WordDocument", &[0; 64])],
        );
        let facts = read_ole(&bytes).unwrap();
        assert!(facts.macros);
        assert!(!facts.needs_password);
        let plain = ole_of(&[], &[("/WordDocument", &[0; 64])]);
        assert_eq!(read_ole(&plain).unwrap(), DocFacts::default());
    }
}
