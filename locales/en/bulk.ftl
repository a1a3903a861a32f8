## The Bulk screen: files for many candidates, each matched to a candidate and checked.

bulk-heading = Bulk
bulk-add-files = Add files…
bulk-add-folder = Add folder…
bulk-mapping = Mapping CSV…
# $file: the mapping's file name.
bulk-mapping-named = Mapping: { $file }
# "file,candidate_id" are the CSV's column names: keep them as they are.
bulk-mapping-hover = A CSV of file,candidate_id rows: those files go to those candidates
bulk-clear = Clear
bulk-reading = Reading and matching…
bulk-connect-first = Connect to a system first: files are matched to its candidates.
bulk-drop-here = Drop a folder of CVs here
bulk-drop-explained = Each file goes to the candidate its e-mail, phone, mail sender or name points at; you check every row before anything is sent.
# $files: the rows; $ready: rows that can be sent; $held: rows with no candidate or a problem.
bulk-summary = { $files } { $files ->
        [one] file
       *[other] files
    } · { $ready } ready · { $held } need a choice or a fix
# The same, while $waiting files are still being matched.
bulk-summary-matching = { $files } { $files ->
        [one] file
       *[other] files
    } · { $ready } ready · { $held } need a choice or a fix · { $waiting } being matched
bulk-export = Export CSV…
# $count: the rows that are matched and pass.
bulk-send-matched = Send { $count } matched
bulk-send-matched-disabled = Only rows with a candidate and no problem are sent.
# $count: files; $people: candidates.
bulk-uploading = Uploading { $count ->
    [one] { $count } file
   *[other] { $count } files
} to { $people ->
    [one] { $people } candidate
   *[other] { $people } candidates
}…

## The table.

bulk-column-file = File
bulk-column-candidate = Candidate
bulk-column-why = Why
bulk-column-type = Type
bulk-column-check = Check
# $name: the file's name (hover text and screen-reader names).
bulk-remove = Remove { $name }
bulk-candidate-id-for = Candidate id for { $name }
bulk-candidate-for = Candidate for { $name }
bulk-type-of = Type of { $name }
bulk-candidate-id-hint = candidate id
bulk-candidate-id-hover = Type the candidate's id and press Enter
bulk-choose = Choose…
bulk-nobody = Nobody (do not send)
# The Why column when the user chose the candidate.
bulk-why-chosen = chosen by you

## The Check column.

bulk-status-matching = matching
bulk-status-ready = ready
bulk-status-refused = refused
bulk-status-ambiguous = needs a choice
bulk-status-unmatched = unmatched
bulk-status-queued = queued
bulk-status-uploaded = uploaded
bulk-status-accepted = accepted
bulk-status-failed = failed
bulk-status-unknown = unknown
bulk-status-skipped = skipped
bulk-status-cancelled = cancelled
bulk-status-unconfirmed = unconfirmed
# $count: the candidates; $by: what they share ("name in the file name"); $evidence: the
# evidence itself ("Anna Jansen").
bulk-ambiguous-hover = { $count } candidates fit the { $by } ({ $evidence }): choose one.
# $why: a clause ("no e-mail, phone or name in it finds a candidate").
bulk-unmatched-hover = Not matched: { $why }.
# A clause for bulk-unmatched-hover; $error: the system's answer.
bulk-not-asked = the system could not be asked ({ $error })

## Dialogs and exporting.

bulk-add-files-title = Add files for many candidates
bulk-add-folder-title = Add a folder of files for many candidates
bulk-mapping-title = Choose a mapping (file,candidate_id)
bulk-mapping-unreadable = The mapping could not be read ({ $error }).
bulk-export-title = Export the bulk result
# $path: the file chosen; $error: the system's reason.
bulk-export-not-written = { $path } could not be written ({ $error }).
bulk-export-failed = The export failed ({ $error }).
bulk-exported = Saved { $path }.
# The start of "… failed because of an unexpected error in atsdrop; please try again."
bulk-crashed-add = Adding the files
bulk-crashed-match = Matching the files
bulk-crashed-export = Exporting the result
bulk-crashed-look-up = Looking up the candidate
bulk-crashed-mapping = Reading the mapping

## Why a file was matched to its candidate.

matched-by-mapping = the mapping file
matched-by-email-in-file = e-mail in the file
matched-by-phone-in-file = name and phone in the file
matched-by-mail-sender = the e-mail's sender
matched-by-email-in-file-name = e-mail in the file name
matched-by-name-in-file-name = name in the file name
matched-by-name-in-file = name in the file
