"""Render tests on company templates: decks built on real and hostile templates, converted by
real LibreOffice, show no character outside its own box or the page, and no glyph of one shape
over a glyph of another or a picture (the template's master art included)."""

import pytest
import templatekit as tk
from conftest import ROOT, render_pdf
from rendercheck import format_findings, overflowing_chars, read_render
from typeset_audit import audit, format_flaws

from deck.pipeline import build_outline

pytestmark = pytest.mark.render

OUTLINES = {
    "every-kind": ROOT / "tests" / "cases" / "every-kind" / "outline.yaml",
    "essay": ROOT / "outline.yaml",
    "showcase": ROOT / "examples" / "showcase.yaml",
}
DECKS = [pytest.param("every-kind", name, id=f"every-kind-{name}") for name in ("pandoc", "logo", "lo-beehive")] + [
    pytest.param(talk, name, id=f"{talk}-{name}") for talk in ("essay", "showcase") for name in tk.CORPUS
]


@pytest.mark.parametrize(("outline", "template"), DECKS)
def test_no_character_lies_outside_its_box_and_no_glyph_over_another_or_a_picture(outline, template, tmp_path):
    path = tk.template_file(template, tmp_path)
    out = build_outline(OUTLINES[outline], tmp_path / "out.pptx", str(path))
    assert out.errors == [], [p.format() for p in out.errors]
    pdf = render_pdf(out.output, tmp_path)
    render = read_render(out.output, pdf)
    findings = overflowing_chars(out.output, pdf, render=render)
    assert findings == [], format_findings(findings)
    overlaps = [f for f in audit(out.output, pdf, render=render) if f.kind == "overlap"]
    assert overlaps == [], format_flaws(overlaps)
