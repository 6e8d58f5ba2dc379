"""Tests of deck.pptx.render: real .pptx files from hand-built pages, reopened and audited."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from ooxmlcheck import A, P, audit_errors, stray_colours, stray_fonts, stray_sizes, xml_parts
from PIL import Image
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from deck.layout.choose import bind_page, choose_layout
from deck.layout.fit import Fitter
from deck.layout.masters import master_of
from deck.layout.page import (
    Box,
    Cell,
    Chart,
    DocInfo,
    Page,
    Pages,
    Paragraph,
    Picture,
    Run,
    Series,
    Shape,
    Table,
    TextFrame,
)
from deck.pptx.render import render_pptx
from deck.theme import PALETTE_SLOTS, Face, Footer, TextStyle, Theme
from deck.theme.load import TEXT_ROLES
from deck.units import inches, pt

# Every palette colour a distinct sentinel; every size a distinct odd one no template uses.
CANARY_PALETTE = {role: f"C0{n:02d}E{n % 10}" for n, role in enumerate(PALETTE_SLOTS, 11)}
CANARY_POINTS = dict(zip(TEXT_ROLES, (47, 25, 41, 33, 23, 21, 27, 17, 19, 15, 10.5, 9.5, 29, 13, 16.5, 12.5, 51, 11.5)))
CANARY_FONTS = {
    role: Face(f"Canary{role.title()}Latin", f"Canary{role.title()}EA") for role in ("heading", "body", "code")
}
_ROLE_LOOK = {
    "deck_title": ("heading", "text"),
    "section": ("heading", "primary"),
    "title": ("heading", "text"),
    "heading": ("heading", "primary"),
    "stat_value": ("heading", "accent"),
    "source": ("body", "muted"),
    "footer": ("body", "muted"),
    "caption": ("body", "muted"),
}


def canary_theme() -> Theme:
    text = {
        role: TextStyle(pt(size), pt(size - 2), *_ROLE_LOOK.get(role, ("body", "text")))
        for role, size in CANARY_POINTS.items()
    }
    return Theme(
        name="Canary",
        width=inches(13.333),
        height=inches(7.5),
        palette=dict(CANARY_PALETTE),
        fonts=dict(CANARY_FONTS),
        text=text,
        line_spacing=1.2,
        paragraph_spacing=0.5,
        margin_left=inches(0.6),
        margin_right=inches(0.6),
        margin_top=inches(0.4),
        margin_bottom=inches(0.4),
        gap=inches(0.2),
        footer=Footer(),
        safety=0.05,
        rule_width=pt(1),
    )


def frame(theme: Theme, role: str, box: Box, *paragraphs: Paragraph, **kw) -> TextFrame:
    style = theme.text[role]
    return TextFrame(
        box=box,
        paragraphs=paragraphs,
        role=role,
        size=style.size,
        line_pitch=round(style.size * theme.line_spacing),
        font=style.font,
        color=style.color,
        bold=style.bold,
        **kw,
    )


def para(*runs: Run | str, level: int = 0, size: int = 0, **kw) -> Paragraph:
    runs = tuple(Run(r) if isinstance(r, str) else r for r in runs)
    return Paragraph(runs=runs, level=level, indent=level * size, **kw)


def png(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (64, 36), colour).save(path)
    return path


def build_pages(theme: Theme, assets: Path) -> Pages:
    """One page of every kind the layout makes, every element type, every run kind."""
    W, H, left = theme.width, theme.height, theme.margin_left
    wide = W - 2 * left
    t = theme.text

    def title(text: str, role: str = "title", y: int = inches(0.4)) -> TextFrame:
        return frame(
            theme, role, Box(left, y, wide, inches(1)), para(text), slot="title", name="Title", anchor="bottom"
        )

    def footer(n: int) -> TextFrame:
        return frame(
            theme,
            "footer",
            Box(W - left - inches(1), H - inches(0.4), inches(1), inches(0.3)),
            para(Run(str(n), field="slidenum"), align="right"),
            name="Slide number",
        )

    body_size = t["body"].size
    bullets = frame(
        theme,
        "body",
        Box(left, inches(1.6), wide, inches(4.5)),
        para(
            "Plain, then ",
            Run("strong", bold=True, color="accent"),
            ", ",
            Run("emphasis", italic=True),
            ", ",
            Run("code()", code=True),
            " and ",
            Run("a link", link="https://example.org/a?b=1&c=2"),
            ".",
        ),
        para(
            "第一级要点：大模型的若干观察",
            level=1,
            size=body_size,
            space_before=round(body_size * theme.paragraph_spacing),
        ),
        Paragraph(
            (Run("第二级要点 level two"),),
            level=2,
            indent=2 * body_size,
            size=t["body2"].size,
            line_pitch=round(t["body2"].size * 1.2),
        ),
        name="Bullets",
    )
    notes = (para("Say the first point slowly. ", Run("Source", link="https://example.org/n")), para("第二段备注。"))
    table = Table(
        box=Box(left, inches(1.6), wide, inches(2.4)),
        rows=tuple(
            tuple(Cell((para(c),)) for c in row)
            for row in (
                ("Model", "Year", "Parameters"),
                ("GPT-3", "2020", "175B"),
                ("PaLM", "2022", "540B"),
                ("GPT-4", "2023", "n/a"),
            )
        ),
        col_widths=(wide // 2, wide // 4, wide - wide // 2 - wide // 4),
        row_heights=(inches(0.6),) * 4,
        size=t["table"].size,
        line_pitch=round(t["table"].size * 1.2),
        inset=inches(0.08),
    )

    def chart(kind: str, box: Box, series: dict, log: bool = False, unit: str | None = None):
        cats = ("2018", "2019", "2020", "2022")
        return Chart(
            box=box,
            kind=kind,
            categories=cats,
            series=tuple(Series(k, tuple(v)) for k, v in series.items()),
            log_scale=log,
            unit=unit,
            size=t["chart"].size,
            font="body",
            color="text",
            grid_color="muted",
            colors=("primary", "accent", "series3", "series4"),
            name=f"{kind} chart",
        )

    half, top = (wide - theme.gap) // 2, inches(1.6)
    left_box, right_box = Box(left, top, half, inches(2.6)), Box(left + half + theme.gap, top, half, inches(2.6))
    shapes = tuple(
        Shape(
            Box(left + i * inches(1.6), inches(5), inches(1.4), inches(0.8)),
            kind,
            fill=fill,
            line=line,
            line_width=theme.rule_width,
            name=f"{kind} shape",
        )
        for i, (kind, fill, line) in enumerate(
            (
                ("rect", "surface", None),
                ("round_rect", "primary", "muted"),
                ("ellipse", "series5", None),
                ("chevron", "series6", "text"),
            )
        )
    )
    rule = Shape(Box(left, inches(6.2), wide, 0), "line", line="muted", line_width=theme.rule_width, name="Rule")
    image = png(assets / "pixel.png", (200, 40, 40))
    pages = (
        Page(
            "title",
            title("Observations on LLMs 大模型", "deck_title", inches(2.2)),
            (
                frame(
                    theme,
                    "deck_subtitle",
                    Box(left, inches(3.6), wide, inches(1)),
                    para("Li Hang · 2023", align="center"),
                    slot="subtitle",
                    name="Subtitle",
                ),
            ),
            notes,
            "title",
            1,
            "zh-CN",
        ),
        Page("section", title("Part one", "section", inches(3)), (), (), "section-1", 5, "zh-CN"),
        Page("content", title("Bullets with every run"), (bullets, footer(3)), notes, "bullets", 9, "zh-CN"),
        Page("content", title("A native table"), (table, footer(4)), notes, "table", 20, "zh-CN"),
        Page(
            "content",
            title("Bar (log) and column"),
            (
                chart("bar", left_box, {"Parameters": [1.5, 15, 175, 540]}, True, "B params"),
                chart("column", right_box, {"A": [3, 5, 2, 8], "B": [4, 1, 6, 7]}),
            ),
            notes,
            "charts-1",
            30,
            "zh-CN",
        ),
        Page(
            "content",
            title("Line and pie"),
            (
                chart("line", left_box, {"A": [3, 5, 2, 8], "B": [40, 10, 60, 70]}, unit="tokens"),
                chart("pie", right_box, {"Share": [10, 20, 30, 40]}),
            ),
            (),
            "charts-2",
            40,
            "zh-CN",
        ),
        Page(
            "content",
            title("Picture and shapes"),
            (
                Picture(Box(left, top, inches(4), inches(2.25)), image, "A red rectangle", "Photo"),
                Picture(
                    Box(left + inches(5), top, inches(4), inches(2.25)), image, "The same red rectangle", "Photo again"
                ),
                *shapes,
                rule,
            ),
            notes,
            "picture",
            50,
            "zh-CN",
        ),
        Page(
            "content",
            title("Body placeholder"),
            (
                frame(
                    theme,
                    "body",
                    Box(left, top, wide, inches(3)),
                    para("In the body."),
                    slot="body",
                    name="Body",
                ),
            ),
            (),
            "body",
            60,
            "zh-CN",
        ),
    )
    return placed(
        pages,
        DocInfo("Observations on LLMs", "A talk", "Li Hang", "zh-CN", "2023-10-16T00:00:00Z", "LLM, essay"),
        theme,
    )


def placed(pages: tuple[Page, ...], info: DocInfo, theme: Theme) -> Pages:
    """Return the pages (their `layout` saying what kind of page each is) placed on the
    layouts of the theme's master, as the layout stage places them."""
    master = master_of(Fitter(theme))
    size = (theme.width, theme.height)
    return Pages(tuple(bind_page(p, choose_layout(master, p, p.layout, size)) for p in pages), info, master)


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def canary(tmp_path_factory) -> tuple[Theme, Pages, bytes]:
    theme = canary_theme()
    pages = build_pages(theme, tmp_path_factory.mktemp("assets"))
    return theme, pages, render_pptx(pages, theme)


@pytest.fixture(scope="module")
def deck_file(canary, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("out") / "deck.pptx"
    path.write_bytes(canary[2])
    return path


def test_canary_palette_is_the_only_colour_in_every_part(canary):
    theme, _, blob = canary
    assert stray_colours(blob, theme) == []


def test_canary_sizes_are_the_only_font_sizes_in_every_part(canary):
    theme, _, blob = canary
    found, seen = stray_sizes(blob, theme)
    assert found == []
    assert {str(round(theme.text[r].size / 127)) for r in ("title", "body", "table")} <= seen


def test_canary_fonts_are_theme_references_or_the_theme_faces(canary):
    theme, _, blob = canary
    assert stray_fonts(blob, theme) == []


def test_theme_part_carries_palette_and_latin_and_east_asian_fonts(deck_file):
    theme = canary_theme()
    with zipfile.ZipFile(deck_file) as z:
        root = etree.fromstring(z.read("ppt/theme/theme1.xml"))
    assert root.get("name") == "Canary"
    scheme = root.find(f".//{A}clrScheme")
    for role, slot in PALETTE_SLOTS.items():
        assert scheme.find(f"{A}{slot}/{A}srgbClr").get("val") == theme.palette[role]
    for tag, role in (("majorFont", "heading"), ("minorFont", "body")):
        font = root.find(f".//{A}{tag}")
        assert font.find(f"{A}latin").get("typeface") == theme.fonts[role].latin
        assert font.find(f"{A}ea").get("typeface") == theme.fonts[role].ea


def test_slides_refer_to_scheme_colours_and_theme_fonts(canary):
    _, _, blob = canary
    parts = xml_parts(blob)
    slide = parts["ppt/slides/slide3.xml"]
    values = {n.get("val") for n in slide.iter(f"{A}schemeClr")}
    assert {"tx1", "accent1", "accent2", "hlink"} <= values
    faces = {n.get("typeface") for n in slide.iter(f"{A}latin")}
    assert {"+mn-lt", "CanaryCodeLatin"} <= faces <= {"+mj-lt", "+mn-lt", "CanaryCodeLatin"}
    styles = parts["ppt/slideMasters/slideMaster1.xml"].find(f"{P}txStyles")
    title, body = (styles.find(f"{P}{tag}/{A}lvl1pPr/{A}defRPr") for tag in ("titleStyle", "bodyStyle"))
    assert (title.find(f"{A}latin").get("typeface"), body.find(f"{A}ea").get("typeface")) == ("+mj-lt", "+mn-ea")


# -- the slides reopen with their content ----------------------------------------------------


def test_slides_are_16_9_with_a_real_title_placeholder_first(deck_file, canary):
    prs = Presentation(str(deck_file))
    assert (prs.slide_width, prs.slide_height) == (canary[0].width, canary[0].height)
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01
    pages = canary[1].pages
    assert len(prs.slides) == len(pages)
    for slide, page in zip(prs.slides, pages):
        assert slide.shapes.title.text_frame.text == page.title.paragraphs[0].text
        assert slide.shapes[0].shape_id == slide.shapes.title.shape_id
        kind = slide.shapes.title.placeholder_format.type
        assert kind == (PP_PLACEHOLDER.CENTER_TITLE if page.layout == "Title Slide" else PP_PLACEHOLDER.TITLE)
    assert prs.slides[0].shapes[1].placeholder_format.type == PP_PLACEHOLDER.SUBTITLE


def test_shapes_follow_the_pages_reading_order(deck_file, canary):
    prs = Presentation(str(deck_file))
    for slide, page in zip(prs.slides, canary[1].pages):
        assert [s.name for s in slide.shapes][1:] == [e.name for e in page.elements]


def test_the_master_has_powerpoints_standard_layouts_and_the_kinds_own(deck_file):
    prs = Presentation(str(deck_file))
    names = [layout.name for layout in prs.slide_layouts]
    assert names == [
        "Title Slide",
        "Title and Content",
        "Section Header",
        "Two Content",
        "Comparison",
        "Title Only",
        "Blank",
        "Content with Caption",
        "Picture with Caption",
        "Quote",
        "Three Columns",
    ]
    types = [layout.element.get("type") for layout in prs.slide_layouts]
    assert types[:9] == ["title", "obj", "secHead", "twoObj", "twoTxTwoObj", "titleOnly", "blank", "objTx", "picTx"]


def test_every_run_has_its_language_and_an_east_asian_font(deck_file):
    prs = Presentation(str(deck_file))
    runs = 0
    for slide in prs.slides:
        for part in (slide, slide.notes_slide) if slide.has_notes_slide else (slide,):
            for shape in part.shapes:
                for rpr in shape.element.iter(f"{A}rPr"):
                    runs += 1
                    text = rpr.getparent().findtext(f"{A}t") or ""
                    latin = any(c.isascii() and c.isalpha() for c in text) and not any(ord(c) > 0x2E80 for c in text)
                    assert (rpr.get("lang"), rpr.get("altLang")) == (("en-US", "zh-CN") if latin else ("zh-CN", None))
                    assert rpr.find(f"{A}ea") is not None or shape.is_placeholder  # inherited from its layout
    assert runs >= 40


def test_bullets_links_and_slide_number_field(deck_file):
    prs = Presentation(str(deck_file))
    body = next(s for s in prs.slides[2].shapes if s.name == "Bullets").text_frame
    first, level1, level2 = body.paragraphs
    assert first._p.find(f"{A}pPr/{A}buNone") is not None
    assert level1._p.find(f"{A}pPr/{A}buChar").get("char") == "•"
    assert level2._p.find(f"{A}pPr/{A}buChar").get("char") == "–"
    assert level1._p.find(f"{A}pPr/{A}buClr/{A}schemeClr").get("val") == "accent1"
    ppr = level1._p.find(f"{A}pPr")
    assert (ppr.get("eaLnBrk"), ppr.get("latinLnBrk"), ppr.get("hangingPunct")) == ("1", "0", "0")
    assert body._bodyPr.find(f"{A}noAutofit") is not None
    link = next(r for r in first.runs if r.text == "a link")
    assert link.hyperlink.address == "https://example.org/a?b=1&c=2"
    fields = list(prs.slides[2].element.iter(f"{A}fld"))
    assert [f.get("type") for f in fields] == ["slidenum"]
    assert re.fullmatch(r"\{[0-9A-F-]{36}\}", fields[0].get("id"))


def test_speaker_notes_are_written_for_every_page_with_notes(deck_file, canary):
    prs = Presentation(str(deck_file))
    for slide, page in zip(prs.slides, canary[1].pages):
        assert slide.has_notes_slide == bool(page.notes)
        if page.notes:
            text = slide.notes_slide.notes_text_frame.text
            assert text == "\n".join(p.text for p in page.notes)


def test_table_is_native_with_a_header_row_and_no_builtin_style(deck_file):
    prs = Presentation(str(deck_file))
    frame = next(s for s in prs.slides[3].shapes if s.has_table)
    table = frame.table
    assert table.first_row and table.horz_banding
    assert table.cell(0, 0).text == "Model" and table.cell(2, 2).text == "540B"
    assert [c.width for c in table.columns] == [int(w) for w in _table_widths(prs)]
    header_fill = table.cell(0, 0)._tc.find(f"{A}tcPr/{A}solidFill/{A}schemeClr")
    assert header_fill.get("val") == "accent1"
    style = frame.element.find(f".//{A}tableStyleId").text
    assert style == "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"


def _table_widths(prs) -> list[int]:
    tbl = next(s for s in prs.slides[3].shapes if s.has_table).element
    return [int(c.get("w")) for c in tbl.iter(f"{A}gridCol")]


def test_charts_are_native_with_log_scale_and_positive_axis_ids(deck_file):
    prs = Presentation(str(deck_file))
    charts = [s.chart for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert [c.chart_type for c in charts] == [
        XL_CHART_TYPE.BAR_CLUSTERED,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        XL_CHART_TYPE.LINE_MARKERS,
        XL_CHART_TYPE.PIE,
    ]
    C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    bar = charts[0].element
    assert bar.find(f".//{C}valAx/{C}scaling/{C}logBase").get("val") == "10"
    assert charts[1].element.find(f".//{C}logBase") is None
    for chart in charts:
        ids = [int(n.get("val")) for n in chart.element.iter(f"{C}axId", f"{C}crossAx")]
        assert all(i > 0 for i in ids)
        assert chart.element.find(f"{C}lang").get("val") == "zh-CN"
    assert not charts[0].has_legend and charts[1].has_legend and charts[3].has_legend
    pie_points = charts[3].element.findall(f".//{C}dPt")
    assert len(pie_points) == 4


def test_pictures_have_alt_text_and_one_stored_image(deck_file):
    prs = Presentation(str(deck_file))
    pictures = [s for s in prs.slides[6].shapes if s.element.tag.endswith("}pic")]
    assert [p.element.find(".//{*}cNvPr").get("descr") for p in pictures] == [
        "A red rectangle",
        "The same red rectangle",
    ]
    with zipfile.ZipFile(deck_file) as z:
        assert len([n for n in z.namelist() if n.startswith("ppt/media/")]) == 1


def test_shapes_carry_no_style_references(deck_file):
    prs = Presentation(str(deck_file))
    shapes = list(prs.slides[6].shapes)
    assert not any(s.element.find("{*}style") is not None for s in shapes)
    assert any(s.shape_type == MSO_SHAPE_TYPE.LINE or s.element.tag.endswith("cxnSp") for s in shapes)


# -- the package --------------------------------------------------------------------------------


def test_two_renders_give_identical_bytes(canary, tmp_path):
    theme, _, blob = canary
    again = render_pptx(build_pages(theme, tmp_path), theme)
    assert again == blob


def test_zip_entries_have_fixed_times_and_content_types_first(canary):
    with zipfile.ZipFile(io.BytesIO(canary[2])) as z:
        infos = z.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert infos[1].filename == "_rels/.rels"
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        xlsx = [n for n in z.namelist() if n.endswith(".xlsx")]
        assert len(xlsx) == 4
        with zipfile.ZipFile(io.BytesIO(z.read(xlsx[0]))) as book:
            assert {i.date_time for i in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            assert b"2023-10-16T00:00:00Z" in book.read("docProps/core.xml")
            assert book.read("xl/theme/theme1.xml") == z.read("ppt/theme/theme1.xml")


def test_document_properties_come_from_doc_info(deck_file):
    props = Presentation(str(deck_file)).core_properties
    assert (props.title, props.subject, props.author, props.last_modified_by) == (
        "Observations on LLMs",
        "A talk",
        "Li Hang",
        "Li Hang",
    )
    assert (props.language, props.keywords, props.revision) == ("zh-CN", "LLM, essay", 1)
    assert props.created.year == props.modified.year == 2023


def test_no_template_leftovers(canary):
    with zipfile.ZipFile(io.BytesIO(canary[2])) as z:
        names = z.namelist()
        text = b"".join(z.read(n) for n in names if n.endswith((".xml", ".rels")))
    assert b"Steve Canny" not in text and b"python-pptx" not in text
    assert b"2013" not in text and b"1/27/13" not in text
    assert b"screen4x3" not in text and b"4:3" not in text and b"Office Theme" not in text
    assert not any("thumbnail" in n or "printerSettings" in n for n in names)


def test_openxml_audit_finds_nothing(deck_file):
    assert audit_errors(deck_file) == []


@pytest.mark.parametrize("name", ["default", "dark"])
def test_builtin_themes_govern_every_part_and_audit_clean(name, tmp_path):
    from deck.theme.load import load_builtin

    theme = load_builtin(name)
    blob = render_pptx(build_pages(theme, tmp_path), theme)
    assert stray_colours(blob, theme) == []
    assert stray_sizes(blob, theme)[0] == []
    assert stray_fonts(blob, theme) == []
    path = tmp_path / f"{name}.pptx"
    path.write_bytes(blob)
    assert audit_errors(path) == []
    assert render_pptx(build_pages(theme, tmp_path), theme) == blob


def test_markup_characters_in_text_names_and_links_round_trip(tmp_path):
    theme = canary_theme()
    text = "a < b & c > \"d\" 'e'"
    box = Box(theme.margin_left, inches(1.6), inches(6), inches(2))
    body = frame(
        theme, "body", box, para(text, Run("link", link='https://example.org/?q=<1>&r="2"')), name='Body "one" & <two>'
    )
    page = Page(
        "content",
        frame(theme, "title", Box(0, 0, inches(6), inches(1)), para(text), slot="title"),
        (body, Picture(box, png(tmp_path / "p.png", (1, 2, 3)), alt=text, name=text)),
        (para(text),),
        "markup",
        1,
    )
    blob = render_pptx(placed((page,), DocInfo(text, text, text, "en", "2023-10-16T00:00:00Z"), theme), theme)
    path = tmp_path / "markup.pptx"
    path.write_bytes(blob)
    slide = Presentation(str(path)).slides[0]
    assert slide.shapes.title.text_frame.text == text
    shape = next(s for s in slide.shapes if s.name == 'Body "one" & <two>')
    run = shape.text_frame.paragraphs[0].runs[1]
    assert shape.text_frame.text == text + "link"
    assert run.hyperlink.address == 'https://example.org/?q=<1>&r="2"'
    assert slide.notes_slide.notes_text_frame.text == text
    assert Presentation(str(path)).core_properties.title == text
    assert audit_errors(path) == []


def test_text_that_xml_cannot_carry_is_a_bug_not_a_broken_file():
    theme = canary_theme()
    title = frame(theme, "title", Box(0, 0, inches(6), inches(1)), para("bell \x07"), slot="title")
    pages = placed(
        (Page("content", title, (), (), "bad", 1),), DocInfo("t", "", "", "en", "2023-10-16T00:00:00Z"), theme
    )
    with pytest.raises(ValueError):
        render_pptx(pages, theme)
