## De uploadwachtrij onderaan.

queue-uploads = Uploads
queue-col-file = Bestand
queue-col-to = Naar
queue-col-state = Status
queue-col-progress = Voortgang
queue-col-message = Melding
queue-attachment-id = id { $id }
queue-total = { $progress } · { $sent } van { $total }
queue-progress = { $uploaded } van { $files } geüpload
queue-progress-failed = { $count } mislukt
queue-progress-unknown = { $count } met onbekende uitkomst
queue-resume = Hervatten
queue-resume-hover = Verder gaan met uploaden
queue-paused = Gepauzeerd
queue-pause = Pauzeren
queue-pause-hover = Afmaken wat nu verstuurd wordt, niets nieuws beginnen
queue-cancel-all = Alles annuleren
queue-clear-finished = Voltooide wissen
queue-clear-finished-hover = De geschiedenis bewaart ze
queue-slow-down = { $connection } vraagt om het rustiger aan te doen: even wachten
queue-accepted = geaccepteerd
queue-speed = { $speed }/s
queue-time-left = nog { $time }

## De knoppen bij een bestand.

queue-cancel = Annuleren
queue-cancel-name = { $name } annuleren
queue-cancel-hover = Stoppen met het versturen van { $name }
queue-retry = Opnieuw
queue-retry-name = { $name } opnieuw proberen
queue-send-again = Opnieuw sturen
queue-send-again-name = { $name } opnieuw versturen
queue-send-again-hover = Het kan twee keer aankomen
queue-mark-uploaded = Is aangekomen
queue-mark-uploaded-name = { $name } markeren als geüpload
queue-mark-uploaded-hover = Je hebt gecontroleerd dat het is aangekomen

## Hoe een upload of een nieuwe poging afliep.

queue-last-batch = Laatste upload: { $summary }
# $line: "cv.pdf: geüpload".
queue-retried = Nieuwe poging – { $line }
queue-retry-uploaded = geüpload
queue-retry-skipped = overgeslagen
queue-retry-failed = opnieuw mislukt
queue-retry-unknown = uitkomst opnieuw onbekend
queue-retry-unconfirmed = opnieuw niet bevestigd
# $reason: waarom het eerste bestand wacht (een zin).
queue-interrupted-waiting =
    { $count ->
        [one] { $count } onderbroken bestand is niet verstuurd en wacht nog. { $reason }
       *[other] { $count } onderbroken bestanden zijn niet verstuurd en wachten nog. { $reason }
    }

## Uploads afmaken die een eerdere sessie niet afmaakte.

queue-connection-removed = De verbinding ‘{ $name }’ is verwijderd.
queue-keyring-closed = De sleutelhanger is niet geopend.
queue-no-secret = Op deze computer zijn geen inloggegevens opgeslagen voor ‘{ $name }’.
queue-sandbox-not-running = De sandbox draait niet.
queue-started-from-cli = Deze upload is gestart vanaf de opdrachtregel: maak hem daar af met atsdrop resume.
