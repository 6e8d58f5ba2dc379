"""`deck build --handout`: `<stem>-handout.pdf` beside the .pptx, LibreOffice's notes pages
(each slide's picture above its speaker notes, in their shape), under the output safety rules."""

from __future__ import annotations

import pdfplumber
import pytest
from conftest import run_deck

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
