"""Which language each stretch of a run's text is marked with."""

from deck.pptx.lang import language_runs


def test_chinese_in_an_english_deck_takes_the_themes_east_asian_language():
    assert language_runs("Mixed 中文与 English", "en", "zh-CN") == (
        ("Mixed ", "en"),
        ("中文与 ", "zh-CN"),
        ("English", "en"),
    )


def test_latin_in_a_chinese_deck_is_english_and_numbers_go_with_their_neighbours():
    assert language_runs("ChatGPT 的突破（2022）", "zh-CN", "zh-CN") == (
        ("ChatGPT ", "en-US"),
        ("的突破（2022）", "zh-CN"),
    )
    assert language_runs("1. 规模", "zh-CN", "zh-CN") == (("1. 规模", "zh-CN"),)


def test_kana_makes_a_stretch_japanese_and_hangul_korean():
    assert language_runs("日本語のテキスト、한국어", "zh-CN", "zh-CN") == (
        ("日本語のテキスト、", "ja-JP"),
        ("한국어", "ko-KR"),
    )
    assert language_runs("漢字とかな", "ja-JP", "zh-CN") == (("漢字とかな", "ja-JP"),)


def test_text_without_letters_keeps_the_decks_language():
    assert language_runs("175 — 300", "zh-CN", "zh-CN") == (("175 — 300", "zh-CN"),)
    assert language_runs("", "en", "zh-CN") == (("", "en"),)
