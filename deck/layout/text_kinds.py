"""Layout of the text kinds: bullets, text, columns, quote (and continued paragraph lists)."""

from __future__ import annotations

from deck import model as m
from deck.layout.area import Area, Body
from deck.layout.fit import Fitter, Para, plain, runs_of
from deck.layout.page import Box, Shape, TextFrame


def continue_paragraphs(paras: list[Para], box: Box, fit: Fitter, name: str) -> list[TextFrame]:
    """Return frames holding `paras` in `box`: one frame, shrunk if needed; or, when even the
    minimum sizes do not fit, several frames, each filled with as many items as fit at the
    theme size (a sub-item stays with its item). Raises TooBig when one item alone cannot fit."""
    frame = fit.fit(paras, box, name=name)
    if frame is not None:
        return [frame]
    groups: list[list[Para]] = []
    for para in paras:
        if para.level == 2 and groups:
            groups[-1].append(para)
        else:
            groups.append([para])
    frames, current = [], []
    for group in groups:
        trial = current + group
        if current and not fit.fits_at_theme_size(trial, box):
            frames.append(_fit_or_force(current, box, fit, name))
            current = list(group)
        else:
            current = trial
    if current:
        frames.append(_fit_or_force(current, box, fit, name))
    return frames


def _fit_or_force(paras: list[Para], box: Box, fit: Fitter, name: str) -> TextFrame:
    if fit.fits_at_theme_size(paras, box):
        return fit.frame(paras, box, {p.role: fit.size(p.role) for p in paras}, name=name)
    frame = fit.fit(paras, box, name=name)
    if frame is not None:
        return frame
    roles = {p.role for p in paras}
    raise TooBig(paras, {r: fit.size(r, 99) for r in roles})


class TooBig(Exception):
    """One item alone does not fit its box even at the minimum size."""

    def __init__(self, paras, sizes):
        super().__init__("item too big")
        self.paras, self.sizes = paras, sizes


def lay_bullets(content: m.Bullets, area: Area, fit: Fitter) -> list[Body]:
    paras: list[Para] = []
    for item in content.items:
        paras.append(Para(runs_of(item.text), "body", 1))
        fit.check_coverage(item.text, item.text.where)
        for child in item.children:
            paras.append(Para(runs_of(child), "body2", 2))
            fit.check_coverage(child, child.where)
    try:
        frames = continue_paragraphs(paras, area.box, fit, "Body")
    except TooBig:
        area.error(fit, "one bullet is too long to fit on a slide even at the smallest size; split it")
        return [Body(())]
    _warn_size(frames, area, fit, "the bullets")
    return [Body((f,)) for f in frames]


def lay_text(content: m.Text, area: Area, fit: Fitter) -> list[Body]:
    paras = [Para(runs_of(p), "body") for p in content.paragraphs]
    for p in content.paragraphs:
        fit.check_coverage(p, p.where)
    frame = fit.fit(paras, area.box, name="Body")
    if frame is None:
        area.error(
            fit,
            "the text does not fit on the slide even at the smallest size; shorten it, or "
            "use `bullets`, which continue on a new slide",
        )
        return [Body(())]
    _warn_size([frame], area, fit, "the text")
    return [Body((frame,))]


def lay_columns(content: m.Columns, area: Area, fit: Fitter) -> list[Body]:
    t, box = fit.theme, area.box
    n = len(content.columns)
    w = (box.w - (n - 1) * t.gap) // n
    pad = t.gap // 2
    cols = []
    for c in content.columns:
        fit.check_coverage(c.heading, area.where)
        for b in c.bullets:
            fit.check_coverage(b, b.where)
        cols.append((Para(plain(c.heading), "heading"), [Para(runs_of(b), "body", 1) for b in c.bullets]))
    inner_w = w - 2 * pad
    roles = ["heading", "body"]
    last = fit.max_steps(roles)
    for k in range(last + 1):
        sizes = {r: fit.size(r, k) for r in roles}
        with fit.keeping_words(k < last):
            head_h = max(fit.height([h], sizes, inner_w, fit.inset("heading")) for h, _ in cols)
            body_h = box.h - 2 * pad - head_h
            if all(fit.height(b, sizes, inner_w, fit.inset("body")) <= body_h for _, b in cols):
                break
    else:
        area.error(fit, "the columns do not fit even at the smallest size; shorten their bullets")
        return [Body(())]
    need = max(fit.height(b, sizes, inner_w, fit.inset("body")) for _, b in cols)
    card_h = max(head_h + need + 2 * pad, box.h * 11 // 20)  # cards hug their text, at least half the area
    body_h = card_h - 2 * pad - head_h
    elements: list = []
    for i, (head, bullets) in enumerate(cols):
        x = box.x + i * (w + t.gap)
        elements.append(Shape(Box(x, box.y, w, card_h), "rect", fill="surface", name=f"Column {i + 1} Card"))
        elements.append(Shape(Box(x, box.y, w, t.rule_width * 3), "rect", fill="primary", name=f"Column {i + 1} Rule"))
        elements.append(
            fit.frame([head], Box(x + pad, box.y + pad, inner_w, head_h), sizes, name=f"Column {i + 1} Heading")
        )
        elements.append(
            fit.frame(bullets, Box(x + pad, box.y + pad + head_h, inner_w, body_h), sizes, name=f"Column {i + 1}")
        )
    _warn_sizes(sizes, area, fit, "the columns")
    return [Body(tuple(elements))]


def lay_quote(content: m.Quote, area: Area, fit: Fitter) -> list[Body]:
    t, box = fit.theme, area.box
    fit.check_coverage(content.text, content.text.where)
    mark_w = fit.size("quote") * 2
    text_box = Box(box.x + mark_w, box.y, box.w - mark_w, box.h)
    by = [Para(plain("— " + content.by), "attribution", align="right")] if content.by else []
    paras = [Para(runs_of(content.text), "quote")] + by
    frame = fit.fit(paras, text_box, name="Quote", anchor="middle")
    if frame is None:
        area.error(fit, "the quote does not fit on the slide even at the smallest size; shorten it")
        return [Body(())]
    _warn_size([frame], area, fit, "the quote")
    bar = Shape(
        Box(box.x + mark_w // 2, box.y + box.h // 6, t.rule_width * 3, box.h * 2 // 3),
        "rect",
        fill="accent",
        name="Quote Bar",
    )
    return [Body((frame, bar))]


def _warn_size(frames: list[TextFrame], area: Area, fit: Fitter, what: str) -> None:
    smallest = min((f.size for f in frames), default=None)
    if smallest is not None:
        fit.warn_shrunk(area.where, what, frames[0].role, smallest)


def _warn_sizes(sizes: dict[str, int], area: Area, fit: Fitter, what: str) -> None:
    for role, size in sizes.items():
        if size < fit.size(role):
            fit.warn_shrunk(area.where, what, role, size)
            return
