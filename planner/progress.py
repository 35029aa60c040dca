"""Progress reporting for long work, shared by the CLI and the GUI workers.

A progress callback has the signature ``progress(fraction, message)`` with
``fraction`` in [0, 1] (or ``None`` when unknown). It may raise
:class:`planner.errors.Cancelled` to stop the work; engine functions let that
exception through untouched.
"""

import sys
import time
from typing import Callable, Optional

ProgressFn = Callable[[Optional[float], str], None]


def null_progress(fraction, message):
    """Progress callback that ignores everything."""


def stderr_progress(fraction, message, _state={"last": 0.0}):
    """Progress callback for the CLI: one line on stderr, at most 10 a second."""
    now = time.monotonic()
    if fraction is not None and 0.0 < fraction < 1.0 and now - _state["last"] < 0.1:
        return
    _state["last"] = now
    pct = "" if fraction is None else f"{100 * fraction:5.1f}% "
    print(f"{pct}{message}", file=sys.stderr, flush=True)


def scaled(progress: ProgressFn, start: float, stop: float) -> ProgressFn:
    """Map a sub-task's [0, 1] progress onto [start, stop] of the parent's."""

    def inner(fraction, message):
        progress(None if fraction is None else start + (stop - start) * fraction, message)

    return inner
