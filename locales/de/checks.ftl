## Prüfungen: warum eine Datei nicht gesendet werden kann, jeweils ein Satz mit der Datei und dem, was zu tun ist.

check-too-many-in-field = { $system } nimmt pro Upload höchstens { $max } Dateien als { $label } an, ausgewählt sind { $count }: Entfernen Sie { $extra ->
        [one] eine davon oder senden Sie sie
       *[other] { $extra } davon oder senden Sie diese
    } separat.
check-batch-too-large = Diese { $count } Dateien sind zusammen { $total } groß, mehr als die { $max }, die atsdrop auf einmal an einen Kandidaten sendet: Teilen Sie sie in kleinere Stapel auf.
check-unreadable = { $name } lässt sich nicht lesen ({ $error }): Prüfen Sie, ob die Datei noch existiert und ob Sie sie öffnen dürfen.
check-empty = { $name } ist leer (0 Byte): Wählen Sie stattdessen die fertige Datei.
check-type-unsupported = { $name } kann nicht als { $label } gesendet werden: Dieses { $system }-Konto nimmt diesen Typ nicht an ({ $wire }); wählen Sie einen anderen Typ.
check-too-large-just-over = { $name } ist knapp größer als die { $max }, die { $system } pro Datei annimmt: Komprimieren oder teilen Sie die Datei.
check-too-large = { $name } ist { $size } groß, { $system } nimmt höchstens { $max } pro Datei an: Komprimieren oder teilen Sie die Datei.
check-unknown-content = atsdrop kann am Inhalt nicht erkennen, was für eine Datei { $name } ist: Speichern Sie sie in einem Format, das { $system } annimmt ({ $accepted }).
check-program = { $name } ist { $kind }, und so etwas sollte kein Bewerbermanagementsystem erhalten: Bitte nicht senden.
check-type-not-accepted = { $name } ist { $kind }, das nimmt { $system } nicht an: Wandeln Sie die Datei in eines dieser Formate um: { $accepted }.
check-type-not-for-this-type = { $name } ist { $kind }, das nimmt dieses { $system }-Konto nicht als { $label } an: Wandeln Sie die Datei um oder wählen Sie einen anderen Typ.
check-needs-password = { $name } ist mit einem Passwort geschützt, daher kann { $system } die Datei nicht öffnen: Bitten Sie den Kandidaten um eine Fassung ohne Passwort.
check-macros = { $name } enthält Makros, die beim Öffnen Programme ausführen können: Bitten Sie um eine Fassung ohne Makros (.docx oder PDF) oder bestätigen Sie, dass sie so gesendet werden soll.
check-other-person-named = { $name } scheint die Datei von { $person } zu sein ({ $evidence }), nicht die dieses Kandidaten: Prüfen Sie, ob es die richtige Datei ist, oder bestätigen Sie das Senden trotzdem.
check-other-person = { $name } scheint die Datei einer anderen Person zu sein ({ $evidence }), nicht die dieses Kandidaten: Prüfen Sie, ob es die richtige Datei ist, oder bestätigen Sie das Senden trotzdem.
check-no-text-layer = { $name } ist ein Scan ohne Text, daher kann { $system } nicht darin suchen: Bitten Sie um ein aus dem Original gespeichertes PDF, falls das wichtig ist.
check-content-unreadable = atsdrop konnte den Inhalt von { $name } nicht lesen, daher wurde nur die Form geprüft.
check-mismatch-program = { $name } ist eigentlich { $is } (laut Name { $not }): Bitte nicht senden, und fragen Sie den Kandidaten nach dem echten Dokument.
check-mismatch-resave = { $name } ist eigentlich { $is } (laut Name { $not }): Öffnen Sie das Original in seinem Programm und speichern Sie es neu.
check-mismatch-rename = { $name } ist eigentlich { $is } (laut Name { $not }): Benennen Sie die Datei in .{ $ext } um.
check-mismatch = { $name } ist eigentlich { $is } (laut Name { $not }): Prüfen Sie, ob es die richtige Datei ist.

## Was eine Datei ist, mitten im Satz.

kind-pdf = ein PDF
kind-doc = ein altes Word-Dokument (.doc)
kind-docx = ein Word-Dokument
kind-xls = eine alte Excel-Arbeitsmappe (.xls)
kind-xlsx = eine Excel-Arbeitsmappe
kind-ppt = eine alte PowerPoint-Präsentation (.ppt)
kind-pptx = eine PowerPoint-Präsentation
kind-odt = ein OpenDocument-Text
kind-ods = eine OpenDocument-Tabelle
kind-odp = eine OpenDocument-Präsentation
kind-rtf = ein RTF-Dokument
kind-plain-text = eine Textdatei
kind-markdown = ein Markdown-Text
kind-csv = eine CSV-Tabelle
kind-json = eine JSON-Datei
kind-xml = eine XML-Datei
kind-html = eine Webseite (HTML)
kind-svg = eine SVG-Grafik
kind-png = ein PNG-Bild
kind-jpeg = ein JPEG-Bild
kind-gif = ein GIF-Bild
kind-webp = ein WebP-Bild
kind-bmp = ein BMP-Bild
kind-tiff = ein TIFF-Bild
kind-ico = eine Symboldatei
kind-heic = ein HEIC-Foto
kind-heif = ein HEIF-Bild
kind-zip = ein ZIP-Archiv
kind-locked-office = ein passwortgeschütztes Office-Dokument
kind-email = eine E-Mail
kind-outlook-message = eine Outlook-Nachricht
kind-windows-program = ein Windows-Programm
kind-linux-program = ein Linux-Programm
kind-mac-program = ein macOS-Programm
kind-other = eine Datei vom Typ { $mime }

## Pfade, die beim Hinzufügen ausgelassen wurden.

skip-junk = { $path } wurde ausgelassen: Solche Dateien legt das Betriebssystem oder ein Office-Programm für sich selbst an.
skip-duplicate = { $path } wurde mehrfach hinzugefügt: Es wird nur einmal geprüft.
skip-not-found = { $path } existiert nicht: Prüfen Sie die Schreibweise oder ob es verschoben oder gelöscht wurde.
skip-broken-link = { $path } ist eine Verknüpfung zu etwas, das nicht mehr existiert: Fügen Sie stattdessen die Datei selbst hinzu.
skip-link-loop = { $path } ist eine Verknüpfung, die in einen Ordner zurückführt, der sie enthält, daher wurde sie nicht verfolgt: Fügen Sie die Dateien direkt hinzu.
skip-unreadable-folder = Der Ordner { $path } lässt sich nicht lesen ({ $reason }): Prüfen Sie, ob Sie ihn öffnen dürfen, oder fügen Sie die Dateien anders hinzu.
skip-unreadable = { $path } lässt sich nicht lesen ({ $reason }): Prüfen Sie, ob es noch existiert und ob Sie es öffnen dürfen.
skip-name-not-utf8 = { $path } enthält im Namen (oder im Namen seines Ordners) Zeichen, die kein gültiges UTF-8 sind, und die können atsdrop und Bewerbermanagementsysteme nicht speichern: Benennen Sie es um und fügen Sie es erneut hinzu.
skip-too-many = { $path } enthält insgesamt mehr als { $limit } Dateien und Ordner: Die Suche wurde dort beendet, fügen Sie die Ordner also einzeln hinzu.
skip-cancelled = Das Hinzufügen von { $path } wurde abgebrochen: Der Rest wurde ausgelassen.
skip-in-mail = { $sentence }
skip-not-a-regular-file = { $path } ist kein Dokument, sondern ein Gerät, eine Pipe oder ein Socket: Nur normale Dateien können gesendet werden.
