"""The `argument` kind and wayfinding: an argument map (claim, reasons, evidence) with no box
over another; `supports:` giving a slide a progress marker in the deck's language; a revisited
map marking the reasons supported so far; `subsection:` in the footer and the agenda;
`agenda: false | true | every-section`."""

import pytest
from conftest import ROOT, render_pdf
from rendercheck import format_findings, overflowing_chars, read_render

from deck.layout.page import Shape, TextFrame
from deck.pipeline import build_outline, check_outline

CASE = ROOT / "tests" / "cases" / "argument" / "outline.yaml"

OUTLINE = """title: T
language: {language}
agenda: {agenda}
slides:
  - section: One
  - title: Map
    id: t1
    argument:
      claim: Scale and tuning made the breakthrough
      reasons:
        - {{label: A, text: scale, evidence: [175B parameters]}}
        - {{label: B, text: tuning, evidence: [RL fine-tuning in 2017]}}
    notes: n
  - title: Scale
    subsection: §1.1
    text: 175B
    supports: t1.A
    notes: n
  - title: What it is
    text: intelligence and generality
    supports: t1
    notes: n
  - title: Again
    argument: {{revisit: t1}}
    notes: n
  - section: Two
  - title: Tuning
    text: RLHF
    supports: t1.B
    notes: n
"""


def _footer(page) -> str:
    return next((e.paragraphs[0].text for e in page.elements if isinstance(e, TextFrame) and e.slot == "footer"), "")


def _pages(write, language="en", agenda="true"):
    outcome = check_outline(write("outline.yaml", OUTLINE.format(language=language, agenda=agenda)))
    assert outcome.errors == [], outcome.errors
    return {p.key: p for p in outcome.pages.pages}, outcome


@pytest.mark.parametrize(
    ("language", "claim", "reason_a", "covered", "to_come"),
    [
        ("en", "Claim 1", "Claim 1 · Reason A", "Covered", "Still to come"),
        ("zh-CN", "观点 1", "观点 1 · 理由 A", "已论证", "待论证"),
        ("zh-TW", "觀點 1", "觀點 1 · 理由 A", "已論證", "待論證"),
        ("ja", "主張 1", "主張 1 · 理由 A", "論証済み", "これから"),
        ("ko", "주장 1", "주장 1 · 이유 A", "논증함", "남음"),
    ],
)
def test_progress_markers_and_revisit_marks_speak_the_decks_language(
    write, language, claim, reason_a, covered, to_come
):
    pages, _ = _pages(write, language)
    assert _footer(pages["text@14"]).endswith("§1.1   " + reason_a)
    assert _footer(pages["text@19"]).endswith("§1.1   " + claim)  # `supports: t1`: the claim itself
    assert _footer(pages["t1"]).endswith(claim)  # a map names its own argument
    cards = [e for e in pages["argument@23"].elements if isinstance(e, TextFrame) and e.name.startswith("Reason")]
    assert [c.paragraphs[0].text for c in cards] == [covered, to_come]  # B is supported only later
    assert _footer(pages["text@27"]) == "Two   " + reason_a.replace("A", "B")  # a section resets the subsection


def test_marker_stays_when_the_theme_shows_no_section_in_the_footer(write):
    write("plain.yaml", "extends: default\nfooter: {slide_number: true, section: false}\n")
    text = OUTLINE.format(language="en", agenda="true").replace("title: T\n", "title: T\ntheme: plain.yaml\n")
    outcome = check_outline(write("outline.yaml", text))
    assert outcome.errors == []
    pages = {p.key: p for p in outcome.pages.pages}
    assert _footer(pages["text@15"]) == "Claim 1 · Reason A" and _footer(pages["t1"]) == "Claim 1"


def test_revisited_map_fills_covered_reasons_and_outlines_the_rest(write):
    pages, _ = _pages(write)
    shapes = {e.name: e for e in pages["argument@23"].elements if isinstance(e, Shape)}
    assert (shapes["Reason A Card"].fill, shapes["Reason A Card"].line) == ("surface", "accent")
    assert (shapes["Reason B Card"].fill, shapes["Reason B Card"].line) == (None, "muted")
    first = {e.name: e for e in pages["t1"].elements if isinstance(e, Shape)}
    assert first["Reason A Card"].line is None and first["Reason B Card"].fill == "surface"


def test_map_boxes_never_overlap_and_stay_inside_the_content_area(write):
    outcome = check_outline(CASE)
    assert outcome.errors == []
    for page in outcome.pages.pages:
        boxes = [
            e
            for e in page.elements
            if isinstance(e, Shape) and e.name.endswith(("Card", "Claim Box", "Conclusion Box"))
        ]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                apart = (
                    a.box.x + a.box.w <= b.box.x
                    or b.box.x + b.box.w <= a.box.x
                    or a.box.y + a.box.h <= b.box.y
                    or b.box.y + b.box.h <= a.box.y
                )
                assert apart, (page.key, a.name, b.name)
        for frame in [e for e in page.elements if isinstance(e, TextFrame) and e.group]:
            [card] = [s for s in boxes if s.group == frame.group] or [None]
            if card is not None:
                assert card.box == frame.box


@pytest.mark.parametrize(("agenda", "keys"), [("false", []), ("true", ["agenda"]), ("every-section", ["section@5"])])
def test_agenda_false_true_or_every_section(write, agenda, keys):
    pages, outcome = _pages(write, agenda=agenda)
    order = [p.key for p in outcome.pages.pages]
    assert order[1:2] == (keys or ["section@5"])
    lists = [p for p in outcome.pages.pages if any(getattr(e, "slot", None) == "body" for e in p.elements)]
    agendas = [p for p in lists if p.key in ("agenda", "section@5", "section@26")]
    assert len(agendas) == {"false": 0, "true": 1, "every-section": 2}[agenda]


def test_every_section_highlights_the_current_section_and_lists_subsections(write):
    pages, _ = _pages(write, agenda="every-section")
    for key, current in (("section@5", "One"), ("section@26", "Two")):
        [body] = [e for e in pages[key].elements if isinstance(e, TextFrame) and e.slot == "body"]
        items = [(p.text, p.bold, p.color) for p in body.paragraphs]
        assert [t for t, _, _ in items] == ["One", "§1.1", "Two"]
        assert [t for t, bold, colour in items if bold and colour == "primary"][0] == current
        assert all(colour == "muted" for t, bold, colour in items if not bold)
        assert pages[key].title.paragraphs[0].text == current


@pytest.mark.render
@pytest.mark.parametrize("theme", ["default", "dark"])
def test_rendered_map_keeps_every_character_inside_its_box(theme, tmp_path):
    outcome = build_outline(CASE, tmp_path / "argument.pptx", theme)
    assert outcome.errors == []
    pdf = render_pdf(outcome.output, tmp_path)
    render = read_render(outcome.output, pdf)
    findings = overflowing_chars(outcome.output, pdf, render=render)
    assert findings == [], format_findings(findings)
    text = "".join(c["text"] for slide in render for c in slide.chars)
    for word in ("Claim 1 · Reason A", "Covered", "Still to come", "中文的证据也放得下"):
        assert word.replace(" ", "") in text.replace(" ", "")


def test_agenda_takes_yaml_booleans_in_any_case(write):
    for value, pages in (("True", 1), ("FALSE", 0), ("no", None)):
        outcome = check_outline(write("outline.yaml", OUTLINE.format(language="en", agenda=value)))
        if pages is None:
            assert [p.code for p in outcome.errors] == ["F111"]
        else:
            assert [p.key for p in outcome.pages.pages].count("agenda") == pages
