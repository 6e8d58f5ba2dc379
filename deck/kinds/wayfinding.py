"""The frame's wayfinding keys: a slide's `supports` (the argument's reason it supports, which
gives it a progress marker) and `subsection` (a mark shown in the footer and the agenda), and
the top-level `agenda` (none, once, or again at every section). `deck.kinds.argument` checks
`supports` against the arguments once every slide is read."""

from __future__ import annotations

from deck import model as m
from deck.fields import Choice, Ctx, Field, Text
from deck.problems import cut
from deck.source.located import Node, Scalar

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

WAYFINDING: dict[str, Field] = {
    "supports": Field(
        Text(doc="`<argument slide id>.<reason label>`, e.g. `thesis-1.A`", located=True, max_chars=100),
        False,
        "the reason of an argument this slide supports, as `<argument slide id>.<reason label>` "
        "(or the id alone: its claim); the slide then carries a progress marker in its footer "
        "(e.g. `Claim 1 · Reason A`)",
        "the argument slide's id and the reason's label, e.g. `thesis-1.A`",
    ),
    "subsection": Field(
        Text(doc="the subsection's mark, e.g. `§1.2`", max_chars=60),
        False,
        "the subsection this slide opens, e.g. `§1.2`: shown in the footer after the section's "
        "name, on this slide and the next ones, until the next `subsection` or section",
        "the subsection's mark, e.g. `§1.2`",
    ),
}


class _Agenda(Choice):
    """`agenda`'s value: a YAML boolean or the word `every-section` (so stated in the schema)."""

    def read(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, Scalar) and node.text.lower() in self.options:  # YAML also reads True, FALSE
            return node.text.lower()
        return super().read(node, ctx)

    def schema(self) -> dict:
        return {"anyOf": [{"type": "boolean"}, {"enum": ["every-section"]}], "description": self.doc}


AGENDA = Field(
    _Agenda(("true", "false", "every-section"), "`true`, `false` or `every-section`"),
    False,
    "`true` (default): an agenda slide after the title when there are sections; `false`: "
    "none; `every-section`: also at each section divider, the current section highlighted",
)


def read_supports(value, ctx: Ctx) -> m.Support | None:
    """Return the `supports` value as argument id and reason label, split at its last dot
    (no dot: the argument's claim itself); None, after an error, when it has no such shape."""
    if value is None:
        return None
    text, where = value
    text = text.strip()
    if not text or any(c.isspace() for c in text) or text.startswith(".") or text.endswith("."):
        ctx.error(
            where,
            "K119",
            f"`supports` names an argument slide's id, and one of its reasons' labels after a dot: "
            f"`thesis-1.A` (a reason) or `thesis-1` (the claim), got `{cut(text)}`",
        )
        return None
    argument, dot, reason = text.rpartition(".")
    return m.Support(argument, reason, where) if dot else m.Support(text, None, where)
