"""The notes master and the notes slides: speaker notes under a picture of the slide.

The notes page is PowerPoint's portrait 7.5 × 10 in. Notes text takes the theme's 'small'
role. The notes master keeps the light colour map whatever the theme: its page is the
scheme's light colour (lt1) and its text the dark one (dk1), so a dark theme's notes still
print and read as dark text on a light page.
"""

from __future__ import annotations

from deck.frozen import replace
from deck.layout.page import Page, Paragraph
from deck.pptx.master import DECL, GROUP, NOTES_SIZE, ROOT_NS, color_map_xml, nine_levels, plain_level
from deck.pptx.paragraphs import Look, Writer
from deck.pptx.styles import level_xml
from deck.pptx.text import solid_fill_xml, stable_guid, xml_attr
from deck.theme import Theme

NOTES_ROLE = "small"  # the text role speaker notes are set in
# The notes master's placeholders, which every notes slide repeats: (name, `p:ph` attributes).
_IMAGE = ("Slide Image Placeholder 1", ' type="sldImg" idx="2"')
_BODY = ("Notes Placeholder 2", ' type="body" sz="quarter" idx="3"')
_NUMBER = ("Slide Number Placeholder 3", ' type="sldNum" sz="quarter" idx="5"')


def notes_master_xml(theme: Theme, lang: str) -> bytes:
    """Return the notes master part for a NOTES_SIZE page: slide image above, notes body
    below, slide number at the foot, on the light colour map."""
    width, height = NOTES_SIZE
    margin = width // 10
    image_w = width - 2 * margin
    image = (margin, margin, image_w, image_w * theme.height // theme.width)
    level = plain_level(theme, NOTES_ROLE)
    pitch = level.line_pitch
    body_y = image[1] + image[3] + margin // 2
    number = (width - margin - width // 4, height - margin // 2 - 2 * pitch, width // 4, 2 * pitch)
    body = (margin, body_y, image_w, number[1] - body_y - margin // 4)
    field = (
        f'<a:fld id="{stable_guid("notes master", "slidenum")}" type="slidenum">'
        f'<a:rPr lang="{xml_attr(lang)}"/><a:t>\u2039#\u203a</a:t></a:fld>'
    )
    right = level_xml("a:lvl1pPr", replace(level, align="right"), lang, theme)
    shapes = (
        _sp(2, _IMAGE, image, None)
        + _sp(3, _BODY, body, _body_pr("t") + f'<a:lstStyle/><a:p><a:endParaRPr lang="{xml_attr(lang)}"/></a:p>')
        + _sp(4, _NUMBER, number, _body_pr("b") + f"<a:lstStyle>{right}</a:lstStyle><a:p>{field}</a:p>")
    )
    return (
        f"{DECL}<p:notesMaster {ROOT_NS}><p:cSld><p:bg><p:bgPr>{solid_fill_xml('background')}<a:effectLst/>"
        f"</p:bgPr></p:bg><p:spTree>{GROUP}{shapes}</p:spTree></p:cSld>{color_map_xml(False)}"
        f"{nine_levels('p:notesStyle', level, lang, theme, default=False)}</p:notesMaster>"
    ).encode()


def notes_xml(page: Page, theme: Theme, writer: Writer) -> bytes:
    """Return the notes-slide part (`p:notes`) with the page's notes in the notes role, in
    the body placeholder between the slide image and the slide number (as the master)."""
    style = theme.text[NOTES_ROLE]
    look = Look(style.size, round(theme.line_spacing * style.size), style.font, style.color, page.language)
    body = writer.body("p:txBody", notes_paragraphs(page.notes, style.size), look, inset=0, anchor="top")
    shapes = _sp(2, _IMAGE, None, None) + _sp(3, _BODY, None, body, wrapped=True) + _sp(4, _NUMBER, None, None)
    return (
        f"{DECL}<p:notes {ROOT_NS}><p:cSld><p:spTree>{GROUP}{shapes}"
        "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
    ).encode()


def notes_paragraphs(notes: tuple[Paragraph, ...], size: int) -> tuple[Paragraph, ...]:
    """Return the notes' paragraphs as set on the notes page (`size`: the notes' type size,
    EMU): a list item's bullet hangs one em left of its text, each level one em deeper; half
    a line before every paragraph but the first, except between items of one list."""
    out = []
    for n, par in enumerate(notes):
        gap = 0 if n == 0 or (par.level and notes[n - 1].level) else size // 2
        out.append(replace(par, indent=par.level * size, space_before=gap))
    return tuple(out)


def _body_pr(anchor: str) -> str:
    insets = "".join(f' {side}Ins="0"' for side in "ltrb")
    return f'<a:bodyPr vert="horz" wrap="square"{insets} rtlCol="0" anchor="{anchor}"><a:noAutofit/></a:bodyPr>'


def _sp(
    shape_id: int, ph: tuple[str, str], box: tuple[int, int, int, int] | None, body: str | None, wrapped: bool = False
) -> str:
    """Return a notes placeholder shape placed at `box` (or inheriting its place), with
    text body `body` (`wrapped`: already a whole `p:txBody`)."""
    name, attrs = ph
    sp_pr = "<p:spPr/>"
    if box is not None:
        x, y, w, h = box
        xfrm = f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        sp_pr = f'<p:spPr>{xfrm}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
    text = "" if body is None else body if wrapped else f"<p:txBody>{body}</p:txBody>"
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{xml_attr(name)}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph{attrs}/></p:nvPr></p:nvSpPr>'
        f"{sp_pr}{text}</p:sp>"
    )
