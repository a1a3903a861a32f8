//! `winmail.dat` (Outlook's TNEF, MS-OXTNEF): the attachments Outlook packs into one part
//! when it sends "rich text" mail.
//!
//! A TNEF stream is a signature, a legacy key and a run of attributes (level, id, length,
//! data, checksum). Attachment-level attributes describe one attachment after another, each
//! starting with `attAttachRendData`; the name comes from `attAttachTitle` (8-bit) or, when
//! present, the long file name in the attachment's MAPI property list (`attAttachment`), and
//! the content from `attAttachData`. Everything else is skipped.
//!
//! The reader works on the input slice and never allocates from a declared length before
//! checking it against what is left. Also here: the two text decoders Outlook's formats need
//! (`decode_windows_1252`, `decode_utf16le`), shared with the `.msg` reader.

use super::parsed::{Limits, Why};

/// One attachment found in a `winmail.dat`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TnefFile {
    /// Its file name (the long name when the TNEF has one, else the 8-bit title), or `None`.
    pub name: Option<String>,
    /// Its content, as stored (an embedded message or OLE object is returned undecoded).
    pub bytes: Vec<u8>,
}

/// The first four bytes of every TNEF stream (little-endian).
const TNEF_SIGNATURE: u32 = 0x223E_9F78;
/// Attribute level of the message's own attributes (skipped).
const LEVEL_MESSAGE: u8 = 1;
/// Attribute level of an attachment's attributes.
const LEVEL_ATTACHMENT: u8 = 2;

/// `attAttachRendData`: starts a new attachment.
const ATT_ATTACH_REND_DATA: u16 = 0x9002;
/// `attAttachTitle`: the attachment's name, 8-bit, NUL-terminated.
const ATT_ATTACH_TITLE: u16 = 0x8010;
/// `attAttachData`: the attachment's content.
const ATT_ATTACH_DATA: u16 = 0x800F;
/// `attAttachment`: the attachment's MAPI property list.
const ATT_ATTACHMENT: u16 = 0x9005;

/// `PR_ATTACH_LONG_FILENAME`.
const PR_ATTACH_LONG_FILENAME: u16 = 0x3707;
/// `PR_DISPLAY_NAME`.
const PR_DISPLAY_NAME: u16 = 0x3001;

/// Flag in a MAPI property type marking a multi-valued property.
const MULTI_VALUE_FLAG: u16 = 0x1000;
/// `PT_STRING8`: 8-bit text.
const PT_STRING8: u16 = 0x001E;
/// `PT_UNICODE`: UTF-16LE text.
const PT_UNICODE: u16 = 0x001F;
/// Named properties have ids from here up.
const FIRST_NAMED_PROPERTY_ID: u16 = 0x8000;

const CUT_OFF: Why = Why::TnefCutOff;

/// Reads the attachments of a `winmail.dat`.
///
/// Message-level attributes and attachments without content are skipped. Fails (with why,
/// such as [`Why::TnefCutOff`]) when the input is not TNEF, is truncated or damaged, or holds
/// more or larger attachments than `limits` allow.
pub fn read_tnef(bytes: &[u8], limits: &Limits) -> Result<Vec<TnefFile>, Why> {
    let mut input = Input { rest: bytes };
    if input.u32() != Some(TNEF_SIGNATURE) {
        return Err(Why::TnefNoSignature);
    }
    input.u16().ok_or(CUT_OFF)?; // the legacy key, not needed
    let mut collected = Collected::default();
    let mut pending: Option<PendingAttachment<'_>> = None;
    while !input.rest.iter().all(|byte| *byte == 0) {
        let level = input.u8().ok_or(CUT_OFF)?;
        let attribute = input.u32().ok_or(CUT_OFF)?;
        let length = input.u32().ok_or(CUT_OFF)?;
        let data = input.take_u32(length).ok_or(CUT_OFF)?;
        // The checksum (sum of the data bytes) is not checked: writers get it wrong, and a
        // damaged attachment is for the content checks to find.
        input.u16().ok_or(CUT_OFF)?;
        match level {
            LEVEL_MESSAGE => {}
            LEVEL_ATTACHMENT => {
                let id = attribute_id(attribute);
                if id == ATT_ATTACH_REND_DATA {
                    if let Some(done) = pending.take() {
                        collected.add(done, limits)?;
                    }
                    pending = Some(PendingAttachment::default());
                    continue;
                }
                let current = pending.get_or_insert_with(PendingAttachment::default);
                match id {
                    ATT_ATTACH_TITLE => current.title = non_empty(decode_windows_1252(data)),
                    ATT_ATTACH_DATA => current.data = Some(data),
                    ATT_ATTACHMENT => current.names = attachment_names(data),
                    _ => {}
                }
            }
            _ => return Err(Why::TnefDamaged),
        }
    }
    if let Some(done) = pending.take() {
        collected.add(done, limits)?;
    }
    Ok(collected.files)
}

/// The id part (low 16 bits) of an attribute; the high 16 bits are its type.
fn attribute_id(attribute: u32) -> u16 {
    let [low, high, _, _] = attribute.to_le_bytes();
    u16::from_le_bytes([low, high])
}

/// What one attachment's attributes have said so far.
#[derive(Default)]
struct PendingAttachment<'a> {
    title: Option<String>,
    names: PropertyNames,
    data: Option<&'a [u8]>,
}

/// The files taken so far and their bytes together.
#[derive(Default)]
struct Collected {
    files: Vec<TnefFile>,
    total_bytes: u64,
}

impl Collected {
    /// Takes a finished attachment if it has content, within `limits`.
    fn add(&mut self, attachment: PendingAttachment<'_>, limits: &Limits) -> Result<(), Why> {
        let Some(data) = attachment.data else {
            return Ok(());
        };
        if self.files.len() >= limits.max_attachments {
            return Err(Why::TnefTooMany(limits.max_attachments));
        }
        let size = u64::try_from(data.len()).unwrap_or(u64::MAX);
        if size > limits.max_attachment_bytes {
            return Err(Why::TnefTooLarge);
        }
        self.total_bytes = self.total_bytes.saturating_add(size);
        if self.total_bytes > limits.max_total_bytes {
            return Err(Why::TnefTotalTooLarge);
        }
        let PropertyNames {
            long_filename,
            display_name,
        } = attachment.names;
        self.files.push(TnefFile {
            name: long_filename.or(attachment.title).or(display_name),
            bytes: data.to_vec(),
        });
        Ok(())
    }
}

/// The names an attachment's MAPI property list gives.
#[derive(Default)]
struct PropertyNames {
    long_filename: Option<String>,
    display_name: Option<String>,
}

/// Reads the names from an `attAttachment` property list, stopping quietly (with what it has)
/// at anything it cannot parse.
fn attachment_names(list: &[u8]) -> PropertyNames {
    let mut names = PropertyNames::default();
    let mut input = Input { rest: list };
    let Some(count) = input.u32() else {
        return names;
    };
    // Every property takes at least four bytes, so a false count ends with the input.
    for _ in 0..count {
        if read_property(&mut input, &mut names).is_none() {
            break;
        }
    }
    names
}

/// Reads one property of a MAPI property list, keeping it in `names` if it is one of them.
fn read_property(input: &mut Input<'_>, names: &mut PropertyNames) -> Option<()> {
    let property_type = input.u16()?;
    let id = input.u16()?;
    if id >= FIRST_NAMED_PROPERTY_ID {
        input.take(16)?; // the property set GUID
        match input.u32()? {
            0 => {
                input.u32()?; // a numeric name
            }
            1 => {
                let length = input.u32()?;
                input.take_padded(length)?; // a UTF-16 name
            }
            _ => return None,
        }
    }
    let multi_valued = property_type & MULTI_VALUE_FLAG != 0;
    let base_type = property_type & !MULTI_VALUE_FLAG;
    let layout = value_layout(base_type)?;
    let count = if multi_valued || layout == ValueLayout::Variable {
        input.u32()?
    } else {
        1
    };
    for index in 0..count {
        let value = match layout {
            ValueLayout::Variable => {
                let length = input.u32()?;
                input.take_padded(length)?
            }
            ValueLayout::Fixed(size) => input.take(size)?,
        };
        if index == 0 && !multi_valued {
            let text = match base_type {
                PT_UNICODE => decode_utf16le(value),
                PT_STRING8 => decode_windows_1252(value),
                _ => continue,
            };
            match id {
                PR_ATTACH_LONG_FILENAME => names.long_filename = non_empty(text),
                PR_DISPLAY_NAME => names.display_name = non_empty(text),
                _ => {}
            }
        }
    }
    Some(())
}

/// How a value of one MAPI type is laid out in a TNEF property list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ValueLayout {
    /// This many bytes (short values padded to four).
    Fixed(usize),
    /// A `u32` length, then the bytes padded to a multiple of four.
    Variable,
}

/// The layout of `base_type`, or `None` for a type this reader does not know.
fn value_layout(base_type: u16) -> Option<ValueLayout> {
    match base_type {
        // PT_SHORT, PT_LONG, PT_FLOAT, PT_ERROR, PT_BOOLEAN
        0x0002 | 0x0003 | 0x0004 | 0x000A | 0x000B => Some(ValueLayout::Fixed(4)),
        // PT_DOUBLE, PT_CURRENCY, PT_APPTIME, PT_I8, PT_SYSTIME
        0x0005 | 0x0006 | 0x0007 | 0x0014 | 0x0040 => Some(ValueLayout::Fixed(8)),
        // PT_CLSID
        0x0048 => Some(ValueLayout::Fixed(16)),
        // PT_OBJECT, PT_STRING8, PT_UNICODE, PT_SVREID, PT_BINARY
        0x000D | PT_STRING8 | PT_UNICODE | 0x00FB | 0x0102 => Some(ValueLayout::Variable),
        _ => None,
    }
}

/// The unread part of the input; every read checks the length first.
struct Input<'a> {
    rest: &'a [u8],
}

impl<'a> Input<'a> {
    /// The next `count` bytes, or `None` (and nothing consumed) when fewer are left.
    fn take(&mut self, count: usize) -> Option<&'a [u8]> {
        let (taken, rest) = self.rest.split_at_checked(count)?;
        self.rest = rest;
        Some(taken)
    }

    /// The next `length` bytes, `length` as read from the input.
    fn take_u32(&mut self, length: u32) -> Option<&'a [u8]> {
        self.take(usize::try_from(length).ok()?)
    }

    /// The next `length` bytes, then the padding to a multiple of four.
    fn take_padded(&mut self, length: u32) -> Option<&'a [u8]> {
        let length = usize::try_from(length).ok()?;
        let padded = length.checked_next_multiple_of(4)?;
        let taken = self.take(padded)?;
        taken.get(..length)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

/// `text` trimmed, or `None` when nothing is left.
fn non_empty(text: String) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == text.len() {
        Some(text)
    } else {
        Some(trimmed.to_owned())
    }
}

/// Decodes 8-bit text as Windows-1252 (a superset of Latin-1), up to the first NUL; bytes
/// Windows-1252 leaves undefined become U+FFFD.
pub(crate) fn decode_windows_1252(bytes: &[u8]) -> String {
    /// What 0x80..=0x9F stand for (`\u{FFFD}`: undefined).
    const HIGH_CONTROLS: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .take_while(|byte| **byte != 0)
        .map(|&byte| match byte {
            0x80..=0x9F => HIGH_CONTROLS[usize::from(byte - 0x80)],
            _ => char::from(byte),
        })
        .collect()
}

/// Decodes UTF-16LE text up to the first NUL (an odd last byte is ignored, broken surrogates
/// become U+FFFD).
pub(crate) fn decode_utf16le(bytes: &[u8]) -> String {
    let units = bytes
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .take_while(|unit| *unit != 0);
    char::decode_utf16(units)
        .map(|decoded| decoded.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const ATT_TNEF_VERSION: u32 = 0x0008_9006;
    const ATT_MESSAGE_CLASS: u32 = 0x0007_8008;
    const REND_DATA: u32 = 0x0006_9002;
    const TITLE: u32 = 0x0001_8010;
    const DATA: u32 = 0x0006_800F;
    const ATTACHMENT: u32 = 0x0006_9005;

    /// Writes TNEF bytes attribute by attribute.
    struct TnefBuilder {
        bytes: Vec<u8>,
    }

    impl TnefBuilder {
        fn new() -> Self {
            let mut bytes = TNEF_SIGNATURE.to_le_bytes().to_vec();
            bytes.extend_from_slice(&0x1234_u16.to_le_bytes());
            Self { bytes }
        }

        fn attribute(self, level: u8, attribute: u32, data: &[u8]) -> Self {
            let checksum = data
                .iter()
                .fold(0_u16, |sum, byte| sum.wrapping_add(u16::from(*byte)));
            self.attribute_with_checksum(level, attribute, data, checksum)
        }

        fn attribute_with_checksum(
            mut self,
            level: u8,
            attribute: u32,
            data: &[u8],
            checksum: u16,
        ) -> Self {
            self.bytes.push(level);
            self.bytes.extend_from_slice(&attribute.to_le_bytes());
            let length = u32::try_from(data.len()).expect("test data is small");
            self.bytes.extend_from_slice(&length.to_le_bytes());
            self.bytes.extend_from_slice(data);
            self.bytes.extend_from_slice(&checksum.to_le_bytes());
            self
        }

        /// The usual message-level preamble.
        fn message_header(self) -> Self {
            self.attribute(1, ATT_TNEF_VERSION, &0x0001_0000_u32.to_le_bytes())
                .attribute(1, ATT_MESSAGE_CLASS, b"IPM.Microsoft Mail.Note\0")
        }

        /// One attachment: rend data, title, data, and an optional property list.
        fn attachment(self, title: &[u8], data: &[u8], properties: Option<&[u8]>) -> Self {
            let built = self
                .attribute(2, REND_DATA, &[0; 14])
                .attribute(2, TITLE, title)
                .attribute(2, DATA, data);
            match properties {
                Some(list) => built.attribute(2, ATTACHMENT, list),
                None => built,
            }
        }
    }

    /// A property list: a count, then ready-made properties.
    fn property_list(properties: &[Vec<u8>]) -> Vec<u8> {
        let mut list = u32::try_from(properties.len())
            .expect("few")
            .to_le_bytes()
            .to_vec();
        for property in properties {
            list.extend_from_slice(property);
        }
        list
    }

    fn long_property(id: u16, value: u32) -> Vec<u8> {
        let mut property = [0x0003_u16.to_le_bytes(), id.to_le_bytes()].concat();
        property.extend_from_slice(&value.to_le_bytes());
        property
    }

    fn variable_property(property_type: u16, id: u16, value: &[u8]) -> Vec<u8> {
        let mut property = [property_type.to_le_bytes(), id.to_le_bytes()].concat();
        property.extend_from_slice(&1_u32.to_le_bytes());
        let length = u32::try_from(value.len()).expect("small");
        property.extend_from_slice(&length.to_le_bytes());
        property.extend_from_slice(value);
        property.resize(property.len().next_multiple_of(4), 0);
        property
    }

    fn unicode_property(id: u16, text: &str) -> Vec<u8> {
        let mut value: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        value.extend_from_slice(&[0, 0]);
        variable_property(PT_UNICODE, id, &value)
    }

    /// A named numeric property (`PT_LONG`), which the reader must step over.
    fn named_long_property() -> Vec<u8> {
        let mut property = [0x0003_u16.to_le_bytes(), 0x8005_u16.to_le_bytes()].concat();
        property.extend_from_slice(&[0xAB; 16]);
        property.extend_from_slice(&0_u32.to_le_bytes());
        property.extend_from_slice(&0x8520_u32.to_le_bytes());
        property.extend_from_slice(&7_u32.to_le_bytes());
        property
    }

    /// A named property with a string name (odd length, so padding matters).
    fn named_string_property() -> Vec<u8> {
        let mut property = [0x000B_u16.to_le_bytes(), 0x8010_u16.to_le_bytes()].concat();
        property.extend_from_slice(&[0xCD; 16]);
        property.extend_from_slice(&1_u32.to_le_bytes());
        property.extend_from_slice(&6_u32.to_le_bytes());
        property.extend_from_slice(&[b'a', 0, b'b', 0, 0, 0, 0, 0]);
        property.extend_from_slice(&1_u32.to_le_bytes());
        property
    }

    /// A `winmail.dat` with two attachments: `CV.PDF` (8.3 title only) and
    /// `Motivatiebrief Anaïs.docx` (long name in the property list).
    pub(crate) fn two_attachments() -> Vec<u8> {
        let long_name_list = property_list(&[
            long_property(0x3705, 1),
            named_long_property(),
            named_string_property(),
            variable_property(0x0102, 0x3701, b"ignored copy"),
            unicode_property(PR_ATTACH_LONG_FILENAME, "Motivatiebrief Anaïs.docx"),
        ]);
        TnefBuilder::new()
            .message_header()
            .attachment(b"CV.PDF\0", b"%PDF-1.7 cv", None)
            .attribute(2, REND_DATA, &[0; 14])
            .attribute(2, TITLE, b"MOTIVA~1.DOC\0")
            .attribute_with_checksum(2, DATA, b"PK\x03\x04 letter", 0xBEEF)
            .attribute(2, ATTACHMENT, &long_name_list)
            .bytes
    }

    #[test]
    fn reads_two_attachments_with_title_and_long_name_tolerating_a_wrong_checksum() {
        let files = read_tnef(&two_attachments(), &Limits::default()).expect("valid TNEF");
        assert_eq!(
            files,
            vec![
                TnefFile {
                    name: Some("CV.PDF".to_owned()),
                    bytes: b"%PDF-1.7 cv".to_vec(),
                },
                TnefFile {
                    name: Some("Motivatiebrief Anaïs.docx".to_owned()),
                    bytes: b"PK\x03\x04 letter".to_vec(),
                },
            ]
        );
    }

    #[test]
    fn titles_are_windows_1252() {
        let bytes = TnefBuilder::new()
            .attachment(b"Curr\xEDculum \x80 \x93x\x94.pdf\0junk", b"data", None)
            .bytes;
        let files = read_tnef(&bytes, &Limits::default()).expect("valid TNEF");
        assert_eq!(files[0].name.as_deref(), Some("Currículum € “x”.pdf"));
    }

    #[test]
    fn a_property_list_it_cannot_parse_keeps_the_title() {
        let mut unknown_type = [0x0999_u16.to_le_bytes(), 0x1234_u16.to_le_bytes()].concat();
        unknown_type.extend_from_slice(&[1, 2, 3, 4]);
        let list = property_list(&[
            unknown_type,
            unicode_property(PR_ATTACH_LONG_FILENAME, "never read.docx"),
        ]);
        let bytes = TnefBuilder::new()
            .attachment(b"SHORT.DOC\0", b"x", Some(&list))
            .bytes;
        let files = read_tnef(&bytes, &Limits::default()).expect("valid TNEF");
        assert_eq!(files[0].name.as_deref(), Some("SHORT.DOC"));
    }

    #[test]
    fn a_property_list_with_a_false_count_or_length_keeps_the_title() {
        let mut list = u32::MAX.to_le_bytes().to_vec();
        list.extend_from_slice(&[0x02, 0x01, 0x01, 0x37, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);
        let bytes = TnefBuilder::new()
            .attachment(b"SHORT.DOC\0", b"x", Some(&list))
            .bytes;
        let files = read_tnef(&bytes, &Limits::default()).expect("valid TNEF");
        assert_eq!(files[0].name.as_deref(), Some("SHORT.DOC"));
    }

    #[test]
    fn attachments_without_data_and_message_attributes_are_skipped() {
        let list = property_list(&[unicode_property(PR_DISPLAY_NAME, "Shown name")]);
        let bytes = TnefBuilder::new()
            .message_header()
            .attribute(2, REND_DATA, &[0; 14])
            .attribute(2, TITLE, b"EMPTY.TXT\0")
            .attribute(2, REND_DATA, &[0; 14])
            .attribute(2, DATA, b"no title")
            .attribute(2, ATTACHMENT, &list)
            .attribute(1, 0x0003_8004, b"trailing message attribute")
            .bytes;
        let files = read_tnef(&bytes, &Limits::default()).expect("valid TNEF");
        assert_eq!(
            files,
            vec![TnefFile {
                name: Some("Shown name".to_owned()),
                bytes: b"no title".to_vec(),
            }]
        );
    }

    #[test]
    fn cut_off_input_never_panics_and_never_invents_files() {
        let full_bytes = two_attachments();
        let full = read_tnef(&full_bytes, &Limits::default()).expect("valid TNEF");
        for cut in 0..full_bytes.len() {
            match read_tnef(&full_bytes[..cut], &Limits::default()) {
                Err(why) => assert!(
                    why == CUT_OFF || why == Why::TnefNoSignature,
                    "cut at {cut}: {why}"
                ),
                Ok(files) => {
                    assert!(files.len() <= full.len(), "cut at {cut}");
                    for (found, expected) in files.iter().zip(&full) {
                        assert_eq!(found.bytes, expected.bytes, "cut at {cut}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_huge_declared_length_is_an_error() {
        let mut bytes = TnefBuilder::new().message_header().bytes;
        bytes.push(2);
        bytes.extend_from_slice(&DATA.to_le_bytes());
        bytes.extend_from_slice(&0xFFFF_FFF0_u32.to_le_bytes());
        bytes.extend_from_slice(b"short");
        assert_eq!(read_tnef(&bytes, &Limits::default()), Err(CUT_OFF));
    }

    #[test]
    fn garbage_and_unknown_levels_are_errors() {
        let no_signature = Err(Why::TnefNoSignature);
        assert_eq!(read_tnef(b"", &Limits::default()), no_signature);
        assert_eq!(
            read_tnef(b"%PDF-1.7 not tnef", &Limits::default()),
            no_signature
        );
        let unknown_level = TnefBuilder::new().attribute(7, DATA, b"x").bytes;
        assert!(read_tnef(&unknown_level, &Limits::default()).is_err());
    }

    #[test]
    fn zero_padding_at_the_end_is_accepted() {
        let mut bytes = two_attachments();
        bytes.extend_from_slice(&[0; 16]);
        assert_eq!(
            read_tnef(&bytes, &Limits::default()).map(|files| files.len()),
            Ok(2)
        );
    }

    #[test]
    fn limits_are_kept() {
        let bytes = two_attachments();
        let one_file = Limits {
            max_attachments: 1,
            ..Limits::default()
        };
        assert_eq!(
            read_tnef(&bytes, &one_file).map_err(|why| why.english()),
            Err("it holds more than 1 attachments".to_owned())
        );
        let small_files = Limits {
            max_attachment_bytes: 10,
            ..Limits::default()
        };
        assert!(read_tnef(&bytes, &small_files).is_err());
        let small_total = Limits {
            max_total_bytes: 20,
            ..Limits::default()
        };
        assert!(read_tnef(&bytes, &small_total).is_err());
        let just_enough = Limits {
            max_attachments: 2,
            max_attachment_bytes: 11,
            max_total_bytes: 22,
            ..Limits::default()
        };
        assert_eq!(
            read_tnef(&bytes, &just_enough).map(|files| files.len()),
            Ok(2)
        );
    }

    #[test]
    fn text_decoders_stop_at_nul_and_replace_what_is_broken() {
        assert_eq!(decode_windows_1252(b"a\x81b\0c"), "a\u{FFFD}b");
        assert_eq!(decode_windows_1252(b"\xE9\xFF"), "éÿ");
        assert_eq!(
            decode_utf16le(&[0x41, 0, 0x00, 0xD8, 0x42, 0, 0, 0, 0x43, 0]),
            "A\u{FFFD}B"
        );
        assert_eq!(decode_utf16le(&[0x41, 0, 0x42]), "A");
    }
}
