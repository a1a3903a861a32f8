## The command line's human-readable output (`--json` output is the same in every language).

cli-verdict-ok = ok
cli-verdict-refused = refused
cli-verdict-skipped = skipped
cli-unknown-type = unknown type
cli-skipped-duplicate = added twice, checked once
cli-skipped-system-file = system file, left out
cli-whose-candidate = Whose: the candidate's ({ $evidence }).
cli-whose-candidate-name = Whose: the candidate's (their name is in it).
cli-whose-other = Whose: someone else's ({ $other }).
cli-whose-other-unnamed = Whose: someone else's (another person).
cli-whose-unknown = Whose: unknown (no name, e-mail or phone to go on).
cli-all-can-be-sent = { $total ->
        [one] The 1 file
       *[other] All { $total } files
    } can be sent to { $system } as { $label }.
cli-some-refused = { $refused } of { $total } { $total ->
        [one] file
       *[other] files
    } can't be sent to { $system } as { $label }: nothing was sent.
cli-together-refused = These files can't be sent to { $system } together as { $label }: nothing was sent.
cli-no-files = There are no files to check: the folders given are empty or hold only system files.
