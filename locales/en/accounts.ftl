## What an account of a system is made of, as the connection form shows it: the secret, the
## system's own account fields, and where the secret is kept. Product names stay as they are.

## The secret: the form's label, and the word inside a sentence ("paste the API key").

account-api-key-label = API key
account-api-key-noun = API key
account-client-secret-label = Client secret
account-client-secret-noun = client secret

## The account fields: the form's label, its placeholder, and the sentence when it is empty.

account-integration-id-label = Integration id
account-integration-id-hint = e.g. workday:HWUTwvyx2wLoSUHphiWVrp28
account-integration-id-missing = Kombo needs an integration id (sent as X-Integration-Id): copy it from the Kombo dashboard.
account-integrated-account-id-label = Integrated account id
account-integrated-account-id-hint = a UUID from Truto
account-integrated-account-id-missing = Truto needs an integrated account id: copy it from the Truto dashboard.
account-client-id-label = Client id
account-client-id-hint = a UUID from Endorsed
account-client-id-missing = Endorsed needs a client id: copy it from your Endorsed API credentials.

## Where secrets are kept, as in "Secrets are kept in the …" (Windows Credential Manager and
## macOS Keychain keep their names).

account-store-secret-service = Secret Service keyring
account-store-kernel-keyring = Linux kernel keyring
account-store-memory = memory (this run only)

## What is wrong with a connection, one sentence each, under the connection form.

settings-problem-no-name = The connection has no name: give it one, such as “Spott production”.
# $url: the system's real API root.
settings-problem-url-empty = The base URL is empty: use { $url }.
# $system: the system's name; $address: the address as typed (a password left out); $reason: why it is no URL (settings-url-reason-…); $url: the system's real API root.
settings-url-invalid = The { $system } address “{ $address }” is not a valid URL ({ $reason }): use something like { $url }.
# $host: the host the address names.
settings-url-plain-http = Plain http:// is only allowed to this computer; use https:// for { $host } so the API key is not sent in the clear.
# $scheme: what the address starts with instead ("ftp").
settings-url-scheme = The { $system } address must start with https:// (it starts with { $scheme }://).
# $noun: the secret inside a sentence (account-api-key-noun).
settings-url-userinfo = The { $system } address holds a user name or password (before an @): remove it, and put the { $noun } in the connection's own field so it is kept in the keyring, not in the settings.
settings-url-no-host = The { $system } address “{ $address }” has no host name.

## Why an address is no URL, inside the sentence above.

settings-url-reason-empty-host = empty host
settings-url-reason-idna = invalid international domain name
settings-url-reason-port = invalid port number
settings-url-reason-ipv4 = invalid IPv4 address
settings-url-reason-ipv6 = invalid IPv6 address
settings-url-reason-domain-character = invalid domain character
settings-url-reason-relative = relative URL without a base

## The settings file: reading it, saving it, and the connections in it.

# $variable: the environment variable that names the folder (ATSDROP_CONFIG_DIR).
settings-no-home = No home folder was found, so atsdrop doesn't know where to keep its files: set { $variable } to a folder.
# $path: the settings file; $reason: why (settings-reason-…, or the system's words).
settings-read = The settings file { $path } can't be read ({ $reason }).
settings-corrupt = The settings file { $path } is damaged ({ $reason }): fix it or move it away, then start atsdrop again.
# $moved: where the damaged file is now.
settings-recovered = The settings file { $path } was damaged ({ $reason }), so it was moved aside to { $moved } and default settings are used.
# $why: why it could not be moved.
settings-unrecoverable = The settings file { $path } is damaged ({ $reason }) and couldn't be moved aside ({ $why }): move it away by hand, then start atsdrop again.
settings-write = The settings can't be saved to { $path } ({ $reason }).
# $name: the connection's name.
settings-duplicate-name = A connection named “{ $name }” already exists: choose another name.
settings-duplicate-id = A connection with the id { $id } already exists.
settings-no-such-connection = There is no saved connection named “{ $name }”: add it in the app, or check the name.

## Why the settings file could not be read or saved, inside the sentences above.

settings-reason-empty = it is empty
settings-reason-not-found = it doesn't exist
settings-reason-permission-denied = permission denied
settings-reason-is-a-folder = it is a folder
settings-reason-not-a-folder = a part of its path is not a folder
