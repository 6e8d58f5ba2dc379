"""What a kind's layout gets and gives (its area, its bodies), and the blocks kinds share:
paragraphs that continue over slides, captions, one size for several roles, shrink warnings."""

from __future__ import annotations

from collections.abc import Callable

from deck import model as m
from deck.frozen import frozen, replace
from deck.layout.fit import Fitter, Para, runs_of
from deck.layout.page import Box, Element, TextFrame
from deck.problems import Problem, Where


@frozen
class Area:
    """The box a slide's content may fill (EMU), and where the slide was written."""

    box: Box
    where: Where


@frozen
class Body:
    """The content elements of one page; a kind returns several when it continues."""

    elements: tuple[Element, ...]


# A kind's layout: (content, area, fitter) → its bodies (one per page) and the problems found.
Laid = tuple[list[Body], list[Problem]]


class TooBig(Exception):
    """One item alone does not fit its box even at the minimum size."""

    def __init__(self, paras, sizes):
        super().__init__("item too big")
        self.paras, self.sizes = paras, sizes


def continue_paragraphs(
    paras: list[Para], box: Box, fit: Fitter, name: str, slot: str | None = None
) -> list[TextFrame]:
    """Return frames holding `paras` in `box` (each in `slot`): one frame, shrunk if needed;
    or, when even the minimum sizes do not fit, several frames at the theme size, as few as
    hold the items, and balanced: each as full as the others, none a near-empty last page (a
    sub-item stays with its item). Raises TooBig when one item alone cannot fit. One frame
    that holds little grows and is centred (deck.layout.fit)."""
    frame = fit.fit(paras, box, name=name, slot=slot, grow=True)
    if frame is not None:
        return [frame]
    groups: list[list[Para]] = []
    for para in paras:
        if para.level == 2 and groups:
            groups[-1].append(para)
        else:
            groups.append([para])
    pages = _pack(groups, box, fit)
    for twentieth in range(10, 20):  # the lowest page height that takes no more pages
        lower = _pack(groups, Box(box.x, box.y, box.w, box.h * twentieth // 20), fit)
        if len(lower) == len(pages):
            pages = lower
            break
    return [_fit_or_force(page, box, fit, name, slot) for page in pages]


def _pack(groups: list[list[Para]], box: Box, fit: Fitter) -> list[list[Para]]:
    """Return the items `groups` packed into pages, each filled with as many as fit `box` at
    the theme size (an item too tall alone gets a page of its own)."""
    pages, current = [], []
    for group in groups:
        trial = current + group
        if current and not fit.fits_at_theme_size(trial, box):
            pages.append(current)
            current = list(group)
        else:
            current = trial
    if current:
        pages.append(current)
    return pages


def _fit_or_force(paras: list[Para], box: Box, fit: Fitter, name: str, slot: str | None) -> TextFrame:
    if fit.fits_at_theme_size(paras, box):
        sizes = {p.role: fit.size(p.role) for p in paras}
        anchor = fit.balanced(paras, sizes, box, fit.inset(paras[0].role))
        return fit.frame(paras, box, sizes, name=name, anchor=anchor, slot=slot)
    frame = fit.fit(paras, box, name=name, slot=slot)
    if frame is not None:
        return frame
    roles = {p.role for p in paras}
    raise TooBig(paras, {r: fit.size(r, 99) for r in roles})


def centred(body: Body, area: Box, fill: float) -> Body:
    """Return `body` moved down to the middle of `area` when its elements, starting at the
    area's top, take less than `fill` of its height (a short table, columns, a code block:
    balanced pages, deck.layout.fit); else `body` itself."""
    boxes = [e.box for e in body.elements]
    if not boxes:
        return body
    top, end = min(b.y for b in boxes), max(b.y + b.h for b in boxes)
    if top > area.y + area.h // 20 or end - top >= area.h * fill:
        return body
    dy = area.y + (area.h - (end - top)) // 2 - top
    return Body(tuple(replace(e, box=Box(e.box.x, e.box.y + dy, e.box.w, e.box.h)) for e in body.elements))


def caption_below(rich: m.Rich | None, area: Area, fit: Fitter) -> tuple[Box, list[TextFrame], list[Problem]]:
    """Return the part of `area` left above a caption (EMU), the caption's frame at the
    bottom of the area (none without a caption), and its problems."""
    box = area.box
    if rich is None:
        return box, [], []
    problems = fit.coverage(rich, rich.where)
    para = Para(runs_of(rich), "caption", align="center")
    size = fit.size("caption")
    inset = fit.inset("caption")
    h = fit.lines(para, size, box.w - 2 * inset) * fit.pitch(size) + 2 * inset
    frame = fit.frame(
        [para], Box(box.x, box.y + box.h - h, box.w, h), {"caption": size}, name="Caption", slot="caption"
    )
    return Box(box.x, box.y, box.w, box.h - h - fit.theme.gap // 3), [frame], problems


def under(caption: list[TextFrame], box: Box, fit: Fitter) -> list[TextFrame]:
    """Return the caption frame moved to sit just under `box`."""
    return [replace(c, box=Box(c.box.x, box.y + box.h + fit.theme.gap // 3, c.box.w, c.box.h)) for c in caption]


def uniform_sizes(fit: Fitter, roles: list[str], fits: Callable[[dict[str, int], bool], bool]) -> dict | None:
    """Return the sizes (role → EMU) of the first shrink step at which `fits(sizes, whole_words)`
    holds, or None. `whole_words` is true before the last step: a size that splits a word
    does not fit, so text shrinks before words break."""
    last = fit.max_steps(roles)
    for k in range(last + 1):
        sizes = {r: fit.size(r, k) for r in roles}
        if fits(sizes, k < last):
            return sizes
    return None


def frames_shrunk(frames: list[TextFrame], where: Where, fit: Fitter, what: str) -> list[Problem]:
    """Return the warning that `what` was shrunk, from the smallest of `frames` (if any was)."""
    smallest = min((f.size for f in frames), default=None)
    return [] if smallest is None else fit.shrunk(where, what, frames[0].role, smallest)


def sizes_shrunk(sizes: dict[str, int], where: Where, fit: Fitter, what: str) -> list[Problem]:
    """Return the warning that `what` was shrunk, for the first role in `sizes` below its theme size."""
    for role, size in sizes.items():
        if size < fit.size(role):
            return fit.shrunk(where, what, role, size)
    return []
