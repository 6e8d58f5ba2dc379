"""Problem codes of this stage (A…): the talk: its length and slides with too much text."""

from deck.problems import Code

CODES: dict[str, Code] = {}
