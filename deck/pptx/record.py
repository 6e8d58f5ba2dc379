"""The build record kept inside each .pptx: tells a person's edits from deck's output, and what changed.

Every deck that `deck build` writes carries, in its custom document properties
(docProps/custom.xml), a digest of all its other parts and a content hash per slide. Before a
build replaces an output, the output's parts are digested again: a mismatch (or no record and
different bytes) means a person edited it, and it is kept as `<stem>.edited-<n>.pptx`.
The previous build's per-slide hashes give what changed (deck.changes).
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, unquote

from deck.frozen import frozen
from deck.layout.page import Pages
from deck.lint.changes import Changes, Slides, compare, slide_hashes, theme_hash
from deck.output.target import keep_aside, same_bytes
from deck.pptx.package import zip_entries
from deck.pptx.text import xml_text as escape
from deck.problems import Problem, Where, display_path
from deck.theme import Theme

CUSTOM = "docProps/custom.xml"
_TYPES, _RELS = "[Content_Types].xml", "_rels/.rels"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_FORMAT = "1"  # version of the record's layout
_VALUE_MAX = 255  # Office keeps at most 255 characters of a text property
_LARGEST_RECORD = 1_000_000  # bytes; a bigger custom.xml is not ours


@frozen
class Record:
    """What one build wrote: `digest` (sha256 hex over every part but the record itself:
    name, CRC-32, size), `slides` ((page key, content hash) in slide order) and `theme` (a
    hash of the theme, whose change restyles every slide without changing their content)."""

    digest: str
    slides: Slides
    theme: str = ""


def stamp(data: bytes, slides: Slides, theme: str = "") -> bytes:
    """Return the package `data` with its build record (custom properties) added. Only the
    content types, the package relationships and the record are (re)written; every other
    entry is copied as it was compressed, so the result stays reproducible and cheap."""
    old = _entries(data)
    new = (
        {}
        if CUSTOM in old
        else {
            _TYPES: _add_before(
                _content(old[_TYPES][0]),
                b"</Types>",
                (f'<Override PartName="/{CUSTOM}" ContentType="{_CUSTOM_TYPE}"/>').encode(),
            ),
            _RELS: _add_before(
                _content(old[_RELS][0]),
                b"</Relationships>",
                (f'<Relationship Id="rIdDeckRecord" Type="{_CUSTOM_REL}" Target="{CUSTOM}"/>').encode(),
            ),
        }
    )
    prints = {name: struct.unpack_from("<L4xL", record, 16) for name, (_, record) in old.items()}  # CRC, size
    prints.update({name: (zlib.crc32(blob), len(blob)) for name, blob in new.items()})
    new[CUSTOM] = _custom_xml(Record(_digest(prints), slides, theme))
    order = list(old) + ([] if CUSTOM in old else [CUSTOM])
    return _splice(old, new, order)


def _add_before(xml: bytes, closing: bytes, element: bytes) -> bytes:
    at = xml.rindex(closing)
    return xml[:at] + element + xml[at:]


def _digest(prints: dict[str, tuple[int, int]]) -> str:
    """The package's fingerprint: each part's name, CRC-32 and size (as its zip directory
    lists them), the record itself left out. A person's edit changes it; a re-zip does not."""
    h = hashlib.sha256()
    for name in sorted(prints):
        if name != CUSTOM:
            h.update(f"{name}\0{prints[name][0]:08x}\0{prints[name][1]}\n".encode())
    return h.hexdigest()


def _splice(old: dict[str, tuple[bytes, bytes]], new: dict[str, bytes], order: list[str]) -> bytes:
    """Return the zip of `order`'s entries: those in `new` compressed here, the rest copied
    byte for byte from the `old` entries (`_entries`), with a fresh central directory."""
    fresh = _entries(zip_entries(new.items()))
    out, central = bytearray(), bytearray()
    for name in order:
        local, record = fresh[name] if name in new else old[name]
        central += record[:42] + struct.pack("<L", len(out)) + record[46:]  # where its local header now is
        out += local
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(order), len(order), len(central), len(out), 0)
    return bytes(out + central + end)


def _entries(blob: bytes) -> dict[str, tuple[bytes, bytes]]:
    """Return each entry's (local header and data, central directory record) as bytes, in
    order, for a plain zip as deck writes it (deck.pptx.package.zip_entries: one disk, no
    zip64, sizes known before the data)."""
    at = blob.rindex(b"PK\x05\x06")
    count, _, start = struct.unpack_from("<H2L", blob, at + 10)
    out, p = {}, start
    for _ in range(count):
        (flags,) = struct.unpack_from("<H", blob, p + 8)
        (csize,) = struct.unpack_from("<L", blob, p + 20)
        n, m, k = struct.unpack_from("<3H", blob, p + 28)
        (offset,) = struct.unpack_from("<L", blob, p + 42)
        if blob[p : p + 4] != b"PK\x01\x02" or flags & 0x8 or 0xFFFFFFFF in (csize, offset):
            raise ValueError("not a plain zip entry")  # a bug: deck's own packages are plain
        raw = blob[p + 46 : p + 46 + n]
        # an ASCII name reads the same in both; UTF-8 spares loading the cp437 codec
        name = raw.decode("utf-8" if flags & 0x800 or raw.isascii() else "cp437")
        ln, lm = struct.unpack_from("<2H", blob, offset + 26)
        out[name] = (blob[offset : offset + 30 + ln + lm + csize], blob[p : p + 46 + n + m + k])
        p += 46 + n + m + k
    if len(out) != count:
        raise ValueError("not a plain zip")  # a bug: deck's own packages name each part once
    return out


def _content(local: bytes) -> bytes:
    """Return the content of an entry from its local header and data (`_entries`)."""
    method, n, m = struct.unpack_from("<H", local, 8) + struct.unpack_from("<2H", local, 26)
    data = local[30 + n + m :]
    return zlib.decompress(data, -15) if method == 8 else data


def _custom_xml(record: Record) -> bytes:
    tokens = [f"{quote(k, safe='@#.-_')}={h}" for k, h in record.slides]
    chunks: list[str] = []
    for token in tokens:
        if chunks and len(chunks[-1]) + 1 + len(token) <= _VALUE_MAX:
            chunks[-1] += " " + token
        else:
            chunks.append(token)
    values = [("deck.record", _FORMAT), ("deck.digest", record.digest), ("deck.theme", record.theme)]
    values += [(f"deck.slides.{i}", chunk) for i, chunk in enumerate(chunks, 1)]
    props = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{name}"><vt:lpwstr>{escape(value)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(values, 2)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_PROPS_NS}" xmlns:vt="{_VT_NS}">{props}</Properties>'
    ).encode()


def read_record(path: Path) -> tuple[Record | None, str | None]:
    """Return the record inside the .pptx at `path` (None when it has none or is not a
    package) and the digest of its parts as they are now (None when it has no record). The
    record part counts in that digest when it holds anything but the record deck wrote (a
    sensitivity label, say), so such an edit, too, makes it differ from the record's."""
    import zipfile  # only when there is an earlier output: a first build need neither
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(path) as package:
            info = package.getinfo(CUSTOM)
            if info.file_size > _LARGEST_RECORD:
                return None, None
            custom = package.read(info)
            record = _parse(custom)
            if record is None:
                return None, None
            prints = {i.filename: (i.CRC, i.file_size) for i in package.infolist()}
            if custom != _custom_xml(record):  # a property added or changed by a person counts too
                prints["docProps/custom.xml (as edited)"] = (zlib.crc32(custom), len(custom))
            return record, _digest(prints)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, ElementTree.ParseError, EOFError):
        return None, None


def _parse(xml: bytes) -> Record | None:
    from xml.etree import ElementTree

    root = ElementTree.fromstring(xml)
    values: dict[str, str] = {}
    for prop in root.iter(f"{{{_PROPS_NS}}}property"):
        text = prop.findtext(f"{{{_VT_NS}}}lpwstr")
        if text is not None:
            values[prop.get("name", "")] = text
    if values.get("deck.record") != _FORMAT or not re.fullmatch(r"[0-9a-f]{64}", values.get("deck.digest", "")):
        return None
    slides = []
    i = 1
    while (chunk := values.get(f"deck.slides.{i}")) is not None:
        for token in chunk.split():
            key, _, digest = token.rpartition("=")
            slides.append((unquote(key), digest))
        i += 1
    return Record(values["deck.digest"], tuple(slides), values.get("deck.theme", ""))


# ---- replacing an output ----------------------------------------------------------------


@frozen
class Replaced:
    """What replacing an output did: the changes from the previous build, and where a
    person's edited copy was kept (None when the old output was deck's own, or absent)."""

    changes: Changes
    kept: Path | None


def replace_output(
    target: Path, data: bytes, pages: Pages, theme: Theme, write: Callable[[Path, bytes], None]
) -> Replaced:
    """Stamp `data` (rendered from `pages` and `theme`) with its record and write it to `target` with
    `write` (atomic). An existing `target` that a person edited is first moved to
    `<stem>.edited-<n>.pptx` (n the first free number from 1); it is compared by streaming, never
    read whole. Raises OSError when the output cannot be replaced; then (and when interrupted)
    everything is left as it was."""
    slides, styled = slide_hashes(pages), theme_hash(theme)
    data = stamp(data, slides, styled)
    before, digest = read_record(target) if target.is_file() else (None, None)
    edited = target.is_file() and (digest != before.digest if before else not same_bytes(target, data))
    kept = keep_aside(target) if edited else None
    try:
        write(target, data)
    except BaseException:  # a failure, or Ctrl-C: the edited file goes back where it was
        if kept is not None and not os.path.lexists(target):
            os.replace(kept, target)
        raise
    changes = compare(before.slides, slides, before.theme != styled) if before else compare(None, slides)
    return Replaced(changes, kept)


def edited_warning(target: Path, kept: Path) -> Problem:
    """Return the warning that `target` had been edited and was kept as `kept` (located at
    `target`, line 0)."""
    return Where(display_path(target)).warning(
        "O102",
        f"{display_path(target)} was changed after deck wrote it (edited in PowerPoint?); "
        f"kept that file as {display_path(kept)} and wrote the new build in its place",
    )
