//! The result of a bulk run as a table the user can keep: `file,candidate,matched_by,outcome`.

use std::io::Write;

use crate::upload::history::csv_cell;

/// One file of a bulk run, as exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRow {
    /// The file ("Sollicitatie.eml › cv.pdf" for a mail's attachment).
    pub file: String,
    /// The candidate ("Anna Jansen (cand-000012)"), if the file has one.
    pub candidate: Option<String>,
    /// Why (`email_in_file`, `chosen`), if matched.
    pub matched_by: Option<String>,
    /// How it ended: uploaded, accepted, failed, refused, skipped, unmatched, ambiguous,
    /// queued, not sent.
    pub outcome: String,
}

/// Writes `rows` as CSV with a header row; every cell goes through [`csv_cell`] (names come
/// from files and systems).
pub fn write_csv<W: Write>(rows: &[ReportRow], writer: W) -> Result<(), csv::Error> {
    let mut csv = csv::Writer::from_writer(writer);
    csv.write_record(["file", "candidate", "matched_by", "outcome"])?;
    for row in rows {
        csv.write_record([
            csv_cell(&row.file).as_ref(),
            &csv_cell(row.candidate.as_deref().unwrap_or("")),
            &csv_cell(row.matched_by.as_deref().unwrap_or("")),
            &csv_cell(&row.outcome),
        ])?;
    }
    csv.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_written_with_formulas_defused() {
        let rows = [
            ReportRow {
                file: "cv.pdf".into(),
                candidate: Some("Anna Jansen (cand-1)".into()),
                matched_by: Some("email_in_file".into()),
                outcome: "uploaded".into(),
            },
            ReportRow {
                file: "=cmd.pdf".into(),
                candidate: None,
                matched_by: None,
                outcome: "unmatched".into(),
            },
        ];
        let mut out = Vec::new();
        write_csv(&rows, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "file,candidate,matched_by,outcome\ncv.pdf,Anna Jansen (cand-1),email_in_file,uploaded\n'=cmd.pdf,,,unmatched\n"
        );
    }
}
