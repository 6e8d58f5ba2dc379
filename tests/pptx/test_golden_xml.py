"""Golden renderings: each tests/cases/<name>/outline.yaml, built, must give slide and notes
parts equal to tests/cases/<name>/expected-xml/ (the part's path in the package, XML
pretty-printed two spaces an indent; nothing else is normalised: the output is deterministic).

After an intended change to the renderer or the layout, rewrite these and the layout dumps
(then read the diff):
    DECK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/layout/test_layout.py tests/pptx/test_golden_xml.py
"""

from __future__ import annotations

import difflib
import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from deck.pipeline import build_outline

CASES = sorted(p.parent for p in (Path(__file__).parent.parent / "cases").glob("*/outline.yaml"))
PART = re.compile(r"ppt/(slides/slide|notesSlides/notesSlide)(\d+)\.xml")


def pretty(xml: bytes) -> str:
    """Return the XML part indented, one element a line (text inside elements untouched)."""
    root = etree.fromstring(xml)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode") + "\n"


def slide_parts(pptx: bytes) -> dict[str, str]:
    """Return the package's slide and notes-slide parts, pretty-printed, by part name, slides
    first, each in number order."""
    with zipfile.ZipFile(io.BytesIO(pptx)) as z:
        names = [n for n in z.namelist() if PART.fullmatch(n)]
        names.sort(key=lambda n: (PART.fullmatch(n)[1] != "slides/slide", int(PART.fullmatch(n)[2])))
        return {n: pretty(z.read(n)) for n in names}


def rewrite(folder: Path, parts: dict[str, str]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for name, text in parts.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def test_pretty_printing_keeps_spaces_inside_text_and_indents_the_rest():
    xml = b'<p:sp xmlns:p="p" xmlns:a="a"><a:r><a:t> two  spaces </a:t></a:r></p:sp>'
    assert pretty(xml) == '<p:sp xmlns:p="p" xmlns:a="a">\n  <a:r>\n    <a:t> two  spaces </a:t>\n  </a:r>\n</p:sp>\n'


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_slide_and_notes_parts_match_the_golden_xml(case, tmp_path):
    outcome = build_outline(case / "outline.yaml", tmp_path / "deck.pptx")
    assert outcome.errors == []
    parts = slide_parts(outcome.output.read_bytes())
    golden = case / "expected-xml"
    if os.environ.get("DECK_UPDATE_GOLDEN"):
        rewrite(golden, parts)
    expected = {p.relative_to(golden).as_posix(): p for p in golden.rglob("*.xml")}
    assert sorted(parts) == sorted(expected), f"the deck's slide parts are not those in {golden}"
    for name, text in parts.items():
        want = expected[name].read_text(encoding="utf-8")
        if text != want:
            diff = difflib.unified_diff(
                want.splitlines(keepends=True), text.splitlines(keepends=True), f"expected {name}", f"built {name}"
            )
            pytest.fail(
                f"{name} of {case.name} differs from {expected[name]} (DECK_UPDATE_GOLDEN=1 rewrites it):\n"
                + "".join(diff),
                pytrace=False,
            )
