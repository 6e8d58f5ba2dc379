"""Parse stage: located values → the frozen Deck; the slide kinds and their registry."""

from deck.kinds.parse import parse_deck
from deck.kinds.registry import KINDS

__all__ = ["KINDS", "parse_deck"]
