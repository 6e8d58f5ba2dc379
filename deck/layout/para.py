"""Paragraphs before fitting: their runs, text role and bullet level; the runs of inline text,
and runs cut to a stretch of their text or broken by hand."""

from __future__ import annotations

from deck import model as m
from deck.frozen import frozen, replace
from deck.layout.page import Run


@frozen
class Para:
    """A paragraph before fitting: its runs, the theme text role it takes and its bullet level."""

    runs: tuple[Run, ...]
    role: str
    level: int = 0
    align: str = "left"


def slice_runs(runs: tuple[Run, ...], start: int, end: int) -> tuple[Run, ...]:
    """Return the runs of the paragraph's text[start:end]."""
    out, at = [], 0
    for run in runs:
        a, b = max(start, at), min(end, at + len(run.text))
        if a < b:
            out.append(replace(run, text=run.text[a - at : b - at]))
        at += len(run.text)
    return tuple(out)


def break_runs(runs: tuple[Run, ...], cuts: list[int]) -> tuple[Run, ...]:
    """Return the runs with a line break ('\\n') inserted before each position of `cuts`."""
    out, at = [], 0
    for run in runs:
        text = run.text
        for cut in reversed([c - at for c in cuts if at < c <= at + len(run.text)]):
            text = text[:cut] + "\n" + text[cut:]
        out.append(replace(run, text=text))
        at += len(run.text)
    return tuple(out)


def runs_of(rich: m.Rich) -> tuple[Run, ...]:
    """Return the page runs of inline text: strong → bold (accent colour), emphasis → italic."""
    return tuple(Run(s.text, bold=s.strong, italic=s.emphasis, code=s.code, link=s.link) for s in rich.spans)


def plain(text: str, **marks) -> tuple[Run, ...]:
    return (Run(text, **marks),)
