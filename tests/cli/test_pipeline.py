"""End to end: outlines built through the CLI, reopened with python-pptx, audited, and checked
against the theme that made them."""

import hashlib
import os
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, run_deck
from ooxmlcheck import A, audit_errors, stray_colours, stray_fonts, stray_sizes
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from deck.cli import main
from deck.pipeline import FIXED_DATE, check_outline, dated, document_date
from deck.theme.load import load_theme

SHOWCASE = ROOT / "tests" / "cases" / "every-kind" / "outline.yaml"
CANARY = ROOT / "tests" / "themes" / "canary.yaml"


@pytest.fixture(scope="module")
def showcase(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("showcase") / "showcase.pptx"
    assert main(["build", str(SHOWCASE), "-o", str(out)]) == 0
    return out


def test_canary_theme_file_is_the_only_source_of_colours_sizes_and_fonts(tmp_path):
    out = tmp_path / "canary.pptx"
    assert main(["build", str(SHOWCASE), "-o", str(out), "--theme", str(CANARY)]) == 0
    theme, problems = load_theme(str(CANARY), None)
    blob = out.read_bytes()
    assert stray_colours(blob, theme) == []
    strays, seen = stray_sizes(blob, theme)
    assert strays == [] and len(seen) >= 10
    assert stray_fonts(blob, theme) == []


def test_every_slide_has_a_title_placeholder_first(showcase):
    prs = Presentation(showcase)
    titles = []
    for slide in prs.slides:
        first = slide.shapes[0]
        assert first.is_placeholder and first.placeholder_format.type in (
            PP_PLACEHOLDER.TITLE,
            PP_PLACEHOLDER.CENTER_TITLE,
        )
        titles.append(slide.shapes.title.text_frame.text)
    assert titles[:4] == ["deck: outlines into talks", "Agenda", "Text", "Bullets in two levels"]
    assert titles[-1] == "References" and "A slide left out" not in titles  # hidden: left out
    assert prs.slide_width * 9 == prs.slide_height * 16


def test_notes_tables_charts_and_pictures_are_native(showcase):
    prs = Presentation(showcase)
    slides = {s.shapes.title.text_frame.text: s for s in prs.slides}
    assert "measuring matters" in slides["A paragraph or two"].notes_slide.notes_text_frame.text
    table = next(s for s in slides["A native table"].shapes if s.has_table).table
    assert table.first_row and table.cell(0, 0).text == "Stage" and len(table.rows) == 5
    chart = next(s for s in slides["A native chart on a log scale"].shapes if s.has_chart).chart
    scaling = chart._chartSpace.xpath(".//c:valAx/c:scaling/c:logBase")
    assert scaling and scaling[0].get("val") == "10"
    picture = next(s for s in slides["A picture, scaled to fit whole"].shapes if s.element.tag.endswith("}pic"))
    assert picture._element.nvPicPr.cNvPr.get("descr").startswith("Five coloured boxes")
    w, h = picture.width, picture.height
    assert abs(w / h - 1500 / 500) < 0.01  # neither stretched nor cropped


def test_runs_carry_their_language_and_an_east_asian_face(showcase):
    prs = Presentation(showcase)
    runs = [
        (sh, r)
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]
    assert runs
    for shape, run in runs:
        rpr = run._r.get_or_add_rPr()
        chinese = any("\u4e00" <= c <= "\u9fff" for c in run.text)
        assert (rpr.get("lang"), rpr.get("altLang")) == (("zh-CN", "en") if chinese else ("en", None)), run.text
        assert rpr.find(f"{A}ea") is not None or shape.is_placeholder  # a placeholder inherits its faces
    assert any(rpr.get("lang") == "zh-CN" for _, r in runs for rpr in [r._r.get_or_add_rPr()])
    styles = [prs.slide_master.element, *(layout.element for layout in prs.slide_layouts)]
    inherited = [d for root in styles for d in root.iter(f"{A}defRPr") if d.find(f"{A}latin") is not None]
    assert inherited and {d.find(f"{A}ea").get("typeface") for d in inherited} <= {"+mj-ea", "+mn-ea"}


def test_document_properties_come_from_the_outline(showcase):
    props = Presentation(showcase).core_properties
    assert props.title == "deck: outlines into talks" and props.author == "The deck developers"
    assert props.language == "en" and props.created.year == 2026 and props.created.month == 11
    assert "Steve Canny" not in (props.last_modified_by or "")


def test_same_outline_gives_identical_bytes_across_processes(showcase, tmp_path):
    """The deck built in this process (the `showcase` fixture, its caches warm from the tests
    before) and one built by a fresh `deck` process with another hash seed are the same bytes."""
    seed = "2" if os.environ.get("PYTHONHASHSEED") != "2" else "3"  # never this process's seed
    again = tmp_path / "again.pptx"
    done = run_deck("build", SHOWCASE, "-o", again, env={**os.environ, "PYTHONHASHSEED": seed}, process=True)
    assert done.returncode == 0, done.stderr
    assert hashlib.sha256(showcase.read_bytes()).digest() == hashlib.sha256(again.read_bytes()).digest()
    with zipfile.ZipFile(again) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


DECKS = list(
    dict.fromkeys(  # SHOWCASE is a case too: build and audit it once per theme
        [
            SHOWCASE,
            ROOT / "outline.yaml",
            ROOT / "examples" / "showcase.yaml",
            *sorted((ROOT / "tests" / "cases").glob("*/outline.yaml")),
        ]
    )
)


@pytest.mark.parametrize("outline", DECKS, ids=[str(d.relative_to(ROOT)) for d in DECKS])
@pytest.mark.parametrize("theme", ["default", "dark"])
def test_every_deck_opens_cleanly_by_openxml_audit(outline, theme, tmp_path):
    out = tmp_path / "deck.pptx"
    assert main(["build", str(outline), "-o", str(out), "--theme", theme]) == 0
    assert audit_errors(out) == []


def test_the_audit_still_finds_a_broken_slide_among_parts_it_has_seen_clean(showcase, tmp_path):
    assert audit_errors(showcase) == []  # every part now seen clean
    broken = tmp_path / "broken.pptx"
    with zipfile.ZipFile(showcase) as z, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "ppt/slides/slide2.xml":
                data = data.replace(b"<a:bodyPr", b"<a:notAnElement/><a:bodyPr", 1)
            w.writestr(info, data)
    assert any("notAnElement" in e for e in audit_errors(broken))
    assert audit_errors(showcase) == []


def test_no_notes_writes_a_copy_without_speaker_notes(tmp_path):
    out = tmp_path / "share.pptx"
    assert main(["build", str(SHOWCASE), "-o", str(out), "--no-notes"]) == 0
    assert not any(s.has_notes_slide and s.notes_slide.notes_text_frame.text for s in Presentation(out).slides)


def test_document_date_comes_from_the_outline_then_source_date_epoch_then_a_fixed_date():
    assert document_date("2026-11-29", {"SOURCE_DATE_EPOCH": "0"}) == "2026-11-29T00:00:00Z"
    assert document_date("2024年3月", {}) == "2024-03-01T00:00:00Z"
    assert document_date("next spring", {"SOURCE_DATE_EPOCH": "86400"}) == "1970-01-02T00:00:00Z"
    assert document_date("2024-02-30", {}) == document_date(None, {"SOURCE_DATE_EPOCH": "soon"}) == FIXED_DATE


def test_a_source_date_epoch_past_the_year_9999_is_a_problem_not_a_crash(write, monkeypatch):
    assert dated(None, {"SOURCE_DATE_EPOCH": "253402300799"}) == ("9999-12-31T23:59:59Z", None)
    date, problem = dated(None, {"SOURCE_DATE_EPOCH": "9" * 20})
    assert date == FIXED_DATE and (problem.code, problem.path, problem.line) == ("O118", "SOURCE_DATE_EPOCH", 0)
    assert dated("2024-05-01", {"SOURCE_DATE_EPOCH": "9" * 20}) == ("2024-05-01T00:00:00Z", None)  # not used
    outline = write("talk.yaml", "title: T\nslides:\n  - title: A\n    text: Hello\n    notes: n\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "9" * 20)
    assert [p.code for p in check_outline(outline).problems] == ["O118"]


def test_check_dates_the_document_from_source_date_epoch(write, monkeypatch):
    outline = write("talk.yaml", "title: T\nslides:\n  - title: A\n    text: Hello\n    notes: n\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert check_outline(outline).pages.info.created == "2023-11-14T22:13:20Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert check_outline(outline).pages.info.created == FIXED_DATE
