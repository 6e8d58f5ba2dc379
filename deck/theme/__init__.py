"""Themes: the frozen theme model, the built-in themes, and reading theme files."""

from deck.theme.model import BASE_ROLES, BODY_POINTS, FONT_ROLES, PALETTE_SLOTS, Face, Footer, Role, TextStyle, Theme

__all__ = ["BASE_ROLES", "BODY_POINTS", "FONT_ROLES", "PALETTE_SLOTS", "Face", "Footer", "Role", "TextStyle", "Theme"]
