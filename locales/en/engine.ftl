## Uploads: each file's state, and a batch's summary.

state-queued = queued
state-uploading = uploading
state-verifying = verifying
state-accepted = accepted, waiting
state-done = done
state-failed = failed
state-outcome-unknown = outcome unknown
state-skipped = skipped
state-cancelled = cancelled
state-unconfirmed = not confirmed
summary-uploaded = { $count } uploaded
summary-failed = { $count } failed
summary-unknown = { $count } with unknown outcome
summary-skipped = { $count } skipped
summary-cancelled = { $count } cancelled
summary-unconfirmed = { $count } not confirmed
summary-nothing = Nothing to upload
