"""A plain-text dump of laid-out pages: what golden tests compare and `deck check --dump` shows."""

from __future__ import annotations

from deck.layout.page import Chart, Pages, Picture, Shape, Table, TextFrame
from deck.units import EMU_PER_PT


def _pt(emu: int) -> str:
    return f"{emu / EMU_PER_PT:g}"


def _box(e) -> str:
    b = e.box
    return f"@{_pt(b.x)},{_pt(b.y)} {_pt(b.w)}x{_pt(b.h)}pt"


def dump_pages(pages: Pages) -> str:
    """Return every page's boxes, sizes and text, one element a line (points, 2 decimals max)."""
    out = [f"info: {pages.info.title} | {pages.info.author} | {pages.info.language} | {pages.info.created}"]
    for n, page in enumerate(pages.pages, 1):
        out.append(f"[{n}] {page.layout} {page.key}" + (f" | {page.section}" if page.section else ""))
        if page.background is not None:
            out.append(f"  background {page.background.name}")
        out.extend("  " + line for line in _element(page.title))
        for element in page.elements:
            out.extend("  " + line for line in _element(element))
        for para in page.notes:
            item = "  " * (para.level - 1) + "- " if para.level else ""
            out.append(f"  notes: {item}{para.text}")
    return "\n".join(out) + "\n"


def _ph(e) -> str:
    """Return ` ph=type:idx` for an element that fills a placeholder of its page's layout,
    ` in 'group'` for one drawn in a group."""
    group = f" in {e.group!r}" if getattr(e, "group", None) else ""
    ph = getattr(e, "placeholder", None)
    return (f" ph={ph.type}:{ph.idx}" if ph else "") + group


def _element(e) -> list[str]:
    if isinstance(e, TextFrame):
        head = f"text {e.name!r} {_box(e)} {e.role} {_pt(e.size)}pt {e.lines} lines{_ph(e)}"
        return [head] + [
            f"  {'•' * p.level}{' ' if p.level else ''}{p.text}{f'  [narrowed {_pt(p.narrow)}pt]' if p.narrow else ''}"
            for p in e.paragraphs
        ]
    if isinstance(e, Shape):
        return [f"shape {e.name!r} {e.kind} {_box(e)} fill={e.fill} line={e.line}{_ph(e)}"]
    if isinstance(e, Picture):
        return [f"picture {e.name!r} {_box(e)} {e.path.name} alt={e.alt!r}{_ph(e)}"]
    if isinstance(e, Table):
        rows = [" | ".join("".join(p.text for p in c.paragraphs) for c in row) for row in e.rows]
        head = f"table {_box(e)} {_pt(e.size)}pt cols={[_pt(w) for w in e.col_widths]}{_ph(e)}"
        return [head] + [f"  {r}" for r in rows]
    if isinstance(e, Chart):
        return [
            f"chart {e.kind} {_box(e)} log={e.log_scale} {list(e.categories)} "
            + "; ".join(f"{s.name}={list(s.values)}" for s in e.series)
            + _ph(e)
        ]
    raise TypeError(f"unknown element {type(e).__name__}")
