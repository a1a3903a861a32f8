## De bovenbalk: schermen, verbinding, thema, taal.

tab-upload = Uploaden
tab-bulk = Bulk
tab-history = Geschiedenis
tab-connections = Verbindingen
top-no-connection = Nog geen verbinding
top-choose-connection = Kies een verbinding
top-connection = Verbinding
top-connecting = Verbinden…
top-connected = Verbonden
top-not-connected = Niet verbonden
top-retry = Opnieuw
top-theme = Thema
top-theme-system = Systeem volgen
top-theme-light = Licht
top-theme-dark = Donker
top-language = Taal
top-language-system = Systeemtaal
app-uploads-unavailable = Uploaden is niet beschikbaar: { $reason }
app-crashed = { $what } is mislukt door een onverwachte fout in atsdrop; probeer het opnieuw.
