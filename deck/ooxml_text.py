"""DrawingML fragments for the renderer: scheme colours, fills, font references, runs and paragraphs.

Builds plain lxml elements from laid-out text (deck.page) and the theme; knows nothing of
python-pptx. Sizes arrive in EMU and are written in the units OOXML wants (`sz` and
`spcPts` in hundredths of a point). Colours are always scheme references, fonts always
theme references (`+mj-*`, `+mn-*`) except the code font, which the two-font scheme lacks.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from lxml import etree

from deck.page import Paragraph
from deck.theme import PALETTE_SLOTS, Theme

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
}
EMU_PER_CENTIPOINT = 127  # 12 700 EMU per point, sizes are written in 1/100 pt

# Slides, layouts, masters and charts refer to the colour map's names, which the master's
# clrMap points at the theme's slots (tx1 → dk1 …); the accents and links have no alias.
_MAPPED = {"dk1": "tx1", "lt1": "bg1", "dk2": "tx2", "lt2": "bg2"}
_FONT_REFS = {"heading": ("+mj-lt", "+mj-ea", "+mj-cs"), "body": ("+mn-lt", "+mn-ea", "+mn-cs")}
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_BULLETS = {1: "\u2022", 2: "\u2013"}  # • for level 1, – for level 2
_GUID_NAMESPACE = uuid.UUID("6f0b3a52-4c0e-4f7e-9d55-3d1f0c0de0c1")


def qn(tag: str) -> str:
    """Return the Clark name of a prefixed tag: 'a:p' → '{…drawingml…}p'."""
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def el(tag: str, attrib: dict[str, str] | None = None, *children: etree._Element
       ) -> etree._Element:
    """Return a new element `tag` (prefixed) with string attributes and children."""
    node = etree.Element(qn(tag), nsmap={tag.split(":")[0]: NS[tag.split(":")[0]]})
    for key, value in (attrib or {}).items():
        node.set(qn(key) if ":" in key else key, value)
    node.extend(children)
    return node


def sub(parent: etree._Element, tag: str, attrib: dict[str, str] | None = None) -> etree._Element:
    """Append a new element `tag` to `parent` and return it."""
    node = el(tag, attrib)
    parent.append(node)
    return node


def centipoints(emu: int) -> int:
    """Return a length in EMU as hundredths of a point (for `sz` and `a:spcPts`)."""
    return round(emu / EMU_PER_CENTIPOINT)


def stable_guid(*parts: object) -> str:
    """Return a GUID `{…}` derived from `parts` only (same parts → same GUID)."""
    text = "\x1f".join(str(p) for p in parts)
    return "{" + str(uuid.uuid5(_GUID_NAMESPACE, text)).upper() + "}"


def scheme_name(role: str) -> str:
    """Return the schemeClr value a slide uses for palette `role` (KeyError if unknown)."""
    slot = PALETTE_SLOTS[role]
    return _MAPPED.get(slot, slot)


def scheme_color(role: str) -> etree._Element:
    return el("a:schemeClr", {"val": scheme_name(role)})


def solid_fill(role: str) -> etree._Element:
    return el("a:solidFill", None, scheme_color(role))


def no_fill() -> etree._Element:
    return el("a:noFill")


def outline(role: str | None, width: int) -> etree._Element:
    """Return `a:ln`: a solid line `width` EMU wide in `role`, or no line when `role` is None."""
    if role is None:
        return el("a:ln", None, no_fill())
    return el("a:ln", {"w": str(width)}, solid_fill(role))


def font_refs(font: str, theme: Theme) -> tuple[str, str, str]:
    """Return the (latin, ea, cs) typefaces for font role `font`: theme references for the
    heading and body fonts, the code font's own faces (written literally)."""
    if font in _FONT_REFS:
        return _FONT_REFS[font]
    face = theme.fonts[font]
    return face.latin, face.ea, face.latin


def run_props(tag: str, *, lang: str, size: int, color: str, font: str, theme: Theme,
              bold: bool = False, italic: bool = False, link_rid: str | None = None
              ) -> etree._Element:
    """Return a run-properties element (`a:rPr`, `a:defRPr` or `a:endParaRPr`): language,
    size, weight, scheme colour, the three font slots, and a hyperlink when `link_rid`."""
    attrib = {"lang": lang, "sz": str(centipoints(size)), "b": "1" if bold else "0",
              "i": "1" if italic else "0"}
    if link_rid:
        attrib["u"] = "sng"
    rpr = el(tag, attrib, solid_fill(color))
    for slot, typeface in zip(("a:latin", "a:ea", "a:cs"), font_refs(font, theme)):
        sub(rpr, slot, {"typeface": typeface})
    if link_rid:
        sub(rpr, "a:hlinkClick", {"r:id": link_rid})
    return rpr


@dataclass(frozen=True)
class Look:
    """How a frame's text is set: size and line pitch (EMU), font and colour roles, weight."""

    size: int
    line_pitch: int
    font: str
    color: str
    lang: str
    bold: bool = False
    italic: bool = False


def body_pr(inset: int, anchor: str) -> etree._Element:
    """Return `a:bodyPr`: wrapping, equal insets (EMU), vertical anchor, no autofit."""
    side = str(inset)
    anchors = {"top": "t", "middle": "ctr", "bottom": "b"}
    return el("a:bodyPr", {"vert": "horz", "wrap": "square", "lIns": side, "tIns": side,
                           "rIns": side, "bIns": side, "rtlCol": "0", "anchor": anchors[anchor]},
              el("a:noAutofit"))


def paragraph_props(tag: str, *, level: int, margin: int, line_pitch: int, space_before: int,
                    align: str = "left") -> etree._Element:
    """Return paragraph properties (`a:pPr` or `a:lvlNpPr`): margin (EMU) with the bullet of
    `level` hanging in it, exact line pitch, space before, East Asian line breaking."""
    attrib = {"marL": str(margin), "indent": "0", "algn": _ALIGN[align], "rtl": "0",
              "eaLnBrk": "1", "latinLnBrk": "0", "hangingPunct": "0"}
    if level:
        attrib["indent"] = str(-(margin // level))  # the bullet sits one column left of the text
    ppr = el(tag, attrib)
    sub(sub(ppr, "a:lnSpc"), "a:spcPts", {"val": str(centipoints(line_pitch))})
    sub(sub(ppr, "a:spcBef"), "a:spcPts", {"val": str(centipoints(space_before))})
    if level:
        sub(ppr, "a:buClr").append(scheme_color("primary"))
        sub(ppr, "a:buSzPct", {"val": "100000"})
        sub(ppr, "a:buFontTx")
        sub(ppr, "a:buChar", {"char": _BULLETS[min(level, 2)]})
    else:
        sub(ppr, "a:buNone")
    return ppr


def paragraph(par: Paragraph, look: Look, theme: Theme, link: Callable[[str], str],
              field_id: Callable[[], str]) -> etree._Element:
    """Return `a:p` for a laid-out paragraph. `link(url)` returns the relationship id of an
    external hyperlink; `field_id()` a stable GUID for each slide-number field."""
    look = replace(look, size=par.size or look.size, line_pitch=par.line_pitch or look.line_pitch,
                   font=par.font or look.font, color=par.color or look.color,
                   bold=look.bold if par.bold is None else par.bold,
                   italic=look.italic if par.italic is None else par.italic)
    size, pitch = look.size, look.line_pitch
    p = el("a:p", None, paragraph_props("a:pPr", level=par.level, margin=par.indent,
                                        line_pitch=pitch, space_before=par.space_before,
                                        align=par.align))
    for run in par.runs:
        rid = link(run.link) if run.link else None
        color = run.color or ("link" if run.link else look.color)
        props = dict(lang=look.lang, size=size, color=color, theme=theme,
                     font="code" if run.code else look.font,
                     bold=run.bold or look.bold, italic=run.italic or look.italic)
        if run.field == "slidenum":
            fld = sub(p, "a:fld", {"id": field_id(), "type": "slidenum"})
            fld.append(run_props("a:rPr", link_rid=rid, **props))
            sub(fld, "a:t").text = run.text
            continue
        if run.field is not None:
            raise ValueError(f"unknown text field {run.field!r}")
        for n, piece in enumerate(run.text.split("\n")):
            if n:
                sub(p, "a:br").append(run_props("a:rPr", **props))
            r = sub(p, "a:r")
            r.append(run_props("a:rPr", link_rid=rid, **props))
            sub(r, "a:t").text = piece
    p.append(run_props("a:endParaRPr", lang=look.lang, size=size, color=look.color,
                       font=look.font, theme=theme, bold=look.bold, italic=look.italic))
    return p


def text_body(tag: str, paragraphs: tuple[Paragraph, ...], look: Look, theme: Theme, *,
              inset: int, anchor: str, link: Callable[[str], str],
              field_id: Callable[[], str]) -> etree._Element:
    """Return a text body (`p:txBody` for shapes, `a:txBody` for table cells)."""
    body = el(tag, None, body_pr(inset, anchor), el("a:lstStyle"))
    for par in paragraphs or (Paragraph(runs=()),):
        body.append(paragraph(par, look, theme, link, field_id))
    return body
