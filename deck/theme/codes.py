"""Problem codes of this stage (T…): theme files."""

from deck.problems import Code

CODES: dict[str, Code] = {}
