"""A deck in Japanese, Korean or traditional Chinese is set in its own region's face of the
theme's pan-CJK family (Noto Sans CJK JP, KR, TC, HK), written in the file's font scheme and
measured with that face's own metric table (shipped with deck, so no font needs installing);
text in another East Asian language names its own face on the run; a Japanese deck tells
PowerPoint its line-start rules. Built through the CLI."""

from __future__ import annotations

import re
import zipfile

import pytest
from conftest import run_deck

from deck.layout.metrics import FONTS_DIR, font_table, measured_family, text_width
from deck.pipeline import check_outline
from deck.theme import Face

OUTLINE = """title: {title}
language: {language}
slides:
  - section: {title}
  - title: {title}
    bullets: ["{text}", "`code {text}`"]
    notes: n
"""

LANGUAGES = [
    ("ja", "日本語の発表", "設計を振り返る", "JP"),
    ("ja-JP", "日本語の発表", "設計を振り返る", "JP"),
    ("ko-KR", "한국어 발표", "시스템 설계를 돌아보기", "KR"),
    ("zh-TW", "繁體中文簡報", "回顧系統設計", "TC"),
    ("zh-HK", "香港中文簡報", "回顧系統設計", "HK"),
    ("zh-Hant", "繁體中文簡報", "回顧系統設計", "TC"),
    ("zh-CN", "中文报告", "回顾系统设计", "SC"),
    ("en", "An English talk", "Looking back", "SC"),
]


def built(write, tmp_path, language: str, title: str, text: str) -> dict[str, str]:
    outline = write("talk.yaml", OUTLINE.format(language=language, title=title, text=text))
    run = run_deck("build", outline, "-o", tmp_path / "talk.pptx")
    assert run.returncode == 0, run.stderr
    with zipfile.ZipFile(tmp_path / "talk.pptx") as z:
        return {name: z.read(name).decode() for name in z.namelist() if name.endswith(".xml")}


@pytest.mark.parametrize(("language", "title", "text", "region"), LANGUAGES, ids=[x[0] for x in LANGUAGES])
def test_each_language_is_set_in_its_regions_face(write, tmp_path, language, title, text, region):
    parts = built(write, tmp_path, language, title, text)
    theme = parts["ppt/theme/theme1.xml"]
    for group in ("majorFont", "minorFont"):
        fonts = re.search(f"<a:{group}>(.*?)</a:{group}>", theme).group(1)
        assert f'<a:ea typeface="Noto Sans CJK {region}"/>' in fonts
        assert '<a:font script="Jpan" typeface="Noto Sans CJK JP"/>' in fonts  # every script keeps its face
    slide = parts["ppt/slides/slide4.xml"]
    assert f'lang="{language}"' in slide  # the runs carry the deck's language …
    assert "Noto Sans CJK" not in re.sub(r"Noto Sans Mono CJK \w\w", "", slide)  # … and inherit the face
    assert f"Noto Sans Mono CJK {region}" in slide  # the code font (written on its runs) follows the region


@pytest.mark.parametrize("region", ["JP", "KR", "TC", "HK"])
def test_each_regional_face_is_measured_with_its_own_shipped_table(region):
    for family in (f"Noto Sans CJK {region}", f"Noto Sans Mono CJK {region}"):
        for style in ("regular", "bold"):
            slug = family.lower().replace(" ", "-")
            assert (FONTS_DIR / f"{slug}-{style}.json").is_file()
        assert measured_family(family) == family
        assert font_table(family, east_asian=True).family == family


def test_a_korean_deck_measures_its_punctuation_in_the_korean_face(write):
    outcome = check_outline(write("talk.yaml", OUTLINE.format(language="ko", title="발표", text="설계")))
    face = outcome.theme.fonts["body"]
    assert face == Face("Noto Sans", "Noto Sans CJK KR")
    # Korean forms of quotes and the middle dot are proportional, the Chinese full width
    chinese_face = Face("Noto Sans", "Noto Sans CJK SC")
    korean, chinese = (text_width("“설계”·“발표”", f, 24 * 12700) for f in (face, chinese_face))
    assert korean < chinese * 0.8


def test_text_in_another_east_asian_language_names_its_own_face(write, tmp_path):
    parts = built(write, tmp_path, "zh-CN", "中文报告", "日本語のテキスト、한국어")
    slide = parts["ppt/slides/slide4.xml"]
    assert re.search(r'<a:rPr lang="ja-JP" altLang="zh-CN"[^>]*>(<[^>]*>)*<a:ea typeface="Noto Sans CJK JP"/>', slide)
    assert re.search(r'<a:rPr lang="ko-KR" altLang="zh-CN"[^>]*>(<[^>]*>)*<a:ea typeface="Noto Sans CJK KR"/>', slide)


def test_a_japanese_deck_tells_powerpoint_which_characters_never_start_a_line(write, tmp_path):
    kinsoku = re.search(r"<p:kinsoku [^>]*>", built(write, tmp_path, "ja", "発表", "設計")["ppt/presentation.xml"])
    assert kinsoku and 'lang="ja-JP"' in kinsoku.group()
    starts = re.search(r'invalStChars="([^"]*)"', kinsoku.group()).group(1)
    assert set("ーッャュョぁぃぅぇぉっゃゅょ。、」）") <= set(starts)
    chinese = built(write, tmp_path, "zh-CN", "中文报告", "设计")["ppt/presentation.xml"]
    assert "p:kinsoku" not in chinese


def test_a_country_code_as_the_language_suggests_the_language(write):
    outline = write("talk.yaml", OUTLINE.format(language="jp", title="発表", text="設計"))
    run = run_deck("check", outline)
    assert run.returncode == 1  # errors in the input
    assert "talk.yaml:2:11: error[K113]" in run.stderr and "did you mean `ja`?" in run.stderr
