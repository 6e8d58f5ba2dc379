"""Pictures in columns: a column holds `image: {path, alt}` instead of bullets, so two
pictures stand side by side or a picture beside bullets; each keeps its aspect ratio, is
never cropped, and fills its column's content placeholder; a heading is optional."""

import shutil
import zipfile

import pdfplumber
import pytest
from conftest import ROOT, render_pdf
from lxml import etree

from deck.cli import main
from deck.layout.page import Picture, TextFrame
from deck.pipeline import build_outline

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
ASSETS = ROOT / "examples" / "assets"
PIXELS = {"pipeline.png": (1500, 500), "layers.png": (800, 1000)}

OUTLINE = """\
title: T
slides:
  - title: Two pictures
    columns:
      - heading: Pipeline
        image: {path: pipeline.png, alt: five stages joined by arrows}
      - heading: Layers
        image: {path: layers.png, alt: five stacked layers}
    notes: n
  - title: A picture beside bullets
    columns:
      - image: {path: layers.png, alt: five stacked layers}
      - heading: What it shows
        bullets: [one function per stage, kept whole]
    notes: n
"""


@pytest.fixture
def outline(write, tmp_path):
    for name in PIXELS:
        shutil.copy(ASSETS / name, tmp_path / name)
    return write("outline.yaml", OUTLINE)


def _pictures(page) -> list[Picture]:
    return [e for e in page.elements if isinstance(e, Picture)]


def test_two_pictures_side_by_side_keep_their_aspect_inside_their_columns(outline, tmp_path):
    outcome = build_outline(outline, tmp_path / "o.pptx")
    assert outcome.errors == []
    left, right = _pictures(outcome.pages.pages[1])
    for pic in (left, right):
        pw, ph = PIXELS[pic.path.name]
        assert abs(pic.box.w / pic.box.h - pw / ph) < 0.001
    assert left.box.x + left.box.w < right.box.x  # side by side, apart
    assert left.box.y == right.box.y  # tops aligned under the headings
    width = outcome.theme.width
    assert right.box.x + right.box.w <= width and left.box.x >= 0


def test_a_picture_fills_its_columns_content_placeholder_with_its_alt_text(outline, tmp_path):
    assert main(["build", str(outline), "-o", str(tmp_path / "o.pptx")]) == 0
    with zipfile.ZipFile(tmp_path / "o.pptx") as z:
        root = etree.fromstring(z.read("ppt/slides/slide3.xml"))
    [pic] = root.iter(f"{{{P}}}pic")
    assert pic.find(f".//{{{P}}}cNvPr").get("descr") == "five stacked layers"
    assert pic.find(f".//{{{P}}}nvPr/{{{P}}}ph") is not None
    assert pic.find(f".//{{{A}}}picLocks").get("noChangeAspect") == "1"
    assert pic.find(f".//{{{A}}}srcRect") is None  # never cropped


def test_the_heading_is_optional_and_bullets_sit_beside_the_picture(outline, tmp_path):
    outcome = build_outline(outline, tmp_path / "o.pptx")
    page = outcome.pages.pages[2]
    [pic] = _pictures(page)
    texts = {e.name: e for e in page.elements if isinstance(e, TextFrame)}
    assert "Column 1 Heading" not in texts and "Column 2 Heading" in texts
    bullets = texts["Column 2"]
    assert [p.text for p in bullets.paragraphs] == ["one function per stage", "kept whole"]
    assert pic.box.x + pic.box.w <= bullets.box.x
    assert bullets.placeholder is not None and pic.placeholder is not None


@pytest.mark.parametrize(
    ("column", "message"),
    [
        ("      - heading: Nothing\n", ":6:9: error[K251]: this column has neither `bullets` nor an `image`"),
        (
            "      - bullets: [a]\n        image: {path: layers.png, alt: x}\n",
            ":7:9: error[K252]: a column holds `bullets` or an `image`, not both",
        ),
        ("      - image: {path: layers.png}\n", ":6:16: error[F105]: picture is missing `alt`"),
        ("      - image: {path: nowhere.png, alt: x}\n", ":6:23: error[P106]: no picture at `nowhere.png`"),
    ],
)
def test_column_picture_errors_are_located(outline, write, capsys, column, message):
    text = "title: T\nslides:\n  - title: C\n    columns:\n      - bullets: [a]\n      - bullets: [b]\n    notes: n\n"
    write("outline.yaml", text.replace("      - bullets: [b]\n", column))
    assert main(["check", str(outline)]) == 1
    assert message in capsys.readouterr().err


@pytest.mark.render
def test_rendered_pictures_are_whole_and_where_the_deck_put_them(outline, tmp_path):
    outcome = build_outline(outline, tmp_path / "o.pptx")
    pdf = render_pdf(tmp_path / "o.pptx", tmp_path)
    emu_per_pt = 12700
    with pdfplumber.open(pdf) as doc:
        for n in (1, 2):
            images = sorted(doc.pages[n].images, key=lambda i: i["x0"])
            expected = _pictures(outcome.pages.pages[n])
            assert len(images) == len(expected)
            for img, pic in zip(images, expected):
                assert abs(img["x0"] - pic.box.x / emu_per_pt) < 1 and abs(img["top"] - pic.box.y / emu_per_pt) < 1
                assert abs(img["width"] - pic.box.w / emu_per_pt) < 1
                assert abs(img["height"] - pic.box.h / emu_per_pt) < 1
                chars = [c for c in doc.pages[n].chars if c["text"].strip()]
                inside = [c for c in chars if img["x0"] < c["x0"] < img["x1"] and img["top"] < c["top"] < img["bottom"]]
                assert inside == []  # no text drawn over a picture


def test_a_column_pictures_alt_text_naming_its_file_is_warned(outline, write, capsys):
    write(
        "outline.yaml",
        OUTLINE.replace("alt: five stacked layers}\n      - heading: What", "alt: layers.png}\n      - heading: What"),
    )
    assert main(["check", str(outline)]) == 0
    assert (
        "warning[A111]: the alt text `layers.png` does not describe what the columns shows" in capsys.readouterr().err
    )


LONG = "a bullet long enough to take two lines of a column at any size the theme allows"


def _column_pages(outline):
    outcome = build_outline(outline, outline.parent / "o.pptx")
    assert outcome.errors == [], [p.format() for p in outcome.errors]
    pages = [p for p in outcome.pages.pages if p.key.startswith("long")]
    return outcome, pages


def test_columns_too_long_for_one_slide_continue_with_every_bullet_under_their_headings(write):
    bullets = "".join(f"          - {LONG} {i}\n" for i in range(9))
    shorter = "".join(f"          - {LONG} {i}\n" for i in range(9, 14))
    outline = write(
        "outline.yaml",
        f"title: T\nslides:\n  - title: Long\n    id: long\n    columns:\n      - heading: Left\n"
        f"        bullets:\n{bullets}      - heading: Right\n        bullets:\n{shorter}    notes: n\n",
    )
    outcome, pages = _column_pages(outline)
    assert [p.title.paragraphs[0].text for p in pages] == ["Long", "Long (cont. 2/2)"]
    assert any(p.code == "L109" for p in outcome.warnings)
    shown = {}
    for page in pages:
        texts = {e.name: [p.text for p in e.paragraphs] for e in page.elements if isinstance(e, TextFrame)}
        assert texts["Column 1 Heading"] == ["Left"] and texts["Column 2 Heading"] == ["Right"]
        for name in ("Column 1", "Column 2"):
            shown.setdefault(name, []).extend(texts[name])
    assert shown["Column 1"] == [f"{LONG} {i}" for i in range(9)]  # every bullet, in order, split evenly
    assert shown["Column 2"] == [f"{LONG} {i}" for i in range(9, 14)]
    assert [len(e.paragraphs) for e in pages[0].elements if getattr(e, "name", "") == "Column 1"] == [5]


def test_a_column_bullet_too_long_for_a_slide_of_its_own_is_an_error(write, capsys):
    outline = write(
        "outline.yaml",
        "title: T\nslides:\n  - title: Long\n    columns:\n      - bullets:\n          - "
        + LONG * 12
        + "\n      - bullets: [short]\n    notes: n\n",
    )
    assert main(["check", str(outline)]) == 1
    assert ":3:5: error[L106]: the columns do not fit even at the smallest size" in capsys.readouterr().err
