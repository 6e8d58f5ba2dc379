"""Slide parts as XML text: one laid-out page's shapes, in reading order.

Knows nothing of python-pptx: what a slide refers to outside itself (hyperlinks, image and
chart parts) comes as relationship ids from the caller's `Refs`. Shapes are numbered from 2
in reading order, the title first. An element that fills a placeholder of its page's layout
is written as that placeholder (`p:ph`) with only what differs from it: its box where it
moved, its anchor and inset, and its text as deck.pptx.paragraphs writes it over the levels
it inherits. Everything else is drawn with every property spelt out; ornaments (rules,
bars, cards, markers) are marked decorative, so screen readers pass over them. Geometry is EMU.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count, groupby

from deck.frozen import frozen
from deck.layout.page import Box, Chart, Page, Ph, Picture, Shape, Table, TextFrame
from deck.pptx.master import DECL, ROOT_NS, background_xml
from deck.pptx.paragraphs import Look, Writer, field_ids
from deck.pptx.styles import body_override_xml, effective_levels
from deck.pptx.text import NS, east_asian_language, outline_xml, solid_fill_xml, xml_attr
from deck.theme import Theme
from deck.theme.model import Master

_GROUP = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
_COLOR_MAP = "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
_RECT = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
_PRESETS = {"rect": "rect", "round_rect": "roundRect", "ellipse": "ellipse", "chevron": "chevron"}
_EMPTY_SHAPE_TEXT = (
    '<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p></p:txBody>'
)
_PLAIN_TABLE_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # built-in "No Style, No Grid"
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_DECORATIVE = (
    '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
    "</a:ext></a:extLst>"
)
_FOOTERS = ("dt", "ftr", "sldNum")


@frozen
class Refs:
    """Relationship ids from the part being written: `link(url)` of an external hyperlink,
    `picture(p)` of the image part showing picture `p`, `chart(c)` of chart `c`'s part."""

    link: Callable[[str], str]
    picture: Callable[[Picture], str]
    chart: Callable[[Chart], str]


def slide_xml(
    page: Page,
    master: Master,
    theme: Theme,
    refs: Refs,
    scope: str,
    background: str | None = None,
    props: dict | None = None,
) -> bytes:
    """Return the slide part (`p:sld`, UTF-8 bytes) for `page` on its layout of `master`,
    with its own background picture (relationship `background`) when it has one. `scope`
    (e.g. 'slide 3') seeds the stable field ids; `props` is the memo of run properties the
    package's text writers share (deck.pptx.paragraphs.Writer), if any. Raises KeyError on
    an unknown layout, placeholder or palette role, ValueError on text XML cannot hold."""
    writer = _Writer(page, master, theme, refs, scope, {} if props is None else props)
    shapes = []
    for group, members in groupby((page.title, *page.elements), key=lambda e: getattr(e, "group", None)):
        if group is None:
            shapes += [writer.element(e) for e in members]
        else:
            shapes.append(writer.group(group, list(members)))
    bg = background_xml(background) if background else ""
    tree = f"<p:cSld>{bg}<p:spTree>{_GROUP}{''.join(shapes)}</p:spTree></p:cSld>"
    return f"{DECL}<p:sld {ROOT_NS}>{tree}{_COLOR_MAP}</p:sld>".encode()


def _xfrm(box: Box, tag: str = "a:xfrm", flip: str = "") -> str:
    return f'<{tag}{flip}><a:off x="{box.x}" y="{box.y}"/><a:ext cx="{box.w}" cy="{box.h}"/></{tag}>'


def _normal(box: Box) -> Box:
    """Return `box` with its width and height made positive (a line may run up or left)."""
    return Box(min(box.x, box.x + box.w), min(box.y, box.y + box.h), abs(box.w), abs(box.h))


def ph_xml(ph: Ph) -> str:
    """Return `p:ph` for a slide's placeholder (type obj and idx 0 left as defaults)."""
    attrs = f' type="{ph.type}"' if ph.type != "obj" else ""
    attrs += ' sz="quarter"' if ph.type in _FOOTERS else ""
    attrs += f' idx="{ph.idx}"' if ph.idx else ""
    return f"<p:ph{attrs}/>"


class _Writer:
    """Writes one page's shapes: numbers them, supplies field ids and relationship ids."""

    def __init__(self, page: Page, master: Master, theme: Theme, refs: Refs, scope: str, props: dict):
        self.page, self.master, self.theme, self.refs = page, master, theme, refs
        self.layout = master.layout(page.layout)
        self.text = Writer(theme, refs.link, field_ids(scope, page.key), east_asian_language(theme), props)
        self._ids = count(2)

    def element(self, element) -> str:
        return _WRITERS[type(element)](self, element)

    def group(self, name: str, members: list) -> str:
        """A group shape holding `members` where they are (its child space is the slide's)."""
        gid = next(self._ids)
        boxes = [_normal(m.box) for m in members]
        x, y = min(b.x for b in boxes), min(b.y for b in boxes)
        box = Box(x, y, max(b.x + b.w for b in boxes) - x, max(b.y + b.h for b in boxes) - y)
        xfrm = (
            f'<a:xfrm><a:off x="{box.x}" y="{box.y}"/><a:ext cx="{box.w}" cy="{box.h}"/>'
            f'<a:chOff x="{box.x}" y="{box.y}"/><a:chExt cx="{box.w}" cy="{box.h}"/></a:xfrm>'
        )
        return (
            f'<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{gid}" name="{xml_attr(name)}"/><p:cNvGrpSpPr/><p:nvPr/>'
            f"</p:nvGrpSpPr><p:grpSpPr>{xfrm}</p:grpSpPr>{''.join(self.element(m) for m in members)}</p:grpSp>"
        )

    def _look(self, frame: TextFrame) -> Look:
        return Look(frame.size, frame.line_pitch, frame.font, frame.color, self.page.language, frame.bold, frame.italic)

    def _name(self, name: str, decorative: bool = False) -> str:
        extra = f">{_DECORATIVE}</p:cNvPr>" if decorative else "/>"
        return f'<p:cNvPr id="{next(self._ids)}" name="{xml_attr(name)}"{extra}'

    def frame(self, frame: TextFrame) -> str:
        """A text box with every property, or the layout placeholder it fills."""
        fill = solid_fill_xml(frame.fill) if frame.fill else "<a:noFill/>"
        if frame.placeholder is None:
            body = self.text.body(
                "p:txBody",
                frame.paragraphs,
                self._look(frame),
                inset=frame.inset,
                anchor=frame.anchor,
                wrap=frame.wrap,
            )
            return (
                f'<p:sp><p:nvSpPr>{self._name(frame.name)}<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
                f"<p:spPr>{_xfrm(frame.box)}{_RECT}{fill}{outline_xml(None, 0)}</p:spPr>{body}</p:sp>"
            )
        base = self.layout.placeholder_for(frame.placeholder.type, frame.placeholder.idx)
        levels = effective_levels(self.master, base)
        # a frame with its template placeholder's own insets inherits them; any other states its own
        body_pr = body_override_xml(frame.anchor, base.inset if frame.insets else frame.inset, base)
        weighted = frame.placeholder.type in ("ftr", "dt")
        body = self.text.placeholder_body(frame.paragraphs, self._look(frame), body_pr, levels, weighted)
        # a placeholder numbered 0 but no title (as LibreOffice numbers them) is found by type
        # in some viewers and by number in others: its box is stated, never inherited
        unnumbered = base.idx == 0 and base.type not in ("title", "ctrTitle")
        xfrm = "" if frame.box == Box(base.x, base.y, base.w, base.h) and not unnumbered else _xfrm(frame.box)
        fill = solid_fill_xml(frame.fill) if frame.fill else ""
        return (
            f'<p:sp><p:nvSpPr>{self._name(frame.name)}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
            f"<p:nvPr>{ph_xml(frame.placeholder)}</p:nvPr></p:nvSpPr><p:spPr>{xfrm}{fill}</p:spPr>{body}</p:sp>"
        )

    def shape(self, shape: Shape) -> str:
        """An ornament, marked decorative: an autoshape, or a straight connector for kind
        'line' (from x,y to x+w,y+h)."""
        line = outline_xml(shape.line, shape.line_width)
        if shape.kind == "line":
            b = shape.box
            flip = (' flipH="1"' if b.w < 0 else "") + (' flipV="1"' if b.h < 0 else "")
            box = _normal(b)
            return (
                f"<p:cxnSp><p:nvCxnSpPr>{self._name(shape.name, decorative=True)}"
                f"<p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr>{_xfrm(box, flip=flip)}"
                f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom>{line}</p:spPr></p:cxnSp>'
            )
        fill = solid_fill_xml(shape.fill) if shape.fill else "<a:noFill/>"
        return (
            f"<p:sp><p:nvSpPr>{self._name(shape.name, decorative=True)}<p:cNvSpPr/>"
            f"<p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(shape.box)}"
            f'<a:prstGeom prst="{_PRESETS[shape.kind]}"><a:avLst/></a:prstGeom>{fill}{line}'
            f"</p:spPr>{_EMPTY_SHAPE_TEXT}</p:sp>"
        )

    def picture(self, picture: Picture) -> str:
        """A picture with its alt text, stretched to its box (which has its aspect ratio), in
        the layout's picture placeholder when it fills one."""
        ph = f"<p:nvPr>{ph_xml(picture.placeholder)}</p:nvPr>" if picture.placeholder else "<p:nvPr/>"
        locks = ' noGrp="1"' if picture.placeholder else ""
        return (
            f'<p:pic><p:nvPicPr><p:cNvPr id="{next(self._ids)}" '
            f'name="{xml_attr(picture.name)}" descr="{xml_attr(picture.alt)}"/>'
            f'<p:cNvPicPr><a:picLocks{locks} noChangeAspect="1"/></p:cNvPicPr>{ph}</p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{self.refs.picture(picture)}"/>'
            f"<a:stretch><a:fillRect/></a:stretch></p:blipFill>"
            f"<p:spPr>{_xfrm(picture.box)}{_RECT}</p:spPr></p:pic>"
        )

    def _graphic(self, name: str, alt: str, box: Box, ph: Ph | None, uri: str, content: str) -> str:
        descr = f' descr="{xml_attr(alt)}"' if alt else ""
        nv = f"<p:nvPr>{ph_xml(ph)}</p:nvPr>" if ph else "<p:nvPr/>"
        return (
            f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{next(self._ids)}" '
            f'name="{xml_attr(name)}"{descr}/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/>'
            f"</p:cNvGraphicFramePr>{nv}</p:nvGraphicFramePr>"
            f'{_xfrm(box, "p:xfrm")}<a:graphic><a:graphicData uri="{uri}">{content}'
            "</a:graphicData></a:graphic></p:graphicFrame>"
        )

    def table(self, table: Table) -> str:
        """A native table: header row (marked as such) and banded rows filled from the
        element's roles, horizontal rules in the muted colour, cell margins = inset."""
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
                + self.text.body("a:txBody", cell.paragraphs, look, inset=None, anchor="middle")
                + props
                + "</a:tc>"
                for cell in row
            )
            rows.append(f'<a:tr h="{height}">{cells}</a:tr>')
        grid = "".join(f'<a:gridCol w="{w}"/>' for w in table.col_widths)
        box = Box(table.box.x, table.box.y, sum(table.col_widths), sum(table.row_heights))
        return self._graphic(
            table.name,
            "",
            box,
            table.placeholder,
            _TABLE_URI,
            f'<a:tbl><a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>'
            f"{_PLAIN_TABLE_STYLE}</a:tableStyleId></a:tblPr>"
            f"<a:tblGrid>{grid}</a:tblGrid>{''.join(rows)}</a:tbl>",
        )

    def chart(self, chart: Chart) -> str:
        """The frame of a native chart whose part the caller made (`refs.chart`), described
        by its alt text."""
        content = f'<c:chart xmlns:c="{NS["c"]}" r:id="{self.refs.chart(chart)}"/>'
        return self._graphic(chart.name, chart.alt, chart.box, chart.placeholder, _CHART_URI, content)


_WRITERS: dict[type, Callable[[_Writer, object], str]] = {
    TextFrame: _Writer.frame,
    Shape: _Writer.shape,
    Picture: _Writer.picture,
    Table: _Writer.table,
    Chart: _Writer.chart,
}
