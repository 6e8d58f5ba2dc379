"""Properties over mutated themes: the built-in theme file with keys deleted, values of the wrong
type, huge or negative numbers and hostile `extends` still ends in exit 0 or 1 with every problem
located, never an internal error (exit 3) or a traceback; a valid theme at the ends of its ranges
either fits a talk of one-letter texts or is itself blamed (T117), never the outline.
Derandomized, so a run is repeatable."""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from deck.cli import main
from deck.pipeline import check_outline
from deck.theme.load import BUILTIN

DEFAULT = yaml.safe_load(BUILTIN["default"].read_text(encoding="utf-8"))
OUTLINE = "title: A talk\ntheme: theme.yaml\nslides:\n  - section: Part\n  - title: One\n    bullets: [a, b]\n"
TINY = "title: W\ntheme: theme.yaml\nslides:\n  - section: W\n  - title: W\n    bullets: [W]\n    notes: n\n"
LOCATED = re.compile(r"^[^\n]+:([1-9]\d*):[1-9]\d*: (error|warning)\[[A-Z]\d{3}\]: \S")
SUMMARY = re.compile(r"^deck: \d+ errors?( and \d+ warnings?)?; nothing was written$")


def paths(value: object, prefix: tuple = ()) -> list[tuple]:
    """Every key path of a nested mapping, e.g. ("text", "body", "size")."""
    if not isinstance(value, dict):
        return []
    return [p for k, v in value.items() for p in [(*prefix, k), *paths(v, (*prefix, k))]]


PATHS = paths(DEFAULT)
# The range each number of a theme may take (SPEC §4, `deck schema --theme`), by its key.
RANGES = {"size": (6, 120), "min": (6, 120), "max": (6, 120), "line_spacing": (1, 2.5), "paragraph_spacing": (0, 3)}
RANGES["gap"] = (0, 100)
RANGES |= {"rule_width": (0.25, 12), "safety": (0, 0.3), **dict.fromkeys(("left", "right", "top", "bottom"), (0, 200))}
HUGE = st.sampled_from([1e308, 10**40, -(10**40), float("inf"), float("-inf"), float("nan"), 0, -1, -200, 1e-9])
WRONG = st.one_of(
    HUGE,
    st.sampled_from(["", "text", "#12345", "1D56A0", [], [1, 2], {}, {"x": 1}, None, True, "16:9", "heading"]),
    st.text(max_size=30),
)
EXTENDS = st.sampled_from(
    ["default", "dark", "theme.yaml", "/etc/passwd", "../x.yaml", "~/x", "C:\\x", "a\\b", "https://x/t.yaml", "", None]
)


def leaves(kind: type | tuple[type, ...]) -> list[tuple]:
    """The key paths of DEFAULT whose values are of `kind`."""

    def at(path: tuple) -> object:
        value = DEFAULT
        for k in path:
            value = value[k]
        return value

    return [p for p in PATHS if isinstance(at(p), kind) and not isinstance(at(p), bool)]


NUMBERS, TEXTS = leaves((int, float)), leaves(str)
COLOUR = st.integers(0, 0xFFFFFF).map(lambda c: f"{c:06X}")


def put(theme: dict, path: tuple, value: object) -> None:
    """Set `path` in `theme` to `value`, or delete it when `value` is DELETE; a path whose
    parent an earlier mutation replaced is left alone."""
    *parents, key = path
    for k in parents:
        theme = theme.get(k) if isinstance(theme, dict) else None
    if isinstance(theme, dict) and key in theme:
        if value is DELETE:
            del theme[key]
        else:
            theme[key] = value


DELETE = object()
ACTIONS = ["delete", "wrong", "huge", "edge", "edge", "edge", "colour", "margin", "margin", "extends", "text"]


@st.composite
def mutated(draw) -> dict | object:
    theme = yaml.safe_load(yaml.safe_dump(DEFAULT))  # a deep copy
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(ACTIONS))
        if action == "delete":
            put(theme, draw(st.sampled_from(PATHS)), DELETE)
        elif action == "wrong":
            put(theme, draw(st.sampled_from(PATHS)), draw(WRONG))
        elif action == "huge":
            put(theme, draw(st.sampled_from(NUMBERS)), draw(HUGE))
        elif action == "edge":  # valid but extreme: the ends of the ranges, several at once
            for path in draw(st.lists(st.sampled_from(NUMBERS), min_size=1, max_size=6)):
                low, high = RANGES[path[-1]]
                value = draw(st.sampled_from([low, high]) | st.floats(low, high))
                roles = ("size", "min", "max")  # a role: min = size = max
                for key in roles if path[-1] in roles else (path[-1],):
                    put(theme, (*path[:-1], key), value)
        elif action == "colour":
            put(theme, ("palette", draw(st.sampled_from(sorted(DEFAULT["palette"])))), draw(COLOUR))
        elif action == "margin":
            side = draw(st.sampled_from(["left", "right", "top", "bottom"]))
            put(theme, ("margins", side), draw(st.integers(-500, -1) | st.integers(150, 200)))
        elif action == "extends":
            theme["extends"] = draw(EXTENDS)
        else:  # "text"
            put(theme, draw(st.sampled_from(TEXTS)), draw(st.text(max_size=30)))
    return draw(st.sampled_from([theme] * 8 + [[theme], "theme"]))


@settings(max_examples=settings.default.max_examples)  # the profile's (tests/conftest.py)
@given(mutated())
def test_a_mutated_theme_gets_located_problems_never_an_internal_error(theme):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "theme.yaml").write_text(yaml.safe_dump(theme, allow_unicode=True), encoding="utf-8")
        outline = Path(folder) / "outline.yaml"
        outline.write_text(OUTLINE, encoding="utf-8")
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = main(["check", str(outline)])
    text = err.getvalue()
    assert status in (0, 1), text
    assert "Traceback" not in text and "internal error" not in text
    lines = text.split("\n")[:-1]  # not splitlines(): a message may echo U+001E, which it splits at
    assert all(LOCATED.match(line) or SUMMARY.match(line) for line in lines), text
    assert (status == 1) == any(SUMMARY.match(line) for line in lines)


@st.composite
def extreme(draw) -> dict:
    """A valid theme with every number drawn from its range (a role's min and max equal to its size),
    any colours and either slide size: cramped, huge or tiny, but well-formed."""
    theme = yaml.safe_load(yaml.safe_dump(DEFAULT))
    for path in NUMBERS:
        if path[-1] not in ("min", "max"):
            low, high = RANGES[path[-1]]
            value = draw(st.sampled_from([low, high]) | st.floats(low, high))
            for key in ("size", "min", "max") if path[-1] == "size" else (path[-1],):
                put(theme, (*path[:-1], key), value)
    for slot in theme["palette"]:
        theme["palette"][slot] = draw(COLOUR)
    theme["slide"]["size"] = draw(st.sampled_from(["16:9", "4:3"]))
    return theme


@settings(max_examples=settings.default.max_examples * 3 // 5)  # builds: 3/5 of the profile's
@given(extreme())
def test_an_extreme_theme_fits_one_letter_texts_or_is_blamed_itself(theme):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "theme.yaml").write_text(yaml.safe_dump(theme), encoding="utf-8")
        outline = Path(folder) / "outline.yaml"
        outline.write_text(TINY, encoding="utf-8")
        problems = check_outline(outline).problems
    blamed = [(Path(p.path).name, p.code) for p in problems if p.is_error]
    assert blamed in ([], [("theme.yaml", "T117")]), problems
    assert all(Path(p.path).name == "theme.yaml" for p in problems if p.code.startswith("T"))


def test_the_mutations_reach_every_key_of_the_theme():
    assert {p[0] for p in PATHS} == set(DEFAULT) and ("text", "body", "size") in PATHS and ("margins", "top") in PATHS
    assert ("text", "body", "min") in NUMBERS and ("line_spacing",) in NUMBERS and ("fonts", "body", "latin") in TEXTS
    assert {path[-1] for path in NUMBERS} == set(RANGES)
