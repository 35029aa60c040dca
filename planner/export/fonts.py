"""The Unicode font of the PDF exports: DejaVu Sans, shipped inside matplotlib.

Street names in Ukrainian, Russian and German must print correctly on every
machine, so the PDF embeds a TrueType font that a Python package we already
depend on carries (matplotlib's ``mpl-data/fonts/ttf``), never a system path.
"""

from __future__ import annotations

from pathlib import Path

from planner.errors import EvacplanError

#: Font names as registered with reportlab.
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
BOLD_OBLIQUE = "DejaVuSans-BoldOblique"
FAMILY = "DejaVuSans"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    OBLIQUE: "DejaVuSans-Oblique.ttf",
    BOLD_OBLIQUE: "DejaVuSans-BoldOblique.ttf",
}

_registered = False


def font_dir() -> Path:
    """Folder of matplotlib's bundled TrueType fonts."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def register_fonts() -> str:
    """Register DejaVu Sans (regular, bold, oblique) with reportlab once; return the family name.

    ``<b>`` and ``<i>`` in reportlab paragraphs map onto the bold and oblique faces.

    Raises
    ------
    EvacplanError
        When matplotlib's font files are missing (a broken installation).
    """
    global _registered
    if _registered:
        return FAMILY
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = font_dir()
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise EvacplanError(f"PDF export: font file {path} is missing (reinstall matplotlib)")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, OBLIQUE)
    addMapping(FAMILY, 1, 1, BOLD_OBLIQUE)
    _registered = True
    return FAMILY
