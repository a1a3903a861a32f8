## Dialoge: einen Anhang löschen, unterbrochene Uploads fortsetzen.

dialog-delete-heading = Diesen Anhang löschen?
dialog-delete-body = { $name } wird bei { $candidate } endgültig gelöscht. Das lässt sich nicht rückgängig machen.
dialog-delete = Löschen
dialog-keep = Behalten
dialog-interrupted-heading = Unterbrochene Uploads abschließen?
dialog-interrupted-body = atsdrop wurde beendet, bevor { $count ->
        [one] { $count } Datei fertig hochgeladen war
       *[other] { $count } Dateien fertig hochgeladen waren
    }. Jede Datei wird vorher geprüft, so kommt nichts doppelt an.
dialog-resume = Fortsetzen
dialog-not-now = Nicht jetzt

## Dateien, die Aufmerksamkeit brauchen, über der Tabelle.

# „Prüfung“ ist die Spalte in der Tabelle.
attention-more-files = … und { $count ->
        [one] { $count } weitere Datei
       *[other] { $count } weitere Dateien
    }: Zeigen Sie auf die Spalte „Prüfung“, um den Grund zu sehen.
attention-send-with-macros = { $name } mit Makros senden
attention-also-in = { $name } gibt es auch in { $system }.
attention-switch-to = Zu { $name } wechseln
attention-switch-to-hover = Diese Dateien stattdessen an diese Person senden
attention-send-anyway-to = Trotzdem an { $name } senden
attention-send-anyway = Trotzdem senden
attention-looking-for-fix = Korrektur wird gesucht…
attention-fix = Korrigieren: { $actions }
attention-fix-name = { $name } korrigieren
attention-fix-hover = Stattdessen eine korrigierte Kopie verwenden (das Original bleibt unverändert)

## Korrekturen: eine korrigierte Kopie erstellen, Dateien zu einer PDF zusammenführen.

fix-stopped = Die Korrektur wurde abgebrochen.
fix-take-failed = Die Korrektur konnte nicht übernommen werden.
fix-combined-unreadable = Die zusammengeführte Datei konnte nicht gelesen werden.
fix-not-combined = Die Dateien konnten nicht zusammengeführt werden.
fix-combining-stopped = Das Zusammenführen wurde abgebrochen.
fix-made-from = erstellt aus { $names }: { $actions }
fix-none-passes = Keine Korrektur macht die Datei zulässig.
fix-no-answer = Die Korrektur lieferte keine Antwort.
fix-cannot-start-because = Die Korrektur konnte nicht gestartet werden ({ $error }).
fix-cannot-start = Die Korrektur konnte nicht gestartet werden.
fix-too-long = Die Korrektur dauerte zu lange und wurde abgebrochen.
fix-answer-unreadable = Die Antwort der Korrektur konnte nicht gelesen werden ({ $error }).
