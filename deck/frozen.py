"""`@frozen`: `@dataclass(frozen=True)` that costs little to define, for a quick start-up.

Python 3.11's dataclass compiles six methods for each frozen class (__init__, __repr__,
__eq__, __hash__, __setattr__, __delattr__); with a hundred such classes that was a quarter
of a `deck build` of 30 slides. Here only __init__ is compiled, and only when the first
instance is made (a build makes about half of deck's classes); the other five are shared
code reading the class's field names. An instance behaves as the dataclass's: the same fields,
defaults and default factories, `__post_init__`, equality and hash (of the tuple of compared
fields, as dataclass computes it), repr, `dataclasses.fields`/`replace`/`asdict`, and
assigning or deleting an attribute raises `dataclasses.FrozenInstanceError`. `@frozen(order=True)`
adds `<`, `<=`, `>` and `>=` as `@dataclass(frozen=True, order=True)` does.
"""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import MISSING, FrozenInstanceError
from operator import attrgetter, ge, gt, le, lt
from reprlib import recursive_repr


def frozen(cls: type | None = None, *, order: bool = False):
    """Make `cls` a frozen dataclass (see the module's docstring); returns `cls`. Used as
    `@frozen(order=True)`, returns the decorator that also orders instances."""
    if cls is None:
        return lambda cls: frozen(cls, order=order)
    own = set(cls.__dict__)  # what the class body defines itself is kept, as dataclass keeps it
    body_hash = cls.__dict__.get("__hash__", MISSING)
    own_hash = not (body_hash is MISSING or (body_hash is None and "__eq__" in own))
    undocumented = not cls.__doc__
    if undocumented:  # written below, once __init__ is there, as dataclass writes it
        cls.__doc__ = cls.__name__
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    fields = dataclasses.fields(cls)
    names = tuple(f.name for f in fields)
    compared = _key(tuple(f.name for f in fields if f.compare))
    hashed = _key(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)
    if "__init__" not in own:
        _method(cls, _first_init(cls, fields))

    def __eq__(self, other):
        if other is self:  # as dataclass's tuples compare: each item is itself
            return True
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self):
        return hash(hashed(self))

    @recursive_repr()
    def __repr__(self):
        return f"{self.__class__.__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in shown)})"

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    for method in (__eq__, __repr__, __setattr__, __delattr__):
        if method.__name__ not in own:
            _method(cls, method)
    if not own_hash:
        _method(cls, __hash__)
    for name, compare in _ORDER if order else ():
        if name in own:
            raise TypeError(
                f"Cannot overwrite attribute {name} in class {cls.__name__}. Consider using functools.total_ordering"
            )
        _method(cls, _ordering(name, compare, compared))
    if undocumented:
        cls.__doc__ = f"{cls.__name__}({', '.join(_parameter(f) for f in fields if f.init)})"
    return cls


_ORDER = (("__lt__", lt), ("__le__", le), ("__gt__", gt), ("__ge__", ge))


def _ordering(name: str, compare, compared):
    """Return the method `name` comparing two instances of one class as dataclass's does: by
    the tuples of their compared fields (NotImplemented for another class)."""

    def method(self, other):
        if other.__class__ is self.__class__:
            return compare(compared(self), compared(other))
        return NotImplemented

    method.__name__ = name
    return method


def _parameter(f: dataclasses.Field) -> str:
    """Return the field as its __init__ parameter prints in a signature (`size: 'int' = 0`)."""
    text = f"{f.name}: {inspect.formatannotation(f.type)}"
    if f.default is not MISSING:
        return f"{text} = {f.default!r}"
    return f"{text} = <factory>" if f.default_factory is not MISSING else text


def _first_init(cls: type, fields: tuple[dataclasses.Field, ...]):
    """Return an __init__ that compiles the class's own (`_init`) when the first instance is
    made, puts it in its place and runs it: a class never instantiated costs no compiling."""

    def __init__(self, *args, **kwargs):
        init = _init(cls, fields)
        _method(cls, init)
        init(self, *args, **kwargs)

    return __init__


def _key(names: tuple[str, ...]):
    """Return a function giving an instance's values of `names` as a tuple (always a tuple, so
    hashes are those of dataclass's generated __hash__)."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _method(cls: type, function) -> None:
    function.__qualname__ = f"{cls.__qualname__}.{function.__name__}"
    setattr(cls, function.__name__, function)


def _init(cls: type, fields: tuple[dataclasses.Field, ...]):
    """Compile `cls`'s __init__: the init fields as parameters in order (with their defaults),
    each value set on the instance; then `__post_init__` when the class has one."""
    scope = {"__set": object.__setattr__, "__missing": MISSING}
    params, body = [], []
    for f in fields:
        if f.default is not MISSING:
            scope[f"__default_{f.name}"] = f.default
            value = f.name if f.init else f"__default_{f.name}"
            params += [f"{f.name}=__default_{f.name}"] if f.init else []
        elif f.default_factory is not MISSING:
            scope[f"__factory_{f.name}"] = f.default_factory
            value = (
                f"__factory_{f.name}() if {f.name} is __missing else {f.name}" if f.init else f"__factory_{f.name}()"
            )
            params += [f"{f.name}=__missing"] if f.init else []
        elif f.init:
            value = f.name
            params.append(f.name)
        else:
            continue
        body.append(f"__set(self, {f.name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    source = f"def __init__(self, {', '.join(params)}):\n    " + ("\n    ".join(body) or "pass")
    exec(source, scope)  # as dataclasses does: once per class, here the only method compiled
    init = scope["__init__"]
    init.__annotations__ = {**{f.name: f.type for f in fields if f.init}, "return": None}
    return init
