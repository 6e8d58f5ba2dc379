"""Choosing each page's layout by what its placeholders are and where they sit, never by the
layouts' names or idx numbers; and the generated master agreeing with the fitter."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from deck.layout.choose import choose_layout
from deck.layout.fit import Fitter
from deck.layout.masters import master_of
from deck.pipeline import check_outline
from deck.theme.load import load_builtin
from deck.theme.model import Layout, Master

CASE = Path(__file__).parent.parent / "cases" / "every-kind" / "outline.yaml"
KINDS = {"title": "title", "agenda": "content", "sec-text": "section"}


@pytest.fixture(scope="module")
def laid():
    outcome = check_outline(CASE)
    theme = load_builtin("default")
    return outcome.pages, master_of(Fitter(theme)), (theme.width, theme.height)


def _kind(page) -> str:
    return KINDS.get(page.key, "section" if page.key.startswith("sec") else "content")


def _anonymous(master: Master) -> Master:
    """The master as a template might have it: layouts renamed, in another order, their
    placeholders renumbered and styled for no theme role."""
    layouts = []
    for n, layout in enumerate(reversed(master.layouts)):
        phs = tuple(
            replace(
                p,
                idx=p.idx + 20 if p.idx else 0,
                name=f"ph{i}",
                levels=tuple(replace(lv, role=None) for lv in p.levels),
            )
            for i, p in enumerate(layout.placeholders)
        )
        layouts.append(Layout(f"Layout {n}", layout.type, phs))
    return replace(master, layouts=tuple(layouts))


def test_each_page_goes_on_the_layout_made_for_its_kind(laid):
    pages, master, size = laid
    chosen = {p.key: choose_layout(master, p, _kind(p), size).layout.name for p in pages.pages}
    assert chosen["title"] == "Title Slide" and chosen["sec-text"] == "Section Header"
    assert chosen["bullets"] == chosen["text"] == chosen["agenda"] == "Title and Content"
    assert (chosen["columns"], chosen["quote"], chosen["image"]) == ("Comparison", "Quote", "Picture with Caption")
    assert (chosen["table"], chosen["chart"]) == ("Content with Caption", "Title and Content")
    assert chosen["timeline"] == chosen["steps"] == chosen["stats"] == "Title Only"


def test_layouts_are_told_by_placeholders_not_by_names_or_numbers(laid):
    """On a master whose layouts are renamed, reordered, renumbered and unstyled, every
    page's title and content go to placeholders of the same kind and place as before (the
    small strips under the content — caption, takeaway, source — are then told apart by
    their order only, so a table's box may end lower)."""
    pages, master, size = laid
    anonymous = _anonymous(master)
    content = ("title", "subtitle", "body", "object", "picture", "heading1", "column1", "heading2", "column2")
    for page in pages.pages:
        choice = choose_layout(anonymous, page, _kind(page), size)
        original = choose_layout(master, page, _kind(page), size)
        assert choice.fits, page.key
        slots = set(original.slots) - {"quote"}  # unstyled, a quote is a standard layout's body
        assert slots <= set(choice.slots), page.key
        for slot in slots & set(content):
            a, b = choice.slots[slot], original.slots[slot]
            assert (a.type, a.x, a.y, a.w) == (b.type, b.x, b.y, b.w), (page.key, slot)
            assert a.h == b.h or slot == "object", (page.key, slot)


def test_without_a_layout_for_its_content_a_page_is_drawn_on_title_only(laid):
    pages, master, size = laid
    bare = replace(master, layouts=tuple(la for la in master.layouts if la.type not in ("twoTxTwoObj", "cust")))
    columns = next(p for p in pages.pages if p.key == "columns")
    choice = choose_layout(bare, columns, "content", size)
    assert not choice.fits and choice.layout.name == "Title Only"
    assert set(choice.slots) == {"title", "footer", "number"}


def test_the_master_agrees_with_the_fitter():
    """Every placeholder's inset is the fitter's for its role, every level's pitch, space
    before and bullet indent what the fitter measured with."""
    fit = Fitter(load_builtin("dark"))
    master = master_of(fit)
    for layout in master.layouts:
        for ph in layout.placeholders:
            for n, level in enumerate(ph.levels):
                assert level.size == fit.size(level.role)
                assert level.line_pitch == fit.pitch(level.size)
                assert level.space_before == fit.space_before(level.size)
                if level.bullet and n < 2:
                    assert level.margin == fit.indent(n + 1, level.size)
            if ph.levels and ph.type != "body" or ph.name != "Quote":
                roles = {lv.role for lv in ph.levels[:1]}
                assert not roles or ph.inset == fit.inset(roles.pop()), (layout.name, ph.name)
    names = [layout.name for layout in master.layouts]
    assert len(names) == len(set(names))
