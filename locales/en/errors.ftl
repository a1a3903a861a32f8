## What a recruiting system answered, or why it could not be reached: one sentence each.

error-auth = { $system } did not accept the credentials{ $detail }: check the API key in the connection settings.
error-forbidden = { $system } refused access{ $detail }: ask your { $system } admin to give this API key the permission.
error-not-found = { $system } could not find { $what }{ $detail }: check the id.
error-rejected = { $system } refused the request: { $message }
error-too-large = { $system } says the file is too large{ $detail }: compress or split it.
error-rate-limited-after = { $system } asked atsdrop to slow down; try again in { $after }.
error-rate-limited = { $system } asked atsdrop to slow down; try again in a moment.
error-server = { $system } had a problem on its side (HTTP { $status }){ $detail }; try again in a moment.
error-network = atsdrop could not reach { $system } ({ $detail }): check the internet connection and try again.
error-timeout = { $system } did not answer in time: check the internet connection and try again.
error-unsupported = { $what } is not supported by { $system }.
error-invalid-response = { $system } sent an answer atsdrop does not understand ({ $detail }); if this keeps happening, report it.
error-maybe-stored = { $system } could not say whether it stored the file{ $detail }: atsdrop checks the candidate before sending it again.
error-answer-too-large = { $system } sent a far larger answer than expected (over { $limit }): atsdrop stopped reading it; check the address in the connection settings, and report it if it is right.
error-web-page = A web page answered instead of { $system }: sign in to the network (hotel or office Wi-Fi) and try again, or check the address in the connection settings.
error-file = { $name } could not be sent: { $reason }.
error-bad-id = “{ $id }” cannot be a { $system } id: check the id you entered.
error-config = { $sentence }
