"""The `image` kind: a picture scaled to fit whole, with alt text and an optional caption."""

from __future__ import annotations

from pathlib import Path

from deck import model as m
from deck.fields import Field, Record
from deck.fields.pictures import ImagePath
from deck.frozen import frozen
from deck.kinds.base import CAPTION, Kind, plain_text
from deck.layout.blocks import Area, Body, Laid, caption_below
from deck.layout.fit import Fitter
from deck.layout.page import Box, Picture


@frozen
class Image:
    path: Path
    alt: str
    caption: m.Rich | None
    pixels: tuple[int, int]  # width, height after EXIF orientation


SPEC = Record(
    "image",
    {
        "path": Field(ImagePath(), True, "the picture's path, relative to the outline"),
        "alt": Field(
            plain_text("alt text describing the picture", 500),
            True,
            "alt text: what the picture shows, for screen readers",
        ),
        "caption": CAPTION,
    },
)


def _build(value, node, ctx, folder) -> Image:
    path, pixels = value["path"]
    return Image(path, value["alt"], value.get("caption"), pixels)


def lay_out(content: Image, area: Area, fit: Fitter) -> Laid:
    """Return the picture as large as fits whole, centred above its caption."""
    box, caption, problems = caption_below(content.caption, area, fit)
    pw, ph = content.pixels
    scale = min(box.w / pw, box.h / ph)
    w, h = int(pw * scale), int(ph * scale)
    pic = Picture(Box(box.x + (box.w - w) // 2, box.y + (box.h - h) // 2, w, h), content.path, content.alt)
    return [Body((pic, *caption))], problems


KIND = Kind(SPEC, _build, lay_out, "a picture, scaled to fit whole", "the picture as `{path: …, alt: …}`")
