//! An e-mail in MIME form (`.eml`, what Thunderbird, Apple Mail and Outlook's *Save as* write):
//! its attachments, with messages forwarded inside it opened (bounded) and `winmail.dat`
//! unpacked. Parsing is `mail-parser`'s: file names in every encoding mail uses (RFC 2047
//! encoded words, RFC 2231 parameters, legacy charsets) come out decoded.

use std::collections::HashSet;

use mail_parser::{Address, Message, MessageParser, MimeHeaders, PartType};

use super::parsed::{Item, LeftOutReason, Limits, Parsed, PartName, Sender, SenderRole, Why};
use super::tnef;

/// Reads the MIME mail in `bytes`. An error says why it is not a mail ([`Why::NoHeaders`]);
/// a mail without attachments is not an error (its items are empty).
pub fn read_eml(bytes: &[u8], limits: &Limits) -> Result<Parsed, Why> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or(Why::NoHeaders)?;
    if !looks_like_mail(&message) {
        return Err(Why::NotAMail);
    }
    let mut walk = Walk {
        limits,
        parsed: Parsed {
            subject: message.subject().map(str::to_owned),
            date: message.date().map(mail_parser::DateTime::to_rfc3339),
            ..Parsed::default()
        },
        files: 0,
        total: 0,
    };
    walk.senders(&message, 0);
    walk.message(&message, 0, None);
    Ok(walk.parsed)
}

/// Whether the parsed headers are an e-mail's (any text with a `Name: value` line parses).
fn looks_like_mail(message: &Message<'_>) -> bool {
    message.from().is_some()
        || message.subject().is_some()
        || message.date().is_some()
        || message.message_id().is_some()
        || message.root_part().content_type().is_some()
}

/// The walk over a mail's parts, counting what it takes.
struct Walk<'a> {
    limits: &'a Limits,
    parsed: Parsed,
    /// Attachments taken so far.
    files: usize,
    /// Their bytes so far.
    total: u64,
}

impl Walk<'_> {
    /// Reply-To, then From, of `message` at `depth`.
    fn senders(&mut self, message: &Message<'_>, depth: usize) {
        for (role, address) in [
            (SenderRole::ReplyTo, message.reply_to()),
            (SenderRole::From, message.from()),
        ] {
            if let Some(sender) = address.and_then(|a| first_sender(a, role, depth))
                && !self.parsed.senders.contains(&sender)
            {
                self.parsed.senders.push(sender);
            }
        }
    }

    /// The parts of `message` (at `depth`; `within` is its subject when it is a forwarded one).
    fn message(&mut self, message: &Message<'_>, depth: usize, within: Option<&str>) {
        let shown_inline = referenced_content_ids(message);
        let bodies: HashSet<u32> = message
            .text_body
            .iter()
            .chain(&message.html_body)
            .copied()
            .collect();
        for (index, part) in message.parts.iter().enumerate() {
            let name = part.attachment_name().map(str::to_owned);
            let attached = part
                .content_disposition()
                .is_some_and(mail_parser::ContentType::is_attachment);
            let bytes: &[u8] = match &part.body {
                PartType::Multipart(_) => continue,
                PartType::Message(nested) => {
                    self.forwarded(nested, depth + 1);
                    continue;
                }
                PartType::Text(text) | PartType::Html(text) => {
                    let is_body = u32::try_from(index).is_ok_and(|i| bodies.contains(&i));
                    if name.is_none() && !attached && (is_body || index == 0) {
                        continue;
                    }
                    text.as_bytes()
                }
                PartType::Binary(bytes) | PartType::InlineBinary(bytes) => bytes,
            };
            let content_type = part.content_type().map(|ct| match &ct.c_subtype {
                Some(sub) => format!("{}/{sub}", ct.c_type).to_ascii_lowercase(),
                None => ct.c_type.to_ascii_lowercase(),
            });
            let content_id = part.content_id().map(|id| id.trim_matches(['<', '>', ' ']));
            let is_picture = content_type
                .as_deref()
                .is_some_and(|t| t.starts_with("image/"));
            if content_id.is_some_and(|id| shown_inline.contains(&id.to_ascii_lowercase()))
                || (content_id.is_some() && name.is_none() && is_picture)
            {
                self.parsed.items.push(Item::LeftOut {
                    name: name.map_or(PartName::Picture, PartName::File),
                    reason: LeftOutReason::Inline,
                });
                continue;
            }
            let is_tnef = content_type.as_deref() == Some("application/ms-tnef")
                || name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case("winmail.dat"));
            if is_tnef {
                self.winmail(
                    PartName::File(name.unwrap_or_else(|| "winmail.dat".to_owned())),
                    bytes,
                    within,
                );
            } else {
                self.take(name, content_type, bytes.to_vec(), within);
            }
        }
    }

    /// A message forwarded inside another, opened when it is not too deep.
    fn forwarded(&mut self, nested: &Message<'_>, depth: usize) {
        let subject = nested.subject().map(str::to_owned);
        if depth > self.limits.max_depth {
            self.parsed.items.push(Item::LeftOut {
                name: subject.map_or(PartName::Forwarded, PartName::ForwardedSubject),
                reason: LeftOutReason::TooDeep,
            });
            return;
        }
        self.senders(nested, depth);
        // Empty: a forwarded message without a subject.
        self.message(nested, depth, Some(subject.as_deref().unwrap_or("")));
    }

    /// Outlook's `winmail.dat`: its files, or a sentence.
    fn winmail(&mut self, name: PartName, bytes: &[u8], within: Option<&str>) {
        match tnef::read_tnef(bytes, self.limits) {
            Ok(files) if !files.is_empty() => {
                for file in files {
                    self.take(file.name, None, file.bytes, within);
                }
            }
            Ok(_) => self.parsed.items.push(Item::LeftOut {
                name,
                reason: LeftOutReason::Tnef(Why::TnefEmpty),
            }),
            Err(why) => self.parsed.items.push(Item::LeftOut {
                name,
                reason: LeftOutReason::Tnef(why),
            }),
        }
    }

    /// Takes one attachment, unless it is past a limit.
    fn take(
        &mut self,
        name: Option<String>,
        content_type: Option<String>,
        bytes: Vec<u8>,
        within: Option<&str>,
    ) {
        let size = bytes.len() as u64;
        let reason = if self.files >= self.limits.max_attachments {
            Some(LeftOutReason::TooMany)
        } else if size > self.limits.max_attachment_bytes
            || self.total.saturating_add(size) > self.limits.max_total_bytes
        {
            Some(LeftOutReason::TooLarge)
        } else {
            None
        };
        if let Some(reason) = reason {
            self.parsed.items.push(Item::LeftOut {
                name: name.map_or(PartName::Nameless, PartName::File),
                reason,
            });
            return;
        }
        self.files += 1;
        self.total += size;
        self.parsed.items.push(Item::File {
            name,
            content_type,
            bytes,
            within: within.map(str::to_owned),
        });
    }
}

/// The first address of a header, as a [`Sender`].
fn first_sender(address: &Address<'_>, role: SenderRole, depth: usize) -> Option<Sender> {
    let first = address.iter().find(|a| a.address().is_some())?;
    let email = first.address()?.trim().to_lowercase();
    (email.contains('@')).then(|| Sender {
        name: first
            .name()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        email,
        role,
        depth,
    })
}

/// The content ids the HTML bodies of `message` show (`<img src="cid:logo@x">`), lower-cased.
fn referenced_content_ids(message: &Message<'_>) -> HashSet<String> {
    let mut ids = HashSet::new();
    for index in &message.html_body {
        let Some(part) = message.parts.get(*index as usize) else {
            continue;
        };
        let PartType::Html(html) = &part.body else {
            continue;
        };
        let lower = html.to_ascii_lowercase();
        let mut rest = lower.as_str();
        while let Some(at) = rest.find("cid:") {
            rest = &rest[at + 4..];
            let end = rest
                .find(|c: char| matches!(c, '"' | '\'' | '>' | ')') || c.is_whitespace())
                .unwrap_or(rest.len());
            ids.insert(rest[..end].to_owned());
            rest = &rest[end..];
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use base64::Engine as _;

    use super::*;

    fn files(parsed: &Parsed) -> Vec<(Option<&str>, &[u8], Option<&str>)> {
        parsed
            .items
            .iter()
            .filter_map(|i| match i {
                Item::File {
                    name,
                    bytes,
                    within,
                    ..
                } => Some((name.as_deref(), bytes.as_slice(), within.as_deref())),
                Item::LeftOut { .. } => None,
            })
            .collect()
    }

    /// What was left out: each name in English, and why.
    fn left_out(parsed: &Parsed) -> Vec<(String, &LeftOutReason)> {
        parsed
            .items
            .iter()
            .filter_map(|i| match i {
                Item::LeftOut { name, reason } => Some((name.text().english(), reason)),
                Item::File { .. } => None,
            })
            .collect()
    }

    const MIXED: &str = "From: \"Jansen, Anna\" <Anna.Jansen@Example.com>\r\n\
Reply-To: anna.private@example.org\r\n\
To: jobs@agency.example\r\n\
Subject: =?UTF-8?Q?Sollicitatie_=E2=80=93_Anna_Jansen?=\r\n\
Date: Fri, 04 Dec 2026 09:30:00 +0100\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
\r\n\
--b1\r\n\
Content-Type: multipart/related; boundary=\"b2\"\r\n\
\r\n\
--b2\r\n\
Content-Type: text/html; charset=utf-8\r\n\
\r\n\
<p>Dear team,</p><img src=\"cid:logo@sig\">\r\n\
--b2\r\n\
Content-Type: image/png\r\n\
Content-ID: <logo@sig>\r\n\
Content-Disposition: inline; filename=\"logo.png\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
iVBORw0KGgo=\r\n\
--b2--\r\n\
--b1\r\n\
Content-Type: application/pdf; name=\"cv.pdf\"\r\n\
Content-Disposition: attachment; filename*=UTF-8''Curr%C3%ADculum%20Ana%C3%AFs.pdf\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQK\r\n\
--b1\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Disposition: attachment; filename=\"=?ISO-8859-1?Q?Motivatie_Bj=F6rn.txt?=\"\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
Caf=C3=A9 au lait=20=\r\n\
and more\r\n\
--b1--\r\n";

    #[test]
    fn attachments_names_senders_and_inline_pictures() {
        let parsed = read_eml(MIXED.as_bytes(), &Limits::default()).unwrap();
        assert_eq!(
            parsed.subject.as_deref(),
            Some("Sollicitatie \u{2013} Anna Jansen")
        );
        assert_eq!(parsed.date.as_deref(), Some("2026-12-04T09:30:00+01:00"));
        assert_eq!(
            parsed
                .senders
                .iter()
                .map(|s| (s.email.as_str(), s.role, s.name.as_deref()))
                .collect::<Vec<_>>(),
            [
                ("anna.private@example.org", SenderRole::ReplyTo, None),
                (
                    "anna.jansen@example.com",
                    SenderRole::From,
                    Some("Jansen, Anna")
                ),
            ]
        );
        assert_eq!(
            files(&parsed),
            [
                (Some("Currículum Anaïs.pdf"), b"%PDF-1.4\n".as_slice(), None),
                (
                    Some("Motivatie Björn.txt"),
                    "Café au lait and more".as_bytes(),
                    None
                ),
            ]
        );
        assert_eq!(
            left_out(&parsed),
            [("logo.png".to_owned(), &LeftOutReason::Inline)]
        );
    }

    #[test]
    fn a_forwarded_message_is_opened_and_its_sender_kept_deeper() {
        let inner = "From: Bram Visser <bram@example.org>\r\nSubject: My CV\r\nContent-Type: multipart/mixed; boundary=i\r\n\r\n--i\r\nContent-Type: text/plain\r\n\r\nHi\r\n--i\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=bram.pdf\r\n\r\n%PDF-1.7\r\n--i--\r\n";
        let outer = format!(
            "From: Colleague <colleague@agency.example>\r\nSubject: Fwd: My CV\r\nContent-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: text/plain\r\n\r\nSee below\r\n--o\r\nContent-Type: message/rfc822\r\n\r\n{inner}\r\n--o--\r\n"
        );
        let parsed = read_eml(outer.as_bytes(), &Limits::default()).unwrap();
        assert_eq!(
            files(&parsed),
            [(Some("bram.pdf"), b"%PDF-1.7".as_slice(), Some("My CV"))]
        );
        assert_eq!(
            parsed
                .senders
                .iter()
                .map(|s| (s.email.as_str(), s.depth))
                .collect::<Vec<_>>(),
            [("colleague@agency.example", 0), ("bram@example.org", 1)]
        );

        let shallow = Limits {
            max_depth: 0,
            ..Limits::default()
        };
        let parsed = read_eml(outer.as_bytes(), &shallow).unwrap();
        assert!(files(&parsed).is_empty());
        assert_eq!(
            left_out(&parsed),
            [(
                "The forwarded message \u{201c}My CV\u{201d}".to_owned(),
                &LeftOutReason::TooDeep
            )]
        );
    }

    #[test]
    fn limits_on_count_and_size() {
        let mut mail = String::from(
            "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n",
        );
        for n in 0..4 {
            let _ = write!(
                mail,
                "--x\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=f{n}.pdf\r\n\r\n%PDF-{n}\r\n"
            );
        }
        mail.push_str("--x--\r\n");
        let limits = Limits {
            max_attachments: 2,
            ..Limits::default()
        };
        let parsed = read_eml(mail.as_bytes(), &limits).unwrap();
        assert_eq!(files(&parsed).len(), 2);
        assert_eq!(
            left_out(&parsed),
            [
                ("f2.pdf".to_owned(), &LeftOutReason::TooMany),
                ("f3.pdf".to_owned(), &LeftOutReason::TooMany)
            ]
        );
        let limits = Limits {
            max_attachment_bytes: 5,
            ..Limits::default()
        };
        let parsed = read_eml(mail.as_bytes(), &limits).unwrap();
        assert!(files(&parsed).is_empty());
        assert_eq!(left_out(&parsed).len(), 4);
    }

    #[test]
    fn winmail_dat_is_opened_and_a_broken_one_is_named() {
        let winmail = crate::mail::tnef::tests::two_attachments();
        let mail = |body: &[u8]| {
            let mut mail = b"From: outlook.user@example.com\r\nSubject: CV\r\nContent-Type: multipart/mixed; boundary=w\r\n\r\n--w\r\nContent-Type: text/plain\r\n\r\nSee attached\r\n--w\r\nContent-Type: application/ms-tnef; name=winmail.dat\r\nContent-Disposition: attachment; filename=winmail.dat\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
            mail.extend_from_slice(
                base64::engine::general_purpose::STANDARD
                    .encode(body)
                    .as_bytes(),
            );
            mail.extend_from_slice(b"\r\n--w--\r\n");
            mail
        };
        let parsed = read_eml(&mail(&winmail), &Limits::default()).unwrap();
        assert_eq!(
            files(&parsed),
            [
                (Some("CV.PDF"), b"%PDF-1.7 cv".as_slice(), None),
                (
                    Some("Motivatiebrief Anaïs.docx"),
                    b"PK\x03\x04 letter".as_slice(),
                    None
                ),
            ]
        );
        let parsed = read_eml(&mail(b"not tnef at all"), &Limits::default()).unwrap();
        assert!(files(&parsed).is_empty());
        let left = left_out(&parsed);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].0, "winmail.dat");
        assert!(matches!(left[0].1, LeftOutReason::Tnef(_)), "{left:?}");
        assert!(
            left[0]
                .1
                .sentence(&PartName::File("winmail.dat".into()), "x.eml")
                .starts_with("winmail.dat in the e-mail x.eml is Outlook's packed form"),
        );
    }

    #[test]
    fn headers_only_garbage_and_known_crashers() {
        let only_headers = "From: a@example.com\r\nSubject: nothing attached\r\n\r\n";
        let parsed = read_eml(only_headers.as_bytes(), &Limits::default()).unwrap();
        assert!(parsed.items.is_empty());
        assert_eq!(parsed.subject.as_deref(), Some("nothing attached"));

        assert!(read_eml(b"", &Limits::default()).is_err());
        assert!(read_eml(b"\x00\x01\x02 not a mail at all", &Limits::default()).is_err());
        // mail-parser #155 and #145 (fixed in 0.11.5+): inputs that once panicked.
        for crasher in [
            b"Received:\n\t".as_slice(),
            b"Received: from x (y)\r\n\t",
            b"Received: from x by y;\r\n\t",
        ] {
            let _ = read_eml(crasher, &Limits::default());
        }
        // Every cut of a real mail parses or refuses, never panics.
        for end in 0..MIXED.len() {
            let _ = read_eml(&MIXED.as_bytes()[..end], &Limits::default());
        }
    }
}
