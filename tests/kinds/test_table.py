"""The `table` kind's columns: `align` per column (numbers right-aligned by default) and
`widths` as shares of the table's width."""

import zipfile

import pytest
from conftest import render_pdf
from lxml import etree
from rendercheck import read_render

from deck.cli import main
from deck.pipeline import build_outline

A = "http://schemas.openxmlformats.org/drawingml/2006/main"

TABLE = """\
title: T
slides:
  - title: Models
    table:
      header: [Model, Year, Parameters, Share, Note]
      rows:
        - [GPT-3, 2020, 175B, 45%, first of its size]
        - [PaLM, 2022, 540B, "≈ 20,000", "—"]
        - [Chinchilla, 2022, "70B", "1,400", "GPT-3 was under-trained"]
{extra}    notes: n
"""


def _table(write, tmp_path, extra: str = ""):
    outline = write("outline.yaml", TABLE.format(extra=extra))
    outcome = build_outline(outline, tmp_path / "o.pptx")
    assert outcome.errors == []
    [table] = [e for e in outcome.pages.pages[1].elements if type(e).__name__ == "Table"]
    return table


def _column_aligns(table) -> list[str]:
    return [cell.paragraphs[0].align for cell in table.rows[0]]


def test_columns_of_numbers_are_right_aligned_and_text_left_by_default(write, tmp_path):
    table = _table(write, tmp_path)
    assert _column_aligns(table) == ["left", "right", "right", "right", "left"]
    assert all([c.paragraphs[0].align for c in row] == _column_aligns(table) for row in table.rows)


def test_align_sets_each_column_header_included_and_is_written_to_the_cells(write, tmp_path):
    table = _table(write, tmp_path, "      align: [center, left, right, center, right]\n")
    assert _column_aligns(table) == ["center", "left", "right", "center", "right"]
    with zipfile.ZipFile(tmp_path / "o.pptx") as z:
        root = etree.fromstring(z.read("ppt/slides/slide2.xml"))
    row = next(root.iter(f"{{{A}}}tr"))
    assert [tc.find(f".//{{{A}}}pPr").get("algn") for tc in row.iter(f"{{{A}}}tc")] == ["ctr", "l", "r", "ctr", "r"]


def test_widths_share_the_table_width_in_proportion(write, tmp_path):
    table = _table(write, tmp_path, "      widths: [2, 1, 1, 1, 3]\n")
    w = table.col_widths
    assert sum(w) == table.box.w
    assert abs(w[0] - 2 * w[1]) <= 1 and w[1] == w[2] == w[3] and abs(w[4] - 3 * w[1]) <= 4


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("      align: [left, right]\n", ":10:14: error[K212]: `align` has 2 alignments but the table has 5 columns"),
        ("      align: [left, right, middle, left, left]\n", ":10:28: error[F111]: expected one of `left`, `center`"),
        ("      widths: [1, 1, 1]\n", ":10:15: error[K213]: `widths` has 3 widths but the table has 5 columns"),
        ("      widths: [1, 0, 1, 1, 1]\n", ":10:19: error[K213]: a column width must be more than 0, got 0"),
    ],
)
def test_align_and_widths_errors_are_located(write, capsys, extra, message):
    outline = write("outline.yaml", TABLE.format(extra=extra))
    assert main(["check", str(outline)]) == 1
    assert message in capsys.readouterr().err


@pytest.mark.render
def test_rendered_number_columns_line_up_on_their_right_edge(write, tmp_path):
    outline = write("outline.yaml", TABLE.format(extra="      align: [left, left, right, center, left]\n"))
    assert main(["build", str(outline), "-o", str(tmp_path / "o.pptx")]) == 0
    pdf = render_pdf(tmp_path / "o.pptx", tmp_path)
    slide = read_render(tmp_path / "o.pptx", pdf)[1]
    cells = {h.label: h for h in slide.holders if " r" in h.label}

    def ink(label: str) -> tuple[float, float]:
        chars = [c for c, owner in zip(slide.chars, slide.owner) if owner is cells[label]]
        return min(c["x0"] for c in chars), max(c["x1"] for c in chars)

    rights = [ink(f"Table r{r}c3")[1] for r in (1, 2, 3, 4)]  # Parameters: right
    lefts = [ink(f"Table r{r}c1")[0] for r in (1, 2, 3, 4)]  # Model: left
    centres = [sum(ink(f"Table r{r}c4")) / 2 for r in (1, 2, 3, 4)]  # Share: centre
    box = cells["Table r1c4"].box
    assert max(rights) - min(rights) < 1.0 and max(lefts) - min(lefts) < 1.0
    assert all(abs(c - (box[0] + box[2]) / 2) < 1.5 for c in centres)
    assert rights[0] > cells["Table r1c3"].box[2] - 15  # near the cell's right edge, not its left
