"""deck's own zip writer (deck.pptx.package.zip_entries) writes what `zipfile` writes for the same
entries, and what it writes reads back."""

from __future__ import annotations

import io
import zipfile

from deck.pptx.package import ZIP_EPOCH, zip_entries

ENTRIES = [
    ("[Content_Types].xml", b'<?xml version="1.0"?><Types/>' * 40),
    ("ppt/slides/slide1.xml", "<p:sld>第 1 页：规模带来质变</p:sld>".encode() * 200),
    ("ppt/media/ünïcode name.png", bytes(range(256)) * 9),  # not ASCII: the UTF-8 flag
    ("docProps/empty.xml", b""),
]


def _by_zipfile(entries) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            entry.create_system = 0
            entry.external_attr = 0
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data, compresslevel=6)
    return out.getvalue()


def test_the_zip_writer_writes_what_zipfile_writes():
    assert zip_entries(ENTRIES) == _by_zipfile(ENTRIES)
    assert zip_entries([]) == _by_zipfile([])


def test_what_the_zip_writer_writes_reads_back():
    with zipfile.ZipFile(io.BytesIO(zip_entries(ENTRIES))) as package:
        assert package.testzip() is None
        assert [(i.filename, package.read(i)) for i in package.infolist()] == ENTRIES


def test_a_relationship_names_its_target_part_as_posixpath_relpath_does():
    import posixpath

    from deck.pptx.package import relative

    names = ["ppt/presentation.xml", "ppt/slides/slide1.xml", "ppt/slideLayouts/slideLayout2.xml"]
    names += ["ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx", "docProps/core.xml", "ppt/slides", "ppt"]
    folders = ["", "ppt", "ppt/slides", "ppt/charts", "ppt/notesSlides", "docProps", "ppt/slides/deeper"]
    for target in names:
        for folder in folders:
            assert relative(target, folder) == posixpath.relpath(target, folder), (target, folder)
