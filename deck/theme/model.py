"""The theme model: slide size, palette, fonts, text roles, spacing, margins, footer (frozen)."""

from __future__ import annotations

from dataclasses import dataclass

# Palette roles, and the slot each one takes in the file's own colour scheme (a:clrScheme).
# Slides refer to the slot (a:schemeClr), never to the literal colour.
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Face:
    """A font role's typefaces: one for Latin script, one for East Asian script."""

    latin: str
    ea: str


@dataclass(frozen=True)
class TextStyle:
    """A text role: size and minimum in EMU (multiples of half a point), font role, colour role."""

    size: int
    min_size: int
    font: str  # one of FONT_ROLES
    color: str  # a PALETTE_SLOTS key
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Footer:
    slide_number: bool = True
    section: bool = True
    text: str = ""


@dataclass(frozen=True)
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

    def style(self, role: str) -> TextStyle:
        return self.text[role]

    def face(self, role: str) -> Face:
        """Return the typefaces of text role `role`."""
        return self.fonts[self.text[role].font]
