"""What reading a YAML file may cost: the bounds, and the problem that stops the reading at one."""

from __future__ import annotations

from deck.frozen import frozen
from deck.problems import Problem, Where


@frozen
class Limits:
    """Bounds on what a YAML file may cost to read; generous for real talks."""

    file_bytes: int = 2_000_000
    nodes: int = 50_000  # values, counting those an alias repeats
    depth: int = 40  # nesting of lists and mappings, through aliases too
    scalar_chars: int = 20_000  # any one value (the longest field, `notes`, allows as much)
    text_chars: int = 2_000_000  # all values' text, counting what aliases repeat: what a file can hold without
    key_chars: int = 200


DEFAULT_LIMITS = Limits()


class Stop(Exception):
    """A limit or a parse error ends the reading; carries its one problem."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def too_large(shown: str, limits: Limits) -> Problem:
    """The problem of a file larger than `limits.file_bytes`."""
    return Where(shown, 1, 1).error(
        "S102",
        f"the file is more than {limits.file_bytes:,} bytes, the most an "
        "outline may have; split the talk, or remove pasted data",
    )


def over_totals(count: int, chars: int, limits: Limits, where: Where) -> Stop:
    """The stop for values read so far (`count`, holding `chars` characters of text, repeats
    through aliases included) that pass `limits.text_chars` or `limits.nodes`; `where` is the
    value that passed them. Only called once one of them is passed."""
    if chars > limits.text_chars:  # only aliases can repeat a file's text this far
        return Stop(
            where.error(
                "S130",
                f"with the text YAML aliases repeat, the outline holds more than {limits.text_chars:,} "
                "characters, more than a file may hold; write the repeated text out once, or use fewer aliases",
            )
        )
    return Stop(
        where.error(
            "S108",
            f"the outline holds more than {limits.nodes:,} values (counting "
            "those YAML aliases repeat); write repeated values out, or split the talk",
        )
    )


def too_deep(where: Where, limits: Limits, through_aliases: bool = False) -> Stop:
    """The stop for values nested more than `limits.depth` levels deep at `where`."""
    how = " (through YAML aliases)" if through_aliases else ""
    return Stop(where.error("S107", f"values are nested more than {limits.depth} levels deep{how}; flatten them"))


def too_long(value: str, limits: Limits, where: Where) -> Stop:
    """The stop for one value at `where` longer than `limits.scalar_chars` characters."""
    return Stop(
        where.error(
            "S109",
            f"this value is {len(value):,} characters long, more than the "
            f"{limits.scalar_chars:,} any value may have; shorten it",
        )
    )
