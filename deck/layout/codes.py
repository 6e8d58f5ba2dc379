"""Problem codes of the layout stage (L…): shrunk and continued text, text that cannot fit, uncovered characters."""

from deck.problems import Code

_SLIDE = "title: Talk\nslides:\n"

CODES: dict[str, Code] = {
    "L101": Code(
        "title-does-not-fit",
        "a slide's title does not fit in two lines",
        "A slide's title takes at most two lines; it shrinks to the theme's minimum title size before it is an error.",
        _SLIDE + "  - title: A title that goes on and on … (several lines of words)\n    text: Hello\n    notes: n",
        "Shorten the title; say the rest in the body or the takeaway.",
    ),
    "L102": Code(
        "talk-title-does-not-fit",
        "the talk's title does not fit the title slide",
        "The talk's title fills at most two fifths of the title slide, shrunk to the theme's minimum size if needed.",
        "title: A title of the talk that goes on … (many lines of words)\nslides:\n"
        "  - title: One\n    text: Hello\n    notes: n",
        "Shorten the title; put the rest in `subtitle`.",
    ),
    "L103": Code(
        "title-slide-lines-do-not-fit",
        "subtitle, author and date do not fit the title page",
        "The subtitle, and the author and date on one line, share the space under the talk's title.",
        "title: Talk\nsubtitle: A subtitle that goes on … (many lines of words)\nslides:\n"
        "  - title: One\n    text: Hello\n    notes: n",
        "Shorten the subtitle.",
    ),
    "L104": Code(
        "section-name-does-not-fit",
        "a section's name does not fit its divider slide",
        "A section's name fills the middle half of its divider, shrunk to the theme's minimum section size if needed.",
        _SLIDE + "  - section: A section name that goes on … (many lines of words)",
        "Shorten the section's name.",
    ),
    "L105": Code(
        "takeaway-does-not-fit",
        "a slide's takeaway does not fit in two lines",
        "The takeaway states in one line what the slide shows; it may take two lines at a smaller size, not more.",
        _SLIDE + "  - title: One\n    text: Hello\n    takeaway: A takeaway that goes on … (several lines)\n"
        "    notes: n",
        "Shorten the takeaway to one sentence.",
    ),
    "L106": Code(
        "content-does-not-fit",
        "content does not fit even at the theme's minimum sizes",
        "Text, columns, a quote, a timeline, steps and figures shrink in steps of two points down "
        "to the theme's minimum sizes; content that is still too large cannot be shown on one "
        "slide (these kinds do not continue on a second one).",
        _SLIDE + "  - title: Too much\n    text: A sentence that keeps going. … (ninety times over)\n    notes: n",
        "Shorten the content; for text, use `bullets`, which continue on a new slide, or split it over two slides.",
    ),
    "L107": Code(
        "item-does-not-fit",
        "one item is too large for a slide of its own",
        "Bullets, table rows and the entries of the agenda and the references continue on further "
        "slides when they do not fit one, but never split an item: one that does not fit a whole "
        "slide even at the minimum size cannot be shown.",
        _SLIDE + "  - title: One\n    bullets:\n      - A bullet that goes on and on … (a whole page of words)\n"
        "    notes: n",
        "Split the item (a bullet into several, a row's long cells into shorter ones).",
    ),
    "L108": Code(
        "text-shrunk",
        "text was set below the theme's size to fit",
        "Text that does not fit at the theme's size shrinks in steps of two points, so shrunk "
        "slides share sizes. The slide still works, but its text is smaller than the theme intends.",
        _SLIDE + "  - title: Dense\n    text: A sentence that keeps going for a while. … (thirty times over)\n"
        "    notes: n",
        "Shorten the text to keep the theme's size, or accept the smaller size.",
    ),
    "L109": Code(
        "slide-continues",
        "a slide's content continues on further slides",
        "Bullets and tables that do not fit one slide even at the minimum size continue on "
        "further slides, each titled with the slide's title and its page: `Results (cont. 2/3)`, "
        "in the deck's language (`（续 2/3）`, `（続き 2/3）` …).",
        _SLIDE + "  - title: Many\n    bullets:\n      - One\n      - … (sixty long bullets)\n    notes: n",
        "Split the content over slides yourself, or accept the continuation.",
    ),
    "L110": Code(
        "character-without-font",
        "no theme font has a character of the text",
        "Viewers draw a character that none of the theme's fonts has with another font, which "
        "may look different and is wider or narrower than measured, so the fit may change.",
        _SLIDE + "  - title: Launch\n    bullets:\n      - launch 🚀 day\n    notes: n",
        "Remove the character, or use a theme whose fonts have it.",
    ),
    "L130": Code(
        "no-layout-for-content",
        "no layout has placeholders for a slide's content",
        "Each slide is placed on the master's layout whose placeholders take its content (one body, "
        "two or three columns, a picture, a table or chart, by placeholder type and position). When "
        "the theme's master has none that fits, the content is drawn as shapes on a layout without "
        "content placeholders (Title Only): it shows, but PowerPoint's outline view and Reset do not "
        "know it. The built-in themes have a layout for every kind.",
        "theme: house.yaml  # a theme whose master lacks a Comparison layout\nslides:\n"
        "  - title: Before and after\n    columns:\n      - {heading: Before, bullets: [a]}\n"
        "      - {heading: After, bullets: [b]}\n    notes: n",
        "Add a layout with the placeholders the kind needs to the master, or use another kind.",
    ),
}
