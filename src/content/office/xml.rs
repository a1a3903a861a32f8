//! Reading the XML parts of OOXML and `OpenDocument` packages: UTF-16 parts as UTF-8, a reader
//! that tolerates mismatched end tags, attribute values and entity references.

use quick_xml::Reader;
use quick_xml::events::BytesStart;

use super::encoding::utf16_lossy;

/// The part's bytes as UTF-8: XML parts may be stored as UTF-16 with a byte-order mark.
pub(super) fn xml_utf8(bytes: Vec<u8>) -> Vec<u8> {
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        utf16_lossy(rest, true).into_bytes()
    } else if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        utf16_lossy(rest, false).into_bytes()
    } else {
        bytes
    }
}

/// A reader over one XML part that tolerates mismatched end tags.
pub(super) fn xml_reader(xml: &[u8]) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    reader
}

/// The value of the attribute whose local name is `local`, entities resolved.
pub(super) fn attribute(element: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| {
            let raw = String::from_utf8_lossy(&a.value);
            quick_xml::escape::unescape(&raw)
                .map_or_else(|_| raw.to_string(), std::borrow::Cow::into_owned)
        })
}

/// The text of an entity or character reference (`&amp;`, `&#233;`).
pub(super) fn reference_text(reference: &quick_xml::events::BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Some(c.to_string());
    }
    let name = String::from_utf8_lossy(reference);
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned)
}
