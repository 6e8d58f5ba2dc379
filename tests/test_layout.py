"""Golden layouts: tests/cases/<name>/outline.yaml laid out and dumped must equal expected.txt.

Set DECK_UPDATE_GOLDEN=1 to rewrite the expected dumps after an intended change (then read
the diff)."""

import os
from pathlib import Path

import pytest

from deck.build import check_outline
from deck.dump import dump_pages

CASES = sorted(p.parent for p in (Path(__file__).parent / "cases").glob("*/outline.yaml"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_layout_matches_golden_dump(case, monkeypatch):
    monkeypatch.chdir(case)
    outcome = check_outline(Path("outline.yaml"))
    assert outcome.errors == []
    dump = dump_pages(outcome.pages)
    expected = case / "expected.txt"
    if os.environ.get("DECK_UPDATE_GOLDEN"):
        expected.write_text(dump, encoding="utf-8")
    assert dump == expected.read_text(encoding="utf-8")


def test_outline_without_sections_has_no_agenda():
    outcome = check_outline(Path(__file__).parent / "cases" / "no-sections" / "outline.yaml")
    assert [p.key for p in outcome.pages.pages] == ["title", "text@3"]


def test_long_bullets_continue_with_a_marked_title_and_a_warning():
    outcome = check_outline(Path(__file__).parent / "cases" / "chinese-continued" / "outline.yaml")
    titles = [p.title.paragraphs[0].text for p in outcome.pages.pages]
    assert "很多条目" in titles and "很多条目（续）" in titles
    assert any("continues on" in w.message and w.line == 9 for w in outcome.warnings)
