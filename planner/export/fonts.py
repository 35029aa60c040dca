"""The Unicode font of the PDF exports: DejaVu Sans, shipped in ``resources/fonts/``.

Street names and labels in Ukrainian, Russian and German must print on every
machine, so the PDF embeds DejaVu Sans (regular and bold, from Debian's
``fonts-dejavu-core`` 2.37, licence in ``resources/fonts/LICENSE``). The files
are looked up, in order, in:

1. ``$EVACPLAN_FONTS`` when set;
2. ``resources/fonts`` of the source tree (a checkout or an editable install);
3. ``<prefix>/share/evacplan/fonts`` (a wheel install: :func:`planner.resources.installed_dirs`);
4. ``/usr/share/fonts/truetype/dejavu`` (the Debian/Ubuntu package, when installed).
"""

from __future__ import annotations

import os
from pathlib import Path

from planner.errors import EvacplanError
from planner.resources import SOURCE, installed_dirs

#: Font names as registered with reportlab.
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FAMILY = "DejaVuSans"

FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_registered = False


def font_dirs() -> list:
    """The folders searched for the font files, in order."""
    out = []
    env = os.environ.get("EVACPLAN_FONTS")
    if env:
        out.append(Path(env))
    out += [d / "fonts" for d in (SOURCE, *installed_dirs())]
    out.append(Path("/usr/share/fonts/truetype/dejavu"))
    return out


def font_dir() -> Path:
    """The first folder of :func:`font_dirs` that holds both DejaVu Sans files.

    Raises
    ------
    EvacplanError
        When none does (a broken installation), naming the folders searched.
    """
    dirs = font_dirs()
    for d in dirs:
        if all((d / f).is_file() for f in FILES.values()):
            return d
    raise EvacplanError(
        "PDF export: DejaVuSans.ttf and DejaVuSans-Bold.ttf not found in "
        + ", ".join(str(d) for d in dirs)
        + " (reinstall evacplan, or set EVACPLAN_FONTS)"
    )


def register_fonts() -> str:
    """Register DejaVu Sans (regular and bold) with reportlab once; return the family name."""
    global _registered
    if _registered:
        return FAMILY
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = font_dir()
    for name, filename in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    for bold in (0, 1):
        for italic in (0, 1):  # no oblique face shipped: italic maps onto upright
            addMapping(FAMILY, bold, italic, BOLD if bold else REGULAR)
    _registered = True
    return FAMILY
