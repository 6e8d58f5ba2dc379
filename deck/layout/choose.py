"""Choosing a page's layout: the master's layout whose placeholders take what the page shows,
told by placeholder type and geometry (never by layout name or idx number), and the page's
elements bound to those placeholders.

A layout's placeholders are read as: its title; the content placeholders (body, obj …), in
columns when there are several; pictures; strips (wide, low body placeholders: caption,
takeaway, source); the footer's date, footer and slide number. A page needs its content
slots bound exactly — one body, one object, a picture, n columns of a heading over its
content, or nothing (drawn kinds) — and takes what strips and footer placeholders the
layout has; what no placeholder takes stays a text box. Among the layouts that fit, the one
whose placeholders' text roles agree with the page's text, that leaves fewest slots and
strips unused, and comes first in the master wins.
"""

from __future__ import annotations

from deck.frozen import frozen, replace
from deck.layout.page import Element, Page, Ph, Shape
from deck.theme.model import Layout, Master, Placeholder

_CONTENT = {"body", "obj", "tbl", "chart", "dgm", "media", "clipArt"}
_GRAPHIC = {"obj", "tbl", "chart"}  # placeholders a table or chart may fill
_FOOTERS = {"footer": "ftr", "number": "sldNum", "date": "dt"}
_STRIPS = ("caption", "takeaway", "source")  # top to bottom, as strips are read without roles
_PREFERRED = {"title": "title", "section": "secHead"}  # the layout type of a title slide, a divider


@frozen
class Choice:
    """The layout chosen for a page and the placeholder of each slot it binds."""

    layout: Layout
    slots: dict[str, Placeholder]
    fits: bool  # False: no layout takes the page's content, which stays drawn on `layout`


class Chooser:
    """Chooses layouts of one master for pages of one slide size (width, height EMU), each
    layout's placeholders read once."""

    def __init__(self, master: Master, size: tuple[int, int]):
        self.layouts = [(layout, _parts(layout, size)) for layout in master.layouts]
        # Choices by what they depend on (the kind, and each slot's name and text role), so
        # pages alike are chosen for once (perf, issue 15).
        self._chosen: dict[tuple, Choice] = {}

    def choose(self, page: Page, kind: str) -> Choice:
        """Return the layout for `page` ('title', 'section' or 'content' page `kind`) and the
        placeholder bound to each slot. When no layout takes the page's content, the result
        has `fits` False and a layout without content placeholders (Title Only if any)."""
        return self.choose_for(page.title, page.elements, kind)

    def choose_for(self, title: Element, elements: tuple[Element, ...], kind: str) -> Choice:
        """Return the layout (`choose`) for a page of `kind` with this title and elements."""
        slots = _slots(title, elements)
        key = (kind, *((slot, getattr(element, "role", None)) for slot, element in slots.items()))
        chosen = self._chosen.get(key)
        if chosen is None:
            chosen = self._chosen[key] = self._choose(slots, kind)
        return Choice(chosen.layout, dict(chosen.slots), chosen.fits)

    def _choose(self, slots: dict[str, Element], kind: str) -> Choice:
        best: tuple | None = None
        for order, (layout, parts) in enumerate(self.layouts):
            bound = _bind(parts, slots, kind)
            if bound is None:
                continue
            score = (
                _type_penalty(kind, layout.type),
                sum(1 for slot, ph in bound.items() if not _agrees(ph, slots[slot])),
                layout.type == "cust",  # a standard layout before a drawn one that fits as well
                len(slots) - len(bound),
                len(parts.strips) - sum(1 for s in bound if s in _STRIPS),
                order,
            )
            if best is None or score < best[0]:
                best = (score, Choice(layout, bound, True))
        if best is not None:
            return best[1]
        return _fallback(self.layouts, slots)


def choose_layout(master: Master, page: Page, kind: str, size: tuple[int, int]) -> Choice:
    """Return the layout of `master` for `page` on a slide of `size` (see Chooser.choose)."""
    return Chooser(master, size).choose(page, kind)


def _type_penalty(kind: str, layout_type: str) -> int:
    """0 for a layout of the type a page of `kind` prefers, 1 otherwise: a title slide wants
    PowerPoint's Title Slide type, a divider Section Header, content any other type."""
    if kind in _PREFERRED:
        return 0 if layout_type == _PREFERRED[kind] else 1
    return 1 if layout_type in _PREFERRED.values() else 0


def bind_page(page: Page, choice: Choice) -> Page:
    """Return `page` on the chosen layout, each element whose slot it binds set to fill
    that placeholder."""
    title, elements = bind(page.title, page.elements, choice)
    return replace(page, layout=choice.layout.name, title=title, elements=elements)


def bind(title: Element, elements: tuple[Element, ...], choice: Choice) -> tuple[Element, tuple[Element, ...]]:
    """Return a page's title and elements (`bind_page`) each set to fill the placeholder the
    choice binds its slot to, where it does."""

    first = {id(e) for e in _slots(title, elements).values()}

    def placed(element: Element) -> Element:
        ph = choice.slots.get(getattr(element, "slot", None) or "")
        if ph is None or id(element) not in first:
            return element
        return replace(element, placeholder=Ph(ph.type, ph.idx))

    return placed(title), tuple(map(placed, elements))


def _slots(title: Element, elements: tuple[Element, ...]) -> dict[str, Element]:
    """Return a page's elements by slot: the first of each, ornaments left out."""
    slots: dict[str, Element] = {}
    for element in (title, *elements):
        slot = getattr(element, "slot", None)
        if slot and not isinstance(element, Shape):
            slots.setdefault(slot, element)
    return slots


@frozen
class _Parts:
    title: list[Placeholder]
    subtitle: list[Placeholder]
    content: list[Placeholder]
    pictures: list[Placeholder]
    strips: list[Placeholder]
    footers: dict[str, Placeholder]


def _parts(layout: Layout, size: tuple[int, int]) -> _Parts:
    width, height = size
    phs = layout.placeholders
    strips = [p for p in phs if p.type in _CONTENT and 2 * p.w >= width and 6 * p.h <= height]
    return _Parts(
        [p for p in phs if p.type in ("title", "ctrTitle")],
        [p for p in phs if p.type == "subTitle"],
        [p for p in phs if p.type in _CONTENT and p not in strips],
        [p for p in phs if p.type == "pic"],
        sorted(strips, key=lambda p: (p.y, p.x)),
        {slot: p for p in phs for slot, kind in _FOOTERS.items() if p.type == kind},
    )


def _bind(parts: _Parts, slots: dict[str, Element], kind: str) -> dict[str, Placeholder] | None:
    """Return the placeholder for each slot of the page that a layout of `parts` takes, or
    None when it cannot take the page's title and content."""
    if not parts.title:
        return None
    bound: dict[str, Placeholder] = {}
    titles = sorted(parts.title, key=lambda p: p.type != ("ctrTitle" if "subtitle" in slots else "title"))
    bound["title"] = titles[0]
    if "subtitle" in slots:
        if not parts.subtitle:
            return None
        bound["subtitle"] = parts.subtitle[0]
    content = _bind_content(parts, slots, kind)
    if content is None:
        return None
    bound.update(content)
    bound.update(_bind_strips(parts.strips, slots))
    bound.update({slot: ph for slot, ph in parts.footers.items() if slot in slots})
    return bound


def _bind_content(parts: _Parts, slots: dict[str, Element], kind: str) -> dict[str, Placeholder] | None:
    content, pictures = parts.content, parts.pictures
    columns = sorted(int(s[6:]) for s in slots if s.startswith("column"))
    if columns:
        bound = _bind_columns(content, len(columns)) if not pictures else None
        return None if bound is None else {slot: ph for slot, ph in bound.items() if slot in slots}
    if "picture" in slots:
        return {"picture": pictures[0]} if pictures and not content else None
    if pictures:
        return None
    for slot in ("body", "quote", "object"):
        if slot in slots:
            if len(content) != 1 or slot == "object" and content[0].type not in _GRAPHIC:
                return None
            return {slot: content[0]}
    if kind == "section" or kind == "title":
        return {}
    return {} if not content else None


def _bind_columns(content: list[Placeholder], n: int) -> dict[str, Placeholder] | None:
    """Bind n columns of a heading over its content: 2n content placeholders that pair up,
    left to right, each pair sharing its column and the heading above."""
    if len(content) != 2 * n:
        return None
    by_x = sorted(content, key=lambda p: (p.x + p.w // 2, p.y))
    out = {}
    for i in range(n):
        head, body = sorted(by_x[2 * i : 2 * i + 2], key=lambda p: p.y)
        overlap = min(head.x + head.w, body.x + body.w) - max(head.x, body.x)
        if head.y + head.h > body.y + body.h // 2 or overlap < min(head.w, body.w) // 2:
            return None
        out[f"heading{i + 1}"], out[f"column{i + 1}"] = head, body
    return out


def _bind_strips(strips: list[Placeholder], slots: dict[str, Element]) -> dict[str, Placeholder]:
    """Bind caption, takeaway and source to strips: by the text role a strip is styled for
    when it has one, else by their order top to bottom (caption first, source last)."""
    out: dict[str, Placeholder] = {}
    free = list(strips)
    for slot in _STRIPS:
        if slot not in slots:
            continue
        role = slots[slot].role if hasattr(slots[slot], "role") else None
        styled = [p for p in free if p.levels and p.levels[0].role == role]
        unstyled = [p for p in free if not p.levels or p.levels[0].role is None]
        pick = styled[:1] or (unstyled[-1:] if slot == "source" else unstyled[:1])
        if pick:
            out[slot] = pick[0]
            free.remove(pick[0])
    return out


def _agrees(ph: Placeholder, element: Element) -> bool:
    """Whether the placeholder's outer level is styled for the element's text role (or
    names none, as a template's may not)."""
    role = getattr(element, "role", None)
    return not ph.levels or ph.levels[0].role is None or role is None or ph.levels[0].role == role


def _fallback(layouts: list[tuple[Layout, _Parts]], slots: dict[str, Element]) -> Choice:
    """Return the first layout with a title and no content placeholders, pictures or
    subtitle (Title Only first; else the first with a title), its title, strips and footers
    bound: the content stays drawn."""
    with_title = [(layout, parts) for layout, parts in layouts if parts.title]
    if not with_title:
        raise ValueError("the master has no layout with a title placeholder")
    bare = [(la, pa) for la, pa in with_title if not (pa.content or pa.pictures or pa.subtitle)]
    layout, parts = sorted(bare or with_title, key=lambda item: item[0].type != "titleOnly")[0]
    bound = {"title": parts.title[0], **{slot: ph for slot, ph in parts.footers.items() if slot in slots}}
    bound.update(_bind_strips(parts.strips, {s: e for s, e in slots.items() if s in ("takeaway", "source")}))
    return Choice(layout, bound, False)
