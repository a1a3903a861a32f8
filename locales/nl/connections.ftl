## Het scherm Verbindingen: opgeslagen verbindingen, de sandbox, je eigen e-maildomeinen.

connections-heading = Verbindingen
connections-choose-or-add = Kies een verbinding om die te bewerken, of voeg een nieuwe toe.
connections-secrets-kept-in = Inloggegevens worden bewaard in de { $store }.
connections-looking-for-keyring = Sleutelbos zoeken…
connections-use-hover = Deze verbinding gebruiken
connections-edit = Bewerken…
connections-sandbox-note = sandbox, alleen deze sessie
connections-not-connected = niet verbonden
connections-empty = Nog geen verbindingen.
connections-add = Verbinding toevoegen…
connections-try-sandbox = Probeer de sandbox
connections-try-sandbox-hover = Een lokale kopie van alle vijf systemen met demokandidaten
connections-sandbox-name = Sandbox · { $system }
connections-sandbox-running = De sandbox draait: vijf demo-accounts, er gaat niets van deze computer af.
connections-sandbox-failed = De sandbox kon niet starten ({ $error }).
connections-removed = Verbinding “{ $name }” en de opgeslagen inloggegevens verwijderd.
connections-removed-secret-left = Verbinding “{ $name }” verwijderd; de inloggegevens staan nog in de sleutelbos van het systeem, die atsdrop nu niet kan bereiken.
connections-no-secret = Op deze computer zijn geen inloggegevens opgeslagen voor “{ $name }”: bewerk de verbinding en vul ze opnieuw in.
# Het begin van "… is mislukt door een onverwachte fout in atsdrop; probeer het opnieuw."
connections-crashed-connect = Het verbinden met { $name }
connections-crashed-remove-secret = Het verwijderen van de opgeslagen inloggegevens
connections-crashed-save-settings = Het opslaan van de instellingen
connections-crashed-sandbox = Het starten van de sandbox

## De eigen e-maildomeinen van je organisatie.

connections-own-domains-heading = Je organisatie
connections-own-domains-explained = Je eigen e-maildomeinen (gescheiden door komma's): een bestand met adressen op die domeinen wordt nooit aangezien voor dat van iemand anders.
connections-own-domains = Je eigen e-maildomeinen

## Het formulier om een verbinding toe te voegen of te bewerken.

connection-form-title-new = Nieuwe verbinding
connection-form-title-edit = Verbinding bewerken
connection-form-name = Naam
connection-form-name-hint = bijv. Acme Recruitment
connection-form-system = Systeem
connection-form-address = Adres (basis-URL)
connection-form-secret-keep-hint = leeg laten om de opgeslagen waarde te houden
connection-form-secret-paste-hint = plak de { $noun }
connection-form-secret-kept = De { $noun } wordt opgeslagen in de { $store } en daarna nooit meer getoond.
connection-form-secret-forgotten = De { $noun } wordt bewaard in de { $store }, die hem na een herstart vergeet, en wordt nooit meer getoond.
connection-form-secret-memory = De { $noun } wordt alleen voor deze sessie in het geheugen bewaard en nooit meer getoond.
connection-form-test = Verbinding testen
connection-form-save = Opslaan
connection-form-cancel = Annuleren
connection-form-remove = Verwijderen
connection-form-remove-hover = Deze verbinding en de opgeslagen inloggegevens verwijderen
connection-form-keep-for-run = Alleen voor deze sessie bewaren
connection-form-connected = Verbonden: { $summary }
connection-form-enter-secret-to-test = Vul de { $noun } in om de verbinding te testen.
connection-form-enter-secret = Vul de { $noun } voor deze verbinding in.
connection-form-name-taken = Er is al een verbinding met de naam “{ $name }”: kies een andere naam.
connection-form-keyring-unavailable = { $error } De inloggegevens alleen voor deze sessie bewaren?
connection-form-saved = Verbinding opgeslagen.
connection-form-saved-named = Verbinding “{ $name }” opgeslagen.
connection-form-not-saved = De verbinding “{ $name }” is niet opgeslagen: { $error }
# Het begin van "… is mislukt door een onverwachte fout in atsdrop; probeer het opnieuw."
connection-form-crashed-test = Het testen van de verbinding
connection-form-crashed-store-secret = Het opslaan van de inloggegevens

## Where secrets are kept.

store-kernel-keyring-forgets = Inloggegevens worden bewaard in de kernelsleutelbos van Linux, die ze vergeet als de computer opnieuw opstart of na een paar dagen zonder gebruik.
store-memory-forgets = De inloggegevens staan alleen in het geheugen en zijn weg zodra atsdrop sluit.
