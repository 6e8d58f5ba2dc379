"""Themes: the frozen theme model, the built-in themes, and reading theme files."""

from deck.theme.model import FONT_ROLES, PALETTE_SLOTS, TEXT_ROLES, Face, Footer, TextStyle, Theme

__all__ = ["FONT_ROLES", "PALETTE_SLOTS", "TEXT_ROLES", "Face", "Footer", "TextStyle", "Theme"]
