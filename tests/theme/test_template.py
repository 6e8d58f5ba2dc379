"""A company's template as the theme: real templates (python-pptx's, pandoc's, LibreOffice's)
and hostile ones (templatekit) build, every word lands on a slide or in a warning, the
template's master, layouts, theme and art are in the output, and broken templates are clear,
located errors."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import templatekit as tk
from conftest import ROOT
from ooxmlcheck import audit_errors
from pptx import Presentation

from deck.cli import main
from deck.layout.fit import Fitter, Para
from deck.layout.page import TextFrame
from deck.pipeline import build_outline, check_outline
from deck.theme.template import read_template

OUTLINE = """\
title: Quarterly review
subtitle: Numbers and plans
author: Ada Lovelace
theme: {theme}
slides:
  - section: Results
  - title: What went well
    bullets:
      - Revenue grew in every region
      - text: Costs fell
        bullets: [Cheaper hosting, Fewer meetings]
    takeaway: Growth without waste
    notes: Say the numbers slowly.
  - title: A paragraph
    text: Templates number their placeholders in many ways.
    notes: n
  - title: Before and after
    columns:
      - heading: Before
        bullets: [Manual slides, Broken layouts]
      - heading: After
        bullets: [Measured text, House style]
    notes: n
  - title: Words to remember
    quote:
      text: Never lose a word.
      by: The issue tracker
    notes: n
  - title: The process
    steps:
      - {title: Draft, text: Write the outline}
      - {title: Build, text: Run deck build}
    notes: n
  - title: The figure
    image:
      path: figure.png
      alt: A plain red figure
      caption: A figure with its caption
    notes: n
"""
WORDS = [
    "Quarterly review",
    "Numbers and plans",
    "Ada Lovelace",
    "Results",
    "What went well",
    "Revenue grew in every region",
    "Costs fell",
    "Cheaper hosting",
    "Fewer meetings",
    "Growth without waste",
    "A paragraph",
    "Templates number their placeholders in many ways.",
    "Before and after",
    "Manual slides",
    "Broken layouts",
    "Measured text",
    "House style",
    "Never lose a word.",
    "The issue tracker",
    "The process",
    "Draft",
    "Write the outline",
    "Run deck build",
    "The figure",
    "A figure with its caption",
]
CORPUS, template_file = tk.CORPUS, tk.template_file


def talk(folder: Path, theme: str) -> Path:
    (folder / "figure.png").write_bytes(tk.png(64, 48, (220, 40, 40)))
    outline = folder / "talk.yaml"
    outline.write_text(OUTLINE.replace("{theme}", theme), encoding="utf-8")
    return outline


def built(name: str, folder: Path):
    path = template_file(name, folder)
    out = build_outline(talk(folder, path.name), folder / "out.pptx")
    assert out.output is not None, [p.format() for p in out.errors]
    return path, out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The talk built once on each template, for the tests that only read what was built:
    corpus(name) → (template path, outcome)."""
    done: dict[str, tuple] = {}

    def get(name: str):
        if name not in done:
            done[name] = built(name, tmp_path_factory.mktemp(name))
        return done[name]

    return get


def slide_texts(path: Path) -> list[str]:
    texts = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            shapes = shape.shapes if shape.shape_type == 6 else [shape]  # a group: its members
            texts += [s.text_frame.text for s in shapes if s.has_text_frame]
    return texts


@pytest.mark.parametrize("name", CORPUS)
def test_every_word_is_on_a_slide_or_in_a_warning(name, corpus):
    _, out = corpus(name)
    text = "\n".join(slide_texts(out.output)).replace("\u2028", " ").replace("\n", " ")
    warned = " ".join(p.message for p in out.warnings)
    lost = [w for w in WORDS if w not in text and w not in warned]
    assert lost == []


@pytest.mark.parametrize("name", CORPUS)
def test_the_output_keeps_the_templates_master_layouts_theme_and_art(name, corpus):
    path, out = corpus(name)
    template, _ = read_template(path)
    with zipfile.ZipFile(out.output) as z:
        names = set(z.namelist())
        for part in template.parts:  # master, layouts, theme, pictures: byte for byte
            assert z.read(part.name) == part.blob, part.name
        types = z.read("[Content_Types].xml").decode()
        with zipfile.ZipFile(path) as original:  # the colour and font schemes as the template has them
            assert z.read(template.theme_part) == original.read(template.theme_part)
    assert "presentationml.presentation.main+xml" in types and "template.main" not in types
    assert not any(n.startswith("ppt/notesSlides/") for n in names) or "notesMaster" in types
    prs = Presentation(str(out.output))
    assert (prs.slide_width, prs.slide_height) == (template.width, template.height)
    assert len(prs.slides) == len(out.pages.pages)  # the template's own slides are gone
    assert {s.slide_layout.name for s in prs.slides} <= {layout.name for layout in prs.slide_layouts}


def test_a_logo_on_the_master_is_in_the_output(corpus):
    _, out = corpus("logo")
    with zipfile.ZipFile(out.output) as z:
        assert z.read("ppt/media/logo1.png") == tk.png(40, 20, tk.LOGO_RGB)
        assert b"Company Logo" in z.read(tk.MASTER)
    prs = Presentation(str(out.output))
    logo = [s for s in prs.slide_master.shapes if s.name == "Company Logo"]
    assert logo and logo[0].image.blob == tk.png(40, 20, tk.LOGO_RGB)


def test_bodies_fill_renumbered_placeholders(corpus):
    _, out = corpus("renumbered")
    prs = Presentation(str(out.output))
    by_title = {s.shapes.title.text: s for s in prs.slides if s.shapes.title is not None}
    bullets = by_title["What went well"]
    assert bullets.slide_layout.name == "Title and Content"
    body = [p for p in bullets.placeholders if p.placeholder_format.idx == 13]
    assert body and body[0].text_frame.paragraphs[0].text == "Revenue grew in every region"
    columns = by_title["Before and after"]
    assert columns.slide_layout.name == "Comparison"
    filled = {p.placeholder_format.idx: p.text_frame.text for p in columns.placeholders}
    assert filled[4] == "Before" and filled[14] == "After"
    assert filled[13].startswith("Manual slides") and filled[15].startswith("Measured text")


def test_layouts_renamed_in_other_languages_are_chosen_alike(corpus):
    _, plain = corpus("python-pptx")
    _, renamed = corpus("renamed")

    def chosen(path):
        prs = Presentation(str(path))
        order = [layout.name for layout in prs.slide_layouts]
        return [order.index(s.slide_layout.name) for s in prs.slides]

    assert chosen(renamed.output) == chosen(plain.output)
    assert "Titel und Inhalt" in {s.slide_layout.name for s in Presentation(str(renamed.output)).slides}


def test_a_kind_no_layout_takes_is_drawn_with_a_warning_naming_kind_and_layout(corpus):
    _, out = corpus("no-two-content")
    [warning] = [p for p in out.warnings if p.code == "L130"]
    assert "columns slide" in warning.message and "`Title Only`" in warning.message
    assert warning.line == OUTLINE.splitlines().index("  - title: Before and after") + 1


def test_a_template_build_is_deterministic(tmp_path):
    _, first = built("pandoc", tmp_path)
    one = first.output.read_bytes()
    again = build_outline(talk(tmp_path, "pandoc.pptx"), tmp_path / "again.pptx")
    assert again.output.read_bytes() == one


@pytest.mark.parametrize("name", CORPUS)
def test_openxml_audit_finds_nothing(name, corpus):
    _, out = corpus(name)
    assert audit_errors(out.output) == []


def test_a_theme_file_lays_its_own_keys_over_its_template(tmp_path):
    template_file("pandoc", tmp_path)
    (tmp_path / "house.yaml").write_text(
        "name: house\nextends: default\ntemplate: pandoc.pptx\ntext:\n  title: {size: 20, min: 16, font: heading, "
        "color: text, bold: true}\n",
        encoding="utf-8",
    )
    out = build_outline(talk(tmp_path, "house.yaml"), tmp_path / "out.pptx")
    assert out.output is not None, [p.format() for p in out.errors]
    assert out.theme.text["title"].size == 20 * 12700
    assert out.theme.fonts["body"].latin == "Calibri"  # from the template
    assert out.theme.template is not None and out.theme.width == 9_144_000
    titles = [s.shapes.title for s in Presentation(str(out.output)).slides if s.shapes.title is not None]
    sizes = {r.font.size for t in titles[3:] for p in t.text_frame.paragraphs for r in p.runs}
    assert sizes == {20 * 12700}


BROKEN = {
    "not-a-zip": (tk.not_a_zip, "T130"),
    "word": (tk.not_a_presentation, "T130"),
    "no-master": (tk.no_master, "T132"),
    "no-layouts": (tk.no_layouts, "T133"),
    "no-title": (tk.no_title, "T134"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_template_is_a_located_error(name, tmp_path, capsys):
    make, code = BROKEN[name]
    make(tmp_path / "house.pptx")
    outline = talk(tmp_path, "house.pptx")
    problems = check_outline(outline).problems
    assert [(p.code, p.line, p.column) for p in problems if p.is_error] == [(code, 4, 8)]
    assert main(["build", str(outline)]) == 1
    err = capsys.readouterr().err
    assert f"talk.yaml:4:8: error[{code}]" in err and "Traceback" not in err
    assert not (tmp_path / "build").exists()


def test_a_missing_or_outside_template_is_a_located_error(tmp_path):
    outline = talk(tmp_path, "missing.potx")
    assert [(p.code, p.line) for p in check_outline(outline).problems] == [("T130", 4)]
    assert "names no file" in check_outline(outline).problems[0].message
    outline.write_text(OUTLINE.replace("{theme}", "../elsewhere.pptx"), encoding="utf-8")
    [problem] = check_outline(outline).problems
    assert problem.code == "T130" and "outside the outline's folder" in problem.message


def test_odd_sizes_and_many_masters_and_duplicate_idx_are_warnings(tmp_path):
    tk.sized(tmp_path / "banner.pptx", 12_000_000, 3_000_000)
    out = check_outline(talk(tmp_path, "banner.pptx"))
    assert "T135" in {p.code for p in out.warnings}
    lo = template_file("lo-beehive", tmp_path)
    codes = {p.code for p in check_outline(talk(tmp_path, lo.name)).warnings}
    assert {"T136", "T137"} <= codes


def test_a_four_by_three_template_lays_slides_out_at_four_by_three(corpus):
    _, out = corpus("python-pptx")
    assert (out.theme.width, out.theme.height) == (9_144_000, 6_858_000)
    for page in out.pages.pages:
        for e in (page.title, *page.elements):
            box = e.box
            assert 0 <= box.x and box.x + box.w <= 9_144_000 and box.y + box.h <= 6_858_000


def test_an_empty_zip_is_not_a_presentation(tmp_path):
    blob = io.BytesIO()
    zipfile.ZipFile(blob, "w").close()
    (tmp_path / "empty.pptx").write_bytes(blob.getvalue())
    template, problems = read_template(tmp_path / "empty.pptx")
    assert template is None and problems[0][0] == "T130"


def test_deck_template_explains_the_mapping(tmp_path, capsys):
    path = template_file("renumbered", tmp_path)
    assert main(["template", str(path)]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ") and line.split()}
    assert "Title and Content" in lines["bullets"] and "body → obj idx 13" in lines["bullets"]
    assert "Comparison" in lines["columns"] and "heading1 → body idx 4" in lines["columns"]
    assert "column2 → obj idx 15" in lines["columns"]
    assert "Picture with Caption" in lines["image"] and "picture → pic idx 1" in lines["image"]
    assert "drawn as grouped shapes on Title Only" in lines["timeline,"]
    assert "fonts, body: Calibri (measured as Carlito)" in out
    assert "accent1 #4F81BD" in out


def test_deck_template_reports_a_broken_template(tmp_path, capsys):
    tk.no_title(tmp_path / "untitled.pptx")
    assert main(["template", str(tmp_path / "untitled.pptx")]) == 1
    assert "error[T134]" in capsys.readouterr().err


def test_a_theme_files_palette_and_fonts_go_into_the_templates_scheme(tmp_path):
    template_file("pandoc", tmp_path)
    (tmp_path / "house.yaml").write_text(
        'name: house\nextends: default\ntemplate: pandoc.pptx\npalette: {primary: "0B6E4F"}\n'
        "fonts:\n  heading: {latin: Liberation Serif, ea: Noto Serif CJK SC}\n",
        encoding="utf-8",
    )
    out = build_outline(talk(tmp_path, "house.yaml"), tmp_path / "out.pptx")
    assert out.output is not None, [p.format() for p in out.errors]
    with zipfile.ZipFile(out.output) as z:
        scheme = z.read("ppt/theme/theme1.xml").decode()
    assert '<a:accent1><a:srgbClr val="0B6E4F"/></a:accent1>' in scheme
    assert '<a:accent2><a:srgbClr val="C0504D"/></a:accent2>' in scheme  # the template's own
    assert '<a:majorFont><a:latin typeface="Liberation Serif"/>' in scheme
    assert '<a:minorFont><a:latin typeface="Calibri"/>' in scheme


TALKS = {"essay": ROOT / "outline.yaml", "showcase": ROOT / "examples" / "showcase.yaml"}


@pytest.mark.parametrize("talk_name", sorted(TALKS))
@pytest.mark.parametrize("name", CORPUS)
def test_the_essay_and_the_examples_lay_out_on_every_template(talk_name, name, tmp_path):
    path = template_file(name, tmp_path)
    out = check_outline(TALKS[talk_name], theme=str(path))
    assert out.errors == [], [p.format() for p in out.errors]
    assert out.pages is not None and out.theme.template is not None


def test_the_template_is_an_input_never_overwritten(tmp_path, capsys):
    template_file("pandoc", tmp_path)
    (tmp_path / "house.yaml").write_text("name: house\nextends: default\ntemplate: pandoc.pptx\n", encoding="utf-8")
    outline = talk(tmp_path, "house.yaml")
    before = (tmp_path / "pandoc.pptx").read_bytes()
    assert main(["build", str(outline), "-o", str(tmp_path / "pandoc.pptx")]) == 2
    assert "the company template" in capsys.readouterr().err
    assert (tmp_path / "pandoc.pptx").read_bytes() == before


def test_titles_keep_clear_of_a_logo_on_the_master(tmp_path):
    path = template_file("logo", tmp_path)
    out = check_outline(ROOT / "outline.yaml", theme=str(path))
    assert out.errors == []
    x, y, w, h = tk.LOGO_BOX
    for page in out.pages.pages:
        b = page.title.box
        assert b.x + b.w <= x or b.x >= x + w or b.y + b.h <= y or b.y >= y + h, page.key


def test_a_dark_master_gives_light_text_on_dark(corpus):
    _, out = corpus("dark")
    assert (out.theme.palette["text"], out.theme.palette["background"]) == ("FFFFFF", "000000")
    assert out.theme.dark
    with zipfile.ZipFile(out.output) as z:
        slide = z.read("ppt/slides/slide4.xml").decode()
    assert 'val="dk1"' not in slide and 'val="lt1"' not in slide  # slides name tx1/bg1, never a slot


def test_text_in_a_template_placeholder_takes_its_per_side_insets_measured_on_the_inner_box(tmp_path):
    path = template_file("wide-insets", tmp_path)
    out = build_outline(ROOT / "outline.yaml", tmp_path / "out.pptx", str(path))
    assert out.errors == [], [p.format() for p in out.errors]
    fit = Fitter(out.theme)
    left, top, right, bottom = tk.WIDE_INSETS
    taken = kept = 0
    for page in out.pages.pages:
        for frame in page.elements:
            if not isinstance(frame, TextFrame) or frame.slot != "body" or frame.placeholder is None:
                continue
            if frame.insets is None:  # its own insets, where the template's would change its lines
                kept += 1
                continue
            assert frame.insets == tk.WIDE_INSETS
            taken += 1
            height = top + bottom
            for i, p in enumerate(frame.paragraphs):
                para = Para(p.runs, p.role or frame.role, p.level, p.align)
                lines = fit.lines(para, p.size or frame.size, frame.box.w - left - right, narrow=p.narrow)
                height += lines * (p.line_pitch or frame.line_pitch) + (p.space_before if i else 0)
            assert height <= frame.box.h, page.key
    assert taken and kept  # the essay has both: short lists take the template's, long ones keep deck's
    with zipfile.ZipFile(out.output) as z:
        slides = [z.read(n).decode() for n in z.namelist() if n.startswith("ppt/slides/slide")]
    # no insets written (a body that holds little is centred: anchor only)
    body_prs = re.compile(r'<p:ph idx="1"/></p:nvPr></p:nvSpPr><p:spPr></p:spPr><p:txBody><a:bodyPr( anchor="ctr")?/>')
    inherited = [s for s in slides if body_prs.search(s)]
    assert len(inherited) >= taken  # the placeholder's own insets are inherited


@pytest.mark.parametrize("name", ["lo-blue-curve", "lo-focus"])
def test_runs_state_their_size_where_the_templates_master_states_none(name, tmp_path):
    # LibreOffice writes masters without text style sizes: PowerPoint then shows 18 pt, and
    # LibreOffice its own; a run that stated no size would be measured at one and shown at another
    out = build_outline(ROOT / "outline.yaml", tmp_path / "out.pptx", str(template_file(name, tmp_path)))
    assert out.errors == [], [p.format() for p in out.errors]
    from lxml import etree

    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main", "p": tk.P}
    unsized = []
    with zipfile.ZipFile(out.output) as z:
        for part in (n for n in z.namelist() if n.startswith("ppt/slides/slide")):
            root = etree.fromstring(z.read(part))
            for sp in root.iterfind(".//p:sp", ns):
                if sp.find("p:nvSpPr/p:nvPr/p:ph", ns) is None:
                    continue
                unsized += [part for r in sp.iterfind(".//a:r/a:rPr", ns) if r.get("sz") is None]
    assert unsized == []


def test_a_logo_over_the_body_keeps_the_slides_text_and_shapes_clear_of_it(tmp_path):
    path = template_file("logo-in-body", tmp_path)
    out = check_outline(ROOT / "outline.yaml", theme=str(path))
    assert out.errors == [], [p.format() for p in out.errors]
    [warned] = [p for p in out.warnings if p.code == "T138"]
    assert "over its body placeholder" in warned.message and warned.path.endswith("logo-in-body.pptx")
    x, y, w, h = tk.BODY_LOGO_BOX
    crossing = []
    for page in out.pages.pages:
        for e in (page.title, *page.elements):
            b = e.box
            if not (b.x + b.w <= x or b.x >= x + w or b.y + b.h <= y or b.y >= y + h):
                crossing.append((page.key, getattr(e, "name", "")))
    assert crossing == []


def test_of_several_masters_the_one_whose_art_leaves_the_body_clearest_is_used(tmp_path):
    # LibreOffice's Focus keeps a title page covered in coloured shapes as its first master
    template, problems = read_template(tk.REAL["lo-focus"])
    assert template.master_part == "ppt/slideMasters/slideMaster4.xml"
    assert any(code == "T137" and "leaves its body box clearest" in message for code, message in problems)
    first, _ = read_template(tk.REAL["pandoc"])  # one master: that one
    assert first.master_part == "ppt/slideMasters/slideMaster1.xml"


def test_a_long_talk_title_grows_the_templates_one_line_title_box_into_the_subtitles(tmp_path):
    path = template_file("lo-focus", tmp_path)
    outline = talk(tmp_path, path.name)
    long_title = "对语言大模型的若干观察和思考：规模、方法与证据" * 2  # more lines than the title box holds
    outline.write_text(outline.read_text(encoding="utf-8").replace("Quarterly review", long_title), encoding="utf-8")
    out = check_outline(outline)
    assert out.errors == [], [p.format() for p in out.errors]
    template, _ = read_template(path)
    opening = next(la for la in template.master.layouts if la.type == "tx")
    box = next(p for p in opening.placeholders if p.type == "title")
    title = out.pages.pages[0].title
    assert title.box.h > box.h and title.lines > box.h // title.line_pitch
    subtitle = next(e for e in out.pages.pages[0].elements if getattr(e, "slot", None) == "subtitle")
    assert subtitle.box.y >= title.box.y + title.box.h


@pytest.mark.parametrize("name", ["lo-focus", "lo-blue-curve", "logo-in-body"])
def test_slide_text_keeps_clear_of_the_masters_art_drawn_shapes_and_pictures_alike(name, tmp_path):
    path = template_file(name, tmp_path)
    out = check_outline(ROOT / "outline.yaml", theme=str(path))
    assert out.errors == [], [p.format() for p in out.errors]
    assert "T138" in {p.code for p in out.warnings}
    template = out.theme.template
    under = []
    for page in out.pages.pages:
        for e in (page.title, *page.elements):
            if isinstance(e, TextFrame) and e.slot not in ("footer", "number", "date"):  # footers: the template's
                if template.obstacles((e.box.x, e.box.y, e.box.w, e.box.h)):
                    under.append((page.key, e.name))
    assert under == []


def test_the_part_of_a_drawn_triangle_inside_a_box_is_clipped_to_it():
    from deck.theme.art import covered

    triangle = ((0, 0), (0, 100), (100, 100))  # its hypotenuse from the top left to the bottom right
    assert covered(triangle, (50, 0, 100, 100)) == (50, 50, 50, 50)
    assert covered(triangle, (60, 0, 40, 40)) is None
    assert covered(triangle, (0, 0, 200, 200)) == (0, 0, 100, 100)


def test_a_template_changed_on_disk_is_read_anew_and_an_unchanged_one_once(tmp_path):
    brand = tmp_path / "brand.pptx"
    brand.write_bytes((ROOT / "tests" / "templates" / "Focus.pptx").read_bytes())
    outline = ROOT / "tests" / "cases" / "every-kind" / "outline.yaml"
    first, again = (check_outline(outline, str(brand)).theme.template for _ in range(2))
    assert first is again  # read once: watch mode and `deck serve` rebuild without reading it again
    brand.write_bytes((ROOT / "tests" / "templates" / "Beehive.pptx").read_bytes())
    changed = check_outline(outline, str(brand)).theme.template
    assert changed.digest != first.digest and changed.drawn != first.drawn  # Beehive's art, not Focus's
