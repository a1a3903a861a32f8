## The staging area: the files to upload, their checks, the Upload button and the preview.

staging-files = Files
staging-add-files = Add files…
staging-add-files-shortcut = Ctrl+O
staging-add-folder = Add folder…
staging-clear = Clear
staging-clear-hover = Remove every file from the list
staging-remove-selected = Remove selected
staging-remove-selected-shortcut = Delete
staging-combining = Combining…
staging-combine = Combine into one PDF
staging-combine-hover = The selected files as one PDF, in the order you selected them (pictures a page each)
staging-checking = Checking files…
staging-stop = Stop
staging-stop-hover = Stop adding: the files found so far stay
staging-empty-title = Drop files or folders here
staging-empty-hint = or use { staging-add-files } ({ staging-add-files-shortcut }), or paste their paths (Ctrl+V)

## The table.

staging-col-file = File
staging-col-size = Size
staging-col-detected = Detected type
staging-col-type = Attachment type
staging-col-check = Check
staging-remove-file = Remove { $name }
staging-type-of = Attachment type of { $name }
staging-kind-unknown = unknown
staging-kind-unreadable = unreadable
staging-kind-mismatch = The content does not match the file name
staging-refused =
    { $count ->
        [one] Refused
       *[other] Refused · { $count } problems
    }
staging-ready-see-note = Ready · see the note above
staging-reading = Reading…
staging-reading-hover = Reading its content to see whose it is and whether it opens
staging-upload-anyway = Upload anyway
staging-duplicate = duplicate
staging-ready = Ready
staging-duplicate-on-candidate = { $name } is already on this candidate.
staging-duplicate-on-candidate-added = { $name } is already on this candidate (added { $date }).
staging-duplicate-sent-before = You sent { $name } to this candidate on { $date }.

## Below the table: what was left out, the summary and the Upload button.

staging-more-left-out = … and { $count } more { $count ->
        [one] path
       *[other] paths
    } that could not be added.
staging-system-files-left-out = { $count } system { $count ->
        [one] file
       *[other] files
    } (.DS_Store, Thumbs.db…) left out.
staging-refused-count = · { $count } refused
staging-duplicates-skipped = · { $count } { $count ->
        [one] duplicate
       *[other] duplicates
    } will be skipped
staging-upload = Upload { $count }
staging-upload-to = Upload { $count } to { $to }
staging-upload-shortcut = Ctrl+Enter
staging-blocker-no-files = Add files first.
staging-blocker-checking = Wait until every file is checked.
staging-blocker-no-connection = Connect to a system first.
staging-blocker-no-candidate = Choose a candidate first.
staging-blocker-refused =
    { $count ->
        [one] { $count } file can't be sent: fix or remove it first.
       *[other] { $count } files can't be sent: fix or remove them first.
    }
staging-drop-overlay =
    { $count ->
        [one] Drop { $count } file to add it
       *[other] Drop { $count } files to add them
    }

## Adding and uploading.

staging-stopped-adding = Stopped adding files: what was found so far stays.
# What failed, in "… failed because of an unexpected error in atsdrop; please try again."
staging-checking-crashed = Checking the files you added
# What failed, in "… failed because of an unexpected error in atsdrop; please try again."
staging-dialog-crashed = The file dialog
staging-dialog-add-files = Add files
staging-dialog-add-folder = Add a folder
staging-engine-not-running = The upload engine is not running; restart atsdrop.
# $reason: why the file looks like a duplicate (a sentence).
staging-skip-reason = { $reason } Skipped; choose “{ staging-upload-anyway }” to send it.
staging-uploading =
    { $count ->
        [one] Uploading { $count } file to { $to }…
       *[other] Uploading { $count } files to { $to }…
    }

## The preview of the selected file.

preview-title = Preview — { $name }
preview-page-one-of = Page 1 of { $pages }
preview-names-candidate = It names this candidate.
# $name: whom it names, or preview-another-person.
preview-someone-else = It seems to be someone else's ({ $name }).
preview-another-person = another person
preview-names-no-one = It names no one atsdrop can match.
preview-first-page = The first page
preview-reading = Reading…
preview-no-preview = atsdrop shows no preview of this kind of file.
preview-locked = It is locked with a password: nothing in it can be shown.
preview-no-text = It holds no text atsdrop can show.
