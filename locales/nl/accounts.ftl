## Waaruit een account bij een systeem bestaat, zoals het verbindingsformulier het toont: de
## inloggegevens, de eigen accountvelden van het systeem, en waar de inloggegevens bewaard worden.

## De inloggegevens: het label in het formulier, en het woord midden in een zin ("plak de API-sleutel").

account-api-key-label = API-sleutel
account-api-key-noun = API-sleutel
account-client-secret-label = Client secret
account-client-secret-noun = client secret

## De accountvelden: het label, de voorbeeldtekst in het veld, en de zin als het leeg is.

account-integration-id-label = Integratie-id
account-integration-id-hint = bijv. workday:HWUTwvyx2wLoSUHphiWVrp28
account-integration-id-missing = Kombo heeft een integratie-id nodig (wordt verstuurd als X-Integration-Id): kopieer die uit het Kombo-dashboard.
account-integrated-account-id-label = Integrated account-id
account-integrated-account-id-hint = een UUID van Truto
account-integrated-account-id-missing = Truto heeft een integrated account-id nodig: kopieer die uit het Truto-dashboard.
account-client-id-label = Client-id
account-client-id-hint = een UUID van Endorsed
account-client-id-missing = Endorsed heeft een client-id nodig: kopieer die uit je API-gegevens bij Endorsed.

## Waar inloggegevens bewaard worden, zoals in "Inloggegevens worden bewaard in de …".

account-store-secret-service = Secret Service-sleutelbos
account-store-kernel-keyring = kernelsleutelbos van Linux
# Nooit na "in de" getoond: deze opslag vergeet alles en krijgt een eigen zin.
account-store-memory = geheugen (alleen deze sessie)

## Wat er mis is met een verbinding, één zin per probleem, onder het formulier.

settings-problem-no-name = De verbinding heeft nog geen naam: geef haar er een, bijvoorbeeld “Spott productie”.
settings-problem-url-empty = De basis-URL is leeg: gebruik { $url }.
settings-url-invalid = Het { $system }-adres “{ $address }” is geen geldige URL ({ $reason }): gebruik iets als { $url }.
settings-url-plain-http = Gewoon http:// mag alleen naar deze computer; gebruik https:// voor { $host }, zodat de API-sleutel niet onversleuteld over het netwerk gaat.
settings-url-scheme = Het { $system }-adres moet beginnen met https:// (het begint met { $scheme }://).
settings-url-userinfo = Het { $system }-adres bevat een gebruikersnaam of wachtwoord (vóór een @): haal dat weg en vul de { $noun } in het eigen veld van de verbinding in, zodat die in de sleutelbos wordt bewaard en niet in de instellingen.
settings-url-no-host = Het { $system }-adres “{ $address }” heeft geen hostnaam.

## Waarom een adres geen URL is, midden in de zin hierboven.

settings-url-reason-empty-host = de hostnaam is leeg
settings-url-reason-idna = ongeldige internationale domeinnaam
settings-url-reason-port = ongeldig poortnummer
settings-url-reason-ipv4 = ongeldig IPv4-adres
settings-url-reason-ipv6 = ongeldig IPv6-adres
settings-url-reason-domain-character = ongeldig teken in de domeinnaam
settings-url-reason-relative = het begint niet met https://

## Het instellingenbestand: lezen, opslaan, en de verbindingen erin.

settings-no-home = Er is geen thuismap gevonden, dus atsdrop weet niet waar het zijn bestanden moet bewaren: stel { $variable } in op een map.
settings-read = Het instellingenbestand { $path } kan niet worden gelezen ({ $reason }).
settings-corrupt = Het instellingenbestand { $path } is beschadigd ({ $reason }): herstel het of zet het ergens anders neer, en start atsdrop dan opnieuw.
settings-recovered = Het instellingenbestand { $path } was beschadigd ({ $reason }); het is opzijgezet als { $moved } en atsdrop gebruikt nu de standaardinstellingen.
settings-unrecoverable = Het instellingenbestand { $path } is beschadigd ({ $reason }) en kon niet opzij worden gezet ({ $why }): verplaats het zelf en start atsdrop dan opnieuw.
settings-write = De instellingen kunnen niet worden opgeslagen in { $path } ({ $reason }).
settings-duplicate-name = Er is al een verbinding met de naam “{ $name }”: kies een andere naam.
settings-duplicate-id = Er is al een verbinding met de id { $id }.
settings-no-such-connection = Er is geen opgeslagen verbinding met de naam “{ $name }”: voeg die toe in de app, of controleer de naam.

## Waarom het instellingenbestand niet gelezen of opgeslagen kon worden, midden in de zinnen hierboven.

settings-reason-empty = het is leeg
settings-reason-not-found = het bestaat niet
settings-reason-permission-denied = geen toegang
settings-reason-is-a-folder = het is een map
settings-reason-not-a-folder = een deel van het pad is geen map
