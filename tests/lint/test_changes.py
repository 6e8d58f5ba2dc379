"""Slide and theme identity for "what changed": canonical forms, not reprs."""

import dataclasses

from deck.layout.page import Box, DocInfo, Page, Pages, Paragraph, Picture, Run, TextFrame
from deck.lint.changes import slide_hashes, theme_hash
from deck.theme.load import load_builtin


def _page(number: str, picture: Picture | None = None) -> Page:
    title = TextFrame(Box(0, 0, 10, 10), (Paragraph((Run("T"),)),), "title", 1, 1, "heading", "text")
    footer = TextFrame(
        Box(0, 0, 10, 10), (Paragraph((Run(number, field="slidenum"),)),), "footer", 1, 1, "body", "muted"
    )
    return Page("content", title, (footer, *([picture] if picture else [])), (), "x@3", 3)


def _hash(*pages: Page) -> str:
    return slide_hashes(Pages(pages, DocInfo("t", "", "", "en", "2000-01-01T00:00:00Z"), master=None))[0][1]


def test_theme_hash_does_not_depend_on_the_order_roles_are_named_in():
    theme = load_builtin("default")
    reordered = dataclasses.replace(theme, text=dict(reversed(list(theme.text.items()))))
    assert list(reordered.text) != list(theme.text) and theme_hash(reordered) == theme_hash(theme)
    assert theme_hash(dataclasses.replace(theme, gap=theme.gap + 1)) != theme_hash(theme)


def test_slide_hash_ignores_the_slide_number_preview_and_where_a_picture_lives(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "p.png").write_bytes(b"same bytes")
    at_a = Picture(Box(0, 0, 5, 5), tmp_path / "a" / "p.png", "alt")
    at_b = dataclasses.replace(at_a, path=tmp_path / "b" / "p.png")
    assert _hash(_page("3", at_a)) == _hash(_page("7", at_b))
    (tmp_path / "b" / "p.png").write_bytes(b"other bytes")
    assert _hash(_page("3", at_a)) != _hash(_page("3", at_b))


def test_the_canonical_form_is_the_sorted_key_json_of_the_plain_data_written_directly(tmp_path):
    import json

    from deck.lint.changes import _canonical, _plain

    (tmp_path / "p.png").write_bytes(b"bytes")
    odd = Run('quote " amp & <tag> 中文\n\t', bold=True, link="https://x.test/?a=1&b=2", color=None)
    page = dataclasses.replace(
        _page("3", Picture(Box(0, 0, 5, 5), tmp_path / "p.png", "alt")),
        notes=(Paragraph((odd, Run("2.5", italic=True)), level=1),),
    )
    for value in (page, load_builtin("default"), [], (1, None, True, 2.5, "x"), {"b": 1, "a": [2]}):
        assert _canonical(value) == json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
