"""Lay out a Deck into pages of positioned, fitted boxes (EMU): the automatic slides (title,
agenda, references), section dividers and each slide in the shared frame, its body laid out by
its kind; slides are numbered by their position, and each is placed on the master's layout
whose placeholders take what it shows (deck.layout.choose)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from deck import model as m
from deck.frozen import frozen
from deck.layout.blocks import Area, Body, TooBig, centred, continue_paragraphs
from deck.layout.choose import Chooser, bind_page
from deck.layout.fit import CENTRE_FILL, Fitter, Para, plain, runs_of
from deck.layout.frame import Frame
from deck.layout.house import snap
from deck.layout.masters import master_of
from deck.layout.page import Box, DocInfo, Page, Pages, Paragraph, Run, Shape, TextFrame
from deck.layout.variants import fit_layouts
from deck.problems import Problem, Where
from deck.theme import Theme

if TYPE_CHECKING:  # the kinds import the layout's blocks; the layout gets the registry passed in
    from deck.kinds import Kind

__all__ = ["lay_out"]


@frozen
class _Draft:
    """A page before numbering: what `kind` of page it is ('title', 'section', 'content'),
    where it was written, whether it gets the frame's footer, and the section it names."""

    page: Page
    kind: str
    where: Where
    footer: bool = True
    section: str | None = None
    marker: str | None = None  # the progress marker of a slide supporting an argument's reason
    shows: str = ""  # the slide kind of a content page (bullets, columns …)


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
    drafts: list[_Draft] = []
    problems: list[Problem] = []

    def add(made: tuple[list[_Draft], list[Problem]]) -> None:
        drafts.extend(made[0])
        problems.extend(made[1])

    add(_title_page(deck, frame))
    agenda = _agenda(deck)
    every = deck.agenda == "every-section"
    if agenda and deck.agenda != "false" and not (every and isinstance(deck.slides[0], m.Section)):
        items = [para for _, paras in agenda for para in paras]
        add(_list_pages(frame, frame.words["agenda"], items, "agenda", None, deck))
    section = subsection = None
    for entry in deck.slides:
        if isinstance(entry, m.Section):
            section, subsection = entry.name, None
            if every:
                add(_agenda_divider(entry, agenda, frame, deck))
            else:
                add(_section_page(entry, frame, deck.language))
        else:
            subsection = entry.subsection or subsection
            shown = frame.words["sep"].join(x for x in (section, subsection) if x) or None
            marker = frame.marker(entry.supports)
            made, more = _slide_pages(entry, section, frame, kinds[entry.kind], deck.language)
            add(([replace(d, section=shown, marker=marker) for d in made], more))
    if deck.references:
        items = [Para((Run(f"[{i + 1}] "),) + runs_of(r.text), "body2") for i, r in enumerate(deck.references)]
        add(_list_pages(frame, frame.words["references"], items, "references", section, deck))
    pages = []
    for number, draft in enumerate(drafts, 1):
        page, more = _placed(draft, number, frame, chooser)
        pages.append(page)
        problems += more
    if theme.template is None:  # a company template's layouts are copied as they are: no variants
        pages, master = fit_layouts(pages, master)
    info = DocInfo(deck.title, deck.subtitle or "", deck.author or "", deck.language, created)
    return Pages(tuple(pages), info, master), problems


def _placed(draft: _Draft, number: int, frame: Frame, chooser: Chooser) -> tuple[Page, list[Problem]]:
    """Return the draft's page with the footer of slide `number` added (when it has one),
    placed on the master's layout that takes its content; a warning when none does."""
    page = draft.page
    if draft.footer:
        page = replace(page, elements=(*page.elements, *frame.footer(number, draft.section, draft.marker)))
    choice = chooser.choose(page, draft.kind)
    problems = []
    if not choice.fits:
        problems.append(
            draft.where.warning(
                "L130",
                f"no layout of the master has placeholders for this {draft.shows or draft.kind} slide's "
                f"content; it is drawn on `{choice.layout.name}` instead",
            )
        )
    page = bind_page(page, choice)
    if frame.fit.theme.template is not None:
        page = snap(page, choice.layout, frame.fit)
    return page, problems


def _agenda(deck: m.Deck) -> list[tuple[m.Section, list[Para]]]:
    """Return the agenda: each section divider with its items, the section's name and the
    subsections its slides open (one level down)."""
    out: list[tuple[m.Section, list[Para]]] = []
    for entry in deck.slides:
        if isinstance(entry, m.Section):
            out.append((entry, [Para(plain(entry.name), "body", 1)]))
        elif out and entry.subsection and entry.subsection not in [p.runs[0].text for p in out[-1][1][1:]]:
            out[-1][1].append(Para(plain(entry.subsection), "body2", 2))
    return out


def _agenda_divider(
    section: m.Section, agenda: list[tuple[m.Section, list[Para]]], frame: Frame, deck: m.Deck
) -> tuple[list[_Draft], list[Problem]]:
    """Return the divider of `section` when the agenda recurs at each one: titled with the
    section's name, the agenda below with this section's items in the primary colour and
    bold, the others muted; it keeps the divider's notes and key."""
    fit = frame.fit
    problems = [p for note in section.notes for p in fit.coverage(note, note.where)]
    problems += fit.coverage(section.name, section.where)
    items = [para for _, paras in agenda for para in paras]
    current = {id(p) for s, paras in agenda if s is section for p in paras}
    drafts, more = _list_pages(frame, section.name, items, section.key, section.name, deck)
    notes = tuple(Paragraph(runs_of(n)) for n in section.notes)
    out = []
    for draft in drafts:
        body = []
        for element in draft.page.elements:
            if isinstance(element, TextFrame) and element.slot == "body":
                element = _highlighted(element, items, current)
            body.append(element)
        page = replace(draft.page, elements=tuple(body), notes=notes, line=section.where.line)
        out.append(replace(draft, page=page, where=section.where))
    return out, problems + more


def _highlighted(frame: TextFrame, items: list[Para], current: set[int]) -> TextFrame:
    """Return the agenda frame with the current section's items highlighted, the others muted
    (the frame's paragraphs are `items` in order, possibly a run of them on a continued page)."""
    texts = [p.text for p in frame.paragraphs]
    start = next(i for i in range(len(items)) if [_text(p) for p in items[i : i + len(texts)]] == texts)
    paragraphs = tuple(
        replace(p, color="primary", bold=True) if id(items[start + i]) in current else replace(p, color="muted")
        for i, p in enumerate(frame.paragraphs)
    )
    return replace(frame, paragraphs=paragraphs)


def _text(para: Para) -> str:
    return "".join(r.text for r in para.runs)


def _title_page(deck: m.Deck, frame: Frame) -> tuple[list[_Draft], list[Problem]]:
    fit, grid, t = frame.fit, frame.grid, frame.fit.theme
    problems = fit.coverage(deck.title, deck.where)
    title_box, subtitle_box = _opening_boxes(deck.title, frame)
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
        Box(grid.inner.x + title.inset, rule_y, grid.inner.w // 6, t.rule_width * 2),
        "rect",
        fill="primary",
        name="Rule",
    )
    lines = [x for x in (deck.subtitle, " · ".join(v for v in (deck.author, deck.date) if v)) if x]
    elements: list = [rule]
    if lines:
        paras = [Para(plain(x), "deck_subtitle") for x in lines]
        sub = fit.fit(paras, subtitle_box, name="Subtitle", slot="subtitle")
        if sub is None:
            problems.append(
                deck.where.error("L103", "the subtitle, author and date do not fit the title slide; shorten them")
            )
        else:
            elements.append(sub)
    page = Page("", title, tuple(elements), (), "title", deck.where.line, deck.language)
    return [_Draft(page, "title", deck.where, footer=False)], problems


def _opening_boxes(text: str, frame: Frame) -> tuple[Box, Box]:
    """Return the title slide's title and subtitle boxes: the grid's, or where the title
    does not fit its box even at the smallest size (a company template's one-line title
    box), the title's grown a line or two down into the subtitle's, which starts lower."""
    fit, grid = frame.fit, frame.grid
    title, sub = grid.deck_title, grid.deck_subtitle
    if fit.theme.template is None:  # a theme's own title box is already sized for long titles
        return title, sub
    para = [Para(plain(text), "deck_title")]
    pitch = fit.pitch(fit.size("deck_title", 99))
    for extra in (0, pitch, 2 * pitch):
        grown = Box(title.x, title.y, title.w, title.h + extra)
        below = Box(sub.x, sub.y + extra, sub.w, sub.h - extra)
        if below.h > 0 and fit.fit(para, grown, name="Title") is not None:
            return grown, below
    return title, sub


def _section_page(section: m.Section, frame: Frame, language: str) -> tuple[list[_Draft], list[Problem]]:
    fit, inner, t = frame.fit, frame.inner, frame.fit.theme
    problems = [p for note in section.notes for p in fit.coverage(note, note.where)]
    problems += fit.coverage(section.name, section.where)
    box = frame.grid.section
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
    notes = tuple(Paragraph(runs_of(n), level=n.item) for n in section.notes)
    page = Page("", title, (rule,), notes, section.key, section.where.line, language, section.name, section.background)
    return [_Draft(page, "section", section.where)], problems + more


def _slide_pages(
    slide: m.Slide, section: str | None, frame: Frame, kind: Kind, language: str
) -> tuple[list[_Draft], list[Problem]]:
    """Return the pages of one slide (several when its body continues) and their problems."""
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

    titles, bodies, more = _continued(frame, slide.title or "", slide.where, lay)
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
        drafts.append(_Draft(page, "content", slide.where, section=section, shows=slide.kind))
    return drafts, problems


def _continued(
    frame: Frame, text: str, where: Where, lay: Callable[[int], list[Body]]
) -> tuple[list[TextFrame], list[Body], list[Problem]]:
    """Return the titles and bodies of a slide titled `text` whose body `lay(top)` lays out
    below `top` (EMU), and the titles' problems. When the body continues over n pages, each
    title after the first is marked ` (cont. 2/n)` … ` (cont. n/n)` and the bodies are laid out
    again below the tallest marked title, until their number settles."""
    title, problems = frame.title(text, where, None)
    gap = frame.fit.theme.gap
    top = frame.grid.content_top(title.box, gap)
    bodies = lay(top)
    if len(bodies) < 2:
        return [title], bodies, problems
    for _ in range(3):
        fitted = [frame.title(text, where, frame.part(i + 1, len(bodies))) for i in range(len(bodies))]
        need = max(frame.grid.content_top(t.box, gap) for t, _ in fitted)
        if need <= top:
            break
        top, bodies = need, lay(need)  # a lower top leaves less room: never fewer pages
    if len(fitted) != len(bodies):
        fitted = [frame.title(text, where, frame.part(i + 1, len(bodies))) for i in range(len(bodies))]
    smallest = min(t.size for t, _ in fitted)  # one size for the pages of one slide
    titles = [
        frame.fit.frame(
            [Para(plain(text + frame.part(i + 1, len(bodies))), "title")],
            t.box,
            {"title": smallest},
            name="Title",
            anchor="top",
            slot="title",
        )
        if t.size > smallest
        else t
        for i, (t, _) in enumerate(fitted)
    ]
    return titles, bodies, problems + [p for _, more in fitted for p in more]


def _list_pages(
    frame: Frame, heading: str, items: list[Para], key: str, section: str | None, deck: m.Deck
) -> tuple[list[_Draft], list[Problem]]:
    """Return an automatic list slide (agenda, references), continued as needed, and its problems."""
    where: Where = deck.where
    bottom = frame.footer_top - frame.fit.theme.gap // 2

    def lay(top: int) -> list[Body]:
        area = Box(frame.inner.x, top, frame.inner.w, bottom - top)
        return [Body((f,)) for f in continue_paragraphs(items, area, frame.fit, "Body", slot="body")]

    try:
        titles, bodies, problems = _continued(frame, heading, where, lay)
    except TooBig:
        error = where.error("L107", f"an entry of the {heading} slide is too long to fit on a slide; shorten it")
        return [], [error]
    drafts = []
    for i, (shown, body) in enumerate(zip(titles, bodies)):
        page = Page("", shown, body.elements, (), key + (f"#{i + 1}" if i else ""), where.line, deck.language, section)
        # the references close the last section but are not of it: their footer names none
        drafts.append(_Draft(page, "content", where, section=None if key == "references" else section))
    return drafts, problems
