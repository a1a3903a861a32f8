//! What a file's content says about sending it, beyond its form: a password, macros, no text
//! layer, content that could not be read, or someone else's name on it. Found by the content
//! reader (`crate::content`), judged into problems by `validate`.

use serde::{Deserialize, Serialize};

/// One thing about a file's content that matters before it is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    /// It needs a password to open (an encrypted PDF or Office file): the system cannot open it.
    NeedsPassword,
    /// It carries macros (VBA in Word or Excel files, Basic in OpenDocument).
    Macros,
    /// A PDF without a text layer (a scan): the system cannot search it.
    NoTextLayer,
    /// Its content could not be read (damaged, too complex, or the reader gave up).
    Unreadable,
}

impl Health {
    /// The name used in `--json` output (`"needs_password"`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NeedsPassword => "needs_password",
            Self::Macros => "macros",
            Self::NoTextLayer => "no_text_layer",
            Self::Unreadable => "unreadable",
        }
    }
}

/// What the content check found for one file, as validation needs it, and what the user has
/// allowed anyway. The default is "nothing known, nothing allowed".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContentCheck {
    /// Health flags of the content.
    pub health: Vec<Health>,
    /// When the file seems to be someone else's: that person's e-mail, phone or name as found
    /// (and, where the system knows them, their name in [`ContentCheck::seems_to_be`]).
    pub other_person: Option<String>,
    /// The name of the other candidate in the system the file seems to belong to.
    pub seems_to_be: Option<String>,
    /// What the user confirmed sending anyway.
    pub allowed: Allowed,
}

/// What the user confirmed sending anyway, per file (the app's buttons, the command line's
/// `--allow-macros` and `--allow-other-person`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Allowed {
    /// Send it with its macros.
    pub macros: bool,
    /// Send it although it seems to be someone else's.
    pub other_person: bool,
}
