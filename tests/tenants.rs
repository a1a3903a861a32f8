//! Accounts never cross: the emulator keeps two keys of one system at one address apart (two
//! tenants, as on the real systems), and the engine sends each queued file only with the
//! credentials of the connection it was queued under.

use std::time::Duration;

use atsdrop::emulator::{DEMO_TENANT, Fault};
use atsdrop::model::ProviderId;
use atsdrop::providers::{self, UploadTarget, no_progress};
use atsdrop::upload::{FileState, Source};

use crate::support::engine::{Harness, batch, fast_config, file};
use crate::support::sandbox::{emulator, pdf_bytes, upload_file, write};

const T: Duration = Duration::from_secs(30);

/// The second tenant's secret for a system.
fn other_secret(provider: ProviderId) -> String {
    format!("{}-agency-b-secret", provider.key())
}

#[tokio::test]
async fn every_system_keeps_two_tenants_at_one_address_apart() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    for provider in ProviderId::ALL {
        let b = emu.add_tenant(provider, "agency-b", &other_secret(provider));
        let a = emu.account(provider);
        assert_eq!(a.base_url, b.base_url, "{provider}: one address");
        let candidate = emu.store().candidates(provider)[150].id.clone();
        let kind = provider.profile().type_for_file_name("cv.pdf").wire;
        let target = UploadTarget {
            candidate_id: candidate.clone(),
            application_id: None,
        };
        for (account, name) in [(&a, "a.pdf"), (&b, "b.pdf")] {
            let path = write(
                dir.path(),
                &format!("{}-{name}", provider.key()),
                &pdf_bytes(4_000),
            );
            let client = providers::connect(&account.connection()).unwrap();
            let mut upload = upload_file(&path, "application/pdf", kind);
            upload.remote_id = Some(format!("tenant-test-{name}"));
            let outcomes = client
                .upload(&target, &[upload], no_progress())
                .await
                .unwrap_or_else(|e| panic!("{provider}: {e}"));
            assert_eq!(outcomes.len(), 1);
        }
        // Onderwijsregio applies accepted mutations a little later.
        let store = emu.store();
        let stored = |tenant: &str| store.tenant_attachments(provider, tenant, Some(&candidate));
        for _ in 0..100 {
            if stored(DEMO_TENANT).len() + stored("agency-b").len() == 2 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let names = |tenant: &str| -> Vec<String> {
            stored(tenant).into_iter().map(|s| s.file_name).collect()
        };
        assert_eq!(
            names(DEMO_TENANT),
            [format!("{}-a.pdf", provider.key())],
            "{provider}"
        );
        assert_eq!(
            names("agency-b"),
            [format!("{}-b.pdf", provider.key())],
            "{provider}"
        );
        // Where the system lists attachments, each key sees its own only.
        if provider.profile().can_list_attachments {
            for (account, own) in [(&a, "a.pdf"), (&b, "b.pdf")] {
                let client = providers::connect(&account.connection()).unwrap();
                let listed = client.list_attachments(&candidate).await.unwrap();
                let listed: Vec<&str> = listed.iter().map(|l| l.name.as_str()).collect();
                assert_eq!(listed, [format!("{}-{own}", provider.key())], "{provider}");
            }
        }
        // Every request was answered as the tenant whose secret it carried.
        for r in emu
            .received()
            .iter()
            .filter(|r| r.provider == Some(provider))
        {
            assert!(
                r.tenant
                    .as_deref()
                    .is_some_and(|t| t == DEMO_TENANT || t == "agency-b"),
                "{provider}: {r:?}"
            );
        }
    }
}

/// The engine half of the review's finding: connecting a second saved connection of the same
/// system at the same address, while the first one's files are queued, used to replace the
/// lane's client, and the rest of the files went out with the second key, into its tenant.
#[tokio::test]
async fn queued_files_keep_their_connection_when_another_connects() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let b_account = emu.add_tenant(ProviderId::Spott, "agency-b", "agency-b-key");
    // Slow uploads: the second connection arrives while most files wait for a slot.
    emu.faults().inject(
        "spott:POST:/attachments/temporary=delay:300x40"
            .parse::<Fault>()
            .unwrap(),
    );
    let candidate = emu.store().candidates(ProviderId::Spott)[151].id.clone();
    let files: Vec<_> = (0..8)
        .map(|i| {
            let path = write(dir.path(), &format!("cv-{i}.pdf"), &pdf_bytes(3_000 + i));
            file(&path, "application/pdf", "CV")
        })
        .collect();
    let mut spec = batch(emu.connection(ProviderId::Spott), &candidate, files);
    spec.source = Source::Saved {
        id: "agency-a".into(),
        name: "Agency A".into(),
    };
    let id = h.engine.submit(spec);
    h.until_state_any(FileState::Uploading, T).await;
    h.engine
        .use_connection(
            &b_account.connection(),
            Source::Saved {
                id: "agency-b".into(),
                name: "Agency B".into(),
            },
        )
        .unwrap();
    assert_eq!(h.finished(&id, T).await.done, 8);
    let store = emu.store();
    assert_eq!(
        store
            .tenant_attachments(ProviderId::Spott, DEMO_TENANT, Some(&candidate))
            .len(),
        8
    );
    assert!(
        store
            .tenant_attachments(ProviderId::Spott, "agency-b", Some(&candidate))
            .is_empty()
    );
    assert!(
        emu.received()
            .iter()
            .all(|r| r.tenant.as_deref() != Some("agency-b")),
        "no request carried Agency B's key"
    );
}

/// The journal's duplicate guard keys on the account too: a file uploaded through one saved
/// connection is not "already uploaded" for another connection of the same system at the same
/// address (another tenant), but is for the first one.
#[tokio::test]
async fn a_file_sent_through_one_connection_is_no_duplicate_for_another() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let b_account = emu.add_tenant(ProviderId::Spott, "agency-b", "agency-b-key");
    let candidate = emu.store().candidates(ProviderId::Spott)[152].id.clone();
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(4_000));
    let saved = |id: &str| Source::Saved {
        id: id.into(),
        name: id.into(),
    };
    let mut outcomes = Vec::new();
    for (connection, source) in [
        (emu.connection(ProviderId::Spott), saved("agency-a")),
        (b_account.connection(), saved("agency-b")),
        (emu.connection(ProviderId::Spott), saved("agency-a")),
    ] {
        let mut spec = batch(
            connection,
            &candidate,
            vec![file(&path, "application/pdf", "CV")],
        );
        spec.source = source;
        let id = h.engine.submit(spec);
        outcomes.push(h.finished(&id, T).await);
    }
    assert_eq!(outcomes[0].done, 1);
    assert_eq!(outcomes[1].done, 1, "another tenant: sent");
    assert_eq!(outcomes[2].skipped, 1, "the same connection: a duplicate");
    let store = emu.store();
    for tenant in [DEMO_TENANT, "agency-b"] {
        assert_eq!(
            store
                .tenant_attachments(ProviderId::Spott, tenant, Some(&candidate))
                .len(),
            1,
            "{tenant}"
        );
    }
}
