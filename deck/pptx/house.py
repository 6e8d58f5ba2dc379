"""A company template's theme part with what the deck's theme file overrides: the colour of
each palette role the theme file changed, in the scheme slot the template's colour map gives
that role, and the Latin (and East Asian) faces of headings and body. A theme that overrides
nothing leaves the part byte for byte as the template has it."""

from __future__ import annotations

import re

from deck.pptx.text import scheme_name
from deck.theme import PALETTE_SLOTS, Theme
from deck.theme.template import Template


def overridden_theme_part(blob: bytes, theme: Theme, template: Template) -> bytes:
    """Return theme part `blob` of `template` with `theme`'s own colours and faces."""
    text = blob.decode("utf-8")
    for role in PALETTE_SLOTS:
        slot = template.color_map.get(scheme_name(role), scheme_name(role))
        color = theme.palette[role]
        if template.colors.get(slot) not in (None, color):
            pattern = re.compile(rf"(<a:{slot}>).*?(</a:{slot}>)", re.S)
            text = pattern.sub(lambda m, c=color: f'{m.group(1)}<a:srgbClr val="{c}"/>{m.group(2)}', text, count=1)
    for role, tag, key in (("heading", "majorFont", "major"), ("body", "minorFont", "minor")):
        face = theme.fonts[role]
        for script, value, given in (
            ("latin", face.latin, template.fonts.get(key)),
            ("ea", face.ea, template.fonts.get(f"{key}_ea")),
        ):
            if given and value != given:
                text = _face(text, tag, script, value)
    return text.encode("utf-8")


def _face(text: str, tag: str, script: str, value: str) -> str:
    """Set the typeface of `<a:{script}>` in font group `tag` (majorFont or minorFont)."""
    start, end = text.find(f"<a:{tag}>"), text.find(f"</a:{tag}>")
    if start < 0 or end < 0:
        return text
    group = re.sub(
        rf'<a:{script} typeface="[^"]*"',
        f'<a:{script} typeface="{value.replace("&", "&amp;").replace(chr(34), "&quot;")}"',
        text[start:end],
        count=1,
    )
    return text[:start] + group + text[end:]
