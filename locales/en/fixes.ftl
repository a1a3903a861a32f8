# fixes
# What a fix did and why a fix could not be made: shown in the app and by `atsdrop fix` (its
# `--json` output keeps the English). Keys start with `fixed-` (`fix-` ones are in dialogs.ftl).

## What a fix did: phrases, joined with commas after "Fix:" ("Fix: renamed to photo.png").

# $name: the new file name.
fixed-renamed = renamed to { $name }
fixed-text-pdf = made a PDF of the text
# $dpi: the new resolution (a number); $size: the new size.
fixed-scan-remade = scanned pages made again at { $dpi } dpi, { $size } (quality reduced)
# $kind: what the picture was, with its article ("a HEIC photo"); $size: the JPEG's size.
fixed-converted = converted { $kind } to JPEG ({ $size })
# $width, $height: pixels; $size: the new size.
fixed-resized = shrunk to { $width } × { $height } pixels, { $size } (quality reduced)
fixed-compressed = compressed to { $size } (quality reduced)
# $count: how many pictures, each a page.
fixed-pictures-pdf = made a PDF of the { $count ->
    [one] picture (a page)
   *[other] pictures (a page each)
}
fixed-shrunk = shrunk to { $size } (quality reduced)
# $count: how many files (always several); $name: the PDF's name.
fixed-combined = combined { $count } files into { $name }

## Why a file could not be fixed: sentences. $name: the file; $error: the system's reason.

fixed-unreadable = { $name } can't be read ({ $error }), so it can't be fixed: check that it still exists.
fixed-unknown-kind = atsdrop can't tell what { $name } is, so it can't fix it: ask for the file as a PDF.
fixed-cannot-open = { $name } can't be opened ({ $error }).
fixed-cannot-read = { $name } can't be read ({ $error }).
fixed-too-large-to-fix = { $name } is too large to fix here.
# After the sentences saying why the file is refused.
fixed-no-fix = No fix atsdrop knows makes { $name } pass.
# $why: why the first fix tried failed (one of the phrases below).
fixed-no-fix-because = No fix atsdrop knows makes { $name } pass ({ $why }).
# Two sentences one after the other.
fixed-then = { $first } { $then }
fixed-not-combinable = { $name } can't be combined into a PDF: only pictures, PDFs and text can.
# $why: a phrase below.
fixed-cannot-combine-file = { $name } can't be combined: { $why }.
fixed-cannot-combine = The files can't be combined: { $why }.

## Why one way of fixing failed: phrases, in brackets or after a colon ("it" is the file).

fixed-does-not-fit = it does not fit even at the smallest legible size
fixed-not-a-scan = only a PDF made of scanned pages can be shrunk, and this one is not, or does not fit even at 72 dpi
fixed-not-decoded = it could not be decoded
# $error: the decoder's reason.
fixed-not-decoded-because = it could not be decoded ({ $error })
fixed-too-many-pixels = it has more pixels than a document needs
# One of several files: $why is a phrase about "it".
fixed-in-file = { $name }: { $why }
fixed-picture-does-not-fit = { $name } does not fit even when shrunk
fixed-not-reencoded = { $name } could not be re-encoded
fixed-unreadable-pdf = { $name } could not be read as a PDF
fixed-locked-pdf = { $name } is locked with a password
# $folder: the folder for fixed copies.
fixed-cannot-create = { $folder } can't be created ({ $error })
# $path: the fixed copy.
fixed-cannot-write = { $path } can't be written ({ $error })
