## Die Upload-Warteschlange unten.

queue-uploads = Uploads
queue-col-file = Datei
queue-col-to = Ziel
queue-col-state = Status
queue-col-progress = Fortschritt
queue-col-message = Meldung
queue-attachment-id = ID { $id }
queue-total = { $progress } · { $sent } von { $total }
queue-progress = { $uploaded } von { $files } hochgeladen
queue-progress-failed = { $count } fehlgeschlagen
queue-progress-unknown = { $count } mit unbekanntem Ergebnis
queue-resume = Fortsetzen
queue-resume-hover = Hochladen fortsetzen
queue-paused = Pausiert
queue-pause = Pausieren
queue-pause-hover = Laufende Uploads abschließen, keine neuen starten
queue-cancel-all = Alle abbrechen
queue-clear-finished = Erledigte entfernen
queue-clear-finished-hover = Sie bleiben im Verlauf erhalten
queue-slow-down = { $connection } drosselt: Es wird gewartet
queue-accepted = angenommen
queue-speed = { $speed }/s
queue-time-left = noch { $time }

## Die Schaltflächen einer Datei.

queue-cancel = Abbrechen
queue-cancel-name = { $name } abbrechen
queue-cancel-hover = Senden von { $name } stoppen
queue-retry = Wiederholen
queue-retry-name = { $name } wiederholen
queue-send-again = Erneut senden
queue-send-again-name = { $name } erneut senden
queue-send-again-hover = Die Datei kommt eventuell doppelt an
queue-mark-uploaded = Ist angekommen
queue-mark-uploaded-name = { $name } als hochgeladen markieren
queue-mark-uploaded-hover = Sie haben geprüft, dass die Datei angekommen ist

## Wie ein Upload oder ein erneuter Versuch ausging.

queue-last-batch = Letzter Upload: { $summary }
# $line: „cv.pdf: hochgeladen“.
queue-retried = Erneuter Versuch – { $line }
queue-retry-uploaded = hochgeladen
queue-retry-skipped = übersprungen
queue-retry-failed = erneut fehlgeschlagen
queue-retry-unknown = Ergebnis erneut unbekannt
queue-retry-unconfirmed = erneut nicht bestätigt
# $reason: warum die erste Datei wartet (ein Satz).
queue-interrupted-waiting =
    { $count ->
        [one] { $count } unterbrochene Datei wurde nicht gesendet und wartet noch. { $reason }
       *[other] { $count } unterbrochene Dateien wurden nicht gesendet und warten noch. { $reason }
    }

## Uploads abschließen, die ein früherer Lauf nicht beendet hat.

queue-connection-removed = Die Verbindung „{ $name }“ wurde entfernt.
queue-keyring-closed = Der Schlüsselbund ist nicht geöffnet.
queue-no-secret = Für „{ $name }“ sind auf diesem Computer keine Zugangsdaten gespeichert.
queue-sandbox-not-running = Die Sandbox läuft nicht.
queue-started-from-cli = Dieser Upload wurde über die Befehlszeile gestartet: Schließen Sie ihn dort mit atsdrop resume ab.
