"""How display text's lines are chosen once its size is fitted: the width its lines are set to
(balanced, breaking between phrases, no lone last character) and, where no width does, line
breaks written by hand between phrases (deck.layout.phrases decides where text may break)."""

from __future__ import annotations

from deck.frozen import replace
from deck.layout.measure import Measure
from deck.layout.para import Para, break_runs, slice_runs
from deck.layout.phrases import at_phrases, breaks, choose_narrowing, is_display, lone_last, phrase_lines


def narrowing(m: Measure, para: Para, size: int, width: int, spare: int = 0) -> int:
    """Return how much narrower (EMU) the lines of `para` are set in a text column `width`
    wide: balanced display text breaking between phrases (taking up to `spare` more lines),
    no lone last CJK character (deck.layout.phrases); 0 for text that needs nothing."""
    text = "".join(r.text for r in para.runs)
    indent = m.indent(para.level, size)
    if width - indent <= 0 or not text.strip():
        return 0
    return choose_narrowing(
        text,
        para.level,
        width - indent,
        size,
        lambda w: m.wrapped(para, size, w),
        lambda w: m.lines(para, size, width, narrow=width - indent - w),
        spare,
    )


def by_phrases(m: Measure, para: Para, size: int, width: int, narrow: int, spare: int) -> Para | None:
    """Return display text `para` broken by hand between phrases ('\\n' in its runs) where
    its lines, `narrow` EMU narrower than `width`, still break inside one; None where they
    do not, or where breaking by hand takes more than `spare` more lines or splits a phrase
    (deck.layout.phrases)."""
    text = "".join(r.text for r in para.runs)
    if not is_display(text, para.level):
        return None
    usable = width - m.indent(para.level, size)
    now = m.wrapped(para, size, usable - narrow)
    if at_phrases(text, breaks(text, now)) and not lone_last(now[-1]):
        return None

    def fits(line: str) -> bool:
        start = text.index(line)
        one = replace(para, runs=slice_runs(para.runs, start, start + len(line.rstrip(" "))))
        return m.lines(one, size, width) == 1

    lines = phrase_lines(text, fits)
    counted = max(len(now), m.lines(para, size, width, narrow=narrow))  # fitting counted the safe lines
    if lines is None or len(lines) > counted + spare or lone_last(lines[-1]):
        return None
    cuts, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        cuts.append(at)
    return replace(para, runs=break_runs(para.runs, cuts))
