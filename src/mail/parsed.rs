//! What a mail reader (MIME, `.msg`, TNEF) finds in one mail, before anything is written.

use serde::{Deserialize, Serialize};

use crate::i18n::{Arg, Text};

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
        /// The subject of the forwarded message it was found in, empty when that message has
        /// none (`None`: the mail itself).
        within: Option<String>,
    },
    /// Something not taken, with why.
    LeftOut {
        /// Its name, or what it is when it has none ("a picture").
        name: PartName,
        /// Why.
        reason: LeftOutReason,
    },
}

/// What a sentence calls something inside a mail: its own name, or what it is when it has
/// none. It crosses from the mail process as it is, and is said in the app's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum PartName {
    /// The file name the mail gives it.
    File(String),
    /// A picture without a name.
    Picture,
    /// An attachment without a name.
    Nameless,
    /// A forwarded message without a subject.
    Forwarded,
    /// A forwarded message, by its subject.
    ForwardedSubject(String),
    /// An object embedded by Outlook, without a name.
    Embedded,
    /// A link to a file elsewhere, without a name.
    Link,
}

impl PartName {
    /// The name as a sentence starts with it ("A picture", "cv.pdf").
    #[must_use]
    pub fn text(&self) -> Text {
        match self {
            Self::File(name) => Text::verbatim(name),
            Self::Picture => crate::text!("mail-out-name-picture"),
            Self::Nameless => crate::text!("mail-out-name-nameless"),
            Self::Forwarded => crate::text!("mail-out-name-forwarded"),
            Self::ForwardedSubject(subject) => {
                crate::text!("mail-out-name-forwarded-subject", subject = subject)
            }
            Self::Embedded => crate::text!("mail-out-name-embedded"),
            Self::Link => crate::text!("mail-out-name-link"),
        }
    }
}

impl From<String> for PartName {
    fn from(name: String) -> Self {
        Self::File(name)
    }
}

impl From<&str> for PartName {
    fn from(name: &str) -> Self {
        Self::File(name.to_owned())
    }
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
    Tnef(Why),
    /// Something else that could not be read, with why (an Outlook attachment stored as an
    /// OLE object, a part whose encoding is broken…).
    Unreadable(Why),
}

impl LeftOutReason {
    /// One sentence naming `name` (in the e-mail `mail`, as its path is shown) and why it was
    /// not taken, in any language.
    #[must_use]
    pub fn text(&self, name: &PartName, mail: &str) -> Text {
        let name = name.text();
        match self {
            Self::Inline => crate::text!("mail-out-inline", name = name, mail = mail),
            Self::TooDeep => crate::text!("mail-out-too-deep", name = name, mail = mail),
            Self::TooMany => crate::text!("mail-out-too-many", name = name, mail = mail),
            Self::TooLarge => crate::text!("mail-out-too-large", name = name, mail = mail),
            Self::Tnef(why) => {
                crate::text!("mail-out-tnef", name = name, mail = mail, why = why.text())
            }
            Self::Unreadable(why) => crate::text!(
                "mail-out-unreadable-part",
                name = name,
                mail = mail,
                why = why.text()
            ),
        }
    }

    /// [`LeftOutReason::text`] in English.
    #[must_use]
    pub fn sentence(&self, name: &PartName, mail: &str) -> String {
        self.text(name, mail).english()
    }
}

/// Why a mail, or something in it, could not be read: a clause of a sentence ("it is cut
/// off"). It crosses from the mail process as it is (never as words), and is said in the
/// app's language; [`Why::english`] is what logs carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "why", content = "detail", rename_all = "snake_case")]
pub enum Why {
    /// The mail file could not be opened (the system's words).
    NotOpened(String),
    /// The mail file could not be read (the system's words).
    NotRead(String),
    /// The mail file is larger than [`crate::mail::child::MAX_MAIL_BYTES`].
    TooLargeToOpen,
    /// A mail reader panicked on it.
    ReaderFailed,
    /// No e-mail headers at all.
    NoHeaders,
    /// Headers, but none an e-mail has.
    NotAMail,
    /// An Outlook `.msg` so damaged that reading it panicked.
    OutlookDamaged,
    /// A compound file without a message's properties.
    OutlookNoProperties,
    /// Not a compound file (the reader's words).
    NotOutlook(String),
    /// The app's work folder could not be made (the system's words).
    WorkFolder(String),
    /// The mail process ran out of time.
    TooSlow,
    /// The mail process died on the mail.
    Crashed,
    /// No mail process could be started.
    NotStarted,
    /// An attachment could not be written to the work folder (the system's words).
    NotSaved(String),
    /// A `winmail.dat` with nothing in it.
    TnefEmpty,
    /// A `winmail.dat` that is not TNEF.
    TnefNoSignature,
    /// A `winmail.dat` that ends too early.
    TnefCutOff,
    /// A `winmail.dat` with a part of an unknown kind.
    TnefDamaged,
    /// A `winmail.dat` with more attachments than the limit (the limit).
    TnefTooMany(usize),
    /// A `winmail.dat` with an attachment past the limit.
    TnefTooLarge,
    /// A `winmail.dat` whose attachments together are past the limit.
    TnefTotalTooLarge,
    /// An OLE object embedded by Outlook.
    Embedded,
    /// A link to a file elsewhere.
    Link,
    /// An attachment method atsdrop does not know.
    UnknownForm,
    /// No content stored for an attachment.
    NoContent,
    /// An attachment whose content cannot be read.
    Damaged,
}

impl Why {
    /// The clause, in any language.
    #[must_use]
    pub fn text(&self) -> Text {
        match self {
            Self::NotOpened(error) => crate::text!("mail-out-not-opened", error = error),
            Self::NotRead(error) => crate::text!("mail-out-not-read", error = error),
            Self::TooLargeToOpen => crate::text!(
                "mail-out-too-large-to-open",
                size = Arg::Size(super::child::MAX_MAIL_BYTES)
            ),
            Self::ReaderFailed => crate::text!("mail-out-reader-failed"),
            Self::NoHeaders => crate::text!("mail-out-no-headers"),
            Self::NotAMail => crate::text!("mail-out-not-mail-headers"),
            Self::OutlookDamaged => crate::text!(
                "mail-out-not-outlook",
                why = crate::text!("mail-out-outlook-damaged")
            ),
            Self::OutlookNoProperties => crate::text!(
                "mail-out-not-outlook",
                why = crate::text!("mail-out-outlook-no-properties")
            ),
            Self::NotOutlook(error) => crate::text!("mail-out-not-outlook", why = error),
            Self::WorkFolder(error) => crate::text!("mail-out-work-folder", error = error),
            Self::TooSlow => crate::text!("mail-out-too-slow"),
            Self::Crashed => crate::text!("mail-out-crashed"),
            Self::NotStarted => crate::text!("mail-out-not-started"),
            Self::NotSaved(error) => crate::text!("mail-out-not-saved", error = error),
            Self::TnefEmpty => crate::text!("mail-out-tnef-empty"),
            Self::TnefNoSignature => crate::text!("mail-out-tnef-no-signature"),
            Self::TnefCutOff => crate::text!("mail-out-tnef-cut-off"),
            Self::TnefDamaged => crate::text!("mail-out-tnef-damaged"),
            Self::TnefTooMany(limit) => crate::text!("mail-out-tnef-too-many", count = *limit),
            Self::TnefTooLarge => crate::text!("mail-out-tnef-too-large"),
            Self::TnefTotalTooLarge => crate::text!("mail-out-tnef-total-too-large"),
            Self::Embedded => crate::text!("mail-out-embedded"),
            Self::Link => crate::text!("mail-out-link"),
            Self::UnknownForm => crate::text!("mail-out-unknown-form"),
            Self::NoContent => crate::text!("mail-out-no-content"),
            Self::Damaged => crate::text!("mail-out-damaged"),
        }
    }

    /// The clause in English (what logs carry).
    #[must_use]
    pub fn english(&self) -> String {
        self.text().english()
    }
}

impl std::fmt::Display for Why {
    /// In the current language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_clause_keeps_its_english_words_and_has_its_own_in_dutch_and_german() {
        let clauses = [
            (Why::NotOpened("e".into()), "it could not be opened (e)"),
            (Why::NotRead("e".into()), "it could not be read (e)"),
            (
                Why::TooLargeToOpen,
                "it is larger than atsdrop opens (256 MB)",
            ),
            (Why::ReaderFailed, "the mail reader failed on it"),
            (Why::NoHeaders, "it has no e-mail headers"),
            (
                Why::NotAMail,
                "it has none of the headers an e-mail has (From, Subject, Date)",
            ),
            (
                Why::OutlookDamaged,
                "it is not an Outlook message atsdrop can read (the file is damaged)",
            ),
            (
                Why::NotOutlook("bad magic".into()),
                "it is not an Outlook message atsdrop can read (bad magic)",
            ),
            (
                Why::WorkFolder("e".into()),
                "atsdrop's work folder could not be made (e)",
            ),
            (Why::TooSlow, "opening it took too long"),
            (Why::Crashed, "the mail reader stopped on it"),
            (Why::NotStarted, "no mail reader could be started"),
            (
                Why::NotSaved("e".into()),
                "it could not be saved in atsdrop's work folder: e",
            ),
            (Why::TnefEmpty, "it holds no attachments"),
            (Why::TnefNoSignature, "it has no TNEF signature"),
            (Why::TnefCutOff, "it is cut off"),
            (
                Why::TnefDamaged,
                "it is damaged (a part of an unknown kind)",
            ),
            (Why::TnefTooMany(500), "it holds more than 500 attachments"),
            (
                Why::TnefTooLarge,
                "an attachment in it is larger than atsdrop takes from a mail",
            ),
            (
                Why::TnefTotalTooLarge,
                "its attachments together are larger than atsdrop takes from a mail",
            ),
            (
                Why::UnknownForm,
                "Outlook stored it in a form atsdrop cannot read",
            ),
            (Why::Damaged, "it is damaged in the message"),
        ];
        for (why, english) in clauses {
            assert_eq!(why.english(), english);
            for lang in [Lang::Nl, Lang::De] {
                assert_ne!(why.text().render_in(lang), english, "{}", lang.tag());
            }
        }
        assert_eq!(
            Why::TnefTooMany(1).text().render_in(Lang::Nl),
            "er zit meer dan 1 bijlage in"
        );
        assert_eq!(
            Why::TnefTooMany(1).text().render_in(Lang::De),
            "die Datei enthält mehr als einen Anhang"
        );
    }

    #[test]
    fn every_sentence_keeps_its_english_words() {
        let name = PartName::Picture;
        let mail = "x.eml";
        let sentences = [
            (
                LeftOutReason::Inline,
                "A picture in the e-mail x.eml was left out: it is a picture shown inside the e-mail's text (a logo or signature), not an attachment.",
            ),
            (
                LeftOutReason::TooDeep,
                "A picture in the e-mail x.eml was left out: it is a message forwarded inside a forwarded message too many times over; save it from your mail program and add it directly.",
            ),
            (
                LeftOutReason::TooMany,
                "A picture in the e-mail x.eml was left out: the e-mail has more attachments than atsdrop takes from one mail; save the rest from your mail program.",
            ),
            (
                LeftOutReason::TooLarge,
                "A picture in the e-mail x.eml was left out: it is larger than atsdrop takes from a mail; save it from your mail program and add it directly.",
            ),
            (
                LeftOutReason::Tnef(Why::TnefCutOff),
                "A picture in the e-mail x.eml is Outlook's packed form of the attachments (winmail.dat) and could not be opened (it is cut off): ask the sender to send them again, or save them from Outlook.",
            ),
            (
                LeftOutReason::Unreadable(Why::Link),
                "A picture in the e-mail x.eml could not be taken (it is only a link to a file elsewhere): save it from your mail program and add it directly.",
            ),
        ];
        for (reason, english) in sentences {
            assert_eq!(reason.sentence(&name, mail), english);
        }
        let names = [
            (PartName::File("cv.pdf".into()), "cv.pdf"),
            (PartName::Picture, "A picture"),
            (PartName::Nameless, "An attachment without a name"),
            (PartName::Forwarded, "A forwarded message"),
            (
                PartName::ForwardedSubject("CV".into()),
                "The forwarded message \u{201c}CV\u{201d}",
            ),
            (PartName::Embedded, "An object embedded by Outlook"),
            (PartName::Link, "A link to a file"),
        ];
        for (name, english) in names {
            assert_eq!(name.text().english(), english);
        }
        let dutch = LeftOutReason::Inline
            .text(&PartName::Picture, mail)
            .render_in(Lang::Nl);
        assert!(
            dutch.starts_with("Een afbeelding in de e-mail x.eml is weggelaten"),
            "{dutch}"
        );
    }

    #[test]
    fn what_was_left_out_crosses_the_process_boundary_without_words() {
        let reason = LeftOutReason::Tnef(Why::TnefTooMany(3));
        let json = serde_json::to_string(&reason).unwrap();
        assert!(!json.contains("attachments"), "{json}");
        assert_eq!(
            serde_json::from_str::<LeftOutReason>(&json).unwrap(),
            reason
        );
        let name = PartName::ForwardedSubject("CV".into());
        let json = serde_json::to_string(&name).unwrap();
        assert!(!json.contains("forwarded message"), "{json}");
        assert_eq!(serde_json::from_str::<PartName>(&json).unwrap(), name);
    }
}
