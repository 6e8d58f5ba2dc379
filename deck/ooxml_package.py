"""Deterministic packaging: document properties, clean view settings and a reproducible re-zip.

Everything that could vary between two builds of the same input is fixed here: zip entry
times (1980-01-01), entry order, compression and file attributes; the document's dates come
from DocInfo; the embedded chart workbooks (which xlsxwriter stamps with the clock) get the
same treatment, recursively.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from deck.page import DocInfo

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CORE_NS = ('xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')
_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def core_xml(info: DocInfo) -> bytes:
    """Return docProps/core.xml: title, subject, author (creator and last editor), keywords,
    language, revision 1, created = modified = `info.created`."""
    fields = [("dc:title", info.title), ("dc:subject", info.subject),
              ("dc:creator", info.author), ("cp:keywords", info.keywords),
              ("dc:language", info.language), ("cp:lastModifiedBy", info.author),
              ("cp:revision", "1")]
    body = "".join(f"<{tag}>{escape(value)}</{tag}>" for tag, value in fields)
    for tag in ("dcterms:created", "dcterms:modified"):
        body += f'<{tag} xsi:type="dcterms:W3CDTF">{escape(info.created)}</{tag}>'
    return f"{_DECL}<cp:coreProperties {_CORE_NS}>{body}</cp:coreProperties>".encode()


def app_xml(slides: int, notes: int) -> bytes:
    """Return a minimal docProps/app.xml naming this application and counting slides."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    return (f'{_DECL}<Properties xmlns="{ns}"><TotalTime>0</TotalTime>'
            f"<Application>deck</Application><Slides>{slides}</Slides><Notes>{notes}</Notes>"
            "<HiddenSlides>0</HiddenSlides></Properties>").encode()


def view_props_xml() -> bytes:
    """Return ppt/viewProps.xml without the template's 4:3 guides and window sizes."""
    ns = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
    return f'{_DECL}<p:viewPr {ns} lastView="sldView"/>'.encode()


def repack(blob: bytes, replace: dict[str, bytes], created: str,
           workbook_parts: dict[str, bytes] | None = None) -> bytes:
    """Return the zip `blob` rewritten deterministically.

    `replace` maps part names (no leading slash) to new contents. Entries keep their order
    except that [Content_Types].xml and _rels/.rels come first; every entry gets the zip
    epoch as its time and the same attributes and compression. Embedded workbooks (.xlsx)
    are repacked the same way, their document dates set to `created` and the parts they
    share with `workbook_parts` (e.g. the theme) replaced.
    """
    with zipfile.ZipFile(io.BytesIO(blob)) as source:
        names = source.namelist()
        order = [n for n in _FIRST if n in names] + [n for n in names if n not in _FIRST]
        parts = {name: replace.get(name) or source.read(name) for name in order}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in parts.items():
            if name.endswith(".xlsx"):
                data = _repack_workbook(data, created, workbook_parts or {})
            entry = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            entry.create_system = 0
            entry.external_attr = 0
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data, compresslevel=6)
    return out.getvalue()


def _repack_workbook(blob: bytes, created: str, parts: dict[str, bytes]) -> bytes:
    """Return an embedded workbook repacked, dated `created`, with its `parts` replaced."""
    with zipfile.ZipFile(io.BytesIO(blob)) as book:
        names = set(book.namelist())
        replace = {name: data for name, data in parts.items() if name in names}
        if "docProps/core.xml" in names:
            core = book.read("docProps/core.xml")
            replace["docProps/core.xml"] = _DATES.sub(
                rb"\g<1>" + created.encode() + rb"\g<2>", core)
    return repack(blob, replace, created)
