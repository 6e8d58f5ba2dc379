"""Lay out a Deck into pages of positioned, fitted boxes (EMU): the automatic slides (title,
agenda, references) and section dividers (deck.layout.automatic), and each slide in the shared
frame, its body laid out by its kind; slides are numbered by their position, and each is placed
on the master's layout whose placeholders take what it shows (deck.layout.choose)."""

from __future__ import annotations

from collections.abc import Mapping

from deck import model as m
from deck.frozen import replace
from deck.layout.automatic import Draft, agenda_divider, agenda_entries, list_pages, section_pages, title_pages
from deck.layout.blocks import Area, Body, centred
from deck.layout.choose import Chooser, bind
from deck.layout.fit import CENTRE_FILL, Fitter, Para, runs_of
from deck.layout.frame import Frame
from deck.layout.house import snap
from deck.layout.masters import master_of
from deck.layout.page import Box, DocInfo, Page, Pages, Paragraph, Run
from deck.layout.variants import Variants
from deck.problems import Problem
from deck.theme import Theme

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:  # the kinds import the layout's blocks; the layout gets the registry passed in
    from deck.kinds import Kind

__all__ = ["lay_out"]


def lay_out(deck: m.Deck, theme: Theme, kinds: Mapping[str, Kind], created: str) -> tuple[Pages, list[Problem]]:
    """Return the deck as pages of boxes, and problems: warnings for shrunk or continued text,
    errors for content that cannot fit even at the theme's minimum sizes.

    `kinds` is the registry of slide kinds (`deck.kinds.KINDS`) whose layouts fill the
    slides' bodies; `created` the document date ('YYYY-MM-DDTHH:MM:SSZ') for its properties.
    The pages are placed on the layouts of the master generated from the theme, or of the
    company template's master the theme is laid on."""
    fit = Fitter(theme)
    frame = Frame.of(deck, fit)
    master = theme.template.master if theme.template is not None else master_of(fit)
    chooser = Chooser(master, (theme.width, theme.height))
    drafts: list[Draft] = []
    problems: list[Problem] = []

    def add(made: tuple[list[Draft], list[Problem]]) -> None:
        drafts.extend(made[0])
        problems.extend(made[1])

    add(title_pages(deck, frame))
    agenda = agenda_entries(deck)
    every = deck.agenda == "every-section"
    if agenda and deck.agenda != "false" and not (every and isinstance(deck.slides[0], m.Section)):
        items = [para for _, paras in agenda for para in paras]
        add(list_pages(frame, frame.words["agenda"], items, "agenda", None, deck))
    section = subsection = None
    for entry in deck.slides:
        if isinstance(entry, m.Section):
            section, subsection = entry.name, None
            if every:
                add(agenda_divider(entry, agenda, frame, deck))
            else:
                add(section_pages(entry, frame, deck.language))
        else:
            subsection = entry.subsection or subsection
            shown = frame.words["sep"].join(x for x in (section, subsection) if x) or None
            marker = frame.marker(entry.supports)
            add(_slide_pages(entry, section, frame, kinds[entry.kind], deck.language, shown, marker))
    if deck.references:
        items = [Para((Run(f"[{i + 1}] "),) + runs_of(r.text), "body2") for i, r in enumerate(deck.references)]
        add(list_pages(frame, frame.words["references"], items, "references", section, deck))
    pages = []
    variants = Variants(master) if theme.template is None else None  # a template's layouts are copied as they are
    for number, draft in enumerate(drafts, 1):
        page, more = _placed(draft, number, frame, chooser, variants)
        pages.append(page)
        problems += more
    if variants is not None:
        master = variants.master()
    info = DocInfo(deck.title, deck.subtitle or "", deck.author or "", deck.language, created)
    return Pages(tuple(pages), info, master), problems


def _placed(
    draft: Draft, number: int, frame: Frame, chooser: Chooser, variants: Variants | None
) -> tuple[Page, list[Problem]]:
    """Return the draft's page with the footer of slide `number` added (when it has one),
    placed on the master's layout that takes its content, or on a variant of it with its
    own geometry (`variants`, None on a company template's: snapped to the layout instead);
    a warning when no layout takes its content. The page is made once (perf, issue 15)."""
    page = draft.page
    elements = page.elements
    if draft.footer:
        elements = (*elements, *frame.footer(number, draft.section, draft.marker))
    choice = chooser.choose_for(page.title, elements, draft.kind)
    problems = []
    if not choice.fits:
        problems.append(
            draft.where.warning(
                "L130",
                f"no layout of the master has placeholders for this {draft.shows or draft.kind} slide's "
                f"content; it is drawn on `{choice.layout.name}` instead",
            )
        )
    title, elements = bind(page.title, elements, choice)
    if variants is None:
        page = replace(page, layout=choice.layout.name, title=title, elements=elements)
        return snap(page, choice.layout, frame.fit), problems
    return replace(
        page, layout=variants.layout_for(choice.layout, title, elements), title=title, elements=elements
    ), problems


def _slide_pages(
    slide: m.Slide, section: str | None, frame: Frame, kind: Kind, language: str, named: str | None, marker: str | None
) -> tuple[list[Draft], list[Problem]]:
    """Return the pages of one slide (several when its body continues), their footers naming
    `named` (the section and subsection) with the progress `marker`, and their problems."""
    fit, inner, gap = frame.fit, frame.inner, frame.fit.theme.gap
    problems = [p for note in slide.notes for p in fit.coverage(note, note.where)]
    problems += fit.coverage(slide.title or "", slide.where)
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
    found: list[Problem] = []

    def lay(top: int) -> list[Body]:
        area = Box(inner.x, top, inner.w, bottom - top)
        bodies, more = kind.lay_out(slide.content, Area(area, slide.where), fit)
        found[:] = more
        return [centred(bodies[0], area, CENTRE_FILL)] if len(bodies) == 1 else bodies

    titles, bodies, more = frame.continued(slide.title or "", slide.where, lay)
    problems += more + found
    if len(bodies) > 1:
        problems.append(
            slide.where.warning(
                "L109",
                f"the slide's content does not fit on one slide even at the smallest size; it "
                f"continues on {len(bodies) - 1} more slide{'s' if len(bodies) > 2 else ''}",
            )
        )
    notes = tuple(Paragraph(runs_of(n), level=n.item) for n in slide.notes)
    drafts = []
    for i, (shown, body) in enumerate(zip(titles, bodies)):
        key = slide.key + (f"#{i + 1}" if i else "")
        page = Page(
            "", shown, (*body.elements, *extras), notes, key, slide.where.line, language, section, slide.background
        )
        drafts.append(Draft(page, "content", slide.where, section=named, marker=marker, shows=slide.kind))
    return drafts, problems
