# mail

## Was eine in ihre Anhänge geöffnete E-Mail ausgelassen hat, und warum. { $name } ist der Name
## eines Teils oder was er ist (mail-out-name-…), { $mail } und { $path } die E-Mail-Datei,
## { $why } ein Nebensatz.

mail-out-name-picture = Ein Bild
mail-out-name-nameless = Ein Anhang ohne Namen
mail-out-name-forwarded = Eine weitergeleitete Nachricht
mail-out-name-forwarded-subject = Die weitergeleitete Nachricht „{ $subject }“
mail-out-name-embedded = Ein von Outlook eingebettetes Objekt
mail-out-name-link = Ein Link auf eine Datei

mail-out-inline = { $name } in der E-Mail { $mail } wurde ausgelassen: Es ist ein Bild im Text der E-Mail (ein Logo oder eine Signatur), kein Anhang.
mail-out-too-deep = { $name } in der E-Mail { $mail } wurde ausgelassen: Die Nachricht steckt zu viele Ebenen tief in anderen weitergeleiteten Nachrichten; speichern Sie sie aus Ihrem E-Mail-Programm und fügen Sie sie direkt hinzu.
mail-out-too-many = { $name } in der E-Mail { $mail } wurde ausgelassen: Die E-Mail hat mehr Anhänge, als atsdrop aus einer E-Mail übernimmt; speichern Sie die übrigen aus Ihrem E-Mail-Programm.
mail-out-too-large = { $name } in der E-Mail { $mail } wurde ausgelassen: Der Anhang ist größer, als atsdrop aus einer E-Mail übernimmt; speichern Sie ihn aus Ihrem E-Mail-Programm und fügen Sie ihn direkt hinzu.
mail-out-tnef = { $name } in der E-Mail { $mail } enthält die Anhänge in der gepackten Form von Outlook (winmail.dat) und konnte nicht geöffnet werden ({ $why }): Bitten Sie den Absender, sie erneut zu senden, oder speichern Sie sie aus Outlook.
mail-out-unreadable-part = { $name } in der E-Mail { $mail } konnte nicht übernommen werden ({ $why }): Speichern Sie den Anhang aus Ihrem E-Mail-Programm und fügen Sie ihn direkt hinzu.
mail-out-unopened = { $path } konnte nicht als E-Mail geöffnet werden ({ $why }): Speichern Sie die Anhänge aus Ihrem E-Mail-Programm und fügen Sie stattdessen diese hinzu.
mail-out-empty = Die E-Mail { $path } enthält keine Anhänge zum Senden.

## Warum eine E-Mail oder ein Teil davon nicht gelesen werden konnte (ein Nebensatz in den
## Sätzen oben).

mail-out-not-opened = die Datei konnte nicht geöffnet werden ({ $error })
mail-out-not-read = die Datei konnte nicht gelesen werden ({ $error })
mail-out-too-large-to-open = die Datei ist größer, als atsdrop öffnen kann ({ $size })
mail-out-reader-failed = der E-Mail-Leser ist daran gescheitert
mail-out-no-headers = es fehlen die Kopfzeilen einer E-Mail
mail-out-not-mail-headers = keine der Kopfzeilen einer E-Mail ist vorhanden (From, Subject, Date)
mail-out-not-outlook = die Datei ist keine Outlook-Nachricht, die atsdrop lesen kann ({ $why })
mail-out-outlook-damaged = die Datei ist beschädigt
mail-out-outlook-no-properties = es fehlen die Eigenschaften einer Nachricht
mail-out-work-folder = der Arbeitsordner von atsdrop konnte nicht angelegt werden ({ $error })
mail-out-too-slow = das Öffnen hat zu lange gedauert
mail-out-crashed = der E-Mail-Leser ist dabei abgestürzt
mail-out-not-started = es konnte kein E-Mail-Leser gestartet werden
mail-out-not-saved = der Anhang konnte nicht im Arbeitsordner von atsdrop gespeichert werden: { $error }
mail-out-tnef-empty = die Datei enthält keine Anhänge
mail-out-tnef-no-signature = die TNEF-Signatur fehlt
mail-out-tnef-cut-off = die Datei ist abgeschnitten
mail-out-tnef-damaged = die Datei ist beschädigt (ein Teil unbekannter Art)
mail-out-tnef-too-many = die Datei enthält mehr als { $count ->
    [one] einen Anhang
   *[other] { $count } Anhänge
}
mail-out-tnef-too-large = ein Anhang darin ist größer, als atsdrop aus einer E-Mail übernimmt
mail-out-tnef-total-too-large = die Anhänge darin sind zusammen größer, als atsdrop aus einer E-Mail übernimmt
mail-out-embedded = es handelt sich um ein von Outlook eingebettetes Objekt, keine Datei
mail-out-link = es handelt sich nur um einen Link auf eine Datei an anderer Stelle
mail-out-unknown-form = Outlook hat den Anhang in einer Form gespeichert, die atsdrop nicht lesen kann
mail-out-no-content = Outlook hat keinen Inhalt dafür gespeichert
mail-out-damaged = der Anhang ist in der Nachricht beschädigt

## Unter einer Datei aus einer E-Mail: { $mail } sind Betreff und Absender der E-Mail.

mail-out-from = von: { $mail }
mail-out-from-forwarded = von: { $mail } (weitergeleitet: { $within })
mail-out-forwarded-untitled = eine weitergeleitete Nachricht

## Stapel: warum für eine Datei kein Kandidat gefunden wurde (ein Nebensatz), und warum eine
## Zuordnungs-CSV abgelehnt wird.

bulk-why-unknown-id = die Zuordnung nennt dafür den Kandidaten { $id }, den das System nicht kennt
bulk-why-cannot-search = in { $system } lassen sich keine Kandidaten suchen, daher kann nur eine Zeile der Zuordnung die Datei zuordnen
bulk-why-nothing-finds = weder eine E-Mail-Adresse noch eine Telefonnummer oder ein Name in der Datei oder im Dateinamen führt zu einem Kandidaten
bulk-why-mapping-unreadable = Die Zuordnung { $path } konnte nicht gelesen werden ({ $reason }): Prüfen Sie den Pfad.
bulk-why-mapping-bad-row = Zeile { $row } der Zuordnung { $path } hat nicht die Form „file,candidate_id“: Geben Sie jede Datei und die ID ihres Kandidaten an, durch ein Komma getrennt.
bulk-why-mapping-conflict = Die Zuordnung { $path } ordnet { $file } zwei Kandidaten zu ({ $first } und { $second }): Behalten Sie für diese Datei nur eine Zeile.
bulk-why-mapping-too-long = Die Zuordnung { $path } hat mehr als { $max } Zeilen: Teilen Sie die Dateien auf mehrere Durchläufe auf.
