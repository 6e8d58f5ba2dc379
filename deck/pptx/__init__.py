"""Render stage: laid-out pages and a theme → .pptx bytes (deck.pptx.render is the only module
that imports python-pptx)."""

from deck.pptx.render import render_pptx

__all__ = ["render_pptx"]
