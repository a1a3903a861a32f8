//! The mail process's side: `atsdrop read-mail --out DIR -- MAIL` limits its own memory, reads
//! one mail (at most [`MAX_MAIL_BYTES`]), writes each attachment to `DIR/<n>/<name>` and
//! answers with an [`OpenedMail`] as one line of JSON. A parser that crashes on a hostile mail
//! costs this process, never the app's.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::opener::{Attachment, LeftOut, OpenedMail};
use super::parsed::{Item, LeftOutReason, Limits, Parsed, PartName, Why};
use super::{eml, msg, names};

/// The largest mail file opened (a mail with a 50 MB attachment is about 70 MB as MIME).
pub const MAX_MAIL_BYTES: u64 = 256 * 1024 * 1024;

/// The most memory the mail process may take (the mail, its decoded attachments, a copy).
pub const MEMORY_LIMIT_BYTES: u64 = 1536 * 1024 * 1024;

/// The signature every compound file (Outlook `.msg`) starts with.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Runs the mail process's job: opens `mail`, writes its attachments under `out_dir` (which
/// must exist), and writes the answer to `out`. Only a failure to write the answer is an error.
pub fn serve(mail: &Path, out_dir: &Path, out: &mut impl Write) -> io::Result<()> {
    crate::content::child::limit_memory(MEMORY_LIMIT_BYTES);
    let opened = match load(mail).and_then(|bytes| parse(&bytes)) {
        Ok(parsed) => write_out(parsed, out_dir),
        Err(reason) => OpenedMail::unreadable(reason),
    };
    serde_json::to_writer(&mut *out, &opened)?;
    writeln!(out)?;
    out.flush()
}

/// The mail's bytes, or why they were not read.
fn load(path: &Path) -> Result<Vec<u8>, Why> {
    let file = File::open(path).map_err(|e| Why::NotOpened(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_MAIL_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Why::NotRead(e.to_string()))?;
    if bytes.len() as u64 > MAX_MAIL_BYTES {
        return Err(Why::TooLargeToOpen);
    }
    Ok(bytes)
}

/// The mail in `bytes`: Outlook's compound file, else MIME. A panic in a parser is caught
/// here too (the process would survive it anyway, but the answer says what happened).
pub fn parse(bytes: &[u8]) -> Result<Parsed, Why> {
    let limits = Limits::default();
    std::panic::catch_unwind(|| {
        if bytes.starts_with(OLE_MAGIC) {
            msg::read_msg(bytes, &limits)
        } else {
            eml::read_eml(bytes, &limits)
        }
    })
    .unwrap_or(Err(Why::ReaderFailed))
}

/// Writes the attachments of `parsed` under `out_dir`, one folder each (so two attachments
/// of the same name both keep it).
fn write_out(parsed: Parsed, out_dir: &Path) -> OpenedMail {
    let mut opened = OpenedMail {
        subject: parsed.subject,
        date: parsed.date,
        senders: parsed.senders,
        ..OpenedMail::default()
    };
    let mut index = 0;
    for item in parsed.items {
        match item {
            Item::File {
                name,
                content_type,
                bytes,
                within,
            } => {
                index += 1;
                let file_name = names::safe_name(name.as_deref(), content_type.as_deref(), index);
                match write_one(out_dir, index, &file_name, &bytes) {
                    Ok(path) => opened.attachments.push(Attachment { path, within }),
                    Err(e) => opened.left_out.push(LeftOut {
                        name: PartName::File(file_name),
                        reason: LeftOutReason::Unreadable(Why::NotSaved(e.to_string())),
                    }),
                }
            }
            Item::LeftOut { name, reason } => opened.left_out.push(LeftOut { name, reason }),
        }
    }
    opened
}

fn write_one(out_dir: &Path, index: usize, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let folder = out_dir.join(index.to_string());
    fs::create_dir(&folder)?;
    let path = folder.join(name);
    // `create_new`: never through a link or over a file already there.
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(path)
}
