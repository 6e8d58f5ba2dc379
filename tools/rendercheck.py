"""Render-check harness: convert a .pptx with LibreOffice and find text that left its box.

Used by the render tests (pytest finds it through `pythonpath` in pyproject.toml) and by
tools/fit_report.py (beside it); it knows nothing of pytest. It renders through deck.export
and runs no process of its own.

Each PDF character is attributed to the shape (or table cell) that holds its text: LibreOffice
draws shapes in z-order and each shape's text in order, so the PDF's character stream is
aligned to the shapes' texts (whitespace excluded); where that is ambiguous, a character goes
to the chart or shape whose box holds its centre (see `_attribute`). Geometry is in
PDF points from the page's top-left corner (1 pt = 12700 EMU; the page is the slide).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import pdfplumber
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from deck.export import export_pdf, find_soffice
from deck.units import EMU_PER_PT

STRONG_BLOCK = 4  # aligned runs at least this long are trusted even outside their box
INK_ABOVE, INK_BELOW = 0.9, 0.25  # a glyph's ink, in ems above and below its baseline
_FOOTERS = [PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER]
_INVISIBLE = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}

Rect = tuple[float, float, float, float]  # x0, top, x1, bottom in pt


@dataclass(frozen=True)
class Finding:
    """A rendered character outside its shape's box (`of="box"`) or the page (`of="page"`)."""

    slide: int  # 1-based slide number
    shape: str  # the holder's label ("" when the character could not be attributed)
    char: str
    outside_pt: float  # how far its ink lies outside, in points
    of: str = "box"

    def __str__(self) -> str:
        return (
            f"slide {self.slide}: {self.char!r} of {self.shape or '(unknown shape)'} lies "
            f"{self.outside_pt:.1f} pt outside its {self.of}"
        )


@dataclass(frozen=True)
class Holder:
    """Something on a slide that holds text: a shape, a table cell, or a chart (kind)."""

    label: str  # shape name; table cells `name r1c2`; made unique on the slide
    box: Rect
    text: str  # normalised visible characters, whitespace removed
    kind: str = "text"  # text | chart
    paragraphs: tuple[str, ...] = ()  # the paragraphs' text as written (line breaks as '\n')
    lang: str = ""  # the language of the holder's first run ("" if none)
    insets: float = 0.0  # its left and right insets together, pt
    placeholder: bool = False  # a placeholder of the slide (a title, a body of bullets …)
    listed: bool = False  # its paragraphs are a list's items (bulleted, or below the first level)


@dataclass
class SlideRender:
    """One slide's holders and the PDF page's characters, each with its holder (or None)."""

    number: int
    page: Rect
    holders: list[Holder]
    chars: list[dict]
    owner: list[Holder | None]


class NoLibreOffice(Exception):
    """LibreOffice (soffice) is not installed: nothing can be rendered."""


class RenderFailed(Exception):
    """LibreOffice could not convert the deck; the message says why."""


def render_pdf(pptx: Path, tmpdir: Path | str) -> Path:
    """Convert `pptx` to `<tmpdir>/<stem>.pdf` with deck.export and return the PDF's path.

    Raises NoLibreOffice when soffice is not installed, RenderFailed when the export fails.
    """
    if find_soffice() is None:
        raise NoLibreOffice("soffice not installed: install LibreOffice to run render checks")
    result = export_pdf(Path(pptx), Path(tmpdir) / f"{Path(pptx).stem}.pdf", progress=False)
    if not result.ok:
        raise RenderFailed(result.problem.format())
    return result.path


def read_render(pptx: Path, pdf: Path) -> list[SlideRender]:
    """Read the deck's text holders and the PDF's characters and attribute each character.

    Hidden slides are left out (LibreOffice does not export them). Raises ValueError when the
    PDF's pages do not match the deck's visible slides in number or size.
    """
    prs = Presentation(str(pptx))
    size = (prs.slide_width / EMU_PER_PT, prs.slide_height / EMU_PER_PT)
    slides = [(n, s) for n, s in enumerate(prs.slides, 1) if s._element.get("show") != "0"]
    out = []
    with pdfplumber.open(str(pdf)) as doc:
        if len(doc.pages) != len(slides):
            raise ValueError(f"{pdf} has {len(doc.pages)} pages for {len(slides)} slides")
        for (number, slide), page in zip(slides, doc.pages):
            if abs(page.width - size[0]) > 1 or abs(page.height - size[1]) > 1:
                raise ValueError(
                    f"page {page.page_number} is {page.width}×{page.height} pt, "
                    f"the slide {size[0]:.1f}×{size[1]:.1f} pt"
                )
            holders = _holders(slide)
            chars = [c for c in page.chars if _norm(c["text"])]
            out.append(
                SlideRender(
                    number,
                    (0.0, 0.0, float(page.width), float(page.height)),
                    holders,
                    chars,
                    _attribute(holders, chars),
                )
            )
    return out


def overflowing_chars(
    pptx: Path, pdf: Path, tolerance_pt: float = 2.0, render: list[SlideRender] | None = None
) -> list[Finding]:
    """Return every character lying more than `tolerance_pt` outside its holder or the page.

    One finding per character; off the page wins over off the box. Chart text is only
    checked against the page (the viewer lays charts out itself). Pass `render` from
    `read_render` to reuse one reading for several checks.
    """
    findings = []
    for sr in render if render is not None else read_render(pptx, pdf):
        for char, holder in zip(sr.chars, sr.owner):
            ink = _ink(char)
            label = holder.label if holder else ""
            off_page = _outside(ink, sr.page)
            if off_page > tolerance_pt:
                findings.append(Finding(sr.number, label, char["text"], off_page, "page"))
            elif holder is not None and holder.kind == "text":
                off_box = _outside(ink, holder.box)
                if off_box > tolerance_pt:
                    findings.append(Finding(sr.number, label, char["text"], off_box, "box"))
    return findings


def rendered_line_counts(pptx: Path, pdf: Path, render: list[SlideRender] | None = None) -> dict[tuple[int, str], int]:
    """Return the number of rendered lines of each text holder, keyed (slide number, label).

    A line is a distinct baseline among the holder's visible characters (baselines closer
    than 30% of the character size are one line); holders with no text are left out.
    """
    counts = {}
    for sr in render if render is not None else read_render(pptx, pdf):
        baselines: dict[str, list[tuple[float, float]]] = {}
        for char, holder in zip(sr.chars, sr.owner):
            if holder is not None and holder.kind == "text":
                baselines.setdefault(holder.label, []).append((_baseline(char), char["size"]))
        for holder in sr.holders:
            if holder.kind == "text" and holder.text:
                counts[(sr.number, holder.label)] = _count_lines(baselines.get(holder.label, []))
    return counts


def format_findings(findings: list[Finding], limit: int = 20) -> str:
    """Return findings summarised per shape (count, worst distance), for assertion messages."""
    worst: dict[tuple[int, str, str], tuple[int, Finding]] = {}
    for f in findings:
        n, w = worst.get((f.slide, f.shape, f.of), (0, f))
        worst[(f.slide, f.shape, f.of)] = (n + 1, f if f.outside_pt > w.outside_pt else w)
    lines = [f"{w} ({n} char{'s' if n > 1 else ''})" for n, w in worst.values()]
    return "\n".join(lines[:limit] + ([f"… and {len(lines) - limit} more"] * (len(lines) > limit)))


def _count_lines(points: list[tuple[float, float]]) -> int:
    lines, last = 0, None
    for base, size in sorted(points):
        if last is None or base - last > 0.3 * size:
            lines += 1
            last = base
    return lines


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch not in _INVISIBLE)


def _baseline(char: dict) -> float:
    """Return the char's baseline, pt from the page top (its box bottom if not upright)."""
    if not char.get("upright", True):
        return float(char["bottom"])
    return float(char["top"]) + float(char["y1"]) - float(char["matrix"][5])


def _ink(char: dict) -> Rect:
    """Estimate the glyph's ink: its advance horizontally, 0.9 em up to 0.25 em down."""
    if not char.get("upright", True):
        return (char["x0"], char["top"], char["x1"], char["bottom"])
    base, size = _baseline(char), float(char["size"])
    return (char["x0"], base - INK_ABOVE * size, char["x1"], base + INK_BELOW * size)


def _outside(r: Rect, box: Rect) -> float:
    return max(box[0] - r[0], r[2] - box[2], box[1] - r[1], r[3] - box[3], 0.0)


def _contains(box: Rect, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


# -- reading the deck ------------------------------------------------------------------------

Transform = tuple[float, float, float, float]  # (sx, sy, tx, ty): pt = s * emu + t
_PT: Transform = (1 / EMU_PER_PT, 1 / EMU_PER_PT, 0.0, 0.0)


def _holders(slide) -> list[Holder]:
    """Return the slide's text holders in drawing order: master, layout, the slide's date,
    footer and slide-number placeholders (LibreOffice mostly shows them as fields of the
    master page, drawn with it; where it draws one later, its characters still lie in its
    box), then the other slide shapes."""
    found: list[tuple[str, Rect, str, str, tuple[str, ...], str, float, bool]] = []
    layout = slide.slide_layout
    if slide._element.get("showMasterSp") != "0":
        if layout._element.get("showMasterSp") != "0":
            _walk(layout.slide_master.shapes, _PT, found, placeholders=False)
        _walk(layout.shapes, _PT, found, placeholders=False)
    footers = sorted(
        (s for s in slide.shapes if s.is_placeholder and s.placeholder_format.type in _FOOTERS),
        key=lambda s: _FOOTERS.index(s.placeholder_format.type),
    )
    _walk(footers, _PT, found, placeholders=True)
    _walk([s for s in slide.shapes if s not in footers], _PT, found, placeholders=True)
    seen: dict[str, int] = {}
    holders = []
    for label, box, text, kind, paragraphs, lang, insets, listed, placeholder in found:
        seen[label] = seen.get(label, 0) + 1
        unique = label if seen[label] == 1 else f"{label} #{seen[label]}"
        holders.append(Holder(unique, box, _norm(text), kind, paragraphs, lang, insets, placeholder, listed))
    return holders


def _walk(shapes, tf: Transform, found: list, placeholders: bool) -> None:
    for shape in shapes:
        if shape.is_placeholder and not placeholders:
            continue  # layout and master placeholders only show through the slide's own
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            _walk(shape.shapes, _group_transform(shape, tf), found, placeholders)
        elif shape.has_table:
            _table_cells(shape, tf, found)
        elif shape.has_chart:
            found.append((shape.name, _box(shape, tf), "", "chart", (), "", 0.0, False, False))
        elif shape.has_text_frame and shape.text_frame.text.strip():
            text, frame = shape.text_frame.text, shape.text_frame
            found.append((shape.name, _box(shape, tf), text, "text", *_paragraphs(frame), shape.is_placeholder))


def _box(shape, tf: Transform) -> Rect:
    sx, sy, tx, ty = tf
    x0, y0 = sx * (shape.left or 0) + tx, sy * (shape.top or 0) + ty
    w, h = sx * (shape.width or 0), sy * (shape.height or 0)
    angle = math.radians(getattr(shape, "rotation", 0.0) or 0.0)
    if angle:  # the axis-aligned box around the rotated rectangle
        cx, cy = x0 + w / 2, y0 + h / 2
        w, h = (
            abs(w * math.cos(angle)) + abs(h * math.sin(angle)),
            abs(w * math.sin(angle)) + abs(h * math.cos(angle)),
        )
        x0, y0 = cx - w / 2, cy - h / 2
    return (x0, y0, x0 + w, y0 + h)


def _group_transform(group, tf: Transform) -> Transform:
    xfrm = group._element.grpSpPr.find(qn("a:xfrm"))
    if xfrm is None:
        return tf
    off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
    ch_off, ch_ext = xfrm.find(qn("a:chOff")), xfrm.find(qn("a:chExt"))
    if ch_off is None or ch_ext is None or off is None or ext is None:
        return tf
    kx = int(ext.get("cx")) / (int(ch_ext.get("cx")) or 1)
    ky = int(ext.get("cy")) / (int(ch_ext.get("cy")) or 1)
    sx, sy, tx, ty = tf
    return (
        sx * kx,
        sy * ky,
        tx + sx * (int(off.get("x")) - kx * int(ch_off.get("x"))),
        ty + sy * (int(off.get("y")) - ky * int(ch_off.get("y"))),
    )


def _table_cells(frame, tf: Transform, found: list) -> None:
    x0, y0, _, _ = _box(frame, tf)
    sx, sy = tf[0], tf[1]
    table = frame.table
    xs = [x0]
    for col in table.columns:
        xs.append(xs[-1] + sx * col.width)
    ys = [y0]
    for row in table.rows:
        ys.append(ys[-1] + sy * row.height)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if cell.is_spanned or not cell.text_frame.text.strip():
                continue
            box = (xs[c], ys[r], xs[c + cell.span_width], ys[r + cell.span_height])
            label = f"{frame.name} r{r + 1}c{c + 1}"
            found.append((label, box, cell.text_frame.text, "text", *_paragraphs(cell.text_frame), False))


def _paragraphs(frame) -> tuple[tuple[str, ...], str, float, bool]:
    """Return a text frame's paragraphs (line breaks as '\\n', vertical tabs in python-pptx),
    the language of its first run, its left and right insets together (pt), and whether its
    paragraphs are a list's items (a bullet character written, or an outline level below the first)."""
    langs = frame._txBody.xpath(".//a:rPr/@lang")
    insets = ((frame.margin_left or 0) + (frame.margin_right or 0)) / EMU_PER_PT
    listed = bool(frame._txBody.xpath("./a:p/a:pPr/a:buChar")) or any(p.level > 0 for p in frame.paragraphs)
    paragraphs = tuple(p.text.replace("\v", "\n") for p in frame.paragraphs)
    return paragraphs, (langs[0] if langs else ""), insets, listed


# -- attributing the PDF's characters -------------------------------------------------------


def _attribute(holders: list[Holder], chars: list[dict]) -> list[Holder | None]:
    """Return each char's holder, by aligning the char stream to the holders' texts in order.

    A char lying inside its aligned holder keeps that holder; one aligned within a run of
    STRONG_BLOCK chars keeps it too, unless another text holder holding that whole run lies
    under the char (repeated words aligned with the wrong twin). Any other char goes to, in
    turn: the chart whose frame holds its centre; the topmost text holder whose box holds its
    centre and whose text has the char; its aligned holder; the holder of the aligned chars
    on both sides (a bullet); the topmost text holder whose box holds its centre; else None
    (checked against the page only).
    """
    expected, owner = [], []
    for i, h in enumerate(holders):
        expected.append(h.text)
        owner.extend([i] * len(h.text))
    got, source = [], []
    for j, c in enumerate(chars):
        text = _norm(c["text"])
        got.append(text)
        source.extend([j] * len(text))
    who: list[int | None] = [None] * len(chars)
    strong = [False] * len(chars)
    run = [""] * len(chars)  # the aligned text each char is in, within one holder
    stream = "".join(got)
    matcher = SequenceMatcher(None, stream, "".join(expected), autojunk=False)
    for a, b, n in matcher.get_matching_blocks():
        start = 0
        for k in range(n + 1):
            if k == n or owner[b + k] != owner[b + start]:
                for i in range(start, k):
                    run[source[a + i]] = stream[a + start : a + k]
                start = k
            if k < n:
                who[source[a + k]] = owner[b + k]
                strong[source[a + k]] = n >= STRONG_BLOCK
    prev_owner = _running(who)
    next_owner = _running(who[::-1])[::-1]
    result: list[Holder | None] = []
    for j, c in enumerate(chars):
        aligned = who[j]
        x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if aligned is not None and _contains(holders[aligned].box, x, y):
            result.append(holders[aligned])
            continue
        if aligned is not None and strong[j]:
            # the same words in two holders (a section's name as title, agenda item and footer)
            # align with the first in the stream: the one holding the whole run where it lies wins
            twin = _by_geometry(holders, x, y, lambda h, words=run[j]: h.kind == "text" and words in h.text)
            result.append(twin or holders[aligned])
            continue
        text = _norm(c["text"])
        guess = _by_geometry(holders, x, y, lambda h: h.kind == "chart")
        guess = guess or _by_geometry(holders, x, y, lambda h, text=text: h.kind == "text" and text in h.text)
        if guess is None and aligned is not None:
            guess = holders[aligned]
        if guess is None and prev_owner[j] is not None and prev_owner[j] == next_owner[j]:
            guess = holders[prev_owner[j]]  # e.g. a bullet amid its shape's text
        guess = guess or _by_geometry(holders, x, y, lambda h: h.kind == "text")
        result.append(guess)
    return result


def _by_geometry(holders: list[Holder], x: float, y: float, accept) -> Holder | None:
    """Return the topmost holder that `accept`s and whose box contains (x, y)."""
    return next((h for h in reversed(holders) if accept(h) and _contains(h.box, x, y)), None)


def _running(values: list[int | None]) -> list[int | None]:
    """Return, per position, the last non-None value strictly before it."""
    out, last = [], None
    for v in values:
        out.append(last)
        if v is not None:
            last = v
    return out
