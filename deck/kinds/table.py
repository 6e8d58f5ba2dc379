"""The `table` kind: a native table that shrinks to fit, or continues with its header repeated."""

from __future__ import annotations

import re

from deck import model as m
from deck.fields import INVALID, Choice, Field, ListOf, Number, Record, plural
from deck.frozen import frozen, replace
from deck.kinds.base import CAPTION, Kind, inline_text
from deck.layout.blocks import Area, Body, Laid, caption_below, under
from deck.layout.fit import Fitter, Para, runs_of
from deck.layout.page import Box, Cell, Paragraph
from deck.layout.page import Table as TableElement
from deck.problems import Code
from deck.source.located import Map, Seq
from deck.theme import Role


@frozen
class Table:
    header: tuple[m.Rich, ...]
    rows: tuple[tuple[m.Rich, ...], ...]
    caption: m.Rich | None
    align: tuple[str, ...] = ()  # per column: left | center | right (the header's too)
    widths: tuple[float, ...] = ()  # per column: its share of the width; () by the text


ALIGNS = ("left", "center", "right")
_TOO_WIDE = "leave out columns, or split the table (a wider one cannot be read from the back of the room)"

SPEC = Record(
    "table",
    {
        "header": Field(
            ListOf(
                inline_text("a header cell", 200),
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
                    inline_text("a cell", 400),
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
        "align": Field(
            ListOf(
                Choice(ALIGNS, "a column's alignment"),
                1,
                8,
                doc="one alignment per column",
                shape="e.g. `align: [left, right, center]`",
                noun="alignment",
            ),
            False,
            "each column's alignment, left, center or right (default: numbers right, text left)",
        ),
        "widths": Field(
            ListOf(
                Number("a column's share of the table's width"),
                1,
                8,
                doc="one width per column",
                shape="e.g. `widths: [2, 1, 1]`",
                noun="width",
            ),
            False,
            "each column's share of the table's width, e.g. `[2, 1, 1]` (default: by the text)",
        ),
    },
)

ROLES = {"table": Role("table cells", 18, 14)}
# A number as a cell shows one: a sign, currency or approximation mark, digits with separators,
# a short unit after (12, −3.5, $1,200, ≈ 20,000, 175B, 45%, 2.5×, 10 ms). A pattern that re
# compiles (0.5 ms) only when a deck has a table.
_NUMBER = r"[+\-−–±≈~<>≤≥$€£¥]?\s?[$€£¥]?\d[\d,.\u2009\u202f' ]*(?:\s?(?:%|‰|[kKMBTGx×]|[a-zA-Z]{1,3}|万|亿))?"


def _build(value, node, ctx, folder):
    header, rows, ok = value["header"], value["rows"], True
    n = len(header)
    for key, code, what in (("align", "K212", "alignment"), ("widths", "K213", "width")):
        given = value.get(key)
        if given is not None and len(given) != n:
            ctx.error(
                node.get(key).where,
                code,
                f"`{key}` has {plural(len(given), what)} but the table has {plural(n, 'column')}; "
                f"give one {what} per column",
            )
            ok = False
    for width, item in zip(value.get("widths") or (), node.get("widths").items if value.get("widths") else ()):
        if width <= 0:
            ctx.error(item.where, "K213", f"a column width must be more than 0, got {width:g}; e.g. `[2, 1, 1]`")
            ok = False
    row_nodes = node.get("rows").items if isinstance(node, Map) and isinstance(node.get("rows"), Seq) else ()
    for row, row_node in zip(rows, row_nodes):
        if len(row) != len(header):
            ctx.error(
                row_node.where,
                "K211",
                f"this row has {plural(len(row), 'cell')} but the header has "
                f"{len(header)}; "
                'give every row one cell per column (an empty cell is "")',
            )
            ok = False
    if not ok:
        return INVALID
    align = value.get("align") or tuple(_default_align([row[i] for row in rows]) for i in range(n))
    return Table(header, rows, value.get("caption"), align, value.get("widths") or ())


def _default_align(column: list[m.Rich]) -> str:
    """Return 'right' for a column whose filled cells all show numbers, else 'left'."""
    filled = [c.plain.strip() for c in column if c.plain.strip()]
    return "right" if filled and all(re.fullmatch(_NUMBER, text) for text in filled) else "left"


def lay_out(content: Table, area: Area, fit: Fitter) -> Laid:
    """Return the table at the largest step at which it fits; or, when even the minimum does
    not, several tables at the theme size, each repeating the header; an error when one row
    alone cannot fit."""
    box, caption, problems = caption_below(content.caption, area, fit)
    for cell in (*content.header, *(c for row in content.rows for c in row)):
        problems += fit.coverage(cell, cell.where)
    header = [Para(runs_of(c), "table") for c in content.header]
    rows = [[Para(runs_of(c), "table") for c in row] for row in content.rows]
    inset = fit.inset("table")
    widths = _shares(content.widths, box.w) if content.widths else _column_widths([header, *rows], box.w, fit, inset)
    for k in range(fit.max_steps(["table"]) + 1):
        heights = [_row_height(r, widths, fit, k, inset) for r in [header, *rows]]
        if sum(heights) <= box.h:
            problems += fit.shrunk(area.where, "the table", "table", fit.size("table", k))
            table = _table(header, rows, widths, heights, fit, k, box, content.align)
            return [Body((table, *under(caption, table.box, fit)))], problems
    bodies, current = [], []
    head_h = _row_height(header, widths, fit, 0, inset)
    for row in rows:
        h = _row_height(row, widths, fit, 0, inset)
        if head_h + h > box.h:
            error = area.where.error("L107", "a table row is too tall to fit on a slide even alone; shorten its cells")
            return [Body(())], [*problems, error]
        if current and head_h + sum(x for _, x in current) + h > box.h:
            bodies.append(current)
            current = []
        current.append((row, h))
    bodies.append(current)
    tables = [
        _table(header, [r for r, _ in b], widths, [head_h] + [h for _, h in b], fit, 0, box, content.align)
        for b in bodies
    ]
    return [Body((t, *under(caption, t.box, fit))) for t in tables], problems


def _column_widths(rows, total: int, fit: Fitter, inset: int) -> list[int]:
    """Share `total` between columns by their longest text, each getting at least 1/(2n)."""
    n = len(rows[0])
    size = fit.size("table")
    natural = [
        max(
            fit.width(p.runs[0].text if p.runs else "", "table", size)
            if len(p.runs) == 1
            else sum(fit.width(r.text, "table", size) for r in p.runs)
            for p in (row[i] for row in rows)
        )
        + 2 * inset
        for i in range(n)
    ]
    floor = total // (2 * n)
    if sum(natural) <= total:
        extra = total - sum(natural)
        widths = [w + extra // n for w in natural]
    else:
        widths = [max(floor, total * w // sum(natural)) for w in natural]
        over = sum(widths) - total
        big = max(range(n), key=lambda i: widths[i])
        widths[big] -= over
    widths[-1] += total - sum(widths)
    return widths


def _shares(weights: tuple[float, ...], total: int) -> list[int]:
    """Return `total` EMU split in proportion to `weights`, the rounding left to the last."""
    widths = [int(total * w / sum(weights)) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _row_height(row, widths, fit: Fitter, k: int, inset: int) -> int:
    size = fit.size("table", k)
    return max(fit.lines(p, size, w - 2 * inset) for p, w in zip(row, widths)) * fit.pitch(size) + 2 * inset


def _table(header, rows, widths, heights, fit: Fitter, k: int, box: Box, align: tuple[str, ...]) -> TableElement:
    size = fit.size("table", k)

    def cell(p: Para, align: str, bold: bool = False) -> Cell:
        runs = tuple(r if not bold else replace(r, bold=True) for r in p.runs)
        return Cell((Paragraph(runs, align=align),))

    cells = (
        tuple(cell(p, a, True) for p, a in zip(header, align)),
        *(tuple(cell(p, a) for p, a in zip(r, align)) for r in rows),
    )
    return TableElement(
        Box(box.x, box.y, sum(widths), sum(heights)),
        tuple(cells),
        tuple(widths),
        tuple(heights),
        size,
        fit.pitch(size),
        fit.inset("table"),
        fit.theme.text["table"].font,
        fit.theme.text["table"].color,
    )


CODES = {
    "K211": Code(
        "ragged-table-row",
        "a table row has more or fewer cells than the header",
        "Every row of a table has one cell per header cell, so the columns line up.",
        "- title: Models\n  table:\n    header: [Model, Year]\n    rows:\n      - [GPT-3]\n  notes: n",
        'Give every row one cell per column; write an empty cell as "".',
    ),
    "K212": Code(
        "table-align-count",
        "a table's `align` does not give one alignment per column",
        "`align` lists each column's alignment (`left`, `center` or `right`) in order, one per header "
        "cell. Without it, columns of numbers are right-aligned and the others left-aligned.",
        "- title: Models\n  table:\n    header: [Model, Year]\n    rows:\n      - [GPT-3, 2020]\n"
        "    align: [left]\n  notes: n",
        "Give one alignment per column, e.g. `align: [left, right]`, or leave `align` out.",
    ),
    "K213": Code(
        "table-widths",
        "a table's `widths` does not give one positive width per column",
        "`widths` gives each column its share of the table's width, in order: `[2, 1, 1]` makes the "
        "first column twice as wide as each of the others. Every width is more than 0.",
        "- title: Models\n  table:\n    header: [Model, Year]\n    rows:\n      - [GPT-3, 2020]\n"
        "    widths: [2, 0]\n  notes: n",
        "Give one positive number per column, e.g. `widths: [2, 1]`, or leave `widths` out.",
    ),
}

KIND = Kind(
    SPEC,
    _build,
    lay_out,
    "a native table",
    "the table as `{header: […], rows: [[…]]}`",
    roles=ROLES,
    codes=CODES,
)
