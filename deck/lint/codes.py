"""Problem codes of this stage (A…): the talk: its length and slides with too much text."""

from deck.problems import Code

CODES: dict[str, Code] = {
    "A101": Code(
        "too-much-text",
        "a slide shows more text than an audience can read (a warning)",
        "While you speak, the audience can read about 80 words on a slide (two CJK characters count as "
        "one word); the title, footer, source line and notes are not counted. A slide with more is read "
        "instead of listened to, or not read at all.",
        "slides:\n  - title: Everything\n    text: <a paragraph of 120 words>",
        "Move detail into the notes (`notes:`), or split the slide.",
    ),
}
