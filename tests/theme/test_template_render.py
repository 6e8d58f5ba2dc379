"""Render tests on company templates: decks built on real and hostile templates, converted by
real LibreOffice, show no character outside its own box or the page."""

import pytest
import templatekit as tk
from conftest import ROOT, render_pdf
from rendercheck import format_findings, overflowing_chars

from deck.pipeline import build_outline

pytestmark = pytest.mark.render

DECKS = [
    pytest.param("every-kind", "pandoc", id="every-kind-pandoc"),
    pytest.param("every-kind", "logo", id="every-kind-logo"),
    pytest.param("every-kind", "lo-beehive", id="every-kind-lo-beehive"),
    pytest.param("essay", "python-pptx", id="essay-python-pptx"),
    pytest.param("essay", "renumbered", id="essay-renumbered"),
]
OUTLINES = {"every-kind": ROOT / "tests" / "cases" / "every-kind" / "outline.yaml", "essay": ROOT / "outline.yaml"}
HOSTILE = {"logo": tk.with_logo, "renumbered": tk.renumbered}


@pytest.mark.parametrize(("outline", "template"), DECKS)
def test_no_character_lies_outside_its_box_or_the_page(outline, template, tmp_path):
    path = tmp_path / f"{template}.pptx"
    if template in HOSTILE:
        HOSTILE[template](path)
    else:
        path.write_bytes(tk.REAL[template].read_bytes())
    out = build_outline(OUTLINES[outline], tmp_path / "out.pptx", str(path))
    assert out.errors == [], [p.format() for p in out.errors]
    pdf = render_pdf(out.output, tmp_path)
    findings = overflowing_chars(out.output, pdf)
    assert findings == [], format_findings(findings)
