"""Inline marks in text: **strong**, *emphasis*, `code`, [label](https://…) → spans."""

from __future__ import annotations

from deck.model import Rich, Span
from deck.problems import Problem, Where, cut

_SCHEMES = ("https://", "http://", "mailto:")
_ESCAPABLE = "\\*`[]()_"
_MARKS = ("\\", "`", "*", "[")  # text without these is one plain span


def parse_inline(text: str, where: Where) -> tuple[Rich, list[Problem]]:
    """Return `text` split into spans by its marks, and problems (bad link targets).

    Unpaired marks stay literal text; `\\*` writes a literal star.
    """
    if not any(mark in text for mark in _MARKS):  # most text: one plain span, nothing to parse
        return Rich((Span(text, False, False, False, None),) if text else (), where), []
    problems: list[Problem] = []
    spans = _parse(text, where, problems, link=None)
    return Rich(tuple(_merge(spans)), where), problems


def _parse(text: str, where: Where, problems: list[Problem], link: str | None) -> list[Span]:
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
        if c == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
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


class _Ahead:
    """Where the next closing mark is, from every position of `text`, found in one pass from
    the end, so that parsing is linear in the text's length whatever marks it repeats (a
    search forward from every `[`, `*` or backtick would be quadratic in a run of them).
    Each table has one more entry than the text; -1 means "none"."""

    def __init__(self, text: str):
        n = len(text)
        self.text = text
        self.tick = [-1] * (n + 2)  # next backtick at or after i
        self.double = [-1] * (n + 2)  # next `**` starting at or after i
        self.single = [-1] * (n + 2)  # next single `*` a scan from i meets, stepping over `**` pairs
        self.close = [-1] * (n + 2)  # next `]` or newline at or after i (where a link's label ends)
        self.target_end = [-1] * (n + 2)  # next `)` or white space at or after i (where a target ends)
        for i in range(n - 1, -1, -1):
            c = text[i]
            self.tick[i] = i if c == "`" else self.tick[i + 1]
            pair = c == "*" and i + 1 < n and text[i + 1] == "*"
            self.double[i] = i if pair else self.double[i + 1]
            self.single[i] = self.single[i + 2] if pair else (i if c == "*" else self.single[i + 1])
            self.close[i] = i if c in "]\n" else self.close[i + 1]
            self.target_end[i] = i if c == ")" or c.isspace() else self.target_end[i + 1]

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
