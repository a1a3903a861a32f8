## The candidate panel: the chosen candidate, search, recent candidates, attachments.

candidate-choose-connection = Choose a connection in the top bar.
candidate-try-again = Try again
# $system: the system's name (Spott).
candidate-connecting = Connecting to { $system }…
candidate-heading = Candidate
candidate-clear = Clear
candidate-clear-hover = Choose another candidate
candidate-none-chosen = No candidate chosen yet: search below.
# $name: the e-mail sender's candidate.
candidate-switch-to = Switch to { $name }
candidate-switch-to-hover = Choose the e-mail's sender as the candidate
candidate-hide-note = Hide this note
# The search box's hint, per how the system searches.
candidate-hint-free-text = name or e-mail
candidate-hint-email-or-name = e-mail, or first and last name
candidate-hint-email = e-mail, phone or name
candidate-hint-id-only = candidate id or remote.<id>
candidate-search = Search candidates
candidate-open-by-id = Open by id
candidate-open-by-id-hover = Look the text up as a candidate id (paste it from your system)
candidate-no-results = No candidates found.
# Hover text of a candidate in a list.
candidate-id = id { $id }
candidate-load-more = Load more
candidate-recent = Recent candidates
candidate-attachments-heading = Already on this candidate
candidate-refresh = Refresh
candidate-no-attachments = No attachments yet.
candidate-delete = Delete…
# $name: the attachment's file name.
candidate-delete-hover = Delete { $name }
candidate-delete-name = Delete { $name }…

## Picking a candidate: what the system answered.

picker-attachments-unsupported = { $system } does not let other programs list a candidate's attachments.
picker-no-list = { $system } has no candidate list: paste a candidate id or a remote id (remote.<id>).
# The start of "… failed because of an unexpected error in atsdrop; please try again."
picker-crashed-search = Searching for candidates
picker-crashed-open = Looking up the candidate
picker-crashed-attachments = Listing the candidate's attachments
picker-crashed-delete = Removing { $name }
picker-removal-accepted = { $system } accepted the removal of { $name }; it disappears shortly.
picker-removed = { $name } was removed.

## Mail in: what a dropped e-mail's sender says about the candidate.

# The start of "… failed because of an unexpected error in atsdrop; please try again."
mail-crashed-sender = Looking up the e-mail's sender
# $email: the sender's address; $mail: the e-mail's file name.
mail-chosen-from-sender = Chosen from the e-mail's sender, { $email } ({ $mail }).
mail-sender-is-chosen = The e-mail's sender, { $email }, is this candidate.
mail-sender-is-other = The e-mail { $mail } came from { $email }, who is { $name } in { $system }, not the candidate chosen.
mail-sender-several = { $count } candidates in { $system } have the e-mail's sender address, { $email }: choose one.
mail-sender-nobody = No candidate in { $system } has the e-mail's sender address, { $email }: find them by name.
# $mail: the e-mail's subject and sender.
mail-not-looked-up = { $system } cannot look candidates up by e-mail: choose the candidate for { $mail }.
mail-lookup-failed = The e-mail's sender could not be looked up: { $error }
# Stands in for $system above when no system is known.
mail-the-system = the system
