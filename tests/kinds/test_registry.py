"""The kinds registry: a kind is one module and one registry line; its codes and roles are its own."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from deck.codes import CODES
from deck.kinds import KINDS
from deck.kinds.codes import FRAME
from deck.kinds.parse import SECTION
from deck.pipeline import check_outline
from deck.theme import BASE_ROLES

STATS = re.compile(r"\bstats\b|\bstat_value\b|\bstat_label\b|\bStats?\b")


def test_each_kind_is_one_module_or_package_named_for_its_key():
    """A kind is `deck/kinds/<key>.py`, or `deck/kinds/<key>/` when it has several parts; its
    builder and layout live there."""
    for name, kind in KINDS.items():
        module = ROOT / "deck" / "kinds" / f"{name}.py"
        package = ROOT / "deck" / "kinds" / name / "__init__.py"
        assert module.is_file() != package.is_file(), name
        for part in (kind.build, kind.lay_out):
            assert f"{part.__module__}.".startswith(f"deck.kinds.{name}."), (name, part.__module__)


def test_a_kind_packages_parts_are_imported_only_inside_it():
    """Outside `deck/kinds/<key>/` a kind is reached through KINDS (or its package), never a part of it."""
    packages = [p.parent.name for p in (ROOT / "deck" / "kinds").glob("*/__init__.py")]
    for name in packages:
        part = re.compile(rf"^\s*from deck\.kinds\.{name}\.\w+ import|^\s*import deck\.kinds\.{name}\.", re.MULTILINE)
        inside = ROOT / "deck" / "kinds" / name
        found = [
            p.relative_to(ROOT).as_posix()
            for p in [*(ROOT / "deck").rglob("*.py"), *(ROOT / "tests").rglob("*.py")]
            if inside not in p.parents and part.search(p.read_text(encoding="utf-8"))
        ]
        assert found == [], name
    assert packages  # chart and argument, at least


def test_stats_lives_in_its_module_its_registry_line_and_its_case_folder():
    """What adding a kind takes, counted for `stats` over the package: its module, its name in
    the registry's import and its registry line; the built-in themes still name its two roles,
    which equal the kind's defaults (test_built_in_themes_name_kind_roles_at_their_defaults)."""
    package = [p for p in (ROOT / "deck").rglob("*") if p.suffix in (".py", ".yaml", ".json") and p.is_file()]
    found = {p.relative_to(ROOT).as_posix() for p in package if STATS.search(p.read_text(encoding="utf-8"))}
    assert found == {
        "deck/kinds/stats.py",
        "deck/kinds/__init__.py",
        "deck/theme/builtin/default.yaml",
        "deck/theme/builtin/dark.yaml",
    }
    init = (ROOT / "deck" / "kinds" / "__init__.py").read_text(encoding="utf-8").splitlines()
    assert [line.strip() for line in init if STATS.search(line) and "import" not in line] == ['"stats": stats.KIND,']
    case = ROOT / "tests" / "cases" / "stats"
    assert sorted(p.name for p in case.iterdir()) == ["expected-xml", "expected.txt", "outline.yaml"]


def test_a_section_divider_is_an_entry_of_the_frame_not_a_kind():
    assert SECTION not in KINDS


def test_no_two_kinds_declare_the_same_role_or_a_base_role():
    roles = [role for kind in KINDS.values() for role in kind.roles]
    assert len(roles) == len(set(roles)) and not set(roles) & set(BASE_ROLES)


def test_every_kind_and_frame_code_is_in_the_code_table_once():
    kind_codes = [code for kind in KINDS.values() for code in kind.codes]
    assert len(kind_codes) == len(set(kind_codes)) and not set(kind_codes) & set(FRAME)
    assert all(code in CODES and code.startswith("K") for code in [*kind_codes, *FRAME])


def test_every_code_raised_in_kinds_and_layout_has_an_entry_and_every_entry_is_raised():
    sources = [*(ROOT / "deck" / "kinds").rglob("*.py"), *(ROOT / "deck" / "layout").glob("*.py")]
    raised = set()
    for path in sources:
        if path.name != "codes.py":
            text = path.read_text(encoding="utf-8")
            raised |= set(re.findall(r'(?<!")"([KL]\d{3})",(?!\s*Code\()', text))
    tabled = {code for code in CODES if code[0] in "KL"}
    assert raised == tabled


def _runnable(code: str) -> bool:
    return code[0] == "K" and "…" not in CODES[code].example


@pytest.mark.parametrize("code", sorted(c for c in CODES if _runnable(c)))
def test_each_kinds_code_example_has_that_problem(code, write):
    outline = write("outline.yaml", CODES[code].example + "\n")
    if not CODES[code].example.startswith(("title:", "slides:", "- title: Talk")):
        outline = write("outline.yaml", "title: Talk\nslides:\n" + _indent(CODES[code].example) + "\n")
    assert code in {p.code for p in check_outline(outline).problems}


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
