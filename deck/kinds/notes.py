"""Speaker notes in their shape: paragraphs at blank lines, `- ` lines as list items.

Notes are read as one piece of inline text (so `**strong**` and links may cross a line
break); this splits it into `Note` paragraphs. A line starting with `- ` begins a list item
(indented by two spaces or more: an item under the one before). A line that is neither blank
nor an item continues the paragraph before it, or the item before it when indented under the
item's `-` (unlike Markdown, an unindented line after a list starts a new paragraph); lines
are joined as Markdown joins them (a space between Latin words, nothing between CJK).
"""

from __future__ import annotations

import re

from deck import model as m

_ITEM = re.compile(r"([ \t]*)- +")


def split_notes(rich: m.Rich) -> tuple[m.Note, ...]:
    """Return the notes `rich` as paragraphs and list items, in order (empty ones dropped)."""
    notes: list[tuple[int, list[m.Span]]] = []
    current: list[m.Span] | None = None
    marker = -1  # the indent of the current item's `-` (-1: not in an item)
    for line in _lines(rich.spans):
        text = "".join(s.text for s in line)
        if not text.strip():
            current, marker = None, -1
            continue
        item = _ITEM.match(line[0].text) if not line[0].code else None
        indent = len(text.expandtabs(2)) - len(text.expandtabs(2).lstrip())
        if item:
            depth = 2 if indent >= 2 else 1
            line = [_with(line[0], line[0].text[item.end() :]), *line[1:]]
            current, marker = [], indent
            notes.append((depth, current))
        elif current is None or (marker >= 0 and indent <= marker):  # not indented under the item: ends it
            current, marker = [], -1
            notes.append((0, current))
        else:
            before, after = "".join(s.text for s in current).rstrip(), text.lstrip()
            if before and after and before[-1].isascii() and after[0].isascii():
                last, first = current[-1], next(s for s in line if s.text.strip())
                same = _marks(last) == _marks(first)
                _add(current, _with(last, " ") if same else m.Span(" "))
        _extend(current, line)
    return tuple(
        m.Note(tuple(spans), rich.where, depth) for depth, spans in notes if "".join(s.text for s in spans).strip()
    )


def _lines(spans: tuple[m.Span, ...]) -> list[list[m.Span]]:
    """Return the spans cut at line breaks: one list of spans per source line."""
    lines: list[list[m.Span]] = [[]]
    for span in spans:
        for i, part in enumerate(span.text.split("\n")):
            if i:
                lines.append([])
            lines[-1].append(_with(span, part))
    return [line if line else [m.Span("")] for line in lines]


def _extend(spans: list[m.Span], line: list[m.Span]) -> None:
    """Append a line's spans (its edges' white space trimmed) to a paragraph's, merging a
    span into the one before when their marks are the same."""
    line = [s for s in line if s.text]
    if line:
        line[0] = _with(line[0], line[0].text.lstrip())
        line[-1] = _with(line[-1], line[-1].text.rstrip())
    for span in line:
        _add(spans, span)


def _add(spans: list[m.Span], span: m.Span) -> None:
    """Append `span`, merged into the last span when their marks are the same."""
    if not span.text:
        return
    last = spans[-1] if spans else None
    if last and _marks(last) == _marks(span):
        spans[-1] = _with(last, last.text + span.text)
    else:
        spans.append(span)


def _marks(span: m.Span) -> tuple:
    return span.strong, span.emphasis, span.code, span.link


def _with(span: m.Span, text: str) -> m.Span:
    return m.Span(text, span.strong, span.emphasis, span.code, span.link)
