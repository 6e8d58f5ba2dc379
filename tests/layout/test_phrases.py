"""Line breaks a typesetter accepts: no lone last CJK character, display text broken between
BudouX phrases and balanced, by choosing line widths (deck.layout.phrases) — the text unchanged."""

from conftest import ROOT

from deck.layout.fit import Fitter, Para
from deck.layout.page import Box, Run
from deck.layout.phrases import at_phrases, at_words, breaks, lone_last, phrase_lines, phrase_starts
from deck.theme.load import load_builtin
from deck.units import EMU_PER_PT

FIT = Fitter(load_builtin("default"))
PT = EMU_PER_PT


def framed(text: str, role: str, width_pt: float, height_pt: float = 400, level: int = 0):
    """Return the fitted frame of one paragraph and the lines the measurement predicts."""
    para = Para((Run(text),), role, level)
    box = Box(0, 0, round(width_pt * PT), round(height_pt * PT))
    frame = FIT.frame([para], box, {role: FIT.size(role)}, name="Text")
    p = frame.paragraphs[0]
    shown = Para(p.runs, role, level)
    width = frame.box.w - 2 * frame.inset
    lines = FIT.wrapped(shown, frame.size, width - FIT.indent(level, frame.size) - p.narrow)
    return frame, lines


def test_phrases_come_from_budoux_for_chinese_and_japanese_only():
    assert phrase_starts("逐步解码与分块预填充") == frozenset({0, 2, 4, 5, 7, 9})
    assert phrase_starts("システム設計を振り返り") == frozenset({0, 7})  # "システム設計を" is one phrase
    assert phrase_starts("plain English") is None


def test_a_two_kanji_word_budoux_splits_between_katakana_stays_whole():
    # BudouX reads "チャンク分|割プリフィル"; the word 分割 is kept whole, its edges are the phrases
    assert phrase_starts("チャンク分割プリフィル") == frozenset({0, 4, 6})
    text = "チャンク分割プリフィル"
    frame, lines = framed(text, "heading", 7.5 * FIT.size("heading") / PT)
    assert len(lines) == 2 and 5 not in breaks(text, lines), lines  # never 分|割
    assert at_phrases(text, breaks(text, lines)), lines


def test_a_japanese_phrase_wider_than_its_line_breaks_between_the_compounds_words():
    text = "4 連続バッチ処理"  # one BudouX phrase
    assert at_words(text, [text.index("処")]) and at_words(text, [text.index("バ")])
    assert not at_words(text, [text.index("ッ")]) and not at_phrases(text, [text.index("処")])
    for ems in (7.5, 7.8, 8.1):  # a viewer would leave 理 alone, or break inside バッチ
        frame, lines = framed(text, "heading", ems * FIT.size("heading") / PT)
        assert len(lines) == 2 and at_words(text, breaks(text, lines)), (ems, lines)


def test_phrase_starts_are_where_budoux_starts_its_phrases():
    """deck scores BudouX's model itself (a build need not import budoux): the same phrases."""
    import budoux

    from deck.layout.phrases import _budoux_starts

    texts = [line for line in (ROOT / "outline.yaml").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["システム設計を振り返り", "東京都の天気は晴れです。明日は雨が降るでしょう。", "a", "逐步"]
    for japanese, parser in (
        (False, budoux.load_default_simplified_chinese_parser()),
        (True, budoux.load_default_japanese_parser()),
    ):
        for text in texts:
            phrases = parser.parse(text)
            expected = [sum(len(p) for p in phrases[:i]) for i in range(len(phrases))]
            assert _budoux_starts(text, japanese) == expected, text


def test_a_paragraph_never_ends_with_one_chinese_character_alone():
    text = "预训练使用大规模文本数据进行语言建模，学习进行的是数据压缩"
    size, inset = FIT.size("body"), FIT.inset("body")
    para = Para((Run(text),), "body", 1)
    # the widest line at which a viewer would leave "缩" alone
    width = next(w for w in range(40 * size, 4 * size, -size // 8) if lone_last(FIT.wrapped(para, size, w)[-1]))
    frame, lines = framed(text, "body", (width + FIT.indent(1, size) + 2 * inset) / PT, level=1)
    assert not lone_last(lines[-1]), lines
    assert len(lines) == len(FIT.wrapped(para, size, width))  # no more lines
    assert "".join(lines) == text  # the text is unchanged
    assert frame.paragraphs[0].narrow > 0


def test_a_short_heading_breaks_between_phrases_not_inside_a_word():
    text = "大模型推理系统中的分块预填充"
    frame, lines = framed(text, "heading", 8.5 * FIT.size("heading") / PT)
    assert len(lines) == 2
    assert at_phrases(text, breaks(text, lines)), lines


def test_display_text_no_width_can_break_at_phrases_gets_a_line_break_between_phrases():
    assert phrase_lines("3 投機的デコード", lambda line: len(line.rstrip()) <= 7) is None  # "3" never stands alone
    assert phrase_lines("3 投機的デコード", lambda line: len(line.rstrip()) <= 9) == ["3 投機的デコード"]
    got = phrase_lines("連続バッチ処理の設計を見直す", lambda line: len(line) <= 8)
    assert got == ["連続バッチ処理の", "設計を見直す"]
    assert phrase_lines("連続バッチ処理の設計", lambda line: len(line) <= 5) is None  # a phrase fits no line


def test_latin_display_text_is_balanced():
    text = "throughput gained by continuous batching"
    frame, lines = framed(text, "small", 11 * FIT.size("small") / PT * 1.6)
    assert len(lines) >= 2
    lengths = [len(line) for line in lines]
    assert max(lengths) - min(lengths) <= 12, lines  # balanced, not one word alone


def test_phrases_never_split_a_latin_word_nor_break_kinsoku():
    text = "强大的表示能力，学习组合性（compositionality）语言"
    starts = phrase_starts(text)
    word = range(text.index("c") + 1, text.index("y") + 1)
    assert not starts & set(word)  # BudouX may cut a long Latin word; deck never does
    assert text.index("）") not in starts
