"""Problem codes of the parse stage (K…): the outline's frame, its slides and section dividers,
ids and references (K1…), and those each kind reports itself (K2…, in its module)."""

from __future__ import annotations

from deck.kinds import KINDS
from deck.problems import Code

_SLIDE = "title: Talk\nslides:\n"

FRAME: dict[str, Code] = {
    "K104": Code(
        "slides-not-a-list",
        "`slides` is not a list of slides, or is empty",
        "`slides` holds the slides in order, each item starting with `- `.",
        "title: Talk\nslides: One",
        "Write each slide below `slides:` as an item starting with `- `, e.g. `- title: Intro`.",
    ),
    "K105": Code(
        "too-many-slides",
        "the outline has more than 1,000 slides",
        "An outline holds at most 1,000 slides; a longer one is almost certainly not one talk.",
        _SLIDE + "  - title: One\n    text: Hello\n  # … 1,000 more",
        "Split the talk into several outlines.",
    ),
    "K107": Code(
        "no-content-key",
        "a slide has no content key",
        "Each slide has exactly one content key saying what it shows: `section` for a section "
        "divider, or the name of a slide kind such as `bullets` or `text` (the message lists them all).",
        _SLIDE + "  - title: Intro\n    notes: n",
        "Add one content key, e.g. `text: …` or `bullets:`.",
    ),
    "K108": Code(
        "two-content-keys",
        "a slide has more than one content key",
        "A slide shows one thing: it has exactly one content key.",
        _SLIDE + "  - title: Intro\n    text: Hello\n    bullets: [a, b]\n    notes: n",
        "Move the second content key to a slide of its own.",
    ),
    "K110": Code(
        "section-extra-key",
        "a section divider has a key only slides take",
        "A `section` divider takes only `notes`, `id` and `hidden`: the section's name is its title, "
        "and it has no body, takeaway, citations or source.",
        _SLIDE + "  - section: Part one\n    title: Part one",
        "Remove the key; write the section's name after `section:`.",
    ),
    "K112": Code(
        "missing-notes",
        "a slide has no speaker notes",
        "Speaker notes say what you will say on the slide; they also time the talk. A slide "
        "without them is allowed, but is most often unfinished (hidden slides are not warned).",
        _SLIDE + "  - title: Intro\n    text: Hello",
        "Add `notes:` with what you will say.",
    ),
    "K113": Code(
        "bad-language-tag",
        "`language` is not a BCP 47 language tag",
        "`language` sets the deck's proofing language and the automatic slides' words; it is a "
        "BCP 47 tag such as `en`, `zh-CN` or `en-GB`.",
        "title: Talk\nlanguage: Chinese\nslides:\n  - title: One\n    text: Hello\n    notes: n",
        "Write a tag such as `zh-CN` (the default is `en`).",
    ),
    "K114": Code(
        "bad-slide-id",
        "a slide id holds characters ids may not",
        "A slide `id` names the slide in the build record and in what changed between builds; "
        "it holds only letters, digits, `-`, `_` and `.`, starting with a letter or digit.",
        _SLIDE + "  - title: Intro\n    id: my intro\n    text: Hello\n    notes: n",
        "Use only letters, digits, `-`, `_` and `.`, e.g. `my-intro`.",
    ),
    "K115": Code(
        "reserved-slide-id",
        "a slide id is the name of an automatic slide",
        "The automatic slides are named `title`, `agenda` and `references`; a slide may not take their names.",
        _SLIDE + "  - title: Agenda\n    id: agenda\n    text: Hello\n    notes: n",
        "Choose another id.",
    ),
    "K116": Code(
        "duplicate-slide-id",
        "two slides have the same id",
        "A slide id names one slide; the message gives the line of the slide that has it already.",
        _SLIDE + "  - title: One\n    id: a\n    text: Hello\n    notes: n\n"
        "  - title: Two\n    id: a\n    text: Bye\n    notes: n",
        "Give each slide its own id.",
    ),
    "K117": Code(
        "unknown-reference",
        "a slide cites a key that `references` does not define",
        "`cite` lists keys of the top-level `references` mapping.",
        "title: Talk\nreferences:\n  nrm: Shang et al. 2015\nslides:\n"
        "  - title: One\n    text: Hello\n    cite: [nmr]\n    notes: n",
        "Fix the key (the message suggests the nearest), or define it under `references:`.",
    ),
    "K118": Code(
        "unused-reference",
        "a reference is never cited on a visible slide",
        "Only cited references are listed at the end of the talk, numbered by first citation; "
        "one that no visible slide cites is left out.",
        "title: Talk\nreferences:\n  nrm: Shang et al. 2015\nslides:\n  - title: One\n    text: Hello\n    notes: n",
        "Cite it on a slide with `cite: [key]`, or remove it.",
    ),
    "K119": Code(
        "bad-supports",
        "`supports` is not `<argument id>.<reason label>` or `<argument id>`",
        "`supports` says what part of an argument a slide supports: the id of the `argument` slide "
        "and the label of one of its reasons, joined by a dot (the label is what follows the last "
        "dot), or the id alone for the claim itself. It holds no spaces.",
        _SLIDE + "  - title: Scale\n    text: 175B parameters\n    supports: thesis 1 A\n    notes: n",
        "Write the argument slide's id, a dot and the reason's label, e.g. `supports: thesis-1.A`, "
        "or the id alone (`supports: thesis-1`) for a slide about the claim.",
    ),
}

CODES: dict[str, Code] = {**FRAME, **{code: entry for kind in KINDS.values() for code, entry in kind.codes.items()}}
