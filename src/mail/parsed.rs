//! What a mail reader (MIME, `.msg`, TNEF) finds in one mail, before anything is written.

use serde::{Deserialize, Serialize};

/// The bounds every mail reader keeps to (a hostile mail can ask for anything).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::struct_field_names)] // `max_` says each one is a ceiling
pub struct Limits {
    /// How many messages deep a forwarded message inside a message is opened (the mail
    /// itself is depth 0).
    pub max_depth: usize,
    /// The most attachments taken from one mail (all depths together); the rest are left out.
    pub max_attachments: usize,
    /// The most bytes one attachment may have.
    pub max_attachment_bytes: u64,
    /// The most bytes all attachments together may have.
    pub max_total_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 4,
            max_attachments: 500,
            max_attachment_bytes: 256 * 1024 * 1024,
            max_total_bytes: 512 * 1024 * 1024,
        }
    }
}

/// Everything a reader found in one mail.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The subject, decoded (RFC 2047).
    pub subject: Option<String>,
    /// When it was sent, RFC 3339 (`2026-12-04T09:30:00+01:00`).
    pub date: Option<String>,
    /// Who sent it: Reply-To and From of the mail itself first, then those of messages
    /// forwarded inside it (see [`Sender::depth`]).
    pub senders: Vec<Sender>,
    /// Attachments and what was left out, in the order they appear.
    pub items: Vec<Item>,
}

/// One address a mail came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sender {
    /// The display name, if the header has one ("Anna Jansen").
    pub name: Option<String>,
    /// The address, trimmed and lower-cased.
    pub email: String,
    /// Which header it came from.
    pub role: SenderRole,
    /// 0 for the mail itself, 1 for a message forwarded inside it, and so on.
    pub depth: usize,
}

/// Which header an address came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SenderRole {
    /// `From` (Outlook: the sender's SMTP address).
    From,
    /// `Reply-To`.
    ReplyTo,
}

/// One thing inside a mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// An attachment to take.
    File {
        /// Its file name as the mail gives it (decoded; not yet made safe, see `names`), or
        /// `None` when it has none.
        name: Option<String>,
        /// Its MIME type as the mail declares it, if it does (used only to name a nameless
        /// attachment; the content decides the type later).
        content_type: Option<String>,
        /// Its content.
        bytes: Vec<u8>,
        /// The subject of the forwarded message it was found in (`None`: the mail itself).
        within: Option<String>,
    },
    /// Something not taken, with why.
    LeftOut {
        /// Its name, or a description when it has none ("a picture").
        name: String,
        /// Why.
        reason: LeftOutReason,
    },
}

/// Why something inside a mail was not taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum LeftOutReason {
    /// A picture shown inside the mail's text (referenced by `Content-ID`, hidden by Outlook):
    /// a logo or a signature, not a file the sender attached.
    Inline,
    /// A forwarded message nested deeper than [`Limits::max_depth`].
    TooDeep,
    /// More attachments than [`Limits::max_attachments`].
    TooMany,
    /// Larger than [`Limits::max_attachment_bytes`], or past [`Limits::max_total_bytes`].
    TooLarge,
    /// A `winmail.dat` (Outlook's TNEF) that could not be opened, with why.
    Tnef(String),
    /// Something else that could not be read, with why (an Outlook attachment stored as an
    /// OLE object, a part whose encoding is broken…).
    Unreadable(String),
}

impl LeftOutReason {
    /// One sentence naming `name` (in `mail`) and why it was not taken.
    #[must_use]
    pub fn sentence(&self, name: &str, mail: &str) -> String {
        match self {
            Self::Inline => format!(
                "{name} in {mail} was left out: it is a picture shown inside the e-mail's text (a logo or signature), not an attachment."
            ),
            Self::TooDeep => format!(
                "{name} in {mail} was left out: it is a message forwarded inside a forwarded message too many times over; save it from your mail program and add it directly."
            ),
            Self::TooMany => format!(
                "{name} in {mail} was left out: the e-mail has more attachments than atsdrop takes from one mail; save the rest from your mail program."
            ),
            Self::TooLarge => format!(
                "{name} in {mail} was left out: it is larger than atsdrop takes from a mail; save it from your mail program and add it directly."
            ),
            Self::Tnef(why) => format!(
                "{name} in {mail} is Outlook's packed form of the attachments (winmail.dat) and could not be opened ({why}): ask the sender to send them again, or save them from Outlook."
            ),
            Self::Unreadable(why) => format!(
                "{name} in {mail} could not be taken ({why}): save it from your mail program and add it directly."
            ),
        }
    }
}
