"""Placeholders, list levels and schemes as a template's XML states them, read into the
format-free model (deck.theme.model); and which of a master's layouts is its content layout.

A placeholder's box, anchor and insets are its own, else its master placeholder's; its levels
its own list style over the master placeholder's over the master's text styles. Levels carry
no theme role (a template names none) and no exact line pitch or space before (-1: a slide
always states its own)."""

from __future__ import annotations

from deck.frozen import frozen
from deck.theme.model import Level, Master, Placeholder

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:  # the elements come from deck.theme.template, which imports lxml when it reads
    from lxml import etree


NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
_ANCHORS = {"t": "top", "ctr": "middle", "b": "bottom", "just": "top", "dist": "top"}
_ALIGN = {"l": "left", "ctr": "center", "r": "right"}
TITLES, FOOTERS = ("title", "ctrTitle"), ("dt", "ftr", "sldNum")
_CONTENT = ("body", "obj")
_SCHEME_ROLES = {
    "tx1": "text",
    "bg1": "background",
    "tx2": "muted",
    "bg2": "surface",
    "dk1": "text",
    "lt1": "background",
    "dk2": "muted",
    "lt2": "surface",
    "accent1": "primary",
    "accent2": "accent",
    **{f"accent{n}": f"series{n}" for n in range(3, 7)},
    "hlink": "link",
    "folHlink": "visited",
}
DEFAULT_INSETS = (91440, 45720, 91440, 45720)  # l, t, r, b: DrawingML's default


def content_layout(master: Master, width: int, height: int) -> tuple[Placeholder, Placeholder] | None:
    """Return the title and body placeholders of the master's layout for a slide of one
    body (a title over one content placeholder that is no strip), on a slide of `width` ×
    `height` EMU: of layout type obj if any, else the one with the largest body."""
    best = None
    for order, layout in enumerate(master.layouts):
        titles = [p for p in layout.placeholders if p.type == "title"]
        content = [p for p in layout.placeholders if p.type in _CONTENT and not _strip(p, width, height)]
        pictures = [p for p in layout.placeholders if p.type == "pic"]
        if len(titles) != 1 or len(content) != 1 or pictures or content[0].y < titles[0].y + titles[0].h // 2:
            continue
        score = (layout.type != "obj", -content[0].w * content[0].h, order)
        if best is None or score < best[0]:
            best = (score, (titles[0], content[0]))
    return best[1] if best else None


def _strip(p: Placeholder, width: int, height: int) -> bool:
    """Whether `p` is a strip (a caption, takeaway or source line): wide and low."""
    return 2 * p.w >= width and 6 * p.h <= height


@frozen
class Raw:
    type: str
    idx: int
    name: str
    box: tuple[int, int, int, int] | None
    anchor: str | None
    insets: tuple[int, int, int, int] | None
    levels: tuple[dict, ...]


def master_kind(ph_type: str) -> str:
    return "title" if ph_type in TITLES else ph_type if ph_type in FOOTERS else "body"


def placeholders(root: etree._Element) -> list[etree._Element]:
    tree = root.find("p:cSld/p:spTree", NS)
    if tree is None:
        return []
    return [el for el in tree if el.find(".//p:nvPr/p:ph", NS) is not None]


def shape(el: etree._Element) -> Raw:
    ph = el.find(".//p:nvPr/p:ph", NS)
    ph_type = ph.get("type", "obj")
    try:
        idx = int(ph.get("idx", "0"))
    except ValueError:
        idx = 0
    c_nv = el.find(".//p:cNvPr", NS)
    name = c_nv.get("name", "") if c_nv is not None else ""
    off, ext = el.find("p:spPr/a:xfrm/a:off", NS), el.find("p:spPr/a:xfrm/a:ext", NS)
    box = None
    if off is not None and ext is not None:
        box = tuple(_int(x.get(k)) for x, k in ((off, "x"), (off, "y"), (ext, "cx"), (ext, "cy")))
    body_pr = el.find("p:txBody/a:bodyPr", NS)
    anchor = insets = None
    if body_pr is not None:
        anchor = _ANCHORS.get(body_pr.get("anchor", ""))
        sides = [body_pr.get(f"{s}Ins") for s in "ltrb"]
        if any(s is not None for s in sides):
            insets = tuple(_int(s) if s is not None else d for s, d in zip(sides, DEFAULT_INSETS))
    return Raw(ph_type, idx, name, box, anchor, insets, levels(el.find("p:txBody/a:lstStyle", NS)))


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def levels(style: etree._Element | None) -> tuple[dict, ...]:
    """Return the nine list levels of a text style or list style as dicts of what they set."""
    out = []
    for n in range(1, 10):
        lvl = style.find(f"a:lvl{n}pPr", NS) if style is not None else None
        out.append(_level(lvl) if lvl is not None else {})
    return tuple(out)


def _level(lvl: etree._Element) -> dict:
    got: dict = {}
    if lvl.get("marL") is not None:
        got["margin"] = _int(lvl.get("marL"))
    if lvl.get("indent") is not None:
        got["indent"] = _int(lvl.get("indent"))
    if lvl.get("algn") in _ALIGN:
        got["align"] = _ALIGN[lvl.get("algn")]
    if lvl.find("a:buNone", NS) is not None:
        got["bullet"] = None
    char = lvl.find("a:buChar", NS)
    if char is not None:
        got["bullet"] = char.get("char", "\u2022")
    rpr = lvl.find("a:defRPr", NS)
    if rpr is not None:
        if rpr.get("sz"):
            got["size"] = _int(rpr.get("sz")) * 127
        for attr, key in (("b", "bold"), ("i", "italic")):
            if rpr.get(attr) is not None:
                got[key] = rpr.get(attr) in ("1", "true")
        scheme = rpr.find("a:solidFill/a:schemeClr", NS)
        if scheme is not None and scheme.get("val") in _SCHEME_ROLES:
            got["color"] = _SCHEME_ROLES[scheme.get("val")]
        elif rpr.find("a:solidFill", NS) is not None:
            got["color"] = None  # a literal colour: deck writes its own where the text needs one
        latin = rpr.find("a:latin", NS)
        if latin is not None and latin.get("typeface", "").startswith("+mj"):
            got["font"] = "heading"
        elif latin is not None and latin.get("typeface", "").startswith("+mn"):
            got["font"] = "body"
        elif latin is not None:
            got["font"] = None  # a named face: deck writes its own font where it sets one
    return got


def merge(under: tuple[dict, ...], over: tuple[dict, ...]) -> tuple[dict, ...]:
    return tuple({**u, **o} for u, o in zip(under, over))


def finished(levels: tuple[dict, ...], font: str) -> tuple[Level, ...]:
    """Return dict levels as Levels: what a level leaves unset takes PowerPoint's default
    (left, no bullet, text colour); an unknown size, line pitch and space before are -1, so
    that a slide always states its own (viewers differ on a size no style states:
    PowerPoint's 18 pt, LibreOffice's its own)."""
    out = []
    for d in levels:
        out.append(
            Level(
                role=None,
                size=d.get("size") or -1,
                line_pitch=-1,
                space_before=-1,
                margin=d.get("margin", 0),
                indent=d.get("indent", 0),
                bullet=d.get("bullet"),
                bullet_color=None,
                align=d.get("align", "left"),
                font=d.get("font") or "",
                color=d.get("color") or "",
                bold=d.get("bold", False),
                italic=d.get("italic", False),
            )
        )
    return tuple(out)


def placeholder(raw: Raw, parent: Raw | None, base: tuple[dict, ...], font: str) -> Placeholder:
    box = raw.box or (parent.box if parent else None) or (0, 0, 0, 0)
    anchor = raw.anchor or (parent.anchor if parent else None) or ("middle" if raw.type in TITLES else "top")
    insets = raw.insets or (parent.insets if parent else None) or DEFAULT_INSETS
    inset = insets[0] if len(set(insets)) == 1 else -1  # -1: the sides differ (Template.insets has them)
    levels = () if raw.type == "pic" else finished(merge(base, raw.levels), font)
    return Placeholder(raw.type, raw.idx, raw.name, *box, anchor, inset, levels)


def scheme(theme: etree._Element) -> tuple[dict[str, str], dict[str, str]]:
    """Return the theme part's colour scheme (slot → RRGGBB) and font scheme."""
    colors: dict[str, str] = {}
    scheme = theme.find("a:themeElements/a:clrScheme", NS)
    for slot in scheme if scheme is not None else ():
        if not isinstance(slot.tag, str):
            continue
        name = slot.tag.rsplit("}", 1)[-1]
        srgb, system = slot.find("a:srgbClr", NS), slot.find("a:sysClr", NS)
        value = srgb.get("val") if srgb is not None else system.get("lastClr") if system is not None else None
        if value and len(value) == 6:
            colors[name] = value.upper()
    fonts = {}
    for key, tag in (("major", "a:majorFont"), ("minor", "a:minorFont")):
        font = theme.find(f"a:themeElements/a:fontScheme/{tag}", NS)
        latin = font.find("a:latin", NS) if font is not None else None
        ea = font.find("a:ea", NS) if font is not None else None
        fonts[key] = latin.get("typeface", "") if latin is not None else ""
        fonts[f"{key}_ea"] = ea.get("typeface", "") if ea is not None else ""
        if font is not None:
            hans = font.find("a:font[@script='Hans']", NS)
            if not fonts[f"{key}_ea"] and hans is not None:
                fonts[f"{key}_ea"] = hans.get("typeface", "")
    return colors, fonts


def size_hints(master: etree._Element) -> dict[str, int]:
    """Return the size (EMU) of the first run of the master's title and body placeholders'
    own text, by kind: where a master states no text styles (LibreOffice writes none) this is
    the size its designer meant, though no slide inherits it."""
    out: dict[str, int] = {}
    for el in placeholders(master):
        kind = master_kind(el.find(".//p:nvPr/p:ph", NS).get("type", "obj"))
        run = el.find("p:txBody/a:p/a:r/a:rPr", NS)
        run = run if run is not None else el.find("p:txBody/a:p/a:endParaRPr", NS)
        if kind in ("title", "body") and run is not None and run.get("sz", "").isdigit():
            out.setdefault(kind, int(run.get("sz")) * 127)
    return out


def pictures(root: etree._Element) -> tuple[tuple[int, int, int, int], ...]:
    """Return the boxes (x, y, w, h EMU) of the pictures on a master's or layout's own tree
    (its art: a logo, a badge), placeholders left out."""
    tree = root.find("p:cSld/p:spTree", NS)
    out = []
    for pic in tree.iterfind("p:pic", NS) if tree is not None else ():
        if pic.find(".//p:nvPr/p:ph", NS) is not None:
            continue
        off, ext = pic.find("p:spPr/a:xfrm/a:off", NS), pic.find("p:spPr/a:xfrm/a:ext", NS)
        if off is not None and ext is not None:
            out.append(tuple(_int(x.get(k)) for x, k in ((off, "x"), (off, "y"), (ext, "cx"), (ext, "cy"))))
    return tuple(out)
