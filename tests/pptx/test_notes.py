"""Speaker notes keep their shape on the notes page: paragraphs at blank lines, `- ` lines as
real bulleted list items, strong text and links kept."""

import zipfile

from lxml import etree

from deck.pipeline import build_outline

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

NOTES = """\
    notes: |
      Open with the **question**
      and wait.

      - first point, see [the paper](https://example.org/p)
        said on two lines
      - second point
        - a detail under it
      中文备注第一行
      接着说。

      Close.
"""


def _notes_paragraphs(write, tmp_path, notes: str = NOTES):
    outline = write("outline.yaml", "title: T\nslides:\n  - title: S\n    text: t\n" + notes)
    outcome = build_outline(outline, tmp_path / "o.pptx")
    assert outcome.errors == []
    with zipfile.ZipFile(tmp_path / "o.pptx") as z:
        root = etree.fromstring(z.read("ppt/notesSlides/notesSlide1.xml"))
    [body] = [b for b in root.iter(f"{{{A}}}bodyPr") if b.getparent().find(f"{{{A}}}p") is not None]
    return outcome, body.getparent().findall(f"{{{A}}}p")


def _text(p) -> str:
    return "".join(t.text for t in p.iter(f"{{{A}}}t"))


def test_blank_lines_separate_paragraphs_dash_lines_are_items_and_an_unindented_line_ends_a_list(write, tmp_path):
    outcome, paragraphs = _notes_paragraphs(write, tmp_path)
    assert [_text(p) for p in paragraphs] == [
        "Open with the question and wait.",
        "first point, see the paper said on two lines",
        "second point",
        "a detail under it",
        "中文备注第一行接着说。",
        "Close.",
    ]
    assert [p.level for p in outcome.pages.pages[1].notes] == [0, 1, 1, 2, 0, 0]


def test_list_items_carry_real_bullets_hanging_one_level_deeper_each(write, tmp_path):
    _, paragraphs = _notes_paragraphs(write, tmp_path)
    props = [p.find(f"{{{A}}}pPr") for p in paragraphs]
    bullets = [None if pr.find(f"{{{A}}}buChar") is None else pr.find(f"{{{A}}}buChar").get("char") for pr in props]
    assert bullets == [None, "\u2022", "\u2022", "\u2013", None, None]
    assert all(pr.find(f"{{{A}}}buNone") is not None for pr, b in zip(props, bullets) if b is None)
    margins = [int(pr.get("marL")) for pr in props]
    assert margins[0] == margins[4] == margins[5] == 0 and 0 < margins[1] == margins[2] < margins[3]
    assert all(int(pr.get("indent")) < 0 for pr, b in zip(props, bullets) if b)


def test_paragraphs_are_spaced_but_items_of_one_list_are_not(write, tmp_path):
    _, paragraphs = _notes_paragraphs(write, tmp_path)
    before = [int(p.find(f"{{{A}}}pPr/{{{A}}}spcBef/{{{A}}}spcPts").get("val")) for p in paragraphs]
    assert before[0] == 0 and before[1] > 0 and before[2] == before[3] == 0 and before[4] > 0 and before[5] > 0


def test_strong_text_and_links_are_kept_in_the_notes(write, tmp_path):
    _, paragraphs = _notes_paragraphs(write, tmp_path)
    runs = {r.findtext(f"{{{A}}}t"): r.find(f"{{{A}}}rPr") for r in paragraphs[0].iter(f"{{{A}}}r")}
    assert runs["question"].get("b") == "1" and runs["Open with the "].get("b") == "0"
    [link] = [r for r in paragraphs[1].iter(f"{{{A}}}r") if r.findtext(f"{{{A}}}t") == "the paper"]
    assert link.find(f"{{{A}}}rPr/{{{A}}}hlinkClick").get(f"{{{R}}}id")


def test_a_dash_inside_a_line_or_without_a_space_is_text(write, tmp_path):
    notes = "    notes: |\n      a - b\n      -5 degrees\n"
    _, paragraphs = _notes_paragraphs(write, tmp_path, notes)
    assert [_text(p) for p in paragraphs] == ["a - b -5 degrees"]
    assert paragraphs[0].find(f"{{{A}}}pPr/{{{A}}}buNone") is not None
