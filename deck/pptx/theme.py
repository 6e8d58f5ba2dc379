"""The file's own theme part (a:theme) written from a deck Theme: colour, font and format schemes.

The colour scheme takes the palette slot by slot (Theme.scheme_slots: a dark theme keeps dk1
dark and lt1 light, and its master's colour map swaps them), the font scheme the heading font
as major and the body font as minor (Latin and East Asian faces, and a face per East Asian
script, so that Japanese or Korean runs in a Chinese deck get their own), and the format scheme
is plain: solid fills, lines of the theme's rule width, no effects, all in the placeholder
colour `phClr`, so that no colour but the palette's appears anywhere.
"""

from __future__ import annotations

from lxml import etree

from deck.pptx.text import el, sub
from deck.theme import Theme

_SLOT_ORDER = (
    "dk1",
    "lt1",
    "dk2",
    "lt2",
    "accent1",
    "accent2",
    "accent3",
    "accent4",
    "accent5",
    "accent6",
    "hlink",
    "folHlink",
)  # the schema's order


def theme_xml(theme: Theme) -> bytes:
    """Return the theme part (`ppt/theme/themeN.xml`) for `theme` as UTF-8 XML bytes."""
    root = el("a:theme", {"name": theme.name})
    elements = sub(root, "a:themeElements")
    elements.append(color_scheme(theme))
    elements.append(font_scheme(theme))
    elements.append(_format_scheme(theme))
    sub(root, "a:objectDefaults")
    sub(root, "a:extraClrSchemeLst")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def color_scheme(theme: Theme) -> etree._Element:
    """Return `a:clrScheme`: each palette role's colour in its slot, as literal sRGB."""
    by_slot = {slot: theme.palette[role].upper() for role, slot in theme.scheme_slots().items()}
    scheme = el("a:clrScheme", {"name": theme.name})
    for slot in _SLOT_ORDER:
        sub(sub(scheme, f"a:{slot}"), "a:srgbClr", {"val": by_slot[slot]})
    return scheme


def font_scheme(theme: Theme) -> etree._Element:
    """Return `a:fontScheme`: heading faces as the major font, body faces as the minor, each
    with its face per East Asian script (Hans, Hant, Jpan, Hang)."""
    scheme = el("a:fontScheme", {"name": theme.name})
    for tag, role in (("a:majorFont", "heading"), ("a:minorFont", "body")):
        face = theme.fonts[role]
        font = sub(scheme, tag)
        sub(font, "a:latin", {"typeface": face.latin})
        sub(font, "a:ea", {"typeface": face.ea})
        sub(font, "a:cs", {"typeface": ""})
        for script, typeface in face.scripts().items():
            sub(font, "a:font", {"script": script, "typeface": typeface})
    return scheme


def _format_scheme(theme: Theme) -> etree._Element:
    scheme = el("a:fmtScheme", {"name": theme.name})
    fills, lines = sub(scheme, "a:fillStyleLst"), sub(scheme, "a:lnStyleLst")
    effects, backgrounds = sub(scheme, "a:effectStyleLst"), sub(scheme, "a:bgFillStyleLst")
    for n in (1, 2, 3):
        fills.append(_ph_fill())
        line = sub(lines, "a:ln", {"w": str(n * theme.rule_width), "cap": "flat", "cmpd": "sng", "algn": "ctr"})
        line.append(_ph_fill())
        sub(line, "a:prstDash", {"val": "solid"})
        sub(sub(effects, "a:effectStyle"), "a:effectLst")
        backgrounds.append(_ph_fill())
    return scheme


def _ph_fill() -> etree._Element:
    return el("a:solidFill", None, el("a:schemeClr", {"val": "phClr"}))
