"""Accessibility: what PowerPoint's Accessibility Checker would report that deck cannot mend
itself — links whose text does not say where they go, alt text that names a file rather than
the picture, slides that share a title — each a warning at the outline line that wrote it.

(What deck can mend it does: every slide has a title placeholder first in reading order,
charts a description, ornaments are marked decorative, continued slides are numbered, runs
carry their language and table header rows are marked.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from deck import model as m
from deck.frozen import field_names
from deck.problems import Problem, Where, cut

# Link texts that do not say where a link goes, case and surrounding punctuation ignored.
VAGUE_LINKS = frozenset(
    (
        "link", "here", "click here", "click", "this", "this link", "more", "read more", "learn more",
        "details", "url", "website", "web page", "page", "this page", "source",
        "链接", "这里", "点击这里", "点这里", "点击", "此处", "网址", "更多", "详情", "这个链接",
    )
)  # fmt: skip
# Alt texts that say only what kind of thing is shown.
VAGUE_ALTS = frozenset(
    "image picture photo photograph figure graphic chart diagram screenshot img pic logo icon "
    "图 图片 图像 照片 截图 插图 示意图 图表".split()
)
# patterns compiled (by re) only when a deck has links or pictures to check
_URL = r"(?i)^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$"
_FILE = r"(?i)^\S+\.(?:png|jpe?g|gif|bmp|svg|webp|tiff?|heic)$"
_EDGES = " \t.,;:!?()[]<>\"'“”‘’「」『』（）。，；：！？…"


def check_access(deck: m.Deck) -> list[Problem]:
    """Return a warning for every link without descriptive text (A110), picture or chart
    alt text that only names a file or a kind of picture (A111), and slide whose title
    repeats an earlier one (A112), each at the outline line that wrote it."""
    problems: list[Problem] = []
    for rich in _riches(deck):
        for span in rich.spans:
            if span.link and _vague_link(span.text, span.link):
                problems.append(
                    rich.where.warning(
                        "A110",
                        f"the link text `{cut(span.text.strip(), 40)}` does not say where the link goes; a "
                        "screen reader reading links out of context says only that; write what the reader "
                        "gets there, e.g. `[the WCAG guidelines](…)`",
                    )
                )
    for slide in deck.slides:
        if isinstance(slide, m.Slide):
            problems += _alt_problems(slide)
    problems += _repeated_titles(deck)
    return problems


def _vague_link(text: str, url: str) -> bool:
    plain = text.strip(_EDGES).casefold()
    return not plain or plain in VAGUE_LINKS or bool(re.match(_URL, text.strip())) or text.strip() == url


def _alt_problems(slide: m.Slide) -> list[Problem]:
    """Return A111 for each picture or chart of the slide (a column's pictures too) whose alt
    text names a file or only a kind of picture."""
    content = slide.content
    shown = [(getattr(content, "alt", None), getattr(content, "path", None))]
    shown += [(c.image.alt, c.image.path) for c in getattr(content, "columns", ()) if getattr(c, "image", None)]
    problems = []
    for alt, path in shown:
        if not alt:
            continue
        plain = alt.strip(_EDGES).casefold()
        names = {PurePath(path).name.casefold(), PurePath(path).stem.casefold()} if path else set()
        if plain in VAGUE_ALTS or re.match(_FILE, alt.strip()) or plain in names:
            problems.append(
                slide.where.warning(
                    "A111",
                    f"the alt text `{cut(alt.strip(), 40)}` does not describe what the {slide.kind} shows; "
                    "say what a sighted reader sees in it, in a sentence",
                )
            )
    return problems


def _repeated_titles(deck: m.Deck) -> list[Problem]:
    """Return A112 for each slide or divider whose title an earlier one already has."""
    seen: dict[str, Where] = {}
    problems = []
    for entry in deck.slides:
        title = entry.name if isinstance(entry, m.Section) else entry.title or ""
        key = " ".join(title.split()).casefold()
        if key in seen:
            problems.append(
                entry.where.warning(
                    "A112",
                    f"this slide's title repeats the title of the slide at line {seen[key].line}; screen "
                    "reader users find slides by their titles: make each one say what its slide is about",
                )
            )
        else:
            seen[key] = entry.where
    return problems


def _riches(deck: m.Deck) -> Iterator[m.Rich]:
    """Yield every piece of inline text shown on the slides: the slides' content, takeaways
    and the references (speaker notes are left out: the audience never sees them)."""
    for entry in deck.slides:
        if isinstance(entry, m.Slide):
            yield from _walk(entry.content)
            if entry.takeaway is not None:
                yield entry.takeaway
    for reference in deck.references:
        yield reference.text


def _walk(value: object) -> Iterator[m.Rich]:
    if isinstance(value, m.Rich):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _walk(item)
    elif not isinstance(value, type) and (names := field_names(value)) is not None:
        for name in names:
            yield from _walk(getattr(value, name))
