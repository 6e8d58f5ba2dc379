"""Problem codes: one table, every code used and explained, and every printed problem coded."""

import re

import pytest
from conftest import ROOT
from corpus import CASES, IDS

from deck.cli import main
from deck.codes import CODES, PATTERN
from deck.fields.codes import FIELDS, PICTURES
from deck.kinds.codes import CODES as KINDS
from deck.layout.codes import CODES as LAYOUT
from deck.lint.codes import CODES as LINT
from deck.source.codes import CODES as SOURCE
from deck.theme.codes import CODES as THEME

DECK = ROOT / "deck"
LITERAL = re.compile(r"""["']([A-Z]\d{3})["']""")
PRINTED = re.compile(r"^.+:\d+:\d+: (error|warning)\[([A-Z]\d{3})\]: \S")


def used_codes() -> dict[str, list[str]]:
    """Every quoted code in deck's source outside the code tables → the files that use it."""
    found: dict[str, list[str]] = {}
    for path in sorted(DECK.rglob("*.py")):
        if path.name != "codes.py":
            for code in LITERAL.findall(path.read_text(encoding="utf-8")):
                found.setdefault(code, []).append(str(path.relative_to(DECK)))
    return found


def test_every_code_is_well_formed_and_fully_explained():
    for code, entry in CODES.items():
        assert PATTERN.match(code), code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.name), (code, entry.name)
        for part in ("summary", "explanation", "example", "fix"):
            assert getattr(entry, part).strip(), f"{code} has no {part}"
        assert len(f"{code} ({entry.name}): {entry.summary}") <= 88, f"{code}: the summary is one short line"


def test_code_names_are_unique():
    names = [entry.name for entry in CODES.values()]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


@pytest.mark.parametrize(
    "table, letters",
    [(SOURCE, "S"), (FIELDS, "F"), (PICTURES, "P"), (KINDS, "K"), (THEME, "T"), (LAYOUT, "L"), (LINT, "A")],
)
def test_each_stage_table_holds_only_its_letter(table, letters):
    assert all(code[0] in letters for code in table)


def test_every_code_in_the_source_is_in_the_table_and_every_entry_is_used():
    used = used_codes()
    assert {code: files for code, files in used.items() if code not in CODES} == {}
    assert sorted(set(CODES) - set(used)) == []


def test_explain_prints_the_long_form(capsys):
    assert main(["explain", "F101"]) == 0
    out = capsys.readouterr().out
    entry = CODES["F101"]
    assert out.startswith(f"F101 ({entry.name}): {entry.summary}\n")
    assert " ".join(out.split()).count(" ".join(entry.explanation.split())) == 1
    assert "\nExample:\n\n    slides:\n" in out and "\nFix: Write the value in the shape" in out
    assert max(len(line) for line in out.splitlines()) <= 88


def test_explain_works_for_every_code_and_by_name(capsys):
    for code, entry in CODES.items():
        assert main(["explain", code.lower()]) == 0, code
        assert capsys.readouterr().out.startswith(f"{code} ({entry.name}):")
    assert main(["explain", "unknown-key"]) == 0
    assert capsys.readouterr().out.startswith("F104 (unknown-key):")


def test_explain_of_an_unknown_code_exits_2_with_a_hint(capsys):
    assert main(["explain", "F1O1"]) == 2
    err = capsys.readouterr().err
    assert "no problem code `F1O1`; did you mean F101?" in err
    assert main(["explain", "unknwn-key"]) == 2
    assert "did you mean unknown-key" in capsys.readouterr().err
    assert main(["explain", "zzzz"]) == 2
    assert "codes look like F101" in capsys.readouterr().err


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_problem_printed_for_the_corpus_has_a_known_code(case, capsys, monkeypatch):
    monkeypatch.chdir(case.parent)
    main(["check", case.name])
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith((case.name + ":", "themes/"))]
    assert lines
    uncoded = [line for line in lines if not PRINTED.match(line)]
    unknown = [line for line in lines if PRINTED.match(line) and PRINTED.match(line).group(2) not in CODES]
    assert uncoded == [] and unknown == []
