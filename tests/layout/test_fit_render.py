"""Render tests: decks converted by real LibreOffice show no character outside its own box or
the page, and every text box has the line count the layout predicted (within one line)."""

import pytest
from conftest import ROOT, render_pdf
from rendercheck import format_findings, overflowing_chars, read_render, rendered_line_counts
from typeset_audit import audit, format_flaws

from deck.pipeline import build_outline

pytestmark = pytest.mark.render

DECKS = [
    ("every-kind", ROOT / "tests" / "cases" / "every-kind" / "outline.yaml", "default"),
    ("every-kind-dark", ROOT / "tests" / "cases" / "every-kind" / "outline.yaml", "dark"),
    ("stress", ROOT / "tests" / "cases" / "stress" / "outline.yaml", "default"),
    ("chinese-continued", ROOT / "tests" / "cases" / "chinese-continued" / "outline.yaml", "dark"),
    ("essay", ROOT / "outline.yaml", "default"),
    ("essay-dark", ROOT / "outline.yaml", "dark"),
]


@pytest.fixture(scope="module", params=DECKS, ids=[d[0] for d in DECKS])
def rendered(request, tmp_path_factory):
    name, outline, theme = request.param
    tmp = tmp_path_factory.mktemp(name)
    outcome = build_outline(outline, tmp / f"{name}.pptx", theme)
    assert outcome.errors == []
    pdf = render_pdf(outcome.output, tmp)
    return outcome, pdf, read_render(outcome.output, pdf)


def test_no_character_lies_outside_its_box_or_the_page(rendered):
    outcome, pdf, render = rendered
    findings = overflowing_chars(outcome.output, pdf, render=render)
    assert findings == [], format_findings(findings)


def test_predicted_line_counts_match_the_rendered_ones(rendered):
    outcome, pdf, render = rendered
    counts = rendered_line_counts(outcome.output, pdf, render=render)
    off = []
    for number, page in enumerate(outcome.pages.pages, 1):
        seen: dict[str, int] = {}
        for element in (page.title, *page.elements):
            if (
                not hasattr(element, "lines")
                or not element.paragraphs
                or not any(p.text.strip() for p in element.paragraphs)
            ):
                continue
            seen[element.name] = seen.get(element.name, 0) + 1
            label = element.name if seen[element.name] == 1 else f"{element.name}#{seen[element.name]}"
            got = counts.get((number, label))
            if got is None or abs(got - element.lines) > 1:
                off.append((number, label, element.lines, got))
    assert off == []


def test_no_glyph_of_one_shape_overlaps_a_glyph_of_another_or_a_picture(rendered):
    outcome, pdf, render = rendered
    overlaps = [f for f in audit(outcome.output, pdf, render=render) if f.kind == "overlap"]
    assert overlaps == [], format_flaws(overlaps)
