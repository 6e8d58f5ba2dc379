"""The annotated starter outline that `deck new` writes."""

from pathlib import Path


def starter_text() -> str:
    """Return the starter outline's text (it builds as it is)."""
    return (Path(__file__).parent / "starter.yaml").read_text(encoding="utf-8")
