"""The deck as a frozen, validated model: what the outline says, with source locations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from deck.problems import Where


@dataclass(frozen=True)
class Span:
    """Inline text with its marks: **strong**, *emphasis*, `code`, [label](link)."""

    text: str
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    link: str | None = None


@dataclass(frozen=True)
class Rich:
    """A piece of inline text: its spans and where it was written."""

    spans: tuple[Span, ...]
    where: Where

    @property
    def plain(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Section:
    name: str


@dataclass(frozen=True)
class Item:
    text: Rich
    children: tuple[Rich, ...] = ()


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Text:
    paragraphs: tuple[Rich, ...]


@dataclass(frozen=True)
class Column:
    heading: str
    bullets: tuple[Rich, ...]


@dataclass(frozen=True)
class Columns:
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Quote:
    text: Rich
    by: str | None


@dataclass(frozen=True)
class Image:
    path: Path
    alt: str
    caption: Rich | None
    pixels: tuple[int, int]  # width, height after EXIF orientation


@dataclass(frozen=True)
class Table:
    header: tuple[Rich, ...]
    rows: tuple[tuple[Rich, ...], ...]
    caption: Rich | None


@dataclass(frozen=True)
class Chart:
    type: str  # bar | column | line | pie
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    log_scale: bool
    unit: str | None
    caption: Rich | None


@dataclass(frozen=True)
class Event:
    when: str
    what: str
    detail: str | None


@dataclass(frozen=True)
class Timeline:
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Step:
    title: str
    text: Rich


@dataclass(frozen=True)
class Steps:
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Stat:
    value: str
    label: Rich


@dataclass(frozen=True)
class Stats:
    stats: tuple[Stat, ...]


Content = Section | Bullets | Text | Columns | Quote | Image | Table | Chart | Timeline | Steps | Stats


@dataclass(frozen=True)
class Cite:
    key: str
    where: Where


@dataclass(frozen=True)
class Slide:
    """One entry of `slides`. `kind` is its content key; `where` its first line."""

    kind: str
    content: Content
    title: str | None
    notes: tuple[Rich, ...]
    takeaway: Rich | None
    cite: tuple[Cite, ...]
    source: str | None
    id: str | None
    hidden: bool
    where: Where


@dataclass(frozen=True)
class Reference:
    key: str
    text: Rich


@dataclass(frozen=True)
class Deck:
    """A whole talk. `slides` excludes hidden ones; `references` are the cited ones, in
    order of first citation (the order they are numbered in)."""

    title: str
    subtitle: str | None
    author: str | None
    date: str | None
    language: str
    theme: str
    references: tuple[Reference, ...]
    slides: tuple[Slide, ...]
    path: Path
    where: Where
