## Die Befehle der Befehlszeile (upload, bulk, fix, candidates, resume, history, sandbox): was sie
## für Menschen ausgeben. `--json`-Ausgabe, CSV und Exit-Codes sind in jeder Sprache gleich.
## Optionsnamen (--profile), Variablen (ATSDROP_API_KEY), Befehle und Dateinamen bleiben, wie sie sind.

run-not-an-attachment-type = „{ $given }“ ist kein Anhangstyp von { $system }: Verwenden Sie einen dieser Typen: { $types }.

## Der Status einer Datei am Zeilenanfang (eine Spalte, so breit wie das längste Wort).

run-status-uploaded = hochgeladen
run-status-accepted = angenommen
run-status-skipped = übersprungen
run-status-unconfirmed = unbestätigt
run-status-failed = fehlgeschlagen
run-status-unknown = unbekannt
run-status-cancelled = abgebrochen
run-status-refused = abgelehnt
run-status-unmatched = nicht zugeordnet
run-status-ambiguous = mehrdeutig
run-status-ready = bereit

## Welches Konto: --profile, --provider und die Variable mit dem Zugangsschlüssel.

run-connection-other-system = Die Verbindung „{ $name }“ ist für { $system }, nicht für { $provider }.
run-no-secret-stored = Für die Verbindung „{ $name }“ sind auf diesem Computer keine Zugangsdaten gespeichert. { $missing }
run-missing-secret = Kein Zugangsschlüssel ({ $noun }) für { $provider }: Setzen Sie { $env } oder verwenden Sie --profile mit einer in der App gespeicherten Verbindung.
run-say-which-system = Geben Sie mit --provider das System an (spott, endorsed, kombo, onderwijsregio, truto) oder verwenden Sie --profile.
run-flag-not-used = --{ $flag } wird von { $system } nicht verwendet: Lassen Sie die Option weg.
run-give-missing-id = { $missing } Geben Sie sie mit --{ $flag } oder { $env } an.

## atsdrop upload

run-application-kombo-only = --application gilt nur für Kombo; { $system } hängt Dateien an den Kandidaten an.
run-already-on-candidate = { $file } ist bei diesem Kandidaten bereits vorhanden ({ $size }, ID { $id }): übersprungen; verwenden Sie --allow-duplicates, um die Datei trotzdem zu senden.
run-already-on-candidate-same-name = { $file } ist bei diesem Kandidaten bereits vorhanden (gleicher Name, ID { $id }): übersprungen; verwenden Sie --allow-duplicates, um die Datei trotzdem zu senden.
run-upload-summary = { $uploaded } hochgeladen, { $skipped } übersprungen, { $failed } fehlgeschlagen — { $candidate } ({ $system })
run-same-remote-id = { $first } und { $second } würden beide unter der Remote-ID { $id } gespeichert: Benennen Sie eine der Dateien um oder laden Sie sie einzeln hoch.

## Einen Upload verfolgen.

run-slow-down = { $connection } hat um eine Pause gebeten: Es wird { $wait } gewartet
run-outcome-unknown = Ergebnis unbekannt: { $message }
run-stored-as = { $size }, ID { $id }
run-stopped-before-finished = atsdrop wurde beendet, bevor diese Datei fertig war; führen Sie `atsdrop resume` aus, um sie abzuschließen.
run-engine-stopped = die Upload-Engine wurde beendet, bevor der Upload fertig war.

## atsdrop bulk

run-bulk-unmatched = { $file } wurde nicht gesendet: { $why }.
run-bulk-ambiguous = { $file } wurde nicht gesendet: { $count } Kandidaten kommen infrage ({ $by }: { $evidence }): { $names }; ergänzen Sie dafür eine Zeile in der Zuordnung (--map).
run-by-mapping = Zuordnungsdatei
run-by-email-in-file = E-Mail-Adresse in der Datei
run-by-phone-in-file = Name und Telefonnummer in der Datei
run-by-mail-sender = Absender der E-Mail
run-by-email-in-file-name = E-Mail-Adresse im Dateinamen
run-by-name-in-file-name = Name im Dateinamen
run-by-name-in-file = Name in der Datei

## atsdrop fix (die Statusspalte, und was hinter einer unveränderten Datei steht).

run-fix-fixed = korrigiert
run-fix-unchanged = unverändert
run-fix-cannot = nicht möglich
run-fix-passes-already = besteht die Prüfung bereits

## atsdrop candidates

run-no-candidates-found = Keine Kandidaten gefunden.
run-mail-unreadable = { $mail } konnte nicht als E-Mail geöffnet werden ({ $why }): Prüfen Sie, ob es eine gespeicherte .eml- oder .msg-Datei ist.
run-mail-no-sender = { $mail } hat keine Absenderadresse, nach der gesucht werden kann (nur Adressen Ihrer eigenen Domains oder gar keine).
run-no-search-by-email = { $system } kann Kandidaten nicht nach E-Mail-Adresse suchen: Suchen Sie den Kandidaten für { $addresses } über seine ID.
run-no-candidate-with-sender = Kein Kandidat in { $system } hat die Adresse des Absenders ({ $addresses }).
run-several-candidates-with-sender = { $count ->
        [one] { $count } Kandidat hat
       *[other] { $count } Kandidaten haben
    } die Adresse des Absenders: Wählen Sie einen über seine ID aus.

## atsdrop resume

run-resume-nothing = Nichts fortzusetzen: Alle Uploads im Journal sind abgeschlossen.
run-resume-resuming = { $files ->
        [one] { $files } Datei, die nach einer Unterbrechung nicht fertig wurde, wird fortgesetzt.
       *[other] { $files } Dateien, die nach einer Unterbrechung nicht fertig wurden, werden fortgesetzt.
    }
run-resume-summary = { $uploaded } hochgeladen, { $skipped } übersprungen, { $failed } fehlgeschlagen, { $waiting } wartend

## atsdrop history

run-history-empty = Noch keine Uploads.

## atsdrop sandbox

run-sandbox-running = atsdrop-Sandbox auf { $url } (Strg+C beendet sie)
run-sandbox-faults = Fehler simulieren: POST { $url }, z. B. { $example }
run-sandbox-cannot-listen = { $address } konnte nicht geöffnet werden
run-sandbox-ctrl-c = Warten auf Strg+C
run-tenant-format = --tenant { $spec }: Schreiben Sie es als PROVIDER:NAME:SECRET, z. B. spott:agency-b:my-key.
run-tenant-empty = --tenant { $spec }: Name und Geheimnis dürfen nicht leer sein.

## atsdrop (die App)

run-window-not-opened = das Fenster konnte nicht geöffnet werden ({ $error }); läuft eine grafische Sitzung?
