"""What changed between two builds: a content hash per slide, and the slides that differ by key."""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from json.encoder import encode_basestring as _quoted
from operator import attrgetter
from pathlib import Path

from deck.frozen import field_names, frozen, replace
from deck.frozen.compiled import compiled
from deck.layout.page import Page, Pages, Picture, Run
from deck.theme import Theme

_HASH_CHARS = 12  # hex digits of a content hash kept in the record

# A slide's content hashes, in slide order: (page key, hash).
Slides = tuple[tuple[str, str], ...]


@frozen
class Changes:
    """Slides that differ from the previous build, by key: `changed` lists every new or
    changed slide in deck order, `added` those of them that are new; `removed` is in the
    previous deck's order. `first` when there was no previous record to compare with;
    `restyled` when the theme changed."""

    first: bool = False
    restyled: bool = False
    changed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def summary(self, most: int = 8) -> str:
        """Return one line, e.g. `changed: 2 slides (nrm, +new-slide); removed: old-one`."""
        if self.first:
            return "first build"
        parts = ["theme changed (every slide restyled)"] if self.restyled else []
        if self.changed:
            n = len(self.changed)
            shown = [("+" if k in self.added else "") + k for k in self.changed]
            parts.append(f"changed: {n} slide{'s' if n != 1 else ''} ({_names(shown, most)})")
        if self.removed:
            parts.append(f"removed: {_names(list(self.removed), most)}")
        return "; ".join(parts) or "no slides changed"


def _names(keys: list[str], most: int) -> str:
    return ", ".join(keys[:most]) + (f", …(+{len(keys) - most} more)" if len(keys) > most else "")


def slide_hashes(pages: Pages) -> Slides:
    """Return (key, content hash) per page: a hash of everything drawn on it and its notes,
    leaving out its key, source line and slide-number preview (which move when a slide is
    inserted above it); a picture counts by the bytes of its file."""
    return tuple((page.key, hashlib.sha256(_content(page).encode()).hexdigest()[:_HASH_CHARS]) for page in pages.pages)


def _content(page: Page) -> str:
    """The page in canonical form (sorted-key JSON of its fields), without its key, source
    line and slide-number preview; a picture by its file's name and the hash of its bytes
    rather than its absolute path."""
    return _canonical(replace(page, key="", line=0))


def theme_hash(theme: Theme) -> str:
    """Return a short hash of everything in `theme`, in canonical form (the order in which
    a theme file names its roles does not count)."""
    return hashlib.sha256(_canonical(theme).encode()).hexdigest()[:_HASH_CHARS]


def _canonical(value) -> str:
    """Return `value` in canonical form: the sorted-key JSON (`ensure_ascii=False`, no spaces)
    of `_plain(value)`, written directly rather than through a copy of it (perf, issue 15)."""
    return _json(value)


def _json(value) -> str:
    kind = type(value)
    writer = _WRITERS.get(kind)
    if writer is None:  # made once per class, kept with the common types' writers
        writer = _WRITERS[kind] = _new_json_writer(kind)
    return writer(value)


def _new_json_writer(kind: type):
    if kind is tuple or kind is list:
        return _json_items
    names = _field_names(kind)
    if issubclass(kind, Picture) or _is_template(kind) or names is None:
        return _json_plain  # pictures, templates, floats, dicts …: by way of _plain
    fields = _json_fields(kind.__name__, names)
    if issubclass(kind, Run):
        return lambda value: fields(replace(value, text="") if value.field == "slidenum" else value)
    return fields


def _json_fields(name: str, names: tuple[str, ...]):
    """Return the function writing an instance as {`name`: {field: value}} of `names`, sorted:
    compiled for the class, each value written by its type's writer (`_WRITERS`, else `_json`,
    which makes it)."""
    keys = sorted(names)
    if not keys:
        return lambda value: "{" + _quoted(name) + ":{}}"
    labels = [("{" if i == 0 else ",") + _quoted(k) + ":" for i, k in enumerate(keys)]
    labels[0] = "{" + _quoted(name) + ":" + labels[0]
    scope = {"get": attrgetter(*keys) if len(keys) > 1 else lambda value: (getattr(value, keys[0]),)}
    scope.update({f"l{i}": label for i, label in enumerate(labels)}, w=_WRITERS.get, j=_json)
    values = ", ".join(f"v{i}" for i in range(len(keys)))
    parts = ", ".join(f"l{i}, w(type(v{i}), j)(v{i})" for i in range(len(keys)))
    source = f"def fields(value):\n    {values}, = get(value)\n    return ''.join(({parts}, '}}}}'))"
    exec(compiled(source, "<deck slide hash writer>"), scope)  # kept for later processes, as bytecode is
    return scope["fields"]


def _json_items(value) -> str:
    writer = _WRITERS.get
    return "[" + ",".join([writer(type(v), _json)(v) for v in value]) + "]"


_WRITERS = {  # by type: the common ones here, the others as `_json` makes them
    str: _quoted,
    int: int.__repr__,
    bool: {True: "true", False: "false"}.__getitem__,
    type(None): {None: "null"}.__getitem__,
}


def _json_plain(value) -> str:
    return json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _plain(value):
    """Return `value` as JSON-ready data: a dataclass as its type name and fields, a picture
    as its file's name and content hash, a slide-number field without its preview text."""
    kind = type(value)
    if kind in _SCALARS:  # most of a page: its text, numbers and flags
        return value
    if kind is tuple or kind is list:
        return [_plain(v) for v in value]
    if isinstance(value, Picture):
        fields = {name: _plain(getattr(value, name)) for name in _field_names(kind) if name != "path"}
        return {"Picture": fields, "file": value.path.name, "bytes": _file_hash(value.path)}
    if _is_template(type(value)):  # a company template: by its bytes
        return {"Template": value.digest}
    if isinstance(value, Run) and value.field == "slidenum":
        value = replace(value, text="")
    if _field_names(kind) is not None:
        return {kind.__name__: {name: _plain(getattr(value, name)) for name in _field_names(kind)}}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Path):
        return value.name
    return value


def _is_template(kind: type) -> bool:
    """Whether `kind` is a company template's class (deck.theme.template.Template), which only
    a deck on a template has imported: a build without one need not import it to ask."""
    template = sys.modules.get("deck.theme.template")
    return template is not None and issubclass(kind, template.Template)


_SCALARS = frozenset((str, int, float, bool, type(None)))


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    return field_names(kind)


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compare(before: Slides | None, slides: Slides, restyled: bool = False) -> Changes:
    """Return what changed from the slides `before` (None: no previous build) to `slides`;
    `restyled` says the theme changed too. Slides with a stable key (an `id`, or an automatic
    slide's name) pair by key; the others (`kind@line`, whose line moves when a slide is
    inserted above) pair by content, in order, so an insertion marks only itself."""
    if before is None:
        return Changes(first=True)
    from difflib import SequenceMatcher  # a first build compares nothing

    changed: list[str] = []
    added: list[str] = []
    removed: list[str] = []
    old = dict(before)
    new = dict(slides)
    for key, digest in slides:
        if _stable(key):
            if key not in old:
                added.append(key)
            elif old[key] != digest:
                changed.append(key)
    removed += [k for k, _ in before if _stable(k) and k not in new]
    olds = [(k, h) for k, h in before if not _stable(k)]
    news = [(k, h) for k, h in slides if not _stable(k)]
    matcher = SequenceMatcher(None, [h for _, h in olds], [h for _, h in news], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        changed += [k for k, _ in news[j1 : j1 + paired]]
        added += [k for k, _ in news[j1 + paired : j2]]
        removed += [k for k, _ in olds[i1 + paired : i2]]
    touched, new_ones, gone = set(changed) | set(added), set(added), set(removed)
    return Changes(
        False,
        restyled,
        tuple(k for k, _ in slides if k in touched),
        tuple(k for k, _ in slides if k in new_ones),
        tuple(k for k, _ in before if k in gone),
    )


def _stable(key: str) -> bool:
    return "@" not in key
