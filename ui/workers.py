"""Background work for the GUI: compute, OSM import, fetch, off the GUI thread.

The GUI never computes itself: :func:`compute_plan` calls the engine's
:func:`planner.compute.compute_plan` (validation, routing, scheduling), the same
function as ``evacplan schedule``, on a copy of the plan, and a
:class:`TaskWorker` runs it off the GUI thread. Cancelling sets a flag that the
progress callback turns into :class:`planner.errors.Cancelled`, so the engine
stops at its next progress report and nothing partial comes back.

Workers run on Python threads (``threading.Thread``), not ``QThreadPool``: the
engine uses pyproj, whose per-thread PROJ context is freed when a native (Qt)
thread drops its Python thread state, so a second compute on a reused pool
thread segfaults (pyproj issues #1509, #1622). Results come back through Qt
signals, which queue them onto the GUI thread.
"""

from __future__ import annotations

import copy
import inspect
import json
import threading
import traceback

from PySide6.QtCore import QObject, Signal

from planner.compute import compute_plan as engine_compute
from planner.errors import Cancelled, EvacplanError
from planner.plan import ERROR, Problem


def compute_plan(plan, net, progress, bound_effort_s=None):
    """Validate, route and schedule ``plan``: :func:`planner.compute.compute_plan` on a thread-private network.

    ``bound_effort_s``: the tightened bound (seconds of one core a solver run); its runs report progress and
    a cancel stops between two of them.
    """
    return engine_compute(plan, thread_private(net), progress=progress, bound_effort_s=bound_effort_s)


def export_schedule(fn, schedule, plan, net, path, routes=None, progress=None):
    """Call an exporter of ``planner.export`` with the arguments its signature takes.

    Exporters share ``(schedule, plan, [net,] path)``; ``routes`` and ``progress``
    are passed to those that accept them.
    """
    params = inspect.signature(fn).parameters
    args = [schedule, plan] + ([thread_private(net)] if "net" in params else []) + [path]
    kwargs = {}
    if "routes" in params and routes is not None:
        kwargs["routes"] = routes
    if "progress" in params and progress is not None:
        kwargs["progress"] = progress
    elif progress is not None:
        progress(None, f"writing {path}")
    return fn(*args, **kwargs)


def thread_private(net):
    """A shallow copy of a RoadNetwork for another thread: same arrays, its own pyproj transformers.

    pyproj ``Transformer`` objects must not be used from two threads at once
    (segfault), and the GUI thread keeps projecting with the network's own.
    """
    if net is None or not isinstance(getattr(net, "_cache", None), dict):
        return net
    twin = copy.copy(net)
    twin._cache = {k: v for k, v in net._cache.items() if k != "tf"}
    return twin


def schedule_json(schedule) -> dict | None:
    """The contract dict (design section 10) of a Schedule, whatever ``to_json`` returns."""
    if schedule is None:
        return None
    data = schedule.to_json() if hasattr(schedule, "to_json") else schedule
    if isinstance(data, (str, bytes)):
        data = json.loads(data)
    return data


# ---------------------------------------------------------------- worker


class WorkerSignals(QObject):
    """Signals of a :class:`TaskWorker` (QRunnable is not a QObject)."""

    # fraction in [0, 1], or -1 when unknown (a None through a queued Signal(object) trips a PySide6 refcount bug)
    progress = Signal(float, str)
    finished = Signal(object)  # the function's return value
    failed = Signal(str, str)  # message, traceback text ("" for EvacplanError)
    cancelled = Signal()


class TaskWorker:
    """Run ``fn(*args, progress=callback, **kwargs)`` on its own Python thread (``start()``).

    Exactly one of ``signals.finished``, ``signals.failed`` or ``signals.cancelled``
    is emitted. ``cancel()`` may be called from the GUI thread at any time.
    """

    # Workers still running: a worker whose window closed must outlive its thread.
    _running: set = set()

    def __init__(self, fn, *args, **kwargs):
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()
        self.thread = None

    def start(self) -> None:
        TaskWorker._running.add(self)
        self.thread = threading.Thread(
            target=self.run, name=f"evacplan-{getattr(self.fn, '__name__', 'task')}", daemon=True
        )
        self.thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, fraction, message):
        if self._cancel.is_set():
            raise Cancelled("cancelled by the planner")
        self.signals.progress.emit(-1.0 if fraction is None else float(fraction), str(message))

    def run(self):
        try:
            result = self.fn(*self.args, progress=self._progress, **self.kwargs)
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)
        except Cancelled:
            self.signals.cancelled.emit()
        except EvacplanError as exc:
            self.signals.failed.emit(str(exc), "")
        except Exception as exc:  # a bug in the engine: report it, never kill the GUI
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}", traceback.format_exc())
        finally:
            self.done.set()
            TaskWorker._running.discard(self)


def problem_from_error(message: str) -> Problem:
    """A plan-wide error problem for an engine failure message."""
    return Problem(ERROR, None, "", message)
