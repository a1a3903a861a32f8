## Checks: why a file cannot be sent, each one sentence naming the file and what to do.

check-too-many-in-field = { $system } takes at most { $max } files as { $label } in one upload, and { $count } are chosen: remove { $extra } or send { $extra ->
        [one] it
       *[other] them
    } separately.
check-batch-too-large = These { $count } files add up to { $total }, more than the { $max } atsdrop sends to one candidate at once: split them into smaller batches.
check-unreadable = { $name } can't be read ({ $error }): check that it still exists and that you may open it.
check-empty = { $name } is empty (0 bytes): pick the finished file instead.
check-type-unsupported = { $name } can't be sent as { $label }: this { $system } account doesn't take that type ({ $wire }); choose another type.
check-too-large-just-over = { $name } is just over the { $max } { $system } takes per file: compress or split it.
check-too-large = { $name } is { $size }, and { $system } takes at most { $max } per file: compress or split it.
check-unknown-content = atsdrop can't tell what kind of file { $name } is from its content: save it as one of the types { $system } accepts ({ $accepted }).
check-program = { $name } is { $kind }, which no recruiting system should receive: don't send it.
check-type-not-accepted = { $name } is { $kind }, which { $system } doesn't accept: convert it to one of { $accepted }.
check-type-not-for-this-type = { $name } is { $kind }, which this { $system } account doesn't take as { $label }: convert it or choose another type.
check-needs-password = { $name } is locked with a password, so { $system } cannot open it: ask the candidate for a copy without a password.
check-macros = { $name } contains macros, which can run programs on whoever opens it: ask for a copy saved without macros (.docx or PDF), or confirm to send it as it is.
check-other-person-named = { $name } looks like { $person }'s file ({ $evidence }), not this candidate's: check that it is the right file, or confirm to send it anyway.
check-other-person = { $name } looks like someone else's file ({ $evidence }), not this candidate's: check that it is the right file, or confirm to send it anyway.
check-no-text-layer = { $name } is a scan without text, so { $system } cannot search it: ask for a PDF saved from the original if that matters.
check-content-unreadable = atsdrop could not read the content of { $name }, so only its form was checked.
check-mismatch-program = { $name } is { $is }, not { $not }: don't send it, and ask the candidate for the real document.
check-mismatch-resave = { $name } is { $is }, not { $not }: open the original in its program and save it again.
check-mismatch-rename = { $name } is { $is }, not { $not }: rename it to .{ $ext }.
check-mismatch = { $name } is { $is }, not { $not }: check that it is the right file.

## What a file is, inside sentences.

kind-pdf = a PDF
kind-doc = an old-style Word document (.doc)
kind-docx = a Word document
kind-xls = an old-style Excel workbook (.xls)
kind-xlsx = an Excel workbook
kind-ppt = an old-style PowerPoint presentation (.ppt)
kind-pptx = a PowerPoint presentation
kind-odt = an OpenDocument text
kind-ods = an OpenDocument spreadsheet
kind-odp = an OpenDocument presentation
kind-rtf = a Rich Text document
kind-plain-text = a plain text file
kind-markdown = a Markdown text
kind-csv = a CSV table
kind-json = a JSON file
kind-xml = an XML file
kind-html = a web page (HTML)
kind-svg = an SVG image
kind-png = a PNG image
kind-jpeg = a JPEG image
kind-gif = a GIF image
kind-webp = a WebP image
kind-bmp = a BMP image
kind-tiff = a TIFF image
kind-ico = an icon file
kind-heic = a HEIC photo
kind-heif = a HEIF image
kind-zip = a ZIP archive
kind-locked-office = an Office document locked with a password
kind-email = an e-mail
kind-outlook-message = an Outlook message
kind-windows-program = a Windows program
kind-linux-program = a Linux program
kind-mac-program = a macOS program
kind-other = a file of type { $mime }

## Paths left out when files are added.

skip-junk = { $path } was left out: the operating system or an office program makes such files for itself.
skip-duplicate = { $path } was added more than once: it is checked only once.
skip-not-found = { $path } doesn't exist: check the spelling, or whether it was moved or deleted.
skip-broken-link = { $path } is a link to something that no longer exists: add the file it should point to instead.
skip-link-loop = { $path } is a link that leads back into a folder containing it, so it was not followed: add the files it should point to directly.
skip-unreadable-folder = The folder { $path } can't be read ({ $reason }): check that you may open it, or add its files another way.
skip-unreadable = { $path } can't be read ({ $reason }): check that it still exists and that you may open it.
skip-name-not-utf8 = { $path } has characters in its name (or its folder's) that are not valid UTF-8, which atsdrop and recruiting systems can't store: rename it and add it again.
skip-too-many = { $path } holds more than { $limit } files and folders in all: the search stopped there, so add its folders one at a time.
skip-cancelled = Adding { $path } was cancelled: the rest of it was left out.
skip-in-mail = { $sentence }
skip-not-a-regular-file = { $path } is not a document but a device, pipe or socket: only regular files can be sent.
