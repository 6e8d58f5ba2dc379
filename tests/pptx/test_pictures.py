"""Tests of deck.pptx.pictures and of pictures as the renderer stores them: upright, no larger
than their box needs, each file once, the same bytes every time."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image, ImageDraw

from deck.cli import main
from deck.pptx.pictures import PIXELS_PER_INCH, SLACK, needed_pixels, prepare_picture
from deck.units import EMU_PER_INCH

RED, BLUE = (220, 30, 30), (30, 30, 220)


def photo(path: Path, size=(6000, 4000), orientation: int = 6) -> Path:
    """A camera-style JPEG: top half red, bottom half blue as stored, with an EXIF
    orientation (6: the camera was turned; viewers rotate it 90° clockwise)."""
    img = Image.new("RGB", size, BLUE)
    ImageDraw.Draw(img).rectangle((0, 0, size[0], size[1] // 2), fill=RED)
    exif = Image.Exif()
    exif[0x0112] = orientation
    img.save(path, "JPEG", quality=85, exif=exif.tobytes())
    return path


def colour_at(img: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    """The colour at fractions (x, y) of the picture's width and height."""
    return img.convert("RGB").getpixel((int(x * (img.width - 1)), int(y * (img.height - 1))))


def near(colour, expected) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(colour, expected))


@pytest.fixture(scope="module")
def big_photo(tmp_path_factory) -> Path:
    return photo(tmp_path_factory.mktemp("photo") / "photo.jpg")


# -- deck.pptx.pictures --------------------------------------------------------------------------


def test_a_box_needs_twice_96_dpi():
    assert needed_pixels(EMU_PER_INCH, 2 * EMU_PER_INCH) == (PIXELS_PER_INCH, 2 * PIXELS_PER_INCH)
    assert needed_pixels(12_192_000, 6_858_000) == (2560, 1440)  # a full 16:9 slide


def test_a_big_rotated_photo_is_stored_upright_and_downsampled(big_photo):
    box = (3 * EMU_PER_INCH, round(4.5 * EMU_PER_INCH))  # portrait, as the layout placed it
    stored = prepare_picture(big_photo, *box)
    img = Image.open(io.BytesIO(stored.blob))
    assert stored.ext == "jpeg" and img.format == "JPEG"
    assert img.size == stored.size and img.width < img.height  # upright: portrait
    need_w, need_h = needed_pixels(*box)
    assert img.width <= need_w + 1 and img.height <= need_h + 1
    assert near(colour_at(img, 0.9, 0.5), RED) and near(colour_at(img, 0.1, 0.5), BLUE)
    assert not img.getexif()  # no orientation left for a viewer to apply twice


def test_re_encoding_is_deterministic(big_photo):
    box = (3 * EMU_PER_INCH, round(4.5 * EMU_PER_INCH))
    assert prepare_picture(big_photo, *box).blob == prepare_picture(big_photo, *box).blob


def test_a_picture_near_its_box_size_is_stored_byte_for_byte(tmp_path):
    path = tmp_path / "chart.png"
    Image.new("RGB", (800, 400), RED).save(path)
    box = (round(800 * SLACK * EMU_PER_INCH / PIXELS_PER_INCH) - 10, EMU_PER_INCH)
    stored = prepare_picture(path, *box)
    assert stored.blob == path.read_bytes() and stored.size == (800, 400)


def test_a_rotated_photo_is_turned_even_when_small(tmp_path):
    path = photo(tmp_path / "small.jpg", size=(300, 200), orientation=6)
    stored = prepare_picture(path, 2 * EMU_PER_INCH, 3 * EMU_PER_INCH)
    img = Image.open(io.BytesIO(stored.blob))
    assert img.size == (200, 300) and near(colour_at(img, 0.9, 0.5), RED)


def test_a_big_png_stays_png_and_keeps_transparency(tmp_path):
    path = tmp_path / "logo.png"
    Image.new("RGBA", (4000, 2000), (0, 0, 0, 0)).save(path)
    stored = prepare_picture(path, 2 * EMU_PER_INCH, EMU_PER_INCH)
    img = Image.open(io.BytesIO(stored.blob))
    assert img.format == "PNG" and img.mode == "RGBA" and img.size == (384, 192)
    assert img.getpixel((10, 10))[3] == 0


def test_a_bmp_is_stored_as_png(tmp_path):
    path = tmp_path / "scan.bmp"
    Image.new("RGB", (200, 100), BLUE).save(path)
    stored = prepare_picture(path, 2 * EMU_PER_INCH, EMU_PER_INCH)
    assert stored.ext == "png" and stored.content_type == "image/png"
    assert len(stored.blob) < path.stat().st_size


# -- through deck build ------------------------------------------------------------------------

OUTLINE = """\
title: Pictures
slides:
  - title: A photo taken with the camera turned
    image: {path: photo.jpg, alt: Red on the right and blue on the left}
    notes: The photo.
  - title: The same photo again
    image: {path: photo.jpg, alt: The same photo, caption: Stored once}
    notes: Again.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory, big_photo) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("talk")
    (folder / "photo.jpg").write_bytes(big_photo.read_bytes())
    (folder / "talk.yaml").write_text(OUTLINE, encoding="utf-8")
    first, second = folder / "a.pptx", folder / "b.pptx"
    assert main(["build", str(folder / "talk.yaml"), "-o", str(first)]) == 0
    assert main(["build", str(folder / "talk.yaml"), "-o", str(second)]) == 0
    return first, second


def test_built_deck_stores_the_photo_once_upright_and_small(built, big_photo):
    with zipfile.ZipFile(built[0]) as z:
        media = [n for n in z.namelist() if n.startswith("ppt/media/")]
        assert media == ["ppt/media/image1.jpeg"]
        img = Image.open(io.BytesIO(z.read(media[0])))
        boxes = [_picture_box(z.read(n)) for n in ("ppt/slides/slide2.xml", "ppt/slides/slide3.xml")]
        size = len(z.read(media[0]))
    largest = max(boxes)
    assert img.width < img.height and near(colour_at(img, 0.9, 0.5), RED)
    need_w, need_h = needed_pixels(*largest)
    assert img.width <= need_w + 1 and img.height <= need_h + 1
    assert abs(img.width / img.height - largest[0] / largest[1]) < 0.01  # not stretched
    assert size < big_photo.stat().st_size


def test_built_deck_is_byte_identical_across_builds(built):
    first, second = built
    assert first.read_bytes() == second.read_bytes()


def _picture_box(slide_xml: bytes) -> tuple[int, int]:
    ext = etree.fromstring(slide_xml).find(".//{*}pic/{*}spPr/{*}xfrm/{*}ext")
    return int(ext.get("cx")), int(ext.get("cy"))
