"""Every kind of user error, as data: tests/errors/<case>.yaml ends with `# expect:` lines giving
the located problems `deck check` must print, all at once, as `LINE:COL: level[CODE]` (path and
message left out, so wording can improve freely; a few messages are pinned below for their advice).
tests/errors/warnings/ holds cases that only warn: they pass, and fail under --strict. A case's
theme files live in `themes/` beside it; problems located there are stated with that path.

After a change of codes or locations, rewrite the `# expect:` lines from what deck prints now,
then review the diff: `.venv/bin/python tests/corpus.py --rewrite`.
"""

from pathlib import Path

import jsonschema
import pytest
import yaml
from corpus import CASES, ERRORS, HERE, IDS, WARNINGS, expected, level, located, printed

from deck.cli import main
from deck.fields.schema import outline_schema


def check(case: Path, capsys, monkeypatch, *flags: str) -> tuple[int, list[str], str]:
    monkeypatch.chdir(case.parent)
    status = main(["check", case.name, *flags])
    err = capsys.readouterr().err
    return status, printed(case, err), err


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_broken_outline_gets_its_coded_problems_at_their_places(case, capsys, monkeypatch):
    status, lines, err = check(case, capsys, monkeypatch)
    assert [located(line) for line in lines] == expected(case)
    assert status == (1 if any(level(e) == "error" for e in expected(case)) else 0)
    assert "Traceback" not in err


# A few messages pinned for what they tell the user to do (the corpus pins only code and place).
ADVICE = [
    ("unknown-key-suggests", "3:5", "did you mean `title`?"),
    ("chart-mismatch", "5:13", "got `donut`; did you mean `doughnut`?"),
    ("chart-mismatch", "8:16", "write digits only"),
    ("hidden-null", "6:12", "write `true` or `false`, or remove the line"),
    ("image-missing-alt", "4:12", "add `alt: …`"),
    ("image-escapes", "4:19", "copy the picture into the folder"),
    ("mapping-in-bullet", "5:9", "put the whole text in quotes, or in Chinese use the full-width `：`"),
    ("tab-indent", "3:1", "replace the tab with spaces"),
    ("duplicate-key", "2:1", "(first at line 1); keep one of them"),
    ("not-utf8", "3:15", "byte 0xe9 here); save it as UTF-8"),
    ("huge-title", "3:12", "2,549 characters long, more than the 200"),
    ("warnings/comment-cuts-value", "5:15", "quote the value to keep the rest"),
    ("theme-path-absolute", "3:8", "copy the theme file into the outline's folder"),
    ("theme-path-parent", "3:8", "or name it with `--theme` on the command line"),
    ("theme-no-room", "themes/no-room.yaml:4:10", "the margins leave 864 × 140 pt"),
    ("theme-title-too-large", "themes/title-too-large.yaml:5:15", "lower its `size` and `min`"),
    ("utf16-be-no-bom", "1:1", "the file is UTF-16; save it as UTF-8"),
    ("utf32-le-bom", "1:1", "the file is UTF-32; save it as UTF-8"),
    ("title-zero-width-space", "4:12", "only invisible characters (U+200B ZERO WIDTH SPACE)"),
    ("deck-title-ideographic-space", "2:8", "holds only white space (U+3000 IDEOGRAPHIC SPACE)"),
    ("duplicate-id-through-alias", "12:5", "already used by the slide at line 4"),
    ("image-jpeg-claims-more-than-it-holds", "5:19", "claims 7000×8000 pixels, but its data holds far fewer"),
    ("pie-all-zero", "9:9", "is 0, so the pie has no slices to draw"),
    ("warnings/dash-folded-sub-bullet", "7:9", "more of the text above (`alpha - beta`)"),
    ("supports-unknown-argument", "13:15", "did you mean `thesis-1`?"),
    ("supports-unknown-reason", "13:15", "has no reason `C`; expected one of `A`, `B`"),
    ("argument-revisit-before", "4:25", "move it after the argument slide"),
    ("agenda-bad-choice", "2:9", "did you mean `every-section`?"),
]


@pytest.mark.parametrize("name, place, advice", ADVICE, ids=[f"{n}@{p}" for n, p, _ in ADVICE])
def test_messages_say_what_to_do(name, place, advice, capsys, monkeypatch):
    _, lines, _ = check(HERE / "errors" / f"{name}.yaml", capsys, monkeypatch)
    assert any(line.startswith(place + ":") and advice in line for line in lines), lines


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_case_names_its_schema_verdict(case):
    lines = case.read_bytes().decode("utf-8", "replace").splitlines()
    verdicts = [line.split()[2] for line in lines if line.startswith("# schema: ")]
    assert verdicts in (["rejects"], ["accepts"], ["unreadable"])
    assert expected(case), "a case states the problems it expects"


@pytest.mark.parametrize("case", WARNINGS, ids=[c.stem for c in WARNINGS])
def test_warning_only_case_fails_under_strict_and_passes_the_schema(case, capsys, monkeypatch):
    assert expected(case) and all(level(e) == "warning" for e in expected(case))
    status, lines, _ = check(case, capsys, monkeypatch, "--strict")
    assert status == 1 and [located(line) for line in lines] == expected(case)
    document = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(outline_schema()).iter_errors(document)) == []


def test_corpus_has_a_case_for_every_rule_family():
    assert len(ERRORS) >= 75 and WARNINGS
