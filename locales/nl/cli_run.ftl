## De opdrachten van de opdrachtregel (upload, bulk, fix, candidates, resume, history, sandbox):
## wat ze voor mensen tonen. `--json`-uitvoer, CSV en exitcodes zijn in elke taal hetzelfde.
## Optienamen (--profile), variabelen (ATSDROP_API_KEY), opdrachten en bestandsnamen blijven zoals ze zijn.

run-not-an-attachment-type = “{ $given }” is geen bijlagetype van { $system }: kies uit { $types }.

## De status van een bestand aan het begin van een regel (een kolom, zo breed als het langste woord).

run-status-uploaded = geüpload
run-status-accepted = geaccepteerd
run-status-skipped = overgeslagen
run-status-unconfirmed = onbevestigd
run-status-failed = mislukt
run-status-unknown = onbekend
run-status-cancelled = geannuleerd
run-status-refused = geweigerd
run-status-unmatched = niet toegewezen
run-status-ambiguous = meerduidig
run-status-ready = klaar

## Welk account: --profile, --provider en de variabele met de inloggegevens.

run-connection-other-system = De verbinding “{ $name }” is voor { $system }, niet voor { $provider }.
run-no-secret-stored = Voor de verbinding “{ $name }” zijn op deze computer geen inloggegevens opgeslagen. { $missing }
run-missing-secret = Geen { $noun } voor { $provider }: stel { $env } in, of gebruik --profile met een verbinding die in de app is opgeslagen.
run-say-which-system = Geef met --provider aan welk systeem je bedoelt (spott, endorsed, kombo, onderwijsregio, truto), of gebruik --profile.
run-flag-not-used = { $system } gebruikt --{ $flag } niet: laat die optie weg.
run-give-missing-id = { $missing } Geef die op met --{ $flag } of { $env }.

## atsdrop upload

run-application-kombo-only = --application is alleen voor Kombo; { $system } koppelt bestanden aan de kandidaat.
run-already-on-candidate = { $file } staat al bij deze kandidaat ({ $size }, id { $id }): overgeslagen; gebruik --allow-duplicates om het toch te versturen.
run-already-on-candidate-same-name = { $file } staat al bij deze kandidaat (zelfde naam, id { $id }): overgeslagen; gebruik --allow-duplicates om het toch te versturen.
run-upload-summary = { $uploaded } geüpload, { $skipped } overgeslagen, { $failed } mislukt — { $candidate } ({ $system })
run-same-remote-id = { $first } en { $second } zouden allebei onder remote-id { $id } worden opgeslagen: geef een van beide een andere naam, of upload ze apart.

## Een upload volgen.

run-slow-down = { $connection } vraagt om het rustiger aan te doen: er wordt { $wait } gewacht
run-outcome-unknown = resultaat onbekend: { $message }
run-stored-as = { $size }, id { $id }
run-stopped-before-finished = atsdrop is gestopt voordat dit bestand klaar was; voer `atsdrop resume` uit om het af te maken.
run-engine-stopped = de upload-engine is gestopt voordat de upload klaar was.

## atsdrop bulk

run-bulk-unmatched = { $file } is niet verstuurd: { $why }.
run-bulk-ambiguous = { $file } is niet verstuurd: { $count } kandidaten komen in aanmerking ({ $by }: { $evidence }): { $names }; voeg er een regel voor toe aan de toewijzing (--map).
run-by-mapping = toewijzingsbestand
run-by-email-in-file = e-mailadres in het bestand
run-by-phone-in-file = naam en telefoonnummer in het bestand
run-by-mail-sender = afzender van de e-mail
run-by-email-in-file-name = e-mailadres in de bestandsnaam
run-by-name-in-file-name = naam in de bestandsnaam
run-by-name-in-file = naam in het bestand

## atsdrop fix (de statuskolom, en wat er achter een ongewijzigd bestand staat).

run-fix-fixed = hersteld
run-fix-unchanged = ongewijzigd
run-fix-cannot = lukt niet
run-fix-passes-already = voldoet al

## atsdrop candidates

run-no-candidates-found = Geen kandidaten gevonden.
run-mail-unreadable = { $mail } kon niet als e-mail worden geopend ({ $why }): controleer of het een opgeslagen .eml- of .msg-bestand is.
run-mail-no-sender = { $mail } heeft geen afzenderadres om op te zoeken (alleen adressen van je eigen domeinen, of helemaal geen).
run-no-search-by-email = { $system } kan kandidaten niet op e-mailadres zoeken: zoek de kandidaat voor { $addresses } op id.
run-no-candidate-with-sender = Geen enkele kandidaat in { $system } heeft het adres van de afzender ({ $addresses }).
run-several-candidates-with-sender = { $count ->
        [one] { $count } kandidaat heeft
       *[other] { $count } kandidaten hebben
    } het adres van de afzender: kies er een op id.

## atsdrop resume

run-resume-nothing = Niets te hervatten: elke upload in het journaal is afgerond.
run-resume-resuming = { $files ->
        [one] Bezig met het hervatten van { $files } bestand dat na een onderbreking niet klaar was.
       *[other] Bezig met het hervatten van { $files } bestanden die na een onderbreking niet klaar waren.
    }
run-resume-summary = { $uploaded } geüpload, { $skipped } overgeslagen, { $failed } mislukt, { $waiting } wachtend

## atsdrop history

run-history-empty = Nog geen uploads.

## atsdrop sandbox

run-sandbox-running = atsdrop-sandbox op { $url } (stop met Ctrl+C)
run-sandbox-faults = storingen nabootsen: POST { $url }, bijv. { $example }
run-sandbox-cannot-listen = kon niet luisteren op { $address }
run-sandbox-ctrl-c = wachten op Ctrl+C
run-tenant-format = --tenant { $spec }: schrijf het als PROVIDER:NAME:SECRET, bijv. spott:agency-b:my-key.
run-tenant-empty = --tenant { $spec }: de naam en het geheim mogen niet leeg zijn.

## atsdrop (de app)

run-window-not-opened = het venster kon niet worden geopend ({ $error }); draait er een grafische sessie?
