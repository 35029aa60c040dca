"""A small, fast page layout on the reportlab canvas: blocks stacked down a page.

reportlab's platypus is general but slow for hundreds of table pages (a
350-page schedule took over 30 s). Here a page is a list of blocks, each of
which knows its height for a width and draws itself. :func:`flow` lays a
section's blocks onto as many pages as they need, splitting tables between rows
(the header row repeats) and heading every further page again; nothing is ever
scaled, so no text prints under :data:`MIN_SIZE`. Text wraps only where a column
asks for it. (:func:`draw_page`, which scales a page down, is left for the
what-if comparison only.)

This module holds the text primitives, plain blocks and the flow; tables are
:mod:`planner.export.tables`, composite blocks (boxes, drawings, side by side,
newspaper columns) :mod:`planner.export.blocks`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from planner.export.fonts import REGULAR

#: The smallest type on any printed page (pt).
MIN_SIZE = 8.0


_WIDTHS: dict = {}


def text_width(text, font, size) -> float:
    """Width of ``text`` in pt (cached per font and text: schedules repeat their strings)."""
    key = (font, text)
    w = _WIDTHS.get(key)
    if w is None:
        if len(_WIDTHS) > 200_000:
            _WIDTHS.clear()
        w = _WIDTHS[key] = stringWidth(text, font, 1.0)
    return w * size


def draw_text(canv, x, y, text, font, size, align="L"):
    """Draw one line of ``text`` at baseline ``y``, left/right/centre aligned on ``x``.

    Same output as ``canv.drawString`` (a BT ... ET block with the embedded
    TrueType subset), but the encoded string of each (font, text) is cached per
    document: a schedule repeats its times, street and place names thousands of
    times, and reportlab's per-call encoding dominated the PDF time.
    """
    text = str(text)
    if not text:
        return
    cache = canv.__dict__.setdefault("_evacplan_text", {})
    key = (font, text)
    hit = cache.get(key)
    if hit is None:
        f = getFont(font)
        width = text_width(text, font, 1.0)
        if getattr(f, "_dynamicFont", False):
            doc = canv._doc
            parts = [(f.getSubsetInternalName(sub, doc), canv._escape(t)) for sub, t in f.splitString(text, doc)]
        else:
            parts = [(canv._doc.getInternalFontName(font), canv._escape(text))]
        hit = cache[key] = (width, parts)
    width, parts = hit
    if align == "R":
        x -= width * size
    elif align == "C":
        x -= width * size / 2
    sz = f"{size:g}"
    body = " ".join(f"{name} {sz} Tf ({t}) Tj" for name, t in parts)
    canv._code.append(f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm {body} ET")


def wrap(text, font, size, width) -> list:
    """Lines of ``text`` that fit ``width`` pt (one line when it fits, without splitting)."""
    text = str(text)
    if "\n" not in text and text_width(text, font, size) <= width:
        return [text]
    # breaks at plain spaces only: a no-break space ("19.5\u00a0km", "B\u00a096") holds
    # (reportlab's simpleSplit breaks at any whitespace)
    out = []
    space = text_width(" ", font, size)
    for para in text.split("\n"):
        line, used = [], 0.0
        for word in para.split(" "):
            w = text_width(word, font, size)
            if line and used + space + w > width:
                out.append(" ".join(line))
                line, used = [], 0.0
            if not line and w > width:  # a word wider than the column: cut where it must
                parts = simpleSplit(word, font, size, width) or [word]
                out += parts[:-1]
                word, w = parts[-1], text_width(parts[-1], font, size)
            used += (space if line else 0.0) + w
            line.append(word)
        out.append(" ".join(line))
    return out or [""]


def fit(text, font, size, width) -> str:
    """``text`` cut with an ellipsis to fit ``width`` pt on one line."""
    text = str(text)
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class Block:
    """Something drawn down the page: ``height(width)`` in pt, ``draw(canv, x, top, width)``."""

    def height(self, width: float) -> float:
        raise NotImplementedError

    def draw(self, canv, x: float, top: float, width: float) -> None:
        raise NotImplementedError


@dataclass
class Space(Block):
    h: float

    def height(self, width):
        return self.h

    def draw(self, canv, x, top, width):
        pass


@dataclass
class Text(Block):
    """A paragraph in one font, wrapped to the width."""

    text: str
    size: float = 9.0
    font: str = REGULAR
    leading: float | None = None
    gray: float = 0.0
    before: float = 0.0
    after: float = 0.0
    keep_with_next: bool = False  # a heading: never alone at the foot of a page
    _lines: list = field(default=None, repr=False)

    def _lead(self):
        return self.leading or self.size * 1.22

    def _wrapped(self, width):
        if self._lines is None or self._lines[0] != width:
            self._lines = (width, wrap(self.text, self.font, self.size, width))
        return self._lines[1]

    def height(self, width):
        return self.before + self.after + len(self._wrapped(width)) * self._lead()

    def draw(self, canv, x, top, width):
        lead = self._lead()
        y = top - self.before - self.size * 0.95
        canv.setFillGray(self.gray)
        for line in self._wrapped(width):
            draw_text(canv, x, y, line, self.font, self.size)
            y -= lead


def draw_page(canv, blocks, x, top, width, avail) -> float:
    """Draw ``blocks`` from ``top`` down; scale them down when taller than ``avail``. Returns the scale."""
    total = sum(b.height(width) for b in blocks)
    scale = 1.0 if total <= avail else avail / total
    canv.saveState()
    if scale < 1.0:
        # shrink about the top-left corner; the width stays the page's by laying out wider
        canv.translate(x, top)
        canv.scale(scale, scale)
        x, top = 0.0, 0.0
        width = width / scale
        total = sum(b.height(width) for b in blocks)
        if total > avail / scale:  # wider layout can wrap less: fine; taller is not expected, clamp anyway
            s2 = (avail / scale) / total
            canv.scale(s2, s2)
            scale *= s2
    y = top
    for b in blocks:
        h = b.height(width)
        b.draw(canv, x, y, width)
        y -= h
    canv.restoreState()
    return scale


@dataclass
class Section:
    """Blocks that start on a new page and flow onto as many as they need.

    ``continued``: blocks put at the top of every further page (the heading again).
    """

    blocks: list
    continued: list = field(default_factory=list)


def _splittable(b) -> bool:
    return hasattr(b, "split") and not getattr(b, "keep", False)


def _min_height(b, width):
    return b.first_height(width) if _splittable(b) else b.height(width)


def flow(section: Section, width: float, avail: float) -> list:
    """Lay ``section`` onto pages of ``avail`` pt: a list of pages, each a list of blocks.

    A table splits between rows; any other block taller than what is left moves
    to the next page; a ``keep_with_next`` heading moves with the start of the block
    after it.
    """
    pages, page, used = [], [], 0.0
    todo = list(section.blocks)
    fresh = 0  # blocks on the page before any of the section's own (the repeated heading)

    def new_page():
        nonlocal page, used, fresh
        pages.append(page)
        page = list(section.continued)
        used = sum(b.height(width) for b in page)
        fresh = len(page)

    while todo:
        b = todo.pop(0)
        h = b.height(width)
        need = h
        if isinstance(b, Text) and b.keep_with_next and todo:
            need = h + _min_height(todo[0], width)
        if used + need <= avail or (len(page) == fresh and not _splittable(b)):
            page.append(b)
            used += h
            continue
        if _splittable(b):
            parts = b.split(width, avail - used)
            if parts is not None:
                head, rest = parts
                page.append(head)
                if rest.rows:
                    todo.insert(0, rest)
                    new_page()
                else:
                    used += head.height(width)
                continue
            if len(page) == fresh:  # not one row fits an empty page
                raise ValueError("a table row taller than the page")
        new_page()
        todo.insert(0, b)
    pages.append(page)
    return pages
