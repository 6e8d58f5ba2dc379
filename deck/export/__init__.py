"""Export stage: .pptx → PDF and PNGs through LibreOffice and poppler (`office.py`, the only
module that runs programs), and PNGs → a contact sheet (`sheet.py`)."""

from deck.export.office import (
    SOFFICE_ENV,
    ExportResult,
    export_pdf,
    export_pngs,
    find_soffice,
    not_ours,
    png_names,
    soffice_candidates,
)
from deck.export.sheet import contact_sheet
from deck.output.target import write_atomically

__all__ = [
    "SOFFICE_ENV",
    "ExportResult",
    "contact_sheet",
    "export_pdf",
    "export_pngs",
    "find_soffice",
    "not_ours",
    "png_names",
    "soffice_candidates",
    "write_atomically",
]
