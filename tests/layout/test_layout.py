"""Golden layouts: tests/cases/<name>/outline.yaml laid out and dumped must equal expected.txt
(the dump `deck check --dump` prints; tests/pptx/test_golden_xml.py pins the rendered parts).

After an intended change, rewrite the expected dumps and XML (then read the diff):
    DECK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/layout/test_layout.py tests/pptx/test_golden_xml.py
"""

import os
from pathlib import Path

import pytest

from deck.layout.dump import dump_pages
from deck.pipeline import check_outline
from deck.units import EMU_PER_PT

CASES = sorted(p.parent for p in (Path(__file__).parent.parent / "cases").glob("*/outline.yaml"))


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
    outcome = check_outline(Path(__file__).parent.parent / "cases" / "no-sections" / "outline.yaml")
    assert [p.key for p in outcome.pages.pages] == ["title", "text@3"]


def test_long_bullets_continue_with_numbered_titles_and_a_warning():
    outcome = check_outline(Path(__file__).parent.parent / "cases" / "chinese-continued" / "outline.yaml")
    titles = [p.title.paragraphs[0].text for p in outcome.pages.pages]
    assert "很多条目" in titles and "很多条目（1/3）" not in titles and "很多条目（续 3/3）" in titles
    assert any("continues on" in w.message and w.line == 9 for w in outcome.warnings)


def check_text(write, text: str):
    return check_outline(write("outline.yaml", text))


def test_character_no_theme_font_has_is_a_located_warning(write):
    outcome = check_text(
        write, "title: T\nslides:\n  - title: Emoji\n    bullets:\n      - launch 🚀 day\n    notes: n\n"
    )
    assert [(w.line, w.column) for w in outcome.warnings] == [(5, 9)]
    assert "🚀 (U+1F680)" in outcome.warnings[0].message


def test_text_that_cannot_fit_even_at_the_minimum_is_an_error_at_the_slide(write):
    long = "A sentence that keeps going. " * 95
    outcome = check_text(write, f"title: T\nslides:\n  - title: Too much\n    text: {long}\n    notes: n\n")
    assert [(e.line, e.column) for e in outcome.errors] == [(3, 5)]
    assert "does not fit" in outcome.errors[0].message and "use `bullets`" in outcome.errors[0].message


def test_shrinking_below_the_theme_size_is_warned_and_sizes_come_in_steps(write):
    text = "A sentence that keeps going for a while. " * 30
    outcome = check_text(write, f"title: T\nslides:\n  - title: Dense\n    text: {text}\n    notes: n\n")
    assert any("shrunk from 24 pt to" in w.message and w.line == 3 for w in outcome.warnings)
    body = next(e for e in outcome.pages.pages[1].elements if e.name == "Body")
    assert (24 - body.size / EMU_PER_PT) % 2 == 0 and body.size / EMU_PER_PT >= 18


def test_long_table_continues_with_its_header_on_every_slide(write):
    rows = "".join(
        f"        - [Row {i}, a description that is long enough to wrap in its cell maybe]\n" for i in range(40)
    )
    outcome = check_text(
        write,
        "title: T\nslides:\n  - title: Big table\n    table:\n"
        f"      header: [Name, Description]\n      rows:\n{rows}    notes: n\n",
    )
    assert outcome.errors == []
    pages = [p for p in outcome.pages.pages if p.title.paragraphs[0].text.startswith("Big table")]
    n = len(pages)
    assert n >= 2 and [p.title.paragraphs[0].text for p in pages] == ["Big table"] + [
        f"Big table (cont. {i}/{n})" for i in range(2, n + 1)
    ]
    tables = [next(e for e in p.elements if type(e).__name__ == "Table") for p in pages]
    assert all(t.rows[0][0].paragraphs[0].text == "Name" for t in tables)
    assert sum(len(t.rows) - 1 for t in tables) == 40
    assert any("continues on" in w.message for w in outcome.warnings)
