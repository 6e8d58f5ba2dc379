"""Inline marks in text: **strong**, *emphasis*, `code`, [label](https://…) → spans."""

from __future__ import annotations

import re

from deck.model import Rich, Span
from deck.problems import Problem, Where, cut

_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_SCHEMES = ("https://", "http://", "mailto:")
_ESCAPABLE = "\\*`[]()_"


def parse_inline(text: str, where: Where) -> tuple[Rich, list[Problem]]:
    """Return `text` split into spans by its marks, and problems (bad link targets).

    Unpaired marks stay literal text; `\\*` writes a literal star.
    """
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
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            buf.append(text[i + 1])
            i += 2
        elif c == "`" and (j := text.find("`", i + 1)) > i + 1:
            flush()
            spans.append(Span(text[i + 1 : j], False, False, True, link))
            i = j + 1
        elif text.startswith("**", i) and (strong or text.find("**", i + 2) > i + 2):
            flush()
            strong = not strong
            i += 2
        elif c == "*" and (emphasis or _closing_star(text, i + 1) > i + 1):
            flush()
            emphasis = not emphasis
            i += 1
        elif c == "[" and link is None and (m := _LINK.match(text, i)):
            flush()
            target = m.group(2)
            if not target.startswith(_SCHEMES):
                problems.append(
                    where.error(
                        "F112",
                        f"link target `{cut(target)}` is not a web address; write it in full, "
                        "starting with https:// (or http://, mailto:)",
                    )
                )
            inner = _parse(m.group(1), where, problems, link=target)
            spans.extend(Span(s.text, s.strong or strong, s.emphasis or emphasis, s.code, target) for s in inner)
            i = m.end()
        else:
            buf.append(c)
            i += 1
    flush()
    return spans


def _closing_star(text: str, start: int) -> int:
    """Return the index of the next single `*` (not part of `**`) after `start`, or -1."""
    i = start
    while (i := text.find("*", i)) != -1:
        if text.startswith("**", i):
            i += 2
            continue
        return i
    return -1


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
