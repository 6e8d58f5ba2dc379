"""Problem codes of this stage (S…): reading YAML: encodings, characters, syntax, limits and traps."""

from deck.problems import Code

CODES: dict[str, Code] = {}
