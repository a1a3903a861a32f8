## De geschiedenis: afgeronde uploads, gefilterd op kandidaat of bestand, te exporteren als CSV.

history-heading = Geschiedenis
history-filter = Filter
history-filter-hint = kandidaat of bestandsnaam
history-refresh = Vernieuwen
history-export = CSV exporteren…
history-export-hover = De getoonde rijen opslaan als CSV-bestand
history-empty = Nog geen uploads.
history-no-match = Niets komt overeen met het filter.
history-shown-of = { $shown } van { $total ->
    [one] { $total } upload
   *[other] { $total } uploads
}

## De kolommen van de tabel.

history-column-when = Wanneer
history-column-file = Bestand
history-column-size = Grootte
history-column-candidate = Kandidaat
history-column-system = Systeem
history-column-outcome = Resultaat
history-column-details = Details

## Hoe een upload afliep (de kolom Resultaat).

history-outcome-uploaded = geüpload
history-outcome-accepted = geaccepteerd
history-outcome-failed = mislukt
history-outcome-unknown = onbekend
history-outcome-skipped = overgeslagen
history-outcome-cancelled = geannuleerd
history-outcome-unconfirmed = onbevestigd

## De kolom Details en de tekst bij aanwijzen.

history-details-id = id { $id }
history-tooltip-sha256 = sha256 { $sha256 }
history-tooltip-no-sha256 = sha256 niet berekend
history-tooltip-made-from = gemaakt van { $name } (sha256 { $sha256 })
history-tooltip-mail = uit de e-mail { $mail }
history-tooltip-mail-subject = , “{ $subject }”
history-tooltip-mail-sender = , van { $sender }
history-tooltip-mail-date = , verzonden { $date }

## Exporteren.

history-export-title = Uploadgeschiedenis exporteren
history-export-not-written = { $path } kon niet worden opgeslagen ({ $error }).
history-export-failed = Het exporteren is mislukt ({ $error }).
history-exported = Geschiedenis geëxporteerd naar { $path }.
# Het begin van "… is mislukt door een onverwachte fout in atsdrop; probeer het opnieuw."
history-crashed-export = Het exporteren van de geschiedenis
history-crashed-read = Het lezen van de uploadgeschiedenis
