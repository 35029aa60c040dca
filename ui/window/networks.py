"""Road networks of the main window: the missing-network banner, the store, import, fetch, the demo build."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QWidget

from planner.errors import EvacplanError, NetworkError
from planner.network import (
    PRESETS,
    _network_reachable,
    default_name,
    demo_network,
    fetch,
    import_osm,
    list_networks,
    load_network,
    save_network,
    store_dir,
)
from planner.store import DEMO_NAME
from ui import settings as app_prefs
from ui.commands import ChangeNetworkCommand
from ui.panels.start import MARIUPOL_NETWORK
from ui.workers import TaskWorker

OSM_FILTER = "OpenStreetMap data (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf *.graphml);;All files (*)"


def load_plan_network(name: str):
    """The stored network ``name`` (the demo network is built from the bundled extract once)."""
    if name == DEMO_NAME:
        return demo_network()
    return load_network(name)


def network_needs_build(name: str) -> bool:
    """True when ``name`` is the bundled demo network and the store does not hold it yet (a build of seconds)."""
    return name == DEMO_NAME and not (store_dir() / DEMO_NAME).is_dir()


def build_demo_network(progress):
    """Build the bundled demo network into the store (worker side) and load it."""
    return demo_network(progress=progress)


class NetworksMixin:
    """Methods of :class:`ui.window.main.MainWindow`: the missing-network banner, the store, import, fetch, the demo
    build."""

    def _make_banner(self) -> QWidget:
        """A bar above the map saying the plan's network is missing, with what to do."""
        bar = QWidget()
        bar.setObjectName("networkBanner")
        bar.setStyleSheet("#networkBanner{background:#fff8c5; border-bottom:1px solid #d4a72c}")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 12, 6)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextFormat(Qt.RichText)
        row.addWidget(self.banner_text, 1)
        self.banner_fetch = QPushButton("Fetch from OpenStreetMap")
        self.banner_fetch.clicked.connect(lambda: self.fetch_network(self.doc.plan.network.name))
        self.banner_import = QPushButton("Import OSM file…")
        self.banner_import.clicked.connect(lambda: self.import_network_dialog(self.doc.plan.network.name))
        self.banner_choose = QPushButton("Use another network…")
        self.banner_choose.clicked.connect(self.choose_network)
        self.banner_build = QPushButton("Build the demo network")
        self.banner_build.clicked.connect(self.build_demo_network)
        for b in (self.banner_build, self.banner_fetch, self.banner_import, self.banner_choose):
            row.addWidget(b)
        bar.hide()
        return bar

    def _update_banner(self) -> None:
        if self.doc is None or self.doc.network is not None:
            self.banner.hide()
            return
        name = self.doc.plan.network.name
        demo = name == DEMO_NAME
        building = self._building()
        self.banner_fetch.setVisible(name in PRESETS and not demo)
        self.banner_build.setVisible(demo and not building)
        for b in (self.banner_import, self.banner_choose):
            b.setVisible(not building)
        if building:
            self.banner_text.setText(
                f"<b>Building the offline demo network “{name}”</b> from the bundled OpenStreetMap extract "
                "(once, a few seconds). The roads appear when it is done; Esc cancels."
            )
        elif demo:
            self.banner_text.setText(
                f"<b>The offline demo network “{name}” is not built yet.</b> The plan is shown without roads "
                "until it is built from the bundled OpenStreetMap extract."
            )
        else:
            self.banner_text.setText(
                f"<b>Road network “{name}” is not in the store.</b> The plan is shown without roads and cannot be "
                "computed until the network is fetched or imported."
            )
        self.banner.show()

    def _stored_network_names(self) -> list[str]:
        """Names of the networks in the store (the demo network too while it is being built)."""
        try:
            if network_needs_build(DEMO_NAME):
                # list_networks would build the demo network here and freeze the window: the worker builds it
                if self.worker is None:
                    self.build_demo_network()
                root = store_dir()
                names = (
                    {p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")}
                    if root.is_dir()
                    else set()
                )
                return sorted(names | {DEMO_NAME})
            return [e["name"] for e in list_networks() if "error" not in e]
        except (NetworkError, OSError) as exc:  # an unreadable store: say so, offer no networks
            self.statusBar().showMessage(f"Cannot read the network store: {exc}", 15000)
            return []

    def _building(self) -> bool:
        """True while the demo network is being built."""
        return self.worker is not None and self._task_name == "Build network"

    def _check_online(self, have: bool) -> None:
        """Ask (off the GUI thread) whether OpenStreetMap is reachable; tell the start page."""
        if not self.check_connectivity:
            return
        w = TaskWorker(lambda progress: _network_reachable(timeout=3.0))
        w.signals.finished.connect(lambda online: self.start_page.set_online(bool(online), have))
        w.signals.failed.connect(lambda *_: self.start_page.set_online(False, have))
        self._online_worker = w
        w.start()

    def choose_network(self) -> None:
        if self.doc is None:
            return
        names = self._stored_network_names()
        if not names:
            QMessageBox.information(self, "No networks", "The store has no networks: import an OSM file first.")
            return
        current = names.index(self.doc.plan.network.name) if self.doc.plan.network.name in names else 0
        name, ok = QInputDialog.getItem(
            self, "Road network", "Put the plan on the stored network:", names, current, False
        )
        if not ok:
            return
        if network_needs_build(name):
            self.statusBar().showMessage(
                f"The demo network “{name}” is still being built: choose it again when it is done.", 8000
            )
            if self.worker is None:
                self.build_demo_network()
            return
        try:
            net = load_plan_network(name)
        except EvacplanError as exc:
            QMessageBox.warning(self, "Cannot load network", str(exc))
            return
        self.doc.undo_stack.push(ChangeNetworkCommand(self.doc, net))

    def import_network_dialog(self, suggested_name: str = "") -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import OpenStreetMap file", str(app_prefs.documents_dir()), OSM_FILTER
        )
        if not path:
            return
        name, ok = QInputDialog.getText(
            self, "Network name", "Store the network as:", text=suggested_name or default_name(path)
        )
        if not ok or not name.strip():
            return
        bbox = None
        if suggested_name == MARIUPOL_NETWORK:
            bbox = PRESETS[MARIUPOL_NETWORK]["bbox"]
        self.import_network(path, name.strip(), bbox=bbox)

    def build_demo_network(self) -> bool:
        """Build the bundled demo network into the store in a worker (a few seconds, once; Esc cancels)."""
        ok = self._start_task("Build network", TaskWorker(build_demo_network), self._network_stored)
        if ok:
            self.statusBar().showMessage("Build network: building the offline demo network (once)…")
        if getattr(self, "banner", None) is not None:
            self._update_banner()
        return ok

    def import_network(self, path, name, bbox=None) -> bool:
        """Import an OSM file into the store in a worker (progress, cancel)."""

        def work(progress):
            net = import_osm(path, name=name, bbox=bbox, progress=progress)
            save_network(net)
            return net

        return self._start_task("Import", TaskWorker(work), self._network_stored)

    def fetch_network(self, preset: str) -> bool:
        def work(progress):
            net = fetch(preset=preset, progress=progress)
            save_network(net)
            return net

        return self._start_task("Fetch", TaskWorker(work), self._network_stored)

    def _network_stored(self, net) -> None:
        m = net.meta
        self.statusBar().showMessage(
            f"Stored network {net.name}: {m['counts']['nodes']:,} nodes, {m['counts']['edges']:,} edges", 15000
        )
        if self.doc is not None and self.doc.network is None and self.doc.plan.network.name == net.name:
            self.doc.set_network(net)
            self._update_banner()
        if self.stack.currentWidget() is self.start_page:
            self.show_start_page()
