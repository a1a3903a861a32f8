## Controles: waarom een bestand niet verstuurd kan worden, steeds één zin met het bestand en wat je kunt doen.

check-too-many-in-field = { $system } neemt per upload maximaal { $max } bestanden als { $label } aan, en je hebt er { $count } gekozen: haal er { $extra } weg of stuur { $extra ->
        [one] dat bestand
       *[other] die bestanden
    } apart.
check-batch-too-large = Deze { $count } bestanden zijn samen { $total }, meer dan de { $max } die atsdrop in één keer naar een kandidaat stuurt: verdeel ze over kleinere groepen.
check-unreadable = { $name } kan niet gelezen worden ({ $error }): controleer of het bestand nog bestaat en of je het mag openen.
check-empty = { $name } is leeg (0 bytes): kies het afgeronde bestand.
check-type-unsupported = { $name } kan niet als { $label } verstuurd worden: dit { $system }-account neemt dat type niet aan ({ $wire }); kies een ander type.
check-too-large-just-over = { $name } is net groter dan de { $max } die { $system } per bestand aanneemt: comprimeer of splits het.
check-too-large = { $name } is { $size }, en { $system } neemt maximaal { $max } per bestand aan: comprimeer of splits het.
check-unknown-content = atsdrop kan aan de inhoud niet zien wat voor bestand { $name } is: sla het op als een van de typen die { $system } aanneemt ({ $accepted }).
check-program = { $name } is { $kind }, en dat hoort geen wervingssysteem te krijgen: niet versturen.
check-type-not-accepted = { $name } is { $kind }, en dat neemt { $system } niet aan: zet het om naar een van { $accepted }.
check-type-not-for-this-type = { $name } is { $kind }, en dit { $system }-account neemt dat niet aan als { $label }: zet het om of kies een ander type.
check-needs-password = { $name } is beveiligd met een wachtwoord, dus { $system } kan het niet openen: vraag de kandidaat om een versie zonder wachtwoord.
check-macros = { $name } bevat macro's, die programma's kunnen starten bij wie het opent: vraag om een versie zonder macro's (.docx of pdf), of bevestig dat je het toch zo wilt versturen.
check-other-person-named = { $name } lijkt het bestand van { $person } ({ $evidence }), niet van deze kandidaat: controleer of het het juiste bestand is, of bevestig dat je het toch wilt versturen.
check-other-person = { $name } lijkt het bestand van iemand anders ({ $evidence }), niet van deze kandidaat: controleer of het het juiste bestand is, of bevestig dat je het toch wilt versturen.
check-no-text-layer = { $name } is een scan zonder tekst, dus { $system } kan er niet in zoeken: vraag om een pdf die vanuit het origineel is opgeslagen als dat belangrijk is.
check-content-unreadable = atsdrop kon de inhoud van { $name } niet lezen, dus alleen de vorm is gecontroleerd.
check-mismatch-program = { $name } is eigenlijk { $is } (volgens de naam { $not }): niet versturen, en vraag de kandidaat om het echte document.
check-mismatch-resave = { $name } is eigenlijk { $is } (volgens de naam { $not }): open het origineel in het eigen programma en sla het opnieuw op.
check-mismatch-rename = { $name } is eigenlijk { $is } (volgens de naam { $not }): geef het de extensie .{ $ext }.
check-mismatch = { $name } is eigenlijk { $is } (volgens de naam { $not }): controleer of het het juiste bestand is.

## Wat een bestand is, midden in een zin.

kind-pdf = een pdf
kind-doc = een oud Word-document (.doc)
kind-docx = een Word-document
kind-xls = een oude Excel-werkmap (.xls)
kind-xlsx = een Excel-werkmap
kind-ppt = een oude PowerPoint-presentatie (.ppt)
kind-pptx = een PowerPoint-presentatie
kind-odt = een OpenDocument-tekst
kind-ods = een OpenDocument-rekenblad
kind-odp = een OpenDocument-presentatie
kind-rtf = een RTF-document
kind-plain-text = een tekstbestand
kind-markdown = een Markdown-tekst
kind-csv = een CSV-tabel
kind-json = een JSON-bestand
kind-xml = een XML-bestand
kind-html = een webpagina (HTML)
kind-svg = een SVG-afbeelding
kind-png = een PNG-afbeelding
kind-jpeg = een JPEG-afbeelding
kind-gif = een GIF-afbeelding
kind-webp = een WebP-afbeelding
kind-bmp = een BMP-afbeelding
kind-tiff = een TIFF-afbeelding
kind-ico = een pictogrambestand
kind-heic = een HEIC-foto
kind-heif = een HEIF-afbeelding
kind-zip = een ZIP-archief
kind-locked-office = een Office-document met een wachtwoord
kind-email = een e-mail
kind-outlook-message = een Outlook-bericht
kind-windows-program = een Windows-programma
kind-linux-program = een Linux-programma
kind-mac-program = een macOS-programma
kind-other = een bestand van het type { $mime }

## Paden die bij het toevoegen zijn weggelaten.

skip-junk = { $path } is weggelaten: zulke bestanden maakt het besturingssysteem of een kantoorprogramma voor zichzelf.
skip-duplicate = { $path } is meer dan eens toegevoegd: het wordt maar één keer gecontroleerd.
skip-not-found = { $path } bestaat niet: controleer de spelling, of het is verplaatst of verwijderd.
skip-broken-link = { $path } is een snelkoppeling naar iets dat niet meer bestaat: voeg het bestand zelf toe.
skip-link-loop = { $path } is een snelkoppeling die terugleidt naar een map waar hij zelf in staat, dus die is niet gevolgd: voeg de bestanden zelf toe.
skip-unreadable-folder = De map { $path } kan niet gelezen worden ({ $reason }): controleer of je hem mag openen, of voeg de bestanden op een andere manier toe.
skip-unreadable = { $path } kan niet gelezen worden ({ $reason }): controleer of het nog bestaat en of je het mag openen.
skip-name-not-utf8 = { $path } heeft tekens in de naam (of in die van de map) die geen geldige UTF-8 zijn, en die kunnen atsdrop en wervingssystemen niet opslaan: geef het een andere naam en voeg het opnieuw toe.
skip-too-many = { $path } bevat in totaal meer dan { $limit } bestanden en mappen: het zoeken is daar gestopt, dus voeg de mappen één voor één toe.
skip-cancelled = Het toevoegen van { $path } is geannuleerd: de rest is weggelaten.
skip-in-mail = { $sentence }
skip-not-a-regular-file = { $path } is geen document maar een apparaat, pipe of socket: alleen gewone bestanden kunnen verstuurd worden.
