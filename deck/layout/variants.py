"""Layout variants: where a slide's placeholders sit elsewhere than its layout's (a title of
two lines pushes the body down; a two-line takeaway lifts the body's foot), the slide gets a
copy of its layout with its own geometry, so that it fills its layout exactly and PowerPoint's
Reset Slide leaves it as built. Variants are shared by the slides with the same geometry and
listed right after the layout they vary."""

from __future__ import annotations

from deck.frozen import replace
from deck.layout.page import Page, TextFrame
from deck.theme.model import Layout, Master


def fit_layouts(pages: list[Page], master: Master) -> tuple[list[Page], Master]:
    """Return the pages, each on a layout whose placeholders have its text frames' boxes,
    anchors and insets, and the master with the variant layouts this took (named after the
    layout they vary: "Title and Content (2)", …), in order of first use."""
    variants: dict[str, list[Layout]] = {}
    out = []
    for page in pages:
        layout = master.layout(page.layout)
        own = _own_geometry(page, layout)
        if own == layout.placeholders:
            out.append(page)
            continue
        made = variants.setdefault(layout.name, [])
        match = next((v for v in made if v.placeholders == own), None)
        if match is None:
            match = Layout(_free_name(layout.name, master, variants), layout.type, own)
            made.append(match)
        out.append(replace(page, layout=match.name))
    layouts = tuple(x for layout in master.layouts for x in (layout, *variants.get(layout.name, ())))
    return out, replace(master, layouts=layouts)


def _own_geometry(page: Page, layout: Layout) -> tuple:
    """Return the layout's placeholders with the box, anchor and inset of the page's text
    frame that fills each (the others as they are)."""
    phs = list(layout.placeholders)
    for element in (page.title, *page.elements):
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
