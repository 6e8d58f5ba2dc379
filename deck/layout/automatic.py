"""The automatic slides: the title slide made from the deck's metadata, section dividers, the
agenda (once, or again at each section with the current one highlighted) and the references;
and the Draft each page is before it is numbered and placed (deck.layout)."""

from __future__ import annotations

from deck import model as m
from deck.frozen import frozen, replace
from deck.layout.blocks import Body, TooBig, continue_paragraphs
from deck.layout.fit import Para, plain, runs_of
from deck.layout.frame import Frame
from deck.layout.page import Box, Page, Paragraph, Shape, TextFrame
from deck.problems import Problem, Where


@frozen
class Draft:
    """A page before numbering: what `kind` of page it is ('title', 'section', 'content'),
    where it was written, whether it gets the frame's footer, and the section it names."""

    page: Page
    kind: str
    where: Where
    footer: bool = True
    section: str | None = None
    marker: str | None = None  # the progress marker of a slide supporting an argument's reason
    shows: str = ""  # the slide kind of a content page (bullets, columns …)


def agenda_entries(deck: m.Deck) -> list[tuple[m.Section, list[Para]]]:
    """Return the agenda: each section divider with its items, the section's name and the
    subsections its slides open (one level down)."""
    out: list[tuple[m.Section, list[Para]]] = []
    for entry in deck.slides:
        if isinstance(entry, m.Section):
            out.append((entry, [Para(plain(entry.name), "body", 1)]))
        elif out and entry.subsection and entry.subsection not in [p.runs[0].text for p in out[-1][1][1:]]:
            out[-1][1].append(Para(plain(entry.subsection), "body2", 2))
    return out


def agenda_divider(
    section: m.Section, agenda: list[tuple[m.Section, list[Para]]], frame: Frame, deck: m.Deck
) -> tuple[list[Draft], list[Problem]]:
    """Return the divider of `section` when the agenda recurs at each one: titled with the
    section's name, the agenda below with this section's items in the primary colour and
    bold, the others muted; it keeps the divider's notes and key."""
    fit = frame.fit
    problems = [p for note in section.notes for p in fit.coverage(note, note.where)]
    problems += fit.coverage(section.name, section.where)
    items = [para for _, paras in agenda for para in paras]
    current = {id(p) for s, paras in agenda if s is section for p in paras}
    drafts, more = list_pages(frame, section.name, items, section.key, section.name, deck)
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


def title_pages(deck: m.Deck, frame: Frame) -> tuple[list[Draft], list[Problem]]:
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
    return [Draft(page, "title", deck.where, footer=False)], problems


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


def section_pages(section: m.Section, frame: Frame, language: str) -> tuple[list[Draft], list[Problem]]:
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
    return [Draft(page, "section", section.where)], problems + more


def list_pages(
    frame: Frame, heading: str, items: list[Para], key: str, section: str | None, deck: m.Deck
) -> tuple[list[Draft], list[Problem]]:
    """Return an automatic list slide (agenda, references), continued as needed, and its problems."""
    where: Where = deck.where
    bottom = frame.footer_top - frame.fit.theme.gap // 2

    def lay(top: int) -> list[Body]:
        area = Box(frame.inner.x, top, frame.inner.w, bottom - top)
        return [Body((f,)) for f in continue_paragraphs(items, area, frame.fit, "Body", slot="body")]

    try:
        titles, bodies, problems = frame.continued(heading, where, lay)
    except TooBig:
        error = where.error("L107", f"an entry of the {heading} slide is too long to fit on a slide; shorten it")
        return [], [error]
    drafts = []
    for i, (shown, body) in enumerate(zip(titles, bodies)):
        page = Page("", shown, body.elements, (), key + (f"#{i + 1}" if i else ""), where.line, deck.language, section)
        # the references close the last section but are not of it: their footer names none
        drafts.append(Draft(page, "content", where, section=None if key == "references" else section))
    return drafts, problems
