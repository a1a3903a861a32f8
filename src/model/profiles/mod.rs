//! One file per system stating, from `../shared/providers/`, its attachment types, limits,
//! encoding, idempotency and rate limits. Facts marked `Sourced::assumed` are ours
//! (`[assumption]` in the contracts); the emulator uses the same values.

pub mod endorsed;
pub mod kombo;
pub mod onderwijsregio;
pub mod spott;
pub mod truto;

use super::{MIB, ProviderId, ProviderProfile, Sourced};

/// Atsdrop's own guard for a batch to one candidate, where no system documents a total:
/// large enough for any real set of candidate files, small enough to catch a wrongly dropped
/// folder.
pub const DEFAULT_MAX_BATCH_BYTES: Sourced<u64> = Sourced::assumed(1024 * MIB);

/// App default allow-list where a system documents none (`INDEX.md` §2.2).
pub const DEFAULT_ALLOWED_MIME_TYPES: &[&str] = &[
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/rtf",
    "text/plain",
    "image/png",
    "image/jpeg",
];

/// App default per-file size where a system documents none (`INDEX.md` §2.2).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 25 * MIB;

/// The profile of a system.
#[must_use]
pub fn profile(id: ProviderId) -> &'static ProviderProfile {
    match id {
        ProviderId::Spott => &spott::PROFILE,
        ProviderId::Endorsed => &endorsed::PROFILE,
        ProviderId::Kombo => &kombo::PROFILE,
        ProviderId::Onderwijsregio => &onderwijsregio::PROFILE,
        ProviderId::Truto => &truto::PROFILE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FileKind;

    #[test]
    fn every_profile_is_consistent() {
        for id in ProviderId::ALL {
            let p = profile(id);
            assert_eq!(p.id, id);
            assert!(!p.types.is_empty());
            assert!(
                p.attachment_type(p.default_other).is_some(),
                "{id}: default_other"
            );
            for t in p.types {
                assert!(
                    p.fields.is_empty() || p.fields.iter().any(|f| f.field == t.field),
                    "{id}: type {} fills an unknown field",
                    t.wire
                );
            }
            // Every allowed MIME type is one atsdrop can recognise by content.
            for mime in p.allowed_mime_types.value {
                assert!(
                    !matches!(FileKind::from_mime(mime), FileKind::Other { .. }),
                    "{id}: {mime} is not a kind atsdrop sniffs"
                );
            }
            assert!(p.default_base_url.starts_with("https://"));
        }
    }

    #[test]
    fn file_names_preselect_the_systems_own_types() {
        let cases = [
            (ProviderId::Spott, ["CV", "COVER_LETTER", "unassigned"]),
            (ProviderId::Endorsed, ["resume", "about", "about"]),
            (ProviderId::Kombo, ["CV", "COVER_LETTER", "OTHER"]),
            (
                ProviderId::Onderwijsregio,
                ["curriculumVitae", "otherAttachments", "otherAttachments"],
            ),
            (ProviderId::Truto, ["resume", "cover_letter", "other"]),
        ];
        for (id, [cv, letter, other]) in cases {
            let p = profile(id);
            assert_eq!(p.type_for_file_name("Lebenslauf Jan.pdf").wire, cv, "{id}");
            assert_eq!(p.type_for_file_name("motivation.pdf").wire, letter, "{id}");
            assert_eq!(p.type_for_file_name("diploma.jpg").wire, other, "{id}");
        }
    }

    #[test]
    fn documented_numbers_match_the_contracts() {
        assert_eq!(
            profile(ProviderId::Spott).allowed_mime_types.value.len(),
            13
        );
        assert_eq!(
            profile(ProviderId::Onderwijsregio)
                .allowed_mime_types
                .value
                .len(),
            20
        );
        assert_eq!(profile(ProviderId::Spott).max_file_bytes.value, 50 * MIB);
        assert_eq!(
            profile(ProviderId::Onderwijsregio).max_file_bytes.value,
            5 * MIB
        );
        assert_eq!(profile(ProviderId::Spott).max_files_per_request.value, 10);
        let o = profile(ProviderId::Onderwijsregio);
        for field in ["curriculumVitae", "otherAttachments"] {
            let limit = o.fields.iter().find(|f| f.field == field).unwrap();
            assert_eq!(limit.max_files.unwrap().value, 5);
        }
    }
}
