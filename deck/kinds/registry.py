"""Slide kinds: for each content key, the shape of its value and how it becomes a model object."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deck import model as m
from deck.fields import (
    INVALID,
    Bool,
    Choice,
    Ctx,
    Either,
    Field,
    ListOf,
    MapOf,
    Number,
    Record,
    Spec,
    Text,
    is_map,
    is_scalar,
    plural,
)
from deck.fields.base import is_blank
from deck.fields.inline import parse_inline
from deck.fields.pictures import ImagePath
from deck.problems import Where, cut
from deck.source.located import Map, Node, Scalar, Seq


@dataclass(frozen=True)
class Kind:
    """A slide kind: the spec of its content value and the builder of its model object.

    `build(value, node, ctx, folder)` gets the spec's output (never INVALID) and returns the
    content, or INVALID after recording a problem.
    """

    spec: Spec
    build: Callable[[Any, Node, Ctx, Path], Any]
    doc: str
    write: str  # what to write after the key, for a message about a key left empty


def _text(doc: str, max_chars: int = 2000) -> Text:
    return Text(doc=doc, inline=True, max_chars=max_chars)


def _plain(doc: str, max_chars: int = 300) -> Text:
    return Text(doc=doc, inline=False, max_chars=max_chars)


# ---- bullets -----------------------------------------------------------------------------


class BulletsSpec(Spec):
    """A list of items (text, or {text, bullets}) or one Markdown-list block string."""

    doc = "a list of bullets, or a Markdown list block (`- item`, sub-items indented by two spaces)"
    empty_is_missing = True
    item = Record(
        "bullet with sub-bullets",
        {
            "text": Field(_text("the bullet's text"), True, "the bullet's text"),
            "bullets": Field(
                ListOf(_text("a sub-bullet"), 1, 12, noun="sub-bullet", many="split them over more bullets or slides"),
                True,
                "its sub-bullets (text)",
            ),
        },
    )
    items = ListOf(
        Either(
            (
                (lambda n: is_map(n) and bool({"text", "bullets"} & set(n.keys())), item),
                (lambda n: is_scalar(n) or is_map(n), _text("a bullet")),
            ),
            "a bullet: text, or `{text, bullets}`",
        ),
        1,
        60,
        noun="bullet",
        few="write the bullets below `bullets:`, one per line starting with `- `",
    )

    def expected(self) -> str:
        return self.doc

    def read(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, Scalar) and not is_blank(node):
            if node.style not in ("|", ">") and "\n" not in node.text.strip() and not _MD_ITEM.match(node.text):
                return ctx.error(
                    node.where,
                    f"expected the bullets as a list, got `{cut(node.text, 40)}`; write "
                    "each bullet on its own line below `bullets:`, starting with `- `",
                )
            return _markdown_list(node, ctx)
        value = self.items.read(node, ctx)
        if value is INVALID:
            return INVALID
        return tuple(m.Item(v["text"], v["bullets"]) if isinstance(v, dict) else m.Item(v) for v in value)

    def schema(self) -> dict:
        return {"anyOf": [self.items.schema(), {"type": "string", "pattern": r"^\s*[-*] "}], "description": self.doc}


_MD_ITEM = re.compile(r"^( *)[-*] (.*)$")


def _markdown_list(node: Scalar, ctx: Ctx) -> Any:
    """Read a block string of `- item` lines (sub-items indented) into items.

    A line that does not start with `- ` continues the item above it (joined with a space
    between Latin words, with nothing between CJK characters).
    """
    first = node.where.line + (1 if node.style in ("|", ">") else 0)
    raw: list[tuple[Where, list[str], list[tuple[Where, list[str]]]]] = []
    ok = True
    for index, line in enumerate(node.text.split("\n")):
        if not line.strip():
            continue
        where = Where(node.where.path, first + index, node.where.column)
        match = _MD_ITEM.match(line)
        if not match:
            if raw:
                target = raw[-1][2][-1][1] if raw[-1][2] else raw[-1][1]
                target.append(line.strip())
                continue
            ctx.error(
                where,
                f"expected a Markdown list item `- text`, got `{cut(line.strip(), 40)}`; "
                "start every bullet with `- ` (sub-bullets indented by two spaces)",
            )
            ok = False
            continue
        indent, body = len(match.group(1)), match.group(2).strip()
        if indent == 0:
            raw.append((where, [body], []))
        elif raw:
            raw[-1][2].append((where, [body]))
        else:
            ctx.error(where, "a sub-bullet comes before any bullet; remove its indentation")
            ok = False
    if not raw and ok:
        return ctx.error(
            node.where,
            "expected bullets (`- item` lines), got text; write each bullet "
            "on its own line starting with `- `, or use `text:` for a paragraph",
        )
    if not ok:
        return INVALID

    def rich(where: Where, parts: list[str]) -> m.Rich:
        value, problems = parse_inline(_join_lines(parts), where)
        ctx.problems.extend(problems)
        return value

    return tuple(m.Item(rich(w, t), tuple(rich(cw, ct) for cw, ct in subs)) for w, t, subs in raw)


def _join_lines(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        out += (" " if out[-1:].isascii() and part[:1].isascii() else "") + part
    return out


# ---- builders ----------------------------------------------------------------------------


def _build_columns(value, node, ctx, folder):
    return m.Columns(tuple(m.Column(c["heading"], c["bullets"]) for c in value))


def _build_quote(value, node, ctx, folder):
    return m.Quote(value["text"], value.get("by"))


def _build_image(value, node, ctx, folder):
    path, pixels = value["path"]
    return m.Image(path, value["alt"], value.get("caption"), pixels)


def _build_table(value, node, ctx, folder):
    header, rows, ok = value["header"], value["rows"], True
    row_nodes = node.get("rows").items if isinstance(node, Map) and isinstance(node.get("rows"), Seq) else ()
    for row, row_node in zip(rows, row_nodes):
        if len(row) != len(header):
            ctx.error(
                row_node.where,
                f"this row has {plural(len(row), 'cell')} but the header has "
                f"{len(header)}; "
                'give every row one cell per column (an empty cell is "")',
            )
            ok = False
    return m.Table(header, rows, value.get("caption")) if ok else INVALID


def _build_chart(value, node, ctx, folder):
    kind, cats, series = value["type"], value["categories"], value["series"]
    log = value.get("log_scale", False)
    ok = True
    for name, (where, values) in series.items():
        if values is INVALID:
            ok = False
            continue
        if len(values) != len(cats):
            ctx.error(
                where,
                f"series `{cut(name, 30)}` has {plural(len(values), 'value')} but there "
                f"{'is' if len(cats) == 1 else 'are'} {len(cats)} categor{'y' if len(cats) == 1 else 'ies'}; "
                "give one value per category",
            )
            ok = False
        if log and any(v <= 0 for v in values):
            ctx.error(
                where,
                f"series `{cut(name, 30)}` has a value ≤ 0, which a log scale cannot show; "
                "remove `log_scale` or use positive values",
            )
            ok = False
        if kind == "pie" and any(v < 0 for v in values):
            ctx.error(where, "a pie cannot show negative values")
            ok = False
    where = node.where
    if kind == "pie" and len(series) != 1:
        ctx.error(where, f"a pie chart has exactly one series, got {len(series)}; use `column` to compare series")
        ok = False
    if kind == "pie" and len(cats) > MAX_SERIES:
        ctx.error(
            where,
            f"a pie chart shows at most {MAX_SERIES} slices (one colour each), got {len(cats)}; "
            "group the small ones as one category (e.g. `Other`), or use `bar`",
        )
        ok = False
    if kind == "pie" and log:
        ctx.error(where, "a pie chart cannot have a log scale; remove `log_scale` or use `bar`/`column`")
        ok = False
    if not ok:
        return INVALID
    return m.Chart(
        kind,
        tuple(c for c in cats),
        tuple((n, v) for n, (_, v) in series.items()),
        log,
        value.get("unit"),
        value.get("caption"),
    )


CAPTION = Field(_text("a caption under it", 300), False, "a caption (inline marks allowed)")
MAX_SERIES = 6  # the theme's series colours; a pie's slices take them too
_TOO_WIDE = "leave out columns, or split the table (a wider one cannot be read from the back of the room)"

KINDS: dict[str, Kind] = {
    "section": Kind(
        _plain("the section's name", 120),
        lambda v, n, c, f: m.Section(v),
        "a section divider; also feeds the agenda and the footer",
        "the section's name",
    ),
    "bullets": Kind(
        BulletsSpec(),
        lambda v, n, c, f: m.Bullets(v),
        "title and a bullet list, two levels",
        "the bullets below it, one per line starting with `- `",
    ),
    "text": Kind(
        _text("a paragraph or two (blank line between paragraphs)", 3000),
        lambda v, n, c, f: m.Text(_paragraphs(v, c)),
        "title and a paragraph or two",
        "a paragraph or two",
    ),
    "columns": Kind(
        ListOf(
            Record(
                "column",
                {
                    "heading": Field(_plain("the column's heading", 80), True, "the column's heading"),
                    "bullets": Field(
                        ListOf(
                            _text("a bullet"),
                            1,
                            10,
                            noun="bullet",
                            many="shorten the column, or split the comparison over two slides",
                        ),
                        True,
                        "the column's bullets",
                    ),
                },
            ),
            2,
            3,
            doc="a list of two or three columns",
            noun="column",
            few="add a second column, or make this a `bullets` slide",
            many="split them over two slides, or compare them in a `table`",
        ),
        _build_columns,
        "two or three columns",
        "two or three columns below it, each `- {heading: …, bullets: […]}`",
    ),
    "quote": Kind(
        Record(
            "quote",
            {
                "text": Field(_text("the quoted words", 600), True, "the quoted words"),
                "by": Field(_plain("who said or wrote it", 160), False, "who said or wrote it"),
            },
        ),
        _build_quote,
        "a pull quote",
        "the quote as `{text: …, by: …}`",
    ),
    "image": Kind(
        Record(
            "image",
            {
                "path": Field(ImagePath(), True, "the picture's path, relative to the outline"),
                "alt": Field(
                    _plain("alt text describing the picture", 500),
                    True,
                    "alt text: what the picture shows, for screen readers",
                ),
                "caption": CAPTION,
            },
        ),
        _build_image,
        "a picture, scaled to fit whole",
        "the picture as `{path: …, alt: …}`",
    ),
    "table": Kind(
        Record(
            "table",
            {
                "header": Field(
                    ListOf(
                        _text("a header cell", 200),
                        1,
                        8,
                        doc="the header cells",
                        shape="e.g. `header: [Model, Year]`",
                        noun="header cell",
                        many=_TOO_WIDE,
                    ),
                    True,
                    "the header row's cells",
                ),
                "rows": Field(
                    ListOf(
                        ListOf(
                            _text("a cell", 400),
                            1,
                            8,
                            doc="a row of cells",
                            shape="e.g. `- [GPT-3, 2020]`",
                            noun="cell",
                            many=_TOO_WIDE,
                        ),
                        1,
                        60,
                        doc="the rows",
                        noun="row",
                        shape="one `- [cell, cell]` line per row",
                        many="split the rows over more slides",
                    ),
                    True,
                    "the rows, each a list of cells",
                ),
                "caption": CAPTION,
            },
        ),
        _build_table,
        "a native table",
        "the table as `{header: […], rows: [[…]]}`",
    ),
    "chart": Kind(
        Record(
            "chart",
            {
                "type": Field(
                    Choice(("bar", "column", "line", "pie"), "the chart type"), True, "bar, column, line or pie"
                ),
                "categories": Field(
                    ListOf(
                        _plain("a category", 80),
                        1,
                        50,
                        doc="the category labels",
                        shape='e.g. `categories: ["2022", "2023"]`',
                        noun="category",
                        many="group categories, or show the data as a `table`",
                    ),
                    True,
                    "the category labels",
                ),
                "series": Field(
                    MapOf(
                        ListOf(
                            Number(),
                            1,
                            50,
                            doc="one number per category",
                            shape="e.g. `[120, 340]`",
                            noun="value",
                            many="group categories, or show the data as a `table`",
                        ),
                        "the series as a mapping of name to numbers",
                        "series",
                        1,
                        MAX_SERIES,
                        "`series: {Users: [120, 340]}`",
                        f"split them over two charts (the theme has {MAX_SERIES} series colours)",
                    ),
                    True,
                    "series name → one number per category",
                ),
                "log_scale": Field(Bool(), False, "a logarithmic value axis"),
                "unit": Field(_plain("the values' unit", 40), False, "the values' unit, shown on the axis"),
                "caption": CAPTION,
            },
            extra_schema={
                "if": {"properties": {"type": {"const": "pie"}}},
                "then": {
                    "properties": {
                        "series": {"minProperties": 1, "maxProperties": 1},
                        "log_scale": {"const": False},
                        "categories": {"maxItems": MAX_SERIES},
                    }
                },
            },
        ),
        _build_chart,
        "a native, editable chart",
        "the chart as `{type: …, categories: […], series: {…}}`",
    ),
    "timeline": Kind(
        ListOf(
            Record(
                "event",
                {
                    "when": Field(_plain("when, as text", 40), True, "when, as text: `2015`, `此后`"),
                    "what": Field(_plain("what happened", 120), True, "what happened"),
                    "detail": Field(_plain("a detail", 200), False, "a short detail"),
                },
            ),
            2,
            12,
            doc="a list of events",
            noun="event",
            few="add another event, or show a single event on a `text` slide",
            many="split the events over two timeline slides",
        ),
        lambda v, n, c, f: m.Timeline(tuple(m.Event(e["when"], e["what"], e.get("detail")) for e in v)),
        "events on a line",
        "the events below it, each `- {when: …, what: …}`",
    ),
    "steps": Kind(
        ListOf(
            Record(
                "step",
                {
                    "title": Field(_plain("the step's name", 60), True, "the step's name"),
                    "text": Field(_text("what the step does", 300), True, "what the step does"),
                },
            ),
            2,
            6,
            doc="a list of steps",
            noun="step",
            few="add another step, or make this a `text` slide",
            many="merge steps, or split the process over two slides",
        ),
        lambda v, n, c, f: m.Steps(tuple(m.Step(s["title"], s["text"]) for s in v)),
        "a process, left to right",
        "the steps below it, each `- {title: …, text: …}`",
    ),
    "stats": Kind(
        ListOf(
            Record(
                "figure",
                {
                    "value": Field(_plain("the figure, as text", 24), True, "the figure as text: `175B`, `≈ 20,000`"),
                    "label": Field(_text("what the figure counts", 120), True, "what the figure counts"),
                },
            ),
            1,
            6,
            doc="a list of figures",
            noun="figure",
            many="split the figures over two slides",
        ),
        lambda v, n, c, f: m.Stats(tuple(m.Stat(s["value"], s["label"]) for s in v)),
        "big figures",
        "the figures below it, each `- {value: …, label: …}`",
    ),
}


def _paragraphs(rich: m.Rich, ctx: Ctx) -> tuple[m.Rich, ...]:
    """Split a text value into paragraphs at blank lines; a single newline inside a paragraph
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
