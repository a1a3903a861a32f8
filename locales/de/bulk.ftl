## Die Ansicht Stapel: Dateien für viele Kandidaten, jede einem Kandidaten zugeordnet und geprüft.

bulk-heading = Stapel
bulk-add-files = Dateien hinzufügen…
bulk-add-folder = Ordner hinzufügen…
bulk-mapping = Zuordnungs-CSV…
bulk-mapping-named = Zuordnung: { $file }
bulk-mapping-hover = Eine CSV mit Zeilen file,candidate_id: Diese Dateien gehen an diese Kandidaten
bulk-clear = Leeren
bulk-reading = Lesen und zuordnen…
bulk-connect-first = Verbinden Sie zuerst ein System: Die Dateien werden dessen Kandidaten zugeordnet.
bulk-drop-here = Ordner mit Lebensläufen hierher ziehen
bulk-drop-explained = Jede Datei geht an den Kandidaten, auf den E-Mail, Telefonnummer, Absender oder Name verweisen; Sie prüfen jede Zeile, bevor etwas hochgeladen wird.
bulk-summary = { $files ->
    [one] { $files } Datei
   *[other] { $files } Dateien
} · { $ready } bereit · { $held } zu klären
bulk-summary-matching = { $files ->
    [one] { $files } Datei
   *[other] { $files } Dateien
} · { $ready } bereit · { $held } zu klären · { $waiting } in Zuordnung
bulk-export = CSV exportieren…
bulk-send-matched = { $count } zugeordnete hochladen
bulk-send-matched-disabled = Nur Zeilen mit Kandidat und ohne Problem werden hochgeladen.
bulk-uploading = { $count ->
    [one] { $count } Datei
   *[other] { $count } Dateien
} { $count ->
    [one] wird
   *[other] werden
} für { $people } Kandidaten hochgeladen…

## Die Tabelle.

bulk-column-file = Datei
bulk-column-candidate = Kandidat
bulk-column-why = Grund
bulk-column-type = Typ
bulk-column-check = Prüfung
bulk-remove = { $name } entfernen
bulk-candidate-id-for = Kandidaten-ID für { $name }
bulk-candidate-for = Kandidat für { $name }
bulk-type-of = Typ von { $name }
bulk-candidate-id-hint = Kandidaten-ID
bulk-candidate-id-hover = ID des Kandidaten eingeben und Enter drücken
bulk-choose = Auswählen…
bulk-nobody = Niemand (nicht hochladen)
bulk-why-chosen = von Ihnen gewählt

## Die Spalte Prüfung.

bulk-status-matching = wird zugeordnet
bulk-status-ready = bereit
bulk-status-refused = abgelehnt
bulk-status-ambiguous = Auswahl nötig
bulk-status-unmatched = nicht zugeordnet
bulk-status-queued = in Warteschlange
bulk-status-uploaded = hochgeladen
bulk-status-accepted = angenommen
bulk-status-failed = fehlgeschlagen
bulk-status-unknown = unbekannt
bulk-status-skipped = übersprungen
bulk-status-cancelled = abgebrochen
bulk-status-unconfirmed = unbestätigt
bulk-ambiguous-hover = { $count ->
    [one] { $count } Kandidat passt
   *[other] { $count } Kandidaten passen
} zu „{ $by }“ ({ $evidence }): Bitte einen auswählen.
bulk-unmatched-hover = Nicht zugeordnet: { $why }.
bulk-not-asked = das System konnte nicht abgefragt werden ({ $error })

## Dialoge und Export.

bulk-add-files-title = Dateien für mehrere Kandidaten hinzufügen
bulk-add-folder-title = Ordner mit Dateien für mehrere Kandidaten hinzufügen
bulk-mapping-title = Zuordnung wählen (file,candidate_id)
bulk-mapping-unreadable = Die Zuordnung konnte nicht gelesen werden ({ $error }).
bulk-export-title = Stapelergebnis exportieren
bulk-export-not-written = { $path } konnte nicht geschrieben werden ({ $error }).
bulk-export-failed = Der Export ist fehlgeschlagen ({ $error }).
bulk-exported = { $path } gespeichert.
# Der Anfang von „… ist wegen eines unerwarteten Fehlers in atsdrop fehlgeschlagen …“
bulk-crashed-add = Das Hinzufügen der Dateien
bulk-crashed-match = Das Zuordnen der Dateien
bulk-crashed-export = Der Export des Ergebnisses
bulk-crashed-look-up = Das Abrufen des Kandidaten
bulk-crashed-mapping = Das Lesen der Zuordnung

## Why a file was matched to its candidate.

matched-by-mapping = die Zuordnungsdatei
matched-by-email-in-file = E-Mail-Adresse in der Datei
matched-by-phone-in-file = Name und Telefonnummer in der Datei
matched-by-mail-sender = der Absender der E-Mail
matched-by-email-in-file-name = E-Mail-Adresse im Dateinamen
matched-by-name-in-file-name = Name im Dateinamen
matched-by-name-in-file = Name in der Datei
