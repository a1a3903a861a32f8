## Dialogen: een bijlage verwijderen, onderbroken uploads hervatten.

dialog-delete-heading = Deze bijlage verwijderen?
dialog-delete-body = { $name } wordt definitief verwijderd bij { $candidate }. Dit kun je niet ongedaan maken.
dialog-delete = Verwijderen
dialog-keep = Behouden
dialog-interrupted-heading = Onderbroken uploads afmaken?
dialog-interrupted-body = atsdrop stopte voordat { $count ->
        [one] { $count } bestand helemaal was geüpload
       *[other] { $count } bestanden helemaal waren geüpload
    }. Elk bestand wordt eerst gecontroleerd, dus er komt niets dubbel aan.
dialog-resume = Hervatten
dialog-not-now = Niet nu

## Bestanden die aandacht nodig hebben, boven de tabel.

# "Controle" is de kolom in de tabel.
attention-more-files = … en nog { $count ->
        [one] { $count } bestand
       *[other] { $count } bestanden
    }: houd de muis op de kolom Controle van een rij om te zien waarom.
attention-send-with-macros = { $name } met macro's versturen
attention-also-in = { $name } staat ook in { $system }.
attention-switch-to = Wissel naar { $name }
attention-switch-to-hover = Stuur deze bestanden in plaats daarvan naar deze persoon
attention-send-anyway-to = Toch naar { $name } versturen
attention-send-anyway = Toch versturen
attention-looking-for-fix = Oplossing zoeken…
attention-fix = Herstellen: { $actions }
attention-fix-name = { $name } herstellen
attention-fix-hover = Gebruik in plaats daarvan een herstelde kopie (het origineel blijft zoals het is)

## Herstellen: een herstelde kopie maken, bestanden samenvoegen tot één pdf.

fix-stopped = Het herstellen is gestopt.
fix-take-failed = De herstelde kopie kon niet worden gebruikt.
fix-combined-unreadable = Het samengevoegde bestand kon niet worden gelezen.
fix-not-combined = De bestanden konden niet worden samengevoegd.
fix-combining-stopped = Het samenvoegen is gestopt.
fix-made-from = gemaakt van { $names }: { $actions }
fix-none-passes = Geen enkele oplossing maakt dit bestand geschikt.
fix-no-answer = Het herstellen gaf geen antwoord.
fix-cannot-start-because = Het herstellen kon niet starten ({ $error }).
fix-cannot-start = Het herstellen kon niet starten.
fix-too-long = Het herstellen duurde te lang en is gestopt.
fix-answer-unreadable = Het antwoord van het herstellen kon niet worden gelezen ({ $error }).
