"""The plan's elements by layer; selecting here selects on the map (``doc.selection``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem

from planner.plan import LAYERS
from ui.commands import RemoveElementCommand
from ui.i18n import describe_element, group_digits, passage_minutes
from ui.icons import element_icon

LAYER_TITLES = {  # short: the dock is narrow; LAYER_HINTS says more in the tooltip
    "pickups": QT_TRANSLATE_NOOP("ElementsTree", "Pickups"),
    "destinations": QT_TRANSLATE_NOOP("ElementsTree", "Destinations"),
    "depots": QT_TRANSLATE_NOOP("ElementsTree", "Depots"),
    "corridors": QT_TRANSLATE_NOOP("ElementsTree", "Corridors"),
    "checkpoints": QT_TRANSLATE_NOOP("ElementsTree", "Checkpoints"),
    "hazards": QT_TRANSLATE_NOOP("ElementsTree", "Hazard zones"),
    "closures": QT_TRANSLATE_NOOP("ElementsTree", "Road closures"),
}

LAYER_HINTS = {
    "pickups": QT_TRANSLATE_NOOP("ElementsTree", "Assembly points where people wait for the buses"),
    "destinations": QT_TRANSLATE_NOOP("ElementsTree", "Reception points where the convoys unload"),
    "depots": QT_TRANSLATE_NOOP("ElementsTree", "Staging areas the vehicles start from"),
    "corridors": QT_TRANSLATE_NOOP("ElementsTree", "Agreed safe routes the convoys must keep to"),
    "checkpoints": QT_TRANSLATE_NOOP("ElementsTree", "Inspection points every convoy passes, one convoy at a time"),
    "hazards": QT_TRANSLATE_NOOP("ElementsTree", "Areas the routes avoid or cross slowly"),
    "closures": QT_TRANSLATE_NOOP("ElementsTree", "Roads that are closed"),
}

ID_ROLE = Qt.UserRole + 1


def element_summary(el) -> str:
    """The second column: what matters about an element at a glance."""
    kind = el.KIND
    if kind == "pickup":
        return _tr("{n} ppl").format(n=group_digits(el.people.total))
    if kind == "destination":
        return _tr("no limit") if el.capacity is None else _tr("cap {n}").format(n=group_digits(el.capacity))
    if kind == "depot":
        return _tr("{n} veh.").format(n=el.n_vehicles)
    if kind == "checkpoint":
        return _tr("{n} min").format(n=passage_minutes(el)) + f" ×{el.lanes}"
    if kind == "corridor":
        return _tr("{n} m").format(n=f"{el.width_m:g}")
    if kind == "hazard":
        return _tr("blocked") if el.effect == "blocked" else _tr("slow ×{factor}").format(factor=f"{el.speed_factor:g}")
    if kind == "closure":
        return _tr("{n} pt").format(n=len(el.points))
    return ""


def _tr(text: str) -> str:
    return QCoreApplication.translate("ElementsTree", text)


#: The summaries and tooltips above (translated through ``_tr``, context ElementsTree).
_SUMMARIES = (
    QT_TRANSLATE_NOOP("ElementsTree", "{n} ppl"),
    QT_TRANSLATE_NOOP("ElementsTree", "no limit"),
    QT_TRANSLATE_NOOP("ElementsTree", "cap {n}"),
    QT_TRANSLATE_NOOP("ElementsTree", "{n} veh."),
    QT_TRANSLATE_NOOP("ElementsTree", "{n} min"),
    QT_TRANSLATE_NOOP("ElementsTree", "{n} m"),
    QT_TRANSLATE_NOOP("ElementsTree", "blocked"),
    QT_TRANSLATE_NOOP("ElementsTree", "slow ×{factor}"),
    QT_TRANSLATE_NOOP("ElementsTree", "{n} pt"),
    QT_TRANSLATE_NOOP(
        "ElementsTree",
        "{total} people ({general} general, {reduced} reduced mobility, {stretcher} stretcher), priority {priority}",
    ),
    QT_TRANSLATE_NOOP("ElementsTree", "hold {n} min"),
    QT_TRANSLATE_NOOP("ElementsTree", "{n} min per vehicle, {lanes} lane(s)"),
    QT_TRANSLATE_NOOP("ElementsTree", "{n} vertices, {width} m wide"),
    QT_TRANSLATE_NOOP("ElementsTree", "one-way"),
    QT_TRANSLATE_NOOP("ElementsTree", "{count} × {type} ({seats} seats)"),
    QT_TRANSLATE_NOOP("ElementsTree", "no vehicles"),
)


def element_tooltip(el) -> str:
    """The long description of an element for tooltips."""
    kind = el.KIND
    extra = ""
    if kind == "pickup":
        p = el.people
        extra = _tr(
            "{total} people ({general} general, {reduced} reduced mobility, {stretcher} stretcher), priority {priority}"
        ).format(
            total=group_digits(p.total),
            general=group_digits(p.general),
            reduced=group_digits(p.reduced_mobility),
            stretcher=group_digits(p.stretcher),
            priority=el.priority,
        )
    elif kind == "checkpoint":
        hold = ", " + _tr("hold {n} min").format(n=f"{el.hold_min:g}") if el.hold_min else ""
        extra = _tr("{n} min per vehicle, {lanes} lane(s)").format(n=f"{el.minutes_per_vehicle:g}", lanes=el.lanes)
        extra += hold
    elif kind == "corridor":
        extra = _tr("{n} vertices, {width} m wide").format(n=len(el.line), width=f"{el.width_m:g}")
        extra += ", " + _tr("one-way") if el.oneway else ""
    elif kind == "depot":
        extra = ", ".join(
            _tr("{count} × {type} ({seats} seats)").format(count=v.count, type=v.type, seats=v.seats)
            for v in el.vehicles
        ) or _tr("no vehicles")
    return describe_element(el) + (f"\n{extra}" if extra else "")


class ElementsTree(QTreeWidget):
    """Tree of layers and elements. Emits ``activated(id)`` on double-click (centre the map on it)."""

    activated = Signal(str)

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self._syncing = False
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Element"), self.tr("Details")])
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.setContextMenuPolicy(Qt.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemSelectionChanged.connect(self._on_item_selection)
        self.itemDoubleClicked.connect(self._on_double_click)
        self._layers: dict[str, QTreeWidgetItem] = {}
        self._items: dict[str, QTreeWidgetItem] = {}

        # The Delete key is the main window's Edit -> Delete (one shortcut, no ambiguity); this action is for
        # the context menu and for a tree used on its own.
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.triggered.connect(self.delete_selected)

        doc.planReset.connect(self.rebuild)
        doc.elementAdded.connect(self._on_changed)
        doc.elementRemoved.connect(self._on_changed)
        doc.elementChanged.connect(self._on_element_changed)
        doc.selectionChanged.connect(self._on_doc_selection)
        self.rebuild()

    # ------------------------------------------------------------ build

    def rebuild(self) -> None:
        self._syncing = True
        expanded = {k for k, it in self._layers.items() if it.isExpanded()} if self._layers else set(LAYERS)
        self.clear()
        self._layers.clear()
        self._items.clear()
        for attr in LAYERS:
            items = getattr(self.doc.plan, attr)
            top = QTreeWidgetItem(
                self, [QCoreApplication.translate("ElementsTree", LAYER_TITLES[attr]), f"{len(items)}"]
            )
            top.setFlags(Qt.ItemIsEnabled)
            top.setTextAlignment(1, Qt.AlignRight | Qt.AlignVCenter)
            top.setToolTip(0, QCoreApplication.translate("ElementsTree", LAYER_HINTS[attr]))
            top.setIcon(0, element_icon(LAYERS[attr].KIND))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self._layers[attr] = top
            for el in items:
                it = QTreeWidgetItem(top, [f"{el.id}  {el.name}", element_summary(el)])
                it.setData(0, ID_ROLE, el.id)
                it.setTextAlignment(1, Qt.AlignRight | Qt.AlignVCenter)
                it.setForeground(1, Qt.darkGray)
                it.setToolTip(0, element_tooltip(el))
                it.setToolTip(1, element_tooltip(el))
                self._items[el.id] = it
            top.setExpanded(attr in expanded)
        self._syncing = False
        self._on_doc_selection(self.doc.selection)

    def _on_changed(self, _id) -> None:
        self.rebuild()

    def _on_element_changed(self, element_id: str) -> None:
        el = self.doc.element(element_id)
        it = self._items.get(element_id)
        if el is None or it is None:
            self.rebuild()
            return
        it.setText(0, f"{el.id}  {el.name}")
        it.setText(1, element_summary(el))
        it.setToolTip(0, element_tooltip(el))

    # ------------------------------------------------------------ selection sync

    def _on_item_selection(self) -> None:
        if self._syncing:
            return
        ids = [it.data(0, ID_ROLE) for it in self.selectedItems() if it.data(0, ID_ROLE)]
        self.doc.set_selection(ids)

    def _on_doc_selection(self, ids) -> None:
        self._syncing = True
        self.clearSelection()
        for i in ids:
            it = self._items.get(i)
            if it is not None:
                it.setSelected(True)
                self.scrollToItem(it)
        self._syncing = False

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.Delete):
            self.delete_selected()
            return
        super().keyPressEvent(event)

    def _on_double_click(self, item, _col) -> None:
        element_id = item.data(0, ID_ROLE)
        if element_id:
            self.activated.emit(element_id)

    # ------------------------------------------------------------ editing

    def delete_selected(self) -> None:
        ids = list(self.doc.selection)
        if not ids:
            return
        stack = self.doc.undo_stack
        if len(ids) > 1:
            stack.beginMacro(f"Delete {len(ids)} elements")
        for i in ids:
            if self.doc.element(i) is not None:
                stack.push(RemoveElementCommand(self.doc, i))
        if len(ids) > 1:
            stack.endMacro()

    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        if item is None or not item.data(0, ID_ROLE):
            return
        menu = QMenu(self)
        centre = menu.addAction(self.tr("Show on map"))
        centre.triggered.connect(lambda: self.activated.emit(item.data(0, ID_ROLE)))
        menu.addAction(self.delete_action)
        menu.exec(self.viewport().mapToGlobal(pos))
