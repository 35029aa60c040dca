"""What the schedule views share: convoy colours, time formats, translated names of states and segments.

Nothing here computes a figure of the schedule; the figures come from
:mod:`planner.schedule.timeline` and the :mod:`planner.schedule.result` objects.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from planner.export.common import clock

# Convoy colours: readable on the light map and in tables (Tableau 10 without its red and orange, which
# mean "waiting" and "loading" in the Gantt).
CONVOY_COLOURS = [
    "#4e79a7",
    "#59a14f",
    "#b07aa1",
    "#76b7b2",
    "#9c755f",
    "#edc948",
    "#17becf",
    "#ff9da7",
    "#8c6d31",
    "#637939",
]


def convoy_colour(convoy_id, index=None) -> QColor:
    """Stable colour of a convoy (``C3`` -> third colour)."""
    if index is None:
        digits = "".join(ch for ch in str(convoy_id) if ch.isdigit())
        index = int(digits) - 1 if digits else abs(hash(convoy_id))
    return QColor(CONVOY_COLOURS[index % len(CONVOY_COLOURS)])


def schedule_of(doc):
    """The typed schedule (``planner.schedule.result.Schedule``) of a document's results, or ``None``."""
    s = getattr(getattr(doc, "results", None), "schedule", None)
    return s if s is not None and hasattr(s, "kpis") else None


def fmt_time(t: datetime | None, day0=None, *, latest: bool = False) -> str:
    """``HH:MM`` (with ``+1d`` when on a later day than the date ``day0``), rounded as the printed schedule
    rounds (:func:`planner.export.common.clock`): up to the minute, so the GUI and the PDF a convoy leader
    holds show the same times; ``latest=True`` (a latest safe departure) rounds down."""
    if t is None:
        return "—"
    # "+1d", as the PDF writes it ("+1 дн." in Ukrainian and Russian)
    return clock(t, day0, latest=latest, later_day=_later_day)


def _later_day(n: int) -> str:
    return QCoreApplication.translate("Units", "+{n}d").format(n=n)


def fmt_duration(d: timedelta | float) -> str:
    """``42 min`` or ``1 h 05 min`` (seconds accepted for a float)."""
    seconds = d.total_seconds() if isinstance(d, timedelta) else float(d)
    m = round(seconds / 60)
    h = QCoreApplication.translate("Units", "h")
    mins = QCoreApplication.translate("Units", "min")
    return f"{m // 60} {h} {m % 60:02d} {mins}" if m >= 60 else f"{m} {mins}"


def state_label(state: str) -> str:
    """Translated name of a ``planner.schedule.timeline`` position state."""
    names = {
        "forming": QCoreApplication.translate("ConvoyState", "forming up, not yet departed"),
        "driving": QCoreApplication.translate("ConvoyState", "on the road"),
        "boarding": QCoreApplication.translate("ConvoyState", "boarding at an assembly point"),
        "queued": QCoreApplication.translate("ConvoyState", "queued at a checkpoint"),
        "checked": QCoreApplication.translate("ConvoyState", "being checked at a checkpoint"),
        "halted": QCoreApplication.translate("ConvoyState", "halted"),
        "unloading": QCoreApplication.translate("ConvoyState", "unloading at the reception point"),
        "done": QCoreApplication.translate("ConvoyState", "round finished"),
    }
    return names.get(state, state)


def segment_label(kind: str) -> str:
    """Translated name of a ``planner.schedule.timeline.Segment`` kind."""
    names = {
        "drive_in": QCoreApplication.translate("Segment", "driving in (empty)"),
        "stop": QCoreApplication.translate("Segment", "boarding"),
        "queue": QCoreApplication.translate("Segment", "queued at a checkpoint"),
        "check": QCoreApplication.translate("Segment", "checkpoint passage"),
        "halt": QCoreApplication.translate("Segment", "halt"),
        "drive_out": QCoreApplication.translate("Segment", "driving out (loaded)"),
        "unload": QCoreApplication.translate("Segment", "unloading"),
    }
    return names.get(kind, kind)


def direction_label(direction: str) -> str:
    return {
        "in": QCoreApplication.translate("Direction", "in (empty)"),
        "out": QCoreApplication.translate("Direction", "out (loaded)"),
    }.get(direction, direction)


def reason_label(reason: str) -> str:
    """Translated unserved reason (``planner.schedule.result.UNSERVED_REASONS``)."""
    names = {
        "unreachable": QCoreApplication.translate("Reason", "unreachable"),
        "destination capacity": QCoreApplication.translate("Reason", "destination capacity"),
        "window": QCoreApplication.translate("Reason", "window"),
        "checkpoint throughput": QCoreApplication.translate("Reason", "checkpoint throughput"),
        "escorts": QCoreApplication.translate("Reason", "escorts"),
        "fleet": QCoreApplication.translate("Reason", "fleet"),
        "priority rule": QCoreApplication.translate("Reason", "priority rule"),
    }
    return names.get(reason, reason)


def element_name(doc, element_id) -> str:
    """``P2 Hospital`` for a plan element id (the id alone when the plan has no such element)."""
    el = doc.element(element_id) if element_id else None
    return f"{element_id} {el.name}" if el is not None else str(element_id or "")
