"""Lengths: integer EMU inside, points and inches only at the edges."""

EMU_PER_INCH = 914_400
EMU_PER_PT = 12_700
EMU_PER_CM = 360_000


def pt(points: float) -> int:
    """Return `points` as integer EMU."""
    return round(points * EMU_PER_PT)


def inches(value: float) -> int:
    """Return `value` inches as integer EMU."""
    return round(value * EMU_PER_INCH)


def to_pt(emu: int) -> float:
    """Return `emu` in points."""
    return emu / EMU_PER_PT
