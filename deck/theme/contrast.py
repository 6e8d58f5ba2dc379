"""WCAG contrast of a theme's text on what it sits on: the one measure for built-in and custom themes."""

from __future__ import annotations

from deck.theme.model import Theme

AA = 4.5  # WCAG 2 level AA, normal text


def luminance(hex6: str) -> float:
    """Return the relative luminance (0 black … 1 white) of colour "RRGGBB"."""

    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex6[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """Return the WCAG contrast ratio (1 … 21) of colours "RRGGBB" `a` and `b`, in either order."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """Return every `(what, text palette role, background palette role)` the slides set text
    in: each text role on the background; headings, body and small text, strong and links on
    cards (the surface); strong text and links on the background; table headers and bands."""
    pairs = [(role, style.color, "background") for role, style in theme.text.items()]
    pairs += [(f"{role} in a card", theme.text[role].color, "surface") for role in ("heading", "body", "small")]
    pairs += [
        ("strong", "accent", "background"),
        ("strong in a card", "accent", "surface"),
        ("link", "link", "background"),
        ("table header", "background", "primary"),
        ("table band", "text", "surface"),
    ]
    return pairs


def low_contrast(theme: Theme) -> list[tuple[str, str, str, float]]:
    """Return `(what, text role, background role, ratio)` for each pair of `text_pairs` below AA."""
    p = theme.palette
    return [(what, fg, bg, contrast(p[fg], p[bg])) for what, fg, bg in text_pairs(theme) if contrast(p[fg], p[bg]) < AA]


def on_background(theme: Theme) -> list[str]:
    """Return the colours ("RRGGBB") of the text the slides set straight on the background."""
    return sorted({theme.palette[fg] for _, fg, bg in text_pairs(theme) if bg == "background"})


def veiled(pixel: str, veil: str, alpha: float) -> str:
    """Return colour `pixel` under a veil of colour `veil` at opacity `alpha` (0 … 1)."""
    mix = (round(int(veil[i : i + 2], 16) * alpha + int(pixel[i : i + 2], 16) * (1 - alpha)) for i in (0, 2, 4))
    return "".join(f"{c:02X}" for c in mix)


def scrim_alpha(pixels: list[str], veil: str, foregrounds: list[str], step: float = 0.05) -> float:
    """Return the least opacity, a multiple of `step`, of a veil of colour `veil` over a
    picture's `pixels` ("RRGGBB", sampled at the scale of text) at which every colour of
    `foregrounds` keeps WCAG AA on every veiled pixel: 0 when the picture needs none, 1 (the
    plain background) at most."""
    pixels = sorted(set(pixels))

    def enough(alpha: float) -> bool:
        return all(contrast(fg, veiled(px, veil, alpha)) >= AA for px in pixels for fg in foregrounds)

    steps = round(1 / step)
    low, high = 0, steps  # enough(high / steps) holds for a theme whose text passes AA on its background
    if enough(0.0):
        return 0.0
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (low, mid) if enough(mid / steps) else (mid, high)
    return high / steps
