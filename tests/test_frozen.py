"""deck.frozen: `@frozen` classes behave as `@dataclass(frozen=True)` ones, compared side by side."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from deck.frozen import frozen


def _pair():
    """The same class made twice: once by dataclass, once by frozen."""

    def body(deco):
        @deco
        class Para:
            """A paragraph."""

            runs: tuple
            level: int = 0
            font: str | None = None
            seen: list = field(default_factory=list, compare=False, repr=False)
            only: str = field(default="x", hash=False)

            def __post_init__(self):
                object.__setattr__(self, "_posted", True)

        return Para

    return body(dataclass(frozen=True)), body(frozen)


def test_a_frozen_class_equals_hashes_and_prints_as_the_dataclass():
    made_by_dataclass, made_by_frozen = _pair()
    for args, kwargs in [(((1, 2),), {}), (((),), {"level": 2, "font": "body"}), (((3,), 1, None), {"only": "y"})]:
        a, b = made_by_dataclass(*args, **kwargs), made_by_frozen(*args, **kwargs)
        assert repr(a) == repr(b).replace(b.__class__.__qualname__, a.__class__.__qualname__)
        assert hash(a) == hash(b)
        assert dataclasses.astuple(a) == dataclasses.astuple(b)
        assert b == made_by_frozen(*args, **kwargs) and b != made_by_frozen((9,))
        assert b.seen == [] and b.seen is not made_by_frozen(*args, **kwargs).seen  # a fresh default each time
        assert b._posted
        assert dataclasses.replace(b, level=7).level == 7
        assert b.__eq__(a) is NotImplemented  # another class: not equal, as dataclass says


def test_an_undocumented_frozen_class_is_described_by_its_signature_as_by_dataclass():
    def plain(deco):
        @deco
        class Plain:
            text: str
            size: int = 0

        return Plain

    assert plain(frozen).__doc__ == plain(dataclass(frozen=True)).__doc__ == "Plain(text: 'str', size: 'int' = 0)"


def test_a_frozen_instance_refuses_assignment_and_deletion():
    _, made_by_frozen = _pair()
    p = made_by_frozen((1,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.level = 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        del p.font
    assert [f.name for f in dataclasses.fields(p)] == ["runs", "level", "font", "seen", "only"]


def test_methods_the_class_writes_itself_are_kept_and_it_stays_hashable_as_with_dataclass():
    def own(deco):
        @deco
        class Loose:
            """Equal by name only."""

            name: str
            note: str = ""

            def __eq__(self, other):
                return isinstance(other, Loose) and other.name == self.name

        return Loose

    for made in (own(dataclass(frozen=True)), own(frozen)):
        assert made("a", "x") == made("a", "y")
        assert hash(made("a", "x")) == hash(("a", "x"))


def test_an_ordered_frozen_class_sorts_and_compares_as_the_dataclass():
    def ordered(deco):
        @deco
        class Found:
            path: str
            line: int
            note: str = field(default="", compare=False)

        return Found

    by_dataclass, by_frozen = ordered(dataclass(frozen=True, order=True)), ordered(frozen(order=True))
    values = [("b", 2, "x"), ("a", 9, "y"), ("b", 1, "z"), ("a", 9, "a")]
    assert [dataclasses.astuple(v) for v in sorted(by_frozen(*v) for v in values)] == [
        dataclasses.astuple(v) for v in sorted(by_dataclass(*v) for v in values)
    ]
    a, b = by_frozen("a", 1), by_frozen("a", 2)
    assert (a < b, a <= b, a > b, a >= b, a <= by_frozen("a", 1, "other")) == (True, True, False, False, True)
    assert a.__lt__(by_dataclass("a", 2)) is NotImplemented
    with pytest.raises(TypeError):
        a < ("a", 2)  # noqa: B015
