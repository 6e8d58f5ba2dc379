"""Measuring paragraphs for fitting: sizes a role may take, line counts and heights at a size
in a width (with the theme's safety margin, or as a viewer with the theme's fonts shows them),
and how display text breaks between phrases (deck.layout.phrases)."""

from __future__ import annotations

import re

from deck.frozen import replace
from deck.layout.linebreak import count_lines, wrap
from deck.layout.metrics import advances, text_width
from deck.layout.page import Box
from deck.layout.para import Para, slice_runs
from deck.layout.phrases import after_number, is_display, phrase_lines, phrase_starts
from deck.theme import Theme
from deck.units import EMU_PER_PT

_WORD = re.compile(r"[^\s\u2e80-\u9fff\uac00-\ud7af\u3000-\u303f\uff00-\uffef]+")
_ASCII = "".join(map(chr, range(0x21, 0x7F)))  # the printable ASCII characters but the space
STEP = 2 * EMU_PER_PT  # shrink in steps of two points, so shrunk slides share sizes
CENTRE_FILL = 2 / 3  # a growing body filling less of its box than this is centred in it
BULLET_INDENT = 1.0  # a level-1 bullet's text starts this many ems in
SUB_INDENT = 2.0  # a level-2 bullet's text starts this many ems in


class Measure:
    """Measures text for one theme. Its only state is memos of measurements, which never
    change a result."""

    def __init__(self, theme: Theme):
        self.theme = theme
        # Memos for this layout (perf, issue 7): one-line widths by (face, bold), then (text, size).
        self._widths: dict[tuple, dict[tuple[str, int], int]] = {}
        # … and line counts by all that `lines` is given: fitting a frame asks again and
        # again, four times in five (perf, issue 15).
        self._lines: dict[tuple, int] = {}
        # … and the widest advance of an ASCII character (em) by (face, bold).
        self._ascii_ems: dict[tuple, float] = {}

    # ---- sizes ---------------------------------------------------------------------------

    def size(self, role: str, step: int = 0) -> int:
        """Return role `role`'s size after `step` shrink steps (never below its minimum), EMU."""
        style = self.theme.text[role]
        return max(style.min_size, style.size - step * STEP)

    def grown(self, role: str, step: int) -> int:
        """Return role `role`'s size after `step` growth steps (never above its maximum), EMU."""
        style = self.theme.text[role]
        return min(style.most, style.size + step * STEP)

    def grow_steps(self, roles) -> int:
        """Return how many steps it takes until every role in `roles` is at its maximum."""
        return max(-(-(self.theme.text[r].most - self.theme.text[r].size) // STEP) for r in roles)

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
        key = (para, size, width, safe, whole_words, narrow)
        count = self._lines.get(key)
        if count is None:
            if safe and not whole_words:  # the count with whole words, where no word had to split
                count = self._lines.get((para, size, width, True, True, narrow))
                count = None if count == 10_000 else count
            if count is None:
                count = self._count_lines(para, size, width, safe, whole_words, narrow)
            self._lines[key] = count
        return count

    def _count_lines(self, para: Para, size: int, width: int, safe: bool, whole_words: bool, narrow: int) -> int:
        indent = self.indent(para.level, size)
        usable = self.usable(width - indent - narrow) if safe else width - indent - narrow
        if usable <= 0:
            return 10_000
        if whole_words and safe and self._splits_a_word(para, size, usable):
            return 10_000
        style = self.theme.text[para.role]
        face, code = self.theme.face(para.role), self.theme.fonts["code"]
        return count_lines(para.runs, face, size, usable, bold=style.bold, italic=style.italic, code=code)

    def wrapped(self, para: Para, size: int, usable: int) -> list[str]:
        """Return the lines of `para` at `size` a viewer shows in a line `usable` EMU wide."""
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

    def _splits_a_word(self, para: Para, size: int, usable: int) -> bool:
        style = self.theme.text[para.role]
        for run in para.runs:
            face = self.theme.fonts["code"] if run.code else self.theme.face(para.role)
            bold = style.bold or run.bold
            widths = self._widths_in(face, bold)
            # An ASCII word is no wider than its length times the widest ASCII advance: each
            # character's EMU (em × size, unrounded) is at most that advance's, and the sum
            # text_width rounds is within a fraction of an EMU per character of the exact one.
            most = self.widest_ascii(face, bold) * size + 1
            for word in _WORD.findall(run.text):
                if len(word) > 1:
                    if len(word) * most <= usable and word.isascii() and word.isprintable():
                        continue  # not wider than the line: no need to measure it
                    width = widths.get((word, size))
                    if width is None:
                        width = widths[word, size] = text_width(word, face, size, bold=bold)
                    if width > usable:
                        return True
        return False

    def widest_ascii(self, face, bold: bool) -> float:
        """Return the largest advance (em) of a printable ASCII character in `face`, bold or
        not, upright, as text_width measures it (its own table, else the other face's, else
        deck's fallback width for a character no font has)."""
        em = self._ascii_ems.get((face, bold))
        if em is None:
            em = self._ascii_ems[face, bold] = max(advances(_ASCII, face, 1, bold, False))
        return em

    def _widths_in(self, face, bold: bool) -> dict[tuple[str, int], int]:
        """Return the memo of one-line widths by (text, size) in `face`, bold or not."""
        widths = self._widths.get((face, bold))
        if widths is None:
            widths = self._widths[face, bold] = {}
        return widths

    def _text_width(self, text: str, face, size: int, bold: bool) -> int:
        widths = self._widths_in(face, bold)
        width = widths.get((text, size))
        if width is None:
            width = widths[text, size] = text_width(text, face, size, bold=bold)
        return width

    def width(self, text: str, role: str, size: int) -> int:
        """Return the width of one line of `text` in role `role` at `size`, EMU (no safety)."""
        style = self.theme.text[role]
        return self._text_width(text, self.theme.face(role), size, style.bold)

    def indent(self, level: int, size: int) -> int:
        if level == 0:
            return 0
        if level in (1, 2):
            return round((BULLET_INDENT if level == 1 else SUB_INDENT) * size)
        raise KeyError(level)

    def height(
        self,
        paras: list[Para],
        sizes: dict[str, int],
        width: int,
        inset: int,
        whole_words: bool = False,
        safe: bool = True,
        phrased: bool = False,
    ) -> int:
        """Return the height `paras` take in a box `width` wide with inner margin `inset`, EMU
        (`whole_words` and `safe` as for `lines`; with `phrased`, display text takes the lines
        it needs to break only between phrases, where it can)."""
        total = 2 * inset
        for i, para in enumerate(paras):
            size = sizes[para.role]
            if i:
                total += self.space_before(size)
            lines = self.lines(para, size, width - 2 * inset, safe, whole_words)
            if phrased and lines > 1:
                lines = max(lines, self.phrase_count(para, size, width - 2 * inset))
            total += lines * self.pitch(size)
        return total

    def phrased(self, para: Para, size: int, width: int) -> bool:
        """Return whether `para` at `size` in a text column `width` wide fits one line or, as
        display text, breaks between phrases (text without phrases, Latin: with no leading
        number alone on its first line, as "3" above "Speculative")."""
        if self.lines(para, size, width) == 1 or self.phrase_count(para, size, width) > 0:
            return True
        text = "".join(r.text for r in para.runs)
        if not is_display(text, para.level) or phrase_starts(text) is not None:
            return False
        first = self.wrapped(para, size, self.usable(width - self.indent(para.level, size)))[0]
        return not after_number(text, len(first))

    def phrase_count(self, para: Para, size: int, width: int) -> int:
        """Return how many lines display text `para` takes broken only between phrases in a
        text column `width` wide (0 for other text, or where a phrase is wider than a line)."""
        text = "".join(r.text for r in para.runs)
        if not is_display(text, para.level):
            return 0

        def fits(line: str) -> bool:
            start = text.index(line)
            one = replace(para, runs=slice_runs(para.runs, start, start + len(line.rstrip(" "))))
            return self.lines(one, size, width) == 1

        lines = phrase_lines(text, fits)
        return len(lines) if lines is not None else 0

    def balanced(self, paras: list[Para], sizes: dict[str, int], box: Box, inset: int) -> str:
        """Return the anchor of a body at its theme size: "middle" where a viewer with the
        theme's fonts shows it filling less than CENTRE_FILL of `box`, else "top"."""
        return "middle" if self.height(paras, sizes, box.w, inset, safe=False) < box.h * CENTRE_FILL else "top"

    def space_before(self, size: int) -> int:
        return round(size * self.theme.paragraph_spacing)
