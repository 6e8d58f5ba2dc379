"""Export stage: .pptx → PDF through LibreOffice (`office.py`, the only module that runs
programs), PDF → PNGs through poppler (`raster.py`, which has office.py run pdftoppm);
`programs.py` finds them, `result.py` and `pictures.py` hold what they return; and PNGs → a
contact sheet (`sheet.py`)."""

from deck.export.office import Office, export_pdf, office_ahead
from deck.export.pictures import png_names
from deck.export.programs import SOFFICE_ENV, find_soffice, soffice_candidates
from deck.export.raster import export_pngs
from deck.export.result import ExportResult, not_ours
from deck.export.sheet import contact_sheet
from deck.output.target import write_atomically

__all__ = [
    "SOFFICE_ENV",
    "ExportResult",
    "Office",
    "contact_sheet",
    "export_pdf",
    "export_pngs",
    "find_soffice",
    "not_ours",
    "office_ahead",
    "png_names",
    "soffice_candidates",
    "write_atomically",
]
