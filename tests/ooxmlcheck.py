"""Checks on a built package's XML: stray colours, sizes and fonts, and the OOXML audit."""

from __future__ import annotations

import functools
import hashlib
import io
import zipfile
from pathlib import Path

from lxml import etree

from deck.theme import Theme

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def xml_parts(blob: bytes) -> dict[str, etree._Element]:
    """Return every XML part of the package, parsed, by name."""
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        return {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith((".xml", ".rels"))}


def allowed_sizes(theme: Theme) -> set[str]:
    return {str(round(s.size / 127)) for s in theme.text.values()}


def stray_colours(blob: bytes, theme: Theme) -> list[str]:
    """Return every colour in the package that is not a palette colour in the theme part."""
    palette, found = set(theme.palette.values()), []
    for name, root in xml_parts(blob).items():
        for node in root.iter(f"{A}srgbClr"):
            if node.get("val") not in palette or not name.startswith("ppt/theme/"):
                found.append(f"{name}: srgbClr {node.get('val')}")
        for tag in ("sysClr", "scrgbClr", "hslClr", "prstClr"):
            found += [f"{name}: {tag}" for _ in root.iter(A + tag)]
    return found


def stray_sizes(blob: bytes, theme: Theme) -> tuple[list[str], set[str]]:
    """Return every numeric `sz` that is not a theme size, and the sizes seen."""
    sizes, found, seen = allowed_sizes(theme), [], set()
    for name, root in xml_parts(blob).items():
        for node in root.iter():
            value = node.get("sz") if isinstance(node.tag, str) else None
            if value is not None and value.isdigit():
                seen.add(value)
                if value not in sizes:
                    found.append(f"{name}: size {value}")
    return found, seen


def stray_fonts(blob: bytes, theme: Theme) -> list[str]:
    """Return every typeface that is neither a theme reference nor one of the theme's faces
    (Latin, East Asian, or a face the font scheme names for an East Asian script)."""
    faces = {f for face in theme.fonts.values() for f in (face.latin, face.ea, *face.scripts().values())}
    refs = {f"+{m}-{s}" for m in ("mj", "mn") for s in ("lt", "ea", "cs")}
    return [
        f"{name}: {node.get('typeface')!r}"
        for name, root in xml_parts(blob).items()
        for node in root.iter(f"{A}latin", f"{A}ea", f"{A}cs", f"{A}font", f"{A}buFont")
        if node.get("typeface") not in faces | refs | {""}
    ]


def audit_errors(path: Path) -> list[str]:
    """Return what openxml-audit (schema and PowerPoint app rules) finds wrong with `path`."""
    return [str(e) for e in _validator().validate(str(path)).errors]


@functools.cache
def _validator():
    """One openxml-audit validator per test process: making one builds its rule sets for every
    Office format (about 0.1 s), and validating leaves nothing behind in it. Its schema check
    sees each part once: most parts (master, layouts, theme) are the same in many decks."""
    from openxml_audit import OpenXmlValidator

    validator = OpenXmlValidator(max_errors=0)
    schema = getattr(validator, "_schema_validator", None)  # private: where it is not, every part is checked
    if schema is not None and hasattr(schema, "validate_part"):
        validator._schema_validator = _OnceEach(schema)
    return validator


class _OnceEach:
    """openxml-audit's schema validator, asked about a part only when no part with the same
    name and bytes was found clean before: its checks read only the part's own XML."""

    def __init__(self, inner):
        self.inner, self.clean = inner, set()

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def validate_part(self, part, context):
        raw = part.raw_content
        key = (part.uri, hashlib.sha256(raw).digest()) if raw is not None else None
        if key is not None and key in self.clean:
            return context.errors
        before = len(context.errors)
        found = self.inner.validate_part(part, context)
        if key is not None and len(context.errors) == before:
            self.clean.add(key)
        return found
