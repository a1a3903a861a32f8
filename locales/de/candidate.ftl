## Der Kandidatenbereich: der gewählte Kandidat, Suche, letzte Kandidaten, Anhänge.

candidate-choose-connection = Wählen Sie in der oberen Leiste eine Verbindung.
candidate-try-again = Erneut versuchen
candidate-connecting = Verbinden mit { $system }…
candidate-heading = Kandidat
candidate-clear = Abwählen
candidate-clear-hover = Einen anderen Kandidaten wählen
candidate-none-chosen = Noch kein Kandidat gewählt: unten suchen.
candidate-switch-to = Zu { $name } wechseln
candidate-switch-to-hover = Absender der E-Mail als Kandidaten wählen
candidate-hide-note = Hinweis ausblenden
candidate-hint-free-text = Name oder E-Mail
candidate-hint-email-or-name = E-Mail oder Vor- und Nachname
candidate-hint-email = E-Mail, Telefon oder Name
candidate-hint-id-only = Kandidaten-ID oder remote.<id>
candidate-search = Kandidaten suchen
candidate-open-by-id = Per ID öffnen
candidate-open-by-id-hover = Text als Kandidaten-ID nachschlagen (aus Ihrem System einfügen)
candidate-no-results = Keine Kandidaten gefunden.
candidate-id = ID { $id }
candidate-load-more = Mehr laden
candidate-recent = Letzte Kandidaten
candidate-attachments-heading = Bereits beim Kandidaten
candidate-refresh = Aktualisieren
candidate-no-attachments = Noch keine Anhänge.
candidate-delete = Löschen…
candidate-delete-hover = { $name } löschen
candidate-delete-name = { $name } löschen…

## Kandidat wählen: was das System geantwortet hat.

picker-attachments-unsupported = { $system } erlaubt anderen Programmen nicht, die Anhänge eines Kandidaten aufzulisten.
picker-no-list = { $system } hat keine Kandidatenliste: Fügen Sie eine Kandidaten-ID oder Remote-ID (remote.<id>) ein.
# Der Anfang von "… ist wegen eines unerwarteten Fehlers in atsdrop fehlgeschlagen; bitte erneut versuchen."
picker-crashed-search = Die Kandidatensuche
picker-crashed-open = Das Abrufen des Kandidaten
picker-crashed-attachments = Das Abrufen der Anhänge des Kandidaten
picker-crashed-delete = Das Löschen von { $name }
picker-removal-accepted = { $system } hat das Löschen von { $name } angenommen; die Datei verschwindet in Kürze.
picker-removed = { $name } wurde gelöscht.

## E-Mail-Eingang: was der Absender einer E-Mail über den Kandidaten sagt.

mail-crashed-sender = Die Suche nach dem Absender der E-Mail
mail-chosen-from-sender = Anhand des Absenders der E-Mail gewählt: { $email } ({ $mail }).
mail-sender-is-chosen = Der Absender der E-Mail, { $email }, ist dieser Kandidat.
mail-sender-is-other = Die E-Mail { $mail } kommt von { $email } – in { $system } ist das { $name }, nicht der gewählte Kandidat.
mail-sender-several = { $count } Kandidaten in { $system } haben die Absenderadresse { $email }: Wählen Sie einen aus.
mail-sender-nobody = Kein Kandidat in { $system } hat die Absenderadresse { $email }: Suchen Sie nach dem Namen.
mail-not-looked-up = In { $system } lassen sich Kandidaten nicht per E-Mail finden: Wählen Sie den Kandidaten für { $mail }.
mail-lookup-failed = Der Absender der E-Mail konnte nicht gesucht werden: { $error }
# Steht für $system oben ("in dem System"), wenn kein System bekannt ist.
mail-the-system = dem System
