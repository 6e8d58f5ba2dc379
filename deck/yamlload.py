"""Read YAML into located values (the only module that reads YAML), explaining its traps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .located import Map, Node, Scalar, Seq
from .problems import Problem, Where, cut

CORE_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "str",  # resolved by PyYAML's safe resolver; text to us
    "tag:yaml.org,2002:seq": "seq",
    "tag:yaml.org,2002:map": "map",
}


@dataclass(frozen=True)
class Limits:
    """Bounds on what a YAML file may cost to read; generous for real talks."""

    file_bytes: int = 2_000_000
    nodes: int = 200_000  # values after alias expansion
    depth: int = 40
    scalar_chars: int = 20_000


DEFAULT_LIMITS = Limits()


def load_yaml(path: Path, shown: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Node | None, list[Problem]]:
    """Read the YAML file at `path`; locations name it as `shown`.

    Returns the located document (None when it cannot be read) and the problems found.
    Never raises for anything in the file; an unreadable file is a problem at line 0.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 0, 0, f"cannot read the file: {exc.strerror or exc}")]
    return load_yaml_bytes(data, shown, limits)


def load_yaml_bytes(data: bytes, shown: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Node | None, list[Problem]]:
    """Like `load_yaml`, for bytes already read."""
    if len(data) > limits.file_bytes:
        return None, [
            Problem(shown, 1, 1, f"the file is {len(data):,} bytes, more than the {limits.file_bytes:,} "
                    "an outline may have; split the talk or remove pasted data")
        ]
    text, problem = _decode(data, shown)
    if problem:
        return None, [problem]
    problem = _check_characters(text, shown)
    if problem:
        return None, [problem]
    try:
        loader = yaml.SafeLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        return None, [_explain(exc, shown, text)]
    except yaml.YAMLError as exc:  # ReaderError and the like carry no mark
        return None, [Problem(shown, 1, 1, f"not readable as YAML: {cut(exc, 200)}")]
    if root is None:
        return None, [Problem(shown, 1, 1, "the file is empty; expected a mapping with at least `title` and `slides`")]
    walker = _Walker(shown, limits)
    node = walker.walk(root, 0)
    return node, walker.problems


def _decode(data: bytes, shown: str) -> tuple[str, Problem | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return "", Problem(shown, line, col, f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} here); "
                           "save it as UTF-8 in your editor")


_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _check_characters(text: str, shown: str) -> Problem | None:
    match = _BAD_CHAR.search(text)
    if not match:
        return None
    line = text.count("\n", 0, match.start()) + 1
    col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return Problem(shown, line, col, f"control character U+{ord(match.group()):04X} is not allowed in an outline; delete it")


def _where(shown: str, mark) -> Where:
    return Where(shown, mark.line + 1, mark.column + 1)


def _explain(exc: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    """Turn PyYAML's words into a located explanation of what to change."""
    mark = exc.problem_mark or exc.context_mark
    where = _where(shown, mark)
    problem = exc.problem or ""
    line_text = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
    char = line_text[mark.column] if mark.column < len(line_text) else ""
    if "\t" in problem or (char == "\t"):
        msg = "a tab is used for indentation; YAML allows only spaces here (replace the tab with spaces)"
    elif "mapping values are not allowed" in problem:
        msg = ("`: ` here would start a mapping inside a plain value; put the whole value in quotes "
               "(\"…\") or, in Chinese text, use the full-width `：`")
    elif "undefined alias" in problem or (char == "*" and "alias" in (exc.context or "")):
        msg = ("a value starting with `*` is read by YAML as an alias; put it in quotes, "
               "e.g. \"**strong** text\"")
    elif "found character '`'" in problem or "found character '@'" in problem:
        msg = f"YAML does not allow a plain value to start with `{char or '`'}`; put the whole value in quotes"
    elif "expected alphabetic or numeric character" in problem and "alias" in (exc.context or ""):
        msg = ("a value starting with `*` is read by YAML as an alias; put it in quotes, "
               "e.g. \"*emphasis* text\"")
    elif "expected <block end>" in problem or "expected <document start>" in problem:
        msg = ("bad indentation: this line does not line up with the entries around it; "
               "indent it like its siblings (spaces only)")
    elif "could not find expected ':'" in problem:
        msg = ("expected `key: value` here; check the indentation of this line and that quotes "
               "opened on an earlier line are closed")
    elif "end of stream" in problem and "quoted" in (exc.context or ""):
        where = _where(shown, exc.context_mark or mark)
        msg = "a quoted value is never closed; add the closing quote"
    elif "block sequence entries are not allowed" in problem:
        msg = "a list item `- ` cannot start here; put it on its own line, indented under its key"
    elif "but found another document" in problem:
        msg = "an outline is one YAML document; remove the `---` separator and what follows"
    elif "found duplicate anchor" in problem or "found undefined tag handle" in problem:
        msg = f"{problem}; remove it"
    else:
        msg = f"not valid YAML: {problem or exc.context}; check the quoting and indentation here"
    return Problem(where.path, where.line, where.column, msg)


class _Walker:
    """Turns PyYAML's composed nodes into located values, checking tags, keys and limits."""

    def __init__(self, shown: str, limits: Limits):
        self.shown = shown
        self.limits = limits
        self.count = 0
        self.problems: list[Problem] = []
        self.stopped = False
        self.active: set[int] = set()

    def walk(self, node, depth: int) -> Node:
        where = _where(self.shown, node.start_mark)
        self.count += 1
        if self.stopped:
            return Scalar(where, "", "", "null")
        if self.count > self.limits.nodes:
            self._stop(where, f"the outline expands to more than {self.limits.nodes:,} values "
                       "(through YAML aliases?); remove the aliases or split the talk")
            return Scalar(where, "", "", "null")
        if depth > self.limits.depth:
            self._stop(where, f"values are nested more than {self.limits.depth} levels deep; flatten them")
            return Scalar(where, "", "", "null")
        tag = CORE_TAGS.get(node.tag)
        if tag is None:
            self.problems.append(where.error(
                f"the tag `{cut(node.tag.replace('tag:yaml.org,2002:', '!!'))}` is not allowed; outlines use plain YAML values only "
                "(remove the tag, or quote the value if the `!` is text)"))
            tag = "str"
        if isinstance(node, ScalarNode):
            if len(node.value) > self.limits.scalar_chars:
                self.problems.append(where.error(
                    f"this value is {len(node.value):,} characters long, more than the "
                    f"{self.limits.scalar_chars:,} allowed; shorten it"))
                return Scalar(where, node.value[: self.limits.scalar_chars], node.style or "", "str")
            bad = _BAD_CHAR.search(node.value)
            if bad:
                self.problems.append(where.error(
                    f"this value holds control character U+{ord(bad.group()):04X} (an escape such as "
                    "`\\0` or `\\x..`?), which a slide cannot show; remove it"))
            return Scalar(where, node.value, node.style or "", tag if tag not in ("seq", "map") else "str")
        if id(node) in self.active:
            self._stop(where, "this alias refers to itself; YAML recursion is not allowed in an outline")
            return Scalar(where, "", "", "null")
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return Seq(where, tuple(self.walk(item, depth + 1) for item in node.value))
            assert isinstance(node, MappingNode)
            return self._mapping(node, where, depth)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: MappingNode, where: Where, depth: int) -> Map:
        entries: list[tuple[Scalar, Node]] = []
        seen: dict[str, Scalar] = {}
        for key_node, value_node in node.value:
            key = self.walk(key_node, depth + 1)
            value = self.walk(value_node, depth + 1)
            if self.stopped:
                break
            if not isinstance(key, Scalar) or key.is_null and key.text == "":
                self.problems.append(key.where.error("a key must be plain text, like `title:`"))
                continue
            if key.text in seen:
                first = seen[key.text]
                self.problems.append(key.where.error(
                    f"duplicate key `{cut(key.text)}` (first at line {first.where.line}); "
                    "keep one of them"))
                continue
            seen[key.text] = key
            entries.append((key, value))
        return Map(where, tuple(entries))

    def _stop(self, where: Where, message: str) -> None:
        self.problems.append(where.error(message))
        self.stopped = True
