"""Text measurement: metric tables, per-script widths, fallbacks, coverage."""

from __future__ import annotations

import random
from pathlib import Path

import make_metrics  # tools/make_metrics.py, on pytest's pythonpath
import pytest

from deck.layout.metrics import (
    FONTS_DIR,
    UNCOVERED_EM,
    char_advance,
    font_table,
    is_east_asian,
    is_weak,
    known_family,
    line_height,
    text_width,
    uncovered,
)
from deck.theme import Face
from deck.units import EMU_PER_PT

ROOT = Path(__file__).resolve().parents[2]
PT = EMU_PER_PT
SIZE = 24 * PT  # 24 pt: one em is 304,800 EMU
BODY = Face("Noto Sans", "Noto Sans CJK SC")
CODE = Face("Noto Sans Mono CJK SC", "Noto Sans Mono CJK SC")
NOTO = Path("/usr/share/fonts/truetype/noto")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")


def _font_or_skip(path: Path):
    if not path.is_file():
        pytest.skip(f"{path} is not installed: cannot compare the table with the font file")
    return path


def test_an_ideograph_is_exactly_one_em_in_noto_sans_cjk_sc():
    assert char_advance("中", BODY, SIZE) == SIZE
    assert text_width("中文字体", BODY, SIZE) == 4 * SIZE


def test_latin_m_has_the_advance_the_font_file_gives():
    from fontTools.ttLib import TTFont

    font = TTFont(str(_font_or_skip(NOTO / "NotoSans-Regular.ttf")))
    advance = font["hmtx"][font.getBestCmap()[ord("M")]][0]
    units = font["head"].unitsPerEm
    assert char_advance("M", BODY, SIZE) == round(advance * SIZE / units)


def test_tables_round_trip_the_font_advances_for_a_sample_of_codepoints():
    from fontTools.ttLib import TTFont

    tool = make_metrics
    cases = [
        ("Noto Sans", False, NOTO / "NotoSans-Regular.ttf"),
        ("Noto Sans", True, NOTO / "NotoSans-Bold.ttf"),
        ("Noto Sans CJK SC", False, NOTO_CJK / "NotoSansCJK-Regular.ttc"),
    ]
    for family, bold, path in cases:
        _font_or_skip(path)
        font = tool.open_font(path, family) if path.suffix == ".ttc" else TTFont(str(path))
        cmap = font.getBestCmap()
        locl = tool.locl_map(font, "ZHS" if "CJK" in family else "")
        table = font_table(family, bold, east_asian="CJK" in family)
        sample = random.Random(42).sample(sorted(cmap), 300)
        for cp in sample:
            glyph = locl.get(cmap[cp], cmap[cp])
            assert table.advance(cp) == font["hmtx"][glyph][0], (family, hex(cp))
        assert table.advance(0x1F600) is None  # no emoji in these fonts


def test_metric_tables_rebuild_byte_for_byte(tmp_path):
    _font_or_skip(NOTO / "NotoSans-Regular.ttf")
    _font_or_skip(NOTO_CJK / "NotoSansCJK-Regular.ttc")
    assert make_metrics.main(["--out", str(tmp_path)]) == 0
    built = sorted(p.name for p in tmp_path.glob("*.json"))
    assert built == sorted(p.name for p in FONTS_DIR.glob("*.json"))
    for name in built:
        assert (tmp_path / name).read_bytes() == (FONTS_DIR / name).read_bytes(), name


def test_metric_tables_stay_small():
    total = sum(p.stat().st_size for p in FONTS_DIR.glob("*.json"))
    assert total < 1_500_000


def test_cjk_table_holds_the_simplified_chinese_em_dash():
    assert char_advance("—", BODY, SIZE, east_asian=True) == SIZE  # 'locl' ZHS: full width
    assert char_advance("—", BODY, SIZE, east_asian=False) == SIZE  # Noto Sans: 1000 units


def test_each_script_is_measured_in_its_own_face():
    latin = char_advance("A", BODY, SIZE)
    assert latin == round(639 / 1000 * SIZE)  # Noto Sans, not the CJK font's 608
    assert text_width("中A", BODY, SIZE) == SIZE + latin


def test_no_gap_is_added_between_chinese_and_latin_text_only_the_space_typed():
    # PowerPoint adds none and deck's LibreOffice export turns LibreOffice's off
    plain = text_width("GPT", BODY, SIZE) + text_width("模型", BODY, SIZE)
    assert text_width("GPT模型", BODY, SIZE) == plain
    assert text_width("GPT 模型", BODY, SIZE) == plain + text_width(" ", BODY, SIZE)


def test_weak_punctuation_takes_the_script_of_the_character_before_it():
    after_chinese = text_width("中“", BODY, SIZE) - SIZE
    after_latin = text_width("a“", BODY, SIZE) - char_advance("a", BODY, SIZE)
    assert after_chinese == SIZE  # full-width quote from the CJK font
    assert after_latin == round(359 / 1000 * SIZE)  # Noto Sans quote
    assert is_weak("“") and is_weak(" ") and not is_weak(",") and not is_weak("中")


def test_bold_text_is_at_least_as_wide_as_regular():
    text = "Transformer 拥有强大的表示能力"
    assert text_width(text, BODY, SIZE, bold=True) > text_width(text, BODY, SIZE)


def test_code_face_sets_latin_at_half_an_em():
    assert text_width("iiii", CODE, SIZE) == 2 * SIZE
    assert text_width("iiii", CODE, SIZE) > text_width("iiii", BODY, SIZE)


def test_unknown_typefaces_fall_back_to_the_closest_known_face():
    assert known_family("Segoe UI", east_asian=False) == "Noto Sans"
    assert known_family("Microsoft YaHei", east_asian=True) == "Noto Sans CJK SC"
    assert known_family("Consolas", east_asian=False) == "Noto Sans Mono CJK SC"
    assert known_family("noto sans", east_asian=False) == "noto sans"
    other = Face("Segoe UI", "Microsoft YaHei")
    assert text_width("Model 模型", other, SIZE) == text_width("Model 模型", BODY, SIZE)


def test_italic_cjk_is_measured_upright_and_italic_latin_in_the_italic_table():
    assert font_table("Noto Sans CJK SC", italic=True, east_asian=True).style == "regular"
    assert font_table("Noto Sans", bold=True, italic=True).style == "bold-italic"
    assert text_width("a", BODY, SIZE, italic=True) != text_width("a", BODY, SIZE)


def test_a_character_missing_from_the_latin_face_is_measured_in_the_east_asian_face():
    assert font_table("Noto Sans").advance(ord("→")) is None
    assert char_advance("→", BODY, SIZE, east_asian=False) == SIZE


def test_a_character_no_face_has_is_measured_wide():
    assert char_advance("😀", BODY, SIZE) == round(UNCOVERED_EM * SIZE)


def test_uncovered_finds_an_emoji_but_not_chinese_or_latin():
    assert uncovered("A 中😀 b😀\n", [BODY, CODE]) == ["😀"]
    assert uncovered("中A，。“”—…", [BODY]) == []
    assert uncovered("🚀\ufe0f\t\u200b", [BODY]) == ["🚀"]  # variation selector, ZWSP ignored


def test_is_east_asian_covers_ideographs_kana_hangul_and_fullwidth_forms():
    for ch in "中々かカ한ㄅ，。「」（）　Ａ𠀋":
        assert is_east_asian(ch), ch
    for ch in "Aé1,.“—…→😀 ":
        assert not is_east_asian(ch), ch


def test_line_height_is_that_of_the_taller_face():
    assert line_height(BODY, 100 * PT) == round((1160 + 293) / 1000 * 100 * PT)


def test_newlines_take_no_width():
    assert text_width("中\n文", BODY, SIZE) == 2 * SIZE
    assert char_advance("\n", BODY, SIZE) == 0


def test_cjk_a_template_face_lacks_is_measured_full_width_and_other_missing_characters_wider():
    # LibreOffice's templates name DejaVu Sans (installed, no CJK glyphs) as the East Asian face:
    # viewers draw CJK in a fallback CJK face, whose characters are one em wide
    face = Face("DejaVu Sans", "DejaVu Sans")
    size = 20 * EMU_PER_PT
    assert text_width("中文：（）", face, size) == 5 * size
    assert text_width("\ue000", face, size) == round(UNCOVERED_EM * size)  # not East Asian: wider
