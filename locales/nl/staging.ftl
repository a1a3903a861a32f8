## Het klaarzetten: de bestanden om te uploaden, hun controle, de knop Uploaden en het voorbeeld.

staging-files = Bestanden
staging-add-files = Bestanden toevoegen…
staging-add-files-shortcut = Ctrl+O
staging-add-folder = Map toevoegen…
staging-clear = Leegmaken
staging-clear-hover = Alle bestanden uit de lijst halen
staging-remove-selected = Selectie verwijderen
staging-remove-selected-shortcut = Delete
staging-combining = Samenvoegen…
staging-combine = Samenvoegen tot één PDF
staging-combine-hover = De geselecteerde bestanden als één PDF, in de volgorde waarin je ze selecteerde (elke afbeelding op een eigen pagina)
staging-checking = Bestanden controleren…
staging-stop = Stop
staging-stop-hover = Stoppen met toevoegen: wat al gevonden is, blijft staan
staging-empty-title = Sleep bestanden of mappen hierheen
staging-empty-hint = of gebruik { staging-add-files } ({ staging-add-files-shortcut }), of plak hun paden (Ctrl+V)

## De tabel.

staging-col-file = Bestand
staging-col-size = Grootte
staging-col-detected = Herkend type
staging-col-type = Bijlagetype
staging-col-check = Controle
staging-remove-file = { $name } verwijderen
staging-type-of = Bijlagetype van { $name }
staging-kind-unknown = onbekend
staging-kind-unreadable = onleesbaar
staging-kind-mismatch = De inhoud past niet bij de bestandsnaam
staging-refused =
    { $count ->
        [one] Geweigerd
       *[other] Geweigerd · { $count } problemen
    }
staging-ready-see-note = Klaar · zie de opmerking hierboven
staging-reading = Lezen…
staging-reading-hover = De inhoud wordt gelezen om te zien van wie het is en of het opent
staging-upload-anyway = Toch uploaden
staging-duplicate = dubbel
staging-ready = Klaar
staging-duplicate-on-candidate = { $name } staat al bij deze kandidaat.
staging-duplicate-on-candidate-added = { $name } staat al bij deze kandidaat (toegevoegd op { $date }).
staging-duplicate-sent-before = Je hebt { $name } op { $date } naar deze kandidaat gestuurd.

## Onder de tabel: wat is weggelaten, het overzicht en de knop Uploaden.

staging-more-left-out =
    { $count ->
        [one] … en nog { $count } pad dat niet kon worden toegevoegd.
       *[other] … en nog { $count } paden die niet konden worden toegevoegd.
    }
staging-system-files-left-out =
    { $count ->
        [one] { $count } systeembestand (.DS_Store, Thumbs.db…) weggelaten.
       *[other] { $count } systeembestanden (.DS_Store, Thumbs.db…) weggelaten.
    }
staging-refused-count = · { $count } geweigerd
staging-duplicates-skipped =
    { $count ->
        [one] · { $count } dubbel bestand wordt overgeslagen
       *[other] · { $count } dubbele bestanden worden overgeslagen
    }
staging-upload = { $count } uploaden
staging-upload-to = { $count } uploaden naar { $to }
staging-upload-shortcut = Ctrl+Enter
staging-blocker-no-files = Voeg eerst bestanden toe.
staging-blocker-checking = Wacht tot alle bestanden gecontroleerd zijn.
staging-blocker-no-connection = Maak eerst verbinding met een systeem.
staging-blocker-no-candidate = Kies eerst een kandidaat.
staging-blocker-refused =
    { $count ->
        [one] { $count } bestand geweigerd: herstel of verwijder het eerst.
       *[other] { $count } bestanden geweigerd: herstel of verwijder ze eerst.
    }
staging-drop-overlay =
    { $count ->
        [one] Laat { $count } bestand los om het toe te voegen
       *[other] Laat { $count } bestanden los om ze toe te voegen
    }

## Toevoegen en uploaden.

staging-stopped-adding = Gestopt met toevoegen: wat al gevonden was, blijft staan.
# Wat misging, in "… is mislukt door een onverwachte fout in atsdrop; probeer het opnieuw."
staging-checking-crashed = Het controleren van de toegevoegde bestanden
# Wat misging, in "… is mislukt door een onverwachte fout in atsdrop; probeer het opnieuw."
staging-dialog-crashed = Het bestandsvenster
staging-dialog-add-files = Bestanden toevoegen
staging-dialog-add-folder = Map toevoegen
staging-engine-not-running = Uploaden werkt nu niet; start atsdrop opnieuw.
# $reason: waarom het bestand dubbel lijkt (een zin).
staging-skip-reason = { $reason } Overgeslagen; kies ‘{ staging-upload-anyway }’ om het te versturen.
staging-uploading =
    { $count ->
        [one] { $count } bestand wordt geüpload naar { $to }…
       *[other] { $count } bestanden worden geüpload naar { $to }…
    }

## Het voorbeeld van het geselecteerde bestand.

preview-title = Voorbeeld — { $name }
preview-page-one-of = Pagina 1 van { $pages }
preview-names-candidate = Het bestand noemt deze kandidaat.
# $name: wie erin staat, of preview-another-person.
preview-someone-else = Het bestand lijkt van iemand anders te zijn ({ $name }).
preview-another-person = een ander
preview-names-no-one = Het bestand noemt niemand die atsdrop kan koppelen.
preview-first-page = De eerste pagina
preview-reading = Lezen…
preview-no-preview = atsdrop toont geen voorbeeld van dit soort bestand.
preview-locked = Het bestand is beveiligd met een wachtwoord: er valt niets van te tonen.
preview-no-text = Er staat geen tekst in die atsdrop kan tonen.
