"""Problem codes of the layout stage (L…): shrunk and continued text, text that cannot fit, uncovered characters."""

from deck.problems import Code

CODES: dict[str, Code] = {}
