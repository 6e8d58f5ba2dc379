"""The outline's frame: the top-level keys, and the keys every slide takes beside its content
key (a section divider takes fewer), as fields; and the `language` tag's check."""

from __future__ import annotations

import re

from deck.fields import INVALID, Bool, Ctx, Field, ListOf, MapOf, Record, Text
from deck.fields.pictures import ImagePath
from deck.kinds.base import Kind
from deck.kinds.wayfinding import AGENDA, WAYFINDING
from deck.problems import cut

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

COMMON: dict[str, Field] = {
    "title": Field(
        Text(doc="the slide's title", max_chars=200),
        False,
        "the slide's title (plain text); required except on `section`",
    ),
    "notes": Field(
        Text(doc="speaker notes", inline=True, max_chars=20000),
        False,
        "speaker notes: what you will say; a blank line starts a paragraph, a `- ` line a list "
        "item (inline marks allowed)",
    ),
    "takeaway": Field(
        Text(doc="one line stating what the slide shows", inline=True, max_chars=200),
        False,
        "one line stating what the slide shows, set apart under the body",
    ),
    "cite": Field(
        ListOf(
            Text(doc="a reference key", located=True, max_chars=100),
            1,
            30,
            doc="the reference keys this slide cites",
            noun="reference key",
            shape="e.g. `cite: [nrm]`",
            few="write the keys this slide cites, e.g. `cite: [nrm]`, or remove the line",
            many="cite fewer references on one slide",
        ),
        False,
        "reference keys (from top-level `references`) this slide cites",
        "the reference keys, e.g. `[nrm]`",
    ),
    "source": Field(
        Text(doc="where in the source, e.g. `§1.2`", max_chars=120),
        False,
        "where in the source this comes from, e.g. `§1.2`; shown small",
    ),
    "id": Field(
        Text(doc="a stable name for the slide", located=True, max_chars=80),
        False,
        "a stable name for the slide (letters, digits, `-`, `_`, `.`)",
    ),
    "hidden": Field(Bool(doc="`true` or `false`"), False, "true: validate the slide, then leave it out"),
    **WAYFINDING,
    "background": Field(
        Record("background", {"image": Field(ImagePath(), True, "the picture, relative to the outline")}),
        False,
        "a picture behind this slide, filling it; veiled in the theme's background colour where text "
        "would fall below WCAG AA",
        "`{image: assets/photo.jpg}`",
    ),
}
TITLE = Field(COMMON["title"].spec, True, COMMON["title"].doc)  # on every slide but a section

# A section divider is an entry of `slides` beside the slides of each kind: its key holds the
# section's name, and it takes only these keys of the frame.
SECTION = "section"
SECTION_FIELD = Field(
    Text(doc="the section's name", max_chars=120),
    True,
    "a section divider; also feeds the agenda and the footer",
    "the section's name",
)
SECTION_KEYS = ("notes", "id", "hidden", "background")
MAX_SLIDES = 1000


TOP: dict[str, Field] = {
    "title": Field(Text(doc="the talk's title", max_chars=200), True, "the talk's title"),
    "subtitle": Field(Text(doc="a subtitle", max_chars=300), False, "a subtitle"),
    "author": Field(Text(doc="the author", max_chars=200), False, "who gives the talk"),
    "date": Field(Text(doc="the date, as text", max_chars=60), False, "the date, as text as typed"),
    "language": Field(
        Text(doc="a BCP 47 language tag", located=True, max_chars=35, pattern=_LANG.pattern),
        False,
        "a BCP 47 tag such as `en`, `zh-CN`; default `en`",
    ),
    "theme": Field(
        Text(doc="a built-in theme name, a theme file path, or a company template (.pptx, .potx)", max_chars=300),
        False,
        "a built-in theme name (`default`, `dark`), a path to a theme file, or a company template (.pptx, .potx)",
    ),
    "agenda": AGENDA,
    "references": Field(
        MapOf(
            Text(doc="the citation", inline=True, max_chars=600),
            "the references as a mapping of key to citation",
            "reference",
            1,
            500,
            "`nrm: Shang et al. 2015`",
        ),
        False,
        "reference key → citation text; cited ones are listed at the end",
    ),
    "slides": Field(ListOf(Record("slide"), 1, MAX_SLIDES), True, "the slides, in order"),
}


def kind_field(kind: Kind) -> Field:
    """Return the field of a kind's content key: required, read by the kind's spec."""
    return Field(kind.spec, True, kind.doc, kind.write)


def read_language(value, ctx: Ctx) -> str:
    """Return the outline's language tag, "en" when it is missing or wrong (after a located error)."""
    if value in (None, INVALID):
        return "en"
    text, where = value
    if not _LANG.match(text):
        ctx.error(where, "K113", f"`language` is a BCP 47 tag such as `en`, `zh-CN` or `en-GB`, got `{cut(text)}`")
        return "en"
    primary, _, rest = text.partition("-")
    if primary.lower() in _COUNTRY_NOT_LANGUAGE:
        better = _COUNTRY_NOT_LANGUAGE[primary.lower()] + ("-" + rest if rest else "")
        ctx.error(
            where,
            "K113",
            f"`{cut(text)}` starts with a country code, not a language; did you mean `{better}`? "
            "(BCP 47 tags start with the language: `ja`, `ko`, `zh-CN`, `zh-TW`)",
        )
        return "en"
    return text


# Country codes often typed where a language code belongs, and the language meant.
_COUNTRY_NOT_LANGUAGE = {"jp": "ja", "kr": "ko", "cn": "zh-CN", "tw": "zh-TW", "hk": "zh-HK", "gr": "el", "dk": "da"}
