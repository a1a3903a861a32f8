## Die obere Leiste: Ansichten, Verbindung, Design, Sprache.

tab-upload = Hochladen
tab-bulk = Stapel
tab-history = Verlauf
tab-connections = Verbindungen
top-no-connection = Noch keine Verbindung
top-choose-connection = Verbindung wählen
top-connection = Verbindung
top-connecting = Verbinde…
top-connected = Verbunden
top-not-connected = Nicht verbunden
top-retry = Erneut versuchen
top-theme = Design
top-theme-system = Wie System
top-theme-light = Hell
top-theme-dark = Dunkel
top-language = Sprache
top-language-system = Systemsprache
app-uploads-unavailable = Hochladen ist nicht verfügbar: { $reason }
app-crashed = { $what } ist wegen eines unerwarteten Fehlers in atsdrop fehlgeschlagen; bitte versuchen Sie es erneut.
