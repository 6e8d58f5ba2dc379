"""deck.frozen: `@frozen` classes behave as `@dataclass(frozen=True)` ones, compared side by side."""

from __future__ import annotations

import copy
import dataclasses
import os
import pickle
import subprocess
import sys
from dataclasses import dataclass, field

import pytest

from deck.frozen import frozen
from deck.layout.page import Run


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


def test_fields_named_by_deck_and_inherited_are_read_in_the_order_dataclass_reads_them():
    from deck import frozen as fz

    def family(deco, field_of):
        @deco
        class Base:
            name: str
            size: int = 0
            tags: tuple = ()

        @deco
        class Child(Base):
            size: int = 3  # named again: keeps its place, takes the new default
            seen: list = field_of(default_factory=list, compare=False)

        return Child

    by_dataclass, by_frozen = family(dataclass(frozen=True), field), family(frozen, fz.field)
    a, b = by_dataclass("x"), by_frozen("x")
    assert fz.field_names(b) == fz.field_names(by_frozen) == ("name", "size", "tags", "seen")
    assert [f.name for f in dataclasses.fields(b)] == [f.name for f in dataclasses.fields(a)]
    assert [(f.default, f.default_factory, f.compare) for f in dataclasses.fields(b)] == [
        (f.default, f.default_factory, f.compare) for f in dataclasses.fields(a)
    ]
    assert dataclasses.asdict(b) == dataclasses.asdict(a) == {"name": "x", "size": 3, "tags": (), "seen": []}
    assert by_frozen.__match_args__ == by_dataclass.__match_args__
    assert by_frozen.size == 3 and not hasattr(by_frozen, "seen")  # class attributes as dataclass leaves them
    assert fz.replace(b, size=5) == by_frozen("x", 5) == dataclasses.replace(b, size=5)
    assert fz.field_names(3) is None and fz.field_names(dict) is None


def test_replace_refuses_a_field_left_out_of_init_as_dataclasses_replace_does():
    from deck import frozen as fz

    @frozen
    class Counted:
        text: str
        length: int = fz.field(default=0, init=False)

    with pytest.raises(ValueError, match="init=False"):
        fz.replace(Counted("a"), length=2)
    assert fz.replace(Counted("a"), text="b") == Counted("b")


def test_a_frozen_class_without_eq_compares_and_hashes_by_identity_as_the_dataclass():
    def table(deco):
        @deco
        class Table:
            family: str

        return Table

    for made in (table(dataclass(frozen=True, eq=False)), table(frozen(eq=False))):
        a = made("Noto Sans")
        assert a != made("Noto Sans") and a == a and hash(a) == object.__hash__(a)
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.family = "x"


def test_a_field_the_dataclass_module_gives_a_meaning_of_its_own_is_refused():
    with pytest.raises(TypeError, match="ClassVar"):

        @frozen
        class Counter:
            count: ClassVar[int] = 0  # noqa: F821


def test_a_mutable_default_is_refused_as_dataclass_refuses_it():
    with pytest.raises(ValueError, match="mutable default"):

        @frozen
        class Listed:
            items: list = []


def test_a_field_without_default_after_one_with_a_default_is_refused_as_dataclass_refuses_it():
    with pytest.raises(TypeError, match="non-default argument 'size' follows default argument"):

        @frozen
        class Mixed:
            name: str = ""
            size: int


def test_a_hash_kept_on_the_instance_changes_nothing_else_the_dataclass_does():
    made_by_dataclass, made_by_frozen = _pair()
    a, b = made_by_dataclass((1, 2), 1), made_by_frozen((1, 2), 1)
    assert hash(b) == hash(b) == hash(a)  # the second from what the first kept
    assert dataclasses.asdict(b) == dataclasses.asdict(a)
    assert repr(b).endswith(repr(a).split("(", 1)[1])
    again = dataclasses.replace(b, level=2)
    assert again.level == 2 and hash(again) == hash(dataclasses.replace(a, level=2))
    assert b == made_by_frozen((1, 2), 1) and {b: 1}[made_by_frozen((1, 2), 1)] == 1


def test_a_pickled_instance_hashes_anew_in_a_process_with_another_hash_seed(tmp_path):
    run = Run("第 1 页 text", bold=True)
    hash(run)  # kept on the instance now
    assert "__frozen_hash__" not in copy.copy(run).__dict__ and copy.copy(run) == run
    (tmp_path / "run.pickle").write_bytes(pickle.dumps(run))
    seed = "2" if os.environ.get("PYTHONHASHSEED") != "2" else "3"
    code = (
        "import pickle, sys; from deck.layout.page import Run; "
        "run = pickle.loads(open(sys.argv[1], 'rb').read()); "
        "assert run in {Run('第 1 页 text', bold=True)}, 'found by its hash in a set'"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "run.pickle")],
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
