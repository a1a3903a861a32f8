//! Outlook `.msg` files (MS-OXMSG): a compound file (read with `cfb`) whose storages hold
//! MAPI properties.
//!
//! What is read, per storage (the message, each attachment, each embedded message):
//! - `__substg1.0_IIIITTTT` streams: variable-size property `IIII` of type `TTTT` (`001F`
//!   UTF-16LE text, `001E` 8-bit text read as Windows-1252, `0102` binary);
//! - `__properties_version1.0`: the fixed-size properties (a header of 32 bytes in the message,
//!   24 in an embedded message, 8 in an attachment, then 16-byte entries: tag, flags, value);
//! - `__attach_version1.0_#XXXXXXXX` storages: the attachments, in numeric order. An embedded
//!   (forwarded) message is the storage `__substg1.0_3701000D` of its attachment, laid out like
//!   a message; its senders and attachments are added with their depth.
//!
//! Bounds: every stream is read through `take`, attachments against
//! [`Limits::max_attachment_bytes`] and [`Limits::max_total_bytes`], text properties against
//! 1 MiB; [`Limits::max_attachments`] files are taken, the rest left out; embedded messages are
//! opened [`Limits::max_depth`] deep. The whole parse runs under `catch_unwind`, so a crafted
//! file that trips a panic in `cfb` is an error, not a crash.

use std::collections::HashSet;
use std::io::{self, Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

use cfb::CompoundFile;
use mail_parser::{Address, MessageParser};

use super::parsed::{Item, LeftOutReason, Limits, Parsed, PartName, Sender, SenderRole, Why};
use super::tnef::{decode_utf16le, decode_windows_1252};

/// The stream holding a storage's fixed-size properties.
const PROPERTIES_STREAM: &str = "__properties_version1.0";
/// How attachment storages' names start (an 8-digit hex number follows).
const ATTACHMENT_STORAGE_PREFIX: &str = "__attach_version1.0_#";
/// The storage, inside an attachment, holding an embedded message.
const EMBEDDED_MESSAGE_STORAGE: &str = "__substg1.0_3701000D";

/// Header size of the properties stream in the top-level message.
const MESSAGE_HEADER_BYTES: usize = 32;
/// Header size of the properties stream in an embedded message.
const EMBEDDED_MESSAGE_HEADER_BYTES: usize = 24;
/// Header size of the properties stream in an attachment.
const ATTACHMENT_HEADER_BYTES: usize = 8;
/// Size of one entry in a properties stream.
const PROPERTY_ENTRY_BYTES: usize = 16;

/// The most bytes read from a text property or a properties stream.
const TEXT_LIMIT: u64 = 1024 * 1024;
/// The most bytes of an HTML body searched for `cid:` references.
const HTML_LIMIT: u64 = 16 * 1024 * 1024;
/// Embedded messages are never opened deeper than this, whatever [`Limits::max_depth`] says.
const NESTING_CAP: usize = 32;

const PT_LONG: u16 = 0x0003;
const PT_BOOLEAN: u16 = 0x000B;
const PT_SYSTIME: u16 = 0x0040;
const PT_STRING8: u16 = 0x001E;
const PT_UNICODE: u16 = 0x001F;
const PT_BINARY: u16 = 0x0102;

const PR_SUBJECT: u16 = 0x0037;
const PR_CLIENT_SUBMIT_TIME: u16 = 0x0039;
const PR_SENT_REPRESENTING_NAME: u16 = 0x0042;
const PR_TRANSPORT_MESSAGE_HEADERS: u16 = 0x007D;
const PR_SENDER_NAME: u16 = 0x0C1A;
const PR_SENDER_EMAIL_ADDRESS: u16 = 0x0C1F;
const PR_MESSAGE_DELIVERY_TIME: u16 = 0x0E06;
const PR_HTML: u16 = 0x1013;
const PR_DISPLAY_NAME: u16 = 0x3001;
const PR_ATTACH_DATA: u16 = 0x3701;
const PR_ATTACH_FILENAME: u16 = 0x3704;
const PR_ATTACH_METHOD: u16 = 0x3705;
const PR_ATTACH_LONG_FILENAME: u16 = 0x3707;
const PR_ATTACH_MIME_TAG: u16 = 0x370E;
const PR_ATTACH_CONTENT_ID: u16 = 0x3712;
const PR_ATTACH_FLAGS: u16 = 0x3714;
const PR_SENDER_SMTP_ADDRESS: u16 = 0x5D01;
const PR_SENT_REPRESENTING_SMTP_ADDRESS: u16 = 0x5D02;
const PR_ATTACHMENT_HIDDEN: u16 = 0x7FFE;

/// `PR_ATTACH_METHOD`: the content is in `PR_ATTACH_DATA_BIN`.
const ATTACH_BY_VALUE: u32 = 1;
/// `PR_ATTACH_METHOD`: links to a file elsewhere (by reference, resolved, only, web).
const ATTACH_BY_REFERENCE: [u32; 4] = [2, 3, 4, 7];
/// `PR_ATTACH_METHOD`: an embedded message.
const ATTACH_EMBEDDED_MSG: u32 = 5;
/// `PR_ATTACH_METHOD`: an OLE object.
const ATTACH_OLE: u32 = 6;
/// `PR_ATTACH_FLAGS`: the attachment is referenced by the HTML body.
const ATT_MHTML_REF: u32 = 4;

/// Reads an Outlook `.msg`: subject, date, senders and attachments.
///
/// Fails only when the file is not a compound file holding a message (or is damaged so that
/// reading it panics), saying why ("it is not an Outlook message atsdrop can read (…)").
/// Attachments that cannot be taken are [`Item::LeftOut`] with why.
pub fn read_msg(bytes: &[u8], limits: &Limits) -> Result<Parsed, Why> {
    catch_unwind(AssertUnwindSafe(|| read_unguarded(bytes, limits)))
        .unwrap_or(Err(Why::OutlookDamaged))
}

/// [`read_msg`] without the panic guard.
fn read_unguarded(bytes: &[u8], limits: &Limits) -> Result<Parsed, Why> {
    let file = CompoundFile::open(Cursor::new(bytes))
        .map_err(|error| Why::NotOutlook(error.to_string()))?;
    if !file.is_stream(format!("/{PROPERTIES_STREAM}")) {
        return Err(Why::OutlookNoProperties);
    }
    let mut reader = MsgReader {
        file,
        limits: *limits,
        parsed: Parsed::default(),
        files_taken: 0,
        bytes_taken: 0,
    };
    let (subject, date) = reader.read_message("", MESSAGE_HEADER_BYTES, 0, None);
    reader.parsed.subject = subject;
    reader.parsed.date = date;
    Ok(reader.parsed)
}

/// A storage (message, attachment or embedded message) and its fixed-size properties.
struct PropertyStorage {
    /// Its path in the compound file ("" for the root).
    path: String,
    /// (tag, value) of each fixed-size property.
    fixed: Vec<(u32, [u8; 8])>,
}

impl PropertyStorage {
    fn fixed_value(&self, id: u16, property_type: u16) -> Option<[u8; 8]> {
        let tag = (u32::from(id) << 16) | u32::from(property_type);
        self.fixed
            .iter()
            .find(|(found, _)| *found == tag)
            .map(|(_, value)| *value)
    }

    fn long(&self, id: u16) -> Option<u32> {
        let [a, b, c, d, ..] = self.fixed_value(id, PT_LONG)?;
        Some(u32::from_le_bytes([a, b, c, d]))
    }

    fn boolean(&self, id: u16) -> Option<bool> {
        Some(self.fixed_value(id, PT_BOOLEAN)?[0] != 0)
    }

    /// A `PT_SYSTIME` (FILETIME: 100 ns ticks since 1601).
    fn time(&self, id: u16) -> Option<u64> {
        Some(u64::from_le_bytes(self.fixed_value(id, PT_SYSTIME)?))
    }

    /// The path of the stream holding variable-size property `id` of `property_type`.
    fn stream_path(&self, id: u16, property_type: u16) -> String {
        format!("{}/__substg1.0_{id:04X}{property_type:04X}", self.path)
    }
}

/// The compound file being read and what has been found in it so far.
struct MsgReader<'a> {
    file: CompoundFile<Cursor<&'a [u8]>>,
    limits: Limits,
    parsed: Parsed,
    files_taken: usize,
    bytes_taken: u64,
}

impl MsgReader<'_> {
    /// Reads the message in storage `path` (at `depth`): adds its senders and attachments,
    /// returns its subject and date. `attachment_name` names an embedded message that has no
    /// subject.
    fn read_message(
        &mut self,
        path: &str,
        header_bytes: usize,
        depth: usize,
        attachment_name: Option<&str>,
    ) -> (Option<String>, Option<String>) {
        let message = self.open_storage(path, header_bytes);
        let subject = self.text(&message, PR_SUBJECT);
        let date = [PR_CLIENT_SUBMIT_TIME, PR_MESSAGE_DELIVERY_TIME]
            .into_iter()
            .find_map(|id| message.time(id).and_then(filetime_to_rfc3339));
        self.add_senders(&message, depth);
        let within = (depth > 0).then(|| {
            subject
                .clone()
                .or_else(|| attachment_name.map(str::to_owned))
                // Empty: a forwarded message without a subject.
                .unwrap_or_default()
        });
        let cid_references = self.html_body(&message).map(|html| cid_references(&html));
        for attachment_path in self.attachment_paths(path) {
            self.read_attachment(
                &attachment_path,
                depth,
                within.as_deref(),
                cid_references.as_ref(),
            );
        }
        (subject, date)
    }

    /// Adds Reply-To (from the transport headers), then From.
    fn add_senders(&mut self, message: &PropertyStorage, depth: usize) {
        let headers = self.text(message, PR_TRANSPORT_MESSAGE_HEADERS);
        let headers = headers
            .as_deref()
            .and_then(|text| MessageParser::new().parse_headers(text.as_bytes()));
        if let Some(reply_to) = headers.as_ref().and_then(|parsed| parsed.reply_to()) {
            self.add_addresses(reply_to, SenderRole::ReplyTo, depth);
        }
        let with_at = |text: String| text.contains('@').then_some(text);
        let from = self
            .text(message, PR_SENDER_SMTP_ADDRESS)
            .and_then(with_at)
            .map(|email| (email, PR_SENDER_NAME))
            .or_else(|| {
                self.text(message, PR_SENT_REPRESENTING_SMTP_ADDRESS)
                    .and_then(with_at)
                    .map(|email| (email, PR_SENT_REPRESENTING_NAME))
            })
            .or_else(|| {
                // An Exchange address (`/O=…/CN=…`) is not an e-mail address.
                self.text(message, PR_SENDER_EMAIL_ADDRESS)
                    .and_then(with_at)
                    .map(|email| (email, PR_SENDER_NAME))
            });
        if let Some((email, name_id)) = from {
            let name = self
                .text(message, name_id)
                .or_else(|| self.text(message, PR_SENDER_NAME));
            let sender = sender(name.as_deref(), &email, SenderRole::From, depth);
            self.parsed.senders.extend(sender);
        } else if let Some(from) = headers.as_ref().and_then(|parsed| parsed.from()) {
            self.add_addresses(from, SenderRole::From, depth);
        }
    }

    fn add_addresses(&mut self, addresses: &Address<'_>, role: SenderRole, depth: usize) {
        let senders = addresses
            .iter()
            .filter_map(|address| sender(address.name(), address.address()?, role, depth));
        self.parsed.senders.extend(senders);
    }

    /// The HTML body, if the message stores one (binary, UTF-16 or 8-bit).
    fn html_body(&mut self, message: &PropertyStorage) -> Option<String> {
        if let Ok(Some(bytes)) =
            self.read_stream(&message.stream_path(PR_HTML, PT_BINARY), HTML_LIMIT)
        {
            return Some(String::from_utf8_lossy(&bytes).into_owned());
        }
        if let Ok(Some(bytes)) =
            self.read_stream(&message.stream_path(PR_HTML, PT_UNICODE), HTML_LIMIT)
        {
            return Some(decode_utf16le(&bytes));
        }
        self.read_stream(&message.stream_path(PR_HTML, PT_STRING8), HTML_LIMIT)
            .ok()
            .flatten()
            .map(|bytes| decode_windows_1252(&bytes))
    }

    /// The paths of the attachment storages in the message at `message_path`, in numeric order.
    fn attachment_paths(&self, message_path: &str) -> Vec<String> {
        let storage = if message_path.is_empty() {
            "/"
        } else {
            message_path
        };
        let Ok(entries) = self.file.read_storage(storage) else {
            return Vec::new();
        };
        let mut numbered: Vec<(u32, String)> = entries
            .filter(cfb::Entry::is_storage)
            .filter_map(|entry| {
                let name = entry.name();
                let prefix = name.get(..ATTACHMENT_STORAGE_PREFIX.len())?;
                if !prefix.eq_ignore_ascii_case(ATTACHMENT_STORAGE_PREFIX) {
                    return None;
                }
                let number = name.get(ATTACHMENT_STORAGE_PREFIX.len()..)?;
                let number = u32::from_str_radix(number, 16).ok()?;
                Some((number, format!("{message_path}/{name}")))
            })
            .collect();
        numbered.sort_unstable();
        numbered.into_iter().map(|(_, path)| path).collect()
    }

    /// Reads the attachment storage at `path` (of a message at `depth`) into an item, or into
    /// the items of the message it embeds.
    fn read_attachment(
        &mut self,
        path: &str,
        depth: usize,
        within: Option<&str>,
        cid_references: Option<&HashSet<String>>,
    ) {
        let attachment = self.open_storage(path, ATTACHMENT_HEADER_BYTES);
        let name = [PR_ATTACH_LONG_FILENAME, PR_ATTACH_FILENAME, PR_DISPLAY_NAME]
            .into_iter()
            .find_map(|id| self.text(&attachment, id));
        if self.is_inline(&attachment, cid_references) {
            let name = name.map_or(PartName::Picture, PartName::File);
            self.leave_out(name, LeftOutReason::Inline);
            return;
        }
        let embedded_path = format!("{path}/{EMBEDDED_MESSAGE_STORAGE}");
        let method = attachment.long(PR_ATTACH_METHOD).unwrap_or_else(|| {
            if self.file.is_storage(&embedded_path) {
                ATTACH_EMBEDDED_MSG
            } else {
                ATTACH_BY_VALUE
            }
        });
        match method {
            ATTACH_BY_VALUE => {
                let content_type = self.text(&attachment, PR_ATTACH_MIME_TAG);
                self.take_file(&attachment, name, content_type, within);
            }
            ATTACH_EMBEDDED_MSG => self.open_embedded(&embedded_path, name.as_deref(), depth),
            ATTACH_OLE => self.leave_out(
                name.map_or(PartName::Embedded, PartName::File),
                LeftOutReason::Unreadable(Why::Embedded),
            ),
            method if ATTACH_BY_REFERENCE.contains(&method) => self.leave_out(
                name.map_or(PartName::Link, PartName::File),
                LeftOutReason::Unreadable(Why::Link),
            ),
            _ => self.leave_out(
                name.map_or(PartName::Nameless, PartName::File),
                LeftOutReason::Unreadable(Why::UnknownForm),
            ),
        }
    }

    /// Whether an attachment is a picture shown in the text: hidden, or with a content id the
    /// HTML body refers to (without an HTML body: marked as referenced by it).
    fn is_inline(
        &mut self,
        attachment: &PropertyStorage,
        cid_references: Option<&HashSet<String>>,
    ) -> bool {
        if attachment.boolean(PR_ATTACHMENT_HIDDEN) == Some(true) {
            return true;
        }
        let Some(content_id) = self.text(attachment, PR_ATTACH_CONTENT_ID) else {
            return false;
        };
        let content_id = content_id
            .trim_start_matches('<')
            .trim_end_matches('>')
            .to_ascii_lowercase();
        match cid_references {
            Some(references) => references.contains(&content_id),
            None => attachment
                .long(PR_ATTACH_FLAGS)
                .is_some_and(|flags| flags & ATT_MHTML_REF != 0),
        }
    }

    /// Takes an attachment stored by value, within the limits.
    fn take_file(
        &mut self,
        attachment: &PropertyStorage,
        name: Option<String>,
        content_type: Option<String>,
        within: Option<&str>,
    ) {
        let label = || name.clone().map_or(PartName::Nameless, PartName::File);
        if self.files_taken >= self.limits.max_attachments {
            self.leave_out(label(), LeftOutReason::TooMany);
            return;
        }
        let data_path = attachment.stream_path(PR_ATTACH_DATA, PT_BINARY);
        let declared_size = match self.file.entry(&data_path) {
            Ok(entry) if entry.is_stream() => entry.len(),
            _ => {
                self.leave_out(label(), LeftOutReason::Unreadable(Why::NoContent));
                return;
            }
        };
        if !self.fits(declared_size) {
            self.leave_out(label(), LeftOutReason::TooLarge);
            return;
        }
        let read_limit = self.limits.max_attachment_bytes.saturating_add(1);
        let Ok(Some(bytes)) = self.read_stream(&data_path, read_limit) else {
            self.leave_out(label(), LeftOutReason::Unreadable(Why::Damaged));
            return;
        };
        let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        if !self.fits(size) {
            self.leave_out(label(), LeftOutReason::TooLarge);
            return;
        }
        self.files_taken += 1;
        self.bytes_taken = self.bytes_taken.saturating_add(size);
        self.parsed.items.push(Item::File {
            name,
            content_type,
            bytes,
            within: within.map(str::to_owned),
        });
    }

    /// Whether an attachment of `size` bytes may still be taken.
    fn fits(&self, size: u64) -> bool {
        size <= self.limits.max_attachment_bytes
            && self.bytes_taken.saturating_add(size) <= self.limits.max_total_bytes
    }

    /// Opens the embedded message at `path` (an attachment of a message at `depth`).
    fn open_embedded(&mut self, path: &str, name: Option<&str>, depth: usize) {
        if !self.file.is_storage(path) {
            let label = name.map_or(PartName::Forwarded, |n| PartName::File(n.to_owned()));
            self.leave_out(label, LeftOutReason::Unreadable(Why::NoContent));
            return;
        }
        let nested_depth = depth + 1;
        if nested_depth > self.limits.max_depth.min(NESTING_CAP) {
            let without_properties = PropertyStorage {
                path: path.to_owned(),
                fixed: Vec::new(),
            };
            let subject = self.text(&without_properties, PR_SUBJECT);
            let label = subject
                .or_else(|| name.map(str::to_owned))
                .map_or(PartName::Forwarded, PartName::ForwardedSubject);
            self.leave_out(label, LeftOutReason::TooDeep);
            return;
        }
        self.read_message(path, EMBEDDED_MESSAGE_HEADER_BYTES, nested_depth, name);
    }

    fn leave_out(&mut self, name: PartName, reason: LeftOutReason) {
        self.parsed.items.push(Item::LeftOut { name, reason });
    }

    /// Reads the fixed-size properties of the storage at `path`.
    fn open_storage(&mut self, path: &str, header_bytes: usize) -> PropertyStorage {
        let stream = self
            .read_stream(&format!("{path}/{PROPERTIES_STREAM}"), TEXT_LIMIT)
            .ok()
            .flatten()
            .unwrap_or_default();
        let fixed = stream
            .get(header_bytes..)
            .unwrap_or_default()
            .chunks_exact(PROPERTY_ENTRY_BYTES)
            .map(|entry| {
                let tag = u32::from_le_bytes([entry[0], entry[1], entry[2], entry[3]]);
                let mut value = [0; 8];
                value.copy_from_slice(&entry[8..16]);
                (tag, value)
            })
            .collect();
        PropertyStorage {
            path: path.to_owned(),
            fixed,
        }
    }

    /// Text property `id` (UTF-16 or 8-bit), trimmed, if present and not empty.
    fn text(&mut self, storage: &PropertyStorage, id: u16) -> Option<String> {
        let text = if let Ok(Some(bytes)) =
            self.read_stream(&storage.stream_path(id, PT_UNICODE), TEXT_LIMIT)
        {
            decode_utf16le(&bytes)
        } else {
            let bytes = self
                .read_stream(&storage.stream_path(id, PT_STRING8), TEXT_LIMIT)
                .ok()??;
            decode_windows_1252(&bytes)
        };
        let trimmed = text.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    }

    /// Up to `limit` bytes of the stream at `path`, `None` when there is no such stream.
    fn read_stream(&mut self, path: &str, limit: u64) -> io::Result<Option<Vec<u8>>> {
        if !self.file.is_stream(path) {
            return Ok(None);
        }
        let stream = self.file.open_stream(path)?;
        let mut bytes = Vec::new();
        stream.take(limit).read_to_end(&mut bytes)?;
        Ok(Some(bytes))
    }
}

/// A sender from a display name and an address, or `None` when the address is not an e-mail
/// address. The name is dropped when it is only the address again.
fn sender(name: Option<&str>, email: &str, role: SenderRole, depth: usize) -> Option<Sender> {
    let email = email
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_lowercase();
    if !email.contains('@') || email.chars().any(char::is_whitespace) {
        return None;
    }
    let name = name
        .map(str::trim)
        .filter(|name| !name.is_empty() && !name.eq_ignore_ascii_case(&email))
        .map(str::to_owned);
    Some(Sender {
        name,
        email,
        role,
        depth,
    })
}

/// The content ids an HTML body refers to (`cid:…`), lower-cased.
fn cid_references(html: &str) -> HashSet<String> {
    let html = html.to_ascii_lowercase();
    html.match_indices("cid:")
        .filter_map(|(at, prefix)| {
            let rest = html.get(at + prefix.len()..)?;
            let end = rest
                .find(|c: char| {
                    c.is_whitespace() || matches!(c, '"' | '\'' | '(' | ')' | '<' | '>')
                })
                .unwrap_or(rest.len());
            let reference = rest.get(..end)?;
            (!reference.is_empty()).then(|| reference.to_owned())
        })
        .collect()
}

/// A FILETIME (100 ns ticks since 1601-01-01 UTC) as RFC 3339 UTC (`2026-12-04T09:30:00Z`);
/// `None` for 0 and for years past 9999.
fn filetime_to_rfc3339(filetime: u64) -> Option<String> {
    const TICKS_PER_SECOND: u64 = 10_000_000;
    const SECONDS_FROM_1601_TO_1970: i64 = 11_644_473_600;
    const SECONDS_PER_DAY: i64 = 86_400;
    if filetime == 0 {
        return None;
    }
    let unix_seconds = i64::try_from(filetime / TICKS_PER_SECOND).ok()? - SECONDS_FROM_1601_TO_1970;
    let (year, month, day) = civil_from_days(unix_seconds.div_euclid(SECONDS_PER_DAY));
    if year > 9999 {
        return None;
    }
    let second_of_day = unix_seconds.rem_euclid(SECONDS_PER_DAY);
    let (hour, minute, second) = (
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60,
    );
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z"
    ))
}

/// The (year, month, day) of a count of days since 1970-01-01 (proleptic Gregorian; Howard
/// Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let shifted = days + 719_468; // days since 0000-03-01
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// Builds `.msg` files with `cfb`'s writer.
    struct MsgBuilder {
        file: CompoundFile<Cursor<Vec<u8>>>,
    }

    /// One fixed-size property: id, type, value.
    type Fixed = (u16, u16, u64);

    impl MsgBuilder {
        fn new() -> Self {
            // Version 3 (512-byte sectors), as Outlook writes them.
            let file = CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
                .expect("create");
            Self { file }
        }

        fn storage(&mut self, path: &str) {
            self.file.create_storage(path).expect("create storage");
        }

        fn stream(&mut self, path: &str, bytes: &[u8]) {
            let mut stream = self.file.create_stream(path).expect("create stream");
            stream.write_all(bytes).expect("write stream");
        }

        fn unicode(&mut self, storage: &str, id: u16, text: &str) {
            let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            self.stream(&format!("{storage}/__substg1.0_{id:04X}001F"), &bytes);
        }

        fn string8(&mut self, storage: &str, id: u16, bytes: &[u8]) {
            self.stream(&format!("{storage}/__substg1.0_{id:04X}001E"), bytes);
        }

        fn binary(&mut self, storage: &str, id: u16, bytes: &[u8]) {
            self.stream(&format!("{storage}/__substg1.0_{id:04X}0102"), bytes);
        }

        fn properties(&mut self, storage: &str, header_bytes: usize, fixed: &[Fixed]) {
            let mut bytes = vec![0xEE; header_bytes];
            for (id, property_type, value) in fixed {
                let tag = (u32::from(*id) << 16) | u32::from(*property_type);
                bytes.extend_from_slice(&tag.to_le_bytes());
                bytes.extend_from_slice(&6_u32.to_le_bytes());
                bytes.extend_from_slice(&value.to_le_bytes());
            }
            self.stream(&format!("{storage}/{PROPERTIES_STREAM}"), &bytes);
        }

        /// A message storage's own properties (root: `storage` is "").
        fn message(&mut self, storage: &str, subject: &str, sender: Option<(&str, &str)>) {
            let header = if storage.is_empty() {
                MESSAGE_HEADER_BYTES
            } else {
                EMBEDDED_MESSAGE_HEADER_BYTES
            };
            self.properties(storage, header, &[]);
            self.unicode(storage, PR_SUBJECT, subject);
            if let Some((name, email)) = sender {
                self.unicode(storage, PR_SENDER_NAME, name);
                self.unicode(storage, PR_SENDER_SMTP_ADDRESS, email);
            }
        }

        /// Attachment storage `number` of the message at `message`, with its properties.
        fn attachment(&mut self, message: &str, number: u32, fixed: &[Fixed]) -> String {
            let path = format!("{message}/{ATTACHMENT_STORAGE_PREFIX}{number:08X}");
            self.storage(&path);
            self.properties(&path, ATTACHMENT_HEADER_BYTES, fixed);
            path
        }

        /// A by-value attachment with a long file name.
        fn file(&mut self, message: &str, number: u32, name: &str, bytes: &[u8]) -> String {
            let path = self.attachment(message, number, &[by_value()]);
            self.unicode(&path, PR_ATTACH_LONG_FILENAME, name);
            self.binary(&path, PR_ATTACH_DATA, bytes);
            path
        }

        /// An embedded message attachment; returns the embedded message's path.
        fn embedded(&mut self, message: &str, number: u32, display_name: &str) -> String {
            let path = self.attachment(message, number, &[method(ATTACH_EMBEDDED_MSG)]);
            self.unicode(&path, PR_DISPLAY_NAME, display_name);
            let nested = format!("{path}/{EMBEDDED_MESSAGE_STORAGE}");
            self.storage(&nested);
            nested
        }

        fn finish(mut self) -> Vec<u8> {
            self.file.flush().expect("flush");
            self.file.into_inner().into_inner()
        }
    }

    fn method(value: u32) -> Fixed {
        (PR_ATTACH_METHOD, PT_LONG, u64::from(value))
    }

    fn by_value() -> Fixed {
        method(ATTACH_BY_VALUE)
    }

    /// 2024-12-02T01:50:00Z (`date -u -d @1733104200`).
    const DELIVERY_TIME: u64 = 133_775_778_000_000_000;

    fn file_item(
        name: &str,
        bytes: &[u8],
        content_type: Option<&str>,
        within: Option<&str>,
    ) -> Item {
        Item::File {
            name: Some(name.to_owned()),
            content_type: content_type.map(str::to_owned),
            bytes: bytes.to_vec(),
            within: within.map(str::to_owned),
        }
    }

    fn left_out(name: impl Into<PartName>, reason: LeftOutReason) -> Item {
        Item::LeftOut {
            name: name.into(),
            reason,
        }
    }

    fn sender_of(name: Option<&str>, email: &str, role: SenderRole, depth: usize) -> Sender {
        Sender {
            name: name.map(str::to_owned),
            email: email.to_owned(),
            role,
            depth,
        }
    }

    fn sample_msg() -> Vec<u8> {
        let mut msg = MsgBuilder::new();
        msg.properties(
            "",
            MESSAGE_HEADER_BYTES,
            &[(PR_MESSAGE_DELIVERY_TIME, PT_SYSTIME, DELIVERY_TIME)],
        );
        msg.unicode("", PR_SUBJECT, " Sollicitatie: Anaïs Dubois ");
        msg.unicode("", PR_SENDER_NAME, "Anaïs Dubois");
        msg.unicode("", PR_SENDER_SMTP_ADDRESS, " Anais.Dubois@Example.COM ");
        msg.string8(
            "",
            PR_SENDER_EMAIL_ADDRESS,
            b"/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=ADUBOIS",
        );
        msg.unicode(
            "",
            PR_TRANSPORT_MESSAGE_HEADERS,
            "Received: from mx.example.com\r\n\tby mx.agency.example\r\nFrom: =?utf-8?q?Ana=C3=AFs?= <anais.dubois@example.com>\r\nReply-To: \"Recruiting Desk\" <Jobs@Agency.Example>\r\nSubject: x\r\n\r\n",
        );
        msg.binary(
            "",
            PR_HTML,
            b"<html><body><p>CV attached</p><img src=\"CID:image002.png@01DB0000.12345670\"></body></html>",
        );

        let pdf = msg.file("", 0, "Curriculum_Anaïs.pdf", b"%PDF-1.7 curriculum");
        msg.string8(&pdf, PR_ATTACH_FILENAME, b"CURRIC~1.PDF");
        msg.string8(&pdf, PR_ATTACH_MIME_TAG, b"application/pdf");

        let docx = msg.attachment("", 1, &[by_value()]);
        msg.string8(&docx, PR_ATTACH_FILENAME, b"MOTIVA~1.DOC");
        msg.binary(&docx, PR_ATTACH_DATA, b"PK\x03\x04 letter");

        let logo = msg.attachment("", 2, &[by_value(), (PR_ATTACHMENT_HIDDEN, PT_BOOLEAN, 1)]);
        msg.unicode(&logo, PR_ATTACH_LONG_FILENAME, "logo.png");
        msg.binary(&logo, PR_ATTACH_DATA, b"\x89PNG logo");

        let signature = msg.file("", 3, "image002.png", b"\x89PNG signature");
        msg.string8(
            &signature,
            PR_ATTACH_CONTENT_ID,
            b"<image002.png@01DB0000.12345670>",
        );

        let photo = msg.file("", 4, "photo.jpg", b"\xFF\xD8\xFF photo");
        msg.unicode(&photo, PR_ATTACH_CONTENT_ID, "photo@elsewhere");
        msg.string8(&photo, PR_ATTACH_MIME_TAG, b"image/jpeg");

        let forwarded = msg.embedded("", 5, "Fwd: CV");
        msg.message(
            &forwarded,
            "CV van Bram",
            Some(("Bram de Vries", "Bram@Example.org")),
        );
        msg.file(&forwarded, 0, "Bram_CV.pdf", b"%PDF-1.4 bram");

        let ole = msg.attachment("", 6, &[method(ATTACH_OLE)]);
        msg.unicode(&ole, PR_DISPLAY_NAME, "Bitmap Image");
        msg.storage(&format!("{ole}/{EMBEDDED_MESSAGE_STORAGE}"));

        let link = msg.attachment("", 7, &[method(4)]);
        msg.unicode(&link, PR_ATTACH_LONG_FILENAME, "report.xlsx");
        msg.finish()
    }

    #[test]
    fn reads_subject_date_senders_and_attachments() {
        let parsed = read_msg(&sample_msg(), &Limits::default()).expect("readable");
        assert_eq!(
            parsed.subject.as_deref(),
            Some("Sollicitatie: Anaïs Dubois")
        );
        assert_eq!(parsed.date.as_deref(), Some("2024-12-02T01:50:00Z"));
        assert_eq!(
            parsed.senders,
            vec![
                sender_of(
                    Some("Recruiting Desk"),
                    "jobs@agency.example",
                    SenderRole::ReplyTo,
                    0
                ),
                sender_of(
                    Some("Anaïs Dubois"),
                    "anais.dubois@example.com",
                    SenderRole::From,
                    0
                ),
                sender_of(
                    Some("Bram de Vries"),
                    "bram@example.org",
                    SenderRole::From,
                    1
                ),
            ]
        );
        assert_eq!(
            parsed.items,
            vec![
                file_item(
                    "Curriculum_Anaïs.pdf",
                    b"%PDF-1.7 curriculum",
                    Some("application/pdf"),
                    None
                ),
                file_item("MOTIVA~1.DOC", b"PK\x03\x04 letter", None, None),
                left_out("logo.png", LeftOutReason::Inline),
                left_out("image002.png", LeftOutReason::Inline),
                file_item("photo.jpg", b"\xFF\xD8\xFF photo", Some("image/jpeg"), None),
                file_item("Bram_CV.pdf", b"%PDF-1.4 bram", None, Some("CV van Bram")),
                left_out("Bitmap Image", LeftOutReason::Unreadable(Why::Embedded)),
                left_out("report.xlsx", LeftOutReason::Unreadable(Why::Link)),
            ]
        );
        assert_eq!(
            Why::Embedded.english(),
            "it is an object embedded by Outlook, not a file"
        );
        assert_eq!(Why::Link.english(), "it is only a link to a file elsewhere");
    }

    #[test]
    fn submit_time_wins_and_8_bit_text_is_windows_1252() {
        let mut msg = MsgBuilder::new();
        msg.properties(
            "",
            MESSAGE_HEADER_BYTES,
            &[
                (PR_MESSAGE_DELIVERY_TIME, PT_SYSTIME, DELIVERY_TIME),
                (PR_CLIENT_SUBMIT_TIME, PT_SYSTIME, 134_408_502_000_000_000),
            ],
        );
        msg.string8("", PR_SUBJECT, b"Sollicitatie \x96 Ana\xEFs \x80\0junk");
        msg.string8("", PR_SENDER_EMAIL_ADDRESS, b"anna@example.nl");
        msg.string8("", PR_SENDER_NAME, b"anna@example.nl");
        let parsed = read_msg(&msg.finish(), &Limits::default()).expect("readable");
        assert_eq!(parsed.subject.as_deref(), Some("Sollicitatie – Anaïs €"));
        assert_eq!(parsed.date.as_deref(), Some("2026-12-04T09:30:00Z"));
        assert_eq!(
            parsed.senders,
            vec![sender_of(None, "anna@example.nl", SenderRole::From, 0)]
        );
    }

    #[test]
    fn an_exchange_address_is_not_a_sender_but_the_headers_from_is() {
        let mut msg = MsgBuilder::new();
        msg.message("", "Hello", None);
        msg.unicode(
            "",
            PR_SENDER_EMAIL_ADDRESS,
            "/O=EXCHANGELABS/OU=X/CN=RECIPIENTS/CN=ANNA",
        );
        msg.unicode("", PR_SENDER_NAME, "Anna Jansen");
        let without_headers = read_msg(&msg.finish(), &Limits::default()).expect("readable");
        assert_eq!(without_headers.senders, vec![]);

        let mut msg = MsgBuilder::new();
        msg.message("", "Hello", None);
        msg.unicode(
            "",
            PR_SENDER_EMAIL_ADDRESS,
            "/O=EXCHANGELABS/OU=X/CN=RECIPIENTS/CN=ANNA",
        );
        msg.string8(
            "",
            PR_TRANSPORT_MESSAGE_HEADERS,
            b"From: Anna Jansen <Anna@Example.nl>\r\nTo: jobs@agency.example",
        );
        let with_headers = read_msg(&msg.finish(), &Limits::default()).expect("readable");
        assert_eq!(
            with_headers.senders,
            vec![sender_of(
                Some("Anna Jansen"),
                "anna@example.nl",
                SenderRole::From,
                0
            )]
        );
    }

    #[test]
    fn without_an_html_body_the_mhtml_flag_decides_what_is_inline() {
        let mut msg = MsgBuilder::new();
        msg.message("", "Pictures", None);
        let flagged = msg.file("", 0, "image001.png", b"flagged");
        msg.properties(
            &flagged,
            ATTACHMENT_HEADER_BYTES,
            &[by_value(), (PR_ATTACH_FLAGS, PT_LONG, 4)],
        );
        msg.unicode(&flagged, PR_ATTACH_CONTENT_ID, "image001.png@01");
        let unflagged = msg.file("", 1, "scan.png", b"unflagged");
        msg.unicode(&unflagged, PR_ATTACH_CONTENT_ID, "scan.png@01");
        let parsed = read_msg(&msg.finish(), &Limits::default()).expect("readable");
        assert_eq!(
            parsed.items,
            vec![
                left_out("image001.png", LeftOutReason::Inline),
                file_item("scan.png", b"unflagged", None, None),
            ]
        );
    }

    /// A chain of `levels` messages, each forwarding the next and holding one file.
    fn nested_chain(levels: usize) -> Vec<u8> {
        let mut msg = MsgBuilder::new();
        msg.message("", "level 0", Some(("Top", "top@example.com")));
        msg.file("", 0, "level0.txt", b"0");
        let mut path = String::new();
        for level in 1..=levels {
            path = msg.embedded(&path, 1, &format!("Fwd: level {level}"));
            let sender = format!("level{level}@example.com");
            msg.message(&path, &format!("level {level}"), Some(("", &sender)));
            msg.file(
                &path,
                0,
                &format!("level{level}.txt"),
                level.to_string().as_bytes(),
            );
        }
        msg.finish()
    }

    #[test]
    fn forwarded_messages_deeper_than_max_depth_are_left_out() {
        let limits = Limits {
            max_depth: 2,
            ..Limits::default()
        };
        let parsed = read_msg(&nested_chain(4), &limits).expect("readable");
        assert_eq!(
            parsed.items,
            vec![
                file_item("level0.txt", b"0", None, None),
                file_item("level1.txt", b"1", None, Some("level 1")),
                file_item("level2.txt", b"2", None, Some("level 2")),
                left_out(
                    PartName::ForwardedSubject("level 3".into()),
                    LeftOutReason::TooDeep
                ),
            ]
        );
        assert_eq!(
            PartName::ForwardedSubject("level 3".into())
                .text()
                .english(),
            "The forwarded message “level 3”"
        );
        let depths: Vec<usize> = parsed.senders.iter().map(|sender| sender.depth).collect();
        assert_eq!(depths, [0, 1, 2]);
        assert_eq!(parsed.senders[2].email, "level2@example.com");

        let flat = Limits {
            max_depth: 0,
            ..Limits::default()
        };
        let parsed = read_msg(&nested_chain(1), &flat).expect("readable");
        assert_eq!(
            parsed.items[1],
            left_out(
                PartName::ForwardedSubject("level 1".into()),
                LeftOutReason::TooDeep
            )
        );
    }

    #[test]
    fn attachments_past_max_attachments_are_left_out_across_depths() {
        let limits = Limits {
            max_attachments: 2,
            ..Limits::default()
        };
        let parsed = read_msg(&nested_chain(3), &limits).expect("readable");
        assert_eq!(
            parsed.items,
            vec![
                file_item("level0.txt", b"0", None, None),
                file_item("level1.txt", b"1", None, Some("level 1")),
                left_out("level2.txt", LeftOutReason::TooMany),
                left_out("level3.txt", LeftOutReason::TooMany),
            ]
        );
    }

    #[test]
    fn attachments_past_the_size_limits_are_left_out() {
        let mut msg = MsgBuilder::new();
        msg.message("", "Sizes", None);
        msg.file("", 0, "eleven.bin", b"0123456789A");
        msg.file("", 1, "eight.bin", b"01234567");
        msg.file("", 2, "eight-again.bin", b"01234567");
        msg.file("", 3, "seven.bin", b"0123456");
        let nameless = msg.attachment("", 4, &[by_value()]);
        msg.binary(&nameless, PR_ATTACH_DATA, b"x");
        let limits = Limits {
            max_attachment_bytes: 10,
            max_total_bytes: 15,
            ..Limits::default()
        };
        let parsed = read_msg(&msg.finish(), &limits).expect("readable");
        assert_eq!(
            parsed.items,
            vec![
                left_out("eleven.bin", LeftOutReason::TooLarge),
                file_item("eight.bin", b"01234567", None, None),
                left_out("eight-again.bin", LeftOutReason::TooLarge),
                file_item("seven.bin", b"0123456", None, None),
                left_out(PartName::Nameless, LeftOutReason::TooLarge),
            ]
        );
        assert_eq!(
            PartName::Nameless.text().english(),
            "An attachment without a name"
        );
    }

    #[test]
    fn an_attachment_without_content_is_unreadable() {
        let mut msg = MsgBuilder::new();
        msg.message("", "Empty", None);
        let empty = msg.attachment("", 0, &[by_value()]);
        msg.unicode(&empty, PR_ATTACH_LONG_FILENAME, "missing.pdf");
        let parsed = read_msg(&msg.finish(), &Limits::default()).expect("readable");
        assert_eq!(
            parsed.items,
            vec![left_out(
                "missing.pdf",
                LeftOutReason::Unreadable(Why::NoContent)
            )]
        );
        assert_eq!(Why::NoContent.english(), "Outlook stored no content for it");
    }

    #[test]
    fn garbage_and_other_compound_files_are_errors() {
        for garbage in [
            &b""[..],
            b"not an outlook message at all",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        ] {
            let error = read_msg(garbage, &Limits::default())
                .expect_err("not a message")
                .english();
            assert!(
                error.starts_with("it is not an Outlook message atsdrop can read ("),
                "{error}"
            );
        }
        let mut other = MsgBuilder::new();
        other.stream("/WordDocument", b"a Word file");
        assert_eq!(
            read_msg(&other.finish(), &Limits::default()),
            Err(Why::OutlookNoProperties)
        );
        assert_eq!(
            Why::OutlookNoProperties.english(),
            "it is not an Outlook message atsdrop can read (it holds no message properties)"
        );
    }

    #[test]
    fn cut_off_files_never_panic() {
        let full = sample_msg();
        for cut in 0..full.len() {
            // Without the `catch_unwind` guard, so a panic in `cfb` or here fails the test.
            // (`cfb` refuses every cut: the file is shorter than its allocation table says.)
            let _ = read_unguarded(&full[..cut], &Limits::default());
        }
    }

    #[test]
    fn short_and_odd_streams_are_read_as_far_as_they_go() {
        let mut msg = MsgBuilder::new();
        msg.stream(&format!("/{PROPERTIES_STREAM}"), b"short");
        msg.stream("/__substg1.0_0037001F", &[b'H', 0, b'i', 0, b'!']);
        let attachment = format!("/{ATTACHMENT_STORAGE_PREFIX}00000000");
        msg.storage(&attachment);
        let mut properties = vec![0; ATTACHMENT_HEADER_BYTES];
        properties.extend_from_slice(&[0x03, 0x00, 0x05, 0x37, 0, 0, 0, 0, 6, 0, 0]);
        msg.stream(&format!("{attachment}/{PROPERTIES_STREAM}"), &properties);
        msg.unicode(&attachment, PR_ATTACH_LONG_FILENAME, "   ");
        msg.string8(&attachment, PR_ATTACH_FILENAME, b"");
        msg.unicode(&attachment, PR_DISPLAY_NAME, "Display name.txt");
        msg.binary(&attachment, PR_ATTACH_DATA, b"");
        msg.storage(&format!("/{ATTACHMENT_STORAGE_PREFIX}zz"));
        let parsed = read_msg(&msg.finish(), &Limits::default()).expect("readable");
        assert_eq!(parsed.subject.as_deref(), Some("Hi"));
        assert_eq!(parsed.date, None);
        assert_eq!(
            parsed.items,
            vec![file_item("Display name.txt", b"", None, None)]
        );
    }

    #[test]
    fn damaged_bytes_never_panic() {
        let full = sample_msg();
        let mut seed = 0x2545_F491_u32;
        for _ in 0..300 {
            let mut damaged = full.clone();
            for _ in 0..8 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                let at = usize::try_from(seed).expect("u32 fits") % damaged.len();
                damaged[at] = damaged[at].wrapping_add(u8::try_from(seed >> 24).expect("byte"));
            }
            let _ = read_msg(&damaged, &Limits::default());
        }
    }

    #[test]
    fn filetimes_become_rfc_3339() {
        // Checked with `date -u -d @<unix seconds>`.
        assert_eq!(
            filetime_to_rfc3339(DELIVERY_TIME).as_deref(),
            Some("2024-12-02T01:50:00Z")
        );
        assert_eq!(
            filetime_to_rfc3339(134_408_502_000_000_000).as_deref(),
            Some("2026-12-04T09:30:00Z")
        );
        assert_eq!(
            filetime_to_rfc3339(125_963_423_990_000_000).as_deref(),
            Some("2000-02-29T23:59:59Z")
        );
        assert_eq!(
            filetime_to_rfc3339(116_444_735_990_000_000).as_deref(),
            Some("1969-12-31T23:59:59Z")
        );
        assert_eq!(
            filetime_to_rfc3339(1).as_deref(),
            Some("1601-01-01T00:00:00Z")
        );
        assert_eq!(filetime_to_rfc3339(0), None);
        assert_eq!(filetime_to_rfc3339(u64::MAX), None);
    }

    #[test]
    fn cid_references_end_at_delimiters() {
        let references =
            cid_references("<img src='cid:A@B'><a href=\"cid:c\">x</a> url(cid:d) cid:");
        let expected: HashSet<String> = ["a@b", "c", "d"].into_iter().map(str::to_owned).collect();
        assert_eq!(references, expected);
    }
}
