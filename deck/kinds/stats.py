"""The `stats` kind: up to six big figures, each over a label saying what it counts."""

from __future__ import annotations

from deck import model as m
from deck.fields import Field, ListOf, Record
from deck.frozen import frozen
from deck.kinds.base import Kind, inline_text, plain_text
from deck.layout.blocks import Area, Body, Laid, sizes_shrunk, uniform_sizes
from deck.layout.fit import Fitter, Para, plain, runs_of
from deck.layout.page import Box
from deck.problems import Problem
from deck.theme import Role


@frozen
class Stat:
    value: str
    label: m.Rich


@frozen
class Stats:
    stats: tuple[Stat, ...]


SPEC = ListOf(
    Record(
        "figure",
        {
            "value": Field(plain_text("the figure, as text", 24), True, "the figure as text: `175B`, `≈ 20,000`"),
            "label": Field(inline_text("what the figure counts", 120), True, "what the figure counts"),
        },
    ),
    1,
    6,
    doc="a list of figures",
    noun="figure",
    many="split the figures over two slides",
)

ROLES = {
    "stat_value": Role("big figures", 54, 32, font="heading", color="primary", bold=True),
    "stat_label": Role("what a big figure counts", 18, 14, color="muted"),
}


def lay_out(content: Stats, area: Area, fit: Fitter) -> Laid:
    """Return the figures in a grid (one row up to four, else rows of three), each value on
    one line over its label (the two one group), all at one size; an error when even the
    minimum sizes do not fit."""
    t, box = fit.theme, area.box
    n = len(content.stats)
    per_row = n if n <= 4 else 3
    rows = -(-n // per_row)
    cw = (box.w - (per_row - 1) * t.gap) // per_row
    rh = (box.h - (rows - 1) * t.gap) // rows
    problems: list[Problem] = []
    for s in content.stats:
        problems += fit.coverage(s.value, area.where)
        problems += fit.coverage(s.label, s.label.where)
    cols = [
        ([Para(plain(s.value), "stat_value", align="center")], [Para(runs_of(s.label), "stat_label", align="center")])
        for s in content.stats
    ]
    roles = ["stat_value", "stat_label"]

    def fits(s, whole):
        return all(
            fit.lines(v[0], s["stat_value"], cw - 2 * fit.inset("stat_value"), whole_words=whole) == 1
            and fit.height(v, s, cw, fit.inset("stat_value"), whole)
            + fit.height(lab, s, cw, fit.inset("stat_label"), whole)
            <= rh
            for v, lab in cols
        )

    sizes = uniform_sizes(fit, roles, fits)
    if sizes is None:
        error = area.where.error(
            "L106", "the figures do not fit even at the smallest size; shorten the values or labels"
        )
        return [Body(())], [*problems, error]
    problems += sizes_shrunk(sizes, area.where, fit, "the figures")
    value_h = fit.height(cols[0][0], sizes, cw, fit.inset("stat_value"))
    label_h = max(fit.height(lab, sizes, cw, fit.inset("stat_label")) for _, lab in cols)
    elements: list = []
    for i, (value, label) in enumerate(cols):
        r, c = divmod(i, per_row)
        in_row = min(per_row, n - r * per_row)
        x0 = box.x + (box.w - (in_row * cw + (in_row - 1) * t.gap)) // 2
        x = x0 + c * (cw + t.gap)
        y = box.y + r * (rh + t.gap) + (rh - value_h - label_h) // 2
        group = f"Figure {i + 1} Group"
        elements.append(fit.frame(value, Box(x, y, cw, value_h), sizes, name=f"Figure {i + 1}", group=group))
        label_box = Box(x, y + value_h, cw, label_h)
        elements.append(fit.frame(label, label_box, sizes, name=f"Figure {i + 1} Label", group=group))
    return [Body(tuple(elements))], problems


KIND = Kind(
    SPEC,
    lambda value, node, ctx, folder: Stats(tuple(Stat(s["value"], s["label"]) for s in value)),
    lay_out,
    "big figures",
    "the figures below it, each `- {value: …, label: …}`",
    roles=ROLES,
)
