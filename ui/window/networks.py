"""Road networks of the main window: the missing-network banner, the store, import, fetch, the demo build."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QWidget

from planner.errors import NetworkError
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
from ui.i18n import group_digits
from ui.map.geometry import net_cached
from ui.map.roads import RoadLayer, StreetLabels
from ui.panels.start import MARIUPOL_NETWORK
from ui.workers import TaskWorker

OSM_FILTER = QT_TRANSLATE_NOOP(
    "NetworksMixin", "OpenStreetMap data (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf *.graphml);;All files (*)"
)


def load_plan_network(name: str):
    """The stored network ``name`` (the demo network is built from the bundled extract once)."""
    if name == DEMO_NAME:
        return demo_network()
    return load_network(name)


def network_needs_build(name: str) -> bool:
    """True when ``name`` is the bundled demo network and the store does not hold it yet (a build of seconds)."""
    return name == DEMO_NAME and not (store_dir() / DEMO_NAME).is_dir()


def network_in_store(name: str) -> bool:
    """True when the store holds an entry ``name`` (the demo network always: it is built on first use)."""
    if name == DEMO_NAME:
        return True
    try:
        return (store_dir() / name).is_dir()
    except (OSError, ValueError, NetworkError):  # an unreadable store or a name that is not a valid entry
        return False


def prepare_map(net) -> None:
    """Build the map's road geometry of ``net`` (painter paths, label candidates) and its snapping index
    ahead of the map (worker side).

    The road layer caches it per network object (:func:`ui.map.geometry.net_cached`), so the map
    drawing the network on the GUI thread then costs milliseconds, not a second.
    """
    net_cached(net, ("roads", RoadLayer.TILE_M), lambda: RoadLayer.build(net))
    net_cached(net, "labels", lambda: StreetLabels.candidates(net))
    if int(net.n_nodes):  # the snapping index the map's snap lines query (and scipy's import)
        net.nearest_nodes(float(net.node_x[0]), float(net.node_y[0]))


def open_network(name: str, progress):
    """Load the stored network ``name`` and prepare its map (worker side of "Load network")."""
    progress(None, QCoreApplication.translate("NetworksMixin", "reading “{name}” from the store").format(name=name))
    net = load_plan_network(name)
    progress(0.7, QCoreApplication.translate("NetworksMixin", "preparing the map of “{name}”").format(name=name))
    prepare_map(net)
    return net


def build_demo_network(progress):
    """Build the bundled demo network into the store (worker side), load it and prepare its map."""
    net = demo_network(progress=progress)
    prepare_map(net)
    return net


def one_line(message: str) -> str:
    """An error message on one line (a message box or a banner line, never a traceback)."""
    return " ".join(str(message).split())


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
        self.banner_fetch = QPushButton(self.tr("Fetch from OpenStreetMap"))
        self.banner_fetch.clicked.connect(lambda: self.fetch_network(self.doc.plan.network.name))
        self.banner_import = QPushButton(self.tr("Import OSM file…"))
        self.banner_import.clicked.connect(lambda: self.import_network_dialog(self.doc.plan.network.name))
        self.banner_choose = QPushButton(self.tr("Use another network…"))
        self.banner_choose.clicked.connect(self.choose_network)
        self.banner_build = QPushButton(self.tr("Build the demo network"))
        self.banner_build.clicked.connect(self.build_demo_network)
        self.banner_load = QPushButton(self.tr("Load again"))
        self.banner_load.clicked.connect(self.start_network_load)
        for b in (self.banner_build, self.banner_load, self.banner_fetch, self.banner_import, self.banner_choose):
            row.addWidget(b)
        bar.hide()
        return bar

    def _update_banner(self) -> None:
        if self.doc is None or self.doc.network is not None:
            self.banner.hide()
            return
        name = self.doc.plan.network.name
        demo = name == DEMO_NAME
        building, loading = self._building(), self._loading()
        issue = getattr(self, "_network_issue", "")
        stored = loading or network_in_store(name)
        busy = building or loading
        self.banner_fetch.setVisible(name in PRESETS and not demo and not busy)
        self.banner_build.setVisible(demo and not busy and network_needs_build(name))
        self.banner_load.setVisible(not busy and stored and not network_needs_build(name))
        for b in (self.banner_import, self.banner_choose):
            b.setVisible(not busy)
        if building:
            self.banner_text.setText(
                self.tr(
                    "<b>Building the offline demo network “{name}”</b> from the bundled OpenStreetMap extract "
                    "(once, a few seconds). The roads appear when it is done; Esc cancels."
                ).format(name=name)
            )
        elif loading:
            self.banner_text.setText(
                self.tr(
                    "<b>Loading the road network “{name}”…</b> The plan is shown already; the roads appear when "
                    "the network is loaded. Esc cancels."
                ).format(name=name)
            )
        elif issue and stored:
            text = (
                self.tr("<b>The road network “{name}” was not loaded</b> (cancelled). Load it again to compute.")
                if issue == "cancelled"
                else self.tr("<b>The road network “{name}” could not be loaded:</b> {error}")
            )
            self.banner_text.setText(text.format(name=name, error=html.escape(issue)))
        elif demo:
            self.banner_text.setText(
                self.tr(
                    "<b>The offline demo network “{name}” is not built yet.</b> The plan is shown without roads "
                    "until it is built from the bundled OpenStreetMap extract."
                ).format(name=name)
            )
        else:
            self.banner_text.setText(
                self.tr(
                    "<b>Road network “{name}” is not in the store.</b> The plan is shown without roads and cannot "
                    "be computed until the network is fetched or imported."
                ).format(name=name)
            )
        self.banner.show()

    def _loading(self) -> bool:
        """True while a stored network is being loaded for the plan."""
        return self.worker is not None and self._task_name == "Load network"

    def start_network_load(self) -> bool:
        """Load the plan's road network in a worker (built first when it is the demo network's first use).

        The window stays responsive; the map shows the plan, then the roads when the network arrives
        (:meth:`_network_loaded`). A running load or build of the same network is kept; other work of
        the previous plan is dropped. False when nothing was started.
        """
        if self.doc is None:
            return False
        name = self.doc.plan.network.name
        self._network_issue = ""
        if network_needs_build(name):
            if self._building():
                return True
            self._detach_worker()
            return self.build_demo_network()
        if self._loading() and self._loading_name == name:
            return True
        self._detach_worker()
        if not network_in_store(name):
            self.statusBar().showMessage(
                self.tr("Network not loaded: “{name}” is not in the store.").format(name=name), 15000
            )
            self._update_banner()
            return False
        self._loading_name = name
        ok = self._start_task("Load network", TaskWorker(open_network, name), self._network_loaded)
        self._update_banner()
        return ok

    def _network_loaded(self, net) -> None:
        """The plan's network arrived from the worker: the map draws its roads; queued work runs."""
        if self.doc is None or self.doc.network is not None or self.doc.plan.network.name != net.name:
            return  # another plan (or network) was opened meanwhile
        self.doc.set_network(net)
        self._update_banner()
        m = net.meta
        self.statusBar().showMessage(
            self.tr("Road network {name}: {nodes} nodes, {edges} edges").format(
                name=net.name, nodes=group_digits(m["counts"]["nodes"]), edges=group_digits(m["counts"]["edges"])
            ),
            8000,
        )
        self._run_after_network()

    def _run_after_network(self) -> None:
        """Run what waited for the network (a compute asked for while it loaded, a new plan's fit)."""
        queued, self._after_network = getattr(self, "_after_network", []), []
        for fn in queued:
            fn()

    def _network_not_loaded(self, name: str, issue: str) -> None:
        """A load ended without a network: the banner says why in one line (``issue``: "cancelled" or the error)."""
        self._network_issue = issue
        self._after_network = []
        if issue != "cancelled":
            self.statusBar().showMessage(self.tr("Network not loaded: {error}").format(error=issue), 30000)
        self._update_banner()

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
            self.statusBar().showMessage(self.tr("Cannot read the network store: {error}").format(error=exc), 15000)
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
            QMessageBox.information(
                self, self.tr("No networks"), self.tr("The store has no networks: import an OSM file first.")
            )
            return
        current = names.index(self.doc.plan.network.name) if self.doc.plan.network.name in names else 0
        name, ok = QInputDialog.getItem(
            self, self.tr("Road network"), self.tr("Put the plan on the stored network:"), names, current, False
        )
        if not ok:
            return
        if network_needs_build(name):
            self.statusBar().showMessage(
                self.tr("The demo network “{name}” is still being built: choose it again when it is done.").format(
                    name=name
                ),
                8000,
            )
            if self.worker is None:
                self.build_demo_network()
            return
        doc = self.doc

        def chosen(net) -> None:
            if self.doc is doc and self.doc.plan is plan:  # still the plan it was chosen for
                doc.undo_stack.push(ChangeNetworkCommand(doc, net))

        plan = doc.plan
        self._loading_name = name  # a failure says so in one line (TasksMixin._task_failed)
        self._start_task("Load network", TaskWorker(open_network, name), chosen)

    def import_network_dialog(self, suggested_name: str = "") -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import OpenStreetMap file"), str(app_prefs.documents_dir()), self.tr(OSM_FILTER)
        )
        if not path:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Network name"), self.tr("Store the network as:"), text=suggested_name or default_name(path)
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
            self.statusBar().showMessage(self.tr("Build network: building the offline demo network (once)…"))
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
            self.tr("Stored network {name}: {nodes} nodes, {edges} edges").format(
                name=net.name, nodes=group_digits(m["counts"]["nodes"]), edges=group_digits(m["counts"]["edges"])
            ),
            15000,
        )
        if self.doc is not None and self.doc.network is None and self.doc.plan.network.name == net.name:
            self.doc.set_network(net)
            self._update_banner()
            self._run_after_network()
        if self.stack.currentWidget() is self.start_page:
            self.show_start_page()
