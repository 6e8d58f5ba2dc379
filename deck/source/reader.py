"""Read YAML into located values (the only module that reads YAML), within bounded cost."""

from __future__ import annotations

import re
from pathlib import Path

from deck.frozen import frozen, replace
from deck.problems import Problem, Where, cut
from deck.source.encoding import check_characters, decode
from deck.source.keys import checked_map
from deck.source.limits import DEFAULT_LIMITS, Limits, Stop, over_totals, too_deep, too_large, too_long
from deck.source.located import Map, Node, Scalar, Seq
from deck.source.patterns import compiled_on_first_use
from deck.source.traps import (
    bad_escapes,
    escape_problem,
    explain_parse_error,
    explain_reader_error,
    find_bad_character,
    folded_dash,
    folded_dash_message,
    line_col,
)

with compiled_on_first_use("yaml"):  # 4 ms of its import, for patterns a build seldom uses
    import yaml
    from yaml.events import (
        AliasEvent,
        DocumentEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

# libyaml's parser is ~20× faster than PyYAML's pure-Python one and streams events without
# recursion; either way we compose the events ourselves, so every limit is checked as we go.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CORE_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "str",  # resolved by the YAML 1.1 resolver; text to us
    "tag:yaml.org,2002:merge": "str",  # a plain `<<` (refused as a key below)
    "tag:yaml.org,2002:value": "str",  # a plain `=`
}
_COLLECTION_TAGS = {SequenceNode: "tag:yaml.org,2002:seq", MappingNode: "tag:yaml.org,2002:map"}


def load_yaml(path: Path, shown: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Node | None, list[Problem]]:
    """Read the YAML file at `path`; locations name it as `shown`.

    Returns the located document (None when it cannot be read, or a limit stopped the reading)
    and the problems found. Never raises for anything in the file; an unreadable file is a
    problem at line 0.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.file_bytes + 1)
    except OSError as exc:
        return None, [Where(shown).error("S101", f"cannot read the file: {exc.strerror or exc}")]
    return load_yaml_bytes(data, shown, limits)


def load_yaml_bytes(data: bytes, shown: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Node | None, list[Problem]]:
    """Like `load_yaml`, for bytes already read."""
    if len(data) > limits.file_bytes:
        return None, [too_large(shown, limits)]
    text, problem = decode(data, shown)
    if problem:
        return None, [problem]
    problems = check_characters(text, shown)
    if problems:
        return None, problems
    composer = _Composer(text, shown, limits)
    try:
        node = composer.compose()
    except Stop as stop:
        return None, [stop.problem]
    return node, composer.problems


def _where(shown: str, mark) -> Where:
    return Where(shown, mark.line + 1, mark.column + 1)


class _Open:
    """A list or mapping whose items are still being read: its `kind` (Seq or Map), where it
    starts (and the parser's start `mark`), its anchor, the `items` read so far, and what is
    inside it, counting repeats through aliases: `size` values, `height` levels of nesting and
    `chars` characters of text."""

    __slots__ = ("kind", "where", "mark", "anchor", "items", "flow", "size", "height", "chars")

    def __init__(self, kind, where, mark, anchor, items, flow=False, size=1, height=1, chars=0):
        self.kind, self.where, self.mark, self.anchor, self.items, self.flow = kind, where, mark, anchor, items, flow
        self.size, self.height, self.chars = size, height, chars


@frozen
class _Anchored:
    """A value an anchor names, with what each alias to it adds to the counts."""

    node: Node
    size: int
    height: int
    chars: int


class _Composer:
    """Builds located values from the parser's events, iteratively, checking tags, keys and limits."""

    def __init__(self, text: str, shown: str, limits: Limits):
        self.text, self.shown, self.limits = text, shown, limits
        self.problems: list[Problem] = []
        self.count = 0
        self.chars = 0
        self.anchors: dict[str, _Anchored] = {}
        self.stack: list[_Open] = []
        self.last = None  # start mark of the value read last, to explain a parse error after it
        self.loader = None

    def compose(self) -> Node | None:
        try:
            loader = self.loader = _LOADER(self.text)
        except yaml.reader.ReaderError as exc:  # PyYAML's reader checks characters up front
            raise Stop(explain_reader_error(exc, self.text, self.shown, bytes_offset=False)) from None
        try:
            return self._document(loader)
        except yaml.reader.ReaderError as exc:
            raise Stop(explain_reader_error(exc, self.text, self.shown, _LOADER is not yaml.SafeLoader)) from None
        except yaml.MarkedYAMLError as exc:
            raise Stop(explain_parse_error(exc, self.text, self.shown, self.last)) from None
        except ValueError:  # PyYAML's pure-Python scanner meets an escape beyond U+10FFFF
            index = next(
                (m.start() for m in re.finditer(r"\\U([0-9A-Fa-f]{8})", self.text) if int(m.group(1), 16) > 0x10FFFF), 0
            )
            line, col = line_col(self.text, index)
            raise Stop(
                Where(self.shown, line, col).error(
                    "S111",
                    escape_problem(self.text, index) or "YAML cannot read this escape; check the value's backslashes",
                )
            ) from None
        finally:
            loader.dispose()

    def _document(self, loader) -> Node | None:
        loader.get_event()  # stream start
        if loader.check_event(StreamEndEvent):
            self.problems.append(
                Where(self.shown, 1, 1).error(
                    "S105", "the file is empty; expected a mapping with at least `title` and `slides`"
                )
            )
            return None
        loader.get_event()  # document start
        root = None
        while not loader.check_event(DocumentEndEvent):
            root = self._event(loader.get_event()) or root
        loader.get_event()
        if not loader.check_event(StreamEndEvent):
            mark = loader.get_event().start_mark
            raise Stop(
                _where(self.shown, mark).error(
                    "S106", "an outline is one YAML document; remove this `---` separator and what follows"
                )
            )
        return root

    def _event(self, event) -> Node | None:
        """Take one event; return the root value once it is complete."""
        where = _where(self.shown, event.start_mark)
        if isinstance(event, ScalarEvent):
            scalar = self._scalar(event, where)
            self._count(1, len(scalar.text), where)
            return self._add(scalar, 1, 1, len(scalar.text), event.anchor, event.start_mark)
        if isinstance(event, AliasEvent):
            used = self._alias(event, where)
            self._count(used.size, used.chars, where)
            return self._add(used.node, used.size, used.height, used.chars, None, event.start_mark, where)
        if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
            if len(self.stack) >= self.limits.depth:
                raise too_deep(where, self.limits)
            node_type = SequenceNode if isinstance(event, SequenceStartEvent) else MappingNode
            self._check_tag(event.tag, _COLLECTION_TAGS[node_type], where)
            self._count(1, 0, where)
            self.stack.append(
                _Open(
                    Seq if node_type is SequenceNode else Map,
                    where,
                    event.start_mark,
                    event.anchor,
                    [],
                    bool(event.flow_style),
                )
            )
            return None
        done = self.stack.pop()  # a sequence or mapping ends
        if done.kind is Seq:
            value = Seq(done.where, tuple(done.items))
        else:
            value = checked_map(done.where, done.items, done.flow, self.limits.key_chars, self.problems)
        return self._add(value, done.size, done.height, done.chars, done.anchor, done.mark)

    def _add(self, node: Node, size: int, height: int, chars: int, anchor: str | None, mark, alias=None):
        """Put a finished value, holding `size` values over `height` levels and `chars` characters
        of text, in its parent; `mark` is where it starts. A value that an `alias` (a Where)
        repeats is located there (the values inside it stay at their anchor), so that what is
        wrong with this use of it, such as a slide id used twice, is reported where it is used."""
        self.last = mark
        if anchor is not None:
            self.anchors[anchor] = _Anchored(node, size, height, chars)
        if alias is not None:
            node = replace(node, where=alias)
        where = node.where
        if not self.stack:
            return node
        parent = self.stack[-1]
        parent.items.append(node)
        parent.size += size
        parent.chars += chars
        parent.height = max(parent.height, height + 1)
        if len(self.stack) + height > self.limits.depth + 1:
            raise too_deep(where, self.limits, through_aliases=True)
        return None

    def _count(self, size: int, chars: int, where: Where) -> None:
        self.count += size
        self.chars += chars
        if self.chars > self.limits.text_chars or self.count > self.limits.nodes:
            raise over_totals(self.count, self.chars, self.limits, where)

    def _scalar(self, event: ScalarEvent, where: Where) -> Scalar:
        value, style = event.value, event.style or ""
        if len(value) > self.limits.scalar_chars:
            raise too_long(value, self.limits, where)
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(ScalarNode, value, event.implicit)
        checked = self._check_tag(tag, "tag:yaml.org,2002:str", where)
        if checked != tag:  # refused: keep the tag as text, so no second error says the value is empty
            value, style = self.text[event.start_mark.index : event.end_mark.index], ""
        tag = checked
        if style == '"' and find_bad_character(value, 0) >= 0:
            self._escapes(event, value)
        comment = self._trailing_comment(event.end_mark) if style == "" else None
        if style == "" and event.end_mark.line > event.start_mark.line:
            self._folded_dash(event, value)
        return Scalar(where, value, style, CORE_TAGS.get(tag, "str"), comment)

    def _check_tag(self, tag: str | None, default: str, where: Where) -> str:
        if tag is None or tag == "!" or tag in CORE_TAGS or tag in _COLLECTION_TAGS.values():
            return tag or default
        self.problems.append(
            where.error(
                "S112",
                f"YAML reads `{cut(tag.replace('tag:yaml.org,2002:', '!!'))}` as a tag, which outlines do not use; "
                "if the `!` is part of the text, put the whole value in quotes, else remove the tag",
            )
        )
        return default

    def _escapes(self, event: ScalarEvent, value: str) -> None:
        """Report each escape in a double-quoted value that makes a character a slide cannot hold."""
        for index, message in bad_escapes(self.text, event.start_mark.index, event.end_mark.index):
            line, col = line_col(self.text, index)
            self.problems.append(Where(self.shown, line, col).error("S111", message))

    def _folded_dash(self, event: ScalarEvent, value: str) -> None:
        """Warn at a line of a plain value that starts with `- ` (YAML folds it into the text)."""
        place = folded_dash(self.text, event.start_mark.index, event.end_mark.index)
        if place is not None:
            where = Where(self.shown, event.start_mark.line + 1 + place[0], place[1])
            self.problems.append(where.warning("S131", folded_dash_message(value)))

    def _trailing_comment(self, end) -> tuple[Where, str] | None:
        """A comment one space after a plain value (`Use C # here`) usually meant to be text."""
        i = end.index
        if self.text[i : i + 2] != " #":
            return None
        stop = min(n for n in (self.text.find("\n", i), self.text.find("\r", i), len(self.text)) if n >= 0)
        return Where(self.shown, end.line + 1, end.column + 2), self.text[i + 1 : stop]

    def _alias(self, event: AliasEvent, where: Where) -> _Anchored:
        name = event.anchor
        if any(frame.anchor == name for frame in self.stack):
            raise Stop(
                where.error(
                    "S115",
                    f"the alias `*{cut(name, 40)}` refers to the value it is inside; "
                    "YAML recursion is not allowed in an outline",
                )
            )
        if name not in self.anchors:
            example = '"**strong** text"' if self.text.startswith("**", event.start_mark.index) else '"*emphasis* text"'
            self.problems.append(
                where.error(
                    "S113",
                    f"a value starting with `*` is read by YAML as an alias (`*{cut(name, 40)}` names no anchor); "
                    f"put the whole value in quotes, e.g. {example}",
                )
            )
            return _Anchored(Scalar(where, "*" + name, "", "str"), 1, 1, len(name) + 1)
        return self.anchors[name]
