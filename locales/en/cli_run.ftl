## The command line's commands (upload, bulk, fix, candidates, resume, history, sandbox): what
## they print for people. `--json` output, CSV and exit codes are the same in every language.
## Option names (--profile), variables (ATSDROP_API_KEY), commands and file names stay as they are.

# $given: what was typed; $system: the system; $types: the types it has.
run-not-an-attachment-type = “{ $given }” is not an attachment type of { $system }: use one of { $types }.

## A file's status at the start of a line (a column, padded to the longest word).

run-status-uploaded = uploaded
run-status-accepted = accepted
run-status-skipped = skipped
run-status-unconfirmed = unconfirmed
run-status-failed = failed
run-status-unknown = unknown
run-status-cancelled = cancelled
run-status-refused = refused
run-status-unmatched = unmatched
run-status-ambiguous = ambiguous
run-status-ready = ready

## Which account: --profile, --provider and the secret's variable.

# $name: the saved connection; $system: its system; $provider: the one asked for.
run-connection-other-system = The connection “{ $name }” is for { $system }, not { $provider }.
# $missing: run-missing-secret.
run-no-secret-stored = No secret is stored for the connection “{ $name }” on this computer. { $missing }
# $noun: the system's word for its secret ("API key"); $env: the environment variable.
run-missing-secret = No { $noun } for { $provider }: set { $env }, or use --profile with a connection saved in the app.
run-say-which-system = Say which system with --provider (spott, endorsed, kombo, onderwijsregio, truto) or use --profile.
# $flag: an option without its dashes.
run-flag-not-used = --{ $flag } is not used by { $system }: leave it out.
# $missing: the system's sentence saying which id is missing and where to find it.
run-give-missing-id = { $missing } Give it with --{ $flag } or { $env }.

## atsdrop upload

run-application-kombo-only = --application is for Kombo only; { $system } attaches files to the candidate.
# Why a file is skipped. $size: its size on the candidate; $id: the attachment's id there.
run-already-on-candidate = { $file } is already on this candidate ({ $size }, id { $id }): skipped; use --allow-duplicates to send it anyway.
run-already-on-candidate-same-name = { $file } is already on this candidate (same name, id { $id }): skipped; use --allow-duplicates to send it anyway.
# $candidate: the candidate's name (or id).
run-upload-summary = { $uploaded } uploaded, { $skipped } skipped, { $failed } failed — { $candidate } ({ $system })
# $first, $second: two files' paths; $id: the remote id both would get.
run-same-remote-id = { $first } and { $second } would both be stored under the remote id { $id }: rename one of them, or upload them separately.

## Following an upload.

# $connection: the account ("Spott (Acme)"); $wait: how long.
run-slow-down = { $connection } asked to slow down: waiting { $wait }
# $message: why (the engine's sentence).
run-outcome-unknown = outcome unknown: { $message }
# After an uploaded file's name: its size and the system's id for it.
run-stored-as = { $size }, id { $id }
run-stopped-before-finished = atsdrop stopped before this file finished; run `atsdrop resume` to finish it.
run-engine-stopped = the upload engine stopped before the upload finished.

## atsdrop bulk

# $why: a clause from the matching ("no e-mail, phone or name in it or its name finds a candidate").
run-bulk-unmatched = { $file } was not sent: { $why }.
# $count: the candidates; $by: a run-by-… phrase; $evidence: what they share ("Anna Jansen");
# $names: the candidates, with their ids.
run-bulk-ambiguous = { $file } was not sent: { $count } candidates fit its { $by } ({ $evidence }): { $names }; add a mapping row for it.
# Why a file went to its candidate.
run-by-mapping = the mapping file
run-by-email-in-file = e-mail in the file
run-by-phone-in-file = name and phone in the file
run-by-mail-sender = the e-mail's sender
run-by-email-in-file-name = e-mail in the file name
run-by-name-in-file-name = name in the file name
run-by-name-in-file = name in the file

## atsdrop fix (the status column, then what follows an unchanged file).

run-fix-fixed = fixed
run-fix-unchanged = unchanged
run-fix-cannot = cannot
run-fix-passes-already = it passes already

## atsdrop candidates

run-no-candidates-found = No candidates found.
# $mail: the mail's path; $why: the mail reader's reason.
run-mail-unreadable = { $mail } could not be opened as an e-mail ({ $why }): check that it is a saved .eml or .msg.
run-mail-no-sender = { $mail } has no sender address to look up (only your own domains or none at all).
# $addresses: the sender's e-mail addresses.
run-no-search-by-email = { $system } cannot look candidates up by e-mail: find the candidate for { $addresses } by id.
run-no-candidate-with-sender = No candidate in { $system } has the sender's address ({ $addresses }).
run-several-candidates-with-sender = { $count ->
        [one] { $count } candidate has
       *[other] { $count } candidates have
    } the sender's address: choose one by id.

## atsdrop resume

run-resume-nothing = Nothing to resume: every upload in the journal has finished.
run-resume-resuming = Resuming { $files } file(s) an interrupted run left unfinished.
run-resume-summary = { $uploaded } uploaded, { $skipped } skipped, { $failed } failed, { $waiting } waiting

## atsdrop history

run-history-empty = No uploads yet.

## atsdrop sandbox

# $url: where it listens.
run-sandbox-running = atsdrop sandbox on { $url } (Ctrl+C stops it)
# $url: the faults endpoint; $example: a JSON body (keep as it is).
run-sandbox-faults = faults: POST { $url }, e.g. { $example }
# $address: 127.0.0.1:<port>.
run-sandbox-cannot-listen = could not listen on { $address }
run-sandbox-ctrl-c = waiting for Ctrl+C
# $spec: what was typed; "PROVIDER:NAME:SECRET" and the example stay as they are.
run-tenant-format = --tenant { $spec }: write it as PROVIDER:NAME:SECRET, e.g. spott:agency-b:my-key.
run-tenant-empty = --tenant { $spec }: the name and the secret must not be empty.

## atsdrop (the app)

# $error: the window system's reason.
run-window-not-opened = the window could not be opened ({ $error }); is a graphical session running?
