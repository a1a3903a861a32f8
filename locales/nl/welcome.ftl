## Het eerste scherm: probeer de sandbox, of voeg een echte verbinding toe.

welcome-heading = Welkom bij atsdrop
welcome-intro = Sleep bestanden van kandidaten naar het venster, zie direct of ze binnen de limieten van je recruitmentsysteem vallen en upload ze op de achtergrond.
welcome-try-sandbox = Probeer de sandbox
welcome-try-sandbox-hover = Start een lokale kopie van alle vijf systemen met demokandidaten; er verlaat niets deze computer
welcome-starting-sandbox = Sandbox wordt gestart…
welcome-add-connection = Verbinding toevoegen…
