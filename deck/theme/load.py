"""Themes: the built-in registry and reading theme files (YAML) into a checked Theme."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from deck.fields import INVALID, Ctx
from deck.frozen import replace
from deck.problems import Problem, Where, cut, display_path
from deck.source import paths
from deck.source.located import Scalar
from deck.theme import BODY_POINTS, Face, Footer, TextStyle, Theme
from deck.theme.files import BUILT_IN, BUILTIN, _builtin_node, read_theme_source
from deck.theme.house import is_template, on_template, take_over
from deck.theme.model import Logo
from deck.theme.readable import readability
from deck.theme.room import room
from deck.theme.spec import KIND_ROLES, SLIDE_SIZES, TEXT_ROLES, THEME, logo_fits, min_above_size
from deck.units import EMU_PER_PT

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:  # a company template is read only for a deck on one
    from deck.theme.template import Template

__all__ = ["BUILTIN", "KIND_ROLES", "TEXT_ROLES", "THEME", "load_builtin", "load_theme"]


@lru_cache(maxsize=8)
def load_builtin(name: str) -> Theme:
    """Return built-in theme `name`; a broken built-in theme is a bug and raises."""
    theme, problems = load_theme(name, None)
    if theme is None:
        raise RuntimeError("built-in theme is broken: " + "; ".join(p.format() for p in problems))
    return theme


def load_theme(ref: str, folder: Path | None, inside: Path | None = None) -> tuple[Theme | None, list[Problem]]:
    """Return the theme named `ref` (a built-in name, or a theme file's path relative to
    `folder`) and every problem found in it at once; None when it has errors.

    With `inside` (the outline's folder, for an outline's `theme:`), a theme file and the files
    it extends must lie inside that folder. Besides the format's errors, a theme whose smallest
    talk does not fit is an error (T117), located at the key to change; contrast below WCAG AA,
    small sizes and typefaces deck cannot measure are warnings. Problems about the named file as
    a whole are at its line 0.

    `ref` may name a company's template (.pptx, .potx) instead, and a theme file may name one
    as `template:` (relative to the theme file named): the theme then takes the template's
    colours, fonts, sizes and margins where the file does not state them (deck.theme.house),
    and its slides are laid on the template's master."""
    if is_template(ref):
        node, problems, template_ref = _builtin_node("default"), [], (ref, Where(_shown(folder, ref)), folder)
    else:
        node, problems = read_theme_source(ref, folder, inside)
        if node is None:
            return None, problems
        named = node.get("template")
        base = ((folder or Path.cwd()) / ref).parent if ref not in BUILTIN else None
        ok = isinstance(named, Scalar) and not named.is_null and named.text.strip() and base is not None
        template_ref = (named.text, named.where, base) if ok else None
    # a theme's pictures (logo, background) are named relative to the theme file, and stay in its folder
    ctx = Ctx(problems, folder=None if ref in BUILTIN or is_template(ref) else ((folder or Path.cwd()) / ref).parent)
    values = THEME.read(node, ctx)
    min_above_size(node, ctx)
    if values is INVALID or any(p.is_error for p in ctx.problems):
        return None, ctx.problems
    template = None
    if template_ref is not None:
        template, more = _template(*template_ref, inside)
        problems += more
        if template is None:
            return None, problems
        values = take_over(values, node, template)
    theme = _build(values)
    logo_fits(theme, node, ctx)
    if any(p.is_error for p in ctx.problems):
        return None, ctx.problems
    found = readability(theme, node)
    if ref not in BUILTIN:  # a built-in theme's room is a fact of its file, proven by its test, not by each build
        found += room(theme, node, lambda: load_builtin("default"))
    if template is not None:
        theme = on_template(theme, template)
        at = template_ref[1]  # what the template gave is reported at the key that names it
        found = [
            replace(p, path=at.path, line=at.line, column=at.column) if p.path.startswith(BUILT_IN) else p
            for p in found
        ]
        found += _odd_size(template, at)
    problems += found
    return (None if any(p.is_error for p in problems) else theme), problems


def _template(ref: str, at: Where, folder: Path | None, inside: Path | None) -> tuple[Template | None, list[Problem]]:
    """Return the template `ref` names (relative to `folder`, inside `inside` when given) and
    the problems reading it, located at `at`; None when it cannot be used."""
    folder = folder or Path.cwd()
    found = paths.find_inside(folder, ref, inside) if inside is not None else paths.find_file(folder / ref)
    if found.path is None:
        return None, [at.error("T130", _refusal(found, ref))]
    from deck.theme.template import read_template  # a company template: only a deck on one imports its reader

    template, found_problems = read_template(found.path)
    shown = cut(_shown(folder, ref))
    problems = [
        (at.error if code <= "T134" else at.warning)(code, f"template `{shown}` {message}")
        for code, message in found_problems
    ]
    return template, problems


def _odd_size(template: Template, at: Where) -> list[Problem]:
    """T135 when the template's slides are neither 16:9 nor 4:3 (nor 16:10), or small."""
    ratio = template.width / template.height
    if any(abs(ratio - r) < 0.01 for r in (16 / 9, 4 / 3, 16 / 10)) and template.width >= 6_000_000:
        return []
    inches = f"{template.width / 914400:.2f} × {template.height / 914400:.2f} in"
    return [
        at.warning("T135", f"the template's slides are {inches}, neither 16:9 nor 4:3; text is fitted to that size")
    ]


def _refusal(found: paths.Found, ref: str) -> str:
    shown = cut(ref)
    reasons = {
        paths.URL: "is a web address; deck does not download templates: save it beside the outline",
        paths.ABSOLUTE: "is absolute; copy the template into the outline's folder and name it from there, or "
        "name it with `--theme` on the command line",
        paths.BACKSLASH: "uses `\\`; write it with `/`",
        paths.UNFOLLOWABLE: f"cannot be followed ({cut(found.detail)})",
        paths.OUTSIDE: "leads outside the outline's folder; copy the template into the folder, or name it with "
        "`--theme` on the command line",
    }
    why = reasons.get(found.refused or "", "names no file; save the company's .pptx or .potx there")
    return f"template `{shown}` {why}"


def _shown(folder: Path | None, ref: str) -> str:
    try:
        return display_path((folder or Path.cwd()) / ref)
    except (OSError, RuntimeError, ValueError):
        return ref


def _pt(value: float) -> int:
    return round(value * EMU_PER_PT)


def _half_pt(value: float) -> int:
    return round(value * 2) * EMU_PER_PT // 2


def _with_defaults(text: dict[str, dict]) -> dict[str, dict]:
    """Return the theme's text roles with each kind role it leaves out filled from the kind's
    default, sizes scaled by the theme's body size. A kind role it names may leave out `size`,
    `min`, `font` or `color` (the default fills them); `bold` and `italic` are false unless
    given, as for every role."""
    scale = text["body"]["size"] / BODY_POINTS
    out = dict(text)
    for name, role in KIND_ROLES.items():
        given = text.get(name)
        if given is None:
            given = {"bold": role.bold, "italic": role.italic}
        size = given.get("size", role.size * scale)
        out[name] = {"size": size, "min": min(role.min * scale, size), "font": role.font, "color": role.color, **given}
    return out


def _build(v: dict) -> Theme:
    """Return the Theme of checked theme values `v` (sizes in points become EMU)."""
    width, height = SLIDE_SIZES[v["slide"]["size"]]
    styles = {
        role: TextStyle(
            _half_pt(s["size"]),
            _half_pt(s["min"]),
            s["font"],
            s["color"],
            s.get("bold", False),
            s.get("italic", False),
            _half_pt(s["max"]) if s.get("max") else 0,
        )
        for role, s in _with_defaults(v["text"]).items()
    }
    m = v["margins"]
    f = v["footer"]
    logo = None
    if v.get("logo"):
        (path, pixels), given = v["logo"]["path"], v["logo"]
        tall = _pt(given["height"]) if "height" in given else _pt(m["top"]) * 3 // 5
        logo = Logo(path, given["alt"], given.get("position", "top-right"), tall, pixels)
    return Theme(
        name=v["name"],
        width=width,
        height=height,
        palette=dict(v["palette"]),
        fonts={k: Face(x["latin"], x["ea"]) for k, x in v["fonts"].items()},
        text=styles,
        line_spacing=v["line_spacing"],
        paragraph_spacing=v["paragraph_spacing"],
        margin_left=_pt(m["left"]),
        margin_right=_pt(m["right"]),
        margin_top=_pt(m["top"]),
        margin_bottom=_pt(m["bottom"]),
        gap=_pt(v["gap"]),
        footer=Footer(f["slide_number"], f["section"], f.get("text") or ""),
        safety=v["safety"],
        rule_width=_pt(v["rule_width"]),
        logo=logo,
        background=v["background"]["image"][0] if v.get("background") else None,
    )
