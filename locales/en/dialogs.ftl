## Dialogs: deleting an attachment, resuming interrupted uploads.

dialog-delete-heading = Delete this attachment?
# $name: the attachment's file name; $candidate: the candidate's name.
dialog-delete-body = { $name } will be removed from { $candidate } for good. This cannot be undone.
dialog-delete = Delete
dialog-keep = Keep it
dialog-interrupted-heading = Finish the interrupted uploads?
dialog-interrupted-body = atsdrop stopped before { $count ->
        [one] { $count } file
       *[other] { $count } files
    } finished uploading. Each is checked first, so nothing arrives twice.
dialog-resume = Resume
dialog-not-now = Not now

## Files needing attention, above the staging table.

# Below the first 50 files; "Check" is the staging table's column.
attention-more-files = … and { $count } more files: hover a row's Check column for why.
# $name: the file's name.
attention-send-with-macros = Send { $name } with its macros
# $name: the person the file seems to belong to; $system: the system's name.
attention-also-in = { $name } is in { $system } too.
attention-switch-to = Switch to { $name }
attention-switch-to-hover = Send these files to them instead
# $name: the chosen candidate.
attention-send-anyway-to = Send to { $name } anyway
attention-send-anyway = Send anyway
attention-looking-for-fix = Looking for a fix…
# $actions: what the fix does ("renamed to photo.png"), as the fix process says it.
attention-fix = Fix: { $actions }
attention-fix-name = Fix { $name }
attention-fix-hover = Use a fixed copy instead (the original stays as it is)

## Fixes: preparing a fixed copy, combining files into one PDF.

fix-stopped = The fix stopped.
fix-take-failed = Taking the fix failed.
fix-combined-unreadable = The combined file could not be read.
fix-not-combined = The files could not be combined.
fix-combining-stopped = Combining stopped.
# Under a fixed copy: $names: the original files; $actions: what was done.
fix-made-from = made from { $names }: { $actions }
fix-none-passes = No fix makes it pass.
fix-no-answer = The fix gave no answer.
# $error: the operating system's reason.
fix-cannot-start-because = The fix could not start ({ $error }).
fix-cannot-start = The fix could not start.
fix-too-long = The fix took too long and was stopped.
fix-answer-unreadable = The fix's answer could not be read ({ $error }).
