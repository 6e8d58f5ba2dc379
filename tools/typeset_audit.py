"""Typography audit: render a deck with LibreOffice and report, per slide, what a typesetter
would not sign.

    .venv/bin/python tools/typeset_audit.py [OUTLINE ...] [--theme NAME] [--verbose]

Without outlines it audits the essay talk, examples/, every case deck and tests/typeset/, in
both built-in themes. The render tests import `audit` (pytest finds this module through
`pythonpath`); it reads the PDF through rendercheck (beside it), which attributes each rendered
character to the shape holding it. Kinds of flaw:

- overflow: a character lies outside its box or the page (rendercheck.overflowing_chars);
- overlap: a glyph of one shape overlaps a glyph of another shape, or a picture;
- lone: a paragraph's last line holds a single CJK character (punctuation aside);
- gap: a doubled gap between CJK and Latin text (more than GAP_EM), or a gap inside full-width
  brackets or before full-width punctuation (more than TIGHT_EM);
- split: a line break inside a Latin word or number, or inside "——";
- phrase: in display text (a paragraph of at most DISPLAY_CHARS characters, alone in its
  placeholder or in a drawn text box) in Chinese or Japanese, a line break that touches CJK
  text and is not between BudouX phrases, unless the phrase is wider than the line;
- top-heavy: on a slide with a title, the content (every rendered glyph, picture, chart,
  table and drawn shape between the title and the footer, source line or takeaway) leaves
  more than TOP_HEAVY of that area empty below it, and TOP_HEAVY_SKEW more than above it.

Where the rendered characters are matched to the paragraphs' text (difflib, as rendercheck does),
a line is a distinct baseline within one shape.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import budoux
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from rendercheck import SlideRender, overflowing_chars, read_render, render_pdf  # tools/, beside this file

from deck.layout.metrics import is_east_asian
from deck.layout.phrases import after_number, may_break, mend_two_kanji_words

KINDS = ("overflow", "overlap", "lone", "gap", "split", "phrase", "top-heavy")
GAP_EM = 0.4  # more than this between CJK and Latin text is two gaps (a space plus the viewer's)
TIGHT_EM = 0.12  # more than this inside full-width brackets or before full-width punctuation
DISPLAY_CHARS = 40  # paragraphs up to this long are display text: breaks only between phrases
OVERLAP_PT = 1.0  # glyph boxes overlapping by more than this, in both directions, collide
INK_ABOVE, INK_BELOW = 0.8, 0.12  # the ink of a glyph, in ems above and below its baseline
TOP_HEAVY = 0.4  # more of the content area than this empty below the content …
TOP_HEAVY_SKEW = 0.2  # … and this much more than above it: the page is top-heavy
# The slide frame below the content: footer placeholders and deck's own frame shapes.
_FOOTER_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
_FRAME_NAMES = frozenset({"Source", "Takeaway", "Takeaway Bar", "Footer Text"})
FULL_OPEN = set("（［｛「『《〈【〔〖〘〚")
FULL_CLOSE = set("）］｝」』》〉】〕〗〙〛，。、；：！？")


@dataclass(frozen=True)
class Flaw:
    """One typographic flaw on a rendered slide."""

    slide: int
    shape: str
    kind: str  # one of KINDS
    detail: str

    def __str__(self) -> str:
        return f"slide {self.slide}: {self.kind} in {self.shape}: {self.detail}"


def audit(pptx: Path, pdf: Path, render: list[SlideRender] | None = None) -> list[Flaw]:
    """Return every flaw of the rendered deck (`pdf`, LibreOffice's PDF of `pptx`)."""
    render = render if render is not None else read_render(pptx, pdf)
    flaws = [
        Flaw(f.slide, f.shape or "(unknown shape)", "overflow", f"{f.char!r} {f.outside_pt:.1f} pt outside its {f.of}")
        for f in overflowing_chars(pptx, pdf, render=render)
    ]
    pictures = _pictures(pptx)
    frames = _content_areas(pptx)
    for sr in render:
        flaws += _overlaps(sr, pictures.get(sr.number, []))
        if sr.number in frames:
            flaws += _top_heavy(sr, *frames[sr.number])
        for holder in sr.holders:
            if holder.kind == "text" and holder.paragraphs:
                flaws += _paragraph_flaws(sr, holder)
    return flaws


def count(flaws: list[Flaw]) -> dict[str, int]:
    """Return the number of flaws of each kind (every kind present, in KINDS order)."""
    found = Counter(f.kind for f in flaws)
    return {kind: found[kind] for kind in KINDS}


def format_flaws(flaws: list[Flaw], limit: int = 30) -> str:
    lines = [str(f) for f in flaws[:limit]]
    return "\n".join(lines + ([f"… and {len(flaws) - limit} more"] if len(flaws) > limit else []))


# -- overlaps -----------------------------------------------------------------------------------


def _master_art(slide) -> list:
    """Return the shapes of the slide's layout and master that show on it, not placeholders."""
    shapes = []
    layout = slide.slide_layout
    if slide._element.get("showMasterSp") != "0":
        shapes += [s for s in layout.shapes if not s.is_placeholder]
        if layout._element.get("showMasterSp") != "0":
            shapes += [s for s in layout.slide_master.shapes if not s.is_placeholder]
    return shapes


def _pictures(pptx: Path) -> dict[int, list[tuple[str, tuple[float, float, float, float]]]]:
    """Return each visible slide's pictures (name, box in pt), keyed by slide number: its own,
    and the art of its layout and master that shows on it (a company template's logo)."""
    out: dict[int, list] = {}
    for n, slide in enumerate(Presentation(str(pptx)).slides, 1):
        for shape in list(slide.shapes) + _master_art(slide):
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                x, y = shape.left / 12700, shape.top / 12700
                out.setdefault(n, []).append((shape.name, (x, y, x + shape.width / 12700, y + shape.height / 12700)))
    return out


def _ink(char: dict) -> tuple[float, float, float, float]:
    size = float(char["size"])
    if not char.get("upright", True):
        return (char["x0"], char["top"], char["x1"], char["bottom"])
    base = float(char["top"]) + float(char["y1"]) - float(char["matrix"][5])
    return (float(char["x0"]), base - INK_ABOVE * size, float(char["x1"]), base + INK_BELOW * size)


def _overlap(a, b) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > OVERLAP_PT and min(a[3], b[3]) - max(a[1], b[1]) > OVERLAP_PT


def _overlaps(sr: SlideRender, pictures: list) -> list[Flaw]:
    by_holder: dict[str, list] = {}
    for char, holder in zip(sr.chars, sr.owner):
        if holder is not None:
            by_holder.setdefault(holder.label, []).append((char["text"], _ink(char)))
    names = list(by_holder)
    bounds = {
        n: (
            min(r[0] for _, r in by_holder[n]),
            min(r[1] for _, r in by_holder[n]),
            max(r[2] for _, r in by_holder[n]),
            max(r[3] for _, r in by_holder[n]),
        )
        for n in names
    }
    flaws = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if not _overlap(bounds[a], bounds[b]):
                continue
            hit = next(
                ((ca, cb) for ca, ra in by_holder[a] for cb, rb in by_holder[b] if _overlap(ra, rb)),
                None,
            )
            if hit:
                flaws.append(Flaw(sr.number, a, "overlap", f"{hit[0]!r} overlaps {hit[1]!r} of {b}"))
        for name, box in pictures:
            hit = next((ca for ca, ra in by_holder[a] if _overlap(ra, box)), None)
            if hit:
                flaws.append(Flaw(sr.number, a, "overlap", f"{hit!r} overlaps the picture {name}"))
    return flaws


# -- balance ------------------------------------------------------------------------------------


def _content_areas(pptx: Path) -> dict[int, tuple[tuple[float, float], set[str], list]]:
    """Return, per slide with a title, the content area's top and bottom (pt: from the title's
    bottom to the top of the frame below it), the names of the shapes holding content text,
    and the boxes of the content shapes without text (pictures, charts, tables, drawn shapes)."""
    out = {}
    prs = Presentation(str(pptx))
    for n, slide in enumerate(prs.slides, 1):
        title = next(
            (s for s in slide.shapes if s.is_placeholder and s.placeholder_format.type == PP_PLACEHOLDER.TITLE), None
        )
        if title is None or any(
            s.is_placeholder and s.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE for s in slide.shapes
        ):
            continue  # no title, or the title slide: its frame is all it holds, where the theme or template puts it
        top = (title.top + title.height) / 12700
        frame = [
            s
            for s in slide.shapes
            if s.name in _FRAME_NAMES or (s.is_placeholder and s.placeholder_format.type in _FOOTER_TYPES)
        ]
        below = [s.top / 12700 for s in frame if s.top / 12700 > top]
        # wide art of the layout or master that starts below the title (a template's wave or
        # band along the bottom) ends the area the content may use, as it does for deck
        below += [a.top / 12700 for a in _master_art(slide) if a.width >= prs.slide_width / 2 and a.top / 12700 > top]
        bottom = min(below, default=prs.slide_height / 12700)
        # a title slide's subtitle is part of its frame, where the theme or template puts it
        subtitles = [
            s for s in slide.shapes if s.is_placeholder and s.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE
        ]
        skip = {title.shape_id, *(s.shape_id for s in frame + subtitles)}
        names, boxes = set(), []
        for shape in slide.shapes:
            if shape.shape_id in skip or shape.top / 12700 < top:  # the frame; a divider's rule above its title
                continue
            names |= _names(shape)
            if not (shape.has_text_frame and shape.text_frame.text.strip()):
                x, y = shape.left / 12700, shape.top / 12700
                boxes.append((x, y, x + shape.width / 12700, y + shape.height / 12700))
        if names:
            out[n] = ((top, bottom), names, boxes)
    return out


def _names(shape) -> set[str]:
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        return {shape.name}.union(*(_names(s) for s in shape.shapes))
    return {shape.name}


def _top_heavy(sr: SlideRender, area: tuple[float, float], names: set[str], boxes: list) -> list[Flaw]:
    """Return a top-heavy flaw when the content leaves the bottom of its area empty (see KINDS)."""
    top, bottom = area
    inks = [_ink(c) for c, h in zip(sr.chars, sr.owner) if h is not None and h.label.split(" #")[0] in names]
    extents = [(r[1], r[3]) for r in inks] + [(b[1], b[3]) for b in boxes]
    if not extents or bottom - top <= 0:
        return []
    height = bottom - top
    above = (min(e[0] for e in extents) - top) / height
    below = (bottom - max(e[1] for e in extents)) / height
    if below > TOP_HEAVY and below - above > TOP_HEAVY_SKEW:
        return [Flaw(sr.number, "the content", "top-heavy", f"{below:.0%} of the content area empty below it")]
    return []


# -- lines of paragraphs ------------------------------------------------------------------------


def _norm_chars(text: str) -> list[str]:
    """Return the normalised form of each character of `text` (as rendercheck compares)."""
    return [
        "".join(c for c in unicodedata.normalize("NFKC", ch).casefold() if not c.isspace() and c.isprintable())
        for ch in text
    ]


def _paragraph_flaws(sr: SlideRender, holder) -> list[Flaw]:
    chars = [c for c, h in zip(sr.chars, sr.owner) if h is holder]
    if not chars:
        return []
    line_of = _lines(chars)
    got, got_src = [], []
    for j, c in enumerate(chars):
        for piece in _norm_chars(c["text"]):
            got.extend(piece)
            got_src.extend([j] * len(piece))
    want, want_src = [], []
    for k, para in enumerate(holder.paragraphs):
        for i, piece in enumerate(_norm_chars(para)):
            want.extend(piece)
            want_src.extend([(k, i)] * len(piece))
    placed: dict[int, dict[int, int]] = {}  # paragraph → original index → rendered char index
    matcher = SequenceMatcher(None, "".join(got), "".join(want), autojunk=False)
    for a, b, n in matcher.get_matching_blocks():
        for t in range(n):
            k, i = want_src[b + t]
            placed.setdefault(k, {}).setdefault(i, got_src[a + t])
    flaws = []
    for k, where in placed.items():
        text = holder.paragraphs[k]
        order = sorted(where)
        groups: list[list[int]] = []  # original indices, per rendered line
        for i in order:
            if groups and line_of[where[i]] == line_of[where[groups[-1][-1]]]:
                groups[-1].append(i)
            else:
                groups.append([i])

        def span(i: int, j: int, where=where) -> float:
            return sum(float(chars[where[t]]["x1"]) - float(chars[where[t]]["x0"]) for t in range(i, j) if t in where)

        for g, h in zip(groups, groups[1:]):
            lo, hi = g[-1], h[0]
            while lo > 0 and _is_latin(text[lo - 1]) and lo - 1 in where:
                lo -= 1
            while hi + 1 < len(text) and _is_latin(text[hi + 1]) and hi + 1 in where:
                hi += 1
            flaws += _break_flaws(sr.number, holder, text, g[-1], h[0], span(lo, hi + 1), span)
        if len(groups) > 1:
            rest = [ch for ch in text[groups[-1][0] :] if not _is_punct(ch) and not ch.isspace()]
            if len(rest) == 1 and is_east_asian(rest[0]):
                flaws.append(
                    Flaw(
                        sr.number, holder.label, "lone", f"…{text[max(0, groups[-1][0] - 6) : groups[-1][0]]}/{rest[0]}"
                    )
                )
        for g in groups:
            for a, b in zip(g, g[1:]):
                flaw = _gap_flaw(sr.number, holder, text, a, b, chars[where[a]], chars[where[b]])
                if flaw:
                    flaws.append(flaw)
    return flaws


def _lines(chars: list[dict]) -> list[int]:
    """Return a line number per char: chars whose baselines are within 30% of a size share one."""
    bases = [(float(c["top"]) + float(c["y1"]) - float(c["matrix"][5]), float(c["size"])) for c in chars]
    order = sorted(range(len(chars)), key=lambda j: bases[j][0])
    line, last, out = -1, None, [0] * len(chars)
    for j in order:
        if last is None or bases[j][0] - last > 0.3 * bases[j][1]:
            line, last = line + 1, bases[j][0]
        out[j] = line
    return out


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PSZ"


def _is_latin(ch: str) -> bool:
    return ch.isalnum() and not is_east_asian(ch)


def _is_cjk(ch: str) -> bool:
    return is_east_asian(ch) and unicodedata.category(ch).startswith("L")


def _break_flaws(slide: int, holder, text: str, a: int, b: int, width: float, phrase_width) -> list[Flaw]:
    """Flaws of a line break between text[a] (ends a line) and text[b] (starts the next);
    `width` is the rendered width (pt) of the Latin word around the break, if any, and
    `phrase_width(i, j)` that of text[i:j]. Display text is a shape's only paragraph, of at most
    DISPLAY_CHARS characters, alone in its placeholder or in a drawn text box (a
    card, a label); a break is checked against phrases where it touches CJK text."""
    between = text[a + 1 : b]
    shown = f"{text[max(0, a - 8) : a + 1]}/{text[b : b + 8]}"
    if between == "\n" and _is_latin(text[a]) and _is_latin(text[b]):
        return [Flaw(slide, holder.label, "split", shown + " (a line break written inside a word)")]
    if "\n" in between:
        return []  # a forced break
    if not between and _is_latin(text[a]) and _is_latin(text[b]) and _word_fits(holder, text, a, b, width):
        return [Flaw(slide, holder.label, "split", shown)]
    if text[a] == text[b] == "\u2014" and not between:
        return [Flaw(slide, holder.label, "split", shown)]
    parser = _parser(holder.lang, text)
    single = (len(holder.paragraphs) == 1 or not holder.placeholder) and not holder.listed  # not a list's item
    display = single and len(text.strip()) <= DISPLAY_CHARS
    if display and after_number(text, b) and text[b:].strip():
        return [Flaw(slide, holder.label, "phrase", shown + " (a number alone on its line)")]
    if parser is None or not display or between or not (is_east_asian(text[a]) or is_east_asian(text[b])):
        return []
    spaces = {i + 1 for i, ch in enumerate(text) if ch == " " and not after_number(text, i + 1)}
    starts = sorted(_phrase_starts(parser, text) | spaces | {len(text)})
    if b in starts:
        return []
    start = max(p for p in starts if p < b)
    end = min(p for p in starts if p > b)
    if phrase_width(start, end) > holder.box[2] - holder.box[0] - holder.insets:
        return []  # a phrase wider than the line must break inside
    return [Flaw(slide, holder.label, "phrase", shown)]


def _word_fits(holder, text: str, a: int, b: int, width: float) -> bool:
    """Return True if the Latin word broken between text[a] and text[b], `width` pt wide as
    rendered, would fit on one line of the holder's box (a longer word must be cut)."""
    return width <= holder.box[2] - holder.box[0] - holder.insets


def _gap_flaw(slide: int, holder, text: str, a: int, b: int, ca: dict, cb: dict) -> Flaw | None:
    gap = (float(cb["x0"]) - float(ca["x1"])) / float(ca["size"])
    x, y = text[a], text[b]
    shown = f"{text[max(0, a - 6) : b + 7]!r} ({gap:.2f} em)"
    if ((_is_cjk(x) and _is_latin(y)) or (_is_latin(x) and _is_cjk(y))) and gap > GAP_EM:
        return Flaw(slide, holder.label, "gap", "doubled " + shown)
    if ((x in FULL_OPEN and not is_east_asian(y)) or (y in FULL_CLOSE and not is_east_asian(x))) and gap > TIGHT_EM:
        return Flaw(slide, holder.label, "gap", "by full-width punctuation " + shown)
    return None


def _parser(lang: str, text: str):
    """Return the BudouX parser for the paragraph (Japanese if it has kana), or None."""
    if any("\u3040" <= ch <= "\u30ff" for ch in text) or lang.startswith("ja"):
        return _load("ja")
    if not any(_is_cjk(ch) for ch in text) or any("\uac00" <= ch <= "\ud7af" for ch in text):
        return None
    return _load("zh-hant" if lang in ("zh-TW", "zh-HK", "zh-MO") else "zh-hans")


@cache
def _load(which: str):
    return {
        "ja": budoux.load_default_japanese_parser,
        "zh-hans": budoux.load_default_simplified_chinese_parser,
        "zh-hant": budoux.load_default_traditional_chinese_parser,
    }[which]()


def _phrase_starts(parser, text: str) -> set[int]:
    """BudouX's phrase starts (with its split two-kanji words mended, in Japanese), less those
    inside a Latin word or where kinsoku forbids a break."""
    starts, at = set(), 0
    for phrase in parser.parse(text):
        starts.add(at)
        at += len(phrase)
    if parser is _load("ja"):
        starts = mend_two_kanji_words(text, starts)
    return {p for p in starts if p == 0 or may_break(text, p)}


# -- the command --------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def default_decks() -> list[Path]:
    """The essay talk, examples/ (its outlines, not its theme files), the case decks and
    tests/typeset/ (the audit's own talks)."""
    return [
        ROOT / "outline.yaml",
        *sorted(p for p in (ROOT / "examples").glob("*.yaml") if not p.name.endswith("-theme.yaml")),
        *sorted((ROOT / "tests" / "cases").glob("*/outline.yaml")),
        *sorted((ROOT / "tests" / "typeset").glob("*.yaml")),
    ]


def audit_outline(outline: Path, theme: str | None, tmp: Path) -> list[Flaw]:
    """Build `outline` (in `theme`, or its own), render it and return its flaws."""
    from deck.pipeline import build_outline

    name = f"{outline.parent.name}-{outline.stem}-{theme or 'own'}"
    outcome = build_outline(outline, tmp / f"{name}.pptx", theme)
    if outcome.errors:
        raise SystemExit(f"{outline}: does not build: {outcome.errors[0]}")
    pdf = render_pdf(outcome.output, tmp)
    return audit(outcome.output, pdf)


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("outlines", nargs="*", type=Path)
    args.add_argument("--theme", action="append", help="a theme to build in (repeatable; default: default and dark)")
    args.add_argument("--verbose", "-v", action="store_true", help="list every flaw")
    opts = args.parse_args(argv)
    total: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for outline in [p.resolve() for p in opts.outlines] or default_decks():
            for theme in opts.theme or ["default", "dark"]:
                flaws = audit_outline(outline, theme, Path(tmp))
                counts = count(flaws)
                total.update(counts)
                shown = outline.relative_to(ROOT) if outline.is_relative_to(ROOT) else outline
                print(f"{shown} [{theme}]: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
                if opts.verbose and flaws:
                    print("  " + format_flaws(flaws, 1000).replace("\n", "\n  "))
    print("all: " + ", ".join(f"{k} {total[k]}" for k in KINDS))
    return 1 if sum(total.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
