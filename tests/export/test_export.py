"""Tests of deck.export against the real LibreOffice and pdftoppm."""

from __future__ import annotations

import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pytest
from conftest import processes_naming, skip_or_fail
from PIL import Image
from pptx import Presentation
from pptx.util import Inches, Pt

from deck.export import contact_sheet, export_pdf, export_pngs, find_soffice, office_ahead
from deck.output import written
from deck.problems import display_path

INSTALL_HINT = {
    "darwin": "brew install --cask libreoffice",
    "win32": "winget install TheDocumentFoundation.LibreOffice",
}.get(sys.platform, "apt-get install libreoffice-impress")


def make_pptx(path: Path, slides: int) -> Path:
    """Write a 16:9 deck of `slides` slides, each with one line of Latin and Chinese text."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for n in range(1, slides + 1):
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(8), Inches(1))
        run = box.text_frame.paragraphs[0].add_run()
        run.text = f"Slide {n} 第{n}页"
        run.font.size, run.font.name = Pt(28), "Noto Sans"
    prs.save(path)
    return path


def page_count(pdf: Path) -> int:
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


@pytest.fixture(scope="module")
def soffice() -> str:
    found = find_soffice()
    if found is None:
        skip_or_fail("soffice not installed: install LibreOffice (libreoffice-impress)")
    return found


@pytest.fixture(scope="module")
def exported(soffice, tmp_path_factory) -> Path:
    """A three-slide deck exported once, shared by the tests that only read the PDF."""
    folder = tmp_path_factory.mktemp("exported")
    result = export_pdf(make_pptx(folder / "talk.pptx", 3), folder / "out" / "talk.pdf")
    assert result.ok, result.problem
    return result.path


@pytest.mark.render
def test_export_writes_a_pdf_with_one_page_per_slide(exported):
    assert exported.name == "talk.pdf"
    assert page_count(exported) == 3
    assert not list(exported.parent.glob(".*.deck-tmp-*")), "temporary file left beside the PDF"


@pytest.mark.render
def test_export_leaves_no_lock_file_beside_the_pptx(exported):
    assert sorted(p.name for p in exported.parent.parent.iterdir()) == ["out", "talk.pptx"]
    assert sorted(p.name for p in exported.parent.iterdir()) == [".deck-written.json", "talk.pdf"]


@pytest.mark.render
def test_corrupt_pptx_is_a_failure_value_and_removes_the_old_pdf(soffice, tmp_path):
    pptx = tmp_path / "broken.pptx"
    pptx.write_bytes(bytes(range(256)) * 40)
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(b"%PDF-1.4 stale from the previous build")
    written.record([pdf])  # as a previous export would have
    result = export_pdf(pptx, pdf, soffice=soffice)
    assert not result.ok and (result.problem.path, result.problem.line, result.problem.code) == (
        display_path(pdf),
        0,
        "O105",
    )
    assert "could not convert" in result.problem.message and "broken.pptx" in result.problem.message
    assert "removed the old broken.pdf" in result.problem.message
    assert not pdf.exists()
    assert result.paths == ()


def test_missing_pptx_is_a_failure_value_and_removes_the_old_pdf(tmp_path):
    pdf = tmp_path / "gone.pdf"
    pdf.write_bytes(b"%PDF-1.4 stale")
    written.record([pdf])
    result = export_pdf(tmp_path / "gone.pptx", pdf)
    assert not result.ok and result.problem.code == "O106" and "no such file" in result.problem.message
    assert not pdf.exists()


def test_a_failed_export_leaves_a_pdf_deck_did_not_write(tmp_path, monkeypatch):
    monkeypatch.setenv("DECK_SOFFICE", str(tmp_path / "no-such-soffice"))
    pdf = tmp_path / "talk.pdf"
    pdf.write_bytes(b"%PDF-1.4 the person's own")
    result = export_pdf(make_pptx(tmp_path / "talk.pptx", 1), pdf)
    assert not result.ok and result.problem.code == "O103"
    assert "left talk.pdf as it was: deck did not write it" in result.problem.message
    assert pdf.read_bytes() == b"%PDF-1.4 the person's own"


def test_a_failed_export_leaves_a_pdf_deck_wrote_that_was_changed_since(tmp_path, monkeypatch):
    monkeypatch.setenv("DECK_SOFFICE", str(tmp_path / "no-such-soffice"))
    pdf = tmp_path / "talk.pdf"
    pdf.write_bytes(b"%PDF-1.4 deck's")
    written.record([pdf])
    pdf.write_bytes(b"%PDF-1.4 deck's, annotated")
    assert not export_pdf(make_pptx(tmp_path / "talk.pptx", 1), pdf).ok
    assert pdf.read_bytes() == b"%PDF-1.4 deck's, annotated"


@pytest.mark.render
def test_a_new_pdf_keeps_a_pdf_deck_did_not_write_and_replaces_its_own(soffice, tmp_path):
    pptx = make_pptx(tmp_path / "talk.pptx", 1)
    pdf = tmp_path / "talk.pdf"
    pdf.write_bytes(b"%PDF-1.4 the person's own")
    first = export_pdf(pptx, pdf)
    assert first.ok and [(w.code, w.path) for w in first.warnings] == [("O117", display_path(pdf))]
    assert (tmp_path / "talk.edited-1.pdf").read_bytes() == b"%PDF-1.4 the person's own"
    assert page_count(pdf) == 1
    second = export_pdf(pptx, pdf)
    assert second.ok and second.warnings == ()
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["talk.edited-1.pdf", "talk.pdf"]


def test_soffice_missing_from_env_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("DECK_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert find_soffice() is None
    pdf = tmp_path / "talk.pdf"
    pdf.write_bytes(b"%PDF-1.4 stale")
    written.record([pdf])
    result = export_pdf(make_pptx(tmp_path / "talk.pptx", 1), pdf)
    assert not result.ok and result.problem.code == "O103"
    assert INSTALL_HINT in result.problem.message and "DECK_SOFFICE" in result.problem.message
    assert not pdf.exists()


def test_explicit_soffice_path_that_does_not_exist_says_how_to_install(tmp_path):
    missing = tmp_path / "bin" / "soffice"
    result = export_pdf(make_pptx(tmp_path / "talk.pptx", 1), tmp_path / "talk.pdf", soffice=missing)
    assert not result.ok and result.problem.code == "O103"
    assert str(missing) in result.problem.message and INSTALL_HINT in result.problem.message


@pytest.mark.render
def test_env_var_pointing_at_soffice_is_honoured(soffice, monkeypatch):
    monkeypatch.setenv("DECK_SOFFICE", soffice)
    assert find_soffice() == soffice


@pytest.mark.render
def test_two_exports_in_parallel_both_succeed(soffice, tmp_path):
    decks = [make_pptx(tmp_path / f"deck{n}.pptx", n) for n in (1, 2)]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda p: export_pdf(p, p.with_suffix(".pdf")), decks))
    assert [r.problem for r in results] == [None, None]
    assert [page_count(r.path) for r in results] == [1, 2]


@pytest.mark.render
def test_timeout_stops_libreoffice_and_leaves_no_pdf(soffice, tmp_path):
    pdf = tmp_path / "slow.pdf"
    result = export_pdf(make_pptx(tmp_path / "slow.pptx", 1), pdf, timeout=0.2)
    assert not result.ok and result.problem.code == "O104" and "within 0.2 s" in result.problem.message
    assert not pdf.exists()


@pytest.mark.render
def test_progress_is_shown_only_when_asked(exported, tmp_path, capsys):
    pptx = exported.parent.parent / "talk.pptx"
    export_pdf(tmp_path / "none.pptx", tmp_path / "none.pdf")  # stderr is not a terminal
    assert capsys.readouterr().err == ""
    export_pdf(pptx, tmp_path / "again.pdf", progress=True)
    assert "exporting PDF with LibreOffice" in capsys.readouterr().err


@pytest.mark.render
def test_pngs_are_one_per_page_numbered_in_order(exported, tmp_path):
    (tmp_path / "slide-07.png").write_bytes(b"stale")
    written.record([tmp_path / "slide-07.png"])  # from an earlier, longer deck
    (tmp_path / "notes.png").write_bytes(b"not ours")
    result = export_pngs(exported, tmp_path, dpi=96)
    assert result.ok, result.problem
    assert [p.name for p in result.paths] == ["slide-01.png", "slide-02.png", "slide-03.png"]
    assert sorted(p.name for p in tmp_path.glob("slide-*.png")) == ["slide-01.png", "slide-02.png", "slide-03.png"]
    assert (tmp_path / "notes.png").exists()
    with Image.open(result.paths[0]) as im:
        assert im.size == (1280, 720)  # 13.333 × 7.5 in at 96 dpi


@pytest.mark.render
def test_pngs_never_replace_or_remove_a_picture_deck_did_not_write(exported, tmp_path):
    (tmp_path / "slide-123.png").write_bytes(b"a person's picture")
    assert export_pngs(exported, tmp_path, dpi=10).ok
    assert (tmp_path / "slide-123.png").read_bytes() == b"a person's picture"
    (tmp_path / "slide-02.png").write_bytes(b"a person's picture, now")
    result = export_pngs(exported, tmp_path, dpi=10)
    assert not result.ok and (result.problem.code, result.problem.path) == (
        "O114",
        display_path(tmp_path / "slide-02.png"),
    )
    assert (tmp_path / "slide-02.png").read_bytes() == b"a person's picture, now"
    assert (tmp_path / "slide-123.png").read_bytes() == b"a person's picture"


@pytest.mark.render
def test_missing_pdftoppm_says_how_to_install(exported, tmp_path):
    result = export_pngs(exported, tmp_path, pdftoppm=str(tmp_path / "no-pdftoppm"))
    assert not result.ok and result.problem.code == "O103" and "poppler" in result.problem.message
    assert result.paths == ()


@pytest.mark.render
def test_unreadable_pdf_gives_a_png_failure_value(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    result = export_pngs(bad, tmp_path / "png")
    assert not result.ok and result.problem.code == "O105" and "bad.pdf" in result.problem.message
    assert not list((tmp_path / "png").glob("slide-*.png"))


@pytest.fixture(scope="module")
def pngs(exported, tmp_path_factory) -> list[Path]:
    result = export_pngs(exported, tmp_path_factory.mktemp("png"))
    assert result.ok, result.problem
    return list(result.paths)


@pytest.mark.render
def test_contact_sheet_has_the_documented_grid_size(pngs, tmp_path):
    sheet = contact_sheet(pngs, tmp_path / "sheet.png", columns=2, thumb_width=320, gap=10, label_height=20)
    with Image.open(sheet) as im:
        # 2 columns of 320 px and 3 gaps; 2 rows of 180 px thumbnails + 20 px labels, 3 gaps
        assert im.size == (2 * 320 + 3 * 10, 2 * (180 + 20) + 3 * 10)
        assert im.getpixel((0, 0)) == (240, 240, 240)


@pytest.mark.render
def test_contact_sheet_is_byte_identical_across_runs(pngs, tmp_path):
    first = contact_sheet(pngs, tmp_path / "a" / "sheet.png").read_bytes()
    second = contact_sheet(pngs, tmp_path / "b" / "sheet.png").read_bytes()
    assert first == second
    assert b"tIME" not in first and b"tEXt" not in first


def test_contact_sheet_of_no_images_is_an_error(tmp_path):
    with pytest.raises(ValueError):
        contact_sheet([], tmp_path / "sheet.png")


def offices_using(profile: Path) -> list[int]:
    """The running LibreOffice processes whose command line names `profile`."""
    return processes_naming(profile.as_uri())


@pytest.mark.render
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_a_libreoffice_started_ahead_converts_and_is_gone_after_the_block(exported, tmp_path):
    pptx = make_pptx(tmp_path / "talk.pptx", 4)  # the `exported` export before kept a profile to start from
    with office_ahead() as office:
        assert office is not None
        deadline = time.monotonic() + 30
        while not (running := offices_using(office.profile)) and time.monotonic() < deadline:
            time.sleep(0.05)  # started, and running before any export
        result = export_pdf(pptx, tmp_path / "talk.pdf", office=office)
    assert running, "no LibreOffice was started when the block was entered"
    assert result.ok and page_count(result.path) == 4
    assert "第4页" in pdfplumber.open(result.path).pages[3].extract_text()
    assert not offices_using(office.profile) and not office.profile.exists()


def test_no_libreoffice_is_started_ahead_without_a_profile_to_start_from(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "empty-cache"))  # no export has kept a profile here
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "empty-cache"))
    with office_ahead() as office:
        assert office is None  # the export then runs cold, as before, and keeps a profile


@pytest.mark.render
def test_the_sheet_drawn_while_encoding_is_the_contact_sheet_of_the_pngs(exported, tmp_path):
    result = export_pngs(exported, tmp_path / "png", dpi=30, sheet=tmp_path / "drawn.png")
    assert result.ok and len(result.paths) == 3
    again = contact_sheet(list(result.paths), tmp_path / "again.png")
    assert again.read_bytes() == (tmp_path / "drawn.png").read_bytes()
