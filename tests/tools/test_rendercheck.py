"""Tests that the render-check harness finds overflowing text and counts rendered lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import rendercheck
from conftest import render_pdf
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt
from rendercheck import Finding, format_findings, overflowing_chars, read_render, rendered_line_counts

LONG = (
    "A deliberately long sentence that cannot possibly fit into such a tiny box, "
    "so it wraps over many lines and runs out through the bottom edge."
)

TWIN = "Scaling laws: loss falls as a power law of compute 规模定律"
ESSAY = "语言大模型的能力来自于规模：参数、数据与计算。它在许多任务上接近人类水平，但仍会出错。"


def add_box(shapes, name: str, x, y, w, h, paragraphs: list[list[str]], size: int = 18):
    """Add a wrapping, never-autofitted text box; each paragraph is a list of lines (<a:br/>)."""
    box = shapes.add_textbox(x, y, w, h)
    box.name = name
    tf = box.text_frame
    tf.word_wrap, tf.auto_size = True, MSO_AUTO_SIZE.NONE
    for i, lines in enumerate(paragraphs):
        para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        for j, line in enumerate(lines):
            if j:
                para.add_line_break()
            set_font(para.add_run(), line, size)
    return box


def set_font(run, text: str, size: int) -> None:
    run.text, run.font.size, run.font.name = text, Pt(size), "Noto Sans"
    latin = run._r.get_or_add_rPr().find(qn("a:latin"))
    latin.addnext(latin.makeelement(qn("a:ea"), {"typeface": "Noto Sans CJK SC"}))


def blank(prs):
    return prs.slides.add_slide(prs.slide_layouts[6])


def build_deck(path: Path) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    s1 = blank(prs)  # 1: one box that fits (Latin and Chinese), one that overflows
    add_box(s1.shapes, "Fits", Inches(1), Inches(1), Inches(7), Inches(1), [["Fits nicely 中文也放得下。"]])
    add_box(s1.shapes, "Overflow", Inches(9), Inches(1), Inches(1.2), Inches(0.6), [[LONG]])
    s2 = blank(prs)  # 2: a box hanging off the right edge of the slide
    add_box(
        s2.shapes,
        "OffSlide",
        prs.slide_width - Inches(1),
        Inches(3),
        Inches(5),
        Inches(1),
        [["Half of this line is off the slide"]],
    )
    s3 = blank(prs)  # 3: three known lines, a chart, a table with an overflowing cell
    add_box(
        s3.shapes,
        "Three",
        Inches(1),
        Inches(0.5),
        Inches(6),
        Inches(2),
        [["First line"], ["Second line", "third line, after a break"]],
        size=24,
    )
    data = CategoryChartData()
    data.categories = ["East", "West", "North"]
    data.add_series("Sales", (1.5, 2.5, 3.5))
    s3.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(8), Inches(0.5), Inches(4.5), Inches(3), data
    ).name = "Chart"
    frame = s3.shapes.add_table(2, 2, Inches(1), Inches(4), Inches(6), Inches(0.8))
    frame.name = "Table"
    cells = [["Name", "Value"], ["Short", LONG * 2]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            set_font(frame.table.cell(r, c).text_frame.paragraphs[0].add_run(), text, 14)
    s4 = blank(prs)  # 4: a group, scaled: its child coordinates are in a different space
    group = s4.shapes.add_group_shape()
    group.name = "Group"
    add_box(group.shapes, "InGroup", Inches(1), Inches(1), Inches(6), Inches(1), [["Inside a group 组里的文字"]])
    xfrm = group._element.grpSpPr.find(qn("a:xfrm"))
    xfrm.find(qn("a:off")).set("x", str(Inches(2)))  # 1 inch to the right,
    xfrm.find(qn("a:ext")).set("cx", str(Inches(7)))  # and 7/6 as wide
    s5 = blank(prs)  # 5: the same text twice, fitting and overflowing; Chinese overflowing
    add_box(s5.shapes, "TwinFits", Inches(1), Inches(1), Inches(11), Inches(1), [[TWIN]])
    add_box(s5.shapes, "TwinSmall", Inches(1), Inches(3), Inches(3), Inches(0.5), [[TWIN]])
    add_box(s5.shapes, "Chinese", Inches(6), Inches(3), Inches(2), Inches(0.8), [[ESSAY]])
    prs.save(path)
    return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("render")
    pptx = build_deck(folder / "cases.pptx")
    pdf = render_pdf(pptx, folder)
    return pptx, pdf, read_render(pptx, pdf)


@pytest.fixture(scope="module")
def findings(rendered) -> list[Finding]:
    pptx, pdf, render = rendered
    return overflowing_chars(pptx, pdf, render=render)


def on(findings: list[Finding], slide: int) -> set[tuple[str, str]]:
    return {(f.shape, f.of) for f in findings if f.slide == slide}


@pytest.mark.render
def test_overflowing_box_yields_findings_naming_it(findings):
    assert ("Overflow", "box") in on(findings, 1)
    worst = max(f.outside_pt for f in findings if f.shape == "Overflow")
    assert worst > 36  # many lines below a 0.6 in box


@pytest.mark.render
def test_well_fitted_box_yields_no_finding(findings):
    assert not [f for f in findings if f.shape == "Fits"], format_findings(findings)


@pytest.mark.render
def test_box_partly_off_the_slide_yields_page_findings(findings):
    assert on(findings, 2) == {("OffSlide", "page")}


@pytest.mark.render
def test_line_counts_match_a_box_with_three_known_lines(rendered):
    counts = rendered_line_counts(*rendered)
    assert counts[(3, "Three")] == 3
    assert counts[(1, "Fits")] == 1
    assert counts[(1, "Overflow")] > 5


@pytest.mark.render
def test_chart_text_is_left_out_of_box_checks_and_line_counts(rendered, findings):
    assert not [f for f in findings if f.shape == "Chart"]
    assert all(name != "Chart" for _, name in rendered_line_counts(*rendered))
    slide3 = rendered[2][2]
    chart_chars = {c["text"] for c, h in zip(slide3.chars, slide3.owner) if h and h.kind == "chart"}
    assert {"E", "W", "S"} <= chart_chars


@pytest.mark.render
def test_table_cell_that_grows_its_row_is_found_by_cell(findings):
    assert on(findings, 3) == {("Table r2c2", "box")}


@pytest.mark.render
def test_text_in_a_scaled_group_is_placed_by_the_group_transform(rendered, findings):
    assert not on(findings, 4), format_findings(findings)
    in_group = next(h for h in rendered[2][3].holders if h.label == "InGroup")
    assert in_group.box == pytest.approx((144.0, 72.0, 144.0 + 432.0 * 7 / 6, 144.0))
    assert rendered_line_counts(*rendered)[(4, "InGroup")] == 1


@pytest.mark.render
def test_identical_texts_are_told_apart_by_stream_order(findings):
    assert on(findings, 5) == {("TwinSmall", "box"), ("Chinese", "box")}


@pytest.mark.render
def test_every_rendered_char_is_attributed(rendered):
    for slide in rendered[2]:
        assert None not in slide.owner, f"slide {slide.number}"


def _chars(text: str, x: float, y: float, size: float = 20.0) -> list[dict]:
    """Upright characters of `text` as pdfplumber reads them, set from (x, y) along a line."""
    return [
        {"text": c, "x0": x + i * size, "x1": x + (i + 1) * size, "top": y, "bottom": y + size, "size": size}
        | {"y1": 0.0, "matrix": (1, 0, 0, 1, 0, size * 0.2)}
        for i, c in enumerate(text)
    ]


def test_words_repeated_in_two_holders_go_to_the_one_they_lie_in_whatever_the_drawing_order():
    # a section's name as the title and in the footer; the footer is listed first, drawn last
    footer = rendercheck.Holder("Footer", (200.0, 500.0, 500.0, 530.0), "sectionname")
    title = rendercheck.Holder("Title", (40.0, 20.0, 700.0, 80.0), "sectionname")
    chars = _chars("SectionName", 50, 30) + _chars("SectionName", 210, 505)
    owners = rendercheck._attribute([footer, title], chars)
    assert [h.label for h in owners] == ["Title"] * 11 + ["Footer"] * 11


def test_findings_read_as_sentences():
    text = str(Finding(3, "Body", "x", 4.25, "page"))
    assert text == "slide 3: 'x' of Body lies 4.2 pt outside its page"
    assert "(2 chars)" in format_findings([Finding(1, "A", "a", 3.0), Finding(1, "A", "b", 5.0)])


@pytest.mark.render
def test_pptx_units_are_converted_to_points(rendered):
    fits = next(h for h in rendered[2][0].holders if h.label == "Fits")
    assert fits.box == pytest.approx((72.0, 72.0, 72.0 + 504.0, 72.0 + 72.0))


def test_the_harness_renders_through_deck_export_and_knows_nothing_of_pytest():
    source = Path(rendercheck.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not imported & {"subprocess", "multiprocessing", "os", "pytest", "conftest"}, imported
    assert "from deck.export import export_pdf" in source
