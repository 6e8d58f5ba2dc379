"""The automatic slides speak the deck's language: Chinese (simplified and traditional),
Japanese, Korean, else English."""

import pytest

from deck.pipeline import check_outline

OUTLINE = """title: T
language: {language}
references:
  r: A reference.
slides:
  - section: S
  - title: A
    bullets: [a]
    cite: [r]
    source: p. 1
    notes: n
"""


@pytest.mark.parametrize(
    ("language", "agenda", "references", "source"),
    [
        ("en", "Agenda", "References", "Source: p. 1"),
        ("zh-CN", "议程", "参考文献", "来源：p. 1"),
        ("zh-TW", "議程", "參考文獻", "來源：p. 1"),
        ("zh-HK", "議程", "參考文獻", "來源：p. 1"),
        ("ja-JP", "議題", "参考文献", "出典：p. 1"),
        ("ja", "議題", "参考文献", "出典：p. 1"),
        ("ko-KR", "목차", "참고문헌", "출처: p. 1"),
        ("fr", "Agenda", "References", "Source: p. 1"),
    ],
)
def test_automatic_slides_take_the_decks_language(write, language, agenda, references, source):
    outcome = check_outline(write("outline.yaml", OUTLINE.format(language=language)))
    assert outcome.errors == []
    titles = [page.title.paragraphs[0].text for page in outcome.pages.pages]
    assert titles[1] == agenda and titles[-1] == references
    texts = [p.text for page in outcome.pages.pages for e in page.elements for p in getattr(e, "paragraphs", ())]
    assert any(t.startswith(source) for t in texts)


def test_the_references_slide_names_no_section_in_its_footer(write):
    outcome = check_outline(write("outline.yaml", OUTLINE.format(language="en")))
    references, slide = outcome.pages.pages[-1], outcome.pages.pages[-2]
    texts = lambda page: [p.text for e in page.elements for p in getattr(e, "paragraphs", ())]
    assert "S" in texts(slide)  # a slide of section S names it in its footer
    assert "S" not in texts(references)
