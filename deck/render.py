"""Render stage: laid-out Pages and a Theme → .pptx bytes. The only module that imports pptx.

python-pptx supplies the package (parts, relationships, ids, chart workbooks); the XML that
carries the look comes from deck.ooxml_* and refers to the file's own theme. The stock
template's master, layouts, notes master, theme and properties are all replaced, and the
package is re-zipped deterministically: the same input gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml

from deck.ooxml_chart import format_chart
from deck.ooxml_master import (LAYOUT_NAMES, NOTES_ROLE, layout_cSld, list_style,
                               master_parts, notes_master_parts)
from deck.ooxml_package import app_xml, core_xml, repack, view_props_xml
from deck.ooxml_text import (Look, el, no_fill, outline, qn, solid_fill, stable_guid, sub,
                             text_body)
from deck.ooxml_theme import theme_xml
from deck.page import Box, Chart, Element, Page, Pages, Picture, Shape, Table, TextFrame
from deck.theme import Theme

_AUTOSHAPES = {"rect": MSO_SHAPE.RECTANGLE, "round_rect": MSO_SHAPE.ROUNDED_RECTANGLE,
               "ellipse": MSO_SHAPE.OVAL, "chevron": MSO_SHAPE.CHEVRON}
_CHART_TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
                "line": XL_CHART_TYPE.LINE_MARKERS, "pie": XL_CHART_TYPE.PIE}
_PLAIN_TABLE_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # built-in "No Style, No Grid"
_PLACEHOLDER_IDX = {"body": 1, "subtitle": 1}  # a frame's placeholder → its layout's ph idx


def render_pptx(pages: Pages, theme: Theme) -> bytes:
    """Return the .pptx file for `pages` styled by `theme`, as bytes.

    Deterministic: equal inputs give identical bytes (no clock, no random ids). Raises
    KeyError/ValueError on pages that name an unknown role, kind or layout (a layout bug).
    """
    prs = Presentation()
    lang = pages.info.language
    kinds = {_layout_kind(p) for p in pages.pages} or {"content"}  # a master needs a layout
    layouts = _prepare(prs, kinds, theme, lang)
    notes = [p for p in pages.pages if p.notes]
    themes = [prs.slide_master.part.part_related_by(RT.THEME)]
    if notes:
        themes.append(_prepare_notes_master(prs, theme, lang))
    for number, page in enumerate(pages.pages, 1):
        _add_slide(prs, layouts[_layout_kind(page)], page, theme, number)
    replace = {str(part.partname).lstrip("/"): theme_xml(theme) for part in themes}
    replace["docProps/core.xml"] = core_xml(pages.info)
    replace["docProps/app.xml"] = app_xml(len(pages.pages), len(notes))
    replace["ppt/viewProps.xml"] = view_props_xml()
    out = io.BytesIO()
    prs.save(out)
    return repack(out.getvalue(), replace, pages.info.created,
                  {"xl/theme/theme1.xml": theme_xml(theme)})


def _layout_kind(page: Page) -> str:
    """Return the LAYOUT_NAMES key `page` is based on (content with a body placeholder
    takes 'Title and Content', other content 'Title Only')."""
    if page.layout not in ("title", "section", "content"):
        raise ValueError(f"unknown page layout {page.layout!r}")
    has_body = any(isinstance(e, TextFrame) and e.placeholder == "body" for e in page.elements)
    return "content_body" if page.layout == "content" and has_body else page.layout


def _adopt(node: etree._Element):
    """Return `node` re-parsed by python-pptx, so that its element classes apply."""
    return parse_xml(etree.tostring(node))


def _swap(parent, tag: str, new: etree._Element) -> None:
    old = parent.find(qn(tag))
    parent.replace(old, _adopt(new))


def _prepare(prs, kinds: set[str], theme: Theme, lang: str) -> dict:
    """Size the presentation, drop template leftovers, rewrite master and layouts from the
    theme and keep only the layouts in `kinds`; return {kind: SlideLayout}."""
    prs.slide_width, prs.slide_height = theme.width, theme.height
    prs.element.find(qn("p:sldSz")).attrib.pop("type", None)  # not "screen4x3" any more
    for rId, rel in list(prs.part.rels.items()):
        if rel.reltype == RT.PRINTER_SETTINGS:
            prs.part.drop_rel(rId)
    package = prs.part.package
    for rel in [r for r in package.iter_rels() if r.reltype == RT.THUMBNAIL]:
        package.drop_rel(rel.rId)  # the template's thumbnail shows a blank 4:3 slide
    _swap(prs.element, "p:defaultTextStyle", list_style("p:defaultTextStyle", "body", theme,
                                                        lang))
    master = prs.slide_master.element
    csld, styles = master_parts(theme, lang)
    _swap(master, "p:cSld", csld)
    _swap(master, "p:txStyles", styles)
    by_name = {name: kind for kind, name in LAYOUT_NAMES.items()}
    kept = {}
    for layout in list(prs.slide_layouts):
        kind = by_name.get(layout.name)
        if kind in kinds:
            _swap(layout.element, "p:cSld", layout_cSld(kind, theme, lang))
            kept[kind] = layout
        else:
            prs.slide_layouts.remove(layout)
    return kept


def _prepare_notes_master(prs, theme: Theme, lang: str):
    """Create the notes master, rewrite it from the theme; return its theme part."""
    master = prs.notes_master
    size = prs.element.find(qn("p:notesSz"))
    csld, style = notes_master_parts(theme, lang, int(size.get("cx")), int(size.get("cy")))
    _swap(master.element, "p:cSld", csld)
    _swap(master.element, "p:notesStyle", style)
    return master.part.part_related_by(RT.THEME)


class _Slide:
    """What element writers need while one slide is built: the slide, page, theme, links."""

    def __init__(self, slide, page: Page, theme: Theme, scope: str):
        self.slide, self.page, self.theme, self.scope = slide, page, theme, scope
        self._fields = 0

    def link(self, url: str) -> str:
        """Return the rId of an external hyperlink to `url` from this slide (or notes)."""
        return self.slide.part.relate_to(url, RT.HYPERLINK, is_external=True)

    def field_id(self) -> str:
        """Return a GUID for the next field, stable for the slide's number and position."""
        self._fields += 1
        return stable_guid(self.scope, self.page.key, self._fields)

    def look(self, frame: TextFrame) -> Look:
        return Look(frame.size, frame.line_pitch, frame.font, frame.color, self.page.language,
                    frame.bold, frame.italic)


def _add_slide(prs, layout, page: Page, theme: Theme, number: int) -> None:
    slide = prs.slides.add_slide(layout)
    ctx = _Slide(slide, page, theme, f"slide {number}")
    placeholders = {ph.placeholder_format.idx: ph for ph in slide.placeholders}
    title = placeholders.pop(0)
    order = [_fill_frame(ctx, title.element, page.title)]
    for element in page.elements:
        idx = _PLACEHOLDER_IDX.get(getattr(element, "placeholder", None) or "")
        if idx in placeholders:
            order.append(_fill_frame(ctx, placeholders.pop(idx).element, element))
        else:
            order.append(_WRITERS[type(element)](ctx, element))
    tree = slide.element.find(qn("p:cSld")).find(qn("p:spTree"))
    for unused in placeholders.values():
        tree.remove(unused.element)
    for node in order:  # reading order = visual order, title first
        tree.append(node)
    if page.notes:
        _add_notes(slide.notes_slide, page, theme, number)


def _fill_frame(ctx: _Slide, sp, frame: TextFrame):
    """Write `frame` into shape element `sp` (a placeholder or text box): box, fill, text."""
    sp_pr = sp.find(qn("p:spPr"))
    for child in list(sp_pr):
        sp_pr.remove(child)
    sp_pr.append(_adopt(_xfrm(frame.box)))
    sp_pr.append(_adopt(el("a:prstGeom", {"prst": "rect"}, el("a:avLst"))))
    sp_pr.append(_adopt(solid_fill(frame.fill) if frame.fill else no_fill()))
    sp_pr.append(_adopt(outline(None, 0)))
    sp.find(qn("p:nvSpPr")).find(qn("p:cNvPr")).set("name", frame.name)
    _swap(sp, "p:txBody", text_body("p:txBody", frame.paragraphs, ctx.look(frame), ctx.theme,
                                    inset=frame.inset, anchor=frame.anchor, link=ctx.link,
                                    field_id=ctx.field_id))
    return sp


def _xfrm(box: Box) -> etree._Element:
    return el("a:xfrm", None, el("a:off", {"x": str(box.x), "y": str(box.y)}),
              el("a:ext", {"cx": str(box.w), "cy": str(box.h)}))


def _add_text(ctx: _Slide, frame: TextFrame):
    box = frame.box
    return _fill_frame(ctx, ctx.slide.shapes.add_textbox(box.x, box.y, box.w, box.h).element,
                       frame)


def _add_shape(ctx: _Slide, shape: Shape):
    """Add an autoshape or a straight connector, styled only by the element (no p:style)."""
    box = shape.box
    if shape.kind == "line":
        added = ctx.slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, box.x, box.y,
                                               box.x + box.w, box.y + box.h)
    else:
        added = ctx.slide.shapes.add_shape(_AUTOSHAPES[shape.kind], box.x, box.y, box.w, box.h)
    added.name = shape.name
    node = added.element
    style = node.find(qn("p:style"))
    if style is not None:
        node.remove(style)
    sp_pr = node.find(qn("p:spPr"))
    if shape.kind != "line":
        sp_pr.append(_adopt(solid_fill(shape.fill) if shape.fill else no_fill()))
    sp_pr.append(_adopt(outline(shape.line, shape.line_width)))
    return node


def _add_picture(ctx: _Slide, picture: Picture):
    box = picture.box
    added = ctx.slide.shapes.add_picture(str(picture.path), box.x, box.y, box.w, box.h)
    added.name = picture.name
    added.element.find(qn("p:nvPicPr")).find(qn("p:cNvPr")).set("descr", picture.alt)
    return added.element


def _add_table(ctx: _Slide, table: Table):
    """Add a native table: header row and banded rows filled from the element's roles,
    horizontal rules in the muted colour, cell margins = inset, no built-in style colours."""
    box, rows = table.box, table.rows
    frame = ctx.slide.shapes.add_table(len(rows), len(table.col_widths), box.x, box.y, box.w,
                                       box.h)
    frame.name = table.name
    for column, width in zip(frame.table.columns, table.col_widths):
        column.width = width
    for row, height in zip(frame.table.rows, table.row_heights):
        row.height = height
    tbl = frame.element.find(f".//{qn('a:tbl')}")
    tbl_pr = tbl.find(qn("a:tblPr"))
    tbl_pr.set("firstRow", "1")
    tbl_pr.set("bandRow", "1")
    tbl_pr.find(qn("a:tableStyleId")).text = _PLAIN_TABLE_STYLE
    for r, (row, tr) in enumerate(zip(rows, tbl.findall(qn("a:tr")))):
        color = table.header_color if r == 0 else table.color
        look = Look(table.size, table.line_pitch, table.font, color, ctx.page.language)
        fill = table.header_fill if r == 0 else table.band_fill if r % 2 == 0 else None
        for cell, tc in zip(row, tr.findall(qn("a:tc"))):
            body = text_body("a:txBody", cell.paragraphs, look, ctx.theme, inset=table.inset,
                             anchor="middle", link=ctx.link, field_id=ctx.field_id)
            body.replace(body[0], el("a:bodyPr"))
            _swap(tc, "a:txBody", body)
            _swap(tc, "a:tcPr", _cell_props(table, fill, ctx.theme))
    return frame.element


def _cell_props(table: Table, fill: str | None, theme: Theme) -> etree._Element:
    margin = str(table.inset)
    props = el("a:tcPr", {"marL": margin, "marR": margin, "marT": margin, "marB": margin,
                          "anchor": "ctr"})
    for side in ("lnL", "lnR"):
        sub(props, f"a:{side}").append(no_fill())
    for side in ("lnT", "lnB"):
        sub(props, f"a:{side}", {"w": str(theme.rule_width)}).append(solid_fill("muted"))
    props.append(solid_fill(fill) if fill else no_fill())
    return props


def _add_chart(ctx: _Slide, chart: Chart):
    data = CategoryChartData()
    data.categories = list(chart.categories)
    for series in chart.series:
        data.add_series(series.name, list(series.values))
    box = chart.box
    frame = ctx.slide.shapes.add_chart(_CHART_TYPES[chart.kind], box.x, box.y, box.w, box.h,
                                       data)
    frame.name = chart.name
    format_chart(frame.chart.element, chart, ctx.theme, ctx.page.language)
    return frame.element


def _add_notes(notes, page: Page, theme: Theme, number: int) -> None:
    """Write the page's notes into the notes slide's body, in the theme's notes role."""
    style = theme.text[NOTES_ROLE]
    look = Look(style.size, round(theme.line_spacing * style.size), style.font, style.color,
                page.language)
    ctx = _Slide(notes, page, theme, f"notes {number}")
    body = notes.notes_placeholder.element
    _swap(body, "p:txBody", text_body("p:txBody", page.notes, look, theme, inset=0,
                                      anchor="top", link=ctx.link, field_id=ctx.field_id))


_WRITERS: dict[type, Callable[[_Slide, Element], etree._Element]] = {
    TextFrame: _add_text, Shape: _add_shape, Picture: _add_picture, Table: _add_table,
    Chart: _add_chart,
}
