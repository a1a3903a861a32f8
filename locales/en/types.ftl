# types
