"""The essay's talk (outline.yaml) stays a talk you could give: it builds clean under --strict,
every content slide has notes and a source, citations resolve, all six theses appear verbatim,
every figure is the essay's, the quote keeps the author's hedge, thesis 1's map is shown and
revisited, every §1 slide says what it supports, and the notes time it at 20 to 25 minutes."""

import re

import pytest
from conftest import ROOT
from pptx import Presentation

from deck.cli import main
from deck.layout.page import TextFrame
from deck.model import Section, Slide
from deck.pipeline import build_outline
from deck.source.located import Map
from deck.source.reader import load_yaml

OUTLINE = ROOT / "outline.yaml"
THESES = [
    "ChatGPT 的突破主要在于规模带来的质变和模型调教方式的发明",
    "LLM 融合了实现人工智能的三条路径",
    "LLM 的开发需要结合第三者体验和第一者体验",
    "LLM 能近似生成心智语言",
    "LLM 需要与多模态大模型结合，以产生对世界的认识",
    "LLM 本身不具备逻辑推理能力，需要在其基础上增加推理能力",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    outcome = build_outline(OUTLINE, tmp_path_factory.mktemp("talk") / "talk.pptx")
    assert outcome.errors == []
    return outcome


def test_talk_checks_clean_under_strict(capsys):
    assert main(["check", str(OUTLINE), "--strict"]) == 0


def test_talk_is_chinese_and_18_to_22_slides_counting_the_automatic_ones(built):
    assert built.deck.language == "zh-CN"
    assert 18 <= len(built.pages.pages) <= 22


def test_every_content_slide_has_notes_and_a_source(built):
    for slide in built.deck.slides:
        assert slide.notes, f"slide at line {slide.where.line} has no notes"
        if isinstance(slide, Slide):
            assert slide.source, f"slide at line {slide.where.line} has no source"


def test_every_cited_reference_exists_and_every_reference_is_cited(built):
    node, _ = load_yaml(OUTLINE, "outline.yaml")
    defined = set(node.get("references").keys()) if isinstance(node, Map) else set()
    cited = {c.key for s in built.deck.slides if isinstance(s, Slide) for c in s.cite}
    assert cited <= defined and defined == {r.key for r in built.deck.references}


def _texts(pptx) -> list[str]:
    """Every text box's and every table cell's text in the built file."""
    out = []
    for slide in Presentation(pptx).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            elif shape.has_table:
                out += [cell.text for row in shape.table.rows for cell in row.cells]
    return out


def test_all_six_theses_appear_verbatim_thesis_1_highlighted(built):
    cells = _texts(built.output)
    assert [t for t in THESES if t + "。" not in cells] == []
    [theses] = [s for s in built.deck.slides if isinstance(s, Slide) and s.id == "theses"]
    first, *others = theses.content.rows
    assert first[1].spans[0].strong and not any(span.strong for row in others for span in row[1].spans)
    assert [row[2].plain for row in others] == ["§2.1 仅标题", "缺失", "缺失", "缺失", "缺失"]


# Every figure a slide may show, in the slide's natural Chinese form → the essay's own form
# (shared/essay-facts.md §3.1: L36 "175B 参数，300B 的 token", ">1B"; L42 "4 百万微博数据",
# "7 千万参数"), and every year the essay gives (L42–L50), with 2023 the repost's month.
FIGURES = {"175B": "175B", "300B": "300B", "1B": "1B", "7000 万": "7 千万", "400 万": "4 百万"}
YEARS = {"2012", "2015", "2017", "2018", "2019", "2020", "2023"}
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:B|M|K|万|亿|千万|百万|倍|%)(?![A-Za-z])")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _shown_text(page) -> str:
    """The text an audience reads on a page: its title and body, not footer or source line."""
    frames = [page.title, *(e for e in page.elements if isinstance(e, TextFrame))]
    return "\n".join(p.text for f in frames if f.slot not in ("footer", "number", "source") for p in f.paragraphs)


def test_every_figure_and_year_on_the_slides_is_the_essays_own(built):
    shown = [_shown_text(p) for p in built.pages.pages if p.key != "references"]
    figures = {m for text in shown for m in _FIGURE.findall(text)}
    assert figures - set(FIGURES) == set()
    assert {"175B", "300B", "1B", "7000 万", "400 万"} <= figures
    assert {y for text in shown for y in _YEAR.findall(text)} <= YEARS


def test_the_quote_keeps_the_authors_hedge(built):
    [quote] = [s for s in built.deck.slides if isinstance(s, Slide) and s.kind == "quote" and "竞争力" in s.title]
    assert "让人感到" in quote.content.text.plain and "核心竞争力" in quote.content.text.plain


def test_thesis_1_map_is_shown_then_revisited_with_both_reasons_covered(built):
    maps = [s for s in built.deck.slides if isinstance(s, Slide) and s.kind == "argument"]
    assert len(maps) >= 2
    first, again = maps[0], maps[-1]
    assert first.content.claim.plain == THESES[0] and first.content.status is None
    assert [(label, done) for label, done, _ in again.content.status] == [("A", True), ("B", True)]


def test_every_section_1_slide_carries_a_progress_marker(built):
    pages = [p for p in built.pages.pages if p.section == "1. LLM 强大之所在" and p.layout != "Section Header"]
    dividers = {s.key for s in built.deck.slides if isinstance(s, Section)}
    content = [p for p in pages if p.key not in dividers]
    assert len(content) >= 12
    for page in content:
        [footer] = [e for e in page.elements if isinstance(e, TextFrame) and e.slot == "footer"]
        assert re.search(r"观点 1( · 理由 [AB])?$", footer.paragraphs[0].text), page.key
    subsections = [_footer(p) for p in content]
    assert any("§1.1" in f for f in subsections) and any("§1.2" in f for f in subsections)


def _footer(page) -> str:
    return next(e.paragraphs[0].text for e in page.elements if isinstance(e, TextFrame) and e.slot == "footer")


def test_the_agenda_recurs_at_each_section_with_it_highlighted(built):
    dividers = [p for p in built.pages.pages if p.key in ("s1", "discussion-section")]
    assert len(dividers) == 2
    for page in dividers:
        [body] = [e for e in page.elements if isinstance(e, TextFrame) and e.slot == "body"]
        bold = [p.text for p in body.paragraphs if p.bold]
        assert bold and bold[0] == page.title.paragraphs[0].text


def test_the_talk_takes_20_to_25_minutes(built):
    assert 20 <= built.talk.minutes <= 25


def test_no_site_junk_from_the_scraped_page(built):
    raw = OUTLINE.read_text(encoding="utf-8")
    for junk in ("OKEx", "复制成功", "分享至", "扫码加入", "数字资产交易涉及重大风险", "主页 > 比特币"):
        assert junk not in raw


def test_nothing_the_essay_does_not_say_and_no_flagged_phrasing():
    raw = OUTLINE.read_text(encoding="utf-8")
    said_nowhere = ("之前谁也没想到", "缺一不可", "靠的不是某一个新模型", "挑出好的回复")
    phrasing = ("篇幅不长", "甚至 LSTM", "学习组合性语言", "逐字", "4 百万", "7 千万")
    assert [p for p in said_nowhere + phrasing if p in raw and not _only_in_notes_as_the_essays_form(raw, p)] == []
    assert raw.count("背景，不是原文") == 1  # the "my own background" caveat, said once


def _only_in_notes_as_the_essays_form(raw: str, phrase: str) -> bool:
    """The essay's own number forms may stay in the notes when quoted as the essay's: 原文写作“7 千万”."""
    return phrase in ("4 百万", "7 千万") and all(f"“{phrase}" in line for line in raw.splitlines() if phrase in line)
