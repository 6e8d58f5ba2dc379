"""The slide frame on a company's template: the Grid taken from the template's own
placeholder boxes, and frame text snapped into the placeholder it fills.

The template's content layout (a title over one body, as Title and Content) gives the title's
box and the content area: a slide's body is fitted into the template's body box, its title
into the template's title box (grown a line for a two-line title). The title slide's boxes
come from the layout with a centred title and a subtitle, a divider's from the section header's
title. Footer text (section name, slide number) moves into the template's footer placeholders
where it fits there on one line, and a title into the template's title box where it fits:
such text then sits in its placeholder with nothing moved, as a slide made in PowerPoint.
A picture on the master over one of these boxes (a logo in a corner) is an obstacle: each box
keeps a gap clear of it (a title's ends before it or starts after it; the others are cut to
their largest part beside, above or below it), and the template reading warns of it (T138).
"""

from __future__ import annotations

from deck.frozen import replace
from deck.layout.fit import Fitter, Para
from deck.layout.masters import Grid
from deck.layout.page import Box, Page, TextFrame
from deck.layout.phrases import kerned, lone_last
from deck.theme.model import Layout, Master, Placeholder

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:  # a company template is read only for a deck on one
    from deck.theme.template import Template

_SNAPPED = ("footer", "number", "date")


def template_grid(fit: Fitter) -> Grid | None:
    """Return the Grid of the fitter's theme on its company template, or None without one."""
    template = fit.theme.template
    if template is None:
        return None
    master, t = template.master, fit.theme
    from deck.theme.placeholders import content_layout  # read only for a deck on a company template

    found = content_layout(master, template.width, template.height)
    phs = {p.type: p for p in master.placeholders}
    title, body = found if found else (phs.get("title"), phs.get("body"))
    if title is None or body is None:
        return None
    gap = t.gap
    one_line = fit.pitch(fit.size("title")) + 2 * fit.inset("title")
    title_h = max(one_line, body.y - gap // 2 - title.y)
    clear = clear_of_art(_box(body), template, gap)
    inner = Box(clear.x, title.y, clear.w, clear.y + clear.h - title.y)
    footer_h = fit.pitch(fit.size("footer")) + 2 * fit.inset("footer")
    footer_top = clear.y + clear.h + gap // 2
    base = Grid.of(fit)
    deck_title, deck_subtitle = base.deck_title, base.deck_subtitle
    opening = _title_layout(master)
    if opening is not None and _holds(fit, opening[0], "deck_title") and _holds(fit, opening[1], "deck_subtitle"):
        deck_title = _beside_art(_box(opening[0]), template, gap)
        deck_subtitle = clear_of_art(_box(opening[1]), template, gap)
    section = base.section
    divider = next((la for la in master.layouts if la.type == "secHead"), None)
    heading = next((p for p in divider.placeholders if p.type == "title"), None) if divider else None
    if heading is not None and _holds(fit, heading, "section"):
        section = _beside_art(_box(heading), template, gap)
    title_box = _beside_art(Box(title.x, title.y, title.w, title_h), template, t.gap)
    body_top = clear.y if clear.y > body.y else 0
    return Grid(inner, title_box, footer_top, footer_h, deck_title, deck_subtitle, section, body_top)


def snap(page: Page, layout: Layout, fit: Fitter) -> Page:
    """Return `page` with its title and footer frames in their placeholders' own boxes where
    their text fits there as laid out (same lines), so nothing is moved off the layout; and
    each frame filling a placeholder with the placeholder's own insets (per side) where its
    text keeps its lines and fits inside them (else with the frame's own, written out)."""
    insets = fit.theme.template.insets if fit.theme.template is not None else {}

    def snapped(element):
        if not isinstance(element, TextFrame) or element.placeholder is None:
            return element
        try:
            ph = layout.placeholder_for(element.placeholder.type, element.placeholder.idx)
        except KeyError:
            return element
        if element.slot == "title":
            box, b = _box(ph), element.box
            same_column = (b.x, b.y, b.w) == (box.x, box.y, box.w)
            element = replace(element, box=box) if same_column and b.h <= box.h else element
        elif element.slot in _SNAPPED:
            element = _into(element, _box(ph), ph.anchor, fit)
        own = insets.get((layout.name, ph.idx, ph.type))
        return _inset(element, own, fit) if own is not None else element

    return replace(page, title=snapped(page.title), elements=tuple(map(snapped, page.elements)))


def _inset(frame: TextFrame, insets: tuple[int, int, int, int], fit: Fitter) -> TextFrame:
    """Return `frame` with per-side `insets` (l, t, r, b, EMU) where, measured on the inner
    width and height they leave, every paragraph keeps its lines (its line count, and where a
    viewer breaks them: the breaks the layout chose between phrases, and no lone last character)
    and all fit; else as it is."""
    left, top, right, bottom = insets
    if insets == (frame.inset,) * 4 or not frame.wrap:
        return frame
    width, height = frame.box.w - left - right, top + bottom
    own = frame.box.w - 2 * frame.inset
    for i, p in enumerate(frame.paragraphs):
        size = p.size or frame.size
        para = Para(p.runs, p.role or frame.role, p.level, p.align)
        lines = fit.lines(para, size, width, narrow=p.narrow)
        if lines != fit.lines(para, size, own, narrow=p.narrow):
            return frame
        indent = fit.indent(p.level, size) + p.narrow
        shown = fit.wrapped(para, size, width - indent)
        if shown != fit.wrapped(para, size, own - indent):
            return frame
        if lone_last(fit.wrapped(para, size, kerned(width - indent, size))[-1]) and not lone_last(shown[-1]):
            return frame  # with the room a viewer's kerning gives, one character would be left alone
        height += lines * (p.line_pitch or frame.line_pitch) + (p.space_before if i else 0)
    return replace(frame, insets=insets) if height <= frame.box.h else frame


def _into(frame: TextFrame, box: Box, anchor: str, fit: Fitter) -> TextFrame:
    """Return footer `frame` in `box` when its one line fits there, else as it is."""
    if len(frame.paragraphs) != 1 or box.h < frame.line_pitch + 2 * frame.inset:
        return frame
    para = frame.paragraphs[0]
    if fit.lines(Para(para.runs, frame.role, 0, para.align), frame.size, box.w - 2 * frame.inset) != 1:
        return frame
    return replace(frame, box=box, anchor=anchor)


def _beside_art(box: Box, template: Template, gap: int) -> Box:
    """Return `box` narrowed to keep clear of the master's art it overlaps (a logo in the
    title's corner): cut on the side the art is nearer to, a gap away from it."""
    for x, _, w, _ in template.obstacles((box.x, box.y, box.w, box.h)):
        if x + w / 2 > box.x + box.w / 2:  # on the right: end before it
            box = Box(box.x, box.y, max(x - gap - box.x, box.w // 2), box.h)
        else:
            right = box.x + box.w
            start = min(x + w + gap, box.x + box.w // 2)
            box = Box(start, box.y, right - start, box.h)
    return box


def clear_of_art(box: Box, template: Template, gap: int) -> Box:
    """Return the largest part of `box` that keeps a gap clear of the master's art over it
    (a logo in the body's corner, a drawn triangle): the box ended before or above each
    piece, or started after or below it; art as large as the box is a background, ignored."""
    for x, y, w, h in template.obstacles((box.x, box.y, box.w, box.h)):
        if x >= box.x + box.w or x + w <= box.x or y >= box.y + box.h or y + h <= box.y:
            continue  # an earlier cut left it outside
        right, bottom = box.x + box.w, box.y + box.h
        options = [
            Box(box.x, box.y, x - gap - box.x, box.h),
            Box(x + w + gap, box.y, right - x - w - gap, box.h),
            Box(box.x, box.y, box.w, y - gap - box.y),
            Box(box.x, y + h + gap, box.w, bottom - y - h - gap),
        ]
        box = max((o for o in options if o.w > 0 and o.h > 0), key=lambda o: o.w * o.h, default=box)
    return box


def _holds(fit: Fitter, ph: Placeholder, role: str) -> bool:
    """Whether placeholder `ph` holds a line of text role `role` at its smallest size."""
    size = fit.theme.text[role].min_size
    return ph.h >= fit.pitch(size) + 2 * fit.inset(role) and ph.w >= 8 * size


def _title_layout(master: Master) -> tuple[Placeholder, Placeholder] | None:
    for layout in sorted(master.layouts, key=lambda la: la.type != "title"):
        titles = [p for p in layout.placeholders if p.type in ("ctrTitle", "title")]
        subtitles = [p for p in layout.placeholders if p.type == "subTitle"]
        if titles and subtitles and titles[0].y < subtitles[0].y:
            return titles[0], subtitles[0]
    return None


def _box(p: Placeholder) -> Box:
    return Box(p.x, p.y, p.w, p.h)
