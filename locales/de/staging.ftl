## Die Bereitstellung: die Dateien zum Hochladen, ihre Prüfung, die Schaltfläche Hochladen und die Vorschau.

staging-files = Dateien
staging-add-files = Dateien hinzufügen…
staging-add-files-shortcut = Strg+O
staging-add-folder = Ordner hinzufügen…
staging-clear = Leeren
staging-clear-hover = Alle Dateien aus der Liste entfernen
staging-remove-selected = Auswahl entfernen
staging-remove-selected-shortcut = Entf
staging-combining = Wird zusammengefügt…
staging-combine = Zu einem PDF zusammenfügen
staging-combine-hover = Die ausgewählten Dateien als ein PDF, in der Reihenfolge Ihrer Auswahl (Bilder je auf einer Seite)
staging-checking = Prüfung läuft…
staging-stop = Stopp
staging-stop-hover = Hinzufügen beenden: Die bisher gefundenen Dateien bleiben
staging-empty-title = Dateien oder Ordner hier ablegen
staging-empty-hint = oder { staging-add-files } ({ staging-add-files-shortcut }) verwenden oder Pfade einfügen (Strg+V)

## Die Tabelle.

staging-col-file = Datei
staging-col-size = Größe
staging-col-detected = Erkannter Typ
staging-col-type = Anhangstyp
staging-col-check = Prüfung
staging-remove-file = { $name } entfernen
staging-type-of = Anhangstyp von { $name }
staging-kind-unknown = unbekannt
staging-kind-unreadable = nicht lesbar
staging-kind-mismatch = Der Inhalt passt nicht zum Dateinamen
staging-refused =
    { $count ->
        [one] Abgelehnt
       *[other] Abgelehnt · { $count } Probleme
    }
staging-ready-see-note = Bereit · siehe Hinweis oben
staging-reading = Wird gelesen…
staging-reading-hover = Der Inhalt wird gelesen, um zu sehen, wem die Datei gehört und ob sie sich öffnen lässt
staging-upload-anyway = Trotzdem hochladen
staging-duplicate = Duplikat
staging-ready = Bereit
staging-duplicate-on-candidate = { $name } ist bei diesem Kandidaten bereits vorhanden.
staging-duplicate-on-candidate-added = { $name } ist bei diesem Kandidaten bereits vorhanden (hinzugefügt am { $date }).
staging-duplicate-sent-before = Sie haben { $name } am { $date } an diesen Kandidaten gesendet.

## Unter der Tabelle: was ausgelassen wurde, die Übersicht und die Schaltfläche Hochladen.

staging-more-left-out =
    { $count ->
        [one] … und { $count } weiterer Pfad, der nicht hinzugefügt werden konnte.
       *[other] … und { $count } weitere Pfade, die nicht hinzugefügt werden konnten.
    }
staging-system-files-left-out =
    { $count ->
        [one] { $count } Systemdatei (.DS_Store, Thumbs.db…) ausgelassen.
       *[other] { $count } Systemdateien (.DS_Store, Thumbs.db…) ausgelassen.
    }
staging-refused-count = · { $count } abgelehnt
staging-duplicates-skipped =
    { $count ->
        [one] · { $count } Duplikat wird übersprungen
       *[other] · { $count } Duplikate werden übersprungen
    }
staging-upload = { $count } hochladen
staging-upload-to = { $count } für { $to } hochladen
staging-upload-shortcut = Strg+Enter
staging-blocker-no-files = Zuerst Dateien hinzufügen.
staging-blocker-checking = Warten, bis alle Dateien geprüft sind.
staging-blocker-no-connection = Zuerst mit einem System verbinden.
staging-blocker-no-candidate = Zuerst einen Kandidaten wählen.
staging-blocker-refused =
    { $count ->
        [one] { $count } Datei abgelehnt: zuerst korrigieren oder entfernen.
       *[other] { $count } Dateien abgelehnt: zuerst korrigieren oder entfernen.
    }
staging-drop-overlay =
    { $count ->
        [one] { $count } Datei ablegen, um sie hinzuzufügen
       *[other] { $count } Dateien ablegen, um sie hinzuzufügen
    }

## Hinzufügen und Hochladen.

staging-stopped-adding = Hinzufügen beendet: Die bisher gefundenen Dateien bleiben.
# Was fehlschlug, in „… ist wegen eines unerwarteten Fehlers in atsdrop fehlgeschlagen; bitte erneut versuchen.“
staging-checking-crashed = Die Prüfung der hinzugefügten Dateien
# Was fehlschlug, in „… ist wegen eines unerwarteten Fehlers in atsdrop fehlgeschlagen; bitte erneut versuchen.“
staging-dialog-crashed = Der Dateidialog
staging-dialog-add-files = Dateien hinzufügen
staging-dialog-add-folder = Ordner hinzufügen
staging-engine-not-running = Das Hochladen ist nicht verfügbar; bitte starten Sie atsdrop neu.
# $reason: warum die Datei wie ein Duplikat aussieht (ein Satz).
staging-skip-reason = { $reason } Übersprungen; wählen Sie „{ staging-upload-anyway }“, um die Datei zu senden.
staging-uploading =
    { $count ->
        [one] { $count } Datei wird für { $to } hochgeladen…
       *[other] { $count } Dateien werden für { $to } hochgeladen…
    }

## Die Vorschau der ausgewählten Datei.

preview-title = Vorschau — { $name }
preview-page-one-of = Seite 1 von { $pages }
preview-names-candidate = Die Datei nennt diesen Kandidaten.
# $name: wen sie nennt, oder preview-another-person.
preview-someone-else = Die Datei scheint jemand anderem zu gehören ({ $name }).
preview-another-person = eine andere Person
preview-names-no-one = Die Datei nennt niemanden, den atsdrop zuordnen kann.
preview-first-page = Die erste Seite
preview-reading = Wird gelesen…
preview-no-preview = Für diese Art von Datei zeigt atsdrop keine Vorschau.
preview-locked = Die Datei ist passwortgeschützt: Es kann nichts daraus angezeigt werden.
preview-no-text = Die Datei enthält keinen Text, den atsdrop anzeigen kann.
