//! E-mails built in the tests: MIME (`.eml`) with any mix of parts and encodings, and Outlook
//! `.msg` files written with `cfb`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;

/// How a part's body is written.
#[derive(Clone, Copy, Debug)]
pub enum Encoding {
    /// Base64, in lines of 76.
    Base64,
    /// Quoted-printable.
    QuotedPrintable,
    /// As it is (8bit).
    Plain,
}

/// One MIME part.
#[derive(Clone, Debug)]
pub struct Part {
    /// The whole `Content-Type` value (with its parameters).
    pub content_type: String,
    /// The whole `Content-Disposition` value, if any.
    pub disposition: Option<String>,
    /// The `Content-ID`, without angle brackets.
    pub content_id: Option<String>,
    /// How the body is encoded.
    pub encoding: Encoding,
    /// The body.
    pub body: Vec<u8>,
}

impl Part {
    /// An attachment `filename` (a plain ASCII name) of `mime`, base64.
    pub fn attachment(mime: &str, filename: &str, body: &[u8]) -> Self {
        Self {
            content_type: mime.to_owned(),
            disposition: Some(format!("attachment; filename=\"{filename}\"")),
            content_id: None,
            encoding: Encoding::Base64,
            body: body.to_vec(),
        }
    }

    /// A plain-text body.
    pub fn text(body: &str) -> Self {
        Self {
            content_type: "text/plain; charset=utf-8".to_owned(),
            disposition: None,
            content_id: None,
            encoding: Encoding::QuotedPrintable,
            body: body.as_bytes().to_vec(),
        }
    }

    /// A message forwarded as an attachment (`message/rfc822`).
    pub fn forwarded(mail: &[u8]) -> Self {
        Self {
            content_type: "message/rfc822".to_owned(),
            disposition: Some("attachment".to_owned()),
            content_id: None,
            encoding: Encoding::Plain,
            body: mail.to_vec(),
        }
    }
}

/// A `multipart/mixed` mail with `headers` (name, value) and `parts`.
pub fn mime(headers: &[(&str, &str)], parts: &[Part]) -> Vec<u8> {
    let boundary = "=_atsdrop_test_boundary";
    let mut out = Vec::new();
    for (name, value) in headers {
        write!(out, "{name}: {value}\r\n").unwrap();
    }
    write!(
        out,
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\nThis is a multi-part message in MIME format.\r\n"
    )
    .unwrap();
    for part in parts {
        write!(
            out,
            "--{boundary}\r\nContent-Type: {}\r\n",
            part.content_type
        )
        .unwrap();
        if let Some(d) = &part.disposition {
            write!(out, "Content-Disposition: {d}\r\n").unwrap();
        }
        if let Some(id) = &part.content_id {
            write!(out, "Content-ID: <{id}>\r\n").unwrap();
        }
        match part.encoding {
            Encoding::Base64 => {
                out.extend_from_slice(b"Content-Transfer-Encoding: base64\r\n\r\n");
                let encoded = base64::engine::general_purpose::STANDARD.encode(&part.body);
                for line in encoded.as_bytes().chunks(76) {
                    out.extend_from_slice(line);
                    out.extend_from_slice(b"\r\n");
                }
            }
            Encoding::QuotedPrintable => {
                out.extend_from_slice(b"Content-Transfer-Encoding: quoted-printable\r\n\r\n");
                out.extend_from_slice(&quoted_printable(&part.body));
                out.extend_from_slice(b"\r\n");
            }
            Encoding::Plain => {
                out.extend_from_slice(b"Content-Transfer-Encoding: 8bit\r\n\r\n");
                out.extend_from_slice(&part.body);
                out.extend_from_slice(b"\r\n");
            }
        }
    }
    write!(out, "--{boundary}--\r\n").unwrap();
    out
}

/// Quoted-printable (RFC 2045): lines of at most 76 with soft breaks `=`, every byte that is
/// not printable ASCII (line breaks included) as `=XX`.
pub fn quoted_printable(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut line = 0;
    for &b in bytes {
        // Line breaks are encoded too (`=0D=0A`): the bytes may be binary (a DOCX), where a
        // literal break would come back as CRLF whatever it was.
        let token = if (b'!'..=b'~').contains(&b) && b != b'=' || b == b' ' {
            vec![b]
        } else {
            format!("={b:02X}").into_bytes()
        };
        if line + token.len() > 75 {
            out.extend_from_slice(b"=\r\n");
            line = 0;
        }
        line += token.len();
        out.extend_from_slice(&token);
    }
    out
}

/// Writes `bytes` to `dir/name`.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// One attachment of an Outlook message.
pub struct MsgAttachment<'a> {
    /// Its long file name.
    pub name: &'a str,
    /// Its content.
    pub data: &'a [u8],
    /// Hidden (Outlook's inline pictures).
    pub hidden: bool,
}

/// An Outlook `.msg` with a subject, a sender's SMTP address and name, and attachments by
/// value (MS-OXMSG: string properties as UTF-16 streams, fixed ones in the property stream).
pub fn msg(
    dir: &Path,
    name: &str,
    subject: &str,
    sender: (&str, &str),
    files: &[MsgAttachment<'_>],
) -> PathBuf {
    let path = dir.join(name);
    let file = std::fs::File::create(&path).unwrap();
    let mut cfb = cfb::CompoundFile::create(file).unwrap();
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let put = |cfb: &mut cfb::CompoundFile<std::fs::File>, path: &str, bytes: &[u8]| {
        let mut stream = cfb.create_stream(path).unwrap();
        stream.write_all(bytes).unwrap();
    };
    put(&mut cfb, "/__substg1.0_0037001F", &utf16(subject));
    put(&mut cfb, "/__substg1.0_5D01001F", &utf16(sender.0));
    put(&mut cfb, "/__substg1.0_0C1A001F", &utf16(sender.1));
    // Top-level property stream: 32-byte header, then 16-byte entries (none fixed here
    // beyond the delivery time, 2026-12-04T08:30:00Z as FILETIME).
    let mut props = vec![0u8; 32];
    props.extend_from_slice(&0x0E06_0040u32.to_le_bytes());
    props.extend_from_slice(&6u32.to_le_bytes());
    props.extend_from_slice(&filetime(1_796_373_000).to_le_bytes());
    put(&mut cfb, "/__properties_version1.0", &props);
    for (i, attachment) in files.iter().enumerate() {
        let storage = format!("/__attach_version1.0_#{i:08X}");
        cfb.create_storage(&storage).unwrap();
        put(
            &mut cfb,
            &format!("{storage}/__substg1.0_3707001F"),
            &utf16(attachment.name),
        );
        put(
            &mut cfb,
            &format!("{storage}/__substg1.0_37010102"),
            attachment.data,
        );
        let mut props = vec![0u8; 8];
        props.extend_from_slice(&0x3705_0003u32.to_le_bytes());
        props.extend_from_slice(&6u32.to_le_bytes());
        props.extend_from_slice(&1u64.to_le_bytes());
        props.extend_from_slice(&0x7FFE_000Bu32.to_le_bytes());
        props.extend_from_slice(&6u32.to_le_bytes());
        props.extend_from_slice(&u64::from(attachment.hidden).to_le_bytes());
        put(
            &mut cfb,
            &format!("{storage}/__properties_version1.0"),
            &props,
        );
    }
    cfb.flush().unwrap();
    path
}

/// Unix seconds as a Windows FILETIME (100 ns since 1601).
fn filetime(unix: u64) -> u64 {
    (unix + 11_644_473_600) * 10_000_000
}
