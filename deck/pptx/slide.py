"""Slide and notes-slide parts as XML text: one laid-out page's shapes, in reading order.

Knows nothing of python-pptx: what a slide refers to outside itself (hyperlinks, image and
chart parts) comes as relationship ids from the caller's `Refs`. Shapes are numbered from 2
in reading order, the title first (the layout's title placeholder); a frame marked 'body' or
'subtitle' fills the layout's second placeholder where it has one. Geometry is EMU.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import count

from deck.layout.page import Box, Chart, Page, Picture, Shape, Table, TextFrame
from deck.pptx.master import NOTES_BODY, NOTES_IMAGE, NOTES_NUMBER, NOTES_ROLE, PLACEHOLDERS
from deck.pptx.text import NS, Look, outline_xml, solid_fill_xml, stable_guid, text_body_xml, xml_attr
from deck.theme import Theme

DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_ROOT_NS = " ".join(f'xmlns:{p}="{NS[p]}"' for p in ("a", "p", "r"))
_GROUP = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
_NOTES_GROUP = (
    '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
    '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
)
_COLOR_MAP = "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
_RECT = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
_PRESETS = {"rect": "rect", "round_rect": "roundRect", "ellipse": "ellipse", "chevron": "chevron"}
_EMPTY_SHAPE_TEXT = (
    '<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p></p:txBody>'
)
_FRAME_LOCKS = '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr>'
_PLAIN_TABLE_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # built-in "No Style, No Grid"
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_TAKES_PLACEHOLDER = ("body", "subtitle")  # frame.placeholder values that fill the second one


@dataclass(frozen=True)
class Refs:
    """Relationship ids from the part being written: `link(url)` of an external hyperlink,
    `picture(p)` of the image part showing picture `p`, `chart(c)` of chart `c`'s part."""

    link: Callable[[str], str]
    picture: Callable[[Picture], str]
    chart: Callable[[Chart], str]


def slide_xml(page: Page, layout: str, theme: Theme, refs: Refs, scope: str) -> bytes:
    """Return the slide part (`p:sld`, UTF-8 bytes) for `page` on layout kind `layout` (a key
    of deck.pptx.master.PLACEHOLDERS). `scope` (e.g. 'slide 3') seeds the stable field ids.
    Raises KeyError on an unknown layout or palette role, ValueError on text XML cannot hold."""
    title_ph, second_ph = PLACEHOLDERS[layout]
    writer = _Writer(page, theme, refs, scope)
    shapes = [writer.text(page.title, title_ph)]
    for element in page.elements:
        if second_ph is not None and isinstance(element, TextFrame) and element.placeholder in _TAKES_PLACEHOLDER:
            shapes.append(writer.text(element, second_ph))
            second_ph = None
        else:
            shapes.append(writer.element(element))
    return (
        f"{DECL}<p:sld {_ROOT_NS}><p:cSld><p:spTree>{_GROUP}<p:grpSpPr/>{''.join(shapes)}"
        f"</p:spTree></p:cSld>{_COLOR_MAP}</p:sld>"
    ).encode()


def notes_xml(page: Page, theme: Theme, link: Callable[[str], str], scope: str) -> bytes:
    """Return the notes-slide part (`p:notes`) with the page's notes in the notes role, in
    the body placeholder between the slide image and the slide number (as the master)."""
    style = theme.text[NOTES_ROLE]
    look = Look(style.size, round(theme.line_spacing * style.size), style.font, style.color, page.language)
    fields = _field_ids(scope, page.key)
    body = text_body_xml("p:txBody", page.notes, look, theme, inset=0, anchor="top", link=link, field_id=fields)
    shapes = (
        _placeholder_sp(2, *NOTES_IMAGE, "")
        + _placeholder_sp(3, *NOTES_BODY, body)
        + _placeholder_sp(4, *NOTES_NUMBER, "")
    )
    return (
        f"{DECL}<p:notes {_ROOT_NS}><p:cSld><p:spTree>{_GROUP}{_NOTES_GROUP}{shapes}"
        f"</p:spTree></p:cSld>{_COLOR_MAP}</p:notes>"
    ).encode()


def _field_ids(scope: str, key: str) -> Callable[[], str]:
    """Return a source of GUIDs for a part's fields, stable for its scope, key and position."""
    numbers = count(1)
    return lambda: stable_guid(scope, key, next(numbers))


def _xfrm(box: Box, tag: str = "a:xfrm", flip: str = "") -> str:
    return f'<{tag}{flip}><a:off x="{box.x}" y="{box.y}"/><a:ext cx="{box.w}" cy="{box.h}"/></{tag}>'


def _ph(attrib: dict[str, str]) -> str:
    return "<p:ph" + "".join(f' {k}="{v}"' for k, v in attrib.items()) + "/>"


def _placeholder_sp(shape_id: int, name: str, ph: dict[str, str], body: str) -> str:
    """Return a placeholder shape that inherits its place from the master (empty spPr)."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{xml_attr(name)}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{_ph(ph)}</p:nvPr></p:nvSpPr>'
        f"<p:spPr/>{body}</p:sp>"
    )


class _Writer:
    """Writes one page's shapes: numbers them, supplies field ids and relationship ids."""

    def __init__(self, page: Page, theme: Theme, refs: Refs, scope: str):
        self.page, self.theme, self.refs = page, theme, refs
        self.field_id = _field_ids(scope, page.key)
        self._ids = count(2)

    def element(self, element) -> str:
        return _WRITERS[type(element)](self, element)

    def text(self, frame: TextFrame, ph: dict[str, str] | None = None) -> str:
        """A text box, or with `ph` a placeholder placed and filled explicitly."""
        look = Look(frame.size, frame.line_pitch, frame.font, frame.color, self.page.language, frame.bold, frame.italic)
        body = text_body_xml(
            "p:txBody",
            frame.paragraphs,
            look,
            self.theme,
            inset=frame.inset,
            anchor=frame.anchor,
            link=self.refs.link,
            field_id=self.field_id,
        )
        if ph is None:
            kind = '<p:cNvSpPr txBox="1"/><p:nvPr/>'
        else:
            kind = f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{_ph(ph)}</p:nvPr>'
        fill = solid_fill_xml(frame.fill) if frame.fill else "<a:noFill/>"
        return (
            f'<p:sp><p:nvSpPr><p:cNvPr id="{next(self._ids)}" name="{xml_attr(frame.name)}"/>'
            f"{kind}</p:nvSpPr><p:spPr>{_xfrm(frame.box)}{_RECT}{fill}{outline_xml(None, 0)}"
            f"</p:spPr>{body}</p:sp>"
        )

    def shape(self, shape: Shape) -> str:
        """An autoshape, or a straight connector for kind 'line' (from x,y to x+w,y+h)."""
        name = xml_attr(shape.name)
        line = outline_xml(shape.line, shape.line_width)
        if shape.kind == "line":
            b = shape.box
            flip = (' flipH="1"' if b.w < 0 else "") + (' flipV="1"' if b.h < 0 else "")
            box = Box(min(b.x, b.x + b.w), min(b.y, b.y + b.h), abs(b.w), abs(b.h))
            return (
                f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{next(self._ids)}" name="{name}"/>'
                f"<p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr>{_xfrm(box, flip=flip)}"
                f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom>{line}</p:spPr></p:cxnSp>'
            )
        fill = solid_fill_xml(shape.fill) if shape.fill else "<a:noFill/>"
        return (
            f'<p:sp><p:nvSpPr><p:cNvPr id="{next(self._ids)}" name="{name}"/><p:cNvSpPr/>'
            f"<p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(shape.box)}"
            f'<a:prstGeom prst="{_PRESETS[shape.kind]}"><a:avLst/></a:prstGeom>{fill}{line}'
            f"</p:spPr>{_EMPTY_SHAPE_TEXT}</p:sp>"
        )

    def picture(self, picture: Picture) -> str:
        """A picture with its alt text, stretched to its box (which has its aspect ratio)."""
        return (
            f'<p:pic><p:nvPicPr><p:cNvPr id="{next(self._ids)}" '
            f'name="{xml_attr(picture.name)}" descr="{xml_attr(picture.alt)}"/>'
            '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{self.refs.picture(picture)}"/>'
            f"<a:stretch><a:fillRect/></a:stretch></p:blipFill>"
            f"<p:spPr>{_xfrm(picture.box)}{_RECT}</p:spPr></p:pic>"
        )

    def _frame(self, name: str, box: Box, uri: str, content: str) -> str:
        return (
            f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{next(self._ids)}" '
            f'name="{xml_attr(name)}"/>{_FRAME_LOCKS}<p:nvPr/></p:nvGraphicFramePr>'
            f'{_xfrm(box, "p:xfrm")}<a:graphic><a:graphicData uri="{uri}">{content}'
            "</a:graphicData></a:graphic></p:graphicFrame>"
        )

    def table(self, table: Table) -> str:
        """A native table: header row and banded rows filled from the element's roles,
        horizontal rules in the muted colour, cell margins = inset, no built-in style."""
        cells_margin = "".join(f' mar{side}="{table.inset}"' for side in "LRTB")
        rule = f'w="{self.theme.rule_width}">{solid_fill_xml("muted")}'
        borders = f"<a:lnL><a:noFill/></a:lnL><a:lnR><a:noFill/></a:lnR><a:lnT {rule}</a:lnT><a:lnB {rule}</a:lnB>"
        rows = []
        for r, (row, height) in enumerate(zip(table.rows, table.row_heights)):
            color = table.header_color if r == 0 else table.color
            look = Look(table.size, table.line_pitch, table.font, color, self.page.language)
            fill = table.header_fill if r == 0 else table.band_fill if r % 2 == 0 else None
            props = (
                f'<a:tcPr{cells_margin} anchor="ctr">{borders}'
                f"{solid_fill_xml(fill) if fill else '<a:noFill/>'}</a:tcPr>"
            )
            cells = "".join(
                "<a:tc>"
                + text_body_xml(
                    "a:txBody",
                    cell.paragraphs,
                    look,
                    self.theme,
                    inset=None,
                    anchor="middle",
                    link=self.refs.link,
                    field_id=self.field_id,
                )
                + props
                + "</a:tc>"
                for cell in row
            )
            rows.append(f'<a:tr h="{height}">{cells}</a:tr>')
        grid = "".join(f'<a:gridCol w="{w}"/>' for w in table.col_widths)
        box = Box(table.box.x, table.box.y, sum(table.col_widths), sum(table.row_heights))
        return self._frame(
            table.name,
            box,
            _TABLE_URI,
            f'<a:tbl><a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>'
            f"{_PLAIN_TABLE_STYLE}</a:tableStyleId></a:tblPr>"
            f"<a:tblGrid>{grid}</a:tblGrid>{''.join(rows)}</a:tbl>",
        )

    def chart(self, chart: Chart) -> str:
        """The frame of a native chart whose part the caller made (`refs.chart`)."""
        return self._frame(
            chart.name, chart.box, _CHART_URI, f'<c:chart xmlns:c="{NS["c"]}" r:id="{self.refs.chart(chart)}"/>'
        )


_WRITERS: dict[type, Callable[[_Writer, object], str]] = {
    TextFrame: _Writer.text,
    Shape: _Writer.shape,
    Picture: _Writer.picture,
    Table: _Writer.table,
    Chart: _Writer.chart,
}
