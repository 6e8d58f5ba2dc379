"""Problem codes of the parse stage (K…): slide kinds and the deck as a whole (ids, citations, references)."""

from deck.problems import Code

CODES: dict[str, Code] = {}
