"""Progress reporting for long work, shared by the CLI and the GUI workers.

A progress callback has the signature ``progress(fraction, message)`` with
``fraction`` in [0, 1] (or ``None`` when unknown). It may raise
:class:`planner.errors.Cancelled` to stop the work; engine functions let that
exception through untouched.

Progress is for the person waiting; diagnostics go to :mod:`logging` (the
``planner`` loggers, see :mod:`planner.log`). :class:`StderrProgress` does both:
it prints throttled lines on stderr and logs every report at DEBUG.

Messages are English. :data:`STEPS` lists every step the engine reports, by a
stable code, and :func:`parse_step` reads a message back into its code and
parameters, so a translated front end can say it in its own language (a Qt
signal carries the text only).
"""

from __future__ import annotations

import logging
import re
import string
import sys
import time
from collections.abc import Callable
from typing import TextIO

from planner.messages import Message

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


#: Every progress step of the engine: ``code -> English template`` (see :mod:`planner.messages`).
STEPS = {
    # a compute (planner.compute, planner.routing.plan, planner.schedule.build)
    "checking": "checking the plan",
    "usable_network": "building the usable road network",
    "matrix": "travel-time matrix",
    "routes_pair": "routes {pickup} -> {destination}",
    "explaining": "explaining unreachable pairs",
    "routes_count": "{n:d} routes",
    "forming_convoys": "forming convoys",
    "upper_bound": "upper bound",
    "tightening_bound": "tightening the upper bound: part {done:d} of {total:d}",
    "buses_needed": "buses needed to move everyone",
    "packaging": "packaging the schedule",
    "people_out": "{out:d} of {demand:d} people out",
    "done": "done",
    # road networks (planner.network)
    "demo_network": "building the offline demo network from {file} (once)",
    "reading": "reading {file}",
    "reading_roads": "reading {file}: {n:d} roads",
    "building_graph": "building the graph from {n:d} roads",
    "largest_part": "keeping the largest strongly connected part",
    "simplifying": "simplifying {n:d} nodes",
    "speeds": "adding speeds and travel times",
    "projecting": "projecting to the local UTM zone",
    "imported": "imported {name}: {nodes:d} nodes, {edges:d} edges",
    "downloading": "downloading {place} from OpenStreetMap",
    # what-if runs (planner.whatif.run) and exports
    "variant": "variant {name}",
    "runs_started": "{n:d} runs started",
    "runs_progress": "{done:d} of {n:d} runs done",
    "runs_done": "{n:d} runs done",
    "writing": "writing {path}",
}


def step(code: str, **params: object) -> str:
    """The English message of step ``code`` (what the engine passes to ``progress``)."""
    return Message(code, STEPS[code], params).text


def _pattern(template: str) -> re.Pattern:
    parts = []
    for literal, name, spec, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(rf"(?P<{name}>\d+)" if spec == "d" else rf"(?P<{name}>.+?)")
    return re.compile("".join(parts))


# the most specific template first: "reading {file}: {n:d} roads" before "reading {file}"
_PATTERNS = sorted(
    ((code, _pattern(t)) for code, t in STEPS.items()),
    key=lambda cp: -len(re.sub(r"\(\?P<\w+>[^)]*\)", "", cp[1].pattern)),
)


def parse_step(message: str) -> Message | None:
    """The :class:`~planner.messages.Message` of a progress ``message`` (``None`` when it is no known step).

    >>> m = parse_step("1424 of 3254 people out")
    >>> m.code, m.params
    ('people_out', {'out': 1424, 'demand': 3254})
    """
    for code, pat in _PATTERNS:
        m = pat.fullmatch(message)
        if m:
            params = {k: int(v) if v.isdigit() else v for k, v in m.groupdict().items()}
            return Message(code, STEPS[code], params)
    return None
