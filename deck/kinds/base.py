"""What a slide kind is, and what kinds share: the Kind record, text field shorthands, the
caption field, and splitting text into paragraphs."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from deck import model as m
from deck.fields import Ctx, Field, Spec, Text
from deck.frozen import field, frozen
from deck.layout.blocks import Area, Laid
from deck.layout.fit import Fitter
from deck.problems import Code
from deck.source.located import Node
from deck.theme import Role

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


@frozen
class Kind:
    """A slide kind, registered under its content key in `deck.kinds.KINDS`.

    `spec` reads the content value; `build(value, node, ctx, folder)` gets the spec's output
    (never INVALID) and returns the kind's model object, or INVALID after recording a problem;
    `lay_out(content, area, fit)` returns its bodies (one per page) and problems. `doc` says
    what the kind shows; `write` what to write after the key when it is left empty. `roles`
    are the text roles it adds to every theme, with their defaults; `codes` the problem codes
    only it reports. `link(entries, ctx, language)`, if given, runs once all entries are read: it checks
    what slides say about this kind's slides elsewhere in the deck and returns the entries
    with those references resolved.
    """

    spec: Spec
    build: Callable[[Any, Node, Ctx, Path], Any]
    lay_out: Callable[[Any, Area, Fitter], Laid]
    doc: str
    write: str
    roles: Mapping[str, Role] = field(default_factory=dict)
    codes: Mapping[str, Code] = field(default_factory=dict)
    link: Callable[[list, Ctx, str], list] | None = None


def inline_text(doc: str, max_chars: int = 2000) -> Text:
    """A text field that may hold inline marks (read as Rich)."""
    return Text(doc=doc, inline=True, max_chars=max_chars)


def plain_text(doc: str, max_chars: int = 300) -> Text:
    """A text field read exactly as typed (a str)."""
    return Text(doc=doc, inline=False, max_chars=max_chars)


CAPTION = Field(inline_text("a caption under it", 300), False, "a caption (inline marks allowed)")


def split_paragraphs(rich: m.Rich) -> tuple[m.Rich, ...]:
    """Return `rich` split into paragraphs at blank lines; a single newline inside a paragraph
    joins its lines as Markdown does (a space between Latin words, nothing between CJK)."""
    paragraphs: list[list[m.Span]] = [[]]
    for span in rich.spans:
        for i, part in enumerate(re.split(r"\n[ \t]*\n\s*", span.text)):
            if i:
                paragraphs.append([])
            part = _LINE_BREAK.sub(_join_break, part)
            if part:
                paragraphs[-1].append(m.Span(part, span.strong, span.emphasis, span.code, span.link))
    return tuple(m.Rich(tuple(p), rich.where) for p in paragraphs if "".join(s.text for s in p).strip())


_LINE_BREAK = re.compile(r"(?<=(.))[ \t]*\n[ \t]*(?=(.))")


def _join_break(match: re.Match) -> str:
    before, after = match.group(1), match.group(2)
    return " " if before.isascii() and after.isascii() else ""
