"""The slide master a theme's decks are laid out on, generated from the theme: its layouts,
placeholders and text styles, from the same geometry (Grid) and fitter the slides use.

Every placeholder's box is where the slide frame or a kind puts that text on a typical slide
(a one-line title; a one-line takeaway and source under the body), its inset the fitter's
and its levels the fitter's sizes, line pitches, paragraph spacing and bullet indents: a
slide that matches its layout carries nothing but its text, and the fit measured against
these numbers is the fit the file shows. PowerPoint's standard layouts come first, then
the custom ones the kinds need (Quote, Three Columns).
"""

from __future__ import annotations

from deck.frozen import frozen
from deck.layout.fit import Fitter
from deck.layout.page import Box
from deck.theme.model import Layout, Level, Master, Placeholder

BULLETS = {1: "\u2022", 2: "\u2013"}  # • for level 1, – below it
TAKEAWAY_IDX, SOURCE_IDX = 13, 14  # the custom placeholders every content layout has
_LEVELS = 9  # outline levels PowerPoint styles


@frozen
class Grid:
    """The boxes (EMU) of the slide frame in one theme: the area inside the margins, the
    one-line title, the footer's row (slide number, section, free text, date), the title
    slide's and section divider's title boxes, and the content area of a typical slide."""

    inner: Box
    title: Box
    footer_top: int
    footer_h: int
    deck_title: Box
    deck_subtitle: Box
    section: Box
    body_top: int = 0  # content never starts above this (a company template's body kept clear of its art)

    @classmethod
    def of(cls, fit: Fitter) -> Grid:
        """Return the grid of the fitter's theme."""
        t = fit.theme
        inner = Box(
            t.margin_left,
            t.margin_top,
            t.width - t.margin_left - t.margin_right,
            t.height - t.margin_top - t.margin_bottom,
        )
        title = Box(inner.x, inner.y, inner.w, fit.pitch(fit.size("title")) + 2 * fit.inset("title"))
        footer_h = fit.pitch(fit.size("footer")) + 2 * fit.inset("footer")
        footer_top = t.height - t.margin_bottom - footer_h + fit.inset("footer")
        deck_title = Box(inner.x, inner.y + inner.h // 5, inner.w, inner.h * 2 // 5)
        rule_y = deck_title.y + deck_title.h + t.gap // 2
        deck_subtitle = Box(inner.x, rule_y + t.gap, inner.w, inner.y + inner.h - rule_y - t.gap)
        section = Box(inner.x, inner.y + inner.h // 4, inner.w, inner.h // 2)
        return cls(inner, title, footer_top, footer_h, deck_title, deck_subtitle, section)

    def content_top(self, title: Box, gap: int) -> int:
        """Return where a slide's content starts under its title box `title`."""
        return max(title.y + title.h + gap // 2, self.body_top)

    def footer_boxes(self) -> dict[str, Box]:
        """Return the footer row's boxes: slide number (right third), section (left, a third
        and a half), free text (middle third) and date (between section and number)."""
        inner, y, h = self.inner, self.footer_top, self.footer_h
        third = inner.w // 3
        return {
            "number": Box(inner.x + inner.w - third, y, third, h),
            "footer": Box(inner.x, y, third + third // 2, h),
            "text": Box(inner.x + third, y, third, h),
            "date": Box(inner.x + third + third // 2, y, third - third // 2, h),
        }


def master_of(fit: Fitter) -> Master:
    """Return the slide master of the fitter's theme: its title, body and footer
    placeholders, the text styles, and the layouts (standard, then custom)."""
    t, grid = fit.theme, Grid.of(fit)
    levels = _Levels(fit)
    body_style = tuple(levels.body(n) for n in range(1, _LEVELS + 1))
    footers = _footers(grid, levels, fit)
    area, strips = _content_area(grid, fit)
    title = _ph("title", 0, "Title", grid.title, "top", fit.inset("title"), (levels.plain("title"),))
    body = _ph("body", 1, "Text Placeholder", area, "top", fit.inset("body"), body_style)
    master_phs = (
        title,
        body,
        *(
            Placeholder(p.type, i, p.name, p.x, p.y, p.w, p.h, p.anchor, p.inset, p.levels)
            for p, i in zip(footers, (2, 3, 4))
        ),
    )

    def content(name: str, kind: str, *phs: Placeholder, frame: bool = True) -> Layout:
        return Layout(name, kind, (title, *phs, *(strips if frame else ()), *footers))

    gap = t.gap
    half = (area.w - gap) // 2
    caption_h = fit.pitch(fit.size("caption")) + 2 * fit.inset("caption")
    above_caption = Box(area.x, area.y, area.w, area.h - caption_h - gap // 3)
    caption_box = Box(area.x, area.y + area.h - caption_h, area.w, caption_h)
    caption = _ph("body", 2, "Caption", caption_box, "top", fit.inset("caption"), (levels.plain("caption", "center"),))
    mark_w = fit.size("quote") * 2
    quote = _ph(
        "body",
        1,
        "Quote",
        Box(area.x + mark_w, area.y, area.w - mark_w, area.h),
        "middle",
        fit.inset("attribution"),  # the fitter's inset for a frame holding both roles
        (levels.plain("quote"), levels.plain("attribution", "right")),
    )
    section_body = Box(grid.inner.x, grid.section.y + grid.section.h, grid.inner.w, 0)
    section_body = Box(section_body.x, section_body.y, section_body.w, grid.footer_top - t.gap // 2 - section_body.y)
    layouts = (
        Layout(
            "Title Slide",
            "title",
            (
                _ph(
                    "ctrTitle",
                    0,
                    "Title",
                    grid.deck_title,
                    "bottom",
                    fit.inset("deck_title"),
                    (levels.plain("deck_title"),),
                ),
                _ph(
                    "subTitle",
                    1,
                    "Subtitle",
                    grid.deck_subtitle,
                    "top",
                    fit.inset("deck_subtitle"),
                    (levels.plain("deck_subtitle"),),
                ),
                *footers,
            ),
        ),
        content(
            "Title and Content", "obj", _ph("obj", 1, "Content Placeholder", area, "top", fit.inset("body"), body_style)
        ),
        Layout(
            "Section Header",
            "secHead",
            (
                _ph("title", 0, "Title", grid.section, "middle", fit.inset("section"), (levels.plain("section"),)),
                _ph("body", 1, "Text Placeholder", section_body, "top", fit.inset("body"), (levels.plain("body"),)),
                *footers,
            ),
        ),
        content(
            "Two Content",
            "twoObj",
            *(
                _ph(
                    "obj",
                    i + 1,
                    "Content Placeholder",
                    Box(area.x + i * (half + gap), area.y, half, area.h),
                    "top",
                    fit.inset("body"),
                    body_style,
                )
                for i in range(2)
            ),
        ),
        content("Comparison", "twoTxTwoObj", *_columns(2, area, levels, body_style, fit)),
        content("Title Only", "titleOnly"),
        Layout("Blank", "blank", footers),
        content(
            "Content with Caption",
            "objTx",
            _ph("obj", 1, "Content Placeholder", above_caption, "top", fit.inset("body"), body_style),
            caption,
        ),
        content(
            "Picture with Caption", "picTx", _ph("pic", 1, "Picture Placeholder", above_caption, "top", 0, ()), caption
        ),
        content("Quote", "cust", quote),
        content("Three Columns", "cust", *_columns(3, area, levels, body_style, fit)),
    )
    return Master(master_phs, levels.plain("title"), body_style, levels.plain("body"), layouts)


def _ph(kind: str, idx: int, name: str, box: Box, anchor: str, inset: int, levels: tuple[Level, ...]) -> Placeholder:
    return Placeholder(kind, idx, name, box.x, box.y, box.w, box.h, anchor, inset, levels)


class _Levels:
    """Makes the Levels of a theme's text roles with the fitter's numbers."""

    def __init__(self, fit: Fitter):
        self.fit = fit

    def plain(self, role: str, align: str = "left") -> Level:
        """Return the level of text role `role` without a bullet."""
        return self._level(role, 0, 0, align)

    def body(self, n: int) -> Level:
        """Return body level `n` (1–9): • in the body role, – in body2 below it, each level
        one em further in, the bullet hanging one em."""
        role = "body" if n == 1 else "body2"
        size = self.fit.theme.text[role].size
        margin = self.fit.indent(n, size) if n <= 2 else n * size
        return self._level(role, min(n, 2), margin, "left", -(margin // n))

    def _level(self, role: str, bullet: int, margin: int, align: str, indent: int = 0) -> Level:
        style, fit = self.fit.theme.text[role], self.fit
        return Level(
            role,
            style.size,
            fit.pitch(style.size),
            fit.space_before(style.size),
            margin,
            indent,
            BULLETS[bullet] if bullet else None,
            "primary" if bullet else None,
            align,
            style.font,
            style.color,
            style.bold,
            style.italic,
        )


def _footers(grid: Grid, levels: _Levels, fit: Fitter) -> tuple[Placeholder, ...]:
    """Return the date, footer and slide-number placeholders (idx 10, 11, 12) of every layout."""
    boxes, inset = grid.footer_boxes(), fit.inset("footer")
    return (
        _ph("dt", 10, "Date Placeholder", boxes["date"], "top", inset, (levels.plain("footer", "center"),)),
        _ph("ftr", 11, "Footer Placeholder", boxes["footer"], "top", inset, (levels.plain("footer"),)),
        _ph(
            "sldNum", 12, "Slide Number Placeholder", boxes["number"], "top", inset, (levels.plain("footer", "right"),)
        ),
    )


def _content_area(grid: Grid, fit: Fitter) -> tuple[Box, tuple[Placeholder, ...]]:
    """Return the content area of a typical slide (one-line title, a one-line takeaway and
    source under it) and the takeaway and source placeholders."""
    t = fit.theme
    source_h = fit.pitch(fit.size("source")) + 2 * fit.inset("source")
    source = Box(grid.inner.x, grid.footer_top - t.gap // 2 - source_h, grid.inner.w, source_h)
    takeaway_h = fit.pitch(fit.size("takeaway")) + 2 * fit.inset("takeaway")
    x = grid.inner.x + takeaway_offset(fit)
    takeaway = Box(x, source.y - takeaway_h, grid.inner.w - (x - grid.inner.x), takeaway_h)
    top = grid.content_top(grid.title, t.gap)
    area = Box(grid.inner.x, top, grid.inner.w, takeaway.y - t.gap // 2 - top)
    levels = _Levels(fit)
    strips = (
        _ph("body", TAKEAWAY_IDX, "Takeaway", takeaway, "middle", fit.inset("takeaway"), (levels.plain("takeaway"),)),
        _ph("body", SOURCE_IDX, "Source", source, "top", fit.inset("source"), (levels.plain("source"),)),
    )
    return area, strips


def takeaway_offset(fit: Fitter) -> int:
    """Return how far the takeaway's text starts right of the content's left edge: its accent
    bar (three rules wide) and half a gap, EMU."""
    return fit.theme.rule_width * 3 + fit.theme.gap // 2


def _columns(n: int, area: Box, levels: _Levels, body_style: tuple[Level, ...], fit: Fitter) -> tuple[Placeholder, ...]:
    """Return the heading and content placeholders of `n` columns side by side (as the
    columns kind sets them: a card per column, padded by half a gap, a one-line heading)."""
    gap = fit.theme.gap
    w = (area.w - (n - 1) * gap) // n
    pad = gap // 2
    head_h = fit.pitch(fit.size("heading")) + 2 * fit.inset("heading")
    out = []
    for i in range(n):
        x = area.x + i * (w + gap) + pad
        out.append(
            _ph(
                "body",
                2 * i + 1,
                "Heading",
                Box(x, area.y + pad, w - 2 * pad, head_h),
                "top",
                fit.inset("heading"),
                (levels.plain("heading"),),
            )
        )
        body = Box(x, area.y + pad + head_h, w - 2 * pad, area.h - 2 * pad - head_h)
        out.append(_ph("obj", 2 * i + 2, "Content Placeholder", body, "top", fit.inset("body"), body_style))
    return tuple(out)
