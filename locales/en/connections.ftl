## The connections screen: saved connections, the sandbox, your own e-mail domains.

connections-heading = Connections
connections-choose-or-add = Choose a connection to edit it, or add a new one.
# $store: the store's name ("macOS Keychain").
connections-secrets-kept-in = Secrets are kept in the { $store }.
connections-looking-for-keyring = Looking for the keyring…
connections-use-hover = Use this connection
connections-edit = Edit…
connections-sandbox-note = sandbox, this run only
connections-not-connected = not connected
connections-empty = No connections yet.
connections-add = Add a connection…
connections-try-sandbox = Try the sandbox
connections-try-sandbox-hover = A local copy of all five systems with demo candidates
# $system: the system's name (Spott).
connections-sandbox-name = Sandbox · { $system }
connections-sandbox-running = The sandbox is running: five demo accounts, nothing leaves this computer.
# $error: why, in the system's words.
connections-sandbox-failed = The sandbox could not start ({ $error }).
# $name: the connection's name.
connections-removed = Removed the connection “{ $name }” and its stored secret.
connections-removed-secret-left = Removed the connection “{ $name }”; its secret stays in the OS keyring, which atsdrop cannot reach right now.
connections-no-secret = No secret is stored for “{ $name }” on this computer: edit the connection and enter it again.
# The start of "… failed because of an unexpected error in atsdrop; please try again."
connections-crashed-connect = Connecting to { $name }
connections-crashed-remove-secret = Removing the stored secret
connections-crashed-save-settings = Saving the settings
connections-crashed-sandbox = Starting the sandbox

## Your organisation's own e-mail domains.

connections-own-domains-heading = Your organisation
connections-own-domains-explained = Your own e-mail domains (comma-separated): a file holding addresses there is never taken for someone else's.
connections-own-domains = Your own e-mail domains

## The add/edit connection form.
## $noun: the secret as the system calls it, inside a sentence ("API key", "client secret").

connection-form-title-new = New connection
connection-form-title-edit = Edit connection
connection-form-name = Name
connection-form-name-hint = e.g. Acme recruiting
connection-form-system = System
connection-form-address = Address (base URL)
connection-form-secret-keep-hint = leave empty to keep the stored one
connection-form-secret-paste-hint = paste the { $noun }
# $store: the store's name ("macOS Keychain").
connection-form-secret-kept = The { $noun } is stored in the { $store } and is never shown again.
connection-form-secret-forgotten = The { $noun } is kept in the { $store }, which forgets it after a restart, and is never shown again.
connection-form-secret-memory = The { $noun } is kept in memory for this run only and is never shown again.
connection-form-test = Test connection
connection-form-save = Save
connection-form-cancel = Cancel
connection-form-remove = Remove
connection-form-remove-hover = Remove this connection and its stored secret
connection-form-keep-for-run = Keep it for this run only
# $summary: the system's answer ("Connected to Spott.").
connection-form-connected = Connected: { $summary }
connection-form-enter-secret-to-test = Enter the { $noun } to test the connection.
connection-form-enter-secret = Enter the { $noun } for this connection.
# $name: the name typed.
connection-form-name-taken = Another connection is already called “{ $name }”: choose another name.
# $error: why the keyring did not take the secret (a whole sentence).
connection-form-keyring-unavailable = { $error } Keep the secret for this run only?
connection-form-saved = Connection saved.
connection-form-saved-named = Connection “{ $name }” saved.
connection-form-not-saved = The connection “{ $name }” was not saved: { $error }
# The start of "… failed because of an unexpected error in atsdrop; please try again."
connection-form-crashed-test = Testing the connection
connection-form-crashed-store-secret = Storing the secret

## Where secrets are kept.

store-kernel-keyring-forgets = Secrets are kept in the Linux kernel keyring, which forgets them when the computer restarts or after a few days unused.
store-memory-forgets = The secret is kept in memory only and is forgotten when atsdrop closes.
