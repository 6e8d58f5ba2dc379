"""Render stage: laid-out Pages and a Theme → .pptx bytes. The only module that imports pptx.

The package is assembled part by part (deck.pptx.package.Package): presentation, slide
master and its layouts (written from the pages' format-free Master), the theme, notes
master, then per page a slide and its notes slide, pictures and charts, each part named
directly by a counter of its kind. Their
XML comes from the other deck.pptx modules, written from the theme. python-pptx (imported only for decks
with charts) supplies what it is best at: a chart's XML and its embedded workbook.

Every part costs the same whether it is the 3rd or the 3000th (python-pptx's own
`add_slide` scans every part name for each new slide and notes slide, which makes long decks
quadratic), and the zip is written once, deterministically: the same input gives the same
bytes.
"""

from __future__ import annotations

from pathlib import Path

from deck.layout.page import Chart, Page, Pages, Picture
from deck.pptx.master import presentation_xml, slide_layout_xml, slide_master_xml, table_styles_xml
from deck.pptx.notes import notes_master_xml, notes_xml
from deck.pptx.package import (
    APP_PART,
    APP_TYPE,
    CORE_PART,
    CORE_TYPE,
    Package,
    app_xml,
    core_xml,
    pres_props_xml,
    view_props_xml,
)
from deck.pptx.paragraphs import Writer, field_ids
from deck.pptx.slide import Refs, slide_xml
from deck.pptx.text import east_asian_language
from deck.pptx.theme import theme_xml
from deck.theme import Theme

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:  # a company template is read only for a deck on one
    from deck.theme.template import Template

_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PML = "application/vnd.openxmlformats-officedocument.presentationml."
_TYPES = {
    "presentation": _PML + "presentation.main+xml",
    **{
        kind: f"{_PML}{kind}+xml"
        for kind in (
            "slideMaster",
            "slideLayout",
            "slide",
            "notesMaster",
            "notesSlide",
            "presProps",
            "viewProps",
            "tableStyles",
        )
    },
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
    "chart": "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
    "workbook": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_RT = {
    kind: _OFFICE + kind
    for kind in (
        "slideMaster",
        "slideLayout",
        "slide",
        "notesMaster",
        "notesSlide",
        "theme",
        "presProps",
        "viewProps",
        "tableStyles",
        "hyperlink",
        "image",
        "chart",
        "package",
    )
}
_PRESENTATION, _MASTER = "ppt/presentation.xml", "ppt/slideMasters/slideMaster1.xml"
_NOTES_MASTER = "ppt/notesMasters/notesMaster1.xml"


def render_pptx(pages: Pages, theme: Theme) -> bytes:
    """Return the .pptx file for `pages` styled by `theme`, as bytes.

    Deterministic: equal inputs give identical bytes (no clock, no random ids). Raises
    KeyError/ValueError on pages that name an unknown role, kind, layout or placeholder (a
    layout bug), OSError if a picture file can no longer be read.
    """
    lang, theme_part = pages.info.language, theme_xml(theme)
    package = Package(_PRESENTATION)
    package.add(_PRESENTATION, _TYPES["presentation"])
    if theme.template is not None:
        master_rid, layouts = _add_template(package, theme, theme.template)
    else:
        master_rid, layouts = _add_master(package, pages, theme, theme_part, lang)
    has_notes = any(p.notes for p in pages.pages)
    notes_rid = _add_notes_master(package, theme, theme_part, lang) if has_notes else None
    for name, kind, blob in (
        ("ppt/presProps.xml", "presProps", pres_props_xml()),
        ("ppt/viewProps.xml", "viewProps", view_props_xml()),
        ("ppt/tableStyles.xml", "tableStyles", table_styles_xml(theme)),
    ):
        package.relate(_PRESENTATION, package.add(name, _TYPES[kind], blob), _RT[kind])
    slides = _Slides(package, pages, theme)
    slide_rids = [
        package.relate(_PRESENTATION, slides.add(page, layouts[page.layout], number), _RT["slide"])
        for number, page in enumerate(pages.pages, 1)
    ]
    package.set(_PRESENTATION, presentation_xml(theme, lang, master_rid, notes_rid, slide_rids, _sections(pages)))
    package.add(CORE_PART, CORE_TYPE, core_xml(pages.info))
    package.add(APP_PART, APP_TYPE, app_xml(pages, theme, slides.notes))
    return package.write(pages.info.created, {"xl/theme/theme1.xml": theme_part})


def _sections(pages: Pages) -> list[tuple[str, list[int]]]:
    """Return PowerPoint's sections from the outline's: (name, slide positions) in order,
    the slides before the first section in one named after the deck; none without sections."""
    if all(page.section is None for page in pages.pages):
        return []
    sections: list[tuple[str, list[int]]] = []
    previous: object = object()
    for n, page in enumerate(pages.pages):
        if page.section != previous:
            sections.append((pages.info.title if page.section is None else page.section, []))
            previous = page.section
        sections[-1][1].append(n)
    return sections


def _add_master(
    package: Package, pages: Pages, theme: Theme, theme_part: bytes, lang: str
) -> tuple[str, dict[str, str]]:
    """Add the slide master, its theme and every layout of the pages' master; return the
    presentation's relationship id of the master and {layout name: layout part}."""
    master = pages.master
    rid = package.relate(_PRESENTATION, package.add(_MASTER, _TYPES["slideMaster"]), _RT["slideMaster"])
    layouts, layout_rids = {}, []
    for n, layout in enumerate(master.layouts, 1):
        part = package.add(
            f"ppt/slideLayouts/slideLayout{n}.xml",
            _TYPES["slideLayout"],
            slide_layout_xml(master, layout, theme, lang),
        )
        layouts[layout.name] = part
        package.relate(part, _MASTER, _RT["slideMaster"])
        layout_rids.append(package.relate(_MASTER, part, _RT["slideLayout"]))
    theme1 = package.add("ppt/theme/theme1.xml", _TYPES["theme"], theme_part)
    package.relate(_MASTER, theme1, _RT["theme"])
    package.relate(_PRESENTATION, theme1, _RT["theme"])
    background_rid = logo_rid = None
    if theme.background is not None:
        from deck.pptx.backdrop import prepare_background  # pictures are read only for a deck with some

        stored, _ = prepare_background(theme.background, theme)
        image = package.add(f"ppt/media/background.{stored.ext}", stored.content_type, stored.blob)
        background_rid = package.relate(_MASTER, image, _RT["image"])
    if theme.logo is not None:
        from deck.pptx.pictures import prepare_picture

        stored = prepare_picture(theme.logo.path, theme.logo.width, theme.logo.height)
        image = package.add(f"ppt/media/logo.{stored.ext}", stored.content_type, stored.blob)
        logo_rid = package.relate(_MASTER, image, _RT["image"])
    package.set(_MASTER, slide_master_xml(master, theme, lang, layout_rids, background_rid, logo_rid))
    return rid, layouts


def _add_template(package: Package, theme: Theme, template: Template) -> tuple[str, dict[str, str]]:
    """Add the company template's master, layouts, theme and the parts they use (its art),
    copied as they are (the theme with the theme file's own colours and faces); return the
    presentation's relationship id of the master and {layout name: layout part}."""
    from deck.pptx.house import overridden_theme_part  # lxml: only a deck on a template pays for it

    for part in template.parts:
        blob = overridden_theme_part(part.blob, theme, template) if part.name == template.theme_part else part.blob
        package.copy(part.name, part.content_type, blob, part.rels)
    rid = package.relate(_PRESENTATION, template.master_part, _RT["slideMaster"])
    package.relate(_PRESENTATION, template.theme_part, _RT["theme"])
    return rid, {layout.name: part for layout, part in zip(template.master.layouts, template.layout_parts)}


def _add_notes_master(package: Package, theme: Theme, theme_part: bytes, lang: str) -> str:
    """Add the notes master with its own copy of the theme; return its relationship id."""
    package.add(_NOTES_MASTER, _TYPES["notesMaster"], notes_master_xml(theme, lang))
    theme2 = package.add(package.unused("ppt/theme/theme2.xml"), _TYPES["theme"], theme_part)
    package.relate(_NOTES_MASTER, theme2, _RT["theme"])
    return package.relate(_PRESENTATION, _NOTES_MASTER, _RT["notesMaster"])


class _Slides:
    """Adds slides with their notes slides, pictures and charts: each part named by a
    counter of its kind, each picture file stored once (at its largest box's resolution)."""

    def __init__(self, package: Package, pages: Pages, theme: Theme):
        self.package, self.theme, self.master = package, theme, pages.master
        self.notes = self.charts = 0
        self.boxes = _largest_boxes(pages.pages)
        self.images: dict[Path, str] = {}  # picture file → its image part
        self.backgrounds: dict[Path, str] = {}  # background picture file → its image part
        self.props: dict = {}  # run properties written: the slides' and notes' text writers share them

    def add(self, page: Page, layout: str, number: int) -> str:
        """Add slide `number` for `page` on layout part `layout` (with its notes slide);
        return its name."""
        package = self.package
        slide = package.add(f"ppt/slides/slide{number}.xml", _TYPES["slide"])
        package.relate(slide, layout, _RT["slideLayout"])
        refs = Refs(
            link=lambda url: package.relate(slide, url, _RT["hyperlink"], True),
            picture=lambda pic: package.relate(slide, self._image(pic), _RT["image"]),
            chart=lambda chart: package.relate(slide, self._chart(chart, page.language), _RT["chart"]),
        )
        background = None
        if page.background is not None:
            background = package.relate(slide, self._background(page.background), _RT["image"])
        package.set(slide, slide_xml(page, self.master, self.theme, refs, f"slide {number}", background, self.props))
        if page.notes:
            self.notes += 1
            notes = package.add(f"ppt/notesSlides/notesSlide{self.notes}.xml", _TYPES["notesSlide"])
            package.relate(notes, _NOTES_MASTER, _RT["notesMaster"])
            package.relate(notes, slide, _RT["slide"])
            writer = Writer(
                self.theme,
                lambda url: package.relate(notes, url, _RT["hyperlink"], True),
                field_ids(f"notes {number}", page.key),
                east_asian_language(self.theme),
                self.props,
            )
            package.set(notes, notes_xml(page, self.theme, writer))
            package.relate(slide, notes, _RT["notesSlide"])
        return slide

    def _background(self, path: Path) -> str:
        """Return the image part of background picture `path` (veiled for the theme), added
        on its first use."""
        if path not in self.backgrounds:
            from deck.pptx.backdrop import prepare_background  # pictures are read only for a deck with some

            stored, _ = prepare_background(path, self.theme)
            self.backgrounds[path] = self.package.add(
                f"ppt/media/background{len(self.backgrounds) + 2}.{stored.ext}", stored.content_type, stored.blob
            )
        return self.backgrounds[path]

    def _image(self, picture: Picture) -> str:
        """Return the image part of `picture`'s file, added on its first use."""
        if picture.path not in self.images:
            from deck.pptx.pictures import prepare_picture

            stored = prepare_picture(picture.path, *self.boxes[picture.path])
            name = self.package.unused(f"ppt/media/image{len(self.images) + 1}.{stored.ext}")
            self.images[picture.path] = self.package.add(name, stored.content_type, stored.blob)
        return self.images[picture.path]

    def _chart(self, chart: Chart, lang: str) -> str:
        """Add a chart part (python-pptx's chart XML, finished from the theme) with its
        embedded workbook; return the chart part's name."""
        # Imported only for a deck with charts: lxml and XlsxWriter cost more at start-up than
        # building 30 plain slides.
        from lxml import etree
        from pptx.chart.data import CategoryChartData, XyChartData  # python-pptx only for charts
        from pptx.enum.chart import XL_CHART_TYPE

        from deck.pptx.chart import embed_workbook, format_chart
        from deck.pptx.workbook import category_workbook, xy_workbook

        kinds = {
            "bar": XL_CHART_TYPE.BAR_CLUSTERED,
            "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
            "stacked-bar": XL_CHART_TYPE.BAR_STACKED,
            "stacked-column": XL_CHART_TYPE.COLUMN_STACKED,
            "line": XL_CHART_TYPE.LINE_MARKERS,
            "area": XL_CHART_TYPE.AREA,
            "pie": XL_CHART_TYPE.PIE,
            "doughnut": XL_CHART_TYPE.DOUGHNUT,
            "scatter": XL_CHART_TYPE.XY_SCATTER,
        }
        series = [(s.name, s.values) for s in chart.series]
        if chart.kind == "scatter":
            data = XyChartData()
            for name, values in series:
                points = data.add_series(name)
                for x, y in zip(chart.x, values):
                    points.add_data_point(x, y)
            blob = xy_workbook(chart.x, series, chart.number_format)
        else:
            data = CategoryChartData()
            data.categories = list(chart.categories)
            for name, values in series:
                data.add_series(name, list(values))
            blob = category_workbook(chart.categories, series, chart.number_format)
        self.charts += 1
        name = self.package.add(self.package.unused(f"ppt/charts/chart{self.charts}.xml"), _TYPES["chart"])
        book = self.package.add(f"ppt/embeddings/Microsoft_Excel_Sheet{self.charts}.xlsx", _TYPES["workbook"], blob)
        compact = etree.XMLParser(remove_blank_text=True)  # python-pptx indents its chart XML
        space = etree.fromstring(data.xml_bytes(kinds[chart.kind]), compact)
        embed_workbook(space, self.package.relate(name, book, _RT["package"]))
        format_chart(space, chart, self.theme, lang)
        self.package.set(name, etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True))
        return name


def _largest_boxes(pages: tuple[Page, ...]) -> dict[Path, tuple[int, int]]:
    """Return, per picture file, the largest width and height (EMU) it is shown at."""
    boxes: dict[Path, tuple[int, int]] = {}
    for page in pages:
        for element in page.elements:
            if isinstance(element, Picture):
                w, h = boxes.get(element.path, (0, 0))
                boxes[element.path] = (max(w, element.box.w), max(h, element.box.h))
    return boxes
