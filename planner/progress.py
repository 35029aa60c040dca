"""Progress reporting for long work, shared by the CLI and the GUI workers.

A progress callback has the signature ``progress(fraction, message)`` with
``fraction`` in [0, 1] (or ``None`` when unknown). It may raise
:class:`planner.errors.Cancelled` to stop the work; engine functions let that
exception through untouched.

Progress is for the person waiting; diagnostics go to :mod:`logging` (the
``planner`` loggers, see :mod:`planner.log`). :class:`StderrProgress` does both:
it prints throttled lines on stderr and logs every report at DEBUG.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import TextIO

ProgressFn = Callable[[float | None, str], None]
"""A progress callback: ``progress(fraction, message)``."""

log = logging.getLogger(__name__)


def null_progress(fraction: float | None, message: str) -> None:
    """Progress callback that ignores everything."""


class StderrProgress:
    """Progress callback for the CLI: one line on a stream (stderr), at most ``1 / min_interval`` a second.

    Each instance keeps its own clock, so two runs (or two threads with one
    callback each) never throttle each other.

    Parameters
    ----------
    stream : text stream, optional
        Where the lines go; ``sys.stderr`` at the time of each report when not given
        (so pytest's capture and redirections see them).
    min_interval : float
        Shortest time between two printed lines, in seconds. The first report, the
        last (``fraction`` 1), reports with no fraction and reports with fraction 0
        are always printed.
    clock : callable, optional
        Monotonic clock in seconds (``time.monotonic``); tests pass their own.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        min_interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._min_interval = min_interval
        self._clock = clock
        self._last: float | None = None

    def __call__(self, fraction: float | None, message: str) -> None:
        log.debug("progress %s: %s", "-" if fraction is None else f"{fraction:.3f}", message)
        now = self._clock()
        in_between = fraction is not None and 0.0 < fraction < 1.0
        if in_between and self._last is not None and now - self._last < self._min_interval:
            return
        self._last = now
        pct = "" if fraction is None else f"{100 * fraction:5.1f}% "
        print(f"{pct}{message}", file=self._stream or sys.stderr, flush=True)


def scaled(progress: ProgressFn, start: float, stop: float) -> ProgressFn:
    """Map a sub-task's [0, 1] progress onto [start, stop] of the parent's."""

    def inner(fraction: float | None, message: str) -> None:
        progress(None if fraction is None else start + (stop - start) * fraction, message)

    return inner
