"""The open plan as a Qt object: model + network + undo stack + results + selection.

Views (map, tree, properties, result panels) observe a :class:`PlanDocument`
through its signals and never change ``doc.plan`` themselves: every edit is a
command from :mod:`ui.commands` pushed on ``doc.undo_stack``. This is the
model half of the napari-like model/view split (DESIGN.md section 2).
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.compute import ComputeResult  # noqa: F401  (re-exported: what one compute produced)
from planner.plan import Plan, find_element


class _FallbackProjection:
    """Local transverse-Mercator-free projection used only while no network is loaded.

    Equirectangular metres around the plan's centre: good to well under a metre
    over a city, enough to draw and edit a plan whose network is missing.
    """

    R = 6_371_008.8

    def __init__(self, lon0: float, lat0: float):
        self.lon0, self.lat0 = lon0, lat0
        self.k = math.radians(1.0) * self.R
        self.c = math.cos(math.radians(lat0))

    def to_projected(self, lon, lat):
        return (lon - self.lon0) * self.k * self.c, (lat - self.lat0) * self.k

    def to_wgs84(self, x, y):
        return x / (self.k * self.c) + self.lon0, y / self.k + self.lat0


def _plan_centre(plan: Plan) -> tuple[float, float]:
    lons, lats = [], []
    for el in plan.elements():
        if hasattr(el, "lon"):
            lons.append(el.lon)
            lats.append(el.lat)
        for attr in ("line", "polygon", "points"):
            for lon, lat in getattr(el, attr, ()) or ():
                lons.append(lon)
                lats.append(lat)
    if not lons:
        return 0.0, 0.0
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2


class PlanDocument(QObject):
    """One open plan.

    Attributes
    ----------
    plan : planner.plan.Plan
        The model (single source of truth).
    network : planner.network.RoadNetwork or None
        The plan's road network when it is in the store.
    undo_stack : QUndoStack
        Every edit of ``plan`` goes through it.
    path : pathlib.Path or None
        The file the plan was opened from / saved to.
    results : ComputeResult or None
        The last compute's output; commands clear it (it no longer matches the plan).
    selection : list[str]
        Selected element ids.
    """

    elementAdded = Signal(str)
    elementChanged = Signal(str)
    elementRemoved = Signal(str)
    planReset = Signal()
    planChanged = Signal()  # plan-level fields (name, window, rules, notes) edited
    resultsChanged = Signal()
    selectionChanged = Signal(list)
    modifiedChanged = Signal(bool)

    def __init__(self, plan: Plan, network=None, path: Path | None = None, parent=None):
        super().__init__(parent)
        self.plan = plan
        self.network = network
        self.path = Path(path) if path is not None else None
        self.results = None
        self.selection: list[str] = []
        self.undo_stack = QUndoStack(self)
        self._dirty = False  # modified outside the undo stack (recovered plan, new plan)
        self._fallback = None
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # ------------------------------------------------------------ model access

    def element(self, element_id):
        """The plan element with this id, or ``None``."""
        return find_element(self.plan, element_id)

    def set_plan(self, plan: Plan, network=None, path=None, *, modified: bool = False) -> None:
        """Replace the whole plan (open, new, recover): clears undo history, results and selection."""
        self.plan = plan
        self.network = network
        self.path = Path(path) if path is not None else None
        self._fallback = None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.selection = []
        self.set_results(None)
        self._dirty = modified
        self.planReset.emit()
        self.selectionChanged.emit([])
        self.modifiedChanged.emit(self.is_modified())

    def set_network(self, network) -> None:
        """Swap the loaded network object (views rebuild); the plan's reference is edited by a command."""
        self.network = network
        self._fallback = None
        self.planReset.emit()

    def set_results(self, results) -> None:
        """Replace (or clear with ``None``) the compute results."""
        if results is None and self.results is None:
            return
        self.results = results
        self.resultsChanged.emit()

    # ------------------------------------------------------------ selection

    def set_selection(self, ids) -> None:
        """Select these element ids (unknown ids are dropped)."""
        ids = [i for i in dict.fromkeys(ids) if self.element(i) is not None]
        if ids == self.selection:
            return
        self.selection = ids
        self.selectionChanged.emit(list(ids))

    # ------------------------------------------------------------ modified state

    def is_modified(self) -> bool:
        return self._dirty or not self.undo_stack.isClean()

    def mark_saved(self, path=None) -> None:
        """The plan now matches the file at ``path`` (or ``self.path``)."""
        if path is not None:
            self.path = Path(path)
        was = self.is_modified()
        self._dirty = False
        self.undo_stack.setClean()
        if was:
            self.modifiedChanged.emit(False)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(self.is_modified())

    # ------------------------------------------------------------ coordinates

    def _projection(self):
        if self.network is not None:
            return self.network
        if self._fallback is None:
            self._fallback = _FallbackProjection(*_plan_centre(self.plan))
        return self._fallback

    def to_scene(self, lon, lat):
        """Scene coordinates of a WGS84 point: projected metres with y flipped, ``(x, -y)``."""
        x, y = self._projection().to_projected(lon, lat)
        return float(x), -float(y)

    def from_scene(self, x, y):
        """WGS84 ``(lon, lat)`` of a scene point."""
        lon, lat = self._projection().to_wgs84(x, -y)
        return float(lon), float(lat)
