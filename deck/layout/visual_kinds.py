"""Layout of the visual kinds: image, table, chart, timeline, steps, stats."""

from __future__ import annotations

from dataclasses import replace

from deck import model as m
from deck.layout.area import Area, Body
from deck.layout.fit import Fitter, Para, plain, runs_of
from deck.layout.page import Box, Cell, Chart, Paragraph, Picture, Series, Shape, Table

SERIES_COLORS = ("primary", "accent", "series3", "series4", "series5", "series6")


def _caption(rich: m.Rich | None, area: Area, fit: Fitter) -> tuple[Box, list]:
    """Return the area left above a caption, and the caption's frame (if any)."""
    box = area.box
    if rich is None:
        return box, []
    fit.check_coverage(rich, rich.where)
    para = Para(runs_of(rich), "caption", align="center")
    size = fit.size("caption")
    inset = fit.inset("caption")
    h = fit.lines(para, size, box.w - 2 * inset) * fit.pitch(size) + 2 * inset
    frame = fit.frame([para], Box(box.x, box.y + box.h - h, box.w, h), {"caption": size}, name="Caption")
    return Box(box.x, box.y, box.w, box.h - h - fit.theme.gap // 3), [frame]


def lay_image(content: m.Image, area: Area, fit: Fitter) -> list[Body]:
    box, caption = _caption(content.caption, area, fit)
    pw, ph = content.pixels
    scale = min(box.w / pw, box.h / ph)
    w, h = int(pw * scale), int(ph * scale)
    pic = Picture(Box(box.x + (box.w - w) // 2, box.y + (box.h - h) // 2, w, h), content.path, content.alt)
    return [Body((pic, *caption))]


def lay_chart(content: m.Chart, area: Area, fit: Fitter) -> list[Body]:
    box, caption = _caption(content.caption, area, fit)
    style = fit.theme.text["chart"]
    chart = Chart(
        box,
        content.type,
        content.categories,
        tuple(Series(n, v) for n, v in content.series),
        content.log_scale,
        content.unit,
        style.size,
        style.font,
        style.color,
        "muted",
        SERIES_COLORS,
    )
    return [Body((chart, *caption))]


def lay_table(content: m.Table, area: Area, fit: Fitter) -> list[Body]:
    box, caption = _caption(content.caption, area, fit)
    for cell in (*content.header, *(c for row in content.rows for c in row)):
        fit.check_coverage(cell, cell.where)
    header = [Para(runs_of(c), "table") for c in content.header]
    rows = [[Para(runs_of(c), "table") for c in row] for row in content.rows]
    inset = fit.inset("table")
    widths = _column_widths([header, *rows], box.w, fit, inset)
    for k in range(fit.max_steps(["table"]) + 1):
        heights = [_row_height(r, widths, fit, k, inset) for r in [header, *rows]]
        if sum(heights) <= box.h:
            fit.warn_shrunk(area.where, "the table", "table", fit.size("table", k))
            table = _table(header, rows, widths, heights, fit, k, box)
            return [Body((table, *_under(caption, table.box, fit)))]
    bodies, current = [], []
    head_h = _row_height(header, widths, fit, 0, inset)
    for row in rows:
        h = _row_height(row, widths, fit, 0, inset)
        if head_h + h > box.h:
            area.error(fit, "a table row is too tall to fit on a slide even alone; shorten its cells")
            return [Body(())]
        if current and head_h + sum(x for _, x in current) + h > box.h:
            bodies.append(current)
            current = []
        current.append((row, h))
    bodies.append(current)
    tables = [_table(header, [r for r, _ in b], widths, [head_h] + [h for _, h in b], fit, 0, box) for b in bodies]
    return [Body((t, *_under(caption, t.box, fit))) for t in tables]


def _under(caption: list, box: Box, fit: Fitter) -> list:
    """Return the caption frame moved to sit just under `box`."""
    return [replace(c, box=Box(c.box.x, box.y + box.h + fit.theme.gap // 3, c.box.w, c.box.h)) for c in caption]


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


def _row_height(row, widths, fit: Fitter, k: int, inset: int) -> int:
    size = fit.size("table", k)
    return max(fit.lines(p, size, w - 2 * inset) for p, w in zip(row, widths)) * fit.pitch(size) + 2 * inset


def _table(header, rows, widths, heights, fit: Fitter, k: int, box: Box) -> Table:
    size = fit.size("table", k)

    def cell(p: Para, bold: bool = False) -> Cell:
        runs = tuple(r if not bold else type(r)(**{**r.__dict__, "bold": True}) for r in p.runs)
        return Cell((Paragraph(runs),))

    cells = (tuple(cell(p, True) for p in header), *(tuple(cell(p) for p in r) for r in rows))
    return Table(
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


def _uniform(fit: Fitter, roles, fits) -> dict | None:
    """Return the sizes (role → EMU) of the first step at which `fits(sizes)` holds, or None."""
    last = fit.max_steps(roles)
    for k in range(last + 1):
        sizes = {r: fit.size(r, k) for r in roles}
        with fit.keeping_words(k < last):
            if fits(sizes):
                return sizes
    return None


def _shrunk(sizes, area: Area, fit: Fitter, what: str) -> None:
    for role, size in sizes.items():
        if size < fit.size(role):
            fit.warn_shrunk(area.where, what, role, size)
            return


STAGGER_FROM = 6  # from this many events on, labels alternate above and below the line


def lay_timeline(content: m.Timeline, area: Area, fit: Fitter) -> list[Body]:
    """Events evenly spaced on a horizontal line. Up to five: `when` above the line, `what`
    and `detail` below. From six on, each event's text alternates above and below, so every
    label may be twice as wide as its share of the line."""
    t, box = fit.theme, area.box
    n = len(content.events)
    cw = box.w // n
    dot = t.gap
    for e in content.events:
        fit.check_coverage(e.when + e.what + (e.detail or ""), area.where)
    stagger = n >= STAGGER_FROM
    when = [Para(plain(e.when), "heading", align="center") for e in content.events]
    body = [
        [Para(plain(e.what), "small", align="center")]
        + ([Para(plain(e.detail), "caption", align="center")] if e.detail else [])
        for e in content.events
    ]
    if stagger:
        width = min(2 * cw - t.gap // 2, box.w)
        above = [([when[i]] + body[i], width) if i % 2 == 0 else None for i in range(n)]
        below = [([when[i]] + body[i], width) if i % 2 else None for i in range(n)]
    else:
        above = [([w], cw) for w in when]
        below = [(b, cw) for b in body]
    roles = ["heading", "small", "caption"]

    def band(items, sizes) -> int:
        return max((fit.height(p, sizes, w, fit.inset("small")) for p, w in filter(None, items)), default=0)

    sizes = _uniform(fit, roles, lambda s: band(above, s) + band(below, s) + 2 * dot <= box.h)
    if sizes is None:
        area.error(fit, "the timeline's events do not fit even at the smallest size; shorten `what` and `detail`")
        return [Body(())]
    _shrunk(sizes, area, fit, "the timeline")
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
            )
        )
        for item, y, h, anchor, name in (
            (above[i], top, need_above, "bottom", f"Event {i + 1} When"),
            (below[i], line_y + dot, need_below, "top", f"Event {i + 1}"),
        ):
            if item is None:
                continue
            paras, w = item
            x = min(max(box.x, centre - w // 2), box.x + box.w - w)
            if x != centre - w // 2:  # pushed inwards at an end: align the text with its marker
                side = "left" if x > centre - w // 2 else "right"
                x = centre - dot if side == "left" else centre + dot - w
                x = min(max(box.x, x), box.x + box.w - w)
                paras = [replace(p, align=side) for p in paras]
            elements.append(
                fit.frame(
                    paras,
                    Box(x, y, w, h),
                    sizes,
                    name=name if not stagger else f"Event {i + 1}",
                    anchor=anchor,
                    inset=fit.inset("small"),
                )
            )
    return [Body(tuple(elements))]


def lay_steps(content: m.Steps, area: Area, fit: Fitter) -> list[Body]:
    t, box = fit.theme, area.box
    n = len(content.steps)
    arrow = t.gap * 2
    cw = (box.w - (n - 1) * arrow) // n
    pad = t.gap // 2
    cols = [
        ([Para(plain(f"{i + 1}  {s.title}"), "heading")], [Para(runs_of(s.text), "small")])
        for i, s in enumerate(content.steps)
    ]
    for s in content.steps:
        fit.check_coverage(s.title, area.where)
        fit.check_coverage(s.text, s.text.where)
    inner_w = cw - 2 * pad
    roles = ["heading", "small"]

    def fits(s):
        head_h = max(fit.height(a, s, inner_w, fit.inset("heading")) for a, _ in cols)
        return all(head_h + fit.height(b, s, inner_w, fit.inset("small")) <= box.h - 2 * pad for _, b in cols)

    sizes = _uniform(fit, roles, fits)
    if sizes is None:
        area.error(fit, "the steps do not fit even at the smallest size; shorten their text")
        return [Body(())]
    _shrunk(sizes, area, fit, "the steps")
    head_h = max(fit.height(a, sizes, inner_w, fit.inset("heading")) for a, _ in cols)
    text_h = max(fit.height(b, sizes, inner_w, fit.inset("small")) for _, b in cols)
    card_h = max(head_h + text_h + 2 * pad, box.h // 2)
    top = box.y + (box.h - card_h) // 2
    elements: list = []
    for i, (head, text) in enumerate(cols):
        x = box.x + i * (cw + arrow)
        elements.append(Shape(Box(x, top, cw, card_h), "round_rect", fill="surface", name=f"Step {i + 1} Card"))
        elements.append(fit.frame(head, Box(x + pad, top + pad, inner_w, head_h), sizes, name=f"Step {i + 1} Title"))
        elements.append(
            fit.frame(
                text, Box(x + pad, top + pad + head_h, inner_w, card_h - 2 * pad - head_h), sizes, name=f"Step {i + 1}"
            )
        )
        if i < n - 1:
            elements.append(
                Shape(
                    Box(x + cw + arrow // 4, top + card_h // 2 - arrow // 2, arrow // 2, arrow),
                    "chevron",
                    fill="primary",
                    name=f"Step {i + 1} Arrow",
                )
            )
    return [Body(tuple(elements))]


def lay_stats(content: m.Stats, area: Area, fit: Fitter) -> list[Body]:
    t, box = fit.theme, area.box
    n = len(content.stats)
    per_row = n if n <= 4 else 3
    rows = -(-n // per_row)
    cw = (box.w - (per_row - 1) * t.gap) // per_row
    rh = (box.h - (rows - 1) * t.gap) // rows
    for s in content.stats:
        fit.check_coverage(s.value, area.where)
        fit.check_coverage(s.label, s.label.where)
    cols = [
        ([Para(plain(s.value), "stat_value", align="center")], [Para(runs_of(s.label), "stat_label", align="center")])
        for s in content.stats
    ]
    roles = ["stat_value", "stat_label"]

    def fits(s):
        return all(
            fit.lines(v[0], s["stat_value"], cw - 2 * fit.inset("stat_value")) == 1
            and fit.height(v, s, cw, fit.inset("stat_value")) + fit.height(lab, s, cw, fit.inset("stat_label")) <= rh
            for v, lab in cols
        )

    sizes = _uniform(fit, roles, fits)
    if sizes is None:
        area.error(fit, "the figures do not fit even at the smallest size; shorten the values or labels")
        return [Body(())]
    _shrunk(sizes, area, fit, "the figures")
    value_h = fit.height(cols[0][0], sizes, cw, fit.inset("stat_value"))
    label_h = max(fit.height(lab, sizes, cw, fit.inset("stat_label")) for _, lab in cols)
    elements: list = []
    for i, (value, label) in enumerate(cols):
        r, c = divmod(i, per_row)
        in_row = min(per_row, n - r * per_row)
        x0 = box.x + (box.w - (in_row * cw + (in_row - 1) * t.gap)) // 2
        x = x0 + c * (cw + t.gap)
        y = box.y + r * (rh + t.gap) + (rh - value_h - label_h) // 2
        elements.append(fit.frame(value, Box(x, y, cw, value_h), sizes, name=f"Figure {i + 1}"))
        elements.append(fit.frame(label, Box(x, y + value_h, cw, label_h), sizes, name=f"Figure {i + 1} Label"))
    return [Body(tuple(elements))]
