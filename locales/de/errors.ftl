## Was ein Bewerbermanagementsystem antwortete oder warum es nicht erreichbar war: jeweils ein Satz.

error-auth = { $system } hat die Zugangsdaten nicht akzeptiert{ $detail }: Prüfen Sie den API-Schlüssel in den Einstellungen der Verbindung.
error-forbidden = { $system } verweigert den Zugriff{ $detail }: Bitten Sie Ihre { $system }-Administration, diesem API-Schlüssel die Berechtigung zu geben.
error-not-found = { $system } konnte { $what } nicht finden{ $detail }: Prüfen Sie die ID.
error-rejected = { $system } hat die Anfrage abgelehnt: { $message }
error-too-large = { $system } meldet, dass die Datei zu groß ist{ $detail }: Komprimieren oder teilen Sie sie.
error-rate-limited-after = { $system } bittet atsdrop, langsamer zu machen; versuchen Sie es in { $after } erneut.
error-rate-limited = { $system } bittet atsdrop, langsamer zu machen; versuchen Sie es gleich noch einmal.
error-server = { $system } hatte ein Problem auf seiner Seite (HTTP { $status }){ $detail }; versuchen Sie es gleich noch einmal.
error-network = atsdrop konnte { $system } nicht erreichen ({ $detail }): Prüfen Sie die Internetverbindung und versuchen Sie es erneut.
error-timeout = { $system } hat nicht rechtzeitig geantwortet: Prüfen Sie die Internetverbindung und versuchen Sie es erneut.
error-unsupported = { $what } wird von { $system } nicht unterstützt.
error-invalid-response = { $system } hat eine Antwort geschickt, die atsdrop nicht versteht ({ $detail }); melden Sie es, falls das öfter passiert.
error-maybe-stored = { $system } konnte nicht sagen, ob die Datei gespeichert wurde{ $detail }: atsdrop sieht beim Kandidaten nach, bevor sie erneut gesendet wird.
error-answer-too-large = { $system } hat eine viel größere Antwort als erwartet geschickt (über { $limit }): atsdrop hat aufgehört zu lesen; prüfen Sie die Adresse in den Einstellungen der Verbindung und melden Sie es, falls sie stimmt.
error-web-page = Statt { $system } hat eine Webseite geantwortet: Melden Sie sich im Netzwerk an (Hotel- oder Büro-WLAN) und versuchen Sie es erneut, oder prüfen Sie die Adresse in den Einstellungen der Verbindung.
error-file = { $name } konnte nicht gesendet werden: { $reason }.
error-bad-id = „{ $id }“ kann keine { $system }-ID sein: Prüfen Sie die eingegebene ID.
error-config = { $sentence }
