"""Tables for the page layout of :mod:`planner.export.layout`: columns, a header row that repeats on every
page, rows split between pages, cells that wrap only where their column asks for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.export.fonts import BOLD, REGULAR
from planner.export.layout import Block, draw_text, fit, text_width, wrap


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
    _geom: tuple | None = field(default=None, repr=False)

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
