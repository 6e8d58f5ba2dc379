"""Lay out a Deck into pages of positioned, fitted boxes (EMU): the shared slide frame, the
automatic slides (title, agenda, references), and each kind's body through the registry."""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import replace

from deck import model as m
from deck.layout.fit import Fitter, Para, plain, runs_of
from deck.layout.kinds import LAYOUTS, Area, Body, TooBig, continue_paragraphs
from deck.layout.page import Box, DocInfo, Page, Pages, Paragraph, Run, Shape, TextFrame
from deck.problems import Problem, Where
from deck.theme import Theme

WORDS = {
    "en": {"agenda": "Agenda", "references": "References", "cont": " (cont.)", "source": "Source: ", "sep": " · "},
    "zh": {"agenda": "议程", "references": "参考文献", "cont": "（续）", "source": "来源：", "sep": " · "},
}
FIXED_DATE = "2000-01-01T00:00:00Z"


def words(language: str) -> dict[str, str]:
    """Return the automatic slides' words in the deck's language (Chinese or English)."""
    return WORDS["zh" if language.lower().startswith("zh") else "en"]


def lay_out(deck: m.Deck, theme: Theme) -> tuple[Pages, list[Problem]]:
    """Return the deck as pages of boxes, and problems: warnings for shrunk or continued text,
    errors for content that cannot fit even at the theme's minimum sizes."""
    problems: list[Problem] = []
    builder = _Builder(deck, theme, Fitter(theme, problems), problems)
    return Pages(tuple(builder.pages()), _info(deck)), problems


def _info(deck: m.Deck) -> DocInfo:
    return DocInfo(deck.title, deck.subtitle or "", deck.author or "", deck.language, _created(deck.date))


def _created(date: str | None) -> str:
    """Document date: from the outline's `date` when it starts with a year, else
    SOURCE_DATE_EPOCH, else a fixed date; never the clock."""
    if date:
        match = re.match(r"^\s*(\d{4})(?:\D{1,3}(\d{1,2}))?(?:\D{1,3}(\d{1,2}))?", date)
        if match:
            year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
            try:
                return _dt.datetime(year, month, day).strftime("%Y-%m-%dT00:00:00Z")
            except ValueError:
                pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return FIXED_DATE


class _Builder:
    def __init__(self, deck: m.Deck, theme: Theme, fit: Fitter, problems: list[Problem]):
        self.deck, self.theme, self.fit, self.problems = deck, theme, fit, problems
        self.words = words(deck.language)
        self.numbers = {r.key: i + 1 for i, r in enumerate(deck.references)}
        self.count = 0
        t = theme
        self.inner = Box(
            t.margin_left,
            t.margin_top,
            t.width - t.margin_left - t.margin_right,
            t.height - t.margin_top - t.margin_bottom,
        )
        size = fit.size("footer")
        self.footer_h = fit.pitch(size) + 2 * fit.inset("footer")
        self.footer_top = t.height - t.margin_bottom - self.footer_h + fit.inset("footer")

    def pages(self) -> list[Page]:
        out = [self._title_page()]
        sections = [s for s in self.deck.slides if s.kind == "section"]
        if sections:
            items = [Para(plain(s.title), "body", 1) for s in sections]
            out += self._list_pages(self.words["agenda"], items, "agenda", None, self.deck.where)
        section = None
        for slide in self.deck.slides:
            if slide.kind == "section":
                section = slide.title
            out += self._slide_pages(slide, section)
        if self.deck.references:
            items = [Para((Run(f"[{i + 1}] "),) + runs_of(r.text), "body2") for i, r in enumerate(self.deck.references)]
            out += self._list_pages(self.words["references"], items, "references", section, self.deck.where)
        return out

    # ---- pages ---------------------------------------------------------------------------

    def _title_page(self) -> Page:
        d, t, inner = self.deck, self.theme, self.inner
        self.count += 1
        self.fit.check_coverage(d.title, d.where)
        title_box = Box(inner.x, inner.y + inner.h // 5, inner.w, inner.h * 2 // 5)
        title = self._fit_or_error(
            [Para(plain(d.title), "deck_title")],
            title_box,
            d.where,
            "the talk's title does not fit the title slide even at the smallest size; shorten it",
            anchor="bottom",
        )
        rule_y = title_box.y + title_box.h + t.gap // 2
        rule = Shape(
            Box(inner.x + title.inset, rule_y, inner.w // 6, t.rule_width * 2), "rect", fill="primary", name="Rule"
        )
        lines = [x for x in (d.subtitle, " · ".join(v for v in (d.author, d.date) if v)) if x]
        elements: list = [rule]
        if lines:
            box = Box(inner.x, rule_y + t.gap, inner.w, inner.y + inner.h - rule_y - t.gap)
            paras = [Para(plain(x), "deck_subtitle") for x in lines]
            sub = self.fit.fit(paras, box, name="Subtitle")
            if sub is None:
                self.problems.append(
                    d.where.error("the subtitle, author and date do not fit the title slide; shorten them")
                )
            else:
                elements.append(sub)
        return Page("title", title, tuple(elements), (), "title", d.where.line, d.language)

    def _slide_pages(self, slide: m.Slide, section: str | None) -> list[Page]:
        for note in slide.notes:
            self.fit.check_coverage(note, note.where)
        if slide.kind == "section":
            return [self._section_page(slide)]
        self.fit.check_coverage(slide.title or "", slide.where)
        title = self._title(slide.title or "", slide.where, None)
        bottom = self.footer_top - self.theme.gap // 2
        extras: list = []
        line = self._source_line(slide)
        if line:
            bottom -= line.box.h
            extras.append(replace(line, box=Box(line.box.x, bottom, line.box.w, line.box.h)))
        if slide.takeaway:
            self.fit.check_coverage(slide.takeaway, slide.takeaway.where)
            take = self._takeaway(slide.takeaway, bottom, slide.where)
            if take:
                bottom = take[0].box.y - self.theme.gap // 2
                extras = take + extras
        top = title.box.y + title.box.h + self.theme.gap // 2
        area = Area(Box(self.inner.x, top, self.inner.w, bottom - top), slide.where)
        bodies: list[Body] = LAYOUTS[slide.kind](slide.content, area, self.fit)
        notes = tuple(Paragraph(runs_of(n)) for n in slide.notes)
        pages = []
        for i, body in enumerate(bodies):
            self.count += 1
            t = title if i == 0 else self._title(slide.title or "", slide.where, self.words["cont"])
            if i == 1:
                self.problems.append(
                    slide.where.warning(
                        f"the slide's content does not fit on one slide even at the smallest size; it "
                        f"continues on {len(bodies) - 1} more slide{'s' if len(bodies) > 2 else ''}"
                    )
                )
            key = slide.id or f"{slide.kind}@{slide.where.line}"
            pages.append(
                Page(
                    "content",
                    t,
                    (*body.elements, *extras, *self._footer(section)),
                    notes,
                    key + (f"#{i + 1}" if i else ""),
                    slide.where.line,
                    self.deck.language,
                )
            )
        return pages

    def _section_page(self, slide: m.Slide) -> Page:
        self.count += 1
        inner, t = self.inner, self.theme
        self.fit.check_coverage(slide.title, slide.where)
        box = Box(inner.x, inner.y + inner.h // 4, inner.w, inner.h // 2)
        title = self._fit_or_error(
            [Para(plain(slide.title), "section")],
            box,
            slide.where,
            "the section name does not fit even at the smallest size; shorten it",
            anchor="middle",
        )
        rule = Shape(
            Box(inner.x + title.inset, box.y - t.gap, inner.w // 8, t.rule_width * 3),
            "rect",
            fill="accent",
            name="Rule",
        )
        notes = tuple(Paragraph(runs_of(n)) for n in slide.notes)
        return Page(
            "section",
            title,
            (rule, *self._footer(None, number=True)),
            notes,
            slide.id or f"section@{slide.where.line}",
            slide.where.line,
            self.deck.language,
        )

    def _list_pages(self, heading: str, items: list[Para], key: str, section, where: Where) -> list[Page]:
        title = self._title(heading, where, None)
        top = title.box.y + title.box.h + self.theme.gap // 2
        area = Box(self.inner.x, top, self.inner.w, self.footer_top - self.theme.gap // 2 - top)
        pages = []
        try:
            frames = continue_paragraphs(items, area, self.fit, "Body")
        except TooBig:
            self.problems.append(
                where.error(f"an entry of the {heading} slide is too long to fit on a slide; shorten it")
            )
            return []
        for i, frame in enumerate(frames):
            self.count += 1
            t = title if i == 0 else self._title(heading, where, self.words["cont"])
            pages.append(
                Page(
                    "content",
                    t,
                    (frame, *self._footer(section)),
                    (),
                    key + (f"#{i + 1}" if i else ""),
                    where.line,
                    self.deck.language,
                )
            )
        return pages

    # ---- the shared frame ----------------------------------------------------------------

    def _title(self, text: str, where: Where, suffix: str | None) -> TextFrame:
        inner = self.inner
        runs = plain(text + (suffix or ""))
        one = self.fit.pitch(self.fit.size("title")) + 2 * self.fit.inset("title")
        for lines in (1, 2):
            box = Box(inner.x, inner.y, inner.w, one + (lines - 1) * self.fit.pitch(self.fit.size("title")))
            frame = self.fit.fit([Para(runs, "title")], box, name="Title", anchor="top", placeholder="title")
            if frame is not None and (frame.size == self.fit.size("title") or lines == 2):
                if frame.size < self.fit.size("title") and suffix is None:
                    self.fit.warn_shrunk(where, "the title", "title", frame.size)
                return frame
        return self._fit_or_error(
            [Para(runs, "title")],
            box,
            where,
            "the title does not fit in two lines even at the smallest size; shorten it",
        )

    def _fit_or_error(self, paras: list[Para], box: Box, where: Where, message: str, anchor: str = "top") -> TextFrame:
        """Return the slide's title fitted in `box`; where it cannot fit, record `message` as an
        error and return it at the minimum size (the page is never written)."""
        frame = self.fit.fit(paras, box, name="Title", anchor=anchor, placeholder="title")
        if frame is not None:
            return frame
        self.problems.append(where.error(message))
        return self.fit.frame(
            paras,
            box,
            {p.role: self.fit.size(p.role, 99) for p in paras},
            name="Title",
            anchor=anchor,
            placeholder="title",
        )

    def _footer(self, section: str | None, number: bool = True) -> list[TextFrame]:
        t, inner, fit = self.theme, self.inner, self.fit
        size, h, y = fit.size("footer"), self.footer_h, self.footer_top
        third = inner.w // 3
        out = []
        if t.footer.slide_number and number:
            runs = (Run(str(self.count), field="slidenum"),)
            out.append(
                fit.frame(
                    [Para(runs, "footer", align="right")],
                    Box(inner.x + inner.w - third, y, third, h),
                    {"footer": size},
                    name="Slide Number",
                )
            )
        if t.footer.section and section:
            out.append(
                fit.frame(
                    [Para(plain(section), "footer")],
                    Box(inner.x, y, third + third // 2, h),
                    {"footer": size},
                    name="Footer Section",
                )
            )
        if t.footer.text:
            out.append(
                fit.frame(
                    [Para(plain(t.footer.text), "footer", align="center")],
                    Box(inner.x + third, y, third, h),
                    {"footer": size},
                    name="Footer Text",
                )
            )
        return out

    def _source_line(self, slide: m.Slide) -> TextFrame | None:
        parts = []
        if slide.source:
            parts.append(self.words["source"] + slide.source)
        if slide.cite:
            nums = sorted({self.numbers[c.key] for c in slide.cite if c.key in self.numbers})
            if nums:
                parts.append("".join(f"[{n}]" for n in nums))
        if not parts:
            return None
        text = self.words["sep"].join(parts)
        box = Box(self.inner.x, 0, self.inner.w, 0)
        size = self.fit.size("source")
        h = self.fit.pitch(size) * self.fit.lines(Para(plain(text), "source"), size, box.w) + 2 * self.fit.inset(
            "source"
        )
        return self.fit.frame([Para(plain(text), "source")], Box(box.x, 0, box.w, h), {"source": size}, name="Source")

    def _takeaway(self, rich: m.Rich, bottom: int, where: Where) -> list | None:
        fit, inner, t = self.fit, self.inner, self.theme
        bar_w = t.rule_width * 3
        x = inner.x + bar_w + t.gap // 2
        w = inner.w - (x - inner.x)
        para = Para(runs_of(rich), "takeaway")
        for k in range(fit.max_steps(["takeaway"]) + 1):
            size = fit.size("takeaway", k)
            lines = fit.lines(para, size, w - 2 * fit.inset("takeaway"))
            if lines <= 2:
                h = lines * fit.pitch(size) + 2 * fit.inset("takeaway")
                frame = fit.frame(
                    [para], Box(x, bottom - h, w, h), {"takeaway": size}, name="Takeaway", anchor="middle"
                )
                fit.warn_shrunk(where, "the takeaway", "takeaway", size)
                bar = Shape(Box(inner.x, bottom - h, bar_w, h), "rect", fill="accent", name="Takeaway Bar")
                return [bar, frame]
        self.problems.append(where.error("the takeaway does not fit in two lines; shorten it to one sentence"))
        return None
