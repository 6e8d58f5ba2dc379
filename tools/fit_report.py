"""Report how well the layout's predicted line counts match LibreOffice's rendering.

Run from the repository root:  .venv/bin/python tools/fit_report.py [OUTLINE ...]
Builds each outline in both built-in themes, converts it with LibreOffice, and prints, per deck,
the number of text boxes, how many were predicted exactly, the largest difference, and any
character found outside its box (there should be none).
"""

import sys
import tempfile
from collections import Counter
from pathlib import Path

from rendercheck import overflowing_chars, read_render, render_pdf, rendered_line_counts  # tools/, beside this file

from deck.pipeline import build_outline

ROOT = Path(__file__).resolve().parent.parent

DEFAULT = [
    ROOT / "outline.yaml",
    ROOT / "examples" / "showcase.yaml",
    *sorted((ROOT / "tests" / "cases").glob("*/outline.yaml")),
]


def report(outline: Path, theme: str, tmp: Path) -> tuple[Counter, int]:
    outcome = build_outline(outline, tmp / f"{outline.parent.name}-{theme}.pptx", theme)
    pdf = render_pdf(outcome.output, tmp)
    render = read_render(outcome.output, pdf)
    counts = rendered_line_counts(outcome.output, pdf, render=render)
    diffs: Counter = Counter()
    for number, page in enumerate(outcome.pages.pages, 1):
        seen: dict[str, int] = {}
        for e in (page.title, *page.elements):
            if not hasattr(e, "lines") or not any(p.text.strip() for p in e.paragraphs):
                continue
            seen[e.name] = seen.get(e.name, 0) + 1
            label = e.name if seen[e.name] == 1 else f"{e.name}#{seen[e.name]}"
            if (number, label) in counts:
                diffs[e.lines - counts[(number, label)]] += 1
    return diffs, len(overflowing_chars(outcome.output, pdf, render=render))


def main(argv: list[str]) -> None:
    outlines = [Path(a).resolve() for a in argv] or DEFAULT
    total: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for outline in outlines:
            for theme in ("default", "dark"):
                diffs, outside = report(outline, theme, Path(tmp))
                total += diffs
                n = sum(diffs.values())
                print(
                    f"{outline.relative_to(ROOT)} [{theme}]: {n} boxes, {diffs[0]} exact, "
                    f"largest difference {max(map(abs, diffs), default=0)} line(s), {outside} chars outside"
                )
    n = sum(total.values())
    print(
        f"all: {n} boxes, {total[0]} exact ({100 * total[0] / max(n, 1):.1f}%), "
        f"differences (predicted − rendered): {dict(sorted(total.items()))}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
