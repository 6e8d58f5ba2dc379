"""Fitting text into boxes: the size each text role takes in a box (shrunk in steps, or grown),
the frame of fitted paragraphs, and what changed (warnings).

Balanced pages: body text that may grow (`grow=True`: bullets, paragraphs, the agenda and the
references) is set at the largest size up to its role's theme `max` at which it fills at most
GROW_FILL of its box, and centred in it (anchored middle); at its theme size, it is centred
when it fills less than CENTRE_FILL of its box. So no page holds its text in the top third.

Measuring is deck.layout.measure's, the lines of display text deck.layout.display's; the
paragraphs fitted are deck.layout.para's (exported here too).
"""

from __future__ import annotations

from deck import model as m
from deck.frozen import replace
from deck.layout.display import by_phrases, narrowing
from deck.layout.measure import CENTRE_FILL, STEP, Measure
from deck.layout.metrics import uncovered
from deck.layout.page import Box, Paragraph, Run, TextFrame
from deck.layout.para import Para, plain, runs_of
from deck.layout.phrases import is_display, lone_last
from deck.problems import Problem, Where
from deck.theme import Theme
from deck.units import EMU_PER_PT

__all__ = ["CENTRE_FILL", "GROW_FILL", "STEP", "Fitter", "Para", "plain", "runs_of"]

GROW_FILL = 0.8  # body text grows only while it fills at most this much of its box


class Fitter(Measure):
    """Measures and fits text for one theme, and says (as returned warnings) what it changed.

    Its only state is memos of measurements, which never change a result."""

    def __init__(self, theme: Theme):
        super().__init__(theme)
        # which characters some theme font has or lacks (perf, issue 7)
        self._covered: set[str] = set()
        self._missing: set[str] = set()

    def narrowing(self, para: Para, size: int, width: int, spare: int = 0) -> int:
        """deck.layout.display.narrowing with this fitter's measurements."""
        return narrowing(self, para, size, width, spare)

    def by_phrases(self, para: Para, size: int, width: int, narrow: int, spare: int) -> Para | None:
        """deck.layout.display.by_phrases with this fitter's measurements."""
        return by_phrases(self, para, size, width, narrow, spare)

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
        grow: bool = False,
    ) -> TextFrame | None:
        """Return a frame with `paras` at the largest step ≥ `step` that fits `box`, or None.
        With `grow`, a body that holds little first grows and is centred (module docstring)."""
        roles = [paras[0].role] if len(paras) == 1 else sorted({p.role for p in paras})
        inset = self.inset(roles[0]) if inset is None else inset
        grows = range(self.grow_steps(roles), 0, -1) if grow and step == 0 else ()
        for g in grows:
            sizes = {r: self.grown(r, g) for r in roles}
            height = self.height(paras, sizes, box.w, inset, whole_words=True)
            if height <= box.h * GROW_FILL:
                return self.frame(paras, box, sizes, name=name, anchor="middle", slot=slot, fill=fill, inset=inset)
        last = self.max_steps(roles)
        for k in range(step, last + 1):
            sizes = {r: self.size(r, k) for r in roles}
            if self.height(paras, sizes, box.w, inset, whole_words=k < last) <= box.h:
                anchor = self.balanced(paras, sizes, box, inset) if grow else anchor
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
        width = box.w - 2 * inset
        room = box.h - self.height(paras, sizes, box.w, inset)  # display text may take more lines
        for i, para in enumerate(paras):
            size = sizes[para.role]
            if self.one_line(para, size, width):  # as below gives, without asking (`one_line`)
                narrow = 0
                lines += 1
            else:
                before = self.lines(para, size, width)
                spare = max(0, room // self.pitch(size))
                narrow = narrowing(self, para, size, width, spare)
                broken = by_phrases(self, para, size, width, narrow, spare)
                if broken is not None:
                    para, narrow = broken, 0
                room -= (self.lines(para, size, width, narrow=narrow) - before) * self.pitch(size)
                lines += self.lines(para, size, width, safe=False, narrow=narrow)
            own = self.theme.text[para.role]
            other = para.role != first
            out.append(
                Paragraph(
                    self._styled(para.runs, para.role),
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

    def one_line(self, para: Para, size: int, width: int) -> bool:
        """Return whether `para` at `size` takes one line of a text column `width` EMU wide
        with the safety margin, and is not display text of a lone CJK character. Then it takes
        one line without the margin too (a wider line), has no forced break, and
        deck.layout.display leaves it as it is: narrowing changes only text of two lines or
        more, and breaking by phrases only display text whose lines break inside a phrase or
        end with a lone character (`frame` skips asking them)."""
        if self.lines(para, size, width) != 1:
            return False
        if para.level:  # not display text
            return True
        runs = para.runs
        text = runs[0].text if len(runs) == 1 else "".join(r.text for r in runs)
        return not (is_display(text, para.level) and lone_last(text))

    def _styled(self, runs: tuple[Run, ...], role: str) -> tuple[Run, ...]:
        """Return `runs` with strong text (bold where the role is not) in the accent colour."""
        for run in runs:
            if run.bold and run.color is None:
                break
        else:
            return runs  # no strong text
        if self.theme.text[role].bold:
            return runs
        return tuple(replace(run, color="accent") if run.bold and run.color is None else run for run in runs)

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
        rich = isinstance(rich_or_text, m.Rich)
        texts = [s.text for s in rich_or_text.spans] if rich else [rich_or_text]
        if all(map(self._covered.issuperset, texts)):  # most text: every character known covered
            return []
        chars = set().union(*texts)
        new = chars - self._covered
        if new and (new := new - self._missing):  # look up each distinct character once per layout
            lacking = set(uncovered("".join(new), self.theme.fonts.values()))
            self._missing |= lacking
            self._covered |= new - lacking
        if self._missing.isdisjoint(chars):
            return []
        text = rich_or_text.plain if rich else rich_or_text
        shown = " ".join(f"{c} (U+{ord(c):04X})" for c in dict.fromkeys(text) if c in self._missing)
        return [
            where.warning(
                "L110",
                f"no theme font has {shown}; viewers will draw it with another font, which may "
                "look different and change the fit",
            )
        ]
