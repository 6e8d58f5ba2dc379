"""Laid-out pages: positioned boxes in EMU, text already fitted; the renderer's only input.

Nothing here knows PowerPoint's XML. Colours are palette roles, fonts are font roles, sizes
are EMU, all taken from the theme by the layout stage. An element says what it is on its
slide (`slot`: 'title', 'body', 'caption' …) and, once its page's layout is chosen, which of
that layout's placeholders it fills (`placeholder`: the placeholder's type and idx).
"""

from __future__ import annotations

from pathlib import Path

from deck.frozen import frozen
from deck.theme.model import Master


@frozen
class Ph:
    """The placeholder of its page's layout an element fills: PowerPoint's placeholder type
    (title, ctrTitle, subTitle, body, obj, pic, ftr, sldNum …) and idx."""

    type: str
    idx: int


@frozen
class Run:
    """A stretch of text with one look. `color` overrides the box's colour role (e.g. strong)."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None
    color: str | None = None
    field: str | None = None  # 'slidenum' for a live slide-number field (text is its preview)


@frozen
class Paragraph:
    """A paragraph: its runs, bullet level (0 = none, 1, 2), alignment, space before, indent,
    and optional size and pitch overrides (EMU); `role` is the text role it was set in."""

    runs: tuple[Run, ...]
    level: int = 0
    align: str = "left"  # left | center | right
    space_before: int = 0
    indent: int = 0  # left margin of the text (marL), EMU; a bullet hangs in it
    size: int = 0  # font size override, EMU (0: the frame's size)
    line_pitch: int = 0  # exact line pitch override, EMU (0: the frame's)
    font: str | None = None  # font role override (None: the frame's)
    color: str | None = None  # palette role override (None: the frame's)
    bold: bool | None = None  # weight override (None: the frame's)
    italic: bool | None = None
    role: str | None = None
    narrow: int = 0  # EMU its lines are narrowed by (deck.layout.phrases): marR, or both margins if centred

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@frozen
class Box:
    """A rectangle on the slide, EMU from the top-left corner."""

    x: int
    y: int
    w: int
    h: int


@frozen
class TextFrame:
    """Fitted text in a box. `size` and `line_pitch` are EMU, written explicitly (no autofit).

    `role` is the theme text role the text came from; `font` its font role, `color` its
    palette role. `slot` says what the text is on its slide ('title', 'subtitle', 'body',
    'quote', 'caption', 'heading1', 'column1', 'takeaway', 'source', 'footer', 'number'; None:
    a drawn label); `placeholder` the layout placeholder it fills, if any (else a text box).
    `lines` is the number of lines the measurement predicts. Its text sits `inset` in from
    each side of its box, or where `insets` is set, in from each side by those (the insets of
    the company template's placeholder it fills, inherited, not written).
    """

    box: Box
    paragraphs: tuple[Paragraph, ...]
    role: str
    size: int
    line_pitch: int
    font: str
    color: str
    bold: bool = False
    italic: bool = False
    anchor: str = "top"  # top | middle | bottom
    inset: int = 0
    slot: str | None = None
    name: str = "Text"
    insets: tuple[int, int, int, int] | None = None  # per side (l, t, r, b): its template placeholder's own
    lines: int = 0
    fill: str | None = None  # palette role of a background fill, or None
    placeholder: Ph | None = None
    group: str | None = None  # the drawn group it belongs to (an event, a card), shown as one
    wrap: bool = True  # False: the viewer never wraps its lines (code)


@frozen
class Shape:
    """A drawn shape: 'rect', 'round_rect', 'ellipse', 'chevron', 'line' (x,y → x+w,y+h).
    Shapes are ornaments (rules, bars, cards, markers): they carry no content."""

    box: Box
    kind: str
    fill: str | None = None  # palette role, or None for no fill
    line: str | None = None  # palette role, or None for no outline
    line_width: int = 0
    name: str = "Shape"
    group: str | None = None  # the drawn group it belongs to (an event, a card), shown as one


@frozen
class Picture:
    """A picture scaled to fit whole inside `box` (already computed: never stretched)."""

    box: Box
    path: Path
    alt: str
    name: str = "Picture"
    slot: str | None = "picture"
    placeholder: Ph | None = None


@frozen
class Cell:
    paragraphs: tuple[Paragraph, ...]


@frozen
class Table:
    """A native table. `rows[0]` is the header row. Widths and heights are EMU."""

    box: Box
    rows: tuple[tuple[Cell, ...], ...]
    col_widths: tuple[int, ...]
    row_heights: tuple[int, ...]
    size: int
    line_pitch: int
    inset: int
    font: str = "body"
    color: str = "text"
    header_fill: str = "primary"
    header_color: str = "background"
    band_fill: str = "surface"
    name: str = "Table"
    slot: str | None = "object"
    placeholder: Ph | None = None


@frozen
class Series:
    name: str
    values: tuple[float, ...]


@frozen
class Chart:
    """A native chart: 'bar' (horizontal), 'column', 'stacked-bar', 'stacked-column', 'line',
    'area', 'pie', 'doughnut' or 'scatter' (x values in `x`); series coloured in order
    from `colors` (palette roles); `alt` describes it for screen readers."""

    box: Box
    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    log_scale: bool
    unit: str | None
    size: int  # label size, EMU
    font: str
    color: str  # label colour role
    grid_color: str
    colors: tuple[str, ...]
    name: str = "Chart"
    alt: str = ""
    slot: str | None = "object"
    placeholder: Ph | None = None
    number_format: str | None = None  # Excel format code of the values (None: chosen from them)
    labels: str | None = None  # value | percent | category | none (None: the kind's default)
    min: float | None = None  # the value axis's range (None: automatic)
    max: float | None = None
    x: tuple[float, ...] = ()  # a scatter's x values, one per category


Element = TextFrame | Shape | Picture | Table | Chart


@frozen
class Page:
    """One slide as laid out. `elements` are in reading order; the title comes first.
    Consecutive elements naming one `group` are drawn as one group shape.

    `layout` names the master's layout the slide is based on (chosen by the placeholders its
    elements fill). `notes` are the speaker notes' paragraphs. `key` is a stable name for the
    page (the slide's `id`, or its kind and source line), `line` its source line. `section`
    is the outline section the page belongs to (None before the first); `background` the
    slide's own background picture (None: the master's).
    """

    layout: str
    title: TextFrame
    elements: tuple[Element, ...]
    notes: tuple[Paragraph, ...]
    key: str
    line: int = 0
    language: str = "en"
    section: str | None = None
    background: Path | None = None  # the slide's own background picture (veiled when rendered)


@frozen
class DocInfo:
    """Document properties: written into docProps, never invented."""

    title: str
    subject: str
    author: str
    language: str
    created: str  # ISO 8601 'YYYY-MM-DDTHH:MM:SSZ'
    keywords: str = ""


@frozen
class Pages:
    """A whole laid-out deck: its pages, document properties and the slide master (with its
    layouts) the pages are laid out on."""

    pages: tuple[Page, ...]
    info: DocInfo
    master: Master
