"""Every kind of user error, as data: tests/errors/<case>.yaml ends with `# expect:` lines
giving the exact located messages `deck check` must print (path left out), all at once."""

from pathlib import Path

import pytest

from deck.cli import main

CASES = sorted((Path(__file__).parent / "errors").glob("*.yaml"))


def expected(path: Path) -> list[str]:
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    return [line[len("# expect: "):] for line in lines if line.startswith("# expect: ")]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_outline_gets_exact_located_messages(case, capsys, monkeypatch):
    monkeypatch.chdir(case.parent)
    status = main(["check", case.name])
    err = capsys.readouterr().err
    printed = [line[len(case.name) + 1:] for line in err.splitlines() if line.startswith(case.name + ":")]
    assert printed == expected(case)
    assert status == (1 if any(": error: " in e for e in expected(case)) else 0)
    assert "Traceback" not in err


def test_corpus_has_a_case_for_every_rule_family():
    assert len(CASES) >= 30
