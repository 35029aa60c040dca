"""Checkpoint queues as reservation tables: per lane, sorted disjoint busy intervals (seconds).

A vehicle holds one lane for the checkpoint's service time (hold included),
only inside the open hours and a daylight part of the window. Queries give the
earliest start at or after an arrival time; reservations are exact, so at most
``lanes`` vehicles are ever in service at once.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from planner.schedule.model import INF


class Lanes:
    """Reservation tables of one checkpoint: per lane, sorted disjoint busy intervals."""

    def __init__(self, spec, segments):
        self.id = spec.id
        self.s = float(spec.service_s)
        self.n = max(1, int(spec.lanes))
        # service must lie inside open hours and inside a daylight part of the window
        opens = []
        for a, b in spec.open:
            for sa, sb in segments:
                lo, hi = max(a, sa), min(b, sb)
                if hi - lo >= self.s and hi > lo:
                    opens.append((lo, hi))
        opens.sort()
        self.open_a = [a for a, _ in opens]
        self.open_b = [b for _, b in opens]
        self.single = len(self.open_a) == 1
        self.snap = False  # see earliest()
        self.grid = None  # start times only at grid + k * service (see earliest())
        self.starts = [[] for _ in range(self.n)]
        self.ends = [[] for _ in range(self.n)]

    def _fit_open(self, t):
        if self.single:  # open the whole time: the common case, kept fast
            lo = self.open_a[0] if t < self.open_a[0] else t
            return lo if self.open_b[0] - lo >= self.s else INF
        i = bisect_right(self.open_b, t) if self.s > 0 else bisect_left(self.open_b, t)
        while i < len(self.open_b):
            lo = max(self.open_a[i], t)
            if self.open_b[i] - lo >= self.s:
                return lo
            i += 1
        return INF

    def earliest(self, t):
        """Earliest service start ≥ t on any lane: (start_s, lane).

        With ``grid`` set, services start only at ``grid + k * s`` (rows of passes on
        every lane, no gaps shorter than a service anywhere)."""
        if self.grid is not None and self.s > 0:
            return self._earliest_on_grid(t)
        s = self.s
        u0 = self._fit_open(t)
        if s <= 0 or u0 == INF:
            return u0, 0
        # earliest start; among lanes with the same start, the one idle for the shortest
        # time before it (best fit), so passes chain up and leave no unusable gaps
        best, best_lane, best_idle = INF, -1, INF
        for lane in range(self.n):
            starts, ends = self.starts[lane], self.ends[lane]
            u = u0
            i = bisect_right(ends, u)
            while u < INF and i < len(starts) and starts[i] < u + s:
                u = self._fit_open(ends[i])
                i = bisect_right(ends, u)
            if self.snap and i > 0 and u < INF and (u - ends[i - 1]) % s > 1e-6:
                # the gap before this pass would leave a remainder too short for anyone:
                # start later so the gap holds a whole number of passes
                v = self._fit_open(ends[i - 1] + math.ceil((u - ends[i - 1]) / s) * s)
                if v < INF and (i >= len(starts) or starts[i] >= v + s):
                    u = v
            if u > best:
                continue
            idle = u - ends[i - 1] if i > 0 else INF
            if u < best or idle < best_idle:
                best, best_lane, best_idle = u, lane, idle
        return best, best_lane

    def _earliest_on_grid(self, t):
        s, g = self.s, self.grid
        u = self._fit_open(t)
        while u < INF:
            u = g + math.ceil((u - g) / s - 1e-9) * s
            v = self._fit_open(u)
            if v != u:  # the grid point is outside the open hours: the next one that is inside
                u = v
                continue
            for lane in range(self.n):
                starts = self.starts[lane]
                i = bisect_left(starts, u - s + 1e-6)
                if i >= len(starts) or starts[i] >= u + s - 1e-6:
                    return u, lane
            u += s
        return INF, 0

    def reserve(self, lane, start):
        if self.s <= 0:
            return
        i = bisect_left(self.starts[lane], start)
        self.starts[lane].insert(i, start)
        self.ends[lane].insert(i, start + self.s)

    def release(self, lane, start):
        if self.s <= 0:
            return
        i = bisect_left(self.starts[lane], start)
        while self.starts[lane][i] != start:
            i += 1
        del self.starts[lane][i]
        del self.ends[lane][i]
