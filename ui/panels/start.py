"""The start page: the Mariupol 2022 plan, the offline demo, recent plans, a new plan.

It only describes and offers; the main window does the work (open, fetch,
import, new) when the page emits one of its signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.network import PRESETS
from planner.resources import resources_dir

PLANS = resources_dir() / "plans"
MARIUPOL_PLAN = PLANS / "mariupol-azovstal-2022.evacplan.json"
DEMO_PLAN = PLANS / "demo-neubrandenburg.evacplan.json"
MARIUPOL_NETWORK = "mariupol-zaporizhzhia"


def mariupol_import_hint() -> str:
    """Exactly what to import when the Mariupol corridor network cannot be fetched."""
    w, s, e, n = PRESETS[MARIUPOL_NETWORK]["bbox"]
    bbox = f"{w},{s},{e},{n}"
    return QCoreApplication.translate(
        "StartPage",
        "No connection to OpenStreetMap from this machine. Import an OpenStreetMap extract of Ukraine "
        "(for example <b>ukraine-latest.osm.pbf</b> from download.geofabrik.de) as network "
        "<b>{network}</b> clipped to {bbox}: <i>Networks → Import OSM file…</i>, or<br>"
        "<code>evacplan data import ukraine-latest.osm.pbf --name {network} --bbox {bbox}</code>",
    ).format(network=MARIUPOL_NETWORK, bbox=bbox)


def _card(title: str, body: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
    card = QFrame()
    card.setObjectName("card")
    card.setStyleSheet("#card{background:white; border:1px solid #d0d7de; border-radius:6px}")
    lay = QVBoxLayout(card)
    lay.setContentsMargins(16, 14, 16, 14)
    t = QLabel(f"<span style='font-size:15px; font-weight:600'>{title}</span>")
    b = QLabel(body)
    b.setWordWrap(True)
    b.setTextFormat(Qt.RichText)
    b.setStyleSheet("color:#424a53")
    b.setTextInteractionFlags(Qt.TextSelectableByMouse)
    lay.addWidget(t)
    lay.addWidget(b)
    return card, lay, b


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    """The buttons side by side at the left of a card."""
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row


class StartPage(QWidget):
    openPlan = Signal(str)
    newPlan = Signal()
    fetchNetwork = Signal(str)  # preset name
    importNetwork = Signal(str)  # suggested network name
    openFile = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setStyleSheet("#startPage{background:#f6f8fa}")
        page = QVBoxLayout(self)
        page.setContentsMargins(48, 32, 48, 32)
        centre = QHBoxLayout()
        page.addLayout(centre)
        page.addStretch(1)
        body = QWidget()
        body.setMaximumWidth(1180)
        centre.addStretch(1)
        centre.addWidget(body, 100)
        centre.addStretch(1)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        tagline = self.tr(
            "Evacuation convoys through negotiated corridors: routes, convoy schedules and how many people can "
            "leave in a window."
        )
        head = QLabel(
            "<span style='font-size:26px; font-weight:600'>evacplan</span>"
            f"<br><span style='color:#57606a; font-size:13px'>{tagline}</span>"
        )
        head.setTextFormat(Qt.RichText)
        outer.addWidget(head)
        outer.addSpacing(18)
        grid = QGridLayout()
        grid.setSpacing(16)
        outer.addLayout(grid)

        # Mariupol 2022
        card, lay, self.mariupol_body = _card(
            self.tr("Mariupol 2022: Azovstal to Zaporizhzhia"),
            self.tr(
                "The UN/ICRC operation of 30 April 2022: Azovstal bunkers and city assembly points, the corridor "
                "west through Manhush, Berdiansk, Tokmak and Vasylivka, about 20 checkpoints."
            ),
        )
        self.mariupol_status = QLabel()
        self.mariupol_status.setWordWrap(True)
        self.mariupol_status.setTextFormat(Qt.RichText)
        self.mariupol_status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(self.mariupol_status)
        self.mariupol_open = QPushButton(self.tr("Open plan"))
        self.mariupol_open.clicked.connect(lambda: self.openPlan.emit(str(MARIUPOL_PLAN)))
        self.mariupol_fetch = QPushButton(self.tr("Fetch network from OpenStreetMap"))
        self.mariupol_fetch.clicked.connect(lambda: self.fetchNetwork.emit(MARIUPOL_NETWORK))
        self.mariupol_import = QPushButton(self.tr("Import OSM file…"))
        self.mariupol_import.clicked.connect(lambda: self.importNetwork.emit(MARIUPOL_NETWORK))
        lay.addStretch(1)
        lay.addLayout(_button_row(self.mariupol_open, self.mariupol_fetch, self.mariupol_import))
        grid.addWidget(card, 0, 0)

        # demo
        card, lay, _ = _card(
            self.tr("Offline demo: Neubrandenburg drill"),
            self.tr(
                "A drill on the bundled Neubrandenburg road network (OpenStreetMap, ships with evacplan): "
                "assembly points, the B 96 south corridor, checkpoints and a bus depot. Works without internet."
            ),
        )
        b = QPushButton(self.tr("Open demo plan"))
        b.setDefault(True)
        b.clicked.connect(lambda: self.openPlan.emit(str(DEMO_PLAN)))
        self.demo_button = b
        lay.addStretch(1)
        lay.addLayout(_button_row(b))
        grid.addWidget(card, 0, 1)

        # recent
        card, lay, self.recent_hint = _card(self.tr("Recent plans"), self.tr("Double-click to open."))
        self.recent = QListWidget()
        self.recent.setAlternatingRowColors(True)
        self.recent.setMaximumHeight(170)
        self.recent.itemActivated.connect(lambda it: self.openPlan.emit(it.data(Qt.UserRole)))
        lay.addWidget(self.recent, 1)
        ob = QPushButton(self.tr("Open…"))
        ob.clicked.connect(self.openFile.emit)
        lay.addLayout(_button_row(ob))
        grid.addWidget(card, 1, 0)

        # new
        card, lay, self.new_body = _card(
            self.tr("New plan"),
            self.tr(
                "Start an empty plan on a road network from the store (the demo network is always there; "
                "import more from OpenStreetMap files with Networks → Import OSM file…)."
            ),
        )
        self.networks = QLabel()
        self.networks.setWordWrap(True)
        self.networks.setStyleSheet("color:#57606a")
        lay.addWidget(self.networks)
        lay.addStretch(1)
        nb = QPushButton(self.tr("New plan…"))
        nb.clicked.connect(self.newPlan.emit)
        lay.addLayout(_button_row(nb))
        grid.addWidget(card, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    # ------------------------------------------------------------ state

    def set_recent(self, paths) -> None:
        self.recent.clear()
        for p in paths:
            it = QListWidgetItem(f"{Path(p).name}    —    {Path(p).parent}")
            it.setData(Qt.UserRole, p)
            it.setToolTip(p)
            if not Path(p).is_file():
                it.setForeground(Qt.gray)
                it.setToolTip(self.tr("{path} (missing)").format(path=p))
            self.recent.addItem(it)
        self.recent_hint.setText(
            self.tr("Double-click to open.")
            if paths
            else self.tr("No recent plans yet: plans you open or save appear here.")
        )
        self.recent.setVisible(bool(paths))

    def set_networks(self, names) -> None:
        self.networks.setText(
            self.tr("Networks in the store: {names}").format(names=", ".join(names) if names else self.tr("none"))
        )
        have = MARIUPOL_NETWORK in names
        plan_there = MARIUPOL_PLAN.is_file()
        self.mariupol_open.setVisible(plan_there)
        if not plan_there:
            self.mariupol_status.setText(
                "<span style='color:#b00020'>"
                + self.tr("The plan file {path} is missing from this installation.").format(path=MARIUPOL_PLAN)
                + "</span>"
            )
            self.mariupol_fetch.hide()
            self.mariupol_import.hide()
        elif have:
            self.mariupol_status.setText(
                "<span style='color:#1a7f37'>✔ "
                + self.tr("Network <b>{network}</b> is in the store.").format(network=MARIUPOL_NETWORK)
                + "</span>"
            )
            self.mariupol_fetch.hide()
            self.mariupol_import.hide()
        else:
            self.mariupol_status.setText(
                self.tr("Its road network <b>{network}</b> is not in the store yet.").format(network=MARIUPOL_NETWORK)
                + " <span style='color:#57606a'>"
                + self.tr("Checking for a connection to OpenStreetMap…")
                + "</span>"
            )
            self.mariupol_fetch.hide()
            self.mariupol_import.show()

    def set_online(self, online: bool, have_network: bool) -> None:
        """Result of the connectivity check: offer fetch, or say exactly which file to import."""
        if have_network or not MARIUPOL_PLAN.is_file():
            return
        if online:
            self.mariupol_status.setText(
                self.tr(
                    "Its road network <b>{network}</b> is not in the store yet: fetch it from OpenStreetMap (a few "
                    "minutes), or import a file you have."
                ).format(network=MARIUPOL_NETWORK)
            )
            self.mariupol_fetch.show()
        else:
            self.mariupol_status.setText(
                self.tr("Its road network <b>{network}</b> is not in the store.").format(network=MARIUPOL_NETWORK)
                + " "
                + mariupol_import_hint()
            )
            self.mariupol_fetch.hide()
