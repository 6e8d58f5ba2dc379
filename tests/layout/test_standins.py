"""Office fonts are measured by the open families with their widths (Carlito for Calibri …),
whose tables agree with the installed font files."""

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from deck.layout.metrics import STAND_INS, known_family, measured_family, text_width
from deck.theme import Face

FILES = {
    "Carlito": "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
    "Caladea": "/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf",
    "Liberation Sans": "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "Liberation Serif": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "Liberation Mono": "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
}
SAMPLE = "The quick brown fox, 1234 (jumps) over the lazy dog!"


@pytest.mark.parametrize("office", sorted(STAND_INS))
def test_office_font_measured_by_its_stand_in(office):
    stand_in = STAND_INS[office]
    assert measured_family(office.title()) == stand_in
    assert known_family(office.upper(), False) == stand_in


@pytest.mark.parametrize("family", sorted(FILES))
def test_table_widths_are_the_font_files(family):
    path = Path(FILES[family])
    if not path.is_file():
        pytest.skip(f"{path} is not installed")
    font = TTFont(str(path))
    cmap, hmtx, upem = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    size = 12700 * 20
    expected = sum(hmtx[cmap[ord(ch)]][0] for ch in SAMPLE) / upem * size
    measured = text_width(SAMPLE, Face(family, "Noto Sans CJK SC"), size)
    assert abs(measured - expected) <= len(SAMPLE)


def test_calibri_is_narrower_than_the_fallback():
    size = 12700 * 24
    calibri = text_width(SAMPLE, Face("Calibri", "Noto Sans CJK SC"), size)
    unknown = text_width(SAMPLE, Face("Some Unknown Sans", "Noto Sans CJK SC"), size)
    assert measured_family("Some Unknown Sans") is None
    assert calibri < unknown * 0.95


def test_cjk_in_a_latin_template_font_is_one_em():
    size = 12700 * 24
    assert text_width("汉字测试", Face("Calibri", "Noto Sans CJK SC"), size) == 4 * size


def test_an_installed_font_without_a_table_is_measured_from_its_file():
    from deck.layout.installed import font_dirs

    path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not path.is_file() or Path("/usr/share/fonts") not in font_dirs():
        pytest.skip("DejaVu Sans is not installed")
    font = TTFont(str(path))
    cmap, hmtx, upem = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    size = 12700 * 20
    expected = sum(hmtx[cmap[ord(ch)]][0] for ch in SAMPLE) / upem * size
    assert measured_family("DejaVu Sans") == "DejaVu Sans"
    measured = text_width(SAMPLE, Face("DejaVu Sans", "Noto Sans CJK SC"), size)
    assert abs(measured - expected) <= len(SAMPLE)
    assert measured_family("No Such Face 12345") is None
