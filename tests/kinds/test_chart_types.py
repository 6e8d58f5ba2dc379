"""More chart types (stacked bar and column, area, doughnut, scatter), `number_format`,
`labels` and the value axis's `min`/`max`: native chart XML that audits clean, workbooks that
hold the same data, located errors, and the render."""

import io
import zipfile

import openpyxl
import pdfplumber
import pytest
from conftest import render_pdf
from lxml import etree
from ooxmlcheck import audit_errors

from deck.cli import main

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"

CHARTS = """\
title: Charts
slides:
  - title: Stacked columns
    chart:
      type: stacked-column
      categories: ["2021", "2022", "2023"]
      series: {Text: [3, 4, 5], Images: [1, 2, 4]}
      number_format: "0.0"
      labels: value
      max: 15
    notes: n
  - title: Stacked bars
    chart:
      type: stacked-bar
      categories: [A, B]
      series: {Yes: [60, 45], No: [40, 55]}
      labels: value
      number_format: '0"%"'
    notes: n
  - title: Area
    chart:
      type: area
      categories: [Jan, Feb, Mar, Apr]
      series: {Users: [1200, 3400, 5600, 9100]}
      number_format: "#,##0"
      min: 1000
      max: 10000
    notes: n
  - title: Doughnut
    chart:
      type: doughnut
      categories: [Text, Data, Pictures]
      series: {Slides: [5, 4, 1]}
      labels: category
    notes: n
  - title: Scatter
    chart:
      type: scatter
      categories: [1, 2.5, 4, 7]
      series: {Cost: [2, 3.5, 3, 6], Time: [1, 1.5, 2.5, 5]}
      min: 0
    notes: n
  - title: Pie without labels
    chart:
      type: pie
      categories: [a, b]
      series: {Share: [1, 3]}
      labels: none
    notes: n
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("charts")
    (folder / "outline.yaml").write_text(CHARTS, encoding="utf-8")
    assert main(["build", str(folder / "outline.yaml"), "-o", str(folder / "o.pptx")]) == 0
    return folder / "o.pptx"


def _chart(pptx, n: int) -> etree._Element:
    with zipfile.ZipFile(pptx) as z:
        return etree.fromstring(z.read(f"ppt/charts/chart{n}.xml"))


def _workbook(pptx, n: int):
    with zipfile.ZipFile(pptx) as z:
        return openpyxl.load_workbook(io.BytesIO(z.read(f"ppt/embeddings/Microsoft_Excel_Sheet{n}.xlsx"))).active


def _find(root, path: str):
    return root.find(path.replace("c:", f"{{{C}}}").replace("a:", f"{{{A}}}"))


def test_each_new_type_is_its_native_plot(built):
    plots = [
        next(e.tag.split("}")[1] for e in _find(_chart(built, n), ".//c:plotArea") if e.tag.endswith("Chart"))
        for n in range(1, 6)
    ]
    assert plots == ["barChart", "barChart", "areaChart", "doughnutChart", "scatterChart"]
    first, second = _chart(built, 1), _chart(built, 2)
    assert _find(first, ".//c:grouping").get("val") == _find(second, ".//c:grouping").get("val") == "stacked"
    assert (_find(first, ".//c:barDir").get("val"), _find(second, ".//c:barDir").get("val")) == ("col", "bar")
    assert _find(first, ".//c:overlap").get("val") == "100"


def test_new_types_audit_clean(built):
    assert audit_errors(built) == []


def test_number_format_is_on_the_value_axis_the_labels_and_the_workbook(built):
    root = _chart(built, 1)
    assert _find(root, ".//c:valAx/c:numFmt").get("formatCode") == "0.0"
    assert _find(root, ".//c:dLbls/c:numFmt").get("formatCode") == "0.0"
    assert _workbook(built, 1)["B2"].number_format == "0.0"
    assert _find(_chart(built, 3), ".//c:valAx/c:numFmt").get("formatCode") == "#,##0"


def test_labels_show_what_they_say_and_sit_inside_stacked_segments(built):
    def flags(root):
        labels = _find(root, ".//c:plotArea/*/c:dLbls")
        if labels is None:
            return None
        return {k: _find(labels, f"c:show{k}").get("val") for k in ("Val", "Percent", "CatName")}

    assert flags(_chart(built, 1)) == {"Val": "1", "Percent": "0", "CatName": "0"}
    assert _find(_chart(built, 1), ".//c:dLbls/c:dLblPos").get("val") == "ctr"
    assert flags(_chart(built, 4)) == {"Val": "0", "Percent": "0", "CatName": "1"}
    assert _find(_chart(built, 4), ".//c:dLbls/c:dLblPos") is None  # a doughnut's cannot be placed
    assert flags(_chart(built, 6)) is None  # labels: none
    colour = _find(_chart(built, 1), ".//c:dLbls/c:txPr//a:defRPr/a:solidFill/a:schemeClr").get("val")
    assert colour == "bg1"  # on the segment's fill


def test_min_and_max_set_the_value_axis_and_a_lone_max_starts_at_zero(built):
    def scaling(n, axis="c:valAx"):
        found = _find(_chart(built, n), f".//{axis}/c:scaling")
        return {
            k: (_find(found, f"c:{k}").get("val") if _find(found, f"c:{k}") is not None else None)
            for k in ("min", "max")
        }

    assert scaling(3) == {"min": "1000", "max": "10000"}
    assert scaling(1) == {"min": "0", "max": "15"}


def test_a_scatters_categories_are_its_x_values_on_a_value_axis(built):
    root = _chart(built, 5)
    axes = [a.tag.split("}")[1] for a in _find(root, ".//c:plotArea") if a.tag.endswith("Ax")]
    assert axes == ["valAx", "valAx"]
    xs = [float(v.text) for v in root.iterfind(f".//{{{C}}}ser[1]/{{{C}}}xVal//{{{C}}}v")]
    assert xs == [1, 2.5, 4, 7]
    vertical = [
        a for a in _find(root, ".//c:plotArea") if a.tag.endswith("valAx") and _find(a, "c:axPos").get("val") == "l"
    ]
    assert _find(vertical[0], "c:scaling/c:min").get("val") == "0"
    sheet = _workbook(built, 5)
    assert [sheet.cell(r, 1).value for r in range(2, 6)] == [1, 2.5, 4, 7]
    assert sheet["B1"].value == "Cost" and sheet["B7"].value == "Time"
    assert [sheet.cell(r, 2).value for r in range(8, 12)] == [1, 1.5, 2.5, 5]
    # the chart's references point where the workbook holds the data
    refs = [f.text for f in root.iter(f"{{{C}}}f")]
    assert refs == [
        "Sheet1!$B$1",
        "Sheet1!$A$2:$A$5",
        "Sheet1!$B$2:$B$5",
        "Sheet1!$B$7",
        "Sheet1!$A$8:$A$11",
        "Sheet1!$B$8:$B$11",
    ]


@pytest.mark.parametrize(
    ("chart", "message"),
    [
        (
            "type: scatter\n      categories: [1, two]\n      series: {S: [1, 2]}",
            ":7:23: error[K227]: a scatter chart's categories are its x values",
        ),
        (
            "type: column\n      categories: [a, b]\n      series: {S: [1, 2]}\n      min: 5\n      max: 5",
            ":10:7: error[K228]: `max` (5) must be above `min` (5)",
        ),
        (
            "type: line\n      categories: [a, b]\n      series: {S: [1, 2]}\n      log_scale: true\n      min: 0",
            ":10:7: error[K228]: a log scale starts above 0",
        ),
        (
            "type: doughnut\n      categories: [a, b]\n      series: {S: [1, 2]}\n      max: 3",
            ":9:7: error[K228]: a doughnut chart has no value axis",
        ),
        (
            "type: column\n      categories: [a, b]\n      series: {S: [1, 2]}\n      labels: percent",
            ":9:7: error[K229]: percent labels",
        ),
        (
            "type: doughnut\n      categories: [a, b]\n      series: {S: [1, 2], T: [3, 4]}",
            "error[K224]: a doughnut chart has exactly one series",
        ),
        ("type: stacked\n      categories: [a]\n      series: {S: [1]}", "error[F111]: expected one of `bar`"),
        ("type: bar\n      categories: [a]\n      series: {S: [1]}\n      labels: values", "did you mean `value`?"),
    ],
)
def test_chart_errors_are_located(write, capsys, chart, message):
    outline = write("outline.yaml", f"title: T\nslides:\n  - title: C\n    notes: n\n    chart:\n      {chart}\n")
    assert main(["check", str(outline)]) == 1
    assert message in capsys.readouterr().err


@pytest.mark.render
def test_rendered_charts_show_the_formats_labels_and_range(built, tmp_path):
    pdf = render_pdf(built, tmp_path)
    with pdfplumber.open(pdf) as doc:
        pages = [page.extract_text() or "" for page in doc.pages]
    stacked, bars, area, doughnut, scatter, pie = pages[1:7]
    assert "3.0" in stacked and "14.0" in stacked and "16.0" not in stacked  # format, labels, max (auto: 10)
    assert "45%" in bars and "55%" in bars  # a literal % in the format code
    assert "10,000" in area and "1,000" in area and "9,100" not in area  # axis range, no labels
    assert all(name in doughnut for name in ("Text", "Data", "Pictures"))
    assert "7" in scatter and "Cost" in scatter
    assert "25%" not in pie and "75%" not in pie
