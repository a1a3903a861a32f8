## Wat een wervingssysteem antwoordde, of waarom het niet bereikbaar was: steeds één zin.

error-auth = { $system } heeft de inloggegevens niet geaccepteerd{ $detail }: controleer de API-sleutel in de instellingen van de verbinding.
error-forbidden = { $system } weigert de toegang{ $detail }: vraag je { $system }-beheerder deze API-sleutel de juiste rechten te geven.
error-not-found = { $system } kon { $what } niet vinden{ $detail }: controleer de id.
error-rejected = { $system } heeft het verzoek geweigerd: { $message }
error-too-large = { $system } zegt dat het bestand te groot is{ $detail }: comprimeer of splits het.
error-rate-limited-after = { $system } vraagt atsdrop het rustiger aan te doen; probeer het over { $after } opnieuw.
error-rate-limited = { $system } vraagt atsdrop het rustiger aan te doen; probeer het zo opnieuw.
error-server = { $system } had een probleem aan zijn kant (HTTP { $status }){ $detail }; probeer het zo opnieuw.
error-network = atsdrop kon { $system } niet bereiken ({ $detail }): controleer de internetverbinding en probeer het opnieuw.
error-timeout = { $system } antwoordde niet op tijd: controleer de internetverbinding en probeer het opnieuw.
error-unsupported = { $what } wordt niet ondersteund door { $system }.
error-invalid-response = { $system } stuurde een antwoord dat atsdrop niet begrijpt ({ $detail }); meld het als dit vaker gebeurt.
error-maybe-stored = { $system } kon niet zeggen of het bestand is opgeslagen{ $detail }: atsdrop kijkt bij de kandidaat voordat het opnieuw wordt verstuurd.
error-answer-too-large = { $system } stuurde een veel groter antwoord dan verwacht (meer dan { $limit }): atsdrop is gestopt met lezen; controleer het adres in de instellingen van de verbinding, en meld het als dat klopt.
error-web-page = Er antwoordde een webpagina in plaats van { $system }: log in op het netwerk (wifi van hotel of kantoor) en probeer het opnieuw, of controleer het adres in de instellingen van de verbinding.
error-file = { $name } kon niet verstuurd worden: { $reason }.
error-bad-id = „{ $id }” kan geen id van { $system } zijn: controleer de id die je hebt ingevoerd.
error-config = { $sentence }
