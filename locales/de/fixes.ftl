# fixes
# Was eine Korrektur getan hat und warum eine Datei nicht korrigiert werden kann: in der App
# und bei `atsdrop fix` (die `--json`-Ausgabe bleibt Englisch).

## Was eine Korrektur getan hat: kurze Satzteile, mit Kommas nach „Korrigieren:“.

fixed-renamed = in { $name } umbenannt
fixed-text-pdf = PDF aus dem Text erstellt
fixed-scan-remade = gescannte Seiten mit { $dpi } dpi neu erstellt, { $size } (geringere Qualität)
# $kind: mit Artikel („ein HEIC-Foto“).
fixed-converted = { $kind } in JPEG umgewandelt ({ $size })
fixed-resized = auf { $width } × { $height } Pixel verkleinert, { $size } (geringere Qualität)
fixed-compressed = auf { $size } komprimiert (geringere Qualität)
fixed-pictures-pdf = { $count ->
    [one] PDF aus dem Bild erstellt (eine Seite)
   *[other] PDF aus den Bildern erstellt (je eine Seite)
}
fixed-shrunk = auf { $size } verkleinert (geringere Qualität)
fixed-combined = { $count } Dateien zu { $name } zusammengeführt

## Warum eine Datei nicht korrigiert werden kann: ganze Sätze.

fixed-unreadable = { $name } kann nicht gelesen werden ({ $error }) und lässt sich daher nicht korrigieren: Prüfen Sie, ob die Datei noch vorhanden ist.
fixed-unknown-kind = atsdrop erkennt nicht, was { $name } ist, und kann die Datei daher nicht korrigieren: Bitten Sie um die Datei als PDF.
fixed-cannot-open = { $name } kann nicht geöffnet werden ({ $error }).
fixed-cannot-read = { $name } kann nicht gelesen werden ({ $error }).
fixed-too-large-to-fix = { $name } ist zu groß, um hier korrigiert zu werden.
fixed-no-fix = Keine Korrektur von atsdrop macht { $name } zulässig.
fixed-no-fix-because = Keine Korrektur von atsdrop macht { $name } zulässig ({ $why }).
fixed-then = { $first } { $then }
fixed-not-combinable = { $name } kann nicht in ein PDF übernommen werden: Das geht nur mit Bildern, PDFs und Text.
fixed-cannot-combine-file = { $name } kann nicht zusammengeführt werden: { $why }.
fixed-cannot-combine = Die Dateien können nicht zusammengeführt werden: { $why }.

## Warum ein Korrekturweg gescheitert ist: Satzteile, in Klammern oder nach einem Doppelpunkt.

fixed-does-not-fit = selbst in der kleinsten lesbaren Größe noch zu groß
fixed-not-a-scan = nur ein PDF aus gescannten Seiten lässt sich verkleinern, und dieses ist keins oder bleibt selbst mit 72 dpi zu groß
fixed-not-decoded = das Bild lässt sich nicht lesen
fixed-not-decoded-because = das Bild lässt sich nicht lesen ({ $error })
fixed-too-many-pixels = das Bild hat mehr Pixel, als ein Dokument braucht
fixed-in-file = { $name }: { $why }
fixed-picture-does-not-fit = { $name } ist selbst verkleinert noch zu groß
fixed-not-reencoded = { $name } konnte nicht neu als JPEG gespeichert werden
fixed-unreadable-pdf = { $name } kann nicht als PDF gelesen werden
fixed-locked-pdf = { $name } ist mit einem Passwort geschützt
fixed-cannot-create = { $folder } kann nicht angelegt werden ({ $error })
fixed-cannot-write = { $path } kann nicht gespeichert werden ({ $error })
