"""Draw examples/assets/pipeline.png: five boxes joined by arrows, deck's pipeline as shapes.

Run from the repository root:  .venv/bin/python examples/assets/make_pipeline.py
Needs Pillow only (no text in the picture, so no fonts); the output is the same every run.
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent / "pipeline.png"
W, H = 1500, 500
COLOURS = [(29, 86, 160), (46, 125, 79), (176, 122, 18), (168, 67, 27), (122, 78, 171)]


def main() -> None:
    img = Image.new("RGB", (W, H), (250, 251, 253))
    draw = ImageDraw.Draw(img)
    box_w, gap = 220, 75
    x = (W - (5 * box_w + 4 * gap)) // 2
    for i, colour in enumerate(COLOURS):
        draw.rounded_rectangle((x, 150, x + box_w, 350), radius=30, fill=colour)
        for k in range(3):  # three "lines of text" as light bars
            draw.rounded_rectangle(
                (x + 30, 195 + 40 * k, x + box_w - 30 - 30 * k, 215 + 40 * k), radius=8, fill=(255, 255, 255)
            )
        if i < 4:
            ax = x + box_w + 12
            draw.polygon(
                [
                    (ax, 230),
                    (ax + gap - 30, 230),
                    (ax + gap - 30, 210),
                    (ax + gap - 12, 250),
                    (ax + gap - 30, 290),
                    (ax + gap - 30, 270),
                    (ax, 270),
                ],
                fill=(85, 96, 108),
            )
        x += box_w + gap
    img.save(OUT, optimize=True)


if __name__ == "__main__":
    main()
