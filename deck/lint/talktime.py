"""Talk length from the speaker notes, and slides with more text than an audience can read."""

from __future__ import annotations

import re

from deck.frozen import frozen
from deck.layout.page import Pages, Table, TextFrame
from deck.model import Deck, Slide
from deck.problems import Problem

CJK_PER_MINUTE = 250  # speaking rate for Chinese and Japanese: characters a minute
WORDS_PER_MINUTE = 130  # speaking rate for other languages: words a minute
SLIDE_WORDS = 80  # most words a slide's body may show; two CJK characters count as one word
CJK_PER_WORD = 2
_UNREAD = {"footer", "source"}  # text roles an audience does not read as content

# Han (with extensions and compatibility forms), kana and half-width katakana; not punctuation.
_CJK = re.compile(
    "[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9d\U00020000-\U0003134f]"
)


@frozen
class TalkTime:
    """Speaking time estimated from the notes: `cjk` characters and `words` (other scripts)."""

    cjk: int
    words: int

    @property
    def minutes(self) -> float:
        return self.cjk / CJK_PER_MINUTE + self.words / WORDS_PER_MINUTE

    def summary(self) -> str:
        """Return one line, e.g. `talk: about 24 min (notes: 5,900 CJK chars at 250/min + 310 words at 130/min)`."""
        parts = ([f"{self.cjk:,} CJK chars at {CJK_PER_MINUTE}/min"] if self.cjk else []) + (
            [f"{self.words:,} words at {WORDS_PER_MINUTE}/min"] if self.words else []
        )
        if not parts:
            return "talk: no speaker notes to time"
        m = self.minutes
        about = "under 1 min" if m < 0.5 else f"about {round(m)} min"
        return f"talk: {about} (notes: {' + '.join(parts)})"


def count_text(text: str) -> tuple[int, int]:
    """Return (CJK characters, words) in `text`: each Han or kana character counts alone;
    a word is any other run of non-space characters holding a letter or digit."""
    rest, cjk = _CJK.subn(" ", text)  # one match per character
    words = sum(1 for w in rest.split() if w.isalnum() or any(map(str.isalnum, w)))
    return cjk, words


def estimate_talk(deck: Deck, pages: Pages) -> tuple[TalkTime, list[Problem]]:
    """Return the talk's speaking time from every visible slide's notes, and a warning, at the
    slide, for each slide whose body shows more than SLIDE_WORDS words on one page (title,
    footer, source line and notes left out)."""
    cjk = words = 0
    for slide in deck.slides:
        for note in slide.notes:
            c, w = count_text(note.plain)
            cjk, words = cjk + c, words + w
    by_key = {s.key: s for s in deck.slides if isinstance(s, Slide)}  # section dividers show no body
    worst: dict[str, tuple[float, int, int]] = {}
    for page in pages.pages:
        key = page.key.split("#")[0]  # a continued slide's pages share its key
        slide = by_key.get(key)
        if slide is None or page.line != slide.where.line:
            continue  # automatic slides: title, agenda, references
        c, w = count_text("\n".join(_body_text(page.elements)))
        load = c / CJK_PER_WORD + w
        if load > max(SLIDE_WORDS, worst.get(key, (0.0,))[0]):
            worst[key] = (load, c, w)
    problems = [_too_much(by_key[key], *counts) for key, counts in worst.items()]
    return TalkTime(cjk, words), problems


def _body_text(elements) -> list[str]:
    out: list[str] = []
    for e in elements:
        if isinstance(e, TextFrame) and e.role not in _UNREAD:
            out += [p.text for p in e.paragraphs]
        elif isinstance(e, Table):
            out += [p.text for row in e.rows for cell in row for p in cell.paragraphs]
    return out


def _too_much(slide: Slide, load: float, cjk: int, words: int) -> Problem:
    shown = " and ".join(
        x
        for x in (f"{cjk} CJK characters" if cjk else "", f"{words} word{'s' if words != 1 else ''}" if words else "")
        if x
    )
    return slide.where.warning(
        "A101",
        f"too much text for the audience to read: {shown} on one slide (≈ {round(load)} words, "
        f"{CJK_PER_WORD} CJK characters counting as one; keep it to {SLIDE_WORDS}); move detail into the "
        "notes or split the slide",
    )
