## Die Ansicht Verbindungen: gespeicherte Verbindungen, die Sandbox, Ihre eigenen E-Mail-Domains.

connections-heading = Verbindungen
connections-choose-or-add = Wählen Sie eine Verbindung zum Bearbeiten oder fügen Sie eine neue hinzu.
# $store: der Name des Speichers („macOS Keychain“), in Anführungszeichen, da ohne Artikel.
connections-secrets-kept-in = Zugangsdaten werden in „{ $store }“ gespeichert.
connections-looking-for-keyring = Schlüsselbund wird gesucht…
connections-use-hover = Diese Verbindung verwenden
connections-edit = Bearbeiten…
connections-sandbox-note = Sandbox, nur diese Sitzung
connections-not-connected = nicht verbunden
connections-empty = Noch keine Verbindungen.
connections-add = Verbindung hinzufügen…
connections-try-sandbox = Sandbox ausprobieren
connections-try-sandbox-hover = Eine lokale Kopie aller fünf Systeme mit Demo-Kandidaten
connections-sandbox-name = Sandbox · { $system }
connections-sandbox-running = Die Sandbox läuft: fünf Demo-Konten, nichts verlässt diesen Computer.
connections-sandbox-failed = Die Sandbox konnte nicht starten ({ $error }).
connections-removed = Verbindung „{ $name }“ und ihre gespeicherten Zugangsdaten entfernt.
connections-removed-secret-left = Verbindung „{ $name }“ entfernt; die Zugangsdaten bleiben im Schlüsselbund des Systems, den atsdrop gerade nicht erreicht.
connections-no-secret = Für „{ $name }“ sind auf diesem Computer keine Zugangsdaten gespeichert: Bearbeiten Sie die Verbindung und geben Sie sie erneut ein.
# Der Anfang von „… ist wegen eines unerwarteten Fehlers in atsdrop fehlgeschlagen …“
connections-crashed-connect = Das Verbinden mit { $name }
connections-crashed-remove-secret = Das Entfernen der gespeicherten Zugangsdaten
connections-crashed-save-settings = Das Speichern der Einstellungen
connections-crashed-sandbox = Der Start der Sandbox

## Die eigenen E-Mail-Domains Ihrer Organisation.

connections-own-domains-heading = Ihre Organisation
connections-own-domains-explained = Ihre eigenen E-Mail-Domains (durch Kommas getrennt): Eine Datei mit Adressen dieser Domains gilt nie als die einer anderen Person.
connections-own-domains = Ihre eigenen E-Mail-Domains

## Das Formular zum Hinzufügen oder Bearbeiten einer Verbindung.
## $noun: der Name des Schlüssels im System („API key“, „client secret“), daher in Klammern.

connection-form-title-new = Neue Verbindung
connection-form-title-edit = Verbindung bearbeiten
connection-form-name = Name
connection-form-name-hint = z. B. Acme Recruiting
connection-form-system = System
connection-form-address = Adresse (Basis-URL)
connection-form-secret-keep-hint = leer lassen, um den gespeicherten Wert zu behalten
connection-form-secret-paste-hint = Zugangsschlüssel ({ $noun }) einfügen
connection-form-secret-kept = Der Zugangsschlüssel ({ $noun }) wird in „{ $store }“ gespeichert und danach nie mehr angezeigt.
connection-form-secret-forgotten = Der Zugangsschlüssel ({ $noun }) wird in „{ $store }“ gespeichert (nach einem Neustart vergessen) und nie mehr angezeigt.
connection-form-secret-memory = Der Zugangsschlüssel ({ $noun }) bleibt nur für diese Sitzung im Arbeitsspeicher und wird nie mehr angezeigt.
connection-form-test = Verbindung testen
connection-form-save = Speichern
connection-form-cancel = Abbrechen
connection-form-remove = Entfernen
connection-form-remove-hover = Diese Verbindung und ihre gespeicherten Zugangsdaten entfernen
connection-form-keep-for-run = Nur für diese Sitzung behalten
connection-form-connected = Verbunden: { $summary }
connection-form-enter-secret-to-test = Bitte geben Sie den Zugangsschlüssel ({ $noun }) ein, um die Verbindung zu testen.
connection-form-enter-secret = Bitte geben Sie den Zugangsschlüssel ({ $noun }) für diese Verbindung ein.
connection-form-name-taken = Es gibt bereits eine Verbindung namens „{ $name }“: Bitte wählen Sie einen anderen Namen.
connection-form-keyring-unavailable = { $error } Zugangsdaten nur für diese Sitzung behalten?
connection-form-saved = Verbindung gespeichert.
connection-form-saved-named = Verbindung „{ $name }“ gespeichert.
connection-form-not-saved = Die Verbindung „{ $name }“ wurde nicht gespeichert: { $error }
# Der Anfang von „… ist wegen eines unerwarteten Fehlers in atsdrop fehlgeschlagen …“
connection-form-crashed-test = Das Testen der Verbindung
connection-form-crashed-store-secret = Das Speichern der Zugangsdaten

## Where secrets are kept.

store-kernel-keyring-forgets = Zugangsdaten liegen im Kernel-Schlüsselbund von Linux, der sie beim Neustart des Computers oder nach einigen Tagen ohne Nutzung vergisst.
store-memory-forgets = Die Zugangsdaten liegen nur im Arbeitsspeicher und sind weg, sobald atsdrop geschlossen wird.
