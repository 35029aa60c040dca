"""Labels of the printed documents in English, Ukrainian and Russian (design section 8).

Plain Python, offline: every label is written in English in the code, and
:mod:`planner.i18n.catalog` holds its Ukrainian and Russian text. Place names
are never translated: they print as the plan has them.

>>> tr = translator("uk")
>>> tr("Convoy {id}", id="C1")
'Колона C1'
>>> tr.num(1545)
'1 545'
"""

from __future__ import annotations

from datetime import datetime

from planner.errors import EvacplanError
from planner.i18n.catalog import CATALOG, MONTHS, WEEKDAYS

LANGUAGES = ("en", "uk", "ru")
_COLUMN = {"uk": 0, "ru": 1}


class Translator:
    """``tr(english, **fields)``: the label in ``lang``, with ``{fields}`` filled in.

    A label missing from the catalogue prints in English (and
    :func:`missing` lists it, for the tests).
    """

    def __init__(self, lang: str = "en"):
        if lang not in LANGUAGES:
            raise EvacplanError(f"--lang: {lang!r} is not one of {', '.join(LANGUAGES)}")
        self.lang = lang
        self._col = _COLUMN.get(lang)

    def __call__(self, text: str, **fields) -> str:
        if self._col is not None:
            row = CATALOG.get(text)
            if row is not None:
                text = row[self._col]
        return text.format(**fields) if fields else text

    def num(self, n, decimals: int = 0) -> str:
        """A number with thousands grouped: ``1,545`` in English, ``1 545`` (no-break space) otherwise."""
        s = f"{n:,.{decimals}f}"
        if self.lang == "en":
            return s
        return s.replace(",", "\u00a0").replace(".", ",")

    def date(self, t: datetime, weekday: bool = True) -> str:
        """``Sat 30 Apr 2022`` / ``сб 30 квітня 2022`` / ``сб 30 апреля 2022``."""
        if self.lang == "en":
            return t.strftime("%a %d %b %Y" if weekday else "%d %b %Y")
        wd = WEEKDAYS[self.lang][t.weekday()] + " " if weekday else ""
        return f"{wd}{t.day} {MONTHS[self.lang][t.month - 1]} {t.year}"


def translator(lang: str = "en") -> Translator:
    """The :class:`Translator` of ``lang`` (``en``, ``uk`` or ``ru``)."""
    return Translator(lang)


def missing(texts) -> list:
    """Those of ``texts`` (English labels) without a Ukrainian or Russian entry."""
    return [t for t in texts if t not in CATALOG]
