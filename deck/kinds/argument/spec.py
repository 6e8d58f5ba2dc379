"""What an argument slide is and how it is written: a claim, its reasons (each labelled) and
their evidence, or a revisit of an earlier argument's map; their fields, and the model built
from them."""

from __future__ import annotations

from deck import model as m
from deck.fields import Ctx, Either, Field, ListOf, Record, Text
from deck.frozen import frozen
from deck.kinds.base import inline_text
from deck.problems import Where, cut
from deck.source.located import Map


@frozen
class Reason:
    label: str
    text: m.Rich
    evidence: tuple[m.Rich, ...]


@frozen
class Argument:
    """An argument map. `number` is its place among the deck's arguments; `status` is None
    where it is first shown, and on a revisit the mark of each reason by label (the deck's
    words for covered / still to come), set when the deck is linked."""

    claim: m.Rich
    reasons: tuple[Reason, ...]
    conclusion: m.Rich | None
    number: int = 0
    status: tuple[tuple[str, bool, str], ...] | None = None  # (label, covered, mark) on a revisit


@frozen
class Revisit:
    """`argument: {revisit: <id>}` as read, before the deck is linked."""

    target: str
    where: Where
    conclusion: m.Rich | None


_LABEL = Text(doc="a short label without dots or spaces, e.g. `A`", max_chars=8, pattern=r"^[^.\s]+$")

REASON = Record(
    "reason",
    {
        "label": Field(_LABEL, True, "a short label naming the reason, e.g. `A`; `supports: <id>.A` refers to it"),
        "text": Field(inline_text("the reason, in one line", 160), True, "the reason, in one line"),
        "evidence": Field(
            ListOf(
                inline_text("a piece of evidence", 160),
                1,
                5,
                doc="the evidence for the reason",
                noun="piece of evidence",
                many="keep the strongest evidence on the map; show the rest on the slides that support it",
            ),
            False,
            "the evidence for the reason, one short line each",
        ),
    },
)

FULL = Record(
    "argument",
    {
        "claim": Field(inline_text("the claim", 240), True, "the claim the reasons support"),
        "reasons": Field(
            ListOf(
                REASON,
                1,
                4,
                doc="the reasons for the claim",
                noun="reason",
                shape="one `- {label: A, text: …}` line each",
                many="group the reasons under at most four, or split the argument in two",
            ),
            True,
            "the reasons for the claim, each `- {label: A, text: …, evidence: […]}`",
        ),
        "conclusion": Field(inline_text("what follows", 200), False, "what follows, shown under the reasons"),
    },
)

REVISIT = Record(
    "argument revisit",
    {
        "revisit": Field(
            Text(doc="the id of an earlier argument slide", located=True, max_chars=80),
            True,
            "the id of an earlier `argument` slide: its map is shown again, each reason marked "
            "covered when a slide before this one supports it",
        ),
        "conclusion": Field(inline_text("what follows now", 200), False, "a conclusion shown instead of the first one"),
    },
)

SPEC = Either(
    (
        (lambda node: isinstance(node, Map) and node.get("revisit") is not None, REVISIT),
        (lambda node: isinstance(node, Map), FULL),
    ),
    doc="an argument (`claim`, `reasons`, optional `conclusion`) or `{revisit: <argument slide id>}`",
)


def build(value, node, ctx: Ctx, folder) -> Argument | Revisit:
    """Return the Argument of a full `argument:` value (an error for a reason label used twice),
    or the Revisit it names, unresolved until the deck is linked."""
    if "revisit" in value:
        target, where = value["revisit"]
        return Revisit(target.strip(), where, value.get("conclusion"))
    reasons = []
    seen: set[str] = set()
    for item, item_node in zip(value["reasons"], node.get("reasons").items):
        if item["label"] in seen:
            ctx.error(
                item_node.get("label").where,
                "K241",
                f"reason label `{cut(item['label'])}` is already used in this argument; give each reason its own label",
            )
        seen.add(item["label"])
        reasons.append(Reason(item["label"], item["text"], tuple(item.get("evidence") or ())))
    return Argument(value["claim"], tuple(reasons), value.get("conclusion"))
