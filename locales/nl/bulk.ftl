## Het scherm Bulk: bestanden voor veel kandidaten, elk toegewezen aan een kandidaat en gecontroleerd.

bulk-heading = Bulk
bulk-add-files = Bestanden toevoegen…
bulk-add-folder = Map toevoegen…
bulk-mapping = Toewijzings-CSV…
bulk-mapping-named = Toewijzing: { $file }
bulk-mapping-hover = Een CSV met regels file,candidate_id: die bestanden gaan naar die kandidaten
bulk-clear = Leegmaken
bulk-reading = Lezen en toewijzen…
bulk-connect-first = Maak eerst verbinding met een systeem: bestanden worden aan de kandidaten daarin toegewezen.
bulk-drop-here = Sleep hier een map met cv's naartoe
bulk-drop-explained = Elk bestand gaat naar de kandidaat waar het e-mailadres, telefoonnummer, de afzender of de naam naar verwijst; je controleert elke rij voordat er iets wordt geüpload.
bulk-summary = { $files ->
    [one] { $files } bestand
   *[other] { $files } bestanden
} · { $ready } klaar · { $held ->
    [one] { $held } wacht op een keuze of correctie
   *[other] { $held } wachten op een keuze of correctie
}
bulk-summary-matching = { $files ->
    [one] { $files } bestand
   *[other] { $files } bestanden
} · { $ready } klaar · { $held ->
    [one] { $held } wacht op een keuze of correctie
   *[other] { $held } wachten op een keuze of correctie
} · { $waiting ->
    [one] { $waiting } wordt toegewezen
   *[other] { $waiting } worden toegewezen
}
bulk-export = CSV exporteren…
bulk-send-matched = { $count } toegewezen uploaden
bulk-send-matched-disabled = Alleen rijen met een kandidaat en zonder probleem worden geüpload.
bulk-uploading = { $count ->
    [one] { $count } bestand wordt
   *[other] { $count } bestanden worden
} geüpload naar { $people ->
    [one] { $people } kandidaat
   *[other] { $people } kandidaten
}…

## De tabel.

bulk-column-file = Bestand
bulk-column-candidate = Kandidaat
bulk-column-why = Waarom
bulk-column-type = Type
bulk-column-check = Controle
bulk-remove = { $name } verwijderen
bulk-candidate-id-for = Kandidaat-id voor { $name }
bulk-candidate-for = Kandidaat voor { $name }
bulk-type-of = Type van { $name }
bulk-candidate-id-hint = kandidaat-id
bulk-candidate-id-hover = Typ de id van de kandidaat en druk op Enter
bulk-choose = Kies…
bulk-nobody = Niemand (niet uploaden)
bulk-why-chosen = door jou gekozen

## De kolom Controle.

bulk-status-matching = wordt toegewezen
bulk-status-ready = klaar
bulk-status-refused = geweigerd
bulk-status-ambiguous = keuze nodig
bulk-status-unmatched = niet toegewezen
bulk-status-queued = in de wachtrij
bulk-status-uploaded = geüpload
bulk-status-accepted = geaccepteerd
bulk-status-failed = mislukt
bulk-status-unknown = onbekend
bulk-status-skipped = overgeslagen
bulk-status-cancelled = geannuleerd
bulk-status-unconfirmed = onbevestigd
bulk-ambiguous-hover = { $count ->
    [one] { $count } kandidaat past
   *[other] { $count } kandidaten passen
} bij ‘{ $by }’ ({ $evidence }): kies er één.
bulk-unmatched-hover = Niet toegewezen: { $why }.
bulk-not-asked = het systeem kon niet worden bevraagd ({ $error })

## Dialogen en exporteren.

bulk-add-files-title = Bestanden voor meerdere kandidaten toevoegen
bulk-add-folder-title = Map met bestanden voor meerdere kandidaten toevoegen
bulk-mapping-title = Kies een toewijzing (file,candidate_id)
bulk-mapping-unreadable = De toewijzing kon niet worden gelezen ({ $error }).
bulk-export-title = Bulkresultaat exporteren
bulk-export-not-written = { $path } kon niet worden opgeslagen ({ $error }).
bulk-export-failed = Het exporteren is mislukt ({ $error }).
bulk-exported = { $path } opgeslagen.
# Het begin van "… is mislukt door een onverwachte fout in atsdrop; probeer het opnieuw."
bulk-crashed-add = Het toevoegen van de bestanden
bulk-crashed-match = Het toewijzen van de bestanden
bulk-crashed-export = Het exporteren van het resultaat
bulk-crashed-look-up = Het opzoeken van de kandidaat
bulk-crashed-mapping = Het lezen van de toewijzing

## Why a file was matched to its candidate.

matched-by-mapping = het koppelbestand
matched-by-email-in-file = e-mailadres in het bestand
matched-by-phone-in-file = naam en telefoonnummer in het bestand
matched-by-mail-sender = de afzender van de e-mail
matched-by-email-in-file-name = e-mailadres in de bestandsnaam
matched-by-name-in-file-name = naam in de bestandsnaam
matched-by-name-in-file = naam in het bestand
