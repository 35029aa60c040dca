"""The palette of plan elements: drag one onto the map to create it there.

Each entry is a drag source of mime type ``application/x-evacplan-element``
whose data is the element kind (``pickup``, ``destination``, ``depot``,
``checkpoint``, ``corridor``, ``hazard``, ``closure``); the map view creates the
element where it is dropped. Clicking an entry asks for the matching map tool
instead (``toolRequested``), for placing several elements by clicking.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem

from ui.icons import KINDS, element_icon, element_pixmap
from ui.map.style import MIME_ELEMENT

KIND_ROLE = Qt.UserRole

TOOLTIPS = {
    "pickup": QT_TRANSLATE_NOOP(
        "Palette",
        "Assembly point with a head-count (tool P). Drag onto the map, or click and then click the map; "
        "a thin line shows the road node it snaps to.",
    ),
    "destination": QT_TRANSLATE_NOOP("Palette", "Reception point where people are taken (tool D)."),
    "depot": QT_TRANSLATE_NOOP("Palette", "Where vehicles start (tool B)."),
    "checkpoint": QT_TRANSLATE_NOOP(
        "Palette",
        "Checkpoint on the road (tool K): minutes per vehicle, lanes, opening hours. Dropped near a "
        "corridor it goes onto the corridor's road.",
    ),
    "corridor": QT_TRANSLATE_NOOP(
        "Palette",
        "The agreed road (tool C): click a start, waypoints and an end and it follows the roads "
        "(Shift+click: straight); double-click or Enter to end.",
    ),
    "hazard": QT_TRANSLATE_NOOP(
        "Palette", "Dangerous area, blocked or slow (tool H): click its corners, double-click to end."
    ),
    "closure": QT_TRANSLATE_NOOP("Palette", "A destroyed bridge or blocked road (tool X): click the road."),
}


def element_mime(kind: str) -> QMimeData:
    """The drag data for an element kind."""
    md = QMimeData()
    md.setData(MIME_ELEMENT, kind.encode("utf-8"))
    md.setText(kind)
    return md


class Palette(QListWidget):
    """One entry per element kind, with its map symbol; a drag source for the map.

    Signals
    -------
    toolRequested(kind) : an entry was clicked; the window activates that map tool.
    """

    toolRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("palette")
        self.setViewMode(QListView.ListMode)
        self.setIconSize(QSize(28, 28))
        self.setSpacing(2)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragOnly)
        self.setDefaultDropAction(Qt.CopyAction)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setUniformItemSizes(True)
        for kind, label in KINDS.items():
            item = QListWidgetItem(element_icon(kind), QCoreApplication.translate("Palette", label))
            item.setData(KIND_ROLE, kind)
            item.setToolTip(QCoreApplication.translate("Palette", TOOLTIPS.get(kind, label)))
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled)
            self.addItem(item)
        self.itemClicked.connect(lambda it: self.toolRequested.emit(it.data(KIND_ROLE)))

    def item_for(self, kind: str) -> QListWidgetItem:
        """The entry of an element kind."""
        for i in range(self.count()):
            if self.item(i).data(KIND_ROLE) == kind:
                return self.item(i)
        raise KeyError(kind)

    def kinds(self) -> list[str]:
        return [self.item(i).data(KIND_ROLE) for i in range(self.count())]

    def mimeTypes(self) -> list[str]:
        return [MIME_ELEMENT]

    def mimeData(self, items) -> QMimeData:
        """Drag data of the dragged entry: the element kind under :data:`ui.map.style.MIME_ELEMENT`."""
        items = list(items)
        return element_mime(items[0].data(KIND_ROLE) if items else "")

    def startDrag(self, supported_actions) -> None:
        item = self.currentItem()
        if item is None:
            return
        kind = item.data(KIND_ROLE)
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        pm = element_pixmap(kind, 34)
        drag.setPixmap(pm)
        drag.setHotSpot(QPoint(pm.width() // 2, pm.height() // 2))  # the symbol centre is the drop point
        drag.exec(Qt.CopyAction, Qt.CopyAction)
