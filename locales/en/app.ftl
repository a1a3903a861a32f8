## The top bar: screens, connection, theme, language.

tab-upload = Upload
tab-bulk = Bulk
tab-history = History
tab-connections = Connections
top-no-connection = No connection yet
top-choose-connection = Choose a connection
top-connection = Connection
top-connecting = Connecting…
top-connected = Connected
top-not-connected = Not connected
top-retry = Retry
top-theme = Theme
top-theme-system = Follow system
top-theme-light = Light
top-theme-dark = Dark
top-language = Language
top-language-system = System language
app-uploads-unavailable = Uploads are unavailable: { $reason }
app-crashed = { $what } failed because of an unexpected error in atsdrop; please try again.
