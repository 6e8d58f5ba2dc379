"""The presentation part, slide master and slide layouts, written from the format-free Master.

The master holds the title, body, date, footer and slide-number placeholders and the text
styles every placeholder inherits (title, body per outline level, other text), its colour
map (a dark theme's swaps dk1/lt1 and dk2/lt2, so bg1 is the dark background and tx1 the
light text) and which footer placeholders a new slide gets. A layout repeats only what
differs from the master: a placeholder's box where it moved, its anchor and inset, the
levels its text roles set. So a slide a person adds in PowerPoint matches the built ones,
and Slide Master edits reach every slide.
"""

from __future__ import annotations

from deck.frozen import replace
from deck.layout.linebreak import NO_END, NO_START
from deck.pptx.styles import body_pr_xml, inherited_levels, level_xml, list_style_xml, master_placeholder
from deck.pptx.text import NS, scheme_name, solid_fill_xml, stable_guid, xml_attr
from deck.theme import Theme
from deck.theme.model import Layout, Level, Master, Placeholder

DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROOT_NS = " ".join(f'xmlns:{p}="{NS[p]}"' for p in ("a", "r", "p"))
NOTES_SIZE = (6_858_000, 9_144_000)  # the notes page, EMU (7.5 × 10 in)
MASTER_ID = 2_147_483_648  # the schema's smallest master/layout id
GROUP = (
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
    '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
    '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
)
_SLOTS = ("bg1", "tx1", "bg2", "tx2")
_LIGHT_MAP = dict(zip(_SLOTS, ("lt1", "dk1", "lt2", "dk2")))
_DARK_MAP = dict(zip(_SLOTS, ("dk1", "lt1", "dk2", "lt2")))
_OTHER_MAP = {**{f"accent{n}": f"accent{n}" for n in range(1, 7)}, "hlink": "hlink", "folHlink": "folHlink"}
_SECTIONS_URI = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"


def color_map_xml(dark: bool) -> str:
    """Return `p:clrMap`: bg1/tx1/bg2/tx2 on the light slots, or for a `dark` theme on the
    dark ones (bg1 = dk1 …); accents and links on themselves."""
    mapping = {**(_DARK_MAP if dark else _LIGHT_MAP), **_OTHER_MAP}
    return "<p:clrMap" + "".join(f' {k}="{v}"' for k, v in mapping.items()) + "/>"


def presentation_xml(
    theme: Theme,
    lang: str,
    master_rid: str,
    notes_master_rid: str | None,
    slide_rids: list[str],
    sections: list[tuple[str, list[int]]],
) -> bytes:
    """Return the presentation part: its master (and notes master), the slides by
    relationship id (ids from 256), slide and notes sizes, the default text style, and
    PowerPoint's sections, each (name, slide positions from 0), when there are any."""
    out = [
        f'{DECL}<p:presentation {ROOT_NS} saveSubsetFonts="1" autoCompressPictures="0">',
        f'<p:sldMasterIdLst><p:sldMasterId id="{MASTER_ID}" r:id="{master_rid}"/></p:sldMasterIdLst>',
    ]
    if notes_master_rid is not None:
        out.append(f'<p:notesMasterIdLst><p:notesMasterId r:id="{notes_master_rid}"/></p:notesMasterIdLst>')
    if slide_rids:
        ids = "".join(f'<p:sldId id="{256 + n}" r:id="{rid}"/>' for n, rid in enumerate(slide_rids))
        out.append(f"<p:sldIdLst>{ids}</p:sldIdLst>")
    out.append(f'<p:sldSz cx="{theme.width}" cy="{theme.height}"/>')
    out.append(f'<p:notesSz cx="{NOTES_SIZE[0]}" cy="{NOTES_SIZE[1]}"/>')
    out.append(kinsoku_xml(lang))
    out.append(nine_levels("p:defaultTextStyle", plain_level(theme, "body"), lang, theme, default=True))
    if sections:
        out.append(f'<p:extLst><p:ext uri="{_SECTIONS_URI}">{_sections_xml(sections)}</p:ext></p:extLst>')
    out.append("</p:presentation>")
    return "".join(out).encode()


def kinsoku_xml(lang: str) -> str:
    """Return `p:kinsoku` for a Japanese deck ('' for others): the characters no line may
    start with (small kana, the prolonged sound mark ー, closing marks: deck.layout.linebreak's
    NO_START) and end with (opening marks), so that PowerPoint breaks Japanese lines where the
    measurement predicts, as LibreOffice does for Japanese text by its own rules."""
    if lang.split("-")[0].lower() != "ja":
        return ""
    start, end = ("".join(sorted(chars)) for chars in (NO_START, NO_END))
    return f'<p:kinsoku lang="ja-JP" invalStChars="{xml_attr(start)}" invalEndChars="{xml_attr(end)}"/>'


def _sections_xml(sections: list[tuple[str, list[int]]]) -> str:
    parts = []
    for n, (name, slides) in enumerate(sections):
        ids = "".join(f'<p14:sldId id="{256 + i}"/>' for i in slides)
        guid = stable_guid("section", n, name)
        parts.append(
            f'<p14:section name="{xml_attr(name)}" id="{guid}"><p14:sldIdLst>{ids}</p14:sldIdLst></p14:section>'
        )
    return f'<p14:sectionLst xmlns:p14="{_P14}">{"".join(parts)}</p14:sectionLst>'


def slide_master_xml(
    master: Master,
    theme: Theme,
    lang: str,
    layout_rids: list[str],
    background_rid: str | None = None,
    logo_rid: str | None = None,
) -> bytes:
    """Return the slide master part: background (the colour, or the picture of relationship
    `background_rid`), its placeholders, the theme's logo (picture `logo_rid`), the colour
    map, its layouts (by relationship id, in order), which footer placeholders new slides
    get, and the title, body and other text styles."""
    shapes = "".join(
        _placeholder_sp(n, ph, None, ph.levels if _has_own_style(ph) else (), (), lang, theme)
        for n, ph in enumerate(master.placeholders, 2)
    )
    if logo_rid is not None and theme.logo is not None:
        shapes += logo_xml(theme, logo_rid, len(master.placeholders) + 2)
    layouts = "".join(f'<p:sldLayoutId id="{MASTER_ID + n}" r:id="{rid}"/>' for n, rid in enumerate(layout_rids, 1))
    footer = theme.footer
    hf = '<p:hf hdr="0" dt="0"' + ("" if footer.section or footer.text else ' ftr="0"')
    hf += ("" if footer.slide_number else ' sldNum="0"') + "/>"
    body = "".join(level_xml(f"a:lvl{n}pPr", level, lang, theme) for n, level in enumerate(master.body_style, 1))
    return (
        f"{DECL}<p:sldMaster {ROOT_NS}><p:cSld>{background_xml(background_rid)}"
        f"<p:spTree>{GROUP}{shapes}</p:spTree></p:cSld>{color_map_xml(theme.dark)}"
        f"<p:sldLayoutIdLst>{layouts}</p:sldLayoutIdLst>{hf}<p:txStyles>"
        f"<p:titleStyle>{level_xml('a:lvl1pPr', master.title_style, lang, theme)}</p:titleStyle>"
        f"<p:bodyStyle>{body}</p:bodyStyle>"
        f"{nine_levels('p:otherStyle', master.other_style, lang, theme, default=True)}"
        "</p:txStyles></p:sldMaster>"
    ).encode()


def background_xml(rid: str | None) -> str:
    """Return `p:bg`: the picture of relationship `rid` filling the slide, or (None) the
    background colour."""
    if rid is None:
        return f"<p:bg><p:bgPr>{solid_fill_xml('background')}<a:effectLst/></p:bgPr></p:bg>"
    return (
        f'<p:bg><p:bgPr><a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="{xml_attr(rid)}"/><a:srcRect/>'
        "<a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>"
    )


def logo_xml(theme: Theme, rid: str, shape_id: int) -> str:
    """Return the theme's logo as a picture of relationship `rid`, its aspect kept, centred
    in the top margin at its corner (aligned with the margin's edge)."""
    logo = theme.logo
    y = (theme.margin_top - logo.height) // 2
    x = theme.margin_left if logo.position == "top-left" else theme.width - theme.margin_right - logo.width
    return (
        f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="Logo" descr="{xml_attr(logo.alt)}"/>'
        '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr userDrawn="1"/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{xml_attr(rid)}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{logo.width}" cy="{logo.height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    )


def slide_layout_xml(master: Master, layout: Layout, theme: Theme, lang: str) -> bytes:
    """Return the part of slide layout `layout`: its type, name and placeholders, each
    giving only what differs from the master placeholder it inherits from."""
    shapes = "".join(
        _placeholder_sp(
            n, ph, master_placeholder(master, ph.type), ph.levels, inherited_levels(master, ph.type), lang, theme
        )
        for n, ph in enumerate(layout.placeholders, 2)
    )
    drawn = ' userDrawn="1"' if layout.type == "cust" else ""
    return (
        f'{DECL}<p:sldLayout {ROOT_NS} type="{layout.type}" preserve="1"{drawn}>'
        f'<p:cSld name="{xml_attr(layout.name)}"><p:spTree>{GROUP}{shapes}</p:spTree></p:cSld>'
        "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    ).encode()


def _has_own_style(ph: Placeholder) -> bool:
    """Whether a master placeholder carries its own list style (the footer's; the title and
    body take the master's text styles)."""
    return ph.type in ("dt", "ftr", "sldNum")


def _placeholder_sp(
    shape_id: int,
    ph: Placeholder,
    base: Placeholder | None,
    levels: tuple[Level, ...],
    inherited: tuple[Level, ...],
    lang: str,
    theme: Theme,
) -> str:
    """Return a master's (`base` None) or layout's placeholder shape: its box where it
    differs from `base`'s, its text body properties and the levels that differ from
    `inherited`; a slide-number placeholder holds the slide-number field."""
    attrs = f' type="{ph.type}"' if ph.type != "obj" else ""
    if ph.idx:
        attrs += f' idx="{ph.idx}"'
    if ph.type in ("dt", "ftr", "sldNum"):
        attrs += ' sz="quarter"'
    box = (ph.x, ph.y, ph.w, ph.h)
    xfrm = ""
    if base is None or box != (base.x, base.y, base.w, base.h):
        xfrm = f'<a:xfrm><a:off x="{ph.x}" y="{ph.y}"/><a:ext cx="{ph.w}" cy="{ph.h}"/></a:xfrm>'
        xfrm += '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    text = f'<a:endParaRPr lang="{xml_attr(lang)}"/>'
    if ph.type == "sldNum":
        guid = stable_guid("slide number", ph.idx, shape_id)
        text = f'<a:fld id="{guid}" type="slidenum"><a:rPr lang="{xml_attr(lang)}"/><a:t>\u2039#\u203a</a:t></a:fld>'
    body = ""
    if ph.type != "pic" or ph.levels:
        style = list_style_xml(levels, inherited, lang, theme)
        body = f"<p:txBody>{body_pr_xml(ph, base)}{style}<a:p>{text}</a:p></p:txBody>"
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{xml_attr(ph.name)} {shape_id - 1}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph{attrs}/></p:nvPr></p:nvSpPr>'
        f"<p:spPr>{xfrm}</p:spPr>{body}</p:sp>"
    )


def plain_level(theme: Theme, role: str) -> Level:
    """Return text role `role` as an unbulleted level without space before (text boxes)."""
    style = theme.text[role]
    pitch = round(theme.line_spacing * style.size)
    return Level(
        role, style.size, pitch, 0, 0, 0, None, None, "left", style.font, style.color, style.bold, style.italic
    )


def nine_levels(tag: str, level: Level, lang: str, theme: Theme, default: bool) -> str:
    """Return a nine-level list style (`p:otherStyle`, `p:defaultTextStyle`, `p:notesStyle`):
    `level` at the outer level, each deeper one indented one em further."""
    levels = "".join(
        level_xml(f"a:lvl{n}pPr", replace(level, margin=(n - 1) * level.size), lang, theme) for n in range(1, 10)
    )
    head = f'<a:defPPr><a:defRPr lang="{xml_attr(lang)}"/></a:defPPr>' if default else ""
    return f"<{tag}>{head}{levels}</{tag}>"


def table_styles_xml(theme: Theme) -> bytes:
    """Return ppt/tableStyles.xml: the theme's table style, the default for a table a person
    adds — the look of deck's own tables (text on the background, every second row on the
    surface colour, the header row in the background colour on primary, rules in muted),
    in the colour map's names, so a dark theme's table is light text on dark cells."""
    guid = stable_guid("table style", theme.name)
    rule = f'<a:ln w="{theme.rule_width}">{solid_fill_xml("muted")}</a:ln>'
    none = "<a:ln><a:noFill/></a:ln>"
    borders = "".join(
        f"<a:{side}>{rule if side in ('top', 'bottom', 'insideH') else none}</a:{side}>"
        for side in ("left", "right", "top", "bottom", "insideH", "insideV")
    )

    def cells(fill: str, text: str | None = None, bold: bool = False, edges: str = "") -> str:
        weight = ' b="on"' if bold else ""
        font = ""
        if text:
            font = (
                f'<a:tcTxStyle{weight}><a:fontRef idx="minor"/><a:schemeClr val="{scheme_name(text)}"/></a:tcTxStyle>'
            )
        return f"{font}<a:tcStyle><a:tcBdr>{edges}</a:tcBdr><a:fill>{solid_fill_xml(fill)}</a:fill></a:tcStyle>"

    return (
        f'{DECL}<a:tblStyleLst xmlns:a="{NS["a"]}" def="{guid}">'
        f'<a:tblStyle styleId="{guid}" styleName="{xml_attr(theme.name)}">'
        f"<a:wholeTbl>{cells('background', 'text', edges=borders)}</a:wholeTbl>"
        f"<a:band2H>{cells('surface')}</a:band2H>"
        f"<a:firstRow>{cells('primary', 'background', bold=True)}</a:firstRow>"
        "</a:tblStyle></a:tblStyleLst>"
    ).encode()
