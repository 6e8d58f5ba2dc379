"""A template file opened as an Office package: its zip read within bounds, its content types
and relationships, its XML parts parsed safely, and the parts reachable from a master (what
the output copies), with hanging punctuation turned off in masters and layouts.

Nothing here raises for a bad file but `Unusable`, which carries the problem's code (T130,
T131) and message; deck.theme.template turns it into a returned problem."""

from __future__ import annotations

import io
import posixpath
import zipfile

from deck.frozen import frozen

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:  # lxml is imported when a template is read: a build without one never loads it
    from lxml import etree

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"  # relationship types
_DOC = RT + "officeDocument"
_LEFT_BEHIND = {RT + k for k in ("slide", "notesSlide", "notesMaster", "handoutMaster", "slideMaster")}
_PRESENTATION_TYPES = {
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
}
MAX_BYTES = 64 * 1024 * 1024  # a template's parts, uncompressed, read at most


@frozen
class Part:
    """A part the output copies: its name, content type, bytes and relationships part."""

    name: str
    content_type: str
    blob: bytes
    rels: bytes | None


class Unusable(Exception):
    """The file cannot serve as a template: `code` and `message` say why."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


class Package:
    """An Office package read from `data` (a zip): raises Unusable (T130) when it is not one,
    or unpacks to more than MAX_BYTES."""

    def __init__(self, data: bytes):
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            names = self.zip.namelist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise Unusable("T130", f"is not a zip file ({exc}), so not a .pptx or .potx") from None
        if sum(i.file_size for i in self.zip.infolist()) > MAX_BYTES:
            raise Unusable("T130", f"unpacks to more than {MAX_BYTES // 2**20} MB; a template is far smaller")
        self.names = set(names)
        self.types = self._content_types()

    def _content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        if "[Content_Types].xml" not in self.names:
            raise Unusable("T130", "has no [Content_Types].xml, so it is not an Office file")
        root = self.xml("[Content_Types].xml")
        defaults = {d.get("Extension", "").lower(): d.get("ContentType", "") for d in root.iterfind("ct:Default", NS)}
        overrides = {
            o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in root.iterfind("ct:Override", NS)
        }
        return defaults, overrides

    def content_type(self, name: str) -> str:
        defaults, overrides = self.types
        return overrides.get(name) or defaults.get(posixpath.splitext(name)[1][1:].lower(), "")

    def main_part(self) -> str:
        """Return the name of the presentation part; Unusable (T130) when the package is no presentation."""
        main = next((target for kind, target in self.rels("").values() if kind == _DOC), None)
        if main is None or self.content_type(main) not in _PRESENTATION_TYPES:
            what = self.content_type(main) if main else "no main document"
            raise Unusable("T130", f"is not a presentation (its main part is {what or 'of no known type'})")
        return main

    def xml(self, name: str) -> etree._Element:
        """Return part `name` parsed (no entities, no network); Unusable (T131) when it is
        missing or not well-formed."""
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        if name not in self.names:
            raise Unusable("T131", f"lacks its part `{name}`")
        try:
            return etree.fromstring(self.zip.read(name), parser)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError) as exc:
            raise Unusable("T131", f"has a part that is not well-formed XML (`{name}`: {exc})") from None

    def _rels_name(self, name: str) -> str:
        folder, base = posixpath.split(name)
        return posixpath.join(folder, "_rels", base + ".rels") if name else "_rels/.rels"

    def rels(self, name: str) -> dict[str, tuple[str, str]]:
        """Return {rId: (type, target part)} of part `name` ('' for the package), internal only."""
        rels_name = self._rels_name(name)
        if rels_name not in self.names:
            return {}
        out = {}
        for rel in self.xml(rels_name).iterfind("pr:Relationship", NS):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            full = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
            )
            out[rel.get("Id", "")] = (rel.get("Type", ""), full)
        return out

    def copied(self, start: list[str]) -> tuple[Part, ...]:
        """Return the parts reachable from `start` through relationships, slides, notes,
        handouts and other masters left behind, in a fixed order."""
        seen, order, queue = set(start), [], list(start)
        while queue:
            name = queue.pop(0)
            order.append(name)
            for kind, target in self.rels(name).values():
                if target in seen or kind in _LEFT_BEHIND or target not in self.names:
                    continue
                seen.add(target)
                queue.append(target)
        rels = {n: self._rels_name(n) for n in order}
        return tuple(
            Part(
                n,
                self.content_type(n),
                _unhung(n, self.zip.read(n)),
                self.zip.read(rels[n]) if rels[n] in self.names else None,
            )
            for n in order
        )


def _unhung(name: str, blob: bytes) -> bytes:
    """Return a master's or layout's XML with hanging punctuation turned off: deck measures
    lines without it (a full-width comma hung past the line's end would leave its box);
    every other part as it is."""
    if name.startswith(("ppt/slideMasters/", "ppt/slideLayouts/")) and name.endswith(".xml"):
        return blob.replace(b'hangingPunct="1"', b'hangingPunct="0"')
    return blob
