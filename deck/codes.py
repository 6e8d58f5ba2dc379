"""Every problem code, in one table gathered from the stages; `deck explain CODE` prints one.

A code is a letter for the stage that finds the problem and three digits: S source (YAML),
F fields, P pictures, K kinds and the deck, T themes, L layout, A lint (the talk), O output
(writing and exporting). Codes are stable: a code is never reused for another problem.
"""

from __future__ import annotations

import difflib
import re

from deck.fields.codes import CODES as FIELDS
from deck.kinds.codes import CODES as KINDS
from deck.layout.codes import CODES as LAYOUT
from deck.lint.codes import CODES as LINT
from deck.problems import Code
from deck.source.codes import CODES as SOURCE
from deck.theme.codes import CODES as THEME

PATTERN = re.compile(r"^[SFPKTLAO]\d{3}$")

OUTPUT: dict[str, Code] = {}

CODES: dict[str, Code] = {**SOURCE, **FIELDS, **KINDS, **THEME, **LAYOUT, **LINT, **OUTPUT}


def explain(code: str) -> str | None:
    """Return the long form of `code` (a code such as `F101` or its name, any case), or None
    when there is no such code."""
    key = code.upper() if code.upper() in CODES else {c.name: k for k, c in CODES.items()}.get(code.lower())
    if key is None:
        return None
    entry = CODES[key]
    return (
        f"{key} ({entry.name}): {entry.summary}\n\n{entry.explanation.strip()}\n\n"
        f"Example:\n\n{_indent(entry.example)}\n\nFix: {entry.fix.strip()}\n"
    )


def nearest(code: str) -> list[str]:
    """Return the codes and names closest to `code`, for a "did you mean" hint."""
    names = [c.name for c in CODES.values()]
    return difflib.get_close_matches(code.upper(), list(CODES), n=3, cutoff=0.6) + difflib.get_close_matches(
        code.lower(), names, n=3, cutoff=0.6
    )


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.strip("\n").splitlines())
