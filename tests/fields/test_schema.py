"""`deck schema` agrees with the validator on every good and bad outline in the test suite."""

import datetime
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT

from deck.fields.schema import outline_schema, theme_schema
from deck.pipeline import check_outline

VALIDATOR = jsonschema.Draft202012Validator(outline_schema())
ERRORS = sorted((ROOT / "tests" / "errors").glob("*.yaml"))
GOOD = [
    ROOT / "outline.yaml",
    ROOT / "examples" / "showcase.yaml",
    *sorted((ROOT / "tests" / "cases").glob("*/outline.yaml")),
]


def as_json(path: Path):
    """Read YAML as an editor's language server does (YAML 1.2 core: dates stay strings)."""

    def conv(x):
        if isinstance(x, dict):
            return {str(k): conv(v) for k, v in x.items()}
        if isinstance(x, list):
            return [conv(v) for v in x]
        return str(x) if isinstance(x, (datetime.date, datetime.datetime)) else x

    return conv(yaml.safe_load(path.read_text(encoding="utf-8")))


def verdict(path: Path) -> str:
    lines = path.read_bytes().decode("utf-8", "replace").splitlines()
    return next(line.split()[2] for line in lines if line.startswith("# schema:"))


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(outline_schema())
    jsonschema.Draft202012Validator.check_schema(theme_schema())


@pytest.mark.parametrize("path", GOOD, ids=[str(p.relative_to(ROOT)) for p in GOOD])
def test_good_outlines_pass_both_validator_and_schema(path):
    assert check_outline(path).errors == []
    assert list(VALIDATOR.iter_errors(as_json(path))) == []


@pytest.mark.parametrize("path", ERRORS, ids=[p.stem for p in ERRORS])
def test_bad_outlines_are_judged_as_their_case_says(path):
    assert check_outline(path).errors, "the validator must reject every case in tests/errors"
    expected = verdict(path)
    if expected == "unreadable":
        with pytest.raises((yaml.YAMLError, UnicodeDecodeError)):
            as_json(path)
        return
    errors = list(VALIDATOR.iter_errors(as_json(path)))
    assert bool(errors) == (expected == "rejects")


def test_built_in_themes_pass_the_theme_schema():
    validator = jsonschema.Draft202012Validator(theme_schema())
    for name in ("default", "dark"):
        assert list(validator.iter_errors(as_json(ROOT / "deck" / "theme" / "builtin" / f"{name}.yaml"))) == []
