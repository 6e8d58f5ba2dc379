"""Every kind of user error, as data: tests/errors/<case>.yaml ends with `# expect:` lines
giving the exact located messages `deck check` must print (path left out), all at once.
tests/errors/warnings/ holds cases that only warn: they pass, and fail under --strict."""

from pathlib import Path

import jsonschema
import pytest
import yaml

from deck.cli import main
from deck.fields.schema import outline_schema

HERE = Path(__file__).parent
ERRORS = sorted((HERE / "errors").glob("*.yaml"))
WARNINGS = sorted((HERE / "errors" / "warnings").glob("*.yaml"))
CASES = ERRORS + WARNINGS
IDS = [str(c.relative_to(HERE / "errors").with_suffix("")) for c in CASES]


def expected(path: Path) -> list[str]:
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    return [line[len("# expect: ") :] for line in lines if line.startswith("# expect: ")]


def check(case: Path, capsys, monkeypatch, *flags: str) -> tuple[int, list[str], str]:
    monkeypatch.chdir(case.parent)
    status = main(["check", case.name, *flags])
    err = capsys.readouterr().err
    printed = [line[len(case.name) + 1 :] for line in err.splitlines() if line.startswith(case.name + ":")]
    return status, printed, err


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_broken_outline_gets_exact_located_messages(case, capsys, monkeypatch):
    status, printed, err = check(case, capsys, monkeypatch)
    assert printed == expected(case)
    assert status == (1 if any(": error: " in e for e in expected(case)) else 0)
    assert "Traceback" not in err


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_case_names_its_schema_verdict(case):
    lines = case.read_bytes().decode("utf-8", "replace").splitlines()
    verdicts = [line.split()[2] for line in lines if line.startswith("# schema: ")]
    assert verdicts in (["rejects"], ["accepts"], ["unreadable"])
    assert expected(case), "a case states the messages it expects"


@pytest.mark.parametrize("case", WARNINGS, ids=[c.stem for c in WARNINGS])
def test_warning_only_case_fails_under_strict_and_passes_the_schema(case, capsys, monkeypatch):
    assert expected(case) and all(": warning: " in e for e in expected(case))
    status, printed, _ = check(case, capsys, monkeypatch, "--strict")
    assert status == 1 and printed == expected(case)
    document = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(outline_schema()).iter_errors(document)) == []


def test_corpus_has_a_case_for_every_rule_family():
    assert len(ERRORS) >= 75 and WARNINGS
