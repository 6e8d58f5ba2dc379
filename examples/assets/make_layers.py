"""Draw examples/assets/layers.png: a portrait picture of stacked layers (a deck's stages seen
from the side), for the showcase's pictures in columns.

Run from the repository root:  .venv/bin/python examples/assets/make_layers.py
Needs Pillow only (no text in the picture, so no fonts); the output is the same every run.
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent / "layers.png"
W, H = 800, 1000
COLOURS = [(29, 86, 160), (46, 125, 79), (176, 122, 18), (168, 67, 27), (122, 78, 171)]


def main() -> None:
    img = Image.new("RGB", (W, H), (250, 251, 253))
    draw = ImageDraw.Draw(img)
    for i, colour in enumerate(COLOURS):
        top = 90 + i * 170
        inset = 60 + 35 * i
        draw.rounded_rectangle((inset, top, W - inset, top + 130), radius=24, fill=colour)
        draw.rounded_rectangle((inset + 30, top + 50, inset + 200, top + 78), radius=8, fill=(255, 255, 255))
    img.save(OUT, optimize=True)


if __name__ == "__main__":
    main()
