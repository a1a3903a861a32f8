## The history: finished uploads, filtered by candidate or file, exported as CSV.

history-heading = History
history-filter = Filter
history-filter-hint = candidate or file name
history-refresh = Refresh
history-export = Export CSV…
history-export-hover = Save the rows shown as a CSV file
history-empty = No uploads yet.
history-no-match = Nothing matches the filter.
# $shown: the rows the filter lets through; $total: every row.
history-shown-of = { $shown } of { $total } { $total ->
        [one] upload
       *[other] uploads
    }

## The table's columns.

history-column-when = When
history-column-file = File
history-column-size = Size
history-column-candidate = Candidate
history-column-system = System
history-column-outcome = Outcome
history-column-details = Details

## How an upload ended (the Outcome column).

history-outcome-uploaded = uploaded
history-outcome-accepted = accepted
history-outcome-failed = failed
history-outcome-unknown = unknown
history-outcome-skipped = skipped
history-outcome-cancelled = cancelled
history-outcome-unconfirmed = unconfirmed

## The Details column and its hover text.

# $id: the system's id of the attachment.
history-details-id = id { $id }
history-tooltip-sha256 = sha256 { $sha256 }
history-tooltip-no-sha256 = sha256 not computed
# $name: the original file a fixed copy was made from.
history-tooltip-made-from = made from { $name } (sha256 { $sha256 })
# $mail: the e-mail's file name. The next three are added to this line when known.
history-tooltip-mail = from the e-mail { $mail }
history-tooltip-mail-subject = , “{ $subject }”
history-tooltip-mail-sender = , from { $sender }
# $date: when the e-mail was sent, as the e-mail says.
history-tooltip-mail-date = , sent { $date }

## Exporting.

history-export-title = Export the upload history
# $path: the file chosen; $error: the system's reason.
history-export-not-written = { $path } could not be written ({ $error }).
history-export-failed = The export failed ({ $error }).
history-exported = History exported to { $path }.
# The start of "… failed because of an unexpected error in atsdrop; please try again."
history-crashed-export = Exporting the history
history-crashed-read = Reading the upload history
