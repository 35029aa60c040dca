"""Composite blocks for the page layout of :mod:`planner.export.layout`: boxes of label and value, a drawing
callback, blocks side by side, and blocks flowed down newspaper columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from planner.export.fonts import BOLD, REGULAR
from planner.export.layout import MIN_SIZE, Block, Text, _min_height, _splittable, draw_text, fit, text_width, wrap


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
