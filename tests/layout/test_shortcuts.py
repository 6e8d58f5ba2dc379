"""Layout shortcuts and memos (perf, issue 15) give what the full path gives: the same outline
built with each shortcut turned off must give the same pages and the same .pptx bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deck.layout.fit import Fitter, Para
from deck.layout.frame import Frame
from deck.layout.measure import Measure
from deck.layout.page import Run
from deck.pipeline import build_outline, check_outline

# Stretches of each script, repeated to lengths around a line's width at each role's size, so
# that some texts end just inside the line and some just past it (exact-fit boundaries).
STRETCHES = {
    "zh": "大模型的能力来自规模，",
    "ja": "チャンク分割プリフィルは連続バッチ処理と組み合わせる。",
    "ko": "한국어 문장은 띄어쓰기에서 줄을 바꾼다 ",
    "en": "Scaling laws still hold at larger sizes, ",
    "mixed": "GPT-3 有 175B 参数，in-context learning 让模型学会任务；",
    "long": "Supercalifragilisticexpialidocious https://example.com/a/very/long/path/without/breaks ",
    "numbers": "3 12.5% ——「引用」…… (x) a/b ",
}
# Texts a one-line shortcut must leave to the full path: a lone CJK character, forced breaks.
ODD = ["字", "字。", "“字”", "A", "3", "第 1 页", "2023 年", "一\n二", "가", "ー"]


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _outline(stretch: str) -> str:
    """A talk whose titles, bullets, takeaways and sections are `stretch` cut to many lengths."""
    lines = ["title: Shortcuts", "language: zh-CN", "slides:", f"  - section: {_quoted(stretch[:12])}"]
    for n in range(2, 60, 3):
        text = (stretch * 8)[:n]
        lines.append(f"  - title: {_quoted(text)}")
        lines.append("    bullets:")
        lines += [f"      - {_quoted((stretch * 8)[k : k + n])}" for k in (0, 3, 7)]
        lines.append(f"      - {_quoted(text + ODD[n % len(ODD)])}")
        lines.append(f"    takeaway: {_quoted(text[: n // 2 + 1])}")
    lines.append("  - section: 单")
    for text in ODD:
        lines += [f"  - title: {_quoted(text)}", "    bullets:", f"      - {_quoted(text)}", f"      - {_quoted(text)}"]
    return "\n".join(lines) + "\n"


def _build(folder: Path, outline: str) -> bytes:
    path = folder / "outline.yaml"
    path.write_text(outline, encoding="utf-8")
    done = build_outline(path, folder / "out.pptx")
    assert done.output is not None, done.problems
    return done.output.read_bytes()


def _same_bytes_without(tmp_path: Path, outline: str, shortcut_off) -> None:
    """Build `outline` as deck does, then again after `shortcut_off()`: the bytes are the same."""
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    built = _build(tmp_path / "with", outline)
    shortcut_off()
    assert _build(tmp_path / "without", outline) == built


@pytest.mark.parametrize("script", sorted(STRETCHES))
def test_one_line_shortcut_lays_out_as_the_full_path(script, tmp_path, monkeypatch):
    # always the full path
    _same_bytes_without(
        tmp_path, _outline(STRETCHES[script]), lambda: monkeypatch.setattr(Fitter, "one_line", lambda *_: False)
    )


def _crowded() -> str:
    """A talk whose slides continue (too many bullets for one), some bullets holding a word
    wider than a line at the theme size: fitting asks line counts with and without whole words."""
    url = "https://example.com/" + "averyverylongpathsegment" * 3
    lines = ["title: Crowded", "slides:"]
    for n in range(3, 9):
        lines += [f"  - title: Crowded {n}", "    bullets:"]
        lines += [f"      - {_quoted((STRETCHES['mixed'] * 3)[: 20 + 7 * k])}" for k in range(n * 2)]
        lines += [f"      - {_quoted(url[: 40 + 12 * n] + ' 和 ' + url)}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("script", ["crowded", "long", "mixed", "zh"])
def test_line_counts_remembered_are_those_counted_afresh(script, tmp_path, monkeypatch):
    outline = _crowded() if script == "crowded" else _outline(STRETCHES[script])

    def afresh(self, para, size, width, safe=True, whole_words=False, narrow=0):
        return self._count_lines(para, size, width, safe, whole_words, narrow)

    # no memo, no count reused from another
    _same_bytes_without(tmp_path, outline, lambda: monkeypatch.setattr(Measure, "lines", afresh))


def test_every_text_holding_a_character_no_font_has_is_warned_about(tmp_path):
    path = tmp_path / "outline.yaml"
    path.write_text(
        "title: T\nslides:\n  - title: 火箭 🚀\n    bullets:\n      - 火箭\n      - 发射 🚀 日\n"
        "  - title: 火箭\n    bullets:\n      - 🚀\n      - 火箭\n",
        encoding="utf-8",
    )
    warned = [w.line for w in check_outline(path).warnings if "U+1F680" in w.message]
    assert warned == [3, 6, 9]


# A theme whose footer is so large that some slide numbers of three digits take two lines and
# others one: Caladea's digits are of different widths.
_BIG_FOOTER = """name: big-footer
extends: default
fonts:
  body: {latin: Caladea, ea: Noto Sans CJK SC}
text:
  footer: {size: 106, min: 106, font: body, color: muted, bold: false}
margins: {left: 200, right: 200, top: 28, bottom: 24}
"""


def _numbered(count: int, theme: str) -> str:
    """A talk of `count` one-bullet slides (numbers of one to three digits) in `theme`."""
    lines = ["title: Numbers", f"theme: {theme}", "slides:"]
    for n in range(count):
        lines += [f"  - title: Slide {n}", "    bullets:", f"      - Point {n}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("theme", ["default", "big.yaml"])
def test_slide_numbers_framed_once_per_count_of_digits_are_those_framed_afresh(theme, tmp_path, monkeypatch):
    outline = _numbered(112, theme)
    for side in ("memo", "afresh"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "big.yaml").write_text(_BIG_FOOTER, encoding="utf-8")
    remembered = _build(tmp_path / "memo", outline)
    pages = check_outline(tmp_path / "memo" / "outline.yaml").pages.pages
    numbers = [e for page in pages for e in page.elements if getattr(e, "slot", None) == "number"]
    assert {len(e.paragraphs[0].runs[0].text) for e in numbers} == {1, 2, 3}
    three = {e.lines for e in numbers if len(e.paragraphs[0].runs[0].text) == 3}
    assert three == ({1, 2} if theme == "big.yaml" else {1})

    def afresh(self, number, box, size):  # the slide number measured as any text is
        para = Para((Run(str(number), field="slidenum"),), "footer", align="right")
        return self.fit.frame([para], box, {"footer": size}, name="Slide Number", slot="number")

    monkeypatch.setattr(Frame, "slide_number", afresh)
    assert _build(tmp_path / "afresh", outline) == remembered


@pytest.mark.parametrize("script", ["crowded", "long", "en", "numbers"])
def test_ascii_words_left_unmeasured_are_those_measuring_finds_narrow_enough(script, tmp_path, monkeypatch):
    outline = _crowded() if script == "crowded" else _outline(STRETCHES[script])
    # every word measured
    _same_bytes_without(
        tmp_path, outline, lambda: monkeypatch.setattr(Measure, "widest_ascii", lambda *_: float("inf"))
    )
