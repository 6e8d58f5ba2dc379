"""Problem codes of this stage (A…): the talk: its length, slides with too much text, and
what PowerPoint's Accessibility Checker would report."""

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
    "A110": Code(
        "link-text-not-descriptive",
        "a link's text does not say where it goes (a warning)",
        "Screen readers list a slide's links by their text alone. `here`, `link`, `click here`, "
        "`more`, `链接`, `这里` or a bare URL say nothing about the target; PowerPoint's "
        "Accessibility Checker reports them.",
        "slides:\n  - title: Sources\n    bullets:\n      - The guidelines are [here](https://www.w3.org/WAI/)\n"
        "    notes: n",
        "Write what the reader gets there as the link's text: `[the WCAG guidelines](https://www.w3.org/WAI/)`.",
    ),
    "A111": Code(
        "alt-text-not-descriptive",
        "alt text names a file or a kind of picture (a warning)",
        "Alt text is what a screen reader says instead of the picture. A file name "
        "(`pipeline.png`) or a word like `image`, `chart`, `图片` tells a listener nothing.",
        "slides:\n  - title: Pipeline\n    image: {path: pipeline.png, alt: pipeline.png}\n    notes: n",
        "Describe what the picture shows in a sentence: `Five boxes joined by arrows: load, parse, "
        "lay out, render, export`.",
    ),
    "A112": Code(
        "duplicate-slide-title",
        "two slides have the same title (a warning)",
        "Screen reader users move between slides by their titles, and PowerPoint's outline and "
        "Accessibility Checker list them; two slides with one title cannot be told apart. (A "
        "slide that continues is marked `(cont. 2/3)` by deck.)",
        "slides:\n  - title: Results\n    text: Faster.\n    notes: n\n"
        "  - title: Results\n    text: Cheaper.\n    notes: n",
        "Give each slide a title that says what it shows: `Results: speed`, `Results: cost`.",
    ),
}
