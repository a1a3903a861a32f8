//! The five recruiting systems atsdrop speaks to.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One of the recruiting systems atsdrop can upload to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderId {
    /// Spott recruitment CRM (`api.gospott.com`).
    Spott,
    /// Endorsed AI candidate search (`endorsed.ai/api/v1`).
    Endorsed,
    /// Kombo unified ATS API (`api.kombo.dev/v1`).
    Kombo,
    /// Onderwijsregio API v2, the "Mutation Engine" (`onderwijsregio.onderwijsin.nl/api/v2`).
    Onderwijsregio,
    /// Truto unified ATS API (`api.truto.one`).
    Truto,
}

impl ProviderId {
    /// Every system, in the order the app lists them.
    pub const ALL: [Self; 5] = [
        Self::Spott,
        Self::Endorsed,
        Self::Kombo,
        Self::Onderwijsregio,
        Self::Truto,
    ];

    /// Stable lower-case key used on the command line, in settings, URLs and JSON.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Spott => "spott",
            Self::Endorsed => "endorsed",
            Self::Kombo => "kombo",
            Self::Onderwijsregio => "onderwijsregio",
            Self::Truto => "truto",
        }
    }

    /// The name a recruiter knows the system by.
    #[must_use]
    pub fn display_name(self) -> &'static str {
        match self {
            Self::Spott => "Spott",
            Self::Endorsed => "Endorsed",
            Self::Kombo => "Kombo",
            Self::Onderwijsregio => "Onderwijsregio",
            Self::Truto => "Truto",
        }
    }

    /// The system's profile: attachment types, limits, encoding, rate limits.
    #[must_use]
    pub fn profile(self) -> &'static super::ProviderProfile {
        super::profiles::profile(self)
    }
}

impl fmt::Display for ProviderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}

/// The text did not name one of the five systems.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{0}\" is not a system atsdrop knows; use one of spott, endorsed, kombo, onderwijsregio, truto"
)]
pub struct UnknownProvider(pub String);

impl FromStr for ProviderId {
    type Err = UnknownProvider;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        Self::ALL
            .into_iter()
            .find(|p| p.key().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownProvider(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_case_insensitively_and_round_trips() {
        for p in ProviderId::ALL {
            assert_eq!(p.key().to_uppercase().parse::<ProviderId>(), Ok(p));
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.key())
            );
        }
        assert!("greenhouse".parse::<ProviderId>().is_err());
    }
}
