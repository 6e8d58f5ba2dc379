"""The loader keeps every scalar exactly as typed, with its line and column, with either parser."""

import subprocess
import sys

import pytest

from deck.source.located import Map, Scalar, Seq
from deck.source.reader import Limits, load_yaml_bytes


def load(text: str, limits: Limits | None = None):
    return load_yaml_bytes(text.encode("utf-8"), "t.yaml", limits or Limits())


def test_plain_scalars_stay_as_typed():
    node, problems = load("a: 2023.10\nb: no\nc: 12:30\nd: 3.10\ne: 0x1F\nf: 2023-10-16\n")
    assert problems == []
    assert [node.get(k).text for k in "abcdef"] == ["2023.10", "no", "12:30", "3.10", "0x1F", "2023-10-16"]


def test_values_know_their_line_and_column():
    node, _ = load("title: T\nslides:\n  - title: A\n    text: hello\n")
    slide = node.get("slides").items[0]
    assert isinstance(slide, Map)
    assert (slide.get("text").where.line, slide.get("text").where.column) == (4, 11)


def test_byte_order_mark_and_crlf_are_accepted():
    node, problems = load_yaml_bytes("\ufefftitle: T\r\nslides: []\r\n".encode("utf-8"), "t.yaml")
    assert problems == [] and node.get("title").text == "T"


def test_billion_laughs_fails_fast_with_a_location():
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    node, problems = load("\n".join(lines) + "\n", Limits(nodes=10_000))
    assert [p.code for p in problems] == ["S108"] and problems[0].line > 0
    assert "more than 10,000 values" in problems[0].message


def test_recursive_alias_is_an_error_not_a_hang():
    node, problems = load("a: &x [1, *x]\n")
    assert [p.code for p in problems] == ["S115"]


def test_escaped_nul_in_a_quoted_value_is_located():
    node, problems = load('title: "a\\0b"\n')
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 10, "S111")]
    assert "U+0000" in problems[0].message


def test_duplicate_key_names_the_first():
    _, problems = load("a: 1\nb: 2\na: 3\n")
    assert [p.format() for p in problems] == [
        "t.yaml:3:1: error[S129]: duplicate key `a` (first at line 1); keep one of them"
    ]


def test_sequences_and_mappings_are_located_values():
    node, _ = load("x: [1, {y: z}]\n")
    seq = node.get("x")
    assert isinstance(seq, Seq) and isinstance(seq.items[0], Scalar) and isinstance(seq.items[1], Map)


def test_an_escape_beyond_unicode_is_located_by_either_parser(monkeypatch):
    import yaml

    from deck.source import reader as yamlload

    for loader in (yaml.SafeLoader, yaml.CSafeLoader):
        monkeypatch.setattr(yamlload, "_LOADER", loader)
        _, problems = load('a: x\nb: "x\\U00110000"\n')
        assert [(p.line, p.column, p.code) for p in problems] == [(2, 6, "S111")]
        assert "U+10FFFF" in problems[0].message


def test_without_libyaml_the_corpus_gets_the_same_messages(monkeypatch, capsys):
    """PyYAML's pure-Python parser is the fallback where libyaml is missing: same words, same places."""
    import yaml
    from corpus import CASES, printed

    from deck.cli import main
    from deck.source import reader as yamlload

    def messages(loader) -> dict[str, list[str]]:
        monkeypatch.setattr(yamlload, "_LOADER", loader)
        out = {}
        for case in CASES:
            monkeypatch.chdir(case.parent)
            main(["check", case.name])
            out[case.name] = printed(case, capsys.readouterr().err)
        return out

    assert messages(yaml.SafeLoader) == messages(yaml.CSafeLoader)


OUTLINE = "title: Talk\nslides:\n  - title: A\n    text: b\n    notes: n\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("first", ["", "演讲: x\n"], ids=["ascii-first", "chinese-first"])
def test_utf16_and_utf32_files_are_named_whatever_their_byte_order_and_mark(encoding, first):
    _, problems = load_yaml_bytes((first + OUTLINE).encode(encoding), "t.yaml")
    name = encoding[:6].upper()
    assert [(p.line, p.column, p.code, p.message) for p in problems] == [
        (1, 1, "S103", f"the file is {name}; save it as UTF-8 in your editor")
    ]


def test_utf8_text_holding_zero_bytes_is_not_taken_for_utf16():
    _, problems = load_yaml_bytes(b"title: a\x00b\x00c\nslides: []\n", "t.yaml")
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 9, "S104"), (1, 11, "S104")]


def test_aliases_may_not_repeat_more_text_than_a_file_may_hold():
    long = "x" * 19_000
    text = f"a: &n {long}\n" + "".join(f"b{i}: *n\n" for i in range(110))
    node, problems = load(text)
    assert node is None and [(p.line, p.column, p.code) for p in problems] == [(106, 7, "S130")]
    assert "more than 2,000,000 characters" in problems[0].message and "xxx" not in problems[0].message


def test_text_repeated_by_aliases_within_what_a_file_holds_is_read():
    node, problems = load("a: &n " + "x" * 19_000 + "\n" + "".join(f"b{i}: *n\n" for i in range(100)))
    assert problems == [] and node.get("b99").text == "x" * 19_000


def test_a_value_reached_through_an_alias_is_located_at_the_alias_its_inside_at_the_anchor():
    node, problems = load("a: &s {title: A, id: x}\nb: *s\nc: &t text\nd: *t\n")
    assert problems == []
    alias, anchored = node.get("b"), node.get("a")
    assert (alias.where.line, alias.where.column) == (2, 4) and alias == Map(alias.where, anchored.entries, True)
    assert (alias.get("id").where.line, alias.get("id").where.column) == (1, 22)
    assert (node.get("d").where.line, node.get("d").where.column, node.get("d").text) == (4, 4, "text")


@pytest.mark.parametrize(
    "text, place, folded",
    [
        ("bullets:\n  - alpha\n    - beta\n  - gamma\n", (3, 5), "alpha - beta"),
        ("notes: one\r\n  two\r\n   - three\r\n", (3, 4), "one two - three"),
        ("a: [x\n  - y]\n", (2, 3), "x - y"),
    ],
    ids=["sub-bullet", "crlf", "flow"],
)
def test_a_line_starting_with_a_dash_folded_into_a_plain_value_is_warned_at_the_dash(text, place, folded):
    _, problems = load(text)
    assert [(p.line, p.column, p.code, p.level) for p in problems] == [(*place, "S131", "warning")]
    assert f"(`{folded}`)" in problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        'bullets:\n  - "alpha\n    - beta"\n',
        "notes: |\n  alpha\n  - beta\n",
        "notes: >\n  alpha\n  - beta\n",
        "bullets:\n  - alpha\n  - beta\n",
        "notes: alpha\n  -beta and -5\n",
    ],
    ids=["quoted", "literal-block", "folded-block", "list", "no-space-after-dash"],
)
def test_dashes_in_quoted_and_block_values_and_real_items_are_not_warned(text):
    assert load(text)[1] == []


def test_pyyaml_patterns_left_for_later_match_as_compiled_ones_when_used():
    """deck's reader imports PyYAML with its patterns compiled on first use (start-up); the
    pure-Python loader then still refuses a control character and reads a timestamp."""
    code = """
import deck.source.reader
import yaml
assert type(yaml.reader.Reader.NON_PRINTABLE).__name__ == "Later"
try:
    yaml.load("a: b\\x07", Loader=yaml.SafeLoader)
except yaml.reader.ReaderError as exc:
    assert "special characters are not allowed" in str(exc), exc
else:
    raise AssertionError("a control character was read")
data = yaml.load("when: 2001-12-14 21:59:43.10\\nn: 0x1F\\nok: yes", Loader=yaml.SafeLoader)
assert data == {"when": data["when"], "n": 31, "ok": True} and data["when"].year == 2001, data
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
