"""A theme's `logo` (on the slide master) and `background` picture, and a slide's own
`background`: where they are drawn, that slides added later in PowerPoint get them, that text
keeps WCAG AA on the veiled picture, and the located errors."""

import io
import zipfile

import pdfplumber
import pytest
from conftest import render_pdf
from PIL import Image, ImageDraw
from pptx import Presentation

from deck.cli import main
from deck.pipeline import build_outline
from deck.pptx.backdrop import sample
from deck.theme.contrast import AA, contrast, on_background

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

THEME = """\
name: acme
extends: default
logo: {path: art/logo.png, alt: Acme Inc.}
background: {image: art/busy.png}
"""

OUTLINE = """\
title: Backgrounds
theme: theme.yaml
slides:
  - title: On the theme's picture
    bullets: ["**Strong** and [links](https://example.org) keep AA"]
    notes: n
  - title: 自己的背景
    background: {image: art/own.png}
    text: 文字在图片上依然清晰可读。
    notes: n
"""


def _pictures(folder):
    (folder / "art").mkdir(exist_ok=True)
    busy = Image.new("RGB", (1600, 1000))
    draw = ImageDraw.Draw(busy)
    for x in range(1600):
        draw.line([(x, 0), (x, 1000)], fill=(x * 255 // 1600, 120, 255 - x * 255 // 1600))
    for y in range(0, 1000, 80):
        draw.rectangle([0, y, 1600, y + 30], fill=(20, 20, 20))
    busy.save(folder / "art" / "busy.png")
    Image.new("RGB", (800, 800), (40, 90, 160)).save(folder / "art" / "own.png")  # square: cropped to 16:9
    logo = Image.new("RGBA", (400, 120), (200, 60, 30, 255))
    logo.save(folder / "art" / "logo.png")


@pytest.fixture
def built(write, tmp_path):
    _pictures(tmp_path)
    write("theme.yaml", THEME)
    outline = write("talk.yaml", OUTLINE)
    outcome = build_outline(outline, tmp_path / "o.pptx")
    assert outcome.errors == [], outcome.errors
    return tmp_path / "o.pptx", outcome


def _media(pptx, name):
    with zipfile.ZipFile(pptx) as z:
        return Image.open(io.BytesIO(z.read(name))).convert("RGB")


def test_the_logo_is_on_the_master_in_the_top_margin_with_its_alt_text(built):
    pptx, outcome = built
    prs = Presentation(str(pptx))
    [logo] = [s for s in prs.slide_master.shapes if s.name == "Logo"]
    theme = outcome.theme
    assert logo._element.find(f".//{P}cNvPr").get("descr") == "Acme Inc."
    assert logo.top + logo.height <= theme.margin_top  # above every title
    assert logo.left + logo.width == theme.width - theme.margin_right  # top-right, at the margin
    assert abs(logo.width / logo.height - 400 / 120) < 0.01  # aspect kept
    # every layout shows the master's shapes, so every slide, and any added later, shows it
    assert all(layout._element.get("showMasterSp") != "0" for layout in prs.slide_layouts)
    assert all(not any(s.name == "Logo" for s in slide.shapes) for slide in prs.slides)


def test_the_themes_picture_is_the_masters_background_veiled_to_keep_aa(built):
    pptx, outcome = built
    with zipfile.ZipFile(pptx) as z:
        master = z.read("ppt/slideMasters/slideMaster1.xml").decode()
    assert "<p:bg><p:bgPr><a:blipFill" in master
    stored = _media(pptx, "ppt/media/background.png")
    assert stored.size[0] / stored.size[1] == pytest.approx(16 / 9, abs=0.01)
    colours = on_background(outcome.theme)
    worst = min(contrast(fg, px) for px in sample(stored) for fg in colours)
    assert worst >= AA - 0.05  # rounding of 8-bit pixels aside
    # the raw picture would not have passed: its dark stripes are near the text's colour
    raw = Image.open(pptx.parent / "art" / "busy.png").convert("RGB")
    assert min(contrast(fg, px) for px in sample(raw) for fg in colours) < AA


def test_a_slides_own_background_is_on_that_slide_only_cropped_not_stretched(built):
    pptx, _ = built
    with zipfile.ZipFile(pptx) as z:
        slides = [z.read(f"ppt/slides/slide{n}.xml").decode() for n in (1, 2, 3)]
    assert ["<p:bg>" in s for s in slides] == [False, False, True]
    own = _media(pptx, "ppt/media/background2.png")
    assert own.size[0] / own.size[1] == pytest.approx(16 / 9, abs=0.01)


def test_a_picture_light_enough_gets_no_veil(write, tmp_path):
    (tmp_path / "art").mkdir()
    Image.new("RGB", (320, 180), (250, 250, 250)).save(tmp_path / "art" / "paper.png")
    write("theme.yaml", "name: paper\nextends: default\nbackground: {image: art/paper.png}\n")
    outline = write("talk.yaml", OUTLINE.replace("    background: {image: art/own.png}\n", ""))
    assert build_outline(outline, tmp_path / "o.pptx").errors == []
    assert _media(tmp_path / "o.pptx", "ppt/media/background.png").getcolors() == [(320 * 180, (250, 250, 250))]


@pytest.mark.parametrize(
    ("theme", "message"),
    [
        ("logo: {path: art/logo.png, alt: A, height: 40}", "theme.yaml:3:44: error[T141]: the logo is 40 pt high"),
        ("logo: {path: art/wide.png, alt: A}", "theme.yaml:3:7: error[T142]: at 18 pt high the logo is"),
        ("logo: {path: art/logo.png}", "theme.yaml:3:7: error[F105]: logo is missing `alt`"),
        ("logo: {path: ../logo.png, alt: A}", "theme.yaml:3:14: error[P105]"),
        ("logo: {path: art/logo.png, alt: A, position: bottom}", "error[F111]: expected one of `top-right`"),
        ("background: {image: art/none.png}", "theme.yaml:3:21: error[P106]"),
    ],
)
def test_logo_and_background_errors_are_located_in_the_theme(write, tmp_path, capsys, theme, message):
    _pictures(tmp_path)
    Image.new("RGB", (3000, 100)).save(tmp_path / "art" / "wide.png")
    write("theme.yaml", f"name: acme\nextends: default\n{theme}\n")
    outline = write("talk.yaml", OUTLINE)
    assert main(["check", str(outline)]) == 1
    assert message in capsys.readouterr().err


def test_a_slides_background_errors_are_located_in_the_outline(write, tmp_path, capsys):
    _pictures(tmp_path)
    write("theme.yaml", THEME)
    outline = write("talk.yaml", OUTLINE.replace("art/own.png", "art/missing.png"))
    assert main(["check", str(outline)]) == 1
    assert "talk.yaml:8:25: error[P106]" in capsys.readouterr().err


@pytest.mark.render
def test_rendered_slides_and_a_slide_added_later_show_the_logo_and_background(built, tmp_path):
    pptx, outcome = built
    prs = Presentation(str(pptx))
    added = prs.slides.add_slide(prs.slide_layouts[1])  # as a person adds one in PowerPoint
    added.shapes.title.text = "Added later"
    later = tmp_path / "later.pptx"
    prs.save(later)
    pdf = render_pdf(later, tmp_path)
    logo = outcome.theme.logo
    emu_per_pt = 12700
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == 4
        for page in doc.pages:
            boxes = [(round(i["x0"]), round(i["top"]), round(i["width"]), round(i["height"])) for i in page.images]
            assert (0, 0, 960, 540) in boxes  # the background fills the slide
            expected = (outcome.theme.width - outcome.theme.margin_right - logo.width) / emu_per_pt
            assert any(abs(x - expected) <= 1 and abs(h - logo.height / emu_per_pt) <= 1 for x, _, _, h in boxes)
