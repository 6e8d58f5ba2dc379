"""The `columns` kind: two or three cards, each a heading over bullets, at one size."""

from __future__ import annotations

from dataclasses import dataclass

from deck import model as m
from deck.fields import Field, ListOf, Record
from deck.kinds.base import Kind, inline_text, plain_text
from deck.layout.blocks import Area, Body, Laid, sizes_shrunk
from deck.layout.fit import Fitter, Para, plain, runs_of
from deck.layout.page import Box, Shape
from deck.problems import Problem


@dataclass(frozen=True)
class Column:
    heading: str
    bullets: tuple[m.Rich, ...]


@dataclass(frozen=True)
class Columns:
    columns: tuple[Column, ...]


SPEC = ListOf(
    Record(
        "column",
        {
            "heading": Field(plain_text("the column's heading", 80), True, "the column's heading"),
            "bullets": Field(
                ListOf(
                    inline_text("a bullet"),
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
)


def lay_out(content: Columns, area: Area, fit: Fitter) -> Laid:
    """Return the columns as cards side by side, headings and bullets each at one size for
    all columns; an error when even the minimum sizes do not fit."""
    t, box = fit.theme, area.box
    n = len(content.columns)
    w = (box.w - (n - 1) * t.gap) // n
    pad = t.gap // 2
    cols = []
    problems: list[Problem] = []
    for c in content.columns:
        problems += fit.coverage(c.heading, area.where)
        for b in c.bullets:
            problems += fit.coverage(b, b.where)
        cols.append((Para(plain(c.heading), "heading"), [Para(runs_of(b), "body", 1) for b in c.bullets]))
    inner_w = w - 2 * pad
    roles = ["heading", "body"]
    last = fit.max_steps(roles)
    for k in range(last + 1):
        sizes = {r: fit.size(r, k) for r in roles}
        sizes["heading"] = max(sizes["heading"], sizes["body"])  # a heading is never smaller than its bullets
        whole = k < last
        head_h = max(fit.height([h], sizes, inner_w, fit.inset("heading"), whole) for h, _ in cols)
        body_h = box.h - 2 * pad - head_h
        if all(fit.height(b, sizes, inner_w, fit.inset("body"), whole) <= body_h for _, b in cols):
            break
    else:
        error = area.where.error("L106", "the columns do not fit even at the smallest size; shorten their bullets")
        return [Body(())], [*problems, error]
    need = max(fit.height(b, sizes, inner_w, fit.inset("body")) for _, b in cols)
    card_h = max(head_h + need + 2 * pad, box.h * 11 // 20)  # cards hug their text, at least half the area
    body_h = card_h - 2 * pad - head_h
    elements: list = []
    for i, (head, bullets) in enumerate(cols):
        x = box.x + i * (w + t.gap)
        elements.append(Shape(Box(x, box.y, w, card_h), "rect", fill="surface", name=f"Column {i + 1} Card"))
        elements.append(Shape(Box(x, box.y, w, t.rule_width * 3), "rect", fill="primary", name=f"Column {i + 1} Rule"))
        elements.append(
            fit.frame(
                [head],
                Box(x + pad, box.y + pad, inner_w, head_h),
                sizes,
                name=f"Column {i + 1} Heading",
                slot=f"heading{i + 1}",
            )
        )
        elements.append(
            fit.frame(
                bullets,
                Box(x + pad, box.y + pad + head_h, inner_w, body_h),
                sizes,
                name=f"Column {i + 1}",
                slot=f"column{i + 1}",
            )
        )
    return [Body(tuple(elements))], problems + sizes_shrunk(sizes, area.where, fit, "the columns")


KIND = Kind(
    SPEC,
    lambda value, node, ctx, folder: Columns(tuple(Column(c["heading"], c["bullets"]) for c in value)),
    lay_out,
    "two or three columns",
    "two or three columns below it, each `- {heading: …, bullets: […]}`",
)
