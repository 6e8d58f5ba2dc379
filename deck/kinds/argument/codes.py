"""Problem codes only the `argument` kind reports (K241–K244), with their explanations."""

from __future__ import annotations

from deck.problems import Code

CODES = {
    "K241": Code(
        "duplicate-reason-label",
        "two reasons of one argument have the same label",
        "A reason's `label` names it for `supports: <id>.<label>` and for the progress marker, so "
        "each reason of an argument has its own.",
        "- title: Map\n  argument:\n    claim: C\n    reasons:\n      - {label: A, text: one}\n"
        "      - {label: A, text: two}\n  notes: n",
        "Give each reason its own label: `A`, `B`, `C` ….",
    ),
    "K242": Code(
        "unknown-argument",
        "`supports` or `revisit` names no argument slide",
        "`supports: <id>.<label>` and `argument: {revisit: <id>}` name an argument by the `id` of the "
        "slide that shows it (an `argument` slide with a `claim`). The message suggests the nearest id.",
        "slides:\n  - title: Map\n    id: thesis-1\n    argument: {claim: C, reasons: [{label: A, text: r}]}\n"
        "    notes: n\n  - title: Scale\n    text: 175B\n    supports: thesis1.A\n    notes: n",
        "Write the id of the argument slide (add `id:` to it if it has none).",
    ),
    "K243": Code(
        "unknown-reason",
        "`supports` names a reason the argument does not have",
        "After the argument's id, `supports` names one of its reasons by its `label`.",
        "slides:\n  - title: Map\n    id: thesis-1\n    argument: {claim: C, reasons: [{label: A, text: r}]}\n"
        "    notes: n\n  - title: Scale\n    text: 175B\n    supports: thesis-1.B\n    notes: n",
        "Write one of the labels the message lists, or add the reason to the argument.",
    ),
    "K244": Code(
        "revisit-before-argument",
        "a map is revisited before the argument is shown",
        "A revisit shows an argument's map again with the reasons supported so far marked; it comes "
        "after the argument slide it names, and names a first showing, not another revisit.",
        "slides:\n  - title: Again\n    argument: {revisit: thesis-1}\n    notes: n\n"
        "  - title: Map\n    id: thesis-1\n    argument: {claim: C, reasons: [{label: A, text: r}]}\n    notes: n",
        "Move the revisit after the argument slide, or name the argument slide itself.",
    ),
}
