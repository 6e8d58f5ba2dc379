"""Parse stage: located values → the frozen Deck; the slide kinds and their registry.

A kind is one module here (its model, spec, builder, layout and text roles), or one package
named for its key when those parts are modules of their own, and one line in KINDS. Parse,
layout, the theme's roles and the JSON Schema find the kinds only through KINDS.
"""

from __future__ import annotations

from pathlib import Path

from deck import model as m
from deck.kinds import argument, bullets, chart, code, columns, image, quote, stats, steps, table, text, timeline
from deck.kinds.base import Kind
from deck.kinds.parse import read_deck
from deck.problems import Problem
from deck.source.located import Node

KINDS: dict[str, Kind] = {
    "bullets": bullets.KIND,
    "text": text.KIND,
    "columns": columns.KIND,
    "quote": quote.KIND,
    "image": image.KIND,
    "table": table.KIND,
    "chart": chart.KIND,
    "timeline": timeline.KIND,
    "steps": steps.KIND,
    "stats": stats.KIND,
    "code": code.KIND,
    "argument": argument.KIND,
}


def parse_deck(root: Node, path: Path, shown: str) -> tuple[m.Deck | None, list[Problem]]:
    """Return the Deck of outline `root` read from `path` (None if it has errors) and every
    problem found, its slides read by the kinds in KINDS."""
    return read_deck(root, path, shown, KINDS)


__all__ = ["KINDS", "Kind", "parse_deck"]
