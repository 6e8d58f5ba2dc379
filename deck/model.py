"""The deck as a frozen, validated model: what the outline says, with source locations.

Each slide kind's own model classes live in its module in `deck.kinds`."""

from __future__ import annotations

from pathlib import Path

from deck.frozen import frozen
from deck.problems import Where


@frozen
class Span:
    """Inline text with its marks: **strong**, *emphasis*, `code`, [label](link)."""

    text: str
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    link: str | None = None


@frozen
class Rich:
    """A piece of inline text: its spans and where it was written."""

    spans: tuple[Span, ...]
    where: Where

    @property
    def plain(self) -> str:
        return "".join(s.text for s in self.spans)


@frozen
class Note(Rich):
    """A paragraph of speaker notes: inline text, and its list depth (`item`: 0 a plain
    paragraph, 1 a `- ` item, 2 an item indented under one)."""

    item: int = 0


@frozen
class Cite:
    key: str
    where: Where


@frozen
class Support:
    """What a slide supports: reason `reason` of the argument on the slide with id `argument`
    (None: its claim); `number` is that argument's place among the deck's arguments (1, 2 …;
    0 before linking, or when the argument slide is hidden)."""

    argument: str
    reason: str | None
    where: Where
    number: int = 0


@frozen
class Slide:
    """A content slide of `slides`. `kind` is its content key in the kinds registry
    (`deck.kinds.KINDS`) and `content` that kind's model object; `where` is its first line."""

    kind: str
    content: object
    title: str | None
    notes: tuple[Note, ...]
    takeaway: Rich | None
    cite: tuple[Cite, ...]
    source: str | None
    id: str | None
    hidden: bool
    where: Where
    supports: Support | None = None  # the argument's reason this slide supports
    subsection: str | None = None  # the subsection it opens (shown in the footer till the next)
    background: Path | None = None  # the slide's own background picture

    @property
    def key(self) -> str:
        """A stable name for the slide: its `id`, or its kind and source line."""
        return self.id or f"{self.kind}@{self.where.line}"


@frozen
class Section:
    """A section divider of `slides`: its name (also in the agenda and the footer of the
    slides after it), notes, id, first line and own background picture."""

    name: str
    notes: tuple[Note, ...]
    id: str | None
    hidden: bool
    where: Where
    background: Path | None = None

    @property
    def key(self) -> str:
        """A stable name for the divider: its `id`, or `section@` and its source line."""
        return self.id or f"section@{self.where.line}"


Entry = Slide | Section  # an entry of `slides`


@frozen
class Reference:
    key: str
    text: Rich


@frozen
class Deck:
    """A whole talk. `slides` are its slides and section dividers, hidden ones left out;
    `references` are the cited ones, in order of first citation (the order they are numbered in)."""

    title: str
    subtitle: str | None
    author: str | None
    date: str | None
    language: str
    theme: str
    references: tuple[Reference, ...]
    slides: tuple[Entry, ...]
    path: Path
    where: Where
    agenda: str = "true"  # 'true', 'false' or 'every-section' (the agenda again at each divider)
