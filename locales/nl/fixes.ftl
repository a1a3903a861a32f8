# fixes
