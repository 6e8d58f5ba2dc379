"""Built-in themes are readable (WCAG AA, sizes) and theme files get located errors; the roles
slide kinds add have defaults, so a theme file may leave them out."""

from pathlib import Path

import pytest
from conftest import ROOT

import deck.theme.load as load_module
from deck.pipeline import build_outline, check_outline
from deck.problems import display_path
from deck.theme.contrast import low_contrast, text_pairs
from deck.theme.load import KIND_ROLES, TEXT_ROLES, load_builtin, load_theme
from deck.units import EMU_PER_PT, pt


@pytest.mark.parametrize("name", ["default", "dark"])
def test_every_text_role_passes_wcag_aa_on_every_surface_it_sits_on(name):
    t = load_builtin(name)
    assert {role for role, _, _ in text_pairs(t)} >= set(TEXT_ROLES) | {"body in a card", "link", "table header"}
    assert [(what, fg, bg, round(ratio, 2)) for what, fg, bg, ratio in low_contrast(t)] == []


@pytest.mark.parametrize("name", ["default", "dark"])
def test_built_in_themes_read_without_a_problem(name):
    assert load_theme(name, None) == (load_builtin(name), [])


@pytest.mark.parametrize("name", ["default", "dark"])
def test_built_in_sizes_stay_readable(name):
    t = load_builtin(name)
    pt = lambda emu: emu / EMU_PER_PT
    assert pt(t.text["body"].size) >= 20 and pt(t.text["body"].min_size) >= 16
    for role in ("footer", "source"):
        assert pt(t.text[role].min_size) >= 10
    assert all(t.text[r].min_size <= t.text[r].size for r in TEXT_ROLES)


def test_theme_file_errors_are_located(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\nextends: default\npalette:\n  primary: #123456\n  accent: blue\n", encoding="utf-8")
    theme, problems = load_theme("mine.yaml", tmp_path)
    assert theme is None
    assert [(p.line, p.column, p.code) for p in problems] == [(4, 11, "T102"), (5, 11, "T102")]
    assert "quote it" in problems[0].message and "six hex digits" in problems[1].message


def test_extends_overrides_only_what_it_names(tmp_path):
    (tmp_path / "mine.yaml").write_text('name: mine\nextends: dark\npalette: {primary: "7FD1AE"}\n', encoding="utf-8")
    theme, problems = load_theme("mine.yaml", tmp_path)
    dark = load_builtin("dark")
    assert problems == []
    assert theme.palette["primary"] == "7FD1AE"
    assert theme.palette["background"] == dark.palette["background"] and theme.text == dark.text


def test_unknown_theme_name_says_what_exists(tmp_path):
    theme, problems = load_theme("nonesuch", tmp_path)
    assert theme is None and [(p.line, p.code) for p in problems] == [(0, "T101")]
    assert "default, dark" in problems[0].message


def test_a_missing_theme_file_is_reported_at_the_outlines_theme_key(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text("title: T\ntheme: mine.yaml\nslides:\n  - section: S\n", encoding="utf-8")
    problems = check_outline(outline).problems
    assert [(p.path, p.line, p.column, p.code) for p in problems] == [(display_path(outline), 2, 8, "T101")]


def test_sizes_out_of_range_and_a_minimum_above_the_size_are_located_all_at_once(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "name: mine\nextends: default\nline_spacing: 4\ntext:\n  body: {size: 20, min: 24}\n", encoding="utf-8"
    )
    _, problems = load_theme("mine.yaml", tmp_path)
    assert [(p.line, p.column, p.code) for p in problems] == [(3, 15, "T103"), (5, 9, "T104")]
    path.write_text("name: mine\nextends: default\ntext:\n  body: {size: 20, min: 24}\n", encoding="utf-8")
    _, problems = load_theme("mine.yaml", tmp_path)
    assert [(p.line, p.column, p.code) for p in problems] == [(4, 9, "T104")]


def _without_kind_roles(name: str) -> str:
    """The built-in theme file `name` as a complete theme written before any kind added roles."""
    text = (Path(load_module.__file__).parent / "builtin" / f"{name}.yaml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    return "".join(x for x in lines if not x.startswith("#") and x.strip().split(":")[0] not in KIND_ROLES)


@pytest.mark.parametrize("name", ["default", "dark"])
def test_built_in_themes_name_kind_roles_at_their_defaults(name, tmp_path):
    (tmp_path / "old.yaml").write_text(_without_kind_roles(name), encoding="utf-8")
    theme, problems = load_theme("old.yaml", tmp_path)
    assert problems == [] and theme.text == load_builtin(name).text


def test_a_theme_file_without_a_kinds_roles_still_builds_that_kind(tmp_path):
    theme = tmp_path / "old.yaml"
    theme.write_text(_without_kind_roles("default").replace("name: default", "name: old"), encoding="utf-8")
    assert not any(role in theme.read_text(encoding="utf-8") for role in KIND_ROLES)
    outline = ROOT / "tests" / "cases" / "every-kind" / "outline.yaml"
    outcome = build_outline(outline, tmp_path / "out.pptx", theme=str(theme))
    assert outcome.errors == [] and outcome.output is not None
    assert {f.role for p in outcome.pages.pages for f in p.elements if hasattr(f, "role")} >= {"quote", "stat_value"}


def test_kind_roles_left_out_scale_with_the_body_size(tmp_path):
    old, new = "body: {size: 24, min: 18, max: 28,", "body: {size: 30, min: 22, max: 34,"
    text = _without_kind_roles("default").replace(old, new)
    (tmp_path / "big.yaml").write_text(text, encoding="utf-8")
    theme, problems = load_theme("big.yaml", tmp_path)
    assert problems == []
    assert (theme.text["stat_value"].size, theme.text["stat_value"].min_size) == (pt(67.5), pt(40))
    assert theme.text["stat_value"].font == "heading" and theme.text["stat_value"].bold


def test_a_kind_role_named_in_part_takes_the_rest_from_its_default(tmp_path):
    text = _without_kind_roles("default").replace("text:\n", "text:\n  stat_value: {size: 60}\n")
    (tmp_path / "part.yaml").write_text(text, encoding="utf-8")
    theme, problems = load_theme("part.yaml", tmp_path)
    style = theme.text["stat_value"]
    assert problems == []
    assert (style.size, style.min_size, style.font, style.color) == (pt(60), pt(32), "heading", "primary")
