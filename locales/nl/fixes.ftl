# fixes
# Wat een oplossing deed en waarom een bestand niet te herstellen is: in de app en bij
# `atsdrop fix` (de `--json`-uitvoer blijft Engels).

## Wat een oplossing deed: korte zinsdelen, met komma's na "Herstellen:".

fixed-renamed = hernoemd naar { $name }
fixed-text-pdf = pdf gemaakt van de tekst
fixed-scan-remade = gescande pagina's opnieuw gemaakt op { $dpi } dpi, { $size } (lagere kwaliteit)
# $kind: met lidwoord ("een HEIC-foto").
fixed-converted = { $kind } omgezet naar JPEG ({ $size })
fixed-resized = verkleind tot { $width } × { $height } pixels, { $size } (lagere kwaliteit)
fixed-compressed = gecomprimeerd tot { $size } (lagere kwaliteit)
fixed-pictures-pdf = { $count ->
    [one] pdf gemaakt van de afbeelding (één pagina)
   *[other] pdf gemaakt van de afbeeldingen (elk een eigen pagina)
}
fixed-shrunk = verkleind tot { $size } (lagere kwaliteit)
fixed-combined = { $count } bestanden samengevoegd tot { $name }

## Waarom een bestand niet te herstellen is: hele zinnen.

fixed-unreadable = { $name } kan niet worden gelezen ({ $error }), dus atsdrop kan het niet herstellen: controleer of het bestand er nog is.
fixed-unknown-kind = atsdrop kan niet zien wat { $name } is en kan het dus niet herstellen: vraag om het bestand als pdf.
fixed-cannot-open = { $name } kan niet worden geopend ({ $error }).
fixed-cannot-read = { $name } kan niet worden gelezen ({ $error }).
fixed-too-large-to-fix = { $name } is te groot om hier te herstellen.
fixed-no-fix = Geen enkele oplossing van atsdrop maakt { $name } geschikt.
fixed-no-fix-because = Geen enkele oplossing van atsdrop maakt { $name } geschikt ({ $why }).
fixed-then = { $first } { $then }
fixed-not-combinable = { $name } kan niet in een pdf worden samengevoegd: dat kan alleen met afbeeldingen, pdf's en tekst.
fixed-cannot-combine-file = { $name } kan niet worden samengevoegd: { $why }.
fixed-cannot-combine = De bestanden kunnen niet worden samengevoegd: { $why }.

## Waarom één manier van herstellen mislukte: zinsdelen, tussen haakjes of na een dubbele punt.

fixed-does-not-fit = zelfs op het kleinste leesbare formaat nog te groot
fixed-not-a-scan = alleen een pdf van gescande pagina's kan kleiner, en deze is dat niet of wordt zelfs op 72 dpi niet klein genoeg
fixed-not-decoded = de afbeelding kan niet worden gelezen
fixed-not-decoded-because = de afbeelding kan niet worden gelezen ({ $error })
fixed-too-many-pixels = de afbeelding heeft meer pixels dan een document nodig heeft
fixed-in-file = { $name }: { $why }
fixed-picture-does-not-fit = { $name } is zelfs verkleind nog te groot
fixed-not-reencoded = { $name } kon niet opnieuw als JPEG worden opgeslagen
fixed-unreadable-pdf = { $name } kan niet als pdf worden gelezen
fixed-locked-pdf = { $name } is beveiligd met een wachtwoord
fixed-cannot-create = { $folder } kan niet worden aangemaakt ({ $error })
fixed-cannot-write = { $path } kan niet worden opgeslagen ({ $error })
