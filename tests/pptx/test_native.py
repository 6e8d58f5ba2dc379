"""Decks built as PowerPoint builds them, reopened with python-pptx: text in the layouts'
placeholders, formatting inherited, footers as placeholders, dark themes through the colour
map, per-script fonts, sections, and what the Accessibility Checker looks at."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import ROOT
from ooxmlcheck import A, P, audit_errors, xml_parts
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from deck.model import Section, Slide
from deck.pipeline import build_outline
from deck.theme.load import load_builtin
from deck.theme.model import luminance

ESSAY = ROOT / "outline.yaml"
EVERY_KIND = ROOT / "tests" / "cases" / "every-kind" / "outline.yaml"
FOOTERS = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
DECORATIVE = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    """The essay and the every-kind case built in both built-in themes: {(name, theme): outcome}."""
    out = {}
    for name, outline in (("essay", ESSAY), ("every-kind", EVERY_KIND)):
        for theme in ("default", "dark"):
            target = tmp_path_factory.mktemp(f"{name}-{theme}") / "deck.pptx"
            outcome = build_outline(outline, target, theme)
            assert outcome.errors == []
            out[name, theme] = outcome
    return out


def shown_text(shape) -> str:
    if shape.has_text_frame:
        return "".join(shape.text_frame.text.split())
    if shape.has_table:
        return "".join("".join(c.text.split()) for row in shape.table.rows for c in row.cells)
    return ""


def leaves(shapes):
    """Yield the shapes, those inside groups in place of their group."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from leaves(shape.shapes)
        else:
            yield shape


# -- text in placeholders ------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["default", "dark"])
def test_three_quarters_of_the_essays_slide_text_is_in_placeholders(decks, theme):
    prs = Presentation(str(decks["essay", theme].output))
    shapes = [sh for s in prs.slides for sh in s.shapes]
    total = sum(len(shown_text(sh)) for sh in shapes)
    placed = sum(len(shown_text(sh)) for sh in shapes if sh.is_placeholder)
    assert placed / total >= 0.75, f"{placed} of {total} characters in placeholders"


def test_each_kinds_text_fills_its_layouts_placeholders(decks):
    outcome = decks["every-kind", "default"]
    prs = Presentation(str(outcome.output))
    expected = {
        "bullets": {"Body"},
        "text": {"Body"},
        "columns": {"Column 1 Heading", "Column 1", "Column 2 Heading", "Column 2"},
        "quote": {"Quote"},
        "image": {"Picture", "Caption"},
        "table": {"Table", "Caption"},
        "chart": {"Chart", "Takeaway"},
        "pie": {"Chart"},
        "title": {"Title", "Subtitle"},
    }
    by_key = {page.key: slide for page, slide in zip(outcome.pages.pages, prs.slides)}
    for key, names in expected.items():
        shapes = {sh.name: sh for sh in by_key[key].shapes}
        assert {n for n in names if shapes[n].is_placeholder} == names, key
        assert by_key[key].shapes[0].is_placeholder and by_key[key].shapes[0].name == "Title"


@pytest.mark.parametrize("name", ["essay", "every-kind"])
def test_the_outline_view_shows_the_outlines_titles_and_bullets(decks, name):
    """PowerPoint's outline view lists each slide's title placeholder and, below it, the
    paragraphs of its body placeholder, at their levels: they are the outline's."""
    outcome = decks[name, "default"]
    prs = Presentation(str(outcome.output))
    by_key = {page.key: slide for page, slide in zip(outcome.pages.pages, prs.slides)}
    checked = 0
    for entry in outcome.deck.slides:
        slide = by_key[entry.key]
        title = entry.name if isinstance(entry, Section) else entry.title
        assert slide.shapes.title.text_frame.text == title
        if isinstance(entry, Slide) and entry.kind == "bullets":
            body = next(sh for sh in slide.placeholders if sh.placeholder_format.idx == 1)
            shown = [(p.level, p.text) for p in body.text_frame.paragraphs]
            written = [
                (level, rich.plain)
                for item in entry.content.items
                for level, rich in ((0, item.text), *((1, child) for child in item.children))
            ]
            assert shown == written
            checked += 1
    assert checked >= 2


def test_a_slide_matching_its_layout_carries_only_its_text(tmp_path):
    """Reset Slide has nothing to undo: the placeholders of a slide laid out as its layout
    have no box and no paragraph or run formatting, only the text and its language."""
    outline = tmp_path / "outline.yaml"
    outline.write_text(
        "title: T\ntheme: fixed.yaml\nslides:\n  - title: Plain\n    bullets:\n      - One\n      - text: Two\n"
        "        bullets: [Two and a half]\n    takeaway: It shows.\n    source: here\n    notes: n\n",
        encoding="utf-8",
    )
    # a theme whose body text never grows (a slide holding little is set at the layout's sizes)
    (tmp_path / "fixed.yaml").write_text(
        "name: fixed\nextends: default\ntext:\n  body: {max: 24}\n  body2: {max: 20}\n", encoding="utf-8"
    )
    slide = Presentation(str(build_outline(outline, tmp_path / "out.pptx").output)).slides[1]
    assert {sh.name for sh in slide.placeholders} == {"Title", "Body", "Takeaway", "Source", "Slide Number"}
    for shape in slide.placeholders:
        assert len(shape.element.spPr) == 0, shape.name  # no xfrm: the layout's box
        assert dict(shape.text_frame._bodyPr.attrib) == {}
        for p in shape.text_frame.paragraphs:
            ppr = p._p.pPr
            assert ppr is None or (dict(ppr.attrib) == {"lvl": "1"} and len(ppr) == 0), shape.name
            for run in p.runs:
                assert dict(run._r.rPr.attrib) == {"lang": "en"} and len(run._r.rPr) == 0, shape.name


@pytest.mark.parametrize("name", ["essay", "every-kind"])
@pytest.mark.parametrize("theme", ["default", "dark"])
def test_reset_slide_keeps_every_text_placeholder_where_it_was_built(decks, name, theme):
    """Reset Slide puts each placeholder back on its layout's box, anchor and insets: every
    text placeholder of every slide is already there (a two-line title or takeaway gets a
    variant of its layout), so a reset moves nothing."""
    prs = Presentation(str(decks[name, theme].output))
    variants = 0
    for n, slide in enumerate(prs.slides, 1):
        layout = {ph.placeholder_format.idx: ph for ph in slide.slide_layout.placeholders}
        variants += slide.slide_layout.name.endswith(")")
        for shape in slide.placeholders:
            if not shape.has_text_frame:
                continue
            assert len(shape.element.spPr) == 0 or shape.element.spPr.find(f"{A}xfrm") is None, (n, shape.name)
            assert dict(shape.text_frame._bodyPr.attrib) == {}, (n, shape.name)
            base = layout[shape.placeholder_format.idx]
            assert (shape.left, shape.top, shape.width, shape.height) == (
                base.left,
                base.top,
                base.width,
                base.height,
            ), (n, shape.name)
    if name == "essay":
        assert variants > 0  # the essay has two-line titles and takeaways: the case is exercised


def test_a_shrunk_title_states_its_size_and_pitch(tmp_path):
    outline = tmp_path / "outline.yaml"
    words = " ".join(["measured"] * 10)
    outline.write_text(f"title: T\nslides:\n  - title: {words}\n    text: Hello.\n    notes: n\n", encoding="utf-8")
    outcome = build_outline(outline, tmp_path / "out.pptx")
    assert outcome.errors == []
    page = outcome.pages.pages[1]
    assert page.title.size < load_builtin("default").text["title"].size
    title = Presentation(str(outcome.output)).slides[1].shapes.title
    p = title.text_frame.paragraphs[0]
    assert p._p.pPr.find(f"{A}lnSpc") is not None
    assert {int(r._r.rPr.get("sz")) for r in p.runs} == {round(page.title.size / 127)}


# -- layouts, master and inheritance ---------------------------------------------------------------


LAYOUT_PLACEHOLDERS = {
    "Title Slide": [PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE],
    "Title and Content": [PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.BODY],
    "Section Header": [PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.BODY],
    "Two Content": [PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.OBJECT] + [PP_PLACEHOLDER.BODY] * 2,
    "Comparison": [PP_PLACEHOLDER.TITLE] + [PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT] * 2 + [PP_PLACEHOLDER.BODY] * 2,
    "Title Only": [PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.BODY],
    "Blank": [],
    "Content with Caption": [PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.OBJECT] + [PP_PLACEHOLDER.BODY] * 3,
    "Picture with Caption": [PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.PICTURE] + [PP_PLACEHOLDER.BODY] * 3,
    "Quote": [PP_PLACEHOLDER.TITLE] + [PP_PLACEHOLDER.BODY] * 3,
    "Three Columns": [PP_PLACEHOLDER.TITLE]
    + [PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT] * 3
    + [PP_PLACEHOLDER.BODY] * 2,
}


def test_a_slide_added_with_each_layout_gets_its_placeholders_footer_and_number(decks, tmp_path):
    prs = Presentation(str(decks["every-kind", "default"].output))
    for layout in prs.slide_layouts:
        kinds = [ph.placeholder_format.type for ph in layout.placeholders]
        assert set(kinds[-3:]) == FOOTERS, layout.name  # date, footer and number on every layout
        slide = prs.slides.add_slide(layout)
        added = [sh.placeholder_format.type for sh in slide.placeholders]
        base = re.sub(r" \(\d+\)$", "", layout.name)  # a variant ("Title and Content (2)") has its base's
        assert added == LAYOUT_PLACEHOLDERS[base], layout.name
        for shape in slide.placeholders:  # each takes its place from the layout or the master
            assert None not in (shape.left, shape.top, shape.width, shape.height)
    hf = prs.slide_master.element.find(f"{P}hf")
    assert (hf.get("sldNum"), hf.get("ftr"), hf.get("dt")) == (None, None, "0")  # new slides get number, footer
    path = tmp_path / "added.pptx"
    prs.save(str(path))
    assert audit_errors(path) == []


def test_the_footer_shows_the_section_and_the_number_is_a_field(decks):
    outcome = decks["every-kind", "default"]
    slide = Presentation(str(outcome.output)).slides[3]
    footers = {sh.placeholder_format.type: sh for sh in slide.placeholders if sh.placeholder_format.type in FOOTERS}
    assert footers[PP_PLACEHOLDER.FOOTER].text_frame.text == "Text"
    assert footers[PP_PLACEHOLDER.SLIDE_NUMBER].element.find(f".//{A}fld").get("type") == "slidenum"
    title = Presentation(str(outcome.output)).slides[0]
    assert not any(sh.placeholder_format.type in FOOTERS for sh in title.placeholders)


def test_master_text_styles_agree_with_the_fitter(decks):
    """The body style's levels are the fitter's: size, exact pitch, space before and the
    bullet's hanging indent, in the theme's sizes; eaLnBrk on, hangingPunct off."""
    theme = load_builtin("default")
    parts = xml_parts(decks["every-kind", "default"].output.read_bytes())
    body = parts["ppt/slideMasters/slideMaster1.xml"].find(f"{P}txStyles/{P}bodyStyle")
    for n, role, char in ((1, "body", "•"), (2, "body2", "–")):
        level = body.find(f"{A}lvl{n}pPr")
        size = theme.text[role].size
        assert int(level.get("marL")) == n * size and int(level.get("indent")) == -size
        assert level.find(f"{A}buChar").get("char") == char
        assert int(level.find(f"{A}lnSpc/{A}spcPts").get("val")) == round(size * theme.line_spacing / 127)
        assert int(level.find(f"{A}spcBef/{A}spcPts").get("val")) == round(size * theme.paragraph_spacing / 127)
        assert int(level.find(f"{A}defRPr").get("sz")) == round(size / 127)
        assert (level.get("eaLnBrk"), level.get("hangingPunct")) == ("1", "0")


# -- colours, fonts, structure ------------------------------------------------------------------------


def test_the_dark_theme_keeps_dk1_dark_and_swaps_through_the_colour_map(decks):
    parts = xml_parts(decks["every-kind", "dark"].output.read_bytes())
    scheme = parts["ppt/theme/theme1.xml"].find(f".//{A}clrScheme")
    colour = {slot.tag.split("}")[1]: slot[0].get("val") for slot in scheme}
    assert luminance(colour["dk1"]) < luminance(colour["lt1"]) and luminance(colour["dk2"]) < luminance(colour["lt2"])
    mapping = parts["ppt/slideMasters/slideMaster1.xml"].find(f"{P}clrMap").attrib
    assert (mapping["bg1"], mapping["tx1"], mapping["bg2"], mapping["tx2"]) == ("dk1", "lt1", "dk2", "lt2")
    notes = parts["ppt/notesMasters/notesMaster1.xml"].find(f"{P}clrMap").attrib
    assert (notes["bg1"], notes["tx1"]) == ("lt1", "dk1")  # notes: dark text on a light page
    light = xml_parts(decks["every-kind", "default"].output.read_bytes())
    assert light["ppt/slideMasters/slideMaster1.xml"].find(f"{P}clrMap").get("bg1") == "lt1"


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("theme", ["default", "dark"])
def test_a_table_added_with_the_default_style_is_readable(decks, theme):
    """The default table style's text and fills, resolved through the master's colour map
    and the colour scheme, contrast at least 4.5:1 in every part of the table."""
    parts = xml_parts(decks["every-kind", theme].output.read_bytes())
    scheme = {s.tag.split("}")[1]: s[0].get("val") for s in parts["ppt/theme/theme1.xml"].find(f".//{A}clrScheme")}
    mapping = dict(parts["ppt/slideMasters/slideMaster1.xml"].find(f"{P}clrMap").attrib)

    def colour(node) -> str:
        name = node.find(f".//{A}schemeClr").get("val")
        return scheme[mapping.get(name, name)]

    styles = parts["ppt/tableStyles.xml"]
    style = next(s for s in styles if s.get("styleId") == styles.get("def"))
    whole = style.find(f"{A}wholeTbl")
    text, fill = colour(whole.find(f"{A}tcTxStyle")), colour(whole.find(f"{A}tcStyle/{A}fill"))
    assert _contrast(text, fill) >= 4.5
    for part in style:
        own_text = part.find(f"{A}tcTxStyle")
        own_fill = part.find(f"{A}tcStyle/{A}fill")
        shown = colour(own_text) if own_text is not None else text
        behind = colour(own_fill) if own_fill is not None else fill
        assert _contrast(shown, behind) >= 4.5, part.tag


def test_the_font_scheme_names_a_face_per_east_asian_script(decks):
    parts = xml_parts(decks["every-kind", "default"].output.read_bytes())
    for tag in ("majorFont", "minorFont"):
        font = parts["ppt/theme/theme1.xml"].find(f".//{A}{tag}")
        faces = {f.get("script"): f.get("typeface") for f in font.findall(f"{A}font")}
        assert faces == {
            "Hans": "Noto Sans CJK SC",
            "Hant": "Noto Sans CJK TC",
            "Jpan": "Noto Sans CJK JP",
            "Hang": "Noto Sans CJK KR",
        }


def test_powerpoint_sections_follow_the_outlines_sections(decks):
    outcome = decks["every-kind", "default"]
    parts = xml_parts(outcome.output.read_bytes())
    ns = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
    sections = [
        (s.get("name"), len(s.findall(f".//{ns}sldId"))) for s in parts["ppt/presentation.xml"].iter(f"{ns}section")
    ]
    assert sections == [("deck: outlines into talks", 2), ("Text", 7), ("Data and pictures", 14)]
    assert sum(n for _, n in sections) == len(outcome.pages.pages)


def test_app_properties_list_fonts_theme_and_slide_titles(decks):
    outcome = decks["every-kind", "default"]
    with zipfile.ZipFile(io.BytesIO(outcome.output.read_bytes())) as z:
        app = z.read("docProps/app.xml").decode()
    for heading in ("Fonts Used", "Theme", "Slide Titles"):
        assert f"<vt:lpstr>{heading}</vt:lpstr>" in app
    assert "<vt:lpstr>Noto Sans</vt:lpstr>" in app and "<vt:lpstr>Bullets in two levels</vt:lpstr>" in app
    assert "<PresentationFormat>Widescreen</PresentationFormat>" in app


# -- accessibility ------------------------------------------------------------------------------------


def test_charts_are_described_and_ornaments_decorative(decks):
    outcome = decks["every-kind", "default"]
    prs = Presentation(str(outcome.output))
    charts = [sh for s in prs.slides for sh in s.shapes if sh.has_chart]
    descriptions = [sh.element.find(f".//{P}cNvPr").get("descr") for sh in charts]
    assert descriptions == [
        "Bar chart, log scale: NRM (2015) 70M; GPT-3 (2020) 175B",
        "Stacked column chart: Text: 2021 3, 2022 4, 2023 5; Data: 2021 1, 2022 2, 2023 4; "
        "Pictures: 2021 0.5, 2022 1, 2023 3",
        "Doughnut chart: Text 5 (50%); Data 4 (40%); Pictures 1 (10%)",
        "Scatter chart (seconds): 1 0.2; 2.5 0.35; 4 0.3; 7 0.6",
        "Pie chart: Text 5 (50%); Data 4 (40%); Pictures 1 (10%)",
    ]
    ornaments = [sh for s in prs.slides for sh in leaves(s.shapes) if not sh.is_placeholder and not shown_text(sh)]
    ornaments = [sh for sh in ornaments if not sh.has_chart and not sh.element.tag.endswith("}pic")]
    assert len(ornaments) > 10
    for shape in ornaments:
        ext = shape.element.find(f".//{P}cNvPr/{A}extLst/{A}ext")
        assert ext is not None and ext.get("uri") == DECORATIVE and ext[0].get("val") == "1", shape.name


def test_drawn_kinds_group_each_event_card_and_figure(decks):
    outcome = decks["every-kind", "default"]
    prs = Presentation(str(outcome.output))
    by_key = {page.key: slide for page, slide in zip(outcome.pages.pages, prs.slides)}
    for key, group, members in (
        ("timeline", "Event 2 Group", ["Event 2 Marker", "Event 2 When", "Event 2"]),
        ("steps", "Step 1 Group", ["Step 1 Card", "Step 1 Title", "Step 1"]),
        ("stats", "Figure 3 Group", ["Figure 3", "Figure 3 Label"]),
    ):
        shapes = {sh.name: sh for sh in by_key[key].shapes}
        assert shapes[group].shape_type == MSO_SHAPE_TYPE.GROUP, key
        assert [sh.name for sh in shapes[group].shapes] == members
    assert "Step 1 Arrow" in {sh.name for sh in by_key["steps"].shapes}  # between cards, not in one


def test_a_chart_alt_key_is_its_description(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text(
        "title: T\nslides:\n  - title: Sizes\n    chart:\n      type: column\n      categories: [a, b]\n"
        "      series: {Size: [1, 2]}\n      alt: Sizes double from a to b.\n    notes: n\n",
        encoding="utf-8",
    )
    outcome = build_outline(outline, tmp_path / "out.pptx")
    frame = next(sh for sh in Presentation(str(outcome.output)).slides[1].shapes if sh.has_chart)
    assert frame.element.find(f".//{P}cNvPr").get("descr") == "Sizes double from a to b."


def test_table_header_rows_are_marked(decks):
    prs = Presentation(str(decks["essay", "default"].output))
    tables = [sh.table for s in prs.slides for sh in s.shapes if sh.has_table]
    assert tables and all(t.first_row for t in tables)


def test_every_title_is_unique_and_continued_slides_are_numbered(decks):
    for key in (("essay", "default"), ("every-kind", "default")):
        titles = [s.shapes.title.text_frame.text for s in Presentation(str(decks[key].output)).slides]
        assert len(titles) == len(set(titles))


def test_the_built_deck_is_the_same_bytes_again(decks, tmp_path):
    outcome = decks["essay", "dark"]
    again = build_outline(ESSAY, tmp_path / "again.pptx", "dark")
    assert again.output.read_bytes() == outcome.output.read_bytes()
