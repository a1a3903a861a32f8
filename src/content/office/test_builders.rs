//! Building the documents the tests read: zip packages, `WordprocessingML` bodies and OLE
//! compound files.

use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

/// A zip holding `entries` (name, contents), deflated.
pub(super) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, contents) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(contents).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// The `w:` and `r:` namespace declarations of `WordprocessingML`.
pub(super) const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// A `word/document.xml` whose body is `body`.
pub(super) fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    )
}

/// An empty `[Content_Types].xml`, the mark of an OOXML package.
pub(super) const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;

/// An OLE compound file with the given storages and streams.
pub(super) fn ole_of(storages: &[&str], streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for storage in storages {
        file.create_storage_all(storage).unwrap();
    }
    for (path, contents) in streams {
        let mut stream = file.create_stream(path).unwrap();
        stream.write_all(contents).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}
