"""The `timeline` kind: events evenly spaced on a horizontal line."""

from __future__ import annotations

from deck.fields import Field, ListOf, Record
from deck.frozen import frozen, replace
from deck.kinds.base import Kind, plain_text
from deck.layout.blocks import Area, Body, Laid, sizes_shrunk, uniform_sizes
from deck.layout.fit import Fitter, Para, plain
from deck.layout.page import Box, Shape
from deck.problems import Problem


@frozen
class Event:
    when: str
    what: str
    detail: str | None


@frozen
class Timeline:
    events: tuple[Event, ...]


SPEC = ListOf(
    Record(
        "event",
        {
            "when": Field(plain_text("when, as text", 40), True, "when, as text: `2015`, `此后`"),
            "what": Field(plain_text("what happened", 120), True, "what happened"),
            "detail": Field(plain_text("a detail", 200), False, "a short detail"),
        },
    ),
    2,
    12,
    doc="a list of events",
    noun="event",
    few="add another event, or show a single event on a `text` slide",
    many="split the events over two timeline slides",
)

STAGGER_FROM = 6  # from this many events on, labels alternate above and below the line


def lay_out(content: Timeline, area: Area, fit: Fitter) -> Laid:
    """Return events evenly spaced on a horizontal line, each event (marker and text) one
    group. Up to five: `when` above the line, `what` and `detail` below. From six on, each
    event's text alternates above and below, so every label may be twice as wide as its
    share of the line. An error when even the minimum sizes do not fit."""
    t, box = fit.theme, area.box
    n = len(content.events)
    cw = box.w // n
    dot = t.gap
    problems: list[Problem] = []
    for e in content.events:
        problems += fit.coverage(e.when + e.what + (e.detail or ""), area.where)
    stagger = n >= STAGGER_FROM
    when = [Para(plain(e.when), "heading", align="center") for e in content.events]
    body = [
        [Para(plain(e.what), "small", align="center")]
        + ([Para(plain(e.detail), "caption", align="center")] if e.detail else [])
        for e in content.events
    ]
    if stagger:
        slots = [_slot(box, cw, i, min(2 * cw - t.gap // 2, box.w), t.gap) for i in range(n)]
        texts = [[replace(p, align=slots[i][2]) for p in [when[i], *body[i]]] for i in range(n)]
        above = [(texts[i], slots[i][1]) if i % 2 == 0 else None for i in range(n)]
        below = [(texts[i], slots[i][1]) if i % 2 else None for i in range(n)]
    else:
        slots = [(box.x + i * cw, cw, "center") for i in range(n)]
        above = [([w], cw) for w in when]
        below = [(b, cw) for b in body]
    roles = ["heading", "small", "caption"]

    def band(items, sizes, whole_words=False) -> int:
        return max(
            (fit.height(p, sizes, w, fit.inset("small"), whole_words, phrased=True) for p, w in filter(None, items)),
            default=0,
        )

    sizes = uniform_sizes(fit, roles, lambda s, whole: band(above, s, whole) + band(below, s, whole) + 2 * dot <= box.h)
    if sizes is None:
        error = area.where.error(
            "L106", "the timeline's events do not fit even at the smallest size; shorten `what` and `detail`"
        )
        return [Body(())], [*problems, error]
    problems += sizes_shrunk(sizes, area.where, fit, "the timeline")
    need_above, need_below = band(above, sizes), band(below, sizes)
    top = box.y + (box.h - (need_above + 2 * dot + need_below)) // 2
    line_y = top + need_above + dot
    elements: list = [
        Shape(Box(box.x, line_y, box.w, 0), "line", line="muted", line_width=t.rule_width, name="Timeline Axis")
    ]
    for i in range(n):
        centre = box.x + i * cw + cw // 2
        elements.append(
            Shape(
                Box(centre - dot // 2, line_y - dot // 2, dot, dot),
                "ellipse",
                fill="primary",
                name=f"Event {i + 1} Marker",
                group=f"Event {i + 1} Group",
            )
        )
        for item, y, h, anchor, name in (
            (above[i], top, need_above, "bottom", f"Event {i + 1} When"),
            (below[i], line_y + dot, need_below, "top", f"Event {i + 1}"),
        ):
            if item is None:
                continue
            paras, w = item
            x = slots[i][0]
            elements.append(
                fit.frame(
                    paras,
                    Box(x, y, w, h),
                    sizes,
                    name=name if not stagger else f"Event {i + 1}",
                    anchor=anchor,
                    inset=fit.inset("small"),
                    group=f"Event {i + 1} Group",
                )
            )
    return [Body(tuple(elements))], problems


def _slot(box: Box, cw: int, i: int, w: int, gap: int) -> tuple[int, int, str]:
    """Return the left edge, width and alignment of staggered event `i`'s text: centred on its
    marker, `w` wide; at an end, where that would leave the line, aligned with the line's end
    and narrowed to end a gap before its neighbour on the same side, so no two labels overlap."""
    centre = box.x + i * cw + cw // 2
    if centre - w // 2 < box.x:
        return box.x, min(w, centre + cw - gap // 4 - box.x), "left"
    if centre - w // 2 + w > box.x + box.w:
        left = max(box.x + box.w - w, centre - cw + gap // 4)
        return left, box.x + box.w - left, "right"
    return centre - w // 2, w, "center"


KIND = Kind(
    SPEC,
    lambda value, node, ctx, folder: Timeline(tuple(Event(e["when"], e["what"], e.get("detail")) for e in value)),
    lay_out,
    "events on a line",
    "the events below it, each `- {when: …, what: …}`",
)
