## The top bar: screens, connection, theme, language.

tab-upload = Upload
tab-bulk = Bulk
tab-history = History
tab-connections = Connections
