"""The file's own theme part (a:theme) written from a deck Theme: colour, font and format schemes.

The colour scheme takes the palette slot by slot (Theme.scheme_slots: a dark theme keeps dk1
dark and lt1 light, and its master's colour map swaps them), the font scheme the heading font
as major and the body font as minor (Latin and East Asian faces, and a face per East Asian
script, so that Japanese or Korean runs in a Chinese deck get their own), and the format scheme
is plain: solid fills, lines of the theme's rule width, no effects, all in the placeholder
colour `phClr`, so that no colour but the palette's appears anywhere. Written as XML text, as
every other part deck writes.
"""

from __future__ import annotations

from deck.pptx.text import NS, xml_attr
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
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PH_FILL = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'


def theme_xml(theme: Theme) -> bytes:
    """Return the theme part (`ppt/theme/themeN.xml`) for `theme` as UTF-8 XML bytes."""
    name = xml_attr(theme.name)
    return (
        f'{_DECL}<a:theme xmlns:a="{NS["a"]}" name="{name}"><a:themeElements>'
        f"{_color_scheme(theme)}{_font_scheme(theme)}{_format_scheme(theme)}</a:themeElements>"
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    ).encode()


def _color_scheme(theme: Theme) -> str:
    """Return `a:clrScheme`: each palette role's colour in its slot, as literal sRGB."""
    by_slot = {slot: theme.palette[role].upper() for role, slot in theme.scheme_slots().items()}
    slots = "".join(f'<a:{slot}><a:srgbClr val="{xml_attr(by_slot[slot])}"/></a:{slot}>' for slot in _SLOT_ORDER)
    return f'<a:clrScheme name="{xml_attr(theme.name)}">{slots}</a:clrScheme>'


def _font_scheme(theme: Theme) -> str:
    """Return `a:fontScheme`: heading faces as the major font, body faces as the minor, each
    with its face per East Asian script (Hans, Hant, Jpan, Hang)."""
    fonts = []
    for tag, role in (("a:majorFont", "heading"), ("a:minorFont", "body")):
        face = theme.fonts[role]
        scripts = "".join(
            f'<a:font script="{xml_attr(script)}" typeface="{xml_attr(typeface)}"/>'
            for script, typeface in face.scripts().items()
        )
        fonts.append(
            f'<{tag}><a:latin typeface="{xml_attr(face.latin)}"/><a:ea typeface="{xml_attr(face.ea)}"/>'
            f'<a:cs typeface=""/>{scripts}</{tag}>'
        )
    return f'<a:fontScheme name="{xml_attr(theme.name)}">{"".join(fonts)}</a:fontScheme>'


def _format_scheme(theme: Theme) -> str:
    lines = "".join(
        f'<a:ln w="{n * theme.rule_width}" cap="flat" cmpd="sng" algn="ctr">{_PH_FILL}<a:prstDash val="solid"/></a:ln>'
        for n in (1, 2, 3)
    )
    return (
        f'<a:fmtScheme name="{xml_attr(theme.name)}"><a:fillStyleLst>{_PH_FILL * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{lines}</a:lnStyleLst>"
        f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{_PH_FILL * 3}</a:bgFillStyleLst></a:fmtScheme>"
    )
