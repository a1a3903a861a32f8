//! Mail in: an e-mail saved as a file (`.eml`, Outlook's `.msg`) opens into its attachments,
//! the way a folder opens into its files, and its sender points at the candidate.
//!
//! Parsing runs in a separate process (`atsdrop read-mail`, see [`child`] and [`opener`]) with
//! the same isolation as the content reader: a malformed or hostile mail costs that mail a
//! sentence. The process writes the attachments into a folder the app gives it (under the work
//! folder, never next to the user's files) and answers with an [`OpenedMail`].
//!
//! - [`eml`]: MIME (`mail-parser`), nested messages, `winmail.dat`.
//! - [`msg`]: Outlook `.msg` (`cfb` and a small MAPI property reader).
//! - [`tnef`]: `winmail.dat` (TNEF) attachments.
//! - [`names`]: safe, unique file names for what is written.

pub mod child;
pub mod eml;
pub mod expand;
pub mod msg;
pub mod names;
pub mod opener;
pub mod parsed;
pub mod sender;
pub mod tnef;

pub use expand::{FromMail, MailExpansion, open_mails};
pub use opener::{MailOpener, OpenedMail};
pub use parsed::{Item, LeftOutReason, Limits, Parsed, PartName, Sender, SenderRole, Why};
