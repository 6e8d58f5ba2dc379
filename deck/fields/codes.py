"""Problem codes of this stage (F and P…): values of the wrong shape, unknown and missing keys (F), and pictures (P)."""

from deck.problems import Code

CODES: dict[str, Code] = {}
