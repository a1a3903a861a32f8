//! The history of finished uploads, read from the journal, exportable as CSV.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::account::Account;
use super::journal::{JournalError, JournalState, read_state};
use super::types::Outcome;
use crate::model::ProviderId;

/// One finished job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    /// When it ended (RFC 3339).
    pub at: String,
    /// The file name sent.
    pub file_name: String,
    /// Where the file was.
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Hex sha256, when computed.
    pub sha256: Option<String>,
    /// The system.
    pub system: ProviderId,
    /// The account's label ("Spott (Agency A)").
    pub connection: String,
    /// The account it went to: duplicate checks compare it with the account in use.
    pub account: Account,
    /// The candidate's id.
    pub candidate_id: String,
    /// The candidate's name, when known.
    pub candidate_name: Option<String>,
    /// The system's attachment type.
    pub attachment_type: String,
    /// The system's attachment id, when returned.
    pub remote_id: Option<String>,
    /// How it ended.
    pub outcome: Outcome,
    /// The sentence that goes with it.
    pub message: Option<String>,
    /// For a fixed copy: the files it was made from (name and sha256).
    pub made_from: Vec<crate::upload::Original>,
    /// For a mail's attachment: the mail (its subject, date and sender).
    pub from_mail: Option<crate::upload::MailOrigin>,
}

impl HistoryEntry {
    /// The attachment type as the system labels it ("Cover letter"); the wire value when the
    /// system no longer lists it.
    #[must_use]
    pub fn attachment_label(&self) -> &str {
        self.system
            .profile()
            .attachment_label(&self.attachment_type)
    }
}

/// Finished jobs, newest first.
#[must_use]
pub fn entries(state: &JournalState) -> Vec<HistoryEntry> {
    let mut out: Vec<HistoryEntry> = state
        .files
        .iter()
        .filter_map(|f| {
            let end = f.life.end()?;
            let batch = state.batches.get(&f.batch)?;
            Some(HistoryEntry {
                at: end.at.clone(),
                file_name: f.name.clone(),
                path: f.path.clone(),
                size: f.size,
                sha256: f.sha256.clone(),
                system: batch.connection.provider,
                connection: batch.connection.label(),
                account: batch.connection.clone(),
                candidate_id: batch.candidate_id.clone(),
                candidate_name: batch.candidate_name.clone(),
                attachment_type: f.attachment_type.clone(),
                remote_id: end.attachment_id.clone(),
                outcome: end.outcome,
                message: end.message.clone(),
                made_from: f.made_from.clone(),
                from_mail: f.from_mail.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| b.at.cmp(&a.at));
    out
}

/// Reads the history from a journal file.
pub fn read(journal: &Path) -> Result<Vec<HistoryEntry>, JournalError> {
    Ok(entries(&read_state(journal)?))
}

/// A CSV cell a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'` (OWASP's rule against formula injection — a file named
/// `=HYPERLINK("http://x","y").pdf`, or a name an applicant typed).
#[must_use]
pub fn csv_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Writes entries as CSV with a header row; every cell that comes from a file, a candidate or
/// a system goes through [`csv_cell`].
pub fn write_csv<W: Write>(entries: &[HistoryEntry], writer: W) -> Result<(), csv::Error> {
    let mut csv = csv::Writer::from_writer(writer);
    csv.write_record([
        "time",
        "file",
        "size",
        "sha256",
        "system",
        "connection",
        "candidate_id",
        "candidate_name",
        "type",
        "remote_id",
        "outcome",
        "message",
        "made_from",
        "made_from_sha256",
        "mail",
        "mail_subject",
        "mail_date",
        "mail_from",
    ])?;
    for e in entries {
        csv.write_record([
            e.at.as_str(),
            &csv_cell(&e.file_name),
            &e.size.to_string(),
            e.sha256.as_deref().unwrap_or(""),
            e.system.key(),
            &csv_cell(&e.connection),
            &csv_cell(&e.candidate_id),
            &csv_cell(e.candidate_name.as_deref().unwrap_or("")),
            &csv_cell(&e.attachment_type),
            &csv_cell(e.remote_id.as_deref().unwrap_or("")),
            e.outcome.as_str(),
            &csv_cell(e.message.as_deref().unwrap_or("")),
            // A fixed copy's originals, `; `-separated, in the same order in both columns.
            &csv_cell(
                &e.made_from
                    .iter()
                    .map(|o| o.name.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            &e.made_from
                .iter()
                .map(|o| o.sha256.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            &csv_cell(e.from_mail.as_ref().map_or("", |m| m.mail.as_str())),
            &csv_cell(
                e.from_mail
                    .as_ref()
                    .and_then(|m| m.subject.as_deref())
                    .unwrap_or(""),
            ),
            &csv_cell(
                e.from_mail
                    .as_ref()
                    .and_then(|m| m.date.as_deref())
                    .unwrap_or(""),
            ),
            &csv_cell(
                e.from_mail
                    .as_ref()
                    .and_then(|m| m.sender.as_deref())
                    .unwrap_or(""),
            ),
        ])?;
    }
    csv.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(system: ProviderId, attachment_type: &str) -> HistoryEntry {
        HistoryEntry {
            at: "2026-11-22T10:00:00Z".into(),
            file_name: "letter.pdf".into(),
            path: "/tmp/letter.pdf".into(),
            size: 3,
            sha256: None,
            system,
            connection: "Kombo".into(),
            account: Account {
                provider: system,
                base_url: "http://127.0.0.1:1/kombo".into(),
                ids: crate::model::AccountIds::new(),
                source: crate::upload::Source::Environment,
                credential: None,
            },
            candidate_id: "c1".into(),
            candidate_name: None,
            attachment_type: attachment_type.into(),
            remote_id: None,
            outcome: Outcome::Uploaded,
            message: None,
            made_from: Vec::new(),
            from_mail: None,
        }
    }

    #[test]
    fn the_type_is_shown_by_the_systems_label_and_unknown_ones_by_their_wire_value() {
        assert_eq!(
            entry(ProviderId::Kombo, "COVER_LETTER").attachment_label(),
            "Cover letter"
        );
        assert_eq!(
            entry(ProviderId::Spott, "OFFER").attachment_label(),
            "Offer"
        );
        assert_eq!(
            entry(ProviderId::Kombo, "RETIRED_TYPE").attachment_label(),
            "RETIRED_TYPE"
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_defused() {
        let mut e = entry(ProviderId::Kombo, "CV");
        e.file_name = "=HYPERLINK(\"http://x\",\"y\").pdf".into();
        e.candidate_name = Some("@SUM(A1)".into());
        e.message = Some("-2+3".into());
        e.connection = "\tKombo".into();
        let mut out = Vec::new();
        write_csv(&[e], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let row = text.lines().nth(1).unwrap();
        assert!(
            row.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\").pdf\""),
            "{row}"
        );
        assert!(row.contains("'@SUM(A1)"), "{row}");
        assert!(row.contains("'-2+3"), "{row}");
        assert!(row.contains("'\tKombo"), "{row}");
        for bad in ["=", "+", "-", "@", "\t", "\r"] {
            assert!(csv_cell(&format!("{bad}x")).starts_with('\''));
        }
        assert_eq!(csv_cell("cv.pdf"), "cv.pdf");
        assert_eq!(csv_cell("Anna-Marie"), "Anna-Marie");
    }
}
