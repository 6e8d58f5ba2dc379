"""The accessibility warnings `deck check` gives: vague links, alt text and repeated titles."""

from deck.pipeline import check_outline


def codes(write, text: str) -> list[tuple[str, int]]:
    outcome = check_outline(write("outline.yaml", text))
    return [(p.code, p.line) for p in outcome.problems if p.code.startswith("A11")]


def test_link_text_that_says_nothing_or_is_a_bare_url_is_warned_at_its_line(write):
    text = (
        "title: T\nslides:\n  - title: Links\n    bullets:\n"
        "      - Click [here](https://example.org)\n"
        "      - See https://example.org as [https://example.org](https://example.org)\n"
        "      - 参见[这里](https://example.org)\n"
        "      - Read [the style guide](https://example.org/style)\n"
        "    notes: Speaker notes may say [here](https://example.org).\n"
    )
    assert codes(write, text) == [("A110", 5), ("A110", 6), ("A110", 7)]


def test_alt_text_naming_a_file_or_a_kind_of_picture_is_warned(write):
    chart = "    chart: {type: bar, categories: [a, b], series: {s: [1, 2]}, alt: %s}\n    notes: n\n"
    text = (
        "title: T\nslides:\n  - title: One\n"
        + chart % "sizes.png"
        + "  - title: Two\n"
        + chart % "图表"
        + "  - title: Three\n"
        + chart % "'Sizes: b is twice a'"
    )
    assert codes(write, text) == [("A111", 3), ("A111", 6)]


def test_a_repeated_title_is_warned_at_the_later_slide_but_continued_slides_are_not(write):
    bullets = "".join(f"      - Item {i} with a few words to make it long enough to wrap\n" for i in range(40))
    text = (
        "title: T\nslides:\n  - title: Long\n    bullets:\n" + bullets + "    notes: n\n"
        "  - title: Again\n    text: One.\n    notes: n\n  - title: again\n    text: Two.\n    notes: n\n"
    )
    assert codes(write, text) == [("A112", 49)]
