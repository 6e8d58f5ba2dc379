"""Placeholder styles: format-free Levels as DrawingML list levels, and what a placeholder
inherits — from the master's text styles, the master's placeholder of its kind and its layout.

PowerPoint resolves a slide placeholder's text through its layout's placeholder (same idx),
the master's placeholder of the same kind (title for title and ctrTitle; date, footer and
slide number for theirs; body for every other) and the master's text styles (titleStyle,
bodyStyle). `inherited_levels` and `master_placeholder` follow the same chain, so what the
renderer leaves out of a slide is exactly what the file gives it.
"""

from __future__ import annotations

from deck.pptx.text import ALIGN, ANCHORS, centipoints, run_props_xml, scheme_color_xml, xml_attr
from deck.theme import Theme
from deck.theme.model import TITLES, Level, Master, Placeholder

_FOOTERS = ("dt", "ftr", "sldNum")
_BODY_PR = ' vert="horz" wrap="square" rtlCol="0"'


def level_xml(tag: str, level: Level, lang: str, theme: Theme) -> str:
    """Return list level `tag` (`a:lvl1pPr` …) setting every property of `level`: margins,
    alignment, East Asian line breaking, exact line pitch, space before, bullet and the
    default run (size, weight, colour, fonts)."""
    return (
        f'<{tag} marL="{level.margin}" indent="{level.indent}" algn="{ALIGN[level.align]}" rtl="0" '
        'eaLnBrk="1" latinLnBrk="0" hangingPunct="0">'
        f'<a:lnSpc><a:spcPts val="{centipoints(level.line_pitch)}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{centipoints(level.space_before)}"/></a:spcBef>'
        f"{bullet_xml(level.bullet, level.bullet_color)}"
        + run_props_xml(
            "a:defRPr",
            lang=lang,
            size=level.size,
            color=level.color,
            font=level.font,
            theme=theme,
            bold=level.bold,
            italic=level.italic,
        )
        + f"</{tag}>"
    )


def bullet_xml(char: str | None, color: str | None) -> str:
    """Return a paragraph's bullet: `char` in palette role `color` (the text's colour when
    None) at the text's size and font, or `a:buNone`."""
    if char is None:
        return "<a:buNone/>"
    colour = f"<a:buClr>{scheme_color_xml(color)}</a:buClr>" if color else "<a:buClrTx/>"
    return f'{colour}<a:buSzPct val="100000"/><a:buFontTx/><a:buChar char="{xml_attr(char)}"/>'


def list_style_xml(levels: tuple[Level, ...], inherited: tuple[Level, ...], lang: str, theme: Theme) -> str:
    """Return `a:lstStyle` with each level of `levels` that differs from the one it would
    inherit (`inherited`, by position): empty when the placeholder adds nothing."""
    own = [
        level_xml(f"a:lvl{n}pPr", level, lang, theme)
        for n, level in enumerate(levels, 1)
        if n > len(inherited) or level != inherited[n - 1]
    ]
    return f"<a:lstStyle>{''.join(own)}</a:lstStyle>" if own else "<a:lstStyle/>"


def body_pr_xml(ph: Placeholder, base: Placeholder | None) -> str:
    """Return `a:bodyPr` for placeholder `ph`: every property on a master's (`base` None),
    else only its anchor and insets where they differ from `base`'s."""
    if base is None:
        inset = "".join(f' {side}Ins="{ph.inset}"' for side in "ltrb")
        return f'<a:bodyPr{_BODY_PR}{inset} anchor="{ANCHORS[ph.anchor]}"><a:noAutofit/></a:bodyPr>'
    return body_override_xml(ph.anchor, ph.inset, base)


def body_override_xml(anchor: str, inset: int, base: Placeholder) -> str:
    """Return `a:bodyPr` giving `anchor` and `inset` (EMU) only where `base` has others."""
    attrs = "".join(f' {side}Ins="{inset}"' for side in "ltrb") if inset != base.inset else ""
    if anchor != base.anchor:
        attrs += f' anchor="{ANCHORS[anchor]}"'
    return f"<a:bodyPr{attrs}/>"


def master_placeholder(master: Master, ph_type: str) -> Placeholder:
    """Return the master's placeholder a layout's placeholder of `ph_type` inherits from."""
    kind = "title" if ph_type in TITLES else ph_type if ph_type in _FOOTERS else "body"
    return next(p for p in master.placeholders if p.type == kind)


def inherited_levels(master: Master, ph_type: str) -> tuple[Level, ...]:
    """Return the levels a layout's placeholder of `ph_type` inherits from the master: the
    title style, a footer placeholder's own level, or the body style."""
    if ph_type in TITLES:
        return (master.title_style,)
    if ph_type in _FOOTERS:
        return master_placeholder(master, ph_type).levels
    return master.body_style


def effective_levels(master: Master, ph: Placeholder) -> tuple[Level, ...]:
    """Return the levels text in layout placeholder `ph` is set in: its own, then the
    master's beyond them."""
    return ph.levels + inherited_levels(master, ph.type)[len(ph.levels) :]
