## Het kandidaatpaneel: de gekozen kandidaat, zoeken, recente kandidaten, bijlagen.

candidate-choose-connection = Kies een verbinding in de bovenbalk.
candidate-try-again = Opnieuw proberen
candidate-connecting = Verbinden met { $system }…
candidate-heading = Kandidaat
candidate-clear = Wissen
candidate-clear-hover = Kies een andere kandidaat
candidate-none-chosen = Nog geen kandidaat gekozen: zoek hieronder.
candidate-switch-to = Wissel naar { $name }
candidate-switch-to-hover = Kies de afzender van de e-mail als kandidaat
candidate-hide-note = Deze melding verbergen
candidate-hint-free-text = naam of e-mail
candidate-hint-email-or-name = e-mail, of voor- en achternaam
candidate-hint-email = e-mail, telefoon of naam
candidate-hint-id-only = kandidaat-id of remote.<id>
candidate-search = Kandidaten zoeken
candidate-open-by-id = Openen via id
candidate-open-by-id-hover = Zoek de tekst op als kandidaat-id (plak hem uit je systeem)
candidate-no-results = Geen kandidaten gevonden.
candidate-id = id { $id }
candidate-load-more = Meer laden
candidate-recent = Recente kandidaten
candidate-attachments-heading = Al bij deze kandidaat
candidate-refresh = Vernieuwen
candidate-no-attachments = Nog geen bijlagen.
candidate-delete = Verwijderen…
candidate-delete-hover = { $name } verwijderen
candidate-delete-name = { $name } verwijderen…

## Een kandidaat kiezen: wat het systeem antwoordde.

picker-attachments-unsupported = { $system } laat andere programma's de bijlagen van een kandidaat niet opvragen.
picker-no-list = { $system } heeft geen kandidatenlijst: plak een kandidaat-id of een remote-id (remote.<id>).
# Het begin van "… is mislukt door een onverwachte fout in atsdrop; probeer het opnieuw."
picker-crashed-search = Het zoeken naar kandidaten
picker-crashed-open = Het opzoeken van de kandidaat
picker-crashed-attachments = Het ophalen van de bijlagen van de kandidaat
picker-crashed-delete = Het verwijderen van { $name }
picker-removal-accepted = { $system } heeft het verwijderen van { $name } geaccepteerd; het bestand verdwijnt zo.
picker-removed = { $name } is verwijderd.

## Mail in: wat de afzender van een e-mail zegt over de kandidaat.

mail-crashed-sender = Het opzoeken van de afzender van de e-mail
mail-chosen-from-sender = Gekozen op basis van de afzender van de e-mail, { $email } ({ $mail }).
mail-sender-is-chosen = De afzender van de e-mail, { $email }, is deze kandidaat.
mail-sender-is-other = De e-mail { $mail } komt van { $email }; dat is { $name } in { $system }, niet de gekozen kandidaat.
mail-sender-several = { $count } kandidaten in { $system } hebben het adres van de afzender, { $email }: kies er één.
mail-sender-nobody = Geen kandidaat in { $system } heeft het adres van de afzender, { $email }: zoek op naam.
mail-not-looked-up = In { $system } kun je kandidaten niet op e-mailadres zoeken: kies de kandidaat voor { $mail }.
mail-lookup-failed = De afzender van de e-mail kon niet worden opgezocht: { $error }
# Staat voor $system hierboven ("in het systeem") als er geen systeem bekend is.
mail-the-system = het systeem
