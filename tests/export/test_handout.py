"""`deck build --handout`: `<stem>-handout.pdf` beside the .pptx, LibreOffice's notes pages
(each slide's picture above its speaker notes, in their shape), under the output safety rules."""

from __future__ import annotations

import os
import time

import pdfplumber
import pytest
from conftest import processes_naming, run_deck

from deck.output import written

OUTLINE = """\
title: Handout
language: zh-CN
slides:
  - title: First
    text: One
    notes: |
      Open with the **question**.

      - first point
      - second point
        - a detail
  - title: 第二页
    bullets: [甲, 乙]
    notes: 这里讲第二页的内容。
"""


@pytest.fixture
def outline(write):
    return write("talk.yaml", OUTLINE)


@pytest.mark.render
def test_handout_is_one_portrait_notes_page_per_slide_with_its_notes(outline, tmp_path):
    done = run_deck("build", outline, "--handout")
    assert done.returncode == 0, done.stderr
    handout = tmp_path / "build" / "talk-handout.pdf"
    assert f"wrote {handout.relative_to(tmp_path)}" in done.stdout or "talk-handout.pdf" in done.stdout
    assert not (tmp_path / "build" / "talk.pdf").exists()  # only what was asked for
    with pdfplumber.open(handout) as doc:
        pages = [(p.width, p.height, p.extract_text() or "") for p in doc.pages]
    assert len(pages) == 3  # the title slide, then the two slides
    assert all((w, h) == (540, 720) for w, h, _ in pages)  # 7.5 × 10 in, portrait
    first, second = pages[1][2], pages[2][2]
    assert "First" in first and "Open with the question." in first
    lines = first.splitlines()
    assert any(line.startswith("•") and "first point" in line for line in lines)
    assert any(line.startswith("–") and "a detail" in line for line in lines)
    assert "第二页" in second and "这里讲第二页的内容。" in second
    assert written.deck_wrote(handout)  # in the written-files manifest


@pytest.mark.render
def test_pdf_and_handout_together_are_each_their_own_and_no_libreoffice_is_left(outline, tmp_path):
    private = tmp_path / "tmp"  # LibreOffice's profiles go here: its processes are found by it
    private.mkdir()
    done = run_deck("build", outline, "--pdf", "--handout", env={**os.environ, "TMPDIR": str(private)}, process=True)
    assert done.returncode == 0, done.stderr
    with pdfplumber.open(tmp_path / "build" / "talk.pdf") as doc:
        assert [(round(p.width), round(p.height)) for p in doc.pages] == [(960, 540)] * 3  # the slides, 16:9
        assert "Open with" not in "".join(p.extract_text() or "" for p in doc.pages)
    with pdfplumber.open(tmp_path / "build" / "talk-handout.pdf") as doc:
        assert [(p.width, p.height) for p in doc.pages] == [(540, 720)] * 3  # notes pages, portrait
        assert "Open with the question." in doc.pages[1].extract_text()
    deadline = time.monotonic() + 5
    while processes_naming(str(private)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_naming(str(private)) == []


def test_handout_without_notes_is_a_usage_error_writing_nothing(outline, tmp_path):
    done = run_deck("build", outline, "--handout", "--no-notes")
    assert done.returncode == 2
    assert "--handout prints the speaker notes" in done.stderr
    assert not (tmp_path / "build").exists()


def test_a_handout_path_that_is_a_folder_is_refused_before_anything_is_written(outline, tmp_path):
    (tmp_path / "build" / "talk-handout.pdf").mkdir(parents=True)
    done = run_deck("build", outline, "--handout")
    assert done.returncode != 0
    assert "talk-handout.pdf" in done.stderr
    assert not (tmp_path / "build" / "talk.pptx").exists()


def test_a_failed_handout_keeps_the_pptx_and_a_handout_deck_did_not_write(outline, tmp_path):
    handout = tmp_path / "build" / "talk-handout.pdf"
    handout.parent.mkdir()
    handout.write_bytes(b"%PDF-1.4 the person's own")
    env = {"DECK_SOFFICE": str(tmp_path / "no-such-soffice"), "PATH": "/usr/bin:/bin"}
    done = run_deck("build", outline, "--handout", env=env)
    assert done.returncode == 4
    assert "error[O103]" in done.stderr and "the .pptx was written" in done.stderr
    assert (tmp_path / "build" / "talk.pptx").exists()
    assert handout.read_bytes() == b"%PDF-1.4 the person's own"
