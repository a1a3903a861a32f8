## Der Verlauf: abgeschlossene Uploads, gefiltert nach Kandidat oder Datei, als CSV exportierbar.

history-heading = Verlauf
history-filter = Filter
history-filter-hint = Kandidat oder Dateiname
history-refresh = Aktualisieren
history-export = CSV exportieren…
history-export-hover = Angezeigte Zeilen als CSV-Datei speichern
history-empty = Noch keine Uploads.
history-no-match = Keine Treffer für diesen Filter.
history-shown-of = { $shown } von { $total ->
    [one] { $total } Upload
   *[other] { $total } Uploads
}

## Die Spalten der Tabelle.

history-column-when = Zeitpunkt
history-column-file = Datei
history-column-size = Größe
history-column-candidate = Kandidat
history-column-system = System
history-column-outcome = Ergebnis
history-column-details = Details

## Wie ein Upload endete (Spalte Ergebnis; schmal, daher kurz).

history-outcome-uploaded = hochgeladen
history-outcome-accepted = angenommen
history-outcome-failed = Fehler
history-outcome-unknown = unbekannt
history-outcome-skipped = übersprungen
history-outcome-cancelled = abgebrochen
history-outcome-unconfirmed = unbestätigt

## Die Spalte Details und ihr Hinweistext.

history-details-id = ID { $id }
history-tooltip-sha256 = sha256 { $sha256 }
history-tooltip-no-sha256 = sha256 nicht berechnet
history-tooltip-made-from = erstellt aus { $name } (sha256 { $sha256 })
history-tooltip-mail = aus der E-Mail { $mail }
history-tooltip-mail-subject = , „{ $subject }“
history-tooltip-mail-sender = , von { $sender }
history-tooltip-mail-date = , gesendet { $date }

## Exportieren.

history-export-title = Upload-Verlauf exportieren
history-export-not-written = { $path } konnte nicht geschrieben werden ({ $error }).
history-export-failed = Der Export ist fehlgeschlagen ({ $error }).
history-exported = Verlauf exportiert nach { $path }.
# Der Anfang von „… ist wegen eines unerwarteten Fehlers in atsdrop fehlgeschlagen …“
history-crashed-export = Der Export des Verlaufs
history-crashed-read = Das Lesen des Upload-Verlaufs
