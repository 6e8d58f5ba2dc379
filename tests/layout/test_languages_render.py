"""Render tests: LibreOffice draws a Japanese, Korean or traditional Chinese deck with the line
count the measurement in its own region's face predicts (Korean quotes and middle dots are
proportional there, full width in the Chinese face); and no Japanese line starts with a small
kana, the prolonged sound mark or a closing mark.

(Which member of the Noto CJK collection drew a glyph cannot be read from the PDF: the members
share one CFF table, so LibreOffice names every one NotoSansCJKjp; the file's font scheme is
tested in tests/pptx/test_regional_faces.py.)"""

from __future__ import annotations

import pytest
from conftest import render_pdf, run_deck
from rendercheck import read_render

from deck.layout.linebreak import NO_START, wrap
from deck.layout.page import Run
from deck.pipeline import check_outline
from deck.theme import Face

pytestmark = pytest.mark.render

KOREAN = "추론 응답 처리량 배치 캐시 메모리 대역폭 지연 토큰 모델 서버 요청 스케줄러 커널 가중치 정밀도 양자화"
TALKS = {
    "ja": ("日本語の発表", "推論サーバーの運用では、応答時間とスループットの両立が課題になります。" * 3),
    "zh-TW": ("繁體中文簡報", "推論伺服器的運維需要同時兼顧回應時間與吞吐量，這是設計的核心。" * 3),
    "zh-HK": ("香港中文簡報", "推論伺服器的運維需要同時兼顧回應時間與吞吐量，這是設計的核心。" * 3),
}


def build(write, tmp_path, text: str):
    outline = write("talk.yaml", text)
    run = run_deck("build", outline, "-o", tmp_path / "talk.pptx")
    assert run.returncode == 0, run.stderr
    pptx = tmp_path / "talk.pptx"
    return check_outline(outline), pptx, read_render(pptx, render_pdf(pptx, tmp_path))


def lines_of(slide, label: str) -> list[str]:
    """The rendered lines (by baseline, left to right) of the holder `label` on `slide`."""
    rows: dict[float, list[dict]] = {}
    for char, owner in zip(slide.chars, slide.owner):
        if owner is not None and owner.label == label:
            rows.setdefault(round(float(char["bottom"])), []).append(char)
    return ["".join(c["text"] for c in sorted(row, key=lambda c: float(c["x0"]))) for _, row in sorted(rows.items())]


@pytest.mark.parametrize("language", list(TALKS))
def test_each_language_is_drawn_as_measured_in_its_regions_face(write, tmp_path, language):
    title, text = TALKS[language]
    outcome, _, render = build(
        write, tmp_path, f"title: {title}\nlanguage: {language}\nslides:\n  - title: {title}\n    text: {text}\n"
    )
    body = next(e for e in outcome.pages.pages[1].elements if getattr(e, "slot", None) == "body")
    assert len(lines_of(render[1], "Body")) == body.lines > 1


def test_korean_is_drawn_as_measured_in_the_korean_face_not_the_chinese(write, tmp_path):
    # the longest run of quoted words whose lines the Chinese face would have counted one more
    for n in range(len(KOREAN.split()), 4, -1):
        text = "·".join(f"“{w}”" for w in KOREAN.split()[:n]) + "를 모두 고려합니다."
        outline = f"title: 한국어 발표\nlanguage: ko-KR\nslides:\n  - title: 한국어 발표\n    text: {text}\n"
        body = next(e for e in check_outline(write("talk.yaml", outline)).pages.pages[1].elements if e.name == "Body")
        chinese = wrap([Run(text)], Face("Noto Sans", "Noto Sans CJK SC"), body.size, body.box.w - 2 * body.inset)
        if len(chinese) > body.lines > 1:
            break
    else:
        pytest.fail("no text whose lines the Korean and Chinese faces count differently")
    outcome, _, render = build(write, tmp_path, outline)
    assert len(lines_of(render[1], "Body")) == body.lines


def test_no_japanese_line_starts_with_a_small_kana_or_the_prolonged_sound_mark(write, tmp_path):
    # Each pair of paragraphs alternates a kana with a mark that may not start a line, one of
    # them shifted by a character: wherever a full line ends, one of the two would break
    # before the mark if the viewer did not move the break back.
    pairs = [("コー", "ー"), ("キャ", "ャ"), ("ちょ", "ょ"), ("カッ", "ッ")]
    slides = ""
    for n in range(0, len(pairs), 2):
        paragraphs = [p for kana, _ in pairs[n : n + 2] for p in (kana * 40, "あ" + kana * 40)]
        slides += f"  - title: 禁則 {n}\n    text: |\n" + "".join(f"      {p}\n\n" for p in paragraphs)
    outcome, _, render = build(write, tmp_path, f"title: 禁則\nlanguage: ja\nslides:\n{slides}")
    for page, slide in zip(outcome.pages.pages[1:], render[1:]):
        lines = lines_of(slide, "Body")
        assert [line for line in lines if line[0] in NO_START] == [], lines
        assert sum(1 for line in lines if line[0] in "コキちカ") >= 2  # some breaks were moved back
        body = next(e for e in page.elements if getattr(e, "slot", None) == "body")
        assert len(lines) == body.lines, lines
