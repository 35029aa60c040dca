"""A small, fast page layout on the reportlab canvas: blocks stacked down a page.

reportlab's platypus is general but slow for hundreds of table pages (a
350-page schedule took over 30 s). Here a page is a list of blocks, each of
which knows its height for a width and draws itself. :func:`flow` lays a
section's blocks onto as many pages as they need, splitting tables between rows
(the header row repeats) and heading every further page again; nothing is ever
scaled, so no text prints under :data:`MIN_SIZE`. Text wraps only where a column
asks for it. (:func:`draw_page`, which scales a page down, is left for the
what-if comparison only.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from planner.export.fonts import BOLD, REGULAR

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


@dataclass
class Col:
    """A table column: width (pt, or ``None`` for the rest), alignment ``"L"``/``"R"``/``"C"``, font, wrapping."""

    width: float | None = None
    align: str = "L"
    font: str = REGULAR
    wrap: bool = False
    ruled: bool = False  # a line to write on, in every body row


@dataclass
class Table(Block):
    """Rows of text cells under an optional header row, with a thin rule under each row."""

    cols: list
    rows: list
    header: list | None = None
    size: float = 9.0
    header_size: float = 8.5
    pad: float = 2.5
    min_row: float = 0.0
    bold_last: bool = False
    box: bool = False
    keep: bool = False  # never split between pages (a short block such as the contacts)
    _geom: tuple = field(default=None, repr=False)

    def _widths(self, width):
        # a fixed column grows to hold the longest word of its header (a header word is never cut),
        # taking the room from the free columns
        need = [_header_word_width(h, self.header_size) for h in self.header] if self.header else [0.0] * len(self.cols)
        ws = [None if c.width is None else max(c.width, n) for c, n in zip(self.cols, need)]
        # and a fixed one-line column its widest cell, while the free columns keep room to wrap in: a time on a
        # later day ("06:06 +1d") was printed "06:06 +…" in the negotiators' list
        grown = [
            w if w is None or c.wrap else max(w, self._cell_width(k)) for k, (c, w) in enumerate(zip(self.cols, ws))
        ]
        n_free = sum(1 for c in self.cols if c.width is None)
        free_need = sum(max(n, FREE_MIN) for c, n in zip(self.cols, need) if c.width is None)
        if sum(w for w in grown if w is not None) + free_need <= width or not n_free:
            ws = grown
        fixed = sum(w for w in ws if w is not None)
        free = [c for c in self.cols if c.width is None]
        rest = max(width - fixed, 10.0) / max(len(free), 1)
        return [w if w is not None else max(rest, n) for w, n in zip(ws, need)]

    def _cell_width(self, k) -> float:
        """Width (pt, with the cell padding) of the widest cell of column ``k`` on one line."""
        last = len(self.rows) - 1
        return max(
            (
                text_width(str(row[k]), BOLD if (self.bold_last and i == last) else self.cols[k].font, self.size) + 6.5
                for i, row in enumerate(self.rows)
                if k < len(row)
            ),
            default=0.0,
        )

    def _layout(self, width):
        if self._geom is not None and self._geom[0] == width:
            return self._geom
        ws = self._widths(width)
        lead = self.size * 1.2
        cells, heights = [], []
        last = len(self.rows) - 1
        for i, row in enumerate(self.rows):
            out = []
            n = 1
            for c, w, v in zip(self.cols, ws, row):
                font = BOLD if (self.bold_last and i == last) else c.font
                lines = wrap(v, font, self.size, w - 6) if c.wrap else [fit(v, font, self.size, w - 6)]
                n = max(n, len(lines))
                out.append((lines, font))
            cells.append(out)
            heights.append(max(n * lead + 2 * self.pad, self.min_row))
        hh = 0.0
        if self.header:
            lines = max(len(_header_lines(v, w, self.header_size)) for v, w in zip(self.header, ws))
            hh = lines * self.header_size * 1.2 + 2 * self.pad
        self._geom = (width, ws, cells, heights, hh)
        return self._geom

    def height(self, width):
        _, _, _, heights, hh = self._layout(width)
        return hh + sum(heights)

    def first_height(self, width):
        """Height of the header and the first row (the least of it worth starting on a page)."""
        _, _, _, heights, hh = self._layout(width)
        return hh + (heights[0] if heights else 0.0)

    def split(self, width, avail):
        """``(head, rest)``: the rows that fit in ``avail`` pt, and the others under the same header.

        ``None`` when not even the first row fits.
        """
        _, _, _, heights, hh = self._layout(width)
        used, n = hh, 0
        for h in heights:
            if used + h > avail:
                break
            used += h
            n += 1
        if n == 0:
            return None
        last = self.bold_last and n == len(self.rows)
        head = Table(
            self.cols,
            self.rows[:n],
            self.header,
            self.size,
            self.header_size,
            self.pad,
            self.min_row,
            last,
            self.box,
            self.keep,
        )
        rest = Table(
            self.cols,
            self.rows[n:],
            self.header,
            self.size,
            self.header_size,
            self.pad,
            self.min_row,
            self.bold_last,
            self.box,
            self.keep,
        )
        _, ws, cells, heights, hh = self._geom
        if not self.bold_last:  # the rows keep their layout (a bold last row would change with the split)
            head._geom = (width, ws, cells[:n], heights[:n], hh)
            rest._geom = (width, ws, cells[n:], heights[n:], hh)
        return head, rest

    def draw(self, canv, x, top, width):
        _, ws, cells, heights, hh = self._layout(width)
        xs = [x]
        for w in ws:
            xs.append(xs[-1] + w)
        total_w = xs[-1] - x
        y = top
        if self.header:
            canv.setFillGray(0.86)
            canv.rect(x, y - hh, total_w, hh, stroke=0, fill=1)
            canv.setFillGray(0)
            for c, x0, w, v in zip(self.cols, xs, ws, self.header):
                base = y - self.pad - self.header_size * 0.95
                for line in _header_lines(v, w, self.header_size):
                    _cell(canv, line, c.align, x0, w, base, BOLD, self.header_size)
                    base -= self.header_size * 1.2
            y -= hh
            canv.setLineWidth(0.9)
            canv.setStrokeGray(0)
            canv.line(x, y, x + total_w, y)
        lead = self.size * 1.2
        canv.setLineWidth(0.4)
        for row, h in zip(cells, heights):
            canv.setFillGray(0)
            for (lines, font), c, x0, w in zip(row, self.cols, xs, ws):
                base = y - self.pad - self.size * 0.95
                if h > len(lines) * lead + 2 * self.pad + 1 and not c.ruled:  # centre vertically in tall rows
                    base -= (h - len(lines) * lead - 2 * self.pad) / 2
                for line in lines:
                    if line:
                        _cell(canv, line, c.align, x0, w, base, font, self.size)
                    base -= lead
                if c.ruled:
                    canv.setStrokeGray(0)
                    canv.setLineWidth(0.6)
                    canv.line(x0 + 3, y - h + 3, x0 + w - 3, y - h + 3)
                    canv.setLineWidth(0.4)
            y -= h
            canv.setStrokeGray(0.55)
            canv.line(x, y, x + total_w, y)
        if self.box:
            canv.setStrokeGray(0)
            canv.setLineWidth(0.8)
            canv.rect(x, y, total_w, top - y, stroke=1, fill=0)


FREE_MIN = 60.0  # pt: the least a free (wrapping) column keeps when fixed columns grow to their cells


def _header_word_width(text, size) -> float:
    """Width (pt, with the cell padding) of the longest word of a header cell."""
    return max((text_width(w, BOLD, size) + 6.5 for w in str(text or "").split()), default=0.0)


def _header_lines(text, w, size) -> list:
    """A header cell wrapped onto as many lines as it needs (a word wider than the column is cut)."""
    return [fit(line, BOLD, size, w - 6) for line in wrap(text, BOLD, size, w - 6)] if text else [""]


def _cell(canv, text, align, x0, w, base, font, size):
    if align == "R":
        draw_text(canv, x0 + w - 3, base, text, font, size, "R")
    elif align == "C":
        draw_text(canv, x0 + w / 2, base, text, font, size, "C")
    else:
        draw_text(canv, x0 + 3, base, text, font, size)


@dataclass
class Boxes(Block):
    """A row of boxed figures: big value over a small label, e.g. the KPIs or a convoy's key times."""

    items: list  # (value, label)
    per_row: int = 3
    value_size: float = 15.0
    label_size: float = 8.0
    label_above: bool = False

    def _rows(self):
        return [self.items[i : i + self.per_row] for i in range(0, len(self.items), self.per_row)]

    def _row_h(self, w):
        lab = max((len(wrap(lbl, REGULAR, self.label_size, w - 8)) for _, lbl in self.items), default=1)
        return self.value_size * 1.15 + lab * self.label_size * 1.2 + 8

    def height(self, width):
        return len(self._rows()) * self._row_h(width / self.per_row)

    def _value_size(self, value, w) -> float:
        """The value's type size: :attr:`value_size`, smaller (down to :data:`MIN_SIZE`) where the value is too
        wide for its box ("05:33 +1 дн." was printed "05:33 +1…")."""
        size = self.value_size
        while size > MIN_SIZE and text_width(str(value), BOLD, size) > w - 8:
            size = max(MIN_SIZE, size - 0.5)
        return size

    def draw(self, canv, x, top, width):
        w = width / self.per_row
        rh = self._row_h(w)
        y = top
        for row in self._rows():
            for i, (value, label) in enumerate(row):
                x0 = x + i * w
                canv.setStrokeGray(0.5)
                canv.setLineWidth(0.5)
                canv.rect(x0, y - rh, w, rh, stroke=1, fill=0)
                lines = wrap(label, REGULAR, self.label_size, w - 8)
                canv.setFillGray(0)
                if self.label_above:
                    yy = y - 3 - self.label_size
                    canv.setFillGray(0.2)
                    for ln in lines:
                        draw_text(canv, x0 + 4, yy, ln, REGULAR, self.label_size)
                        yy -= self.label_size * 1.2
                    canv.setFillGray(0)
                    size = self._value_size(value, w)
                    draw_text(canv, x0 + 4, yy - self.value_size * 0.8, fit(value, BOLD, size, w - 8), BOLD, size)
                else:
                    yy = y - 3 - self.value_size * 0.95
                    size = self._value_size(value, w)
                    draw_text(canv, x0 + 4, yy, fit(value, BOLD, size, w - 8), BOLD, size)
                    yy -= self.value_size * 0.25 + self.label_size * 1.1
                    canv.setFillGray(0.2)
                    for ln in lines:
                        draw_text(canv, x0 + 4, yy, ln, REGULAR, self.label_size)
                        yy -= self.label_size * 1.2
            y -= rh
        canv.setStrokeGray(0)
        canv.setLineWidth(1.0)
        canv.rect(x, y, width, top - y, stroke=1, fill=0)


@dataclass
class Drawing(Block):
    """A fixed-height area drawn by ``fn(canv, x, y_bottom, width, height)`` (maps, legends)."""

    h: float
    fn: Callable

    def height(self, width):
        return self.h

    def draw(self, canv, x, top, width):
        self.fn(canv, x, top - self.h, width, self.h)


@dataclass
class SideBySide(Block):
    """Blocks next to each other in equal columns (``gap`` pt apart)."""

    blocks: list
    gap: float = 10.0
    shares: tuple | None = None  # each block's share of the width (equal when ``None``)

    def _ws(self, width):
        room = width - self.gap * (len(self.blocks) - 1)
        shares = self.shares or (1.0,) * len(self.blocks)
        return [room * sh / sum(shares) for sh in shares]

    def height(self, width):
        return max((b.height(w) for b, w in zip(self.blocks, self._ws(width))), default=0.0)

    def draw(self, canv, x, top, width):
        for b, w in zip(self.blocks, self._ws(width)):
            b.draw(canv, x, top, w)
            x += w + self.gap


@dataclass
class Columns(Block):
    """Blocks flowed down ``n`` side-by-side columns, newspaper style, balanced to the least height.

    A table splits between columns (its header repeats) and, through :meth:`split`,
    between pages; a ``keep_with_next`` heading stays with what follows it.
    """

    blocks: list
    n: int = 2
    gap: float = 12.0
    _fixed: list | None = field(default=None, repr=False)  # the columns as placed (a split's head)
    _balanced: dict = field(default_factory=dict, repr=False)

    def _cw(self, width):
        return (width - self.gap * (self.n - 1)) / self.n

    def _fill(self, cw, h):
        """``(columns, rest)``: the blocks placed in columns ``h`` pt tall, and those left over."""
        cols, todo = [], list(self.blocks)
        for _ in range(self.n):
            col, used = [], 0.0
            while todo:
                b = todo[0]
                bh = b.height(cw)
                need = bh
                if isinstance(b, Text) and b.keep_with_next and len(todo) > 1:
                    need = bh + _min_height(todo[1], cw)
                if used + need <= h + 1e-6 or (not col and not _splittable(b)):
                    col.append(todo.pop(0))
                    used += bh
                    continue
                parts = b.split(cw, h - used) if _splittable(b) else None
                if parts is not None:
                    col.append(parts[0])
                    todo[0] = parts[1]
                    if not parts[1].rows:
                        todo.pop(0)
                break
            cols.append(col)
        return cols, todo

    def _columns(self, width):
        if self._fixed is not None:
            return self._fixed
        cw = self._cw(width)
        if width not in self._balanced:
            lo = max((_min_height(b, cw) for b in self.blocks), default=0.0)
            hi = max(sum(b.height(cw) for b in self.blocks), lo)
            for _ in range(18):  # bisection on the column height: the least that holds every block
                mid = (lo + hi) / 2
                if self._fill(cw, mid)[1]:
                    lo = mid
                else:
                    hi = mid
            self._balanced[width] = self._fill(cw, hi)[0]
        return self._balanced[width]

    def height(self, width):
        cw = self._cw(width)
        return max((sum(b.height(cw) for b in col) for col in self._columns(width)), default=0.0)

    def first_height(self, width):
        return _min_height(self.blocks[0], self._cw(width)) if self.blocks else 0.0

    def split(self, width, avail):
        """``(head, rest)``: columns filled to ``avail`` pt and a block of what is left; ``None``: nothing fits."""
        cols, rest = self._fill(self._cw(width), avail)
        if not cols or not cols[0]:
            return None
        return Columns([b for c in cols for b in c], self.n, self.gap, _fixed=cols), Columns(rest, self.n, self.gap)

    @property
    def rows(self):  # what :func:`flow` asks of a split's rest: is anything left
        return self.blocks

    def draw(self, canv, x, top, width):
        cw = self._cw(width)
        for i, col in enumerate(self._columns(width)):
            y = top
            for b in col:
                b.draw(canv, x + i * (cw + self.gap), y, cw)
                y -= b.height(cw)


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
