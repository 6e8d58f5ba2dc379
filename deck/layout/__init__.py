"""Lay out a Deck into pages of positioned, fitted boxes (EMU): the automatic slides (title,
agenda, references), section dividers and each slide in the shared frame, its body laid out by
its kind; slides are numbered by their position."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from deck import model as m
from deck.layout.blocks import Area, TooBig, continue_paragraphs
from deck.layout.fit import Fitter, Para, plain, runs_of
from deck.layout.frame import Frame
from deck.layout.page import Box, DocInfo, Page, Pages, Paragraph, Run, Shape
from deck.problems import Problem, Where
from deck.theme import Theme

if TYPE_CHECKING:  # the kinds import the layout's blocks; the layout gets the registry passed in
    from deck.kinds import Kind

__all__ = ["lay_out"]


@dataclass(frozen=True)
class _Draft:
    """A page before numbering; `footer` says whether it gets the frame's footer, naming `section`."""

    page: Page
    footer: bool = True
    section: str | None = None


def lay_out(deck: m.Deck, theme: Theme, kinds: Mapping[str, Kind], created: str) -> tuple[Pages, list[Problem]]:
    """Return the deck as pages of boxes, and problems: warnings for shrunk or continued text,
    errors for content that cannot fit even at the theme's minimum sizes.

    `kinds` is the registry of slide kinds (`deck.kinds.KINDS`) whose layouts fill the
    slides' bodies; `created` the document date ('YYYY-MM-DDTHH:MM:SSZ') for its properties."""
    frame = Frame.of(deck, Fitter(theme))
    drafts: list[_Draft] = []
    problems: list[Problem] = []

    def add(made: tuple[list[_Draft], list[Problem]]) -> None:
        drafts.extend(made[0])
        problems.extend(made[1])

    add(_title_page(deck, frame))
    sections = [s for s in deck.slides if isinstance(s, m.Section)]
    if sections:
        items = [Para(plain(s.name), "body", 1) for s in sections]
        add(_list_pages(frame, frame.words["agenda"], items, "agenda", None, deck))
    section = None
    for entry in deck.slides:
        if isinstance(entry, m.Section):
            section = entry.name
            add(_section_page(entry, frame, deck.language))
        else:
            add(_slide_pages(entry, section, frame, kinds[entry.kind], deck.language))
    if deck.references:
        items = [Para((Run(f"[{i + 1}] "),) + runs_of(r.text), "body2") for i, r in enumerate(deck.references)]
        add(_list_pages(frame, frame.words["references"], items, "references", section, deck))
    pages = tuple(_numbered(draft, number, frame) for number, draft in enumerate(drafts, 1))
    info = DocInfo(deck.title, deck.subtitle or "", deck.author or "", deck.language, created)
    return Pages(pages, info), problems


def _numbered(draft: _Draft, number: int, frame: Frame) -> Page:
    """Return the draft's page with the footer of slide `number` added (when it has one)."""
    if not draft.footer:
        return draft.page
    return replace(draft.page, elements=(*draft.page.elements, *frame.footer(number, draft.section)))


def _title_page(deck: m.Deck, frame: Frame) -> tuple[list[_Draft], list[Problem]]:
    fit, inner, t = frame.fit, frame.inner, frame.fit.theme
    problems = fit.coverage(deck.title, deck.where)
    title_box = Box(inner.x, inner.y + inner.h // 5, inner.w, inner.h * 2 // 5)
    title, more = frame.title_or_error(
        [Para(plain(deck.title), "deck_title")],
        title_box,
        deck.where,
        "L102",
        "the talk's title does not fit the title slide even at the smallest size; shorten it",
        anchor="bottom",
    )
    problems += more
    rule_y = title_box.y + title_box.h + t.gap // 2
    rule = Shape(
        Box(inner.x + title.inset, rule_y, inner.w // 6, t.rule_width * 2), "rect", fill="primary", name="Rule"
    )
    lines = [x for x in (deck.subtitle, " · ".join(v for v in (deck.author, deck.date) if v)) if x]
    elements: list = [rule]
    if lines:
        box = Box(inner.x, rule_y + t.gap, inner.w, inner.y + inner.h - rule_y - t.gap)
        sub = fit.fit([Para(plain(x), "deck_subtitle") for x in lines], box, name="Subtitle")
        if sub is None:
            problems.append(
                deck.where.error("L103", "the subtitle, author and date do not fit the title slide; shorten them")
            )
        else:
            elements.append(sub)
    page = Page("title", title, tuple(elements), (), "title", deck.where.line, deck.language)
    return [_Draft(page, footer=False)], problems


def _section_page(section: m.Section, frame: Frame, language: str) -> tuple[list[_Draft], list[Problem]]:
    fit, inner, t = frame.fit, frame.inner, frame.fit.theme
    problems = [p for note in section.notes for p in fit.coverage(note, note.where)]
    problems += fit.coverage(section.name, section.where)
    box = Box(inner.x, inner.y + inner.h // 4, inner.w, inner.h // 2)
    title, more = frame.title_or_error(
        [Para(plain(section.name), "section")],
        box,
        section.where,
        "L104",
        "the section name does not fit even at the smallest size; shorten it",
        anchor="middle",
    )
    rule = Shape(
        Box(inner.x + title.inset, box.y - t.gap, inner.w // 8, t.rule_width * 3), "rect", fill="accent", name="Rule"
    )
    notes = tuple(Paragraph(runs_of(n)) for n in section.notes)
    page = Page("section", title, (rule,), notes, section.key, section.where.line, language)
    return [_Draft(page)], problems + more


def _slide_pages(
    slide: m.Slide, section: str | None, frame: Frame, kind: Kind, language: str
) -> tuple[list[_Draft], list[Problem]]:
    """Return the pages of one slide (several when its body continues) and their problems."""
    fit, inner, gap = frame.fit, frame.inner, frame.fit.theme.gap
    problems = [p for note in slide.notes for p in fit.coverage(note, note.where)]
    problems += fit.coverage(slide.title or "", slide.where)
    title, more = frame.title(slide.title or "", slide.where, None)
    problems += more
    bottom = frame.footer_top - gap // 2
    extras: list = []
    line = frame.source_line(slide)
    if line:
        bottom -= line.box.h
        extras.append(replace(line, box=Box(line.box.x, bottom, line.box.w, line.box.h)))
    if slide.takeaway:
        problems += fit.coverage(slide.takeaway, slide.takeaway.where)
        take, more = frame.takeaway(slide.takeaway, bottom, slide.where)
        problems += more
        if take:
            bottom = take[0].box.y - gap // 2
            extras = take + extras
    top = title.box.y + title.box.h + gap // 2
    bodies, more = kind.lay_out(slide.content, Area(Box(inner.x, top, inner.w, bottom - top), slide.where), fit)
    problems += more
    notes = tuple(Paragraph(runs_of(n)) for n in slide.notes)
    drafts = []
    for i, body in enumerate(bodies):
        if i == 0:
            shown = title
        else:
            shown, more = frame.title(slide.title or "", slide.where, frame.words["cont"])
            problems += more
        if i == 1:
            problems.append(
                slide.where.warning(
                    "L109",
                    f"the slide's content does not fit on one slide even at the smallest size; it "
                    f"continues on {len(bodies) - 1} more slide{'s' if len(bodies) > 2 else ''}",
                )
            )
        key = slide.key + (f"#{i + 1}" if i else "")
        page = Page("content", shown, (*body.elements, *extras), notes, key, slide.where.line, language)
        drafts.append(_Draft(page, section=section))
    return drafts, problems


def _list_pages(
    frame: Frame, heading: str, items: list[Para], key: str, section: str | None, deck: m.Deck
) -> tuple[list[_Draft], list[Problem]]:
    """Return an automatic list slide (agenda, references), continued as needed, and its problems."""
    where: Where = deck.where
    title, problems = frame.title(heading, where, None)
    top = title.box.y + title.box.h + frame.fit.theme.gap // 2
    area = Box(frame.inner.x, top, frame.inner.w, frame.footer_top - frame.fit.theme.gap // 2 - top)
    try:
        frames = continue_paragraphs(items, area, frame.fit, "Body")
    except TooBig:
        error = where.error("L107", f"an entry of the {heading} slide is too long to fit on a slide; shorten it")
        return [], [*problems, error]
    drafts = []
    for i, body in enumerate(frames):
        if i == 0:
            shown = title
        else:
            shown, more = frame.title(heading, where, frame.words["cont"])
            problems += more
        page = Page("content", shown, (body,), (), key + (f"#{i + 1}" if i else ""), where.line, deck.language)
        drafts.append(_Draft(page, section=section))
    return drafts, problems
