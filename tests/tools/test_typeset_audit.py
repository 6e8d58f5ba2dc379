"""The typography audit (tools/typeset_audit.py) finds each kind of flaw in a deck made badly on
purpose, and finds none in the essay talk (both themes), examples/, the case decks and the hard
talks of tests/typeset/ as deck builds them, rendered by real LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pytest
import templatekit as tk
from conftest import ROOT, render_pdf
from PIL import Image
from pptx import Presentation
from pptx.util import Inches, Pt
from test_rendercheck import add_box, blank
from typeset_audit import _pictures, audit, count, default_decks, format_flaws

from deck.pipeline import build_outline

pytestmark = pytest.mark.render


def bad_deck(folder: Path) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    s = blank(prs)  # 1: each flaw in its own box
    add_box(s.shapes, "Clean", Inches(0.5), Inches(0.3), Inches(12), Inches(0.7), [["干净的一行 clean line 中文。"]])
    # 13 ideographs in a box 12 wide (plus its 0.1 in insets): the 13th alone on the last line
    add_box(
        s.shapes, "Lone", Inches(0.5), Inches(1.2), Pt(12 * 18) + Inches(0.2) + Pt(4), Inches(1), [["预" * 12 + "缩"]]
    )
    add_box(
        s.shapes, "Gaps", Inches(5), Inches(1.2), Inches(8), Inches(0.7), [["ChatGPT  的突破（ compositionality ）"]]
    )
    # a heading of one paragraph, 10 ideographs to a line: "分/块" is broken
    add_box(
        s.shapes,
        "Phrase",
        Inches(0.5),
        Inches(2.6),
        Pt(10 * 18) + Inches(0.2) + Pt(4),
        Inches(1),
        [["大模型推理系统中的分块预填充"]],
    )
    add_box(s.shapes, "Under", Inches(5), Inches(2.6), Inches(4), Inches(0.6), [["Overlapping text here"]])
    add_box(s.shapes, "Over", Inches(5.1), Inches(2.62), Inches(4), Inches(0.6), [["Overlapping text here"]])
    picture = folder / "block.png"
    Image.new("RGB", (40, 20), "gray").save(picture)
    s.shapes.add_picture(str(picture), Inches(10), Inches(4.5), Inches(2), Inches(1)).name = "Block"
    add_box(s.shapes, "OnPicture", Inches(10), Inches(4.6), Inches(3), Inches(0.6), [["Text on a picture"]])
    add_box(s.shapes, "Overflow", Inches(0.5), Inches(5), Inches(1), Inches(0.4), [["Far too long for this box " * 3]])
    top_heavy = prs.slides.add_slide(prs.slide_layouts[1])  # 2: a title, one line at the top of the page
    top_heavy.shapes.title.text = "A title"
    top_heavy.placeholders[1].text = "One short line"
    balanced = prs.slides.add_slide(prs.slide_layouts[1])  # 3: the same line in the middle
    balanced.shapes.title.text = "A title"
    body = balanced.placeholders[1]
    body.text = "One short line"
    body.text_frame._bodyPr.set("anchor", "ctr")
    path = folder / "bad.pptx"
    prs.save(path)
    return path


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    pptx = bad_deck(folder)
    return audit(pptx, render_pdf(pptx, folder))


def kinds_in(flaws, shape: str) -> set[str]:
    return {f.kind for f in flaws if f.shape == shape and f.slide == 1}


def test_the_audit_finds_each_kind_of_flaw(bad):
    assert "lone" in kinds_in(bad, "Lone"), format_flaws(bad)
    gaps = [f.detail for f in bad if f.shape == "Gaps"]
    assert any(d.startswith("doubled") for d in gaps) and any("full-width" in d for d in gaps), gaps
    assert "phrase" in kinds_in(bad, "Phrase"), format_flaws(bad)
    assert "overlap" in kinds_in(bad, "Under") | kinds_in(bad, "Over"), format_flaws(bad)
    assert "overlap" in kinds_in(bad, "OnPicture"), format_flaws(bad)
    assert "overflow" in kinds_in(bad, "Overflow"), format_flaws(bad)
    assert [f.slide for f in bad if f.kind == "top-heavy"] == [2], format_flaws(bad)


def test_a_clean_box_has_no_flaw(bad):
    assert kinds_in(bad, "Clean") == set(), format_flaws(bad)


TEMPLATES = ROOT / "tests" / "templates"
DECKS = (
    [(outline, "default") for outline in default_decks()]
    + [(ROOT / "outline.yaml", "dark")]
    # on company templates: narrow cards and labels, master art, other fonts and insets
    + [(ROOT / "tests" / "typeset" / f"{lang}.yaml", str(TEMPLATES / "Focus.pptx")) for lang in ("ja", "ko", "en")]
    + [(ROOT / "tests" / "typeset" / "zh.yaml", str(TEMPLATES / "Blue_Curve.pptx"))]
    + [(ROOT / "outline.yaml", str(TEMPLATES / "pandoc-reference.pptx"))]
)


@pytest.mark.parametrize(
    ("outline", "theme"), DECKS, ids=[f"{o.relative_to(ROOT).as_posix()}-{Path(t).stem}" for o, t in DECKS]
)
def test_every_deck_is_typeset_without_flaws(outline, theme, tmp_path):
    outcome = build_outline(outline, tmp_path / "deck.pptx", theme)
    assert outcome.errors == []
    flaws = audit(outcome.output, render_pdf(outcome.output, tmp_path))
    assert sum(count(flaws).values()) == 0, format_flaws(flaws)


def test_the_overlap_check_sees_a_templates_master_art(tmp_path):
    out = build_outline(
        ROOT / "tests" / "cases" / "every-kind" / "outline.yaml",
        tmp_path / "o.pptx",
        str(tk.template_file("logo", tmp_path)),
    )
    pictures = _pictures(out.output)
    assert all("Company Logo" in [name for name, _ in pictures[n]] for n in range(1, len(out.pages.pages) + 1))


EVENTS = [
    ("1644", "Milton's Areopagitica", "言论自由的早期辩护"),
    ("1789", "人权宣言", "Declaration of the Rights of Man"),
    ("1791", "First Amendment", "美国宪法第一修正案"),
    ("1859", "On Liberty", "密尔论自由"),
    ("1948", "Universal Declaration", "世界人权宣言第十九条"),
    ("1966", "国际公约", "ICCPR 第十九条"),
    ("1991", "World Wide Web", "网络出版的开始"),
    ("2004", "社交媒体兴起", "平台成为新的公共广场"),
    ("2010", "阿拉伯之春", "社交网络与街头运动"),
    ("2016", "假新闻争议", "平台治理的新问题"),
    ("2018", "GDPR", "欧洲数据保护条例生效"),
    ("2022", "大语言模型", "生成内容的责任归属"),
]


@pytest.mark.parametrize("n", [8, 12])
def test_a_timeline_with_many_events_keeps_its_labels_apart(tmp_path, n):
    events = "".join(f'      - {{when: "{w}", what: "{a}", detail: "{d}"}}\n' for w, a, d in EVENTS[:n])
    outline = tmp_path / "timeline.yaml"
    text = f"title: T\nlanguage: zh-CN\nslides:\n  - title: 事件\n    timeline:\n{events}"
    outline.write_text(text, encoding="utf-8")
    outcome = build_outline(outline, tmp_path / "timeline.pptx")
    assert outcome.errors == []
    flaws = audit(outcome.output, render_pdf(outcome.output, tmp_path))
    assert flaws == [], format_flaws(flaws)
