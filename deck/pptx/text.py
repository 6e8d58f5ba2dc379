"""DrawingML fragments for the renderer: scheme colours, fills, font references, run and
paragraph properties, escaping.

Knows nothing of python-pptx. The slide path takes the `*_xml` functions, which return XML
text (fast: a 1000-slide deck has some 100 000 elements); the same fragments as lxml elements
(`run_props`, `solid_fill` …, parsed from that text) serve the charts. Sizes arrive in EMU and are
written in the units OOXML wants (`sz` and `spcPts` in hundredths of a point). Colours are
always scheme references, fonts always theme references (`+mj-*`, `+mn-*`) except the code
font, which the two-font scheme lacks.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from deck.layout.masters import BULLETS
from deck.theme import PALETTE_SLOTS, Theme
from deck.units import EMU_PER_PT

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:  # lxml is imported only where an element is made: a deck without charts never needs it
    from lxml import etree

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
}
EMU_PER_CENTIPOINT = EMU_PER_PT // 100  # sizes are written in hundredths of a point

# Slides, layouts, masters and charts refer to the colour map's names, which the master's
# clrMap points at the theme's slots (tx1 → dk1 in a light theme, → lt1 in a dark one); the
# accents and links have no alias.
_MAPPED = {"dk1": "tx1", "lt1": "bg1", "dk2": "tx2", "lt2": "bg2"}
_FONT_REFS = {"heading": ("+mj-lt", "+mj-ea", "+mj-cs"), "body": ("+mn-lt", "+mn-ea", "+mn-cs")}
ALIGN = {"left": "l", "center": "ctr", "right": "r"}
ANCHORS = {"top": "t", "middle": "ctr", "bottom": "b"}
_GUID_NAMESPACE = bytes.fromhex("6f0b3a524c0e4f7e9d553d1f0c0de0c1")  # of stable_guid's name-based GUIDs
# What XML 1.0 cannot carry at all. Text and attribute values are escaped as lxml does, by
# str.replace (`&` first): a C scan of the text per character escaped, where str.translate
# looks every character of non-ASCII text up in a dict, ten times slower (perf, issue 15).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# … and, with what each escapes, what text or an attribute value cannot be written as it is
_TEXT_AS_IS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff&<>\r]")
_ATTR_AS_IS = re.compile('[\x00-\x1f\ud800-\udfff\ufffe\uffff&<>"]')


def qn(tag: str) -> str:
    """Return the Clark name of a prefixed tag: 'a:p' → '{…drawingml…}p'."""
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def el(tag: str, attrib: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """Return a new element `tag` (prefixed) with string attributes and children."""
    from lxml import etree

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
    # uuid.uuid5(namespace, text), written out: the uuid module's import costs more than a build's GUIDs
    b = bytearray(hashlib.sha1(_GUID_NAMESPACE + text.encode("utf-8")).digest()[:16])
    b[6], b[8] = (b[6] & 0x0F) | 0x50, (b[8] & 0x3F) | 0x80  # version 5, RFC 4122 variant
    h = b.hex().upper()
    return f"{{{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}}}"


def scheme_name(role: str) -> str:
    """Return the schemeClr value a slide uses for palette `role` (KeyError if unknown)."""
    slot = PALETTE_SLOTS[role]
    return _MAPPED.get(slot, slot)


def xml_text(value: str) -> str:
    """Return `value` escaped for element text. Raises ValueError on characters XML cannot
    carry (control characters, lone surrogates), as lxml does."""
    if _TEXT_AS_IS.search(value) is None:  # most text: one scan finds nothing to escape or refuse
        return value
    if _NOT_XML.search(value):
        raise ValueError(f"text cannot be written as XML: {value[:40]!r}")
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def xml_attr(value: str) -> str:
    """Return `value` escaped for a double-quoted attribute (raises as `xml_text`)."""
    if _ATTR_AS_IS.search(value) is None:
        return value
    if _NOT_XML.search(value):
        raise ValueError(f"text cannot be written as XML: {value[:40]!r}")
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def fragment(xml: str) -> etree._Element:
    """Return the element written as text `xml` (prefixes a:, p:, r:, c:), parsed by lxml."""
    from lxml import etree

    used = " ".join(
        f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items() if f"<{prefix}:" in xml or f" {prefix}:" in xml
    )
    wrapper = etree.fromstring(f"<w {used}>{xml}</w>")
    node = wrapper[0]
    wrapper.remove(node)  # a fragment has no parent, as a new element has none
    return node


# -- fills, lines, fonts ------------------------------------------------------------------------


def scheme_color_xml(role: str) -> str:
    return f'<a:schemeClr val="{scheme_name(role)}"/>'


def solid_fill_xml(role: str) -> str:
    return f'<a:solidFill><a:schemeClr val="{scheme_name(role)}"/></a:solidFill>'


def outline_xml(role: str | None, width: int) -> str:
    """Return `a:ln`: a solid line `width` EMU wide in `role`, or no line when `role` is None."""
    if role is None:
        return "<a:ln><a:noFill/></a:ln>"
    return f'<a:ln w="{width}">{solid_fill_xml(role)}</a:ln>'


def solid_fill(role: str) -> etree._Element:
    return fragment(solid_fill_xml(role))


def no_fill() -> etree._Element:
    return el("a:noFill")


def outline(role: str | None, width: int) -> etree._Element:
    """Return `a:ln` as an element (see `outline_xml`)."""
    return fragment(outline_xml(role, width))


def font_refs(font: str, theme: Theme) -> tuple[str, str, str]:
    """Return the (latin, ea, cs) typefaces for font role `font`: theme references for the
    heading and body fonts, the code font's own faces (written literally)."""
    if font in _FONT_REFS:
        return _FONT_REFS[font]
    face = theme.fonts[font]
    return face.latin, face.ea, face.latin


# -- runs and paragraphs ------------------------------------------------------------------------


def run_props_xml(
    tag: str,
    *,
    lang: str,
    size: int,
    color: str,
    font: str,
    theme: Theme,
    bold: bool = False,
    italic: bool = False,
    link_rid: str | None = None,
    alt_lang: str | None = None,
    ea: str | None = None,
) -> str:
    """Return a run-properties element (`a:rPr`, `a:defRPr` or `a:endParaRPr`) as text:
    language (and `alt_lang`, the deck's, for text in another language), size, weight,
    scheme colour, the three font slots (the East Asian one `ea` where given: the face of
    text in another East Asian language), and a hyperlink when `link_rid`."""
    langs = f'{lang}" altLang="{alt_lang}' if alt_lang else lang
    latin, theme_ea, cs = font_refs(font, theme)
    faces = (latin, ea or theme_ea, cs)
    return _run_props(tag, langs, centipoints(size), scheme_name(color), faces, bold, italic, link_rid)


@lru_cache(maxsize=1024)  # a deck's runs share a few dozen looks
def _run_props(
    tag: str,
    lang: str,
    size: int,
    color: str,
    faces: tuple[str, str, str],
    bold: bool,
    italic: bool,
    link_rid: str | None,
) -> str:
    latin, ea, cs = (xml_attr(face) for face in faces)
    underline = ' u="sng"' if link_rid else ""
    link = f'<a:hlinkClick r:id="{xml_attr(link_rid)}"/>' if link_rid else ""
    return (
        f'<{tag} lang="{lang}" sz="{size}" b="{"1" if bold else "0"}" '
        f'i="{"1" if italic else "0"}"{underline}><a:solidFill><a:schemeClr val="{color}"/>'
        f'</a:solidFill><a:latin typeface="{latin}"/><a:ea typeface="{ea}"/>'
        f'<a:cs typeface="{cs}"/>{link}</{tag}>'
    )


def east_asian_language(theme: Theme) -> str:
    """Return the language Han text takes in a deck that is not CJK: the body font's East
    Asian face's (zh-CN for Noto Sans CJK SC)."""
    return theme.fonts["body"].language


def run_props(
    tag: str,
    *,
    lang: str,
    size: int,
    color: str,
    font: str,
    theme: Theme,
    bold: bool = False,
    italic: bool = False,
    link_rid: str | None = None,
) -> etree._Element:
    """Return run properties as an element (see `run_props_xml`)."""
    return fragment(
        run_props_xml(
            tag, lang=lang, size=size, color=color, font=font, theme=theme, bold=bold, italic=italic, link_rid=link_rid
        )
    )


def body_pr_xml(inset: int, anchor: str, wrap: bool = True) -> str:
    """Return `a:bodyPr`: wrapping (or none, for text whose lines must stay whole), equal
    insets (EMU), vertical anchor, no autofit."""
    return (
        f'<a:bodyPr vert="horz" wrap="{"square" if wrap else "none"}" lIns="{inset}" tIns="{inset}" rIns="{inset}" '
        f'bIns="{inset}" rtlCol="0" anchor="{ANCHORS[anchor]}"><a:noAutofit/></a:bodyPr>'
    )


def paragraph_props_xml(
    tag: str,
    *,
    level: int,
    margin: int,
    line_pitch: int,
    space_before: int,
    align: str = "left",
    indent: int | None = None,
    narrow: int = 0,
    reset: bool = False,
) -> str:
    """Return paragraph properties (`a:pPr` or `a:lvlNpPr`) as text: margin (EMU) with the
    bullet of `level` hanging in it (by `indent` EMU if given, else one column), exact line
    pitch, space before, East Asian line breaking; lines `narrow` EMU narrower (`margins`);
    `reset`: the right margin is written even when 0."""
    if indent is None:
        indent = -(margin // level) if level else 0  # the bullet sits one column left of the text
    left, right = margins(margin, narrow, align)
    right_attr = f' marR="{right}"' if right or reset else ""
    if level:
        bullet = (
            f'<a:buClr>{scheme_color_xml("primary")}</a:buClr><a:buSzPct val="100000"/>'
            f'<a:buFontTx/><a:buChar char="{BULLETS[min(level, 2)]}"/>'
        )
    else:
        bullet = "<a:buNone/>"
    return (
        f'<{tag} marL="{left}"{right_attr} indent="{indent}" algn="{ALIGN[align]}" rtl="0" '
        f'eaLnBrk="1" latinLnBrk="0" hangingPunct="0">'
        f'<a:lnSpc><a:spcPts val="{centipoints(line_pitch)}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{centipoints(space_before)}"/></a:spcBef>{bullet}</{tag}>'
    )


def margins(margin: int, narrow: int, align: str) -> tuple[int, int]:
    """Return the (marL, marR) that set a paragraph's lines `narrow` EMU narrower than its box
    allows (deck.layout.phrases) without moving them: the right margin for left-aligned text,
    the left one for right-aligned text, half each for centred text."""
    if align == "center":
        return margin + narrow // 2, narrow - narrow // 2
    if align == "right":
        return margin + narrow, 0
    return margin, narrow
