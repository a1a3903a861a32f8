# mail

## Wat een e-mail die in zijn bijlagen is geopend heeft weggelaten, en waarom. { $name } is de
## naam van een onderdeel of wat het is (mail-out-name-…), { $mail } en { $path } het mailbestand,
## { $why } een bijzin.

mail-out-name-picture = Een afbeelding
mail-out-name-nameless = Een bijlage zonder naam
mail-out-name-forwarded = Een doorgestuurd bericht
mail-out-name-forwarded-subject = Het doorgestuurde bericht “{ $subject }”
mail-out-name-embedded = Een object dat Outlook heeft ingesloten
mail-out-name-link = Een koppeling naar een bestand

mail-out-inline = { $name } in de e-mail { $mail } is weggelaten: het is een afbeelding in de tekst van de e-mail (een logo of handtekening), geen bijlage.
mail-out-too-deep = { $name } in de e-mail { $mail } is weggelaten: het zit te veel lagen diep in doorgestuurde berichten; sla het op vanuit je mailprogramma en voeg het rechtstreeks toe.
mail-out-too-many = { $name } in de e-mail { $mail } is weggelaten: de e-mail heeft meer bijlagen dan atsdrop uit één mail haalt; sla de rest op vanuit je mailprogramma.
mail-out-too-large = { $name } in de e-mail { $mail } is weggelaten: de bijlage is groter dan atsdrop uit een mail haalt; sla de bijlage op vanuit je mailprogramma en voeg die rechtstreeks toe.
mail-out-tnef = { $name } in de e-mail { $mail } bevat de bijlagen in de ingepakte vorm van Outlook (winmail.dat) en kon niet worden geopend ({ $why }): vraag de afzender ze opnieuw te sturen, of sla ze op vanuit Outlook.
mail-out-unreadable-part = { $name } in de e-mail { $mail } kon niet worden overgenomen ({ $why }): sla de bijlage op vanuit je mailprogramma en voeg die rechtstreeks toe.
mail-out-unopened = { $path } kon niet als e-mail worden geopend ({ $why }): sla de bijlagen op vanuit je mailprogramma en voeg die in plaats daarvan toe.
mail-out-empty = De e-mail { $path } bevat geen bijlagen om te versturen.

## Waarom een mail, of een deel ervan, niet kon worden gelezen (een bijzin in de zinnen hierboven).

mail-out-not-opened = het kon niet worden geopend ({ $error })
mail-out-not-read = het kon niet worden gelezen ({ $error })
mail-out-too-large-to-open = het is groter dan atsdrop kan openen ({ $size })
mail-out-reader-failed = de maillezer kon het niet verwerken
mail-out-no-headers = er staan geen e-mailheaders in
mail-out-not-mail-headers = er staat geen enkele header in die een e-mail heeft (From, Subject, Date)
mail-out-not-outlook = het is geen Outlook-bericht dat atsdrop kan lezen ({ $why })
mail-out-outlook-damaged = het bestand is beschadigd
mail-out-outlook-no-properties = er staan geen berichteigenschappen in
mail-out-work-folder = de werkmap van atsdrop kon niet worden aangemaakt ({ $error })
mail-out-too-slow = het openen duurde te lang
mail-out-crashed = de maillezer is erop vastgelopen
mail-out-not-started = er kon geen maillezer worden gestart
mail-out-not-saved = het kon niet worden opgeslagen in de werkmap van atsdrop: { $error }
mail-out-tnef-empty = er zitten geen bijlagen in
mail-out-tnef-no-signature = de TNEF-signatuur ontbreekt
mail-out-tnef-cut-off = het is afgekapt
mail-out-tnef-damaged = het is beschadigd (een onderdeel van onbekende soort)
mail-out-tnef-too-many = { $count ->
    [one] er zit meer dan { $count } bijlage in
   *[other] er zitten meer dan { $count } bijlagen in
}
mail-out-tnef-too-large = een bijlage erin is groter dan atsdrop uit een mail haalt
mail-out-tnef-total-too-large = de bijlagen erin zijn samen groter dan atsdrop uit een mail haalt
mail-out-embedded = het is een object dat Outlook heeft ingesloten, geen bestand
mail-out-link = het is alleen een koppeling naar een bestand op een andere plek
mail-out-unknown-form = Outlook heeft het opgeslagen in een vorm die atsdrop niet kan lezen
mail-out-no-content = Outlook heeft er geen inhoud voor opgeslagen
mail-out-damaged = het is beschadigd in het bericht

## Onder een bestand dat in een mail zat: { $mail } is het onderwerp en de afzender van de mail.

mail-out-from = van: { $mail }
mail-out-from-forwarded = van: { $mail } (doorgestuurd: { $within })
mail-out-forwarded-untitled = een doorgestuurd bericht

## Bulk: waarom er voor een bestand geen kandidaat is gevonden (een bijzin), en waarom een
## toewijzings-CSV wordt geweigerd.

bulk-why-unknown-id = de toewijzing koppelt het bestand aan kandidaat { $id }, maar die kent het systeem niet
bulk-why-cannot-search = in { $system } kun je niet naar kandidaten zoeken, dus alleen een regel in de toewijzing kan het bestand koppelen
bulk-why-nothing-finds = geen e-mailadres, telefoonnummer of naam in het bestand of in de bestandsnaam leidt naar een kandidaat
bulk-why-mapping-unreadable = De toewijzing { $path } kon niet worden gelezen ({ $reason }): controleer het pad.
bulk-why-mapping-bad-row = Regel { $row } van de toewijzing { $path } is niet “file,candidate_id”: geef per regel een bestand en de id van de kandidaat, gescheiden door een komma.
bulk-why-mapping-conflict = De toewijzing { $path } geeft { $file } twee kandidaten ({ $first } en { $second }): houd één regel voor dat bestand over.
bulk-why-mapping-too-long = De toewijzing { $path } heeft meer dan { $max } regels: verdeel de bestanden over meerdere rondes.
