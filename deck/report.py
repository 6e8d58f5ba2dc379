"""`deck template FILE`: what a company template gives deck and what deck does with it.

The template is read as a build reads it, and a sample talk with a slide of every kind that
fills placeholders is laid out on it (the kinds drawn as shapes take the layout code takes).
The report says, for each kind, the layout chosen and why (the placeholders its text fills,
told by type and position), or that no layout takes it and it is drawn; then the placeholders
of every layout, the colours and fonts the theme takes over (with how each font is measured),
the master's art, and the problems found.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from deck.kinds import KINDS
from deck.layout.metrics import measured_family
from deck.problems import Problem
from deck.units import EMU_PER_PT

_SAMPLE = """\
title: title slide
subtitle: subtitle
theme: THEME
slides:
  - section: section divider
  - {title: bullets, bullets: [one, two], notes: n}
  - {title: bullets with takeaway and source, bullets: [one], takeaway: t, source: s, notes: n}
  - {title: text, text: A paragraph., notes: n}
  - title: columns
    columns: [{heading: A, bullets: [a]}, {heading: B, bullets: [b]}]
    notes: n
  - title: three columns
    columns: [{heading: A, bullets: [a]}, {heading: B, bullets: [b]}, {heading: C, bullets: [c]}]
    notes: n
  - {title: quote, quote: {text: Words., by: Someone}, notes: n}
  - {title: image, image: {path: sample.png, alt: A grey square, caption: A caption}, notes: n}
  - {title: table, table: {header: [A, B], rows: [[1, 2]]}, notes: n}
  - {title: chart, chart: {type: column, categories: [A, B], series: {S: [1, 2]}}, notes: n}
  - {title: code, code: {language: python, text: "print(1)"}, notes: n}
"""


def template_report(path: Path) -> tuple[str, list[Problem]]:
    """Return the report on template `path` and the problems found (errors: no report)."""
    from PIL import Image

    from deck.pipeline import check_outline

    with tempfile.TemporaryDirectory(prefix="deck-template-") as folder:
        sample = Path(folder) / "sample.yaml"
        sample.write_text(_SAMPLE.replace("THEME", "template.pptx"), encoding="utf-8")
        Image.new("RGB", (40, 30), (128, 128, 128)).save(Path(folder) / "sample.png")
        out = check_outline(sample, theme=str(path.resolve()), theme_base=Path.cwd())
    problems = [p for p in out.problems if not p.path.endswith("sample.yaml")]
    if out.theme is None or out.theme.template is None or out.pages is None:
        return "", problems
    lines = _header(out.theme) + _kinds(out) + _layouts(out.theme.template) + _look(out.theme)
    return "\n".join(lines) + "\n", problems


def _pt(emu: int) -> str:
    return f"{emu / EMU_PER_PT:g}"


def _header(theme) -> list[str]:
    t = theme.template
    inches = f"{t.width / 914400:.2f} × {t.height / 914400:.2f} in"
    return [
        f"template {t.path.name}: slides {inches}; master {t.master_part} with {len(t.master.layouts)} layouts",
        "",
        "slide kinds → layouts (chosen by placeholder type and position, never by name or number):",
    ]


def _kinds(out) -> list[str]:
    drawn = {p.line for p in out.problems if p.code == "L130"}
    lines, drawn_on = [], ""
    for page in out.pages.pages:
        kind = "".join(p.text for p in page.title.paragraphs).split(" (")[0] or page.key
        filled = [
            f"{e.slot} → {e.placeholder.type} idx {e.placeholder.idx}"
            for e in (page.title, *page.elements)
            if getattr(e, "placeholder", None) is not None and e.slot not in ("footer", "number", "date")
        ]
        if page.line in drawn and page.key not in ("agenda", "references"):
            why = "no layout has placeholders for its content: drawn as shapes (warning L130)"
        elif len(filled) <= 1 and page.key not in ("title",) and kind != "section divider":
            why = "its title in the title placeholder; the rest drawn as shapes (a drawn kind)"
        else:
            why = "; ".join(filled) or "nothing to fill"
        lines.append(f"  {kind:34} {page.layout:28} {why}")
        if kind == "code":  # every kind without a text slot is drawn, on the layout code takes
            drawn_on = page.layout
    sampled = {line.split()[0] for line in lines}
    others = [name for name in KINDS if name not in sampled]
    if others and drawn_on:
        lines.append(f"  {', '.join(others)}: drawn as grouped shapes on {drawn_on}, the title in its placeholder")
    return lines


def _layouts(template) -> list[str]:
    lines = ["", "layouts and their placeholders (type idx: x, y, w × h in pt):"]
    for layout in template.master.layouts:
        phs = ", ".join(
            f"{p.type} {p.idx}: {_pt(p.x)}, {_pt(p.y)}, {_pt(p.w)} × {_pt(p.h)}" for p in layout.placeholders
        )
        lines.append(f"  {layout.name} ({layout.type}): {phs or 'none'}")
    art = [p.name for p in template.parts if p.content_type.startswith("image/")]
    lines.append(f"master art and pictures copied: {', '.join(art) if art else 'none'}")
    return lines


def _look(theme) -> list[str]:
    t = theme.template
    colours = ", ".join(f"{slot} #{value}" for slot, value in t.colors.items())
    lines = ["", f"colour scheme: {colours}"]
    mapped = ", ".join(f"{role} #{theme.palette[role]}" for role in ("text", "background", "primary", "accent"))
    lines.append(f"palette taken over: {mapped}")
    for role, key in (("headings", "major"), ("body", "minor")):
        face = t.fonts.get(key) or "(none)"
        stand_in = measured_family(face) if t.fonts.get(key) else None
        how = "no metrics: measured as Noto Sans (warning T120)" if stand_in is None else f"measured as {stand_in}"
        ea = t.fonts.get(f"{key}_ea") or "(none)"
        lines.append(f"fonts, {role}: {face} ({how}); East Asian {ea} (measured at 1 em)")
    sizes = ", ".join(f"{role} {_pt(theme.text[role].size)} pt" for role in ("title", "body", "body2"))
    lines.append(f"sizes taken over: {sizes}")
    return lines
