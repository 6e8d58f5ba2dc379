"""Talk length from the notes (250 CJK characters or 130 words a minute) and slides too wordy to read."""

from deck.cli import main
from deck.lint.talktime import SLIDE_WORDS, count_text
from deck.pipeline import check_outline


def _outline(notes: str, body: str = "Short.") -> str:
    return f"""title: Talk
language: zh-CN
slides:
  - section: Part one
    notes: "{notes}"
  - title: Words
    id: words
    text: "{body}"
    notes: "{notes}"
"""


def test_cjk_characters_and_latin_words_are_counted_separately():
    assert count_text("GPT-3 有 175B 参数，规模带来质变。") == (9, 2)
    assert count_text("ひらがな と カタカナ and words") == (9, 2)
    assert count_text("— … ，。 - ") == (0, 0)


def test_known_notes_give_the_expected_minutes(write, capsys):
    notes = "字" * 250 + " " + " ".join(["word"] * 130)  # one minute of each, in each of two notes
    outline = write("outline.yaml", _outline(notes))
    talk = check_outline(outline).talk
    assert (talk.cjk, talk.words, talk.minutes) == (500, 260, 4.0)
    assert main(["check", str(outline)]) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1]
        == "talk: about 4 min (notes: 500 CJK chars at 250/min + 260 words at 130/min)"
    )


def test_a_deck_without_notes_says_so(write):
    outline = write("outline.yaml", "title: T\nslides:\n  - title: A\n    bullets: [a]\n")
    assert check_outline(outline).talk.summary() == "talk: no speaker notes to time"


def test_a_wordy_slide_gets_a_warning_at_the_slide_and_strict_fails(write, capsys):
    body = " ".join(["word"] * (SLIDE_WORDS + 1))
    outline = write("outline.yaml", _outline("Notes.", body))
    [warning] = [w for w in check_outline(outline).warnings if "audience" in w.message]
    assert (warning.line, warning.column, warning.code) == (6, 5, "A101")
    assert f"{SLIDE_WORDS + 1} words on one slide" in warning.message
    assert main(["check", str(outline)]) == 0
    assert main(["check", str(outline), "--strict"]) == 1
    assert ":6:5: warning[A101]: too much text for the audience to read" in capsys.readouterr().err


def test_the_limit_itself_is_allowed_and_two_cjk_characters_count_as_one_word(write):
    at_limit = write("a.yaml", _outline("Notes.", " ".join(["word"] * SLIDE_WORDS)))
    assert check_outline(at_limit).warnings == []
    cjk_at_limit = write("b.yaml", _outline("Notes.", "字" * (2 * SLIDE_WORDS)))
    assert check_outline(cjk_at_limit).warnings == []
    mixed_over = write("c.yaml", _outline("Notes.", "字" * (2 * SLIDE_WORDS - 1) + " one"))
    [warning] = check_outline(mixed_over).warnings
    assert f"{2 * SLIDE_WORDS - 1} CJK characters and 1 word" in warning.message


def test_automatic_slides_and_titles_are_not_counted(write):
    refs = "\n".join(f"  r{i}: {' '.join(['Author'] * 12)}. A long citation title {i}." for i in range(12))
    cites = ", ".join(f"r{i}" for i in range(12))
    outline = write(
        "outline.yaml",
        f"title: T\nreferences:\n{refs}\nslides:\n"
        f"  - title: {' '.join(['long'] * 12)}\n    bullets: [a]\n    notes: n\n    cite: [{cites}]\n",
    )
    assert check_outline(outline).warnings == []
