"""Draw examples/assets/backdrop.png (a soft picture to set slides on) and examples/assets/logo.png
(a small mark), for the showcase's background slide and examples/acme-theme.yaml.

Run from the repository root:  .venv/bin/python examples/assets/make_backdrop.py
Needs Pillow only (no text in the pictures, so no fonts); the output is the same every run.
"""

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent


def backdrop() -> None:
    w, h = 1600, 900
    img = Image.new("RGB", (w, h))
    draw = ImageDraw.Draw(img)
    for y in range(h):  # a sky from deep blue to pale orange
        t = y / h
        draw.line([(0, y), (w, y)], fill=(int(29 + 200 * t), int(86 + 110 * t), int(160 + 20 * t)))
    for i, (cx, r) in enumerate(((300, 260), (900, 340), (1400, 220))):  # hills
        shade = (46 - 8 * i, 125 - 20 * i, 79 - 10 * i)
        draw.ellipse((cx - 2 * r, h - r, cx + 2 * r, h + r), fill=shade)
    img.save(HERE / "backdrop.png", optimize=True)


def logo() -> None:
    img = Image.new("RGBA", (360, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((0, 0, 359, 119), radius=28, fill=(29, 86, 160, 255))
    for k in range(3):  # three bars: a deck of slides
        draw.rounded_rectangle((130 + 70 * k, 30, 180 + 70 * k, 90), radius=10, fill=(255, 255, 255, 255))
    draw.ellipse((30, 30, 90, 90), fill=(176, 122, 18, 255))
    img.save(HERE / "logo.png", optimize=True)


if __name__ == "__main__":
    backdrop()
    logo()
