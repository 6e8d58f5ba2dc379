"""Every layout problem is a value with its code, at the line of what caused it."""

from __future__ import annotations

import pytest

from deck.pipeline import check_outline

LATIN = "A sentence that keeps going. "
CJK = "规模带来质变，数据与算力需要同步增长。"
BIG = "extends: default\nname: big\ntext:\n  {role}: {{size: 120, min: 120, font: heading, color: text}}\n"


def slide(body: str, title: str = "One", extra: str = "") -> str:
    return f"  - title: {title}\n{body}{extra}    notes: n\n"


CASES = {
    "L101": (slide("    text: Hello\n", title="Title " * 31), None, 3),
    "L102": ("title: " + CJK * 10 + "\nslides:\n" + slide("    text: Hello\n"), None, 1),
    "L103": ("title: Talk\nsubtitle: " + "words " * 16 + "\nslides:\n" + slide("    text: Hi\n"), "deck_subtitle", 1),
    "L104": ("title: Talk\nslides:\n  - section: " + "Part " * 20 + "\n", "section", 4),
    "L105": (slide("    text: Hello\n", extra="    takeaway: " + CJK * 10 + "\n"), None, 3),
    "L106": (slide("    text: " + LATIN * 95 + "\n"), None, 3),
    "L107": (slide("    bullets:\n      - " + CJK * 100 + "\n"), None, 3),
    "L108": (slide("    text: " + LATIN * 30 + "\n"), None, 3),
    "L109": (slide("    bullets:\n" + ("      - " + LATIN * 6 + "\n") * 30), None, 3),
    "L110": (slide("    bullets:\n      - launch 🚀 day\n"), None, 5),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_layout_problem_has_its_code_at_its_line(code, write):
    text, role, line = CASES[code]
    if not text.startswith("title:"):
        text = "title: Talk\nslides:\n" + text
    theme = None
    if role:
        write("big.yaml", BIG.format(role=role))
        text = text.replace("title: Talk\n", "title: Talk\ntheme: big.yaml\n", 1)
    outcome = check_outline(write("outline.yaml", text), theme)
    assert [p.line for p in outcome.problems if p.code == code] == [line]
