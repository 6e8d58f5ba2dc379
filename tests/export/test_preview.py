"""`deck preview` and `deck build --pdf` through the CLI, with real LibreOffice and poppler."""

import pdfplumber
import pytest
from conftest import run_deck, skip_or_fail
from PIL import Image

from deck.cli import main
from deck.export import find_soffice
from deck.output import written

GOOD = """title: Preview
language: zh-CN
slides:
  - section: 第一部分
    notes: 开场。
  - title: 一页
    bullets: [甲, 乙]
    notes: 说甲和乙。
"""


def need_tools():
    if find_soffice() is None:
        skip_or_fail("soffice not installed: install LibreOffice (libreoffice-impress)")


@pytest.mark.render
def test_preview_writes_a_png_per_slide_and_a_contact_sheet(write, tmp_path, capsys):
    need_tools()
    outline = write("outline.yaml", GOOD)
    assert main(["preview", str(outline), "--dpi", "30"]) == 0
    folder = tmp_path / "build" / "outline-preview"
    assert sorted(p.name for p in folder.iterdir()) == [
        ".deck-written.json",  # what deck wrote here: the next preview removes only these
        "contact-sheet.png",
        "slide-01.png",
        "slide-02.png",
        "slide-03.png",
        "slide-04.png",
    ]
    width, height = Image.open(folder / "slide-01.png").size
    assert abs(width - 400) <= 1 and abs(height - 225) <= 1  # 13.333 in × 7.5 in at 30 dpi


@pytest.mark.render
def test_preview_removes_only_the_pictures_it_wrote_before(write, tmp_path):
    need_tools()
    outline = write("outline.yaml", GOOD)
    folder = tmp_path / "pictures"
    assert main(["preview", str(outline), "-o", str(folder), "--dpi", "10"]) == 0
    (folder / "slide-123.png").write_bytes(b"a person's picture")
    (folder / "notes.txt").write_text("mine")
    outline.write_text(GOOD.replace("  - section: 第一部分\n    notes: 开场。\n", ""), encoding="utf-8")
    assert main(["preview", str(outline), "-o", str(folder), "--dpi", "10"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        ".deck-written.json",
        "contact-sheet.png",
        "notes.txt",
        "slide-01.png",
        "slide-02.png",
        "slide-123.png",
    ]
    assert (folder / "slide-123.png").read_bytes() == b"a person's picture"


@pytest.mark.parametrize("dpi", ["0", "-5", "601", "lots"])
def test_a_dpi_out_of_range_is_a_usage_error_before_anything_runs(write, tmp_path, dpi):
    outline = write("outline.yaml", GOOD)
    result = run_deck("preview", outline, "--dpi", dpi, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "argument --dpi: " in result.stderr and ("1 to 600" in result.stderr or "whole number" in result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outline.yaml"]


@pytest.mark.render
def test_preview_sheet_only_writes_just_the_sheet(write, tmp_path):
    need_tools()
    outline = write("outline.yaml", GOOD)
    sheet = tmp_path / "docs" / "sheet.png"
    assert main(["preview", str(outline), "--sheet", str(sheet), "--dpi", "30"]) == 0
    assert sheet.is_file() and not (tmp_path / "build").exists()


@pytest.mark.render
def test_build_pdf_writes_the_pdf_beside_the_pptx(write, tmp_path):
    need_tools()
    outline = write("outline.yaml", GOOD)
    assert main(["build", str(outline), "--pdf"]) == 0
    with pdfplumber.open(tmp_path / "build" / "outline.pdf") as pdf:
        assert len(pdf.pages) == 4
        assert "说甲和乙" not in pdf.pages[3].extract_text() and "甲" in pdf.pages[3].extract_text()


def test_pdf_export_without_libreoffice_exits_4_and_keeps_the_pptx(write, tmp_path, monkeypatch, capsys):
    outline = write("outline.yaml", GOOD)
    (tmp_path / "build").mkdir()
    stale = tmp_path / "build" / "outline.pdf"
    stale.write_bytes(b"%PDF-old")
    written.record([stale])  # as the previous build's export would have
    monkeypatch.setenv("DECK_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert main(["build", str(outline), "--pdf"]) == 4
    err = capsys.readouterr().err
    assert "error[O103]: LibreOffice is needed" in err and "apt-get install" in err
    assert "build/outline.pdf:0:0: error[O103]" in err  # located at the PDF that was not made
    assert (tmp_path / "build" / "outline.pptx").is_file() and not stale.exists()


def test_preview_without_libreoffice_exits_4_located_at_the_preview_folder(write, tmp_path, monkeypatch, capsys):
    outline = write("outline.yaml", GOOD)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DECK_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert main(["preview", "outline.yaml"]) == 4
    assert capsys.readouterr().err.startswith("build/outline-preview:0:0: error[O103]: LibreOffice is needed")
    assert not (outline.parent / "build").exists()
