"""Fitting text into boxes: measure paragraphs at a size, shrink in steps, report what changed."""

from __future__ import annotations

import re
from dataclasses import replace

from deck import model as m
from deck.frozen import frozen
from deck.layout.linebreak import wrap
from deck.layout.metrics import text_width, uncovered
from deck.layout.page import Box, Paragraph, Run, TextFrame
from deck.layout.phrases import at_phrases, breaks, choose_narrowing, is_display, lone_last, phrase_lines
from deck.problems import Problem, Where
from deck.theme import Theme
from deck.units import EMU_PER_PT

_WORD = re.compile(r"[^\s\u2e80-\u9fff\uac00-\ud7af\u3000-\u303f\uff00-\uffef]+")
STEP = 2 * EMU_PER_PT  # shrink in steps of two points, so shrunk slides share sizes
BULLET_INDENT = 1.0  # a level-1 bullet's text starts this many ems in
SUB_INDENT = 2.0  # a level-2 bullet's text starts this many ems in


@frozen
class Para:
    """A paragraph before fitting: its runs, the theme text role it takes and its bullet level."""

    runs: tuple[Run, ...]
    role: str
    level: int = 0
    align: str = "left"


class Fitter:
    """Measures and fits text for one theme, and says (as returned warnings) what it changed.

    Its only state is memos of measurements, which never change a result."""

    def __init__(self, theme: Theme):
        self.theme = theme
        # Memos for this layout (perf, issue 7): one-line widths by (text, face, size, bold),
        # and which characters some theme font has or lacks.
        self._widths: dict[tuple, int] = {}
        self._covered: set[str] = set()
        self._missing: set[str] = set()

    # ---- sizes ---------------------------------------------------------------------------

    def size(self, role: str, step: int = 0) -> int:
        """Return role `role`'s size after `step` shrink steps (never below its minimum), EMU."""
        style = self.theme.text[role]
        return max(style.min_size, style.size - step * STEP)

    def max_steps(self, roles) -> int:
        """Return how many steps it takes until every role in `roles` is at its minimum."""
        styles = [self.theme.text[r] for r in roles]
        return max(-(-(s.size - s.min_size) // STEP) for s in styles)

    def pitch(self, size: int) -> int:
        return round(size * self.theme.line_spacing)

    def inset(self, role: str) -> int:
        """Inner margin of a text box holding role `role`: a fifth of its size, EMU."""
        return self.theme.text[role].size // 5

    def usable(self, width: int) -> int:
        """Return the width text may fill in a line `width` EMU wide, after the safety margin."""
        return int(width * (1 - self.theme.safety))

    # ---- measuring -----------------------------------------------------------------------

    def lines(
        self, para: Para, size: int, width: int, safe: bool = True, whole_words: bool = False, narrow: int = 0
    ) -> int:
        """Return the line count of `para` at `size` in a text column `width` EMU wide, its
        lines `narrow` EMU narrower: with `safe`, as if lines were the theme's safety margin
        narrower (what fitting uses); without, what a viewer with the theme's fonts shows. With
        `whole_words` (and `safe`), a size at which a Latin word must be split does not fit
        (10,000 lines), so fitting shrinks before it breaks words; its last step allows it."""
        indent = self.indent(para.level, size)
        usable = self.usable(width - indent - narrow) if safe else width - indent - narrow
        if usable <= 0:
            return 10_000
        if whole_words and safe and self._splits_a_word(para, size, usable):
            return 10_000
        return len(self._wrap(para, size, usable))

    def _wrap(self, para: Para, size: int, usable: int) -> list[str]:
        style = self.theme.text[para.role]
        return wrap(
            para.runs,
            self.theme.face(para.role),
            size,
            usable,
            bold=style.bold,
            italic=style.italic,
            code=self.theme.fonts["code"],
        )

    def narrowing(self, para: Para, size: int, width: int, spare: int = 0) -> int:
        """Return how much narrower (EMU) the lines of `para` are set in a text column `width`
        wide: balanced display text breaking between phrases (taking up to `spare` more lines),
        no lone last CJK character (deck.layout.phrases); 0 for text that needs nothing."""
        text = "".join(r.text for r in para.runs)
        indent = self.indent(para.level, size)
        if width - indent <= 0 or not text.strip():
            return 0
        return choose_narrowing(
            text,
            para.level,
            width - indent,
            size,
            lambda w: self._wrap(para, size, w),
            lambda w: self.lines(para, size, width, narrow=width - indent - w),
            spare,
        )

    def by_phrases(self, para: Para, size: int, width: int, narrow: int, spare: int) -> Para | None:
        """Return display text `para` broken by hand between phrases ('\\n' in its runs) where
        its lines, `narrow` EMU narrower than `width`, still break inside one; None where they
        do not, or where breaking by hand takes more than `spare` more lines or splits a phrase
        (deck.layout.phrases)."""
        text = "".join(r.text for r in para.runs)
        if not is_display(text, para.level):
            return None
        usable = width - self.indent(para.level, size)
        now = self._wrap(para, size, usable - narrow)
        if at_phrases(text, breaks(text, now)) and not lone_last(now[-1]):
            return None

        def fits(line: str) -> bool:
            start = text.index(line)
            one = replace(para, runs=_slice(para.runs, start, start + len(line.rstrip(" "))))
            return self.lines(one, size, width) == 1

        lines = phrase_lines(text, fits)
        if lines is None or len(lines) > len(now) + spare or lone_last(lines[-1]):
            return None
        cuts, at = [], 0
        for line in lines[:-1]:
            at += len(line)
            cuts.append(at)
        return replace(para, runs=_break_at(para.runs, cuts))

    def _splits_a_word(self, para: Para, size: int, usable: int) -> bool:
        style = self.theme.text[para.role]
        for run in para.runs:
            face = self.theme.fonts["code"] if run.code else self.theme.face(para.role)
            for word in _WORD.findall(run.text):
                if len(word) > 1 and self._text_width(word, face, size, style.bold or run.bold) > usable:
                    return True
        return False

    def _text_width(self, text: str, face, size: int, bold: bool) -> int:
        key = (text, face, size, bold)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = text_width(text, face, size, bold=bold)
        return width

    def width(self, text: str, role: str, size: int) -> int:
        """Return the width of one line of `text` in role `role` at `size`, EMU (no safety)."""
        style = self.theme.text[role]
        return self._text_width(text, self.theme.face(role), size, style.bold)

    def indent(self, level: int, size: int) -> int:
        return {0: 0, 1: round(BULLET_INDENT * size), 2: round(SUB_INDENT * size)}[level]

    def height(
        self, paras: list[Para], sizes: dict[str, int], width: int, inset: int, whole_words: bool = False
    ) -> int:
        """Return the height `paras` take in a box `width` wide with inner margin `inset`, EMU
        (`whole_words` as for `lines`)."""
        total = 2 * inset
        for i, para in enumerate(paras):
            size = sizes[para.role]
            if i:
                total += self.space_before(size)
            total += self.lines(para, size, width - 2 * inset, whole_words=whole_words) * self.pitch(size)
        return total

    def space_before(self, size: int) -> int:
        return round(size * self.theme.paragraph_spacing)

    # ---- fitting -------------------------------------------------------------------------

    def fit(
        self,
        paras: list[Para],
        box: Box,
        *,
        name: str,
        anchor: str = "top",
        slot: str | None = None,
        fill: str | None = None,
        inset: int | None = None,
        step: int = 0,
    ) -> TextFrame | None:
        """Return a frame with `paras` at the largest step ≥ `step` that fits `box`, or None."""
        roles = sorted({p.role for p in paras})
        inset = self.inset(roles[0]) if inset is None else inset
        last = self.max_steps(roles)
        for k in range(step, last + 1):
            sizes = {r: self.size(r, k) for r in roles}
            if self.height(paras, sizes, box.w, inset, whole_words=k < last) <= box.h:
                return self.frame(paras, box, sizes, name=name, anchor=anchor, slot=slot, fill=fill, inset=inset)
        return None

    def fits_at_theme_size(self, paras: list[Para], box: Box) -> bool:
        """Return whether `paras` fit `box` at their roles' theme sizes (words may break where
        nothing else can: a URL longer than the line breaks at any size)."""
        roles = sorted({p.role for p in paras})
        return self.height(paras, {r: self.size(r) for r in roles}, box.w, self.inset(roles[0])) <= box.h

    def frame(
        self,
        paras: list[Para],
        box: Box,
        sizes: dict[str, int],
        *,
        name: str,
        anchor: str = "top",
        slot: str | None = None,
        fill: str | None = None,
        inset: int | None = None,
        group: str | None = None,
    ) -> TextFrame:
        """Return the frame of `paras` at `sizes` (role → EMU) in `box`, without checking fit."""
        first = paras[0].role
        inset = self.inset(first) if inset is None else inset
        style = self.theme.text[first]
        out, lines = [], 0
        room = box.h - self.height(paras, sizes, box.w, inset)  # display text may take one more line
        for i, para in enumerate(paras):
            size = sizes[para.role]
            spare = min(1, max(0, room // self.pitch(size)))
            before = self.lines(para, size, box.w - 2 * inset)
            narrow = self.narrowing(para, size, box.w - 2 * inset, spare)
            broken = self.by_phrases(para, size, box.w - 2 * inset, narrow, spare)
            if broken is not None:
                para, narrow = broken, 0
            room -= (self.lines(para, size, box.w - 2 * inset, narrow=narrow) - before) * self.pitch(size)
            lines += self.lines(para, size, box.w - 2 * inset, safe=False, narrow=narrow)
            own = self.theme.text[para.role]
            other = para.role != first
            out.append(
                Paragraph(
                    tuple(self._styled(r, para.role) for r in para.runs),
                    para.level,
                    para.align,
                    self.space_before(size) if i else 0,
                    self.indent(para.level, size),
                    size if size != sizes[first] else 0,
                    self.pitch(size) if size != sizes[first] else 0,
                    own.font if other and own.font != style.font else None,
                    own.color if other and own.color != style.color else None,
                    own.bold if other and own.bold != style.bold else None,
                    own.italic if other and own.italic != style.italic else None,
                    para.role,
                    narrow,
                )
            )
        return TextFrame(
            box,
            tuple(out),
            first,
            sizes[first],
            self.pitch(sizes[first]),
            style.font,
            style.color,
            style.bold,
            style.italic,
            anchor=anchor,
            inset=inset,
            slot=slot,
            name=name,
            lines=lines,
            fill=fill,
            group=group,
        )

    def _styled(self, run: Run, role: str) -> Run:
        if run.bold and run.color is None and not self.theme.text[role].bold:
            return replace(run, color="accent")
        return run

    def shrunk(self, where: Where, what: str, role: str, size: int) -> list[Problem]:
        """Return the warning, at `where`, that `what` was set at `size` below role `role`'s
        theme size (none when it was not)."""
        full = self.theme.text[role].size
        if size >= full:
            return []
        return [
            where.warning(
                "L108",
                f"{what} shrunk from {full / EMU_PER_PT:g} pt to {size / EMU_PER_PT:g} pt to fit; "
                "shorten it to keep the theme's size",
            )
        ]

    def coverage(self, rich_or_text, where: Where) -> list[Problem]:
        """Return a warning, at `where`, naming the characters of the text that no theme font
        has (viewers substitute another font, whose widths differ); none when every one is covered."""
        text = rich_or_text.plain if isinstance(rich_or_text, m.Rich) else rich_or_text
        chars = dict.fromkeys(text)
        new = [c for c in chars if c not in self._covered and c not in self._missing]
        if new:  # look up each distinct character once per layout
            lacking = set(uncovered("".join(new), self.theme.fonts.values()))
            self._missing |= lacking
            self._covered.update(c for c in new if c not in lacking)
        missing = [c for c in chars if c in self._missing]
        if not missing:
            return []
        shown = " ".join(f"{c} (U+{ord(c):04X})" for c in dict.fromkeys(missing))
        return [
            where.warning(
                "L110",
                f"no theme font has {shown}; viewers will draw it with another font, which may "
                "look different and change the fit",
            )
        ]


def _slice(runs: tuple[Run, ...], start: int, end: int) -> tuple[Run, ...]:
    """Return the runs of the paragraph's text[start:end]."""
    out, at = [], 0
    for run in runs:
        a, b = max(start, at), min(end, at + len(run.text))
        if a < b:
            out.append(replace(run, text=run.text[a - at : b - at]))
        at += len(run.text)
    return tuple(out)


def _break_at(runs: tuple[Run, ...], cuts: list[int]) -> tuple[Run, ...]:
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
