"""The theme model: slide size, palette, fonts, text roles, spacing, margins, footer (frozen);
and the format-free description of a slide master and its layouts (Master, Layout,
Placeholder, Level), which a theme's layouts are generated into or a template is read into."""

from __future__ import annotations

import re
from pathlib import Path

from deck.frozen import frozen, replace

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from deck.theme.template import Template

# Palette roles, and the slot each one takes in the file's own colour scheme (a:clrScheme) of a
# light theme (a dark theme trades text/background and muted/surface: Theme.scheme_slots).
# Slides refer to the slot through the colour map (tx1, bg1 …), never to the literal colour.
PALETTE_SLOTS: dict[str, str] = {
    "text": "dk1",
    "background": "lt1",
    "muted": "dk2",
    "surface": "lt2",
    "primary": "accent1",
    "accent": "accent2",
    "series3": "accent3",
    "series4": "accent4",
    "series5": "accent5",
    "series6": "accent6",
    "link": "hlink",
    "visited": "folHlink",
}

FONT_ROLES = ("heading", "body", "code")

# Text roles every theme names: the slide frame's, and those several kinds share. Each has a
# size, a minimum the fitter may shrink to, a font, a colour and a weight, given by the theme.
# A slide kind adds roles of its own, with defaults (`Role`); a theme may name them or not.
BASE_ROLES = (
    "deck_title",  # the title on the title slide
    "deck_subtitle",  # subtitle, author and date on the title slide
    "section",  # a section divider's name
    "title",  # every other slide's title
    "body",  # bullets (level 1), paragraphs, agenda, references
    "body2",  # sub-bullets (level 2), references
    "heading",  # column headings, step titles, timeline events
    "small",  # step text, timeline details
    "takeaway",  # the line stating what a slide shows
    "caption",  # picture, table and chart captions, timeline details
    "source",  # source and citation line
    "footer",  # footer: slide number, section name, free text
)
BODY_POINTS = 24  # the body size, in points, that a Role's default sizes are stated for


@frozen
class Role:
    """A text role a slide kind adds, and its look in a theme that does not name it: `size`
    and `min` in points for a 24 pt body (scaled with the theme's `body` size), a font role
    and a palette role."""

    doc: str
    size: float
    min: float
    font: str = "body"  # one of FONT_ROLES
    color: str = "text"  # a PALETTE_SLOTS key
    bold: bool = False
    italic: bool = False


# The East Asian scripts a font scheme names a face for (OOXML script tags), the region a
# pan-CJK family (Noto Sans CJK SC, Source Han Serif TC …) names for each, and its language.
CJK_SCRIPTS = {"Hans": "SC", "Hant": "TC", "Jpan": "JP", "Hang": "KR"}
_REGION_LANGUAGE = {"SC": "zh-CN", "TC": "zh-TW", "HK": "zh-HK", "JP": "ja-JP", "KR": "ko-KR"}
_PAN_CJK = re.compile(r"^(?P<family>.*\b(?:CJK|Han Sans|Han Serif)) (?P<region>SC|TC|HK|JP|KR)$")


def cjk_region(language: str) -> str | None:
    """Return the region of the pan-CJK face text in `language` (BCP 47) is set in: JP for
    Japanese, KR for Korean, HK for Chinese of Hong Kong and Macau, TC for other traditional
    Chinese (zh-TW, zh-Hant), SC for other Chinese; None for a language that is not CJK."""
    subtags = language.lower().replace("_", "-").split("-")
    primary = subtags[0]
    if primary == "ja":
        return "JP"
    if primary == "ko":
        return "KR"
    if primary in ("zh", "yue", "cmn"):
        if "hk" in subtags or "mo" in subtags:
            return "HK"
        if "hant" in subtags or "tw" in subtags or primary == "yue":
            return "TC"
        return "SC"
    return None


@frozen
class Face:
    """A font role's typefaces: one for Latin script, one for East Asian script."""

    latin: str
    ea: str

    def scripts(self) -> dict[str, str]:
        """Return the face for each script of CJK_SCRIPTS: a pan-CJK family's own regional
        face (Noto Sans CJK SC → Noto Sans CJK TC, JP, KR), else the East Asian face itself.
        Traditional Chinese (Hant) keeps the HK face when the East Asian face is HK's."""
        match = _PAN_CJK.match(self.ea)
        if match is None:
            return {script: self.ea for script in CJK_SCRIPTS}
        hant = "HK" if match.group("region") == "HK" else "TC"
        regions = {**CJK_SCRIPTS, "Hant": hant}
        return {script: f"{match.group('family')} {region}" for script, region in regions.items()}

    @property
    def language(self) -> str:
        """Return the language the East Asian face is drawn for (BCP 47): zh-CN unless a
        pan-CJK face names another region (TC → zh-TW, JP → ja-JP, KR → ko-KR)."""
        match = _PAN_CJK.match(self.ea)
        return _REGION_LANGUAGE[match.group("region")] if match else "zh-CN"

    def regional(self, language: str) -> Face:
        """Return the faces text in `language` is set in: a pan-CJK family's own face for the
        language's region (Noto Sans CJK SC → Noto Sans CJK JP for Japanese, KR for Korean,
        TC for zh-TW, HK for zh-HK), for the East Asian face and for a Latin face that is
        itself pan-CJK (the code font); the faces themselves for any other language or family."""
        region = cjk_region(language)
        if region is None:
            return self
        return Face(_in_region(self.latin, region), _in_region(self.ea, region))


def _in_region(typeface: str, region: str) -> str:
    match = _PAN_CJK.match(typeface)
    return typeface if match is None else f"{match.group('family')} {region}"


@frozen
class TextStyle:
    """A text role: size, minimum and maximum in EMU (multiples of half a point), font role,
    colour role. Body text a slide holds little of grows from `size` up to `max_size`
    (deck.layout.fit); 0 means no growth (the size itself)."""

    size: int
    min_size: int
    font: str  # one of FONT_ROLES
    color: str  # a PALETTE_SLOTS key
    bold: bool = False
    italic: bool = False
    max_size: int = 0

    @property
    def most(self) -> int:
        """The largest size this role's text may grow to, EMU (at least its size)."""
        return max(self.size, self.max_size)


@frozen
class Footer:
    slide_number: bool = True
    section: bool = True
    text: str = ""


@frozen
class Logo:
    """The theme's logo, drawn on the slide master: its picture file, alt text, corner
    (`top-left` or `top-right`: it sits in the top margin, above every title), height (EMU)
    and pixel size (width, height)."""

    path: Path
    alt: str
    position: str
    height: int
    pixels: tuple[int, int]

    @property
    def width(self) -> int:
        """The logo's width (EMU) at its height, its aspect kept."""
        return round(self.height * self.pixels[0] / self.pixels[1])


@frozen
class Theme:
    """Everything the layout and the renderer may use for colour, type and spacing."""

    name: str
    width: int  # slide width, EMU
    height: int  # slide height, EMU
    palette: dict[str, str]  # role -> "RRGGBB" (upper case), every PALETTE_SLOTS key present
    fonts: dict[str, Face]  # FONT_ROLES -> Face
    text: dict[str, TextStyle]  # every role (BASE_ROLES and the kinds' roles) -> TextStyle
    line_spacing: float  # line pitch as a multiple of the font size (written as exact spacing)
    paragraph_spacing: float  # space before a paragraph, as a multiple of its font size
    margin_left: int  # EMU
    margin_right: int
    margin_top: int
    margin_bottom: int
    gap: int  # space between boxes, EMU
    footer: Footer
    safety: float  # fraction of a line's width kept free for viewers' font substitution
    rule_width: int  # line width of rules, outlines and connectors, EMU
    logo: Logo | None = None  # on the master: every slide, and slides added in PowerPoint
    background: Path | None = None  # a picture behind every slide (veiled so text keeps AA)
    template: Template | None = None  # a company's template the slides are laid on (its master)

    def style(self, role: str) -> TextStyle:
        return self.text[role]

    @property
    def dark(self) -> bool:
        """Whether the background is darker than the text: the colour scheme then keeps its
        dark slots dark (dk1 = background) and the master's colour map swaps them."""
        return luminance(self.palette["background"]) < luminance(self.palette["text"])

    def scheme_slots(self) -> dict[str, str]:
        """Return the colour-scheme slot of each palette role: PALETTE_SLOTS, with text and
        background (muted and surface) trading places in a dark theme so that dk1 and dk2
        hold its dark colours and lt1 and lt2 its light ones."""
        if not self.dark:
            return dict(PALETTE_SLOTS)
        return {**PALETTE_SLOTS, "text": "lt1", "background": "dk1", "muted": "lt2", "surface": "dk2"}

    def face(self, role: str) -> Face:
        """Return the typefaces of text role `role`."""
        return self.fonts[self.text[role].font]

    def in_language(self, language: str) -> Theme:
        """Return the theme a deck in `language` is set in: each font role's regional faces
        (Face.regional: a Japanese deck in Noto Sans CJK JP, measured with that face's own
        metrics), the theme itself when no face changes."""
        fonts = {role: face.regional(language) for role, face in self.fonts.items()}
        return self if fonts == self.fonts else replace(self, fonts=fonts)


def luminance(rgb: str) -> float:
    """Return the WCAG relative luminance (0 black … 1 white) of colour "RRGGBB"."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(rgb[i : i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# -- the slide master and its layouts, format-free ------------------------------------------


TITLES = ("title", "ctrTitle")  # the placeholder types of a title


@frozen
class Level:
    """How a placeholder sets a paragraph at one outline level (EMU): the text role it takes
    (None where no theme role names it), size, exact line pitch, space before (which viewers
    leave out before a frame's first paragraph), left margin and first-line indent (negative:
    a hanging bullet), the bullet character (None: no bullet) and its palette role,
    alignment, and the font role, palette role and weight of its text."""

    role: str | None
    size: int
    line_pitch: int
    space_before: int
    margin: int
    indent: int
    bullet: str | None
    bullet_color: str | None
    align: str  # left | center | right
    font: str
    color: str
    bold: bool = False
    italic: bool = False


@frozen
class Placeholder:
    """A placeholder of a master or layout: PowerPoint's placeholder type (title, ctrTitle,
    subTitle, body, obj, pic, dt, ftr, sldNum) and idx, the shape's name, its box (EMU from
    the slide's top-left corner), its text's vertical anchor and inner margin (EMU, every
    side), and its paragraph levels, outermost first (none for a picture)."""

    type: str
    idx: int
    name: str
    x: int
    y: int
    w: int
    h: int
    anchor: str = "top"  # top | middle | bottom
    inset: int = 0
    levels: tuple[Level, ...] = ()


@frozen
class Layout:
    """A slide layout: its name, PowerPoint's layout type (title, obj, secHead, twoObj,
    twoTxTwoObj, titleOnly, blank, objTx, picTx, cust …) and its placeholders."""

    name: str
    type: str
    placeholders: tuple[Placeholder, ...]

    def placeholder_for(self, ph_type: str, idx: int) -> Placeholder:
        """Return the placeholder a slide's placeholder of type `ph_type` and `idx` takes its
        place from: the same idx (a title by type). Raises KeyError when there is none."""
        for p in self.placeholders:
            titles = p.type in TITLES and ph_type in TITLES
            if p.idx == idx and (idx != 0 or titles or p.type == ph_type):
                return p
        raise KeyError(f"layout {self.name!r} has no placeholder {ph_type} idx {idx}")


@frozen
class Master:
    """A slide master: its own placeholders (title, body, dt, ftr, sldNum), the text styles
    every placeholder inherits (title, body per outline level, other text) and its layouts,
    whose names are unique."""

    placeholders: tuple[Placeholder, ...]
    title_style: Level
    body_style: tuple[Level, ...]
    other_style: Level
    layouts: tuple[Layout, ...]

    def layout(self, name: str) -> Layout:
        """Return the layout named `name` (KeyError if there is none)."""
        for layout in self.layouts:
            if layout.name == name:
                return layout
        raise KeyError(name)
