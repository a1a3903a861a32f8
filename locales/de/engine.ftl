## Uploads: der Stand jeder Datei und die Zusammenfassung eines Stapels.

state-queued = wartet
state-uploading = wird hochgeladen
state-verifying = wird geprüft
state-accepted = angenommen, wartet
state-done = fertig
state-failed = fehlgeschlagen
state-outcome-unknown = Ergebnis unbekannt
state-skipped = übersprungen
state-cancelled = abgebrochen
state-unconfirmed = nicht bestätigt
summary-uploaded = { $count } hochgeladen
summary-failed = { $count } fehlgeschlagen
summary-unknown = { $count } mit unbekanntem Ergebnis
summary-skipped = { $count } übersprungen
summary-cancelled = { $count } abgebrochen
summary-unconfirmed = { $count } nicht bestätigt
summary-nothing = Nichts hochzuladen
