"""The `code` kind: coloured by Pygments with scheme colours, one paragraph per line, tabs
expanded, never wrapped (shrunk, then refused naming the line)."""

import zipfile

import pytest
from conftest import ROOT, render_pdf
from lxml import etree
from rendercheck import read_render, rendered_line_counts

from deck.cli import main
from deck.pipeline import build_outline

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
CASE = ROOT / "tests" / "cases" / "code" / "outline.yaml"


def _outline(write, code: str, language: str = "python") -> str:
    body = "\n".join("        " + line for line in code.split("\n"))
    return write(
        "outline.yaml",
        "title: T\nslides:\n  - title: Code\n    notes: n\n    code:\n"
        f"      language: {language}\n      text: |\n{body}\n",
    )


def _slide_xml(pptx, n: int = 2) -> str:
    with zipfile.ZipFile(pptx) as z:
        return z.read(f"ppt/slides/slide{n}.xml").decode("utf-8")


def test_each_source_line_is_one_paragraph_with_tabs_expanded(write, tmp_path):
    outline = _outline(write, "def f():\n\treturn 1\n\nx = f()")
    outcome = build_outline(outline, tmp_path / "o.pptx")
    [frame] = [e for e in outcome.pages.pages[1].elements if getattr(e, "name", "") == "Code"]
    assert [p.text for p in frame.paragraphs] == ["def f():", "    return 1", "", "x = f()"]
    assert all(p.space_before == 0 for p in frame.paragraphs)


def test_tokens_are_coloured_with_scheme_colours_and_never_wrapped(write, tmp_path):
    outline = _outline(write, "def f():  # note\n    return 'a' + 1")
    assert main(["build", str(outline), "-o", str(tmp_path / "o.pptx")]) == 0
    root = etree.fromstring(_slide_xml(tmp_path / "o.pptx").encode())
    colour_of = {}
    for run in root.iter(f"{{{A}}}r"):
        fill = run.find(f"{{{A}}}rPr/{{{A}}}solidFill/{{{A}}}schemeClr")
        colour_of[run.findtext(f"{{{A}}}t")] = None if fill is None else fill.get("val")
    assert colour_of["def"] == "accent1"  # keyword → primary
    assert colour_of["f"] == "accent2"  # function name → accent
    assert colour_of["# note"] == "tx2"  # comment → muted
    assert colour_of["'a'"] == "accent3"  # string → series3
    assert b"srgbClr" not in etree.tostring(root)
    code_box = [sp for sp in root.iter(f"{{{P}}}sp") if sp.find(f"{{{P}}}nvSpPr/{{{P}}}cNvPr").get("name") == "Code"]
    assert [sp.find(f"{{{P}}}txBody/{{{A}}}bodyPr").get("wrap") for sp in code_box] == ["none"]


def test_unknown_language_is_a_located_error_with_a_suggestion(write, capsys):
    outline = _outline(write, "print(1)", language="pyhton")
    assert main(["check", str(outline)]) == 1
    err = capsys.readouterr().err
    assert ":6:17: error[K231]: unknown code language `pyhton`; did you mean `python`?" in err


def test_a_line_too_wide_even_at_the_minimum_is_an_error_naming_it(write, capsys):
    outline = _outline(write, "x = 1\ny = " + " + ".join(["some_long_name"] * 12))
    assert main(["check", str(outline)]) == 1
    err = capsys.readouterr().err
    assert "error[K232]: line 2 of the code is too wide" in err and "code is never wrapped" in err


def test_a_wide_line_shrinks_the_block_rather_than_wrap(write, tmp_path):
    outline = _outline(write, "y = " + " + ".join(["name"] * 14))
    outcome = build_outline(outline, tmp_path / "o.pptx")
    [frame] = [e for e in outcome.pages.pages[1].elements if getattr(e, "name", "") == "Code"]
    assert outcome.errors == [] and frame.lines == 1
    assert frame.size < outcome.theme.text["code_block"].size
    assert any(p.code == "L108" for p in outcome.warnings)


def test_plain_text_has_no_colours(write, tmp_path):
    outline = _outline(write, "just text = 1", language="text")
    outcome = build_outline(outline, tmp_path / "o.pptx")
    [frame] = [e for e in outcome.pages.pages[1].elements if getattr(e, "name", "") == "Code"]
    assert all(r.color is None for p in frame.paragraphs for r in p.runs)


@pytest.mark.render
@pytest.mark.parametrize("theme", ["default", "dark"])
def test_rendered_code_has_exactly_one_line_per_source_line(theme, tmp_path):
    outcome = build_outline(CASE, tmp_path / "code.pptx", theme)
    pdf = render_pdf(outcome.output, tmp_path)
    counts = rendered_line_counts(outcome.output, pdf, render=read_render(outcome.output, pdf))
    for number, page in enumerate(outcome.pages.pages, 1):
        for frame in [e for e in page.elements if getattr(e, "name", "") == "Code"]:
            written = sum(1 for p in frame.paragraphs if p.text.strip())
            assert counts[(number, "Code")] == written
