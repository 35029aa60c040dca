"""Undo commands: the only way the GUI changes a plan.

Each command mutates ``doc.plan``, emits the matching :class:`ui.document.PlanDocument`
signal and is exactly reversible: after ``undo()`` the plan serialises
(``planner.plan.plan_to_dict``) to what it was before ``redo()``. Results are
stale after an edit, so ``redo()`` clears ``doc.results``; ``undo()`` gives back
the results that were showing before the edit (they match the restored plan).

Field paths name a field the way the plan file does: ``"name"``,
``"people.general"``, ``"vehicles[0].count"``, ``"window.start"``,
``"rules.max_convoy_size"``.
"""

from __future__ import annotations

import copy
import re

from PySide6.QtGui import QUndoCommand

from planner.plan import NetworkRef, describe, layer_of

_MOVE_ID = 7301  # QUndoCommand.id() of MoveElementCommand, for mergeWith
_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?$")
_GEOMETRY_FIELDS = ("line", "polygon", "points")


# ---------------------------------------------------------------- field paths


def _resolve(root, path: str):
    """``(container, key)`` for a field path; ``key`` is an attribute name or a list index."""
    obj = root
    steps = path.split(".")
    for i, step in enumerate(steps):
        m = _STEP.match(step)
        if m is None:
            raise KeyError(f"bad field path {path!r}")
        name, index = m.group(1), m.group(2)
        last = i == len(steps) - 1
        if not hasattr(obj, name):
            raise KeyError(f"{type(obj).__name__} has no field {name!r} (in {path!r})")
        if index is None:
            if last:
                return obj, name
            obj = getattr(obj, name)
        else:
            seq = getattr(obj, name)
            idx = int(index)
            if not 0 <= idx < len(seq):
                raise KeyError(f"{path!r}: index {idx} out of range")
            if last:
                return seq, idx
            obj = seq[idx]
    raise KeyError(f"empty field path {path!r}")


def get_field(root, path: str):
    """The value at a field path of an element or plan."""
    obj, key = _resolve(root, path)
    return obj[key] if isinstance(key, int) else getattr(obj, key)


def _set_field(root, path: str, value) -> None:
    obj, key = _resolve(root, path)
    if isinstance(key, int):
        obj[key] = value
    else:
        setattr(obj, key, value)


def geometry_of(element):
    """An element's geometry: ``(lon, lat)`` for points, else a list of ``(lon, lat)``."""
    for attr in _GEOMETRY_FIELDS:
        if hasattr(element, attr):
            return [tuple(c) for c in getattr(element, attr)]
    return (element.lon, element.lat)


def _set_geometry(element, geometry) -> None:
    for attr in _GEOMETRY_FIELDS:
        if hasattr(element, attr):
            setattr(element, attr, [tuple(map(float, c)) for c in geometry])
            return
    lon, lat = geometry
    element.lon, element.lat = float(lon), float(lat)


# ---------------------------------------------------------------- base


class PlanCommand(QUndoCommand):
    """Keeps the results shown before the edit so undo can show them again."""

    def __init__(self, doc, text: str):
        super().__init__(text)
        self.doc = doc
        self._results_before = None

    def _stale(self) -> None:
        self._results_before = self.doc.results
        self.doc.set_results(None)

    def _restore_results(self) -> None:
        self.doc.set_results(self._results_before)
        self._results_before = None


# ---------------------------------------------------------------- element commands


def _element(doc, element_id: str):
    """The plan element with ``element_id``; ``KeyError`` if there is none."""
    element = doc.element(element_id)
    if element is None:
        raise KeyError(f"no element {element_id!r} in the plan")
    return element


def _take_out(doc, layer: str, index: int, element) -> None:
    """Remove ``element``, at ``index`` of its ``layer``, from the plan and from the selection."""
    del getattr(doc.plan, layer)[index]
    if element.id in doc.selection:
        doc.set_selection([i for i in doc.selection if i != element.id])


class AddElementCommand(PlanCommand):
    """Append ``element`` to its layer (``layer_of(element)``)."""

    def __init__(self, doc, element):
        super().__init__(doc, f"Add {describe(element)}")
        if doc.element(element.id) is not None:
            raise ValueError(f"the plan already has an element with id {element.id!r}")
        self.element = element
        self.layer = layer_of(element)
        self.index = None

    def redo(self):
        items = getattr(self.doc.plan, self.layer)
        if self.index is None:
            self.index = len(items)
        items.insert(self.index, self.element)
        self._stale()
        self.doc.elementAdded.emit(self.element.id)

    def undo(self):
        _take_out(self.doc, self.layer, self.index, self.element)
        self.doc.elementRemoved.emit(self.element.id)
        self._restore_results()


class RemoveElementCommand(PlanCommand):
    """Remove the element with ``element_id`` from its layer (undo puts it back at the same place)."""

    def __init__(self, doc, element_id: str):
        element = _element(doc, element_id)
        super().__init__(doc, f"Delete {describe(element)}")
        self.element = element
        self.layer = layer_of(element)
        self.index = None

    def redo(self):
        items = getattr(self.doc.plan, self.layer)
        self.index = next(i for i, el in enumerate(items) if el is self.element)
        _take_out(self.doc, self.layer, self.index, self.element)
        self._stale()
        self.doc.elementRemoved.emit(self.element.id)

    def undo(self):
        getattr(self.doc.plan, self.layer).insert(self.index, self.element)
        self.doc.elementAdded.emit(self.element.id)
        self._restore_results()


class MoveElementCommand(PlanCommand):
    """Move an element: ``new_geometry`` is ``(lon, lat)`` for a point element, a list of
    ``(lon, lat)`` for corridors (line), hazard zones (polygon) and closures (points).

    Consecutive moves of the same element merge into one undo step (a drag pushes
    one command per mouse move). Pass the same ``merge_key`` (for example a
    counter incremented on every mouse press) to all moves of one drag so two
    separate drags of the same element stay two undo steps.
    """

    def __init__(self, doc, element_id: str, new_geometry, merge_key=None):
        element = _element(doc, element_id)
        super().__init__(doc, f"Move {describe(element)}")
        self.element_id = element_id
        self.old_geometry = geometry_of(element)
        self.new_geometry = self._norm(new_geometry)
        self.merge_key = merge_key

    @staticmethod
    def _norm(g):
        if len(g) == 2 and not isinstance(g[0], (list, tuple)):
            return (float(g[0]), float(g[1]))
        return [(float(a), float(b)) for a, b in g]

    def id(self):
        return _MOVE_ID

    def mergeWith(self, other) -> bool:
        if not isinstance(other, MoveElementCommand) or other.element_id != self.element_id:
            return False
        if self.merge_key != other.merge_key:
            return False
        self.new_geometry = other.new_geometry
        return True

    def _apply(self, geometry):
        element = self.doc.element(self.element_id)
        _set_geometry(element, geometry)
        self.doc.elementChanged.emit(self.element_id)

    def redo(self):
        self._apply(self.new_geometry)
        self._stale()

    def undo(self):
        self._apply(self.old_geometry)
        self._restore_results()


class _FieldsCommand(PlanCommand):
    """Sets field paths (``self.new``) and restores the old values (``self.old``) through ``_apply``."""

    def redo(self):
        self._apply(self.new)
        self._stale()

    def undo(self):
        # reverse order, so overlapping paths ("vehicles", "vehicles[0].count") restore right
        self._apply(dict(reversed(list(self.old.items()))))
        self._restore_results()


class EditElementCommand(_FieldsCommand):
    """Set fields of one element: ``changes`` maps field path (``"people.general"``) to new value."""

    def __init__(self, doc, element_id: str, changes: dict):
        element = _element(doc, element_id)
        if "id" in changes:
            raise ValueError("element ids cannot be edited")
        fields = ", ".join(changes)
        super().__init__(doc, f"Edit {describe(element)}: {fields}")
        self.element_id = element_id
        self.new = {k: copy.deepcopy(v) for k, v in changes.items()}
        self.old = {k: copy.deepcopy(get_field(element, k)) for k in changes}

    def _apply(self, values):
        element = self.doc.element(self.element_id)
        for path, value in values.items():
            _set_field(element, path, copy.deepcopy(value))
        self.doc.elementChanged.emit(self.element_id)


class EditPlanCommand(_FieldsCommand):
    """Set plan-level fields: ``name``, ``notes``, ``window.start``, ``rules.max_convoy_size``, ...

    Changing ``network`` (a :class:`planner.plan.NetworkRef`) emits ``planReset``
    (views rebuild); the caller loads the network object into ``doc.network``
    with :class:`ChangeNetworkCommand` instead when it has one.
    """

    def __init__(self, doc, changes: dict, text: str | None = None):
        super().__init__(doc, text or "Edit plan: " + ", ".join(changes))
        self.new = {k: copy.deepcopy(v) for k, v in changes.items()}
        self.old = {k: copy.deepcopy(get_field(doc.plan, k)) for k in changes}

    def _apply(self, values):
        for path, value in values.items():
            _set_field(self.doc.plan, path, copy.deepcopy(value))
        if any(p == "network" or p.startswith("network.") for p in values):
            self.doc.planReset.emit()
        self.doc.planChanged.emit()


class ChangeNetworkCommand(PlanCommand):
    """Put the plan on another stored network: sets ``plan.network`` (name, sha256) and ``doc.network``."""

    def __init__(self, doc, network):
        super().__init__(doc, f"Use network {network.name!r}")
        self.new_ref = NetworkRef(network.name, network.sha256)
        self.old_ref = copy.deepcopy(doc.plan.network)
        self.new_net = network
        self.old_net = doc.network

    def _apply(self, ref, net):
        self.doc.plan.network = copy.deepcopy(ref)
        self.doc.set_network(net)
        self.doc.planChanged.emit()

    def redo(self):
        self._stale()
        self._apply(self.new_ref, self.new_net)

    def undo(self):
        self._apply(self.old_ref, self.old_net)
        self._restore_results()
