"""The theme codes' examples (`deck explain T…`) show the problem they name when deck reads them."""

from __future__ import annotations

import pytest

from deck.pipeline import check_outline
from deck.theme.codes import CODES

OUTLINE = "title: Talk\ntheme: ours.yaml\nslides:\n  - title: One\n    bullets: [a, b]\n    notes: n\n"
NEEDS_FILES = {"T112", "T116"}  # a symlink loop, two files: shown in tests/theme/test_files.py
NEEDS_FILES |= {f"T13{n}" for n in range(1, 9)}  # hostile templates: shown in tests/theme/test_template.py
NEEDS_FILES |= {"T141", "T142"}  # a logo picture: shown in tests/pptx/test_backdrop.py


@pytest.mark.parametrize("code", sorted(set(CODES) - NEEDS_FILES))
def test_a_theme_codes_example_shows_its_problem(code, tmp_path):
    example = CODES[code].example
    if example.startswith("title:"):  # an outline naming a theme
        (tmp_path / "notes.txt").write_text("Our colours are blue and orange.\n", encoding="utf-8")
        outline = tmp_path / "outline.yaml"
        outline.write_text(example + "\n", encoding="utf-8")
    else:  # a theme file, or a part of one that extends `default`
        theme = example if example.startswith("name:") else "name: ours\nextends: default\n" + example
        (tmp_path / "ours.yaml").write_text(theme + "\n", encoding="utf-8")
        outline = tmp_path / "outline.yaml"
        outline.write_text(OUTLINE, encoding="utf-8")
    assert code in {p.code for p in check_outline(outline).problems}
