## De leesbare uitvoer van de opdrachtregel (`--json`-uitvoer is in elke taal hetzelfde).

cli-verdict-ok = ok
cli-verdict-refused = geweigerd
cli-verdict-skipped = overgeslagen
cli-unknown-type = onbekend type
cli-skipped-duplicate = twee keer toegevoegd, één keer gecontroleerd
cli-skipped-system-file = systeembestand, weggelaten
cli-whose-candidate = Van wie: van de kandidaat ({ $evidence }).
cli-whose-candidate-name = Van wie: van de kandidaat (de naam staat erin).
cli-whose-other = Van wie: van iemand anders ({ $other }).
cli-whose-other-unnamed = Van wie: van iemand anders (een andere persoon).
cli-whose-unknown = Van wie: onbekend (geen naam, e-mailadres of telefoonnummer gevonden).
cli-all-can-be-sent = { $total ->
        [one] Het bestand kan
       *[other] Alle { $total } bestanden kunnen
    } als { $label } naar { $system } verstuurd worden.
cli-some-refused = { $refused } van de { $total } { $total ->
        [one] bestand
       *[other] bestanden
    } { $refused ->
        [one] kan
       *[other] kunnen
    } niet als { $label } naar { $system } verstuurd worden: er is niets verstuurd.
cli-together-refused = Deze bestanden kunnen niet samen als { $label } naar { $system } verstuurd worden: er is niets verstuurd.
cli-no-files = Er zijn geen bestanden om te controleren: de opgegeven mappen zijn leeg of bevatten alleen systeembestanden.
