## De bovenbalk: schermen, verbinding, thema, taal.

tab-upload = Uploaden
tab-bulk = Bulk
tab-history = Geschiedenis
tab-connections = Verbindingen
