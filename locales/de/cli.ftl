## Die lesbare Ausgabe der Befehlszeile (die `--json`-Ausgabe ist in jeder Sprache gleich).

cli-verdict-ok = ok
cli-verdict-refused = abgelehnt
cli-verdict-skipped = übersprungen
cli-unknown-type = unbekannter Typ
cli-skipped-duplicate = zweimal hinzugefügt, einmal geprüft
cli-skipped-system-file = Systemdatei, ausgelassen
cli-whose-candidate = Von wem: vom Kandidaten ({ $evidence }).
cli-whose-candidate-name = Von wem: vom Kandidaten (sein Name steht darin).
cli-whose-other = Von wem: von jemand anderem ({ $other }).
cli-whose-other-unnamed = Von wem: von jemand anderem (einer anderen Person).
cli-whose-unknown = Von wem: unbekannt (kein Name, keine E-Mail-Adresse oder Telefonnummer gefunden).
cli-all-can-be-sent = { $total ->
        [one] Die Datei kann
       *[other] Alle { $total } Dateien können
    } als { $label } an { $system } gesendet werden.
cli-some-refused = { $refused } von { $total } { $total ->
        [one] Datei
       *[other] Dateien
    } { $refused ->
        [one] kann
       *[other] können
    } nicht als { $label } an { $system } gesendet werden: Es wurde nichts gesendet.
cli-together-refused = Diese Dateien können nicht zusammen als { $label } an { $system } gesendet werden: Es wurde nichts gesendet.
cli-no-files = Es gibt keine Dateien zu prüfen: Die angegebenen Ordner sind leer oder enthalten nur Systemdateien.
