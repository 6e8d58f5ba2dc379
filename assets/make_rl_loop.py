"""Draw assets/rl_loop.png: the 2017 deep-RL fine-tuning of seq2seq as the essay (§1.2, seed L46)
describes it -- first learn a reward model, then adjust the whole seq2seq model (the policy
model) by policy gradient. A schematic made for the talk, not a figure from the essay.

Run:  .venv/bin/python assets/make_rl_loop.py   (from the repository root)
Needs Pillow and the Noto Sans CJK fonts (fonts-noto-cjk).
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
OUT = HERE / "rl_loop.png"
FONT_DIR = Path("/usr/share/fonts/opentype/noto")
REGULAR = FONT_DIR / "NotoSansCJK-Regular.ttc"
BOLD = FONT_DIR / "NotoSansCJK-Bold.ttc"
SC = 2  # index of the Simplified Chinese face in the collection (JP=0, KR=1, SC=2, TC=3)

W, H = 1600, 800
BG = (250, 250, 252)
INK = (33, 37, 41)
MUTED = (90, 98, 108)
BLUE = (31, 94, 168)
BLUE_FILL = (228, 238, 250)
ORANGE = (176, 84, 0)
ORANGE_FILL = (253, 238, 222)


def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, index=SC)


def centred(draw: ImageDraw.ImageDraw, cx: int, y: int, text: str, f, fill) -> None:
    width = draw.textlength(text, font=f)
    draw.text((cx - width / 2, y), text, font=f, fill=fill)


def box(draw, x0, y0, x1, y1, fill, outline, title, subs, f_title, f_sub) -> None:
    """A rounded box with a title and one or more muted lines, centred vertically."""
    draw.rounded_rectangle((x0, y0, x1, y1), radius=28, fill=fill, outline=outline, width=5)
    cx = (x0 + x1) // 2
    block = 84 + 52 * len(subs)
    y = (y0 + y1 - block) // 2 - 8
    centred(draw, cx, y, title, f_title, outline)
    for i, sub in enumerate(subs):
        centred(draw, cx, y + 92 + 52 * i, sub, f_sub, MUTED)


def arrow(draw, x0, y, x1, colour) -> None:
    """A horizontal arrow from x0 to x1 at height y (either direction)."""
    draw.line((x0, y, x1, y), fill=colour, width=8)
    d = 1 if x1 > x0 else -1
    draw.polygon([(x1, y), (x1 - d * 34, y - 20), (x1 - d * 34, y + 20)], fill=colour)


def main() -> None:
    img = Image.new("RGB", (W, H), BG)
    draw = ImageDraw.Draw(img)
    f_title = font(BOLD, 56)
    f_sub = font(REGULAR, 36)
    f_label = font(REGULAR, 38)
    f_step = font(BOLD, 40)

    # left: reward model (learned first); right: seq2seq = policy model
    lx0, lx1 = 90, 610
    rx0, rx1 = 990, 1510
    top, bottom = 230, 570
    box(draw, lx0, top, lx1, bottom, ORANGE_FILL, ORANGE, "奖励模型", ["第一步：先学习"], f_title, f_sub)
    box(
        draw,
        rx0,
        top,
        rx1,
        bottom,
        BLUE_FILL,
        BLUE,
        "seq2seq 模型",
        ["即策略模型", "（当时基于 LSTM）"],
        f_title,
        f_sub,
    )

    # upper arrow: the policy's outputs go to the reward model
    arrow(draw, rx0 - 20, 330, lx1 + 20, MUTED)
    centred(draw, 800, 268, "生成结果", f_label, MUTED)

    # lower arrow: reward -> policy-gradient update of the whole seq2seq model
    arrow(draw, lx1 + 20, 470, rx0 - 20, INK)
    centred(draw, 800, 408, "奖励", f_label, INK)
    centred(draw, 800, 490, "第二步：策略梯度", f_step, BLUE)
    centred(draw, 800, 545, "调节整个模型", f_label, INK)

    centred(draw, 800, 80, "先学奖励模型，再以策略梯度调节策略模型", f_step, INK)
    centred(draw, 800, 670, "原文：与 RLHF 有相同的算法", f_sub, MUTED)

    img.save(OUT, format="PNG", optimize=True)


if __name__ == "__main__":
    main()
