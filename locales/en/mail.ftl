# mail

## What an e-mail opened into its attachments left out, and why. { $name } is a part's name or
## what it is (mail-out-name-…), { $mail } and { $path } the mail file, { $why } a clause.

mail-out-name-picture = A picture
mail-out-name-nameless = An attachment without a name
mail-out-name-forwarded = A forwarded message
mail-out-name-forwarded-subject = The forwarded message “{ $subject }”
mail-out-name-embedded = An object embedded by Outlook
mail-out-name-link = A link to a file

mail-out-inline = { $name } in the e-mail { $mail } was left out: it is a picture shown inside the e-mail's text (a logo or signature), not an attachment.
mail-out-too-deep = { $name } in the e-mail { $mail } was left out: it is a message forwarded inside a forwarded message too many times over; save it from your mail program and add it directly.
mail-out-too-many = { $name } in the e-mail { $mail } was left out: the e-mail has more attachments than atsdrop takes from one mail; save the rest from your mail program.
mail-out-too-large = { $name } in the e-mail { $mail } was left out: it is larger than atsdrop takes from a mail; save it from your mail program and add it directly.
mail-out-tnef = { $name } in the e-mail { $mail } is Outlook's packed form of the attachments (winmail.dat) and could not be opened ({ $why }): ask the sender to send them again, or save them from Outlook.
mail-out-unreadable-part = { $name } in the e-mail { $mail } could not be taken ({ $why }): save it from your mail program and add it directly.
mail-out-unopened = { $path } could not be opened as an e-mail ({ $why }): save its attachments from your mail program and add them instead.
mail-out-empty = The e-mail { $path } holds no attachments to send.

## Why a mail, or a part of it, could not be read (a clause inside the sentences above).

mail-out-not-opened = it could not be opened ({ $error })
mail-out-not-read = it could not be read ({ $error })
mail-out-too-large-to-open = it is larger than atsdrop opens ({ $size })
mail-out-reader-failed = the mail reader failed on it
mail-out-no-headers = it has no e-mail headers
mail-out-not-mail-headers = it has none of the headers an e-mail has (From, Subject, Date)
mail-out-not-outlook = it is not an Outlook message atsdrop can read ({ $why })
mail-out-outlook-damaged = the file is damaged
mail-out-outlook-no-properties = it holds no message properties
mail-out-work-folder = atsdrop's work folder could not be made ({ $error })
mail-out-too-slow = opening it took too long
mail-out-crashed = the mail reader stopped on it
mail-out-not-started = no mail reader could be started
mail-out-not-saved = it could not be saved in atsdrop's work folder: { $error }
mail-out-tnef-empty = it holds no attachments
mail-out-tnef-no-signature = it has no TNEF signature
mail-out-tnef-cut-off = it is cut off
mail-out-tnef-damaged = it is damaged (a part of an unknown kind)
mail-out-tnef-too-many = it holds more than { $count } attachments
mail-out-tnef-too-large = an attachment in it is larger than atsdrop takes from a mail
mail-out-tnef-total-too-large = its attachments together are larger than atsdrop takes from a mail
mail-out-embedded = it is an object embedded by Outlook, not a file
mail-out-link = it is only a link to a file elsewhere
mail-out-unknown-form = Outlook stored it in a form atsdrop cannot read
mail-out-no-content = Outlook stored no content for it
mail-out-damaged = it is damaged in the message

## Under a file that came in a mail: { $mail } is the mail's subject and sender.

mail-out-from = from: { $mail }
mail-out-from-forwarded = from: { $mail } (forwarded: { $within })
mail-out-forwarded-untitled = a forwarded message

## Bulk: why no candidate was found for a file (a clause), and why a mapping CSV is refused.

bulk-why-unknown-id = the mapping gives it candidate { $id }, whom the system does not know
bulk-why-cannot-search = { $system } cannot search its candidates, so only a mapping row can match it
bulk-why-nothing-finds = no e-mail, phone or name in it or its name finds a candidate
bulk-why-mapping-unreadable = The mapping { $path } could not be read ({ $reason }): check the path.
bulk-why-mapping-bad-row = Row { $row } of the mapping { $path } is not “file,candidate_id”: give each file and its candidate's id, separated by a comma.
bulk-why-mapping-conflict = The mapping { $path } gives { $file } two candidates ({ $first } and { $second }): keep one row for it.
bulk-why-mapping-too-long = The mapping { $path } has more than { $max } rows: split the run.
