"""The presentation part, slide master, slide layouts and notes master, written from the theme.

Written whole (no stock template) so that a slide a person adds in PowerPoint matches the
generated ones: title style in the heading font and the theme's title size and colour, body
style in the body font with the theme's body and body2 sizes, background the palette's
background. Layouts are the four PowerPoint knows by name and type (LAYOUT_NAMES,
LAYOUT_TYPES); a deck keeps only those its slides use. Notes text takes the theme's 'small'
role (size, colour, font); the notes page is PowerPoint's portrait 7.5 × 10 in.
"""

from __future__ import annotations

from lxml import etree

from deck.layout.page import Box
from deck.pptx.text import el, paragraph_props, run_props, solid_fill, stable_guid, sub
from deck.theme import Theme

NOTES_ROLE = "small"  # the text role speaker notes are set in
LAYOUT_NAMES = {
    "title": "Title Slide",
    "content_body": "Title and Content",
    "section": "Section Header",
    "content": "Title Only",
}  # deck layout → its name
LAYOUT_TYPES = {
    "title": "title",
    "content_body": "obj",
    "section": "secHead",
    "content": "titleOnly",
}  # deck layout → PowerPoint's layout type
NOTES_SIZE = (6_858_000, 9_144_000)  # the notes page, EMU (7.5 × 10 in)
MASTER_ID = 2_147_483_648  # the schema's smallest master/layout id
_ROOT_NSMAP = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
_COLOR_MAP = {
    "bg1": "lt1",
    "tx1": "dk1",
    "bg2": "lt2",
    "tx2": "dk2",
    **{f"accent{n}": f"accent{n}" for n in range(1, 7)},
    "hlink": "hlink",
    "folHlink": "folHlink",
}
# Each layout's title placeholder and its second (body or subtitle) placeholder, if any: the
# `p:ph` attributes a slide's shape repeats to take the layout's place and style.
PLACEHOLDERS: dict[str, tuple[dict[str, str], dict[str, str] | None]] = {
    "title": ({"type": "ctrTitle"}, {"type": "subTitle", "idx": "1"}),
    "section": ({"type": "title"}, {"type": "body", "idx": "1"}),
    "content": ({"type": "title"}, None),
    "content_body": ({"type": "title"}, {"idx": "1"}),
}
# The notes master's placeholders, which every notes slide repeats: (name, `p:ph` attributes).
NOTES_IMAGE = ("Slide Image Placeholder 1", {"type": "sldImg", "idx": "2"})
NOTES_BODY = ("Notes Placeholder 2", {"type": "body", "sz": "quarter", "idx": "3"})
NOTES_NUMBER = ("Slide Number Placeholder 3", {"type": "sldNum", "sz": "quarter", "idx": "5"})


def presentation_xml(
    theme: Theme, lang: str, master_rid: str, notes_master_rid: str | None, slide_rids: list[str]
) -> bytes:
    """Return the presentation part: its master (and notes master), the slides by
    relationship id (ids from 256), slide and notes sizes, the default text style."""
    root = _root("p:presentation", {"saveSubsetFonts": "1", "autoCompressPictures": "0"})
    sub(sub(root, "p:sldMasterIdLst"), "p:sldMasterId", {"id": str(MASTER_ID), "r:id": master_rid})
    if notes_master_rid is not None:
        sub(sub(root, "p:notesMasterIdLst"), "p:notesMasterId", {"r:id": notes_master_rid})
    if slide_rids:
        slides = sub(root, "p:sldIdLst")
        for n, rid in enumerate(slide_rids):
            sub(slides, "p:sldId", {"id": str(256 + n), "r:id": rid})
    sub(root, "p:sldSz", {"cx": str(theme.width), "cy": str(theme.height)})
    sub(root, "p:notesSz", {"cx": str(NOTES_SIZE[0]), "cy": str(NOTES_SIZE[1])})
    root.append(list_style("p:defaultTextStyle", "body", theme, lang))
    return _serialise(root)


def slide_master_xml(theme: Theme, lang: str, layout_rids: list[str]) -> bytes:
    """Return the slide master part: background, title and body placeholders, the colour
    map, its layouts (by relationship id, in order) and the three text styles."""
    root = _root("p:sldMaster")
    csld, styles = master_parts(theme, lang)
    root.append(csld)
    sub(root, "p:clrMap", _COLOR_MAP)
    layouts = sub(root, "p:sldLayoutIdLst")
    for n, rid in enumerate(layout_rids, 1):
        sub(layouts, "p:sldLayoutId", {"id": str(MASTER_ID + n), "r:id": rid})
    root.append(styles)
    return _serialise(root)


def slide_layout_xml(kind: str, theme: Theme, lang: str) -> bytes:
    """Return the slide layout part for deck layout `kind` (a key of LAYOUT_NAMES)."""
    root = _root("p:sldLayout", {"type": LAYOUT_TYPES[kind], "preserve": "1"})
    root.append(layout_cSld(kind, theme, lang))
    sub(sub(root, "p:clrMapOvr"), "a:masterClrMapping")
    return _serialise(root)


def notes_master_xml(theme: Theme, lang: str) -> bytes:
    """Return the notes master part for a NOTES_SIZE page (see `notes_master_parts`)."""
    root = _root("p:notesMaster")
    csld, style = notes_master_parts(theme, lang, *NOTES_SIZE)
    root.append(csld)
    sub(root, "p:clrMap", _COLOR_MAP)
    root.append(style)
    return _serialise(root)


def _root(tag: str, attrib: dict[str, str] | None = None) -> etree._Element:
    prefix, local = tag.split(":")
    root = etree.Element(f"{{{_ROOT_NSMAP[prefix]}}}{local}", nsmap=_ROOT_NSMAP)
    for key, value in (attrib or {}).items():
        root.set(key, value)
    return root


def _serialise(root: etree._Element) -> bytes:
    etree.cleanup_namespaces(root)  # declared once, on the root
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def master_parts(theme: Theme, lang: str) -> tuple[etree._Element, etree._Element]:
    """Return the slide master's (`p:cSld`, `p:txStyles`): background, title and body
    placeholders placed by the theme's margins, and the three text styles."""
    boxes = _boxes(theme)
    tree = _sp_tree(_background())
    tree.append(_placeholder(2, "Title Placeholder 1", {"type": "title"}, boxes["title"], "ctr"))
    tree.append(_placeholder(3, "Text Placeholder 2", {"type": "body", "idx": "1"}, boxes["body"], "t"))
    styles = el("p:txStyles")
    title = sub(styles, "p:titleStyle")
    title.append(_level(1, "title", theme, lang, bullet=False))
    body = sub(styles, "p:bodyStyle")
    for n in range(1, 10):
        body.append(_level(n, "body" if n == 1 else "body2", theme, lang, bullet=True))
    styles.append(list_style("p:otherStyle", "body", theme, lang))
    return tree.getparent(), styles


def layout_cSld(kind: str, theme: Theme, lang: str) -> etree._Element:
    """Return `p:cSld` for the layout of deck layout `kind` (a key of LAYOUT_NAMES)."""
    boxes = _boxes(theme)
    tree = _sp_tree()
    title, second = PLACEHOLDERS[kind]
    if kind == "title":
        tree.append(
            _placeholder(
                2, "Title 1", title, boxes["deck_title"], "b", _role_style("deck_title", theme, lang, "center")
            )
        )
        tree.append(
            _placeholder(
                3,
                "Subtitle 2",
                second,
                boxes["deck_subtitle"],
                "t",
                _role_style("deck_subtitle", theme, lang, "center"),
            )
        )
    elif kind == "section":
        tree.append(
            _placeholder(2, "Title 1", title, boxes["section"], "b", _role_style("section", theme, lang, "left"))
        )
        tree.append(
            _placeholder(
                3, "Text Placeholder 2", second, boxes["section_body"], "t", _role_style("body", theme, lang, "left")
            )
        )
    else:
        tree.append(_placeholder(2, "Title 1", title))
        if second is not None:
            tree.append(_placeholder(3, "Content Placeholder 2", second))
    csld = tree.getparent()
    csld.set("name", LAYOUT_NAMES[kind])
    return csld


def notes_master_parts(theme: Theme, lang: str, width: int, height: int) -> tuple[etree._Element, etree._Element]:
    """Return the notes master's (`p:cSld`, `p:notesStyle`) for a notes page `width` ×
    `height` EMU: slide image above, notes body below, slide number at the foot."""
    margin = width // 10
    image_w = width - 2 * margin
    image = Box(margin, margin, image_w, image_w * theme.height // theme.width)
    pitch = round(theme.line_spacing * theme.text[NOTES_ROLE].size)
    body_y = image.y + image.h + margin // 2
    number = Box(width - margin - width // 4, height - margin // 2 - 2 * pitch, width // 4, 2 * pitch)
    body = Box(margin, body_y, image_w, number.y - body_y - margin // 4)
    tree = _sp_tree(_background())
    tree.append(_placeholder(2, *NOTES_IMAGE, image, text=False))
    tree.append(_placeholder(3, *NOTES_BODY, body, "t"))
    number_sp = _placeholder(4, *NOTES_NUMBER, number, "b", _role_style(NOTES_ROLE, theme, lang, "right"))
    p = number_sp.find("{*}txBody/{*}p")
    fld = el("a:fld", {"id": stable_guid("notes master", "slidenum"), "type": "slidenum"}, el("a:rPr", {"lang": lang}))
    sub(fld, "a:t").text = "\u2039#\u203a"
    p.insert(0, fld)
    tree.append(number_sp)
    return tree.getparent(), list_style("p:notesStyle", NOTES_ROLE, theme, lang, with_default=False)


def list_style(tag: str, role: str, theme: Theme, lang: str, with_default: bool = True) -> etree._Element:
    """Return a list style (`p:otherStyle`, `p:notesStyle`, `p:defaultTextStyle`): nine
    levels without bullets in text role `role`, indented one em per level."""
    style = el(tag)
    if with_default:
        sub(sub(style, "a:defPPr"), "a:defRPr", {"lang": lang})
    for n in range(1, 10):
        style.append(_level(n, role, theme, lang, bullet=False))
    return style


def _level(n: int, role: str, theme: Theme, lang: str, bullet: bool, align: str = "left") -> etree._Element:
    """Return `a:lvlNpPr` for level `n` in text role `role`; with `bullet`, level 1 gets •
    and deeper levels –, each hanging one em left of its text."""
    text = theme.text[role]
    margin = n * text.size if bullet else (n - 1) * text.size
    space = round(theme.paragraph_spacing * text.size) if bullet else 0
    ppr = paragraph_props(
        f"a:lvl{n}pPr",
        level=min(n, 2) if bullet else 0,
        margin=margin,
        line_pitch=round(theme.line_spacing * text.size),
        space_before=space,
        align=align,
    )
    if bullet:  # a deeper level hangs its bullet one em, not one column per level
        ppr.set("indent", str(-text.size))
    ppr.append(
        run_props(
            "a:defRPr",
            lang=lang,
            size=text.size,
            color=text.color,
            font=text.font,
            theme=theme,
            bold=text.bold,
            italic=text.italic,
        )
    )
    return ppr


def _role_style(role: str, theme: Theme, lang: str, align: str) -> etree._Element:
    return el("a:lstStyle", None, _level(1, role, theme, lang, bullet=False, align=align))


def _boxes(theme: Theme) -> dict[str, Box]:
    """Return the master's and layouts' placeholder boxes (EMU) from the theme's margins."""
    left, top, gap = theme.margin_left, theme.margin_top, theme.gap
    width = theme.width - left - theme.margin_right
    middle = theme.height // 2

    def lines(role: str, count: int) -> int:
        return round(count * theme.line_spacing * theme.text[role].size)

    title_h = lines("title", 2)
    body_y = top + title_h + gap
    return {
        "title": Box(left, top, width, title_h),
        "body": Box(left, body_y, width, theme.height - theme.margin_bottom - body_y),
        "deck_title": Box(left, middle - lines("deck_title", 2), width, lines("deck_title", 2)),
        "deck_subtitle": Box(left, middle + gap, width, lines("deck_subtitle", 3)),
        "section": Box(left, middle - lines("section", 2), width, lines("section", 2)),
        "section_body": Box(left, middle + gap, width, lines("body", 2)),
    }


def _sp_tree(background: etree._Element | None = None) -> etree._Element:
    """Return an empty `p:spTree` inside a new `p:cSld` (with `background` first if given)."""
    csld = el("p:cSld")
    if background is not None:
        csld.append(background)
    tree = sub(csld, "p:spTree")
    nv = sub(tree, "p:nvGrpSpPr")
    sub(nv, "p:cNvPr", {"id": "1", "name": ""})
    sub(nv, "p:cNvGrpSpPr")
    sub(nv, "p:nvPr")
    xfrm = sub(sub(tree, "p:grpSpPr"), "a:xfrm")
    for tag, (a, b) in (("a:off", "xy"), ("a:ext", ("cx", "cy")), ("a:chOff", "xy"), ("a:chExt", ("cx", "cy"))):
        sub(xfrm, tag, {a: "0", b: "0"})
    return tree


def _background() -> etree._Element:
    return el("p:bg", None, el("p:bgPr", None, solid_fill("background"), el("a:effectLst")))


def _placeholder(
    shape_id: int,
    name: str,
    ph: dict[str, str],
    box: Box | None = None,
    anchor: str | None = None,
    lst_style: etree._Element | None = None,
    text: bool = True,
) -> etree._Element:
    """Return a placeholder `p:sp` (`ph` attributes), placed at `box` or inherited."""
    sp = el("p:sp")
    nv = sub(sp, "p:nvSpPr")
    sub(nv, "p:cNvPr", {"id": str(shape_id), "name": name})
    sub(sub(nv, "p:cNvSpPr"), "a:spLocks", {"noGrp": "1"})
    sub(sub(nv, "p:nvPr"), "p:ph", ph)
    sp_pr = sub(sp, "p:spPr")
    if box is not None:
        xfrm = sub(sp_pr, "a:xfrm")
        sub(xfrm, "a:off", {"x": str(box.x), "y": str(box.y)})
        sub(xfrm, "a:ext", {"cx": str(box.w), "cy": str(box.h)})
        sub(sub(sp_pr, "a:prstGeom", {"prst": "rect"}), "a:avLst")
    if text:
        body = sub(sp, "p:txBody")
        body_pr = sub(body, "a:bodyPr")
        if anchor is not None:
            for key, value in (
                ("vert", "horz"),
                ("wrap", "square"),
                ("lIns", "0"),
                ("tIns", "0"),
                ("rIns", "0"),
                ("bIns", "0"),
                ("rtlCol", "0"),
                ("anchor", anchor),
            ):
                body_pr.set(key, value)
            sub(body_pr, "a:noAutofit")
        body.append(lst_style if lst_style is not None else el("a:lstStyle"))
        sub(body, "a:p")
    return sp
