"""Lengths: integer EMU inside, points and inches only at the edges (the one place they convert)."""

EMU_PER_INCH = 914_400
EMU_PER_PT = 12_700


def pt(points: float) -> int:
    """Return `points` as integer EMU."""
    return round(points * EMU_PER_PT)


def inches(value: float) -> int:
    """Return `value` inches as integer EMU."""
    return round(value * EMU_PER_INCH)
