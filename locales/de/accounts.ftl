## Woraus ein Konto bei einem System besteht, wie das Verbindungsformular es zeigt: der
## Zugangsschlüssel, die eigenen Kontofelder des Systems und wo der Schlüssel aufbewahrt wird.

## Der Zugangsschlüssel: die Beschriftung im Formular und das Wort im Satz, dort in Klammern
## hinter „Zugangsschlüssel“, daher der Begriff des Systems („API-Key“).

account-api-key-label = API-Schlüssel
account-api-key-noun = API-Key
account-client-secret-label = Client-Secret
account-client-secret-noun = Client-Secret

## Die Kontofelder: Beschriftung, Platzhalter im Feld und der Satz, wenn es leer ist.

account-integration-id-label = Integrations-ID
account-integration-id-hint = z. B. workday:HWUTwvyx2wLoSUHphiWVrp28
account-integration-id-missing = Kombo braucht eine Integrations-ID (gesendet als X-Integration-Id): Kopieren Sie sie aus dem Kombo-Dashboard.
account-integrated-account-id-label = Integrated-Account-ID
account-integrated-account-id-hint = eine UUID von Truto
account-integrated-account-id-missing = Truto braucht eine Integrated-Account-ID: Kopieren Sie sie aus dem Truto-Dashboard.
account-client-id-label = Client-ID
account-client-id-hint = eine UUID von Endorsed
account-client-id-missing = Endorsed braucht eine Client-ID: Kopieren Sie sie aus Ihren API-Zugangsdaten bei Endorsed.

## Wo Zugangsdaten aufbewahrt werden, wie in „Zugangsdaten werden in „…“ gespeichert.“

account-store-secret-service = Secret-Service-Schlüsselbund
account-store-kernel-keyring = Linux-Kernel-Schlüsselbund
account-store-memory = Arbeitsspeicher (nur diese Sitzung)

## Was an einer Verbindung nicht stimmt, je ein Satz, unter dem Formular.

settings-problem-no-name = Die Verbindung hat keinen Namen: Geben Sie ihr einen, etwa „Spott Produktion“.
settings-problem-url-empty = Die Basis-URL ist leer: Verwenden Sie { $url }.
settings-url-invalid = Die { $system }-Adresse „{ $address }“ ist keine gültige URL ({ $reason }): Verwenden Sie etwa { $url }.
settings-url-plain-http = Unverschlüsseltes http:// ist nur zu diesem Computer erlaubt; verwenden Sie https:// für { $host }, damit der API-Schlüssel nicht im Klartext übertragen wird.
settings-url-scheme = Die { $system }-Adresse muss mit https:// beginnen (sie beginnt mit { $scheme }://).
settings-url-userinfo = Die { $system }-Adresse enthält einen Benutzernamen oder ein Passwort (vor einem @): Entfernen Sie diese Angabe und tragen Sie den Zugangsschlüssel ({ $noun }) in das eigene Feld der Verbindung ein, damit er im Schlüsselbund liegt und nicht in den Einstellungen.
settings-url-no-host = Die { $system }-Adresse „{ $address }“ hat keinen Hostnamen.

## Warum eine Adresse keine URL ist, im Satz oben.

settings-url-reason-empty-host = leerer Hostname
settings-url-reason-idna = ungültiger internationaler Domainname
settings-url-reason-port = ungültige Portnummer
settings-url-reason-ipv4 = ungültige IPv4-Adresse
settings-url-reason-ipv6 = ungültige IPv6-Adresse
settings-url-reason-domain-character = ungültiges Zeichen im Domainnamen
settings-url-reason-relative = sie beginnt nicht mit https://

## Die Einstellungsdatei: lesen, speichern und die Verbindungen darin.

settings-no-home = Es wurde kein Benutzerordner gefunden, daher weiß atsdrop nicht, wo es seine Dateien ablegen soll: Setzen Sie { $variable } auf einen Ordner.
settings-read = Die Einstellungsdatei { $path } kann nicht gelesen werden ({ $reason }).
settings-corrupt = Die Einstellungsdatei { $path } ist beschädigt ({ $reason }): Reparieren oder verschieben Sie sie und starten Sie atsdrop dann neu.
settings-recovered = Die Einstellungsdatei { $path } war beschädigt ({ $reason }); sie wurde nach { $moved } verschoben, und es gelten die Standardeinstellungen.
settings-unrecoverable = Die Einstellungsdatei { $path } ist beschädigt ({ $reason }) und konnte nicht verschoben werden ({ $why }): Verschieben Sie sie von Hand und starten Sie atsdrop dann neu.
settings-write = Die Einstellungen können nicht in { $path } gespeichert werden ({ $reason }).
settings-duplicate-name = Es gibt bereits eine Verbindung namens „{ $name }“: Wählen Sie einen anderen Namen.
settings-duplicate-id = Es gibt bereits eine Verbindung mit der ID { $id }.
settings-no-such-connection = Es gibt keine gespeicherte Verbindung namens „{ $name }“: Fügen Sie sie in der App hinzu oder prüfen Sie den Namen.

## Warum die Einstellungsdatei nicht gelesen oder gespeichert werden konnte, in den Sätzen oben.

settings-reason-empty = sie ist leer
settings-reason-not-found = sie existiert nicht
settings-reason-permission-denied = Zugriff verweigert
settings-reason-is-a-folder = dort liegt ein Ordner
settings-reason-not-a-folder = ein Teil des Pfads ist kein Ordner
