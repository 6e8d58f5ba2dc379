"""`@frozen`: `@dataclass(frozen=True)` that costs little to define, for a quick start-up.

Python 3.11's dataclass compiles six methods for each frozen class (__init__, __repr__,
__eq__, __hash__, __setattr__, __delattr__); with a hundred such classes that was a quarter
of a `deck build` of 30 slides. Here only __init__ is compiled, and only when the first
instance is made (a build makes about half of deck's classes), its code kept for later
processes as bytecode is (deck.frozen.compiled); the other five are shared
code reading the class's field names. An instance behaves as the dataclass's: the same fields,
defaults and default factories, `__post_init__`, equality and hash (of the tuple of compared
fields, as dataclass computes it; here computed once and kept on the instance, in
`__frozen_hash__`, since layout memos hash the same runs and faces again and again), repr,
`dataclasses.fields`/`replace`/`asdict`, and assigning or deleting an attribute raises
`dataclasses.FrozenInstanceError`. `@frozen(order=True)` adds `<`, `<=`, `>` and `>=` as
`@dataclass(frozen=True, order=True)` does; `@frozen(eq=False)` compares and hashes by
identity, as `@dataclass(frozen=True, eq=False)`.

The fields are read here from the class's annotations as dataclass reads them (a base class's
first, `field()` for a default factory or a field left out of comparison), so that a build
never imports dataclasses (and inspect, which it imports: 7 ms of every start-up). The
dataclasses module's own functions still work on these classes: the first time one of them
asks a class for `__dataclass_fields__`, the class is handed to dataclass (as it was on every
start-up before), which makes it. deck's code uses `replace` and `field_names` from here.
"""

from __future__ import annotations

import sys
from operator import attrgetter, ge, gt, le, lt
from reprlib import recursive_repr

from deck.frozen.compiled import compiled
from deck.frozen.fields import MISSING, Field, field, parameter, read_fields

__all__ = ["MISSING", "Field", "field", "field_names", "frozen", "replace"]


def replace(obj, /, **changes):
    """Return a copy of frozen instance `obj` with `changes`, as `dataclasses.replace` does (an
    instance of any other dataclass is passed to it)."""
    kind = type(obj)
    names = getattr(kind, "__frozen_init__", None)
    if names is None:
        import dataclasses

        return dataclasses.replace(obj, **changes)
    fixed = kind.__frozen_fixed__
    if fixed and not fixed.isdisjoint(changes):
        name = next(n for n in kind.__frozen_fields__ if n in fixed and n in changes)
        raise ValueError(f"field {name} is declared with init=False, it cannot be specified with replace()")
    owner, places = kind.__frozen_places__
    # its own generated __init__: values passed by position, cheaper than by name
    if owner is kind and places is not None:
        values = list(kind.__frozen_values__(obj))
        if changes.keys() <= places.keys():
            for name, value in changes.items():
                values[places[name]] = value
            return kind(*values)
    kept = dict(zip(names, kind.__frozen_values__(obj)))
    kept.update(changes)
    return kind(**kept)  # an unknown name raises TypeError, as dataclasses.replace's call does


def field_names(value) -> tuple[str, ...] | None:
    """Return the field names, in order, of `value`'s class (or of `value`, a class) when it is
    a frozen class or a dataclass, else None. Never imports dataclasses: no object is an
    instance of a dataclass unless that module is imported."""
    kind = value if isinstance(value, type) else type(value)
    fields = getattr(kind, "__frozen_fields__", None)
    if fields is not None:
        return tuple(fields)
    dataclasses = sys.modules.get("dataclasses")
    if dataclasses is not None and dataclasses.is_dataclass(kind):
        return tuple(f.name for f in dataclasses.fields(kind))
    return None


def frozen(cls: type | None = None, *, order: bool = False, eq: bool = True):
    """Make `cls` a frozen dataclass (see the module's docstring); returns `cls`. Used as
    `@frozen(order=True)` or `@frozen(eq=False)`, returns the decorator that does so."""
    if cls is None:
        return lambda cls: frozen(cls, order=order, eq=eq)
    own = set(cls.__dict__)  # what the class body defines itself is kept, as dataclass keeps it
    body_hash = cls.__dict__.get("__hash__", MISSING)
    own_hash = not (body_hash is MISSING or (body_hash is None and "__eq__" in own))
    undocumented = not cls.__doc__
    if undocumented:  # written below, once __init__ is there, as dataclass writes it
        cls.__doc__ = cls.__name__
    fields = tuple(read_fields(cls).values())
    names = tuple(f.name for f in fields)
    compared = _key(tuple(f.name for f in fields if f.compare))
    hashed = _key(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)
    cls.__frozen_init__ = tuple(f.name for f in fields if f.init)  # what `replace` passes on
    cls.__frozen_fixed__ = frozenset(f.name for f in fields if not f.init)
    cls.__frozen_values__ = staticmethod(_key(cls.__frozen_init__))
    # where `replace` puts each init field's value in a call of the __init__ made here (none: the class's own)
    cls.__frozen_places__ = (cls, None if "__init__" in own else {n: i for i, n in enumerate(cls.__frozen_init__)})
    if "__init__" not in own:
        _method(cls, _first_init(cls, fields))

    def __eq__(self, other):
        if other is self:  # as dataclass's tuples compare: each item is itself
            return True
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self):  # computed once, kept on the instance (its fields never change)
        h = self.__frozen_hash__
        if h is None:
            h = hash(hashed(self))
            object.__setattr__(self, "__frozen_hash__", h)
        return h

    def __getstate__(self):  # a copy or pickle never carries the kept hash: strings hash anew in each process
        state = dict(self.__dict__)
        state.pop("__frozen_hash__", None)
        return state

    @recursive_repr()
    def __repr__(self):
        return f"{self.__class__.__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in shown)})"

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            from dataclasses import FrozenInstanceError  # only a mistake needs it

            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    for method in (__eq__, __repr__, __setattr__, __delattr__):
        if method.__name__ not in own and (eq or method is not __eq__):
            _method(cls, method)
    if eq and not own_hash:
        _method(cls, __hash__)
        cls.__frozen_hash__ = None  # an instance's own is set when it is first hashed
        if "__getstate__" not in own:
            _method(cls, __getstate__)
    for name, compare in _ORDER if order else ():
        if name in own:
            raise TypeError(
                f"Cannot overwrite attribute {name} in class {cls.__name__}. Consider using functools.total_ordering"
            )
        _method(cls, _ordering(name, compare, compared))
    if undocumented:
        cls.__doc__ = f"{cls.__name__}({', '.join(parameter(f) for f in fields if f.init)})"
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


def _first_init(cls: type, fields: tuple[Field, ...]):
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


def _init(cls: type, fields: tuple[Field, ...]):
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
    exec(compiled(source, "<deck.frozen __init__>"), scope)  # one per class, kept for later processes
    init = scope["__init__"]
    init.__annotations__ = {**{f.name: f.type for f in fields if f.init}, "return": None}
    return init
