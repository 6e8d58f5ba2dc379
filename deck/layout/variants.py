"""Layout variants: where a slide's placeholders sit elsewhere than its layout's (a title of
two lines pushes the body down; a two-line takeaway lifts the body's foot), the slide gets a
copy of its layout with its own geometry, so that it fills its layout exactly and PowerPoint's
Reset Slide leaves it as built. Variants are shared by the slides with the same geometry and
listed right after the layout they vary."""

from __future__ import annotations

from deck.frozen import replace
from deck.layout.page import Element, TextFrame
from deck.theme.model import Layout, Master


class Variants:
    """The variant layouts of one master the pages have taken so far, in order of first use."""

    def __init__(self, master: Master):
        self.base = master
        self.made: dict[str, list[Layout]] = {}

    def layout_for(self, layout: Layout, title: Element, elements: tuple[Element, ...]) -> str:
        """Return the name of the layout whose placeholders have the boxes, anchors and insets
        of the text frames of a page on `layout` with this title and elements: `layout`
        itself, or a variant ("Title and Content (2)", …), made when no page took it before."""
        own = _own_geometry(title, elements, layout)
        if own == layout.placeholders:
            return layout.name
        made = self.made.setdefault(layout.name, [])
        match = next((v for v in made if v.placeholders == own), None)
        if match is None:
            match = Layout(_free_name(layout.name, self.base, self.made), layout.type, own)
            made.append(match)
        return match.name

    def master(self) -> Master:
        """Return the master with the variant layouts listed right after those they vary."""
        master = self.base
        layouts = tuple(x for layout in master.layouts for x in (layout, *self.made.get(layout.name, ())))
        return replace(master, layouts=layouts)


def _own_geometry(title: Element, elements: tuple[Element, ...], layout: Layout) -> tuple:
    """Return the layout's placeholders with the box, anchor and inset of the page's text
    frame that fills each (the others as they are)."""
    phs = list(layout.placeholders)
    for element in (title, *elements):
        if not isinstance(element, TextFrame) or element.placeholder is None:
            continue
        base = layout.placeholder_for(element.placeholder.type, element.placeholder.idx)
        b = element.box
        own = (b.x, b.y, b.w, b.h, element.anchor, element.inset)
        if own != (base.x, base.y, base.w, base.h, base.anchor, base.inset):  # else it is the same
            phs[phs.index(base)] = replace(base, x=b.x, y=b.y, w=b.w, h=b.h, anchor=element.anchor, inset=element.inset)
    return tuple(phs)


def _free_name(name: str, master: Master, variants: dict[str, list[Layout]]) -> str:
    """Return `name (n)` with the smallest n ≥ 2 that no layout or variant has."""
    taken = {layout.name for layout in master.layouts} | {v.name for vs in variants.values() for v in vs}
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"
