"""The essay's talk (outline.yaml) stays a talk you could give: it builds clean under --strict,
every content slide has notes and a source, citations resolve, and all six theses appear."""

import pytest
from conftest import ROOT
from pptx import Presentation

from deck.cli import main
from deck.model import Slide
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


def test_talk_is_chinese_and_20_to_30_slides_of_content(built):
    assert built.deck.language == "zh-CN"
    assert 20 <= len(built.deck.slides) <= 30


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


def test_all_six_theses_appear_on_the_slides(built):
    text = "\n".join(
        sh.text_frame.text for s in Presentation(built.output).slides for sh in s.shapes if sh.has_text_frame
    )
    assert [t for t in THESES if t not in text] == []


def test_figures_are_the_essays_own(built):
    text = "\n".join(
        sh.text_frame.text for s in Presentation(built.output).slides for sh in s.shapes if sh.has_text_frame
    )
    for figure in ("175B", "300B", "4 百万", "7 千万"):
        assert figure in text


def test_no_site_junk_from_the_scraped_page(built):
    raw = OUTLINE.read_text(encoding="utf-8")
    for junk in ("OKEx", "复制成功", "分享至", "扫码加入", "数字资产交易涉及重大风险", "主页 > 比特币"):
        assert junk not in raw
