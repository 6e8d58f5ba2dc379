"""Pictures are checked once per build, by decoding all of their data: a damaged or lying file is
refused, located at each use; a good one of any common kind is accepted."""

from __future__ import annotations

import io
import itertools
import os
import random
import struct
from pathlib import Path

import pytest
from PIL import Image

from deck.fields.base import Ctx
from deck.fields.pictures import read_image
from deck.pipeline import check_outline
from deck.problems import Where


def outline_using(folder: Path, paths: list[str]) -> Path:
    slides = "".join(
        f"  - title: P{i}\n    image: {{path: '{p}', alt: a picture}}\n    notes: n\n" for i, p in enumerate(paths)
    )
    outline = folder / "outline.yaml"
    outline.write_text("title: T\nslides:\n" + slides, encoding="utf-8")
    return outline


def noise(size: tuple[int, int]):
    """A greyscale picture of uniform random pixels (seeded): what compresses worst."""
    return Image.frombytes("L", size, random.Random(size[0] * 7919 + size[1]).randbytes(size[0] * size[1]))


def lying_jpeg(width: int, height: int) -> bytes:
    """A 16×16 JPEG whose header claims `width` × `height` pixels."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(out, "JPEG")
    data = bytearray(out.getvalue())
    struct.pack_into(">HH", data, data.find(b"\xff\xc0") + 5, height, width)
    return bytes(data)


def test_the_picture_check_is_kept_in_the_context_by_path_size_and_time(tmp_path):
    Image.new("RGB", (8, 6), "red").save(tmp_path / "a.png")
    ctx = Ctx(folder=tmp_path)
    first = [read_image(tmp_path, name, Where("o.yaml", i, 1), ctx) for i, name in enumerate(["a.png", "./a.png"])]
    assert first == [(tmp_path / "a.png", (8, 6))] * 2 and len(ctx.pictures) == 1
    Image.new("RGB", (30, 20), "red").save(tmp_path / "a.png")  # another size: checked again
    os.utime(tmp_path / "a.png", ns=(1, 1))
    assert read_image(tmp_path, "a.png", Where("o.yaml", 3, 1), ctx) == (tmp_path / "a.png", (30, 20))
    assert len(ctx.pictures) == 2 and ctx.problems == []


def test_a_damaged_picture_is_reported_at_each_use_though_decoded_once(tmp_path):
    good = io.BytesIO()
    Image.new("RGB", (32, 32), "red").save(good, "PNG")
    (tmp_path / "cut.png").write_bytes(good.getvalue()[:-30])
    ctx = Ctx(folder=tmp_path)
    for line in (4, 7):
        read_image(tmp_path, "cut.png", Where("o.yaml", line, 19), ctx)
    assert [(p.line, p.code) for p in ctx.problems] == [(4, "P110"), (7, "P110")] and len(ctx.pictures) == 1


def test_a_jpeg_whose_header_claims_more_than_its_data_holds_is_refused(tmp_path):
    (tmp_path / "liar.jpg").write_bytes(lying_jpeg(7000, 8000))
    with Image.open(tmp_path / "liar.jpg") as img:
        img.load()  # Pillow decodes it without a word: libjpeg fills the rest with grey
    problems = check_outline(outline_using(tmp_path, ["liar.jpg"])).errors
    assert [(p.line, p.column, p.code) for p in problems] == [(4, 19, "P110")]
    assert "its header claims 7000×8000 pixels, but its data holds far fewer" in problems[0].message


def test_a_jpeg_cut_short_is_refused(tmp_path):
    out = io.BytesIO()
    noise((64, 48)).convert("RGB").save(out, "JPEG")
    (tmp_path / "cut.jpg").write_bytes(out.getvalue()[: len(out.getvalue()) // 2])
    assert [p.code for p in check_outline(outline_using(tmp_path, ["cut.jpg"])).errors] == ["P110"]


@pytest.mark.parametrize("kind", ["header", "data", "end"])
def test_a_png_whose_checksum_disagrees_is_refused(tmp_path, kind):
    out = io.BytesIO()
    noise((40, 30)).convert("RGB").save(out, "PNG")
    data = bytearray(out.getvalue())
    at = {"header": 20, "data": data.find(b"IDAT") + 20, "end": len(data) - 1}[kind]
    data[at] ^= 0x01
    (tmp_path / "flip.png").write_bytes(data)
    problems = check_outline(outline_using(tmp_path, ["flip.png"])).errors
    assert [p.code for p in problems] == ["P110"]
    assert ("header is damaged" if kind == "header" else "checksum") in problems[0].message


GOOD = list(
    itertools.product(
        ["L", "RGB", "CMYK"],
        [(1, 1), (17, 33), (1500, 900)],
        [0, 2],  # 4:4:4, 4:2:0
        [False, True],  # progressive
        ["flat", "noise"],
    )
)


@pytest.mark.parametrize("mode, size, subsampling, progressive, content", GOOD)
def test_good_jpegs_of_every_common_kind_are_accepted(tmp_path, mode, size, subsampling, progressive, content):
    # A flat picture compresses to the least data a JPEG can hold: one bit per block.
    img = Image.new(mode, size) if content == "flat" else noise(size).convert(mode)
    img.save(tmp_path / "p.jpg", "JPEG", subsampling=subsampling, progressive=progressive, optimize=True)
    assert check_outline(outline_using(tmp_path, ["p.jpg"])).errors == []
