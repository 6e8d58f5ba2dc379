"""Background pictures as stored: cropped to fill the slide, veiled so text keeps WCAG AA.

A background picture fills the slide whatever its shape: it is cropped to the slide's aspect
about its centre (never stretched), scaled to at most PIXELS_PER_INCH across the slide, and
veiled by a scrim of the theme's background colour just opaque enough that every colour of
text set on the background keeps a contrast of 4.5:1 on it (deck.theme.contrast.scrim_alpha,
judged at the scale of text: the picture averaged over SAMPLE cells). The veil is part of the
stored picture, so every viewer shows the same thing; same inputs, same bytes.
"""

from __future__ import annotations

from pathlib import Path

from deck.pptx.pictures import StoredPicture, _encode, _upright, needed_pixels
from deck.theme import Theme
from deck.theme.contrast import on_background, scrim_alpha

SAMPLE = (48, 27)  # cells the picture is averaged over to judge the text's contrast on it
_ORIENTATION = 0x0112


def prepare_background(path: Path, theme: Theme) -> tuple[StoredPicture, float]:
    """Return the background picture at `path` as stored for `theme`'s slides, and the
    opacity of the veil it got (0: none needed). Raises OSError if the file cannot be read."""
    from PIL import Image  # Pillow is imported only for decks with pictures

    with Image.open(path) as img:
        fmt = img.format or ""
        icc = img.info.get("icc_profile")
        orientation = img.getexif().get(_ORIENTATION, 1) if fmt == "JPEG" else 1
        picture = _upright(img, orientation).convert("RGB")
    w, h = picture.size
    aspect = theme.width / theme.height
    crop_w, crop_h = (w, round(w / aspect)) if w / h < aspect else (round(h * aspect), h)
    left, top = (w - crop_w) // 2, (h - crop_h) // 2
    picture = picture.crop((left, top, left + crop_w, top + crop_h))
    need_w, _ = needed_pixels(theme.width, theme.height)
    if crop_w > need_w:
        picture = picture.resize((need_w, round(need_w / aspect)), Image.Resampling.LANCZOS)
    alpha = scrim_alpha(sample(picture), theme.palette["background"], on_background(theme))
    if alpha:
        veil = Image.new("RGB", picture.size, "#" + theme.palette["background"])
        picture = Image.blend(picture, veil, alpha)
    return _encode(picture, "jpeg" if fmt == "JPEG" else "png", icc), alpha


def sample(picture) -> list[str]:
    """Return the picture's colours averaged over SAMPLE cells, as "RRGGBB"."""
    from PIL import Image

    data = picture.convert("RGB").resize(SAMPLE, Image.Resampling.BOX).tobytes()
    return [data[i : i + 3].hex().upper() for i in range(0, len(data), 3)]
