## Uploads: de status van elk bestand, en de samenvatting van een groep.

state-queued = in de wachtrij
state-uploading = bezig met uploaden
state-verifying = controleren
state-accepted = aangenomen, wachten
state-done = klaar
state-failed = mislukt
state-outcome-unknown = resultaat onbekend
state-skipped = overgeslagen
state-cancelled = geannuleerd
state-unconfirmed = niet bevestigd
summary-uploaded = { $count } geüpload
summary-failed = { $count } mislukt
summary-unknown = { $count } met onbekend resultaat
summary-skipped = { $count } overgeslagen
summary-cancelled = { $count } geannuleerd
summary-unconfirmed = { $count } niet bevestigd
summary-nothing = Niets om te uploaden
