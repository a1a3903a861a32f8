## Die obere Leiste: Ansichten, Verbindung, Design, Sprache.

tab-upload = Hochladen
tab-bulk = Stapel
tab-history = Verlauf
tab-connections = Verbindungen
