"""Field validators: located values → checked Python values, each also stating its JSON Schema."""

from deck.fields.records import *  # noqa: F403 — the import point of every validator
from deck.fields.records import __all__  # noqa: F401
