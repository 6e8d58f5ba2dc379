"""A custom theme is checked as the built-in ones are tested: WCAG AA contrast of its text,
readable sizes and typefaces deck can measure; warnings at the theme's keys, errors under
--strict. An impossible theme is blamed on the theme file, not on the outline's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_deck

from deck.pipeline import check_outline
from deck.theme.contrast import AA, contrast, low_contrast
from deck.theme.files import BUILTIN, read_theme_source
from deck.theme.load import load_builtin, load_theme
from deck.theme.room import room


def talk(tmp_path: Path, theme: str, title: str = "A") -> Path:
    (tmp_path / "ours.yaml").write_text(theme, encoding="utf-8")
    path = tmp_path / "outline.yaml"
    slides = "  - section: S\n  - title: B\n    bullets: [c, d]\n    notes: n\n"
    path.write_text(f"title: {title}\ntheme: ours.yaml\nslides:\n{slides}")
    return path


def found(path: Path) -> list[tuple[str, int, int, str, str]]:
    return [(Path(p.path).name, p.line, p.column, p.level, p.code) for p in check_outline(path).problems]


def test_contrast_is_the_wcag_ratio():
    assert contrast("000000", "FFFFFF") == pytest.approx(21) == contrast("FFFFFF", "000000")
    assert contrast("1D56A0", "1D56A0") == 1
    assert contrast("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast("767676", "FFFFFF") > AA > contrast("777777", "FFFFFF")


def test_low_contrast_is_a_warning_at_the_palette_key_and_an_error_under_strict(tmp_path):
    path = talk(tmp_path, 'name: ours\nextends: default\npalette:\n  muted: "A0A0A0"\n')
    assert found(path) == [("ours.yaml", 4, 10, "warning", "T118")]
    message = check_outline(path).problems[0].message
    assert "`muted` (A0A0A0) on `background` (FFFFFF) has a contrast of 2.61:1" in message
    assert run_deck("check", path).returncode == 0
    strict = run_deck("build", path, "-o", tmp_path / "out.pptx", "--strict")
    assert strict.returncode == 1 and "ours.yaml:4:10: warning[T118]" in strict.stderr
    assert not (tmp_path / "out.pptx").exists()


def test_a_role_coloured_badly_is_blamed_at_its_colour(tmp_path):
    path = talk(tmp_path, "name: ours\nextends: default\ntext:\n  body: {color: surface}\n")
    assert found(path) == [("ours.yaml", 4, 17, "warning", "T118")] * 2


def test_light_backgrounds_under_a_dark_themes_text_are_blamed_on_the_backgrounds(tmp_path):
    path = talk(tmp_path, 'name: ours\nextends: dark\npalette: {background: "F4F4F4", surface: "FFFFFF"}\n')
    problems = check_outline(path).problems
    assert problems and {(p.line, p.column, p.code) for p in problems} == {(3, 23, "T118"), (3, 42, "T118")}
    assert all(p.level == "warning" for p in problems)


def test_every_text_role_and_card_is_checked(tmp_path):
    (tmp_path / "ours.yaml").write_text('name: ours\nextends: default\npalette: {surface: "55606C"}\n')
    theme, _ = load_theme("ours.yaml", tmp_path)
    assert {what for what, _, _, _ in low_contrast(theme)} >= {"body in a card", "strong in a card", "table band"}


def test_sizes_below_readable_are_warnings_at_their_keys(tmp_path):
    path = talk(tmp_path, "name: ours\nextends: default\ntext:\n  body: {size: 18, min: 14}\n  source: {min: 9}\n")
    assert found(path) == [
        ("ours.yaml", 4, 16, "warning", "T119"),
        ("ours.yaml", 4, 25, "warning", "T119"),
        ("ours.yaml", 5, 17, "warning", "T119"),
    ]


def test_a_typeface_without_metrics_is_a_warning_at_its_name(tmp_path):
    path = talk(tmp_path, "name: ours\nextends: default\nfonts:\n  code: {latin: Consolas, ea: noto sans cjk sc}\n")
    problems = check_outline(path).problems
    assert [(p.line, p.column, p.level, p.code) for p in problems] == [(4, 17, "warning", "T120")]
    assert "measures this text as Noto Sans Mono CJK SC" in problems[0].message


@pytest.mark.parametrize("name", ["default", "dark"])
def test_a_theme_that_only_renames_a_built_in_one_has_no_warning(name, tmp_path):
    path = talk(tmp_path, f"name: ours\nextends: {name}\n")
    assert found(path) == []
    assert load_theme("ours.yaml", tmp_path)[0].text == load_builtin(name).text


@pytest.mark.parametrize("name", ["default", "dark"])
def test_every_built_in_theme_leaves_room_for_the_smallest_talk(name):
    """load_theme leaves the room check out for a built-in theme (its files are deck's own):
    this test is what stands for it."""
    assert set(BUILTIN) == {"default", "dark"}
    node, problems = read_theme_source(name, None, None)
    assert problems == []
    assert room(load_builtin(name), node, lambda: load_builtin("default")) == []


def test_margins_that_leave_no_room_are_blamed_on_the_theme_not_the_one_letter_title(tmp_path):
    path = talk(tmp_path, "name: ours\nextends: default\nmargins: {left: 48, right: 48, top: 200, bottom: 200}\n")
    problems = check_outline(path).problems
    assert [(Path(p.path).name, p.line, p.column, p.code) for p in problems] == [("ours.yaml", 3, 10, "T117")]
    assert "864 × 140 pt of the 960 × 540 pt slide; make the margins smaller" in problems[0].message


def test_a_role_too_large_for_the_slide_is_blamed_on_that_role(tmp_path):
    theme = "name: ours\nextends: default\nline_spacing: 1.5\ntext:\n  deck_title: {size: 120, min: 120}\n"
    path = talk(tmp_path, theme)
    problems = check_outline(path).problems
    assert [(p.line, p.column, p.code) for p in problems] == [(5, 15, "T117")]
    assert "`deck_title` is too large for the slide even at its `min` of 120 pt" in problems[0].message


def test_a_theme_with_room_still_lets_the_outline_be_blamed_for_a_long_title(tmp_path):
    theme = "name: ours\nextends: default\nmargins: {left: 48, right: 48, top: 120, bottom: 120}\n"
    path = talk(tmp_path, theme, "W " * 80)
    assert found(path) == [("outline.yaml", 1, 1, "error", "L102")]
