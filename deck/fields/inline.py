"""Inline marks in text: **strong**, *emphasis*, `code`, [label](https://…) → spans."""

from __future__ import annotations

import re

from deck.model import Rich, Span
from deck.problems import Problem, Where, cut

_SCHEMES = ("https://", "http://", "mailto:")
_ESCAPABLE = "\\*`[]()_"
_MARKS = ("\\", "`", "*", "[")  # text without these is one plain span


def parse_inline(text: str, where: Where) -> tuple[Rich, list[Problem]]:
    """Return `text` split into spans by its marks, and problems (bad link targets).

    Unpaired marks stay literal text; `\\*` writes a literal star.
    """
    if not ("\\" in text or "`" in text or "*" in text or "[" in text):  # most text: one plain span (_MARKS)
        return Rich((Span(text, False, False, False, None),) if text else (), where), []
    problems: list[Problem] = []
    spans = _parse(text, where, problems, link=None)
    return Rich(tuple(_merge(spans)), where), problems


def _parse(text: str, where: Where, problems: list[Problem], link: str | None) -> list[Span]:
    if _PLAIN.match(text).end() == len(text):  # no marks at all (a link's label, most often)
        return [Span(text, False, False, False, link)] if text else []
    spans: list[Span] = []
    buf: list[str] = []
    strong = emphasis = False

    def flush() -> None:
        if buf:
            spans.append(Span("".join(buf), strong, emphasis, False, link))
            buf.clear()

    i, n = 0, len(text)
    ahead = _Ahead(text)
    while i < n:
        c = text[i]
        if c not in _MARKS:  # plain text up to the next mark, in one step
            plain = _PLAIN.match(text, i).end()
            buf.append(text[i:plain])
            i = plain
        elif c == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            buf.append(text[i + 1])
            i += 2
        elif c == "`" and (j := ahead.tick[i + 1]) > i + 1:
            flush()
            spans.append(Span(text[i + 1 : j], False, False, True, link))
            i = j + 1
        elif text.startswith("**", i) and (strong or ahead.double[i + 2] > i + 2):
            flush()
            strong = not strong
            i += 2
        elif c == "*" and (emphasis or ahead.single[i + 1] > i + 1):
            flush()
            emphasis = not emphasis
            i += 1
        elif c == "[" and link is None and (m := ahead.link(i)):
            flush()
            label, target, end = m
            if not target.startswith(_SCHEMES):
                problems.append(
                    where.error(
                        "F112",
                        f"link target `{cut(target)}` is not a web address; write it in full, "
                        "starting with https:// (or http://, mailto:)",
                    )
                )
            inner = _parse(label, where, problems, link=target)
            spans.extend(Span(s.text, s.strong or strong, s.emphasis or emphasis, s.code, target) for s in inner)
            i = end
        else:
            buf.append(c)
            i += 1
    flush()
    return spans


_PLAIN = re.compile(r"[^\\`*\[]*")  # text up to the next mark
_TICK, _DOUBLE, _STARS = re.compile("`"), re.compile(r"(?=\*\*)"), re.compile(r"\*+")
_CLOSE, _TARGET_END = re.compile(r"[\]\n]"), re.compile(r"[)\s]")


class _Ahead:
    """Where the next closing mark is, from every position of `text`, as tables built once
    from the marks' positions, so that parsing is linear in the text's length whatever marks it
    repeats (a search forward from every `[`, `*` or backtick would be quadratic in a run of
    them). Each table has two more entries than the text; -1 means "none"."""

    def __init__(self, text: str):
        n = len(text)
        self.text = text
        self.tick = _next(n, _positions(_TICK, text))  # next backtick at or after i
        self.double = _next(n, _positions(_DOUBLE, text))  # next `**` starting at or after i
        self.single = _singles(n, text)  # next single `*` a scan from i meets, stepping over `**` pairs
        self.close = _next(n, _positions(_CLOSE, text))  # next `]` or newline (where a link's label ends)
        self.target_end = _next(n, _positions(_TARGET_END, text))  # next `)` or white space (where a target ends)

    def link(self, i: int) -> tuple[str, str, int] | None:
        """Return `(label, target, end)` of a `[label](target)` link starting at `i`, else None."""
        text, close = self.text, self.close[i + 1]
        if close <= i + 1 or text[close] != "]" or not text.startswith("(", close + 1):
            return None
        end = self.target_end[close + 2]
        if end <= close + 2 or text[end] != ")":
            return None
        return text[i + 1 : close], text[close + 2 : end], end + 1


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and (out[-1].strong, out[-1].emphasis, out[-1].code, out[-1].link) == (
            span.strong,
            span.emphasis,
            span.code,
            span.link,
        ):
            out[-1] = Span(out[-1].text + span.text, span.strong, span.emphasis, span.code, span.link)
        else:
            out.append(span)
    return out


def _positions(pattern: re.Pattern, text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


def _next(n: int, positions: list[int]) -> list[int]:
    """A table of n + 2 entries: at each i, the first of `positions` at or after i, else -1."""
    table: list[int] = []
    for at in positions:
        table += [at] * (at + 1 - len(table))
    return table + [-1] * (n + 2 - len(table))


def _singles(n: int, text: str) -> list[int]:
    """At each i, where a scan from i stepping over `**` pairs meets a single `*`, else -1.
    In a run of k stars, a scan from its j-th star steps over pairs and meets the run's last star
    if k - j is odd; if even, it steps past the run and goes on as from the run's end."""
    runs = [(m.start(), m.end()) for m in _STARS.finditer(text)]
    after = [-1] * len(runs)  # what a scan from each run's end meets
    meets = -1
    for r in range(len(runs) - 1, -1, -1):
        start, end = runs[r]
        after[r] = meets
        meets = end - 1 if (end - start) % 2 else meets
    table: list[int] = []
    for (start, end), beyond in zip(runs, after):
        k = end - start
        entry = end - 1 if k % 2 else beyond
        table += [entry] * (start - len(table))
        table += ([beyond, end - 1] * (k // 2 + 1))[-k:]
    return table + [-1] * (n + 2 - len(table))
