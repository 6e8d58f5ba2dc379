"""Deterministic packaging: document properties, clean view settings and the zip itself.

Everything that could vary between two builds of the same input is fixed here: zip entry
times (1980-01-01), entry order, compression and file attributes; the document's dates come
from DocInfo; the embedded chart workbooks (which xlsxwriter stamps with the clock) get the
same treatment, recursively. A package is assembled part by part (`Package`: names and
relationships given directly, content types and package relationships made here) and
zipped once, so nothing is compressed twice.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zlib
from collections.abc import Iterable

from deck.layout.page import DocInfo, Pages
from deck.theme import Theme

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_FORMATS = {(12_192_000, 6_858_000): "Widescreen", (9_144_000, 6_858_000): "On-screen Show (4:3)"}
_FIRST = ("[Content_Types].xml", "_rels/.rels")
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CORE_NS = (
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
)
_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
CORE_PART, APP_PART = "docProps/core.xml", "docProps/app.xml"
CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
# Extensions whose parts need no Override when their content type is the usual one.
_DEFAULT_TYPES = {
    "rels": _RELS_TYPE,
    "xml": "application/xml",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_PACKAGE_RELS = (
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", None),
    ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", CORE_PART),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", APP_PART),
)


class Package:
    """A package being assembled: parts by name (no leading slash) in the order added, and
    each part's relationships. Adding a part or a relationship costs the same however many
    there are; `write` zips it all once."""

    def __init__(self, main: str):
        self.main = main
        self._types: dict[str, str] = {}
        self._blobs: dict[str, bytes] = {}
        self._rels: dict[str, dict[tuple[str, str, bool], str]] = {}
        self._copied_rels: dict[str, bytes] = {}  # relationships parts copied as they are

    def __contains__(self, name: str) -> bool:
        return name in self._types

    def unused(self, name: str) -> str:
        """Return `name` (`…/stem1.ext`), or the first `…/stemN.ext` after it no part has."""
        match = re.match(r"^(.*?)(\d+)(\.[^./]+)$", name)
        while name in self._types and match:
            n = int(match.group(2)) + 1
            name = f"{match.group(1)}{n}{match.group(3)}"
            match = re.match(r"^(.*?)(\d+)(\.[^./]+)$", name)
        return name

    def copy(self, name: str, content_type: str, blob: bytes, rels: bytes | None) -> str:
        """Add part `name` as it is, with its relationships part `rels` as it is (a template's
        master, layouts, theme and art: their XML refers to their relationship ids)."""
        self.add(name, content_type, blob)
        if rels is not None:
            self._copied_rels[name] = rels
        return name

    def add(self, name: str, content_type: str, blob: bytes = b"") -> str:
        """Add part `name` (its bytes may be set later with `set`); return `name`.
        Raises ValueError if there is a part of that name already."""
        if name in self._types:
            raise ValueError(f"part {name} added twice")
        self._types[name], self._blobs[name] = content_type, blob
        return name

    def set(self, name: str, blob: bytes) -> None:
        """Set the bytes of part `name` (KeyError if there is no such part)."""
        self._types[name]
        self._blobs[name] = blob

    def relate(self, source: str, target: str, kind: str, external: bool = False) -> str:
        """Return the id of `source`'s relationship of type `kind` to part `target` (or, if
        `external`, to the URL `target`), added as rId<n+1> unless it exists already."""
        rels = self._rels.setdefault(source, {})
        key = (kind, target, external)
        if key not in rels:
            rels[key] = f"rId{len(rels) + 1}"
        return rels[key]

    def write(self, created: str, workbook_parts: dict[str, bytes] | None = None) -> bytes:
        """Return the .pptx (zip): [Content_Types].xml, _rels/.rels (the main part, core and
        app properties), then each part followed by its relationships; every entry with the
        zip epoch as its time, the same attributes and compression. Embedded workbooks (.xlsx)
        are repacked the same way, dated `created`, the parts they share with `workbook_parts`
        (e.g. the theme) replaced."""
        entries = [
            ("[Content_Types].xml", content_types_xml(self._types.items())),
            ("_rels/.rels", package_rels_xml(self.main)),
        ]
        for name, blob in self._blobs.items():
            if name.endswith(".xlsx"):
                blob = _repack_workbook(blob, created, workbook_parts or {})
            entries.append((name, blob))
            if name in self._copied_rels:
                entries.append((rels_name(name), self._copied_rels[name]))
            elif self._rels.get(name):
                entries.append((rels_name(name), self._rels_xml(name)))
        return zip_entries(entries)

    def _rels_xml(self, source: str) -> bytes:
        folder = posixpath.dirname(source)
        rels = []
        for (kind, target, external), rid in self._rels[source].items():
            ref = target if external else relative(target, folder)
            mode = ' TargetMode="External"' if external else ""
            rels.append(f"<Relationship Id={_quoted(rid)} Type={_quoted(kind)} Target={_quoted(ref)}{mode}/>")
        return f'{_DECL}<Relationships xmlns="{_RELS_NS}">{"".join(rels)}</Relationships>'.encode()


def core_xml(info: DocInfo) -> bytes:
    """Return docProps/core.xml: title, subject, author (creator and last editor), keywords,
    language, revision 1, created = modified = `info.created`."""
    fields = [
        ("dc:title", info.title),
        ("dc:subject", info.subject),
        ("dc:creator", info.author),
        ("cp:keywords", info.keywords),
        ("dc:language", info.language),
        ("cp:lastModifiedBy", info.author),
        ("cp:revision", "1"),
    ]
    body = "".join(f"<{tag}>{_escape(value)}</{tag}>" for tag, value in fields)
    for tag in ("dcterms:created", "dcterms:modified"):
        body += f'<{tag} xsi:type="dcterms:W3CDTF">{_escape(info.created)}</{tag}>'
    return f"{_DECL}<cp:coreProperties {_CORE_NS}>{body}</cp:coreProperties>".encode()


def app_xml(pages: Pages, theme: Theme, notes: int) -> bytes:
    """Return docProps/app.xml as PowerPoint writes it: this application, the slide format,
    slide and notes counts, and the parts of the document by heading (HeadingPairs) with
    their titles (TitlesOfParts): the fonts used, the theme, each slide's title."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    fonts = list(dict.fromkeys(f for face in theme.fonts.values() for f in (face.latin, face.ea)))
    titles = ["".join(p.text for p in page.title.paragraphs) for page in pages.pages]
    heads = [("Fonts Used", len(fonts)), ("Theme", 1), ("Slide Titles", len(titles))]
    pairs = "".join(
        f"<vt:variant><vt:lpstr>{name}</vt:lpstr></vt:variant><vt:variant><vt:i4>{n}</vt:i4></vt:variant>"
        for name, n in heads
    )
    parts = "".join(f"<vt:lpstr>{_escape(text)}</vt:lpstr>" for text in (*fonts, theme.name, *titles))
    size = (theme.width, theme.height)
    shape = _FORMATS.get(size, "Custom")
    return (
        f'{_DECL}<Properties xmlns="{ns}" xmlns:vt="{vt}"><TotalTime>0</TotalTime>'
        f"<Application>deck</Application><PresentationFormat>{shape}</PresentationFormat>"
        f"<Slides>{len(pages.pages)}</Slides><Notes>{notes}</Notes><HiddenSlides>0</HiddenSlides>"
        f"<MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>"
        f'<HeadingPairs><vt:vector size="{2 * len(heads)}" baseType="variant">{pairs}</vt:vector></HeadingPairs>'
        f'<TitlesOfParts><vt:vector size="{len(fonts) + 1 + len(titles)}" baseType="lpstr">{parts}</vt:vector>'
        "</TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


def view_props_xml() -> bytes:
    """Return ppt/viewProps.xml without the template's 4:3 guides and window sizes."""
    ns = (
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    )
    return f'{_DECL}<p:viewPr {ns} lastView="sldView"/>'.encode()


def content_types_xml(parts: Iterable[tuple[str, str]]) -> bytes:
    """Return [Content_Types].xml for (part name, content type) pairs: a Default per
    extension in use whose usual type fits, an Override (sorted by name) for every other."""
    defaults, overrides = {"rels": _RELS_TYPE, "xml": _DEFAULT_TYPES["xml"]}, {}
    for name, content_type in parts:
        ext = posixpath.splitext(name)[1][1:].lower()
        if _DEFAULT_TYPES.get(ext) == content_type:
            defaults[ext] = content_type
        else:
            overrides["/" + name] = content_type
    ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    body = "".join(f"<Default Extension={_quoted(e)} ContentType={_quoted(t)}/>" for e, t in sorted(defaults.items()))
    body += "".join(f"<Override PartName={_quoted(n)} ContentType={_quoted(t)}/>" for n, t in sorted(overrides.items()))
    return f'{_DECL}<Types xmlns="{ns}">{body}</Types>'.encode()


def package_rels_xml(main: str) -> bytes:
    """Return _rels/.rels: the main document part `main`, then core and app properties."""
    ns = _RELS_NS
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{kind}" Target={_quoted(target or main)}/>'
        for n, (kind, target) in enumerate(_PACKAGE_RELS, 1)
    )
    return f'{_DECL}<Relationships xmlns="{ns}">{rels}</Relationships>'.encode()


def relative(target: str, folder: str) -> str:
    """Return part name `target` relative to `folder` (`ppt/slideLayouts/slideLayout1.xml` from
    `ppt/slides`: `../slideLayouts/slideLayout1.xml`), as posixpath.relpath gives it for part
    names, without the two calls to os.getcwd it makes each time (a relationship each)."""
    parts, start = [p for p in target.split("/") if p], [p for p in folder.split("/") if p]
    common = 0
    while common < min(len(parts), len(start)) and parts[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + parts[common:]) or "."


def rels_name(name: str) -> str:
    """Return the name of part `name`'s relationships part: a/b.xml → a/_rels/b.xml.rels."""
    folder, base = posixpath.split(name)
    return posixpath.join(folder, "_rels", base + ".rels")


def zip_entries(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """Return a zip of `(name, data)` entries in order, each dated the zip epoch (ZIP_EPOCH),
    deflated at level 6, with the same attributes: the one zip writer of deck's packages.

    Written here, byte for byte as `zipfile` writes such entries to a file it can seek in
    (version 2.0, no data descriptor, no extra fields, permissions rw-------, the UTF-8 flag
    on names that are not ASCII), at a fraction of its cost per entry; a package too large
    for a plain zip (4 GB, 65,535 entries) raises ValueError."""
    out, central = bytearray(), bytearray()
    count = 0
    for name, data in entries:
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), _UTF8_NAME
        deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
        packed = deflate.compress(data) + deflate.flush()
        fields = (20, 0, flags, 8, 0, _DOS_DATE, zlib.crc32(data), len(packed), len(data), len(raw))
        central += struct.pack(_CENTRAL, b"PK\x01\x02", 20, 0, *fields, 0, 0, 0, 0, _RW << 16, len(out)) + raw
        out += struct.pack("<4s" + _ENTRY + "H", b"PK\x03\x04", *fields, 0)
        out += raw
        out += packed
        count += 1
    if count > 0xFFFF or len(out) + len(central) > _ZIP_LIMIT:
        raise ValueError(f"a package of {count} parts, {len(out)} bytes, is too large for a plain zip")
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + end)


# A zip entry's fields from the version needed on: version, reserved, flags, method (8:
# deflate), DOS time and date, CRC-32, compressed and full size, name length (then, in the
# local header, the extra field's length; in the central directory the extra field's and
# comment's lengths, disk, internal and external attributes and the local header's offset).
_ENTRY = "2B4HL2LH"
_CENTRAL = "<4s2B" + _ENTRY + "4H2L"  # made by version 2.0 on MS-DOS (as deck's packages say)
_DOS_DATE = (ZIP_EPOCH[0] - 1980) << 9 | ZIP_EPOCH[1] << 5 | ZIP_EPOCH[2]  # 00:00:00, so the time is 0
_UTF8_NAME = 1 << 11
_RW = 0o600  # ?rw------- as zipfile gives an entry without attributes
_ZIP_LIMIT = (1 << 31) - 1  # zipfile's limit before zip64 extensions


def pres_props_xml() -> bytes:
    """Return ppt/presProps.xml: presentation settings left at PowerPoint's defaults."""
    ns = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    return f"{_DECL}<p:presentationPr {ns}/>".encode()


def repack(
    blob: bytes, replace: dict[str, bytes], created: str, workbook_parts: dict[str, bytes] | None = None
) -> bytes:
    """Return the zip `blob` rewritten deterministically.

    `replace` maps part names (no leading slash) to new contents. Entries keep their order
    except that [Content_Types].xml and _rels/.rels come first; every entry gets the zip
    epoch as its time and the same attributes and compression. Embedded workbooks (.xlsx)
    are repacked the same way, their document dates set to `created` and the parts they
    share with `workbook_parts` (e.g. the theme) replaced.
    """
    import zipfile  # reading a package: only for a chart's workbook (deck writes its own zips)

    with zipfile.ZipFile(io.BytesIO(blob)) as source:
        names = source.namelist()
        order = [n for n in _FIRST if n in names] + [n for n in names if n not in _FIRST]
        parts = {name: replace.get(name) or source.read(name) for name in order}
    return zip_entries(
        (name, _repack_workbook(data, created, workbook_parts or {}) if name.endswith(".xlsx") else data)
        for name, data in parts.items()
    )


def _repack_workbook(blob: bytes, created: str, parts: dict[str, bytes]) -> bytes:
    """Return an embedded workbook repacked, dated `created`, with its `parts` replaced."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(blob)) as book:
        names = set(book.namelist())
        replace = {name: data for name, data in parts.items() if name in names}
        if "docProps/core.xml" in names:
            core = book.read("docProps/core.xml")
            replace["docProps/core.xml"] = _DATES.sub(rb"\g<1>" + created.encode() + rb"\g<2>", core)
    return repack(blob, replace, created)


def _escape(text: str) -> str:
    """Return `text` with &, <, > and " escaped (by str.replace, `&` first: a C scan of the
    text per character escaped, where str.translate looks each character up, perf, issue 15)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _quoted(text: str) -> str:
    """Return `text` as a double-quoted XML attribute value."""
    return f'"{_escape(text)}"'
