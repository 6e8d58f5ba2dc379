"""The fields of a frozen class (deck.frozen): `field()` and `Field`, as dataclasses has them, and
how they are read from a class's annotations and body as dataclass reads them."""

from __future__ import annotations

import abc
import re
import sys


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()  # no default: as dataclasses.MISSING, which needs dataclasses imported


class Field:
    """One field of a frozen class, as `dataclasses.Field` describes one (the same attributes)."""

    __slots__ = ("name", "type", "default", "default_factory", "init", "repr", "hash", "compare")

    def __init__(self, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True):
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name, self.type = None, None
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.hash, self.compare = init, repr, hash, compare

    def __repr__(self) -> str:
        return f"Field(name={self.name!r},default={self.default!r},default_factory={self.default_factory!r})"


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True) -> Field:
    """A field's default factory or options, in a frozen class's body (as `dataclasses.field`)."""
    return Field(default, default_factory, init, repr, hash, compare)


# An annotation dataclass gives a meaning of its own: such fields are not supported here.
_SPECIAL = re.compile(r"^\s*(?:\w+\s*\.\s*)?(?:ClassVar|InitVar|KW_ONLY)\b")


def read_fields(cls: type) -> dict[str, Field]:
    """Return the fields of `cls` by name, in order, and record them on it (`__frozen_fields__`),
    as dataclass reads them: a base class's fields first (a field named again keeps its place),
    then the class's own annotations, each with its default from the class body or `field()`
    (a `dataclasses.field` too); the class attribute then holds the default, or nothing."""
    fields: dict[str, Field] = {}
    for base in cls.__mro__[-1:0:-1]:
        fields.update(getattr(base, "__frozen_fields__", None) or _dataclass_fields(base))
    annotations = cls.__dict__.get("__annotations__", {})
    for name, kind in annotations.items():
        if isinstance(kind, str) and _SPECIAL.match(kind):
            raise TypeError(f"{cls.__name__}.{name}: @frozen does not support {kind}")
        value = cls.__dict__.get(name, MISSING)
        f = _as_field(value)
        if f is None:
            f = Field(default=value)
        elif f.default is MISSING:
            delattr(cls, name)
        else:
            setattr(cls, name, f.default)
        if f.default is not MISSING and f.default.__class__.__hash__ is None:
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not allowed: use default_factory")
        f.name, f.type = name, kind
        fields[name] = f
    for name, value in cls.__dict__.items():
        if name not in annotations and _as_field(value) is not None:
            raise TypeError(f"{name!r} is a field but has no type annotation")
    defaulted = False
    for f in fields.values():
        if f.init and (f.default is not MISSING or f.default_factory is not MISSING):
            defaulted = True
        elif f.init and defaulted:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    cls.__frozen_fields__ = fields
    if "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in fields.values() if f.init)
    if "__dataclass_fields__" not in cls.__dict__:
        cls.__dataclass_fields__ = _DataclassFields(cls)
    abc.update_abstractmethods(cls)
    return fields


def _as_field(value) -> Field | None:
    """`value` as a Field when it is one (ours, or a copy of a `dataclasses.field`), else None."""
    if isinstance(value, Field):
        return Field(value.default, value.default_factory, value.init, value.repr, value.hash, value.compare)
    dataclasses = sys.modules.get("dataclasses")
    if dataclasses is not None and isinstance(value, dataclasses.Field):
        return _from_dataclasses(value, dataclasses.MISSING)
    return None


def _from_dataclasses(f, missing) -> Field:
    """A copy of `dataclasses.Field` `f` (`missing`: dataclasses.MISSING, ours here)."""
    default = MISSING if f.default is missing else f.default
    factory = MISSING if f.default_factory is missing else f.default_factory
    return Field(default, factory, f.init, f.repr, f.hash, f.compare)


def _dataclass_fields(base: type) -> dict[str, Field]:
    """The fields of `base` when it is a dataclass not made here (none when it is no dataclass)."""
    made = base.__dict__.get("__dataclass_fields__")
    if not isinstance(made, dict):
        return {}
    import dataclasses

    out = {}
    for f in dataclasses.fields(base):
        out[f.name] = mine = _from_dataclasses(f, dataclasses.MISSING)
        mine.name, mine.type = f.name, f.type
    return out


class _DataclassFields:
    """A frozen class's `__dataclass_fields__` until the dataclasses module asks for it: then
    the class is handed to dataclass with its fields as they were written (init, repr and
    comparisons left as they are here), which puts the real one in this one's place."""

    def __init__(self, cls: type):
        self.cls = cls

    def __get__(self, instance, owner=None):
        import dataclasses

        cls = self.cls
        if cls.__dict__.get("__dataclass_fields__") is self:
            own = cls.__dict__.get("__annotations__", {})
            for f in cls.__frozen_fields__.values():
                if f.name in own:
                    default = dataclasses.MISSING if f.default is MISSING else f.default
                    factory = dataclasses.MISSING if f.default_factory is MISSING else f.default_factory
                    made = dataclasses.field(
                        default=default,
                        default_factory=factory,
                        init=f.init,
                        repr=f.repr,
                        hash=f.hash,
                        compare=f.compare,
                    )
                    setattr(cls, f.name, made)
            delattr(cls, "__dataclass_fields__")
            dataclasses.dataclass(cls, init=False, repr=False, eq=False)
        return cls.__dict__["__dataclass_fields__"]


def parameter(f: Field) -> str:
    """Return the field as its __init__ parameter prints in a signature (`size: 'int' = 0`)."""
    text = f"{f.name}: {_annotation(f.type)}"
    if f.default is not MISSING:
        return f"{text} = {f.default!r}"
    return f"{text} = <factory>" if f.default_factory is not MISSING else text


def _annotation(kind) -> str:
    """An annotation as inspect.formatannotation prints it: a string (deck's, with postponed
    annotations) as its repr; anything else by inspect itself."""
    if isinstance(kind, str):
        return repr(kind)
    import inspect

    return inspect.formatannotation(kind)
