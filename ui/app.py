"""The main window: map, palette, panels, menus, files, compute, autosave and recovery.

``run_gui(plan=None, screenshot=None)`` is what ``evacplan gui`` calls. The
window owns the actions (files, undo/redo, F5 compute, exports, networks) and
one :class:`ui.document.PlanDocument`; every view observes that document.
Long work (compute, OSM import, fetch) runs in :class:`ui.workers.TaskWorker`
with a progress bar and a cancel button in the status bar.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QByteArray, QEventLoop, QTimer, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QComboBox,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolButton,
    QUndoView,
    QWidget,
    QVBoxLayout,
)

from planner.errors import EvacplanError, NetworkError
from planner.fileio import write_text_atomic
from planner.plan import SUFFIX, NetworkRef, Plan, Window, load_plan, save_plan
from ui import settings as app_prefs
from ui.commands import ChangeNetworkCommand, geometry_of
from ui.document import PlanDocument
from ui.panels.elements import ElementsTree
from ui.panels.gantt import GanttPanel
from ui.panels.problems import ProblemsPanel
from ui.panels.properties import PropertiesPanel, describe_selection
from ui.panels.results import KpiPanel, RoutesPanel, SchedulePanel
from ui.panels.start import MARIUPOL_NETWORK, StartPage
from ui.panels.variants import VariantsPanel
from ui.workers import TaskWorker, compute_plan, export_schedule, schedule_json

PLAN_FILTER = f"evacplan plans (*{SUFFIX} *.json);;All files (*)"
OSM_FILTER = "OpenStreetMap data (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf *.graphml);;All files (*)"
TOOLS = [("select", "Select / move", "S"), ("pickup", "Place pickup", "P"), ("destination", "Place destination", "D"),
         ("depot", "Place depot", "B"), ("checkpoint", "Place checkpoint", "K"), ("corridor", "Draw corridor", "C"),
         ("hazard", "Draw hazard zone", "H"), ("closure", "Close road", "X")]
EXPORTS = [("pdf", "PDF (convoy sheets and driver cards)…", "pdf", "write_pdf", "PDF (*.pdf)"),
           ("csv", "CSV (trips and manifests)…", "csv", "write_csv", "CSV (*.csv)"),
           ("geojson", "GeoJSON (layers and routes)…", "geojson", "write_geojson", "GeoJSON (*.geojson *.json)"),
           ("gpx", "GPX (one route per convoy)…", "gpx", "write_gpx", "GPX (*.gpx)")]


def _map_classes():
    """``(MapView, Palette)`` from the map engineer's modules, or placeholders while they are missing."""
    try:
        from ui.map_view import MapView
    except Exception:  # pragma: no cover - only while ui.map_view is being written
        MapView = None
    try:
        from ui.palette import Palette
    except Exception:  # pragma: no cover
        Palette = None
    return MapView, Palette


def _export_fn(module: str, name: str):
    """An export function ``fn(schedule, plan, net, path)`` if that exporter is installed."""
    import importlib

    try:
        mod = importlib.import_module(f"planner.export.{module}")
    except Exception:
        return None
    return getattr(mod, name, None)


def _element_anchor(el):
    """A (lon, lat) to centre the map on for any element."""
    g = geometry_of(el)
    if isinstance(g, tuple):
        return g
    if not g:
        return None
    lons = [c[0] for c in g]
    lats = [c[1] for c in g]
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def load_plan_network(name: str):
    """The stored network ``name`` (the demo network is built from the bundled extract once)."""
    from planner.network import demo_network, load_network
    from planner.store import DEMO_NAME

    if name == DEMO_NAME:
        return demo_network()
    return load_network(name)


def network_needs_build(name: str) -> bool:
    """True when ``name`` is the bundled demo network and the store does not hold it yet (a build of seconds)."""
    from planner.network import store_dir
    from planner.store import DEMO_NAME

    return name == DEMO_NAME and not (store_dir() / DEMO_NAME).is_dir()


def build_demo_network(progress):
    """Build the bundled demo network into the store (worker side) and load it."""
    from planner.network import demo_network

    return demo_network(progress=progress)


# ---------------------------------------------------------------- dialogs


class NewPlanDialog(QDialog):
    """Plan name, network from the store, window start and length."""

    def __init__(self, networks: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("New plan")
        form = QFormLayout(self)
        self.name = QLineEdit("New evacuation plan")
        self.network = QComboBox()
        self.network.addItems(networks)
        tomorrow = (datetime.now().astimezone() + timedelta(days=1)).replace(hour=8, minute=0, second=0,
                                                                               microsecond=0)
        self.start = QLineEdit(tomorrow.isoformat(sep=" ", timespec="minutes"))
        self.hours = QLineEdit("10")
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020")
        form.addRow("Name", self.name)
        form.addRow("Road network", self.network)
        form.addRow("Window start", self.start)
        form.addRow("Window length (h)", self.hours)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.plan = None

    def _accept(self):
        try:
            start = datetime.fromisoformat(self.start.text().strip())
            if start.tzinfo is None:
                start = start.astimezone()
            hours = float(self.hours.text())
            if not 0 < hours <= 24 * 14:
                raise ValueError("window length must be between 0 and 336 hours")
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        if not self.network.currentText():
            self.error.setText("choose a road network (import one first: Networks → Import OSM file…)")
            return
        self.plan = Plan(name=self.name.text().strip() or "New plan",
                         network=NetworkRef(self.network.currentText(), None),
                         window=Window(start=start, end=start + timedelta(hours=hours)))
        self.accept()


# ---------------------------------------------------------------- main window


class MainWindow(QMainWindow):
    """The evacplan main window. ``doc`` may be ``None``: the start page shows until a plan is opened."""

    computeFinished = Signal(bool)  # True when results were shown
    taskFinished = Signal(str, bool)  # task name, success

    instances: list = []
    #: Ask whether OpenStreetMap is reachable when the start page shows (tests turn it off).
    check_connectivity = True

    def __init__(self, doc: PlanDocument | None = None, parent=None):
        super().__init__(parent)
        MainWindow.instances.append(self)
        self.settings = app_prefs.app_settings()
        self.doc: PlanDocument | None = None
        self.map = None
        self.palette = None
        self.worker: TaskWorker | None = None
        self._task_name = ""
        self._edit_serial = 0
        self._compute_serial = None
        self.recovery_path = app_prefs.recovery_dir() / f"recovery-{os.getpid()}{SUFFIX}"
        self.setWindowTitle("evacplan")
        self.setDockOptions(QMainWindow.AnimatedDocks | QMainWindow.AllowTabbedDocks)
        self.setDocumentMode(True)

        self.stack = QStackedWidget()
        self.start_page = StartPage()
        self.stack.addWidget(self.start_page)
        self.setCentralWidget(self.stack)
        self.start_page.openPlan.connect(self.open_path)
        self.start_page.openFile.connect(self.open_dialog)
        self.start_page.newPlan.connect(self.new_plan)
        self.start_page.fetchNetwork.connect(self.fetch_network)
        self.start_page.importNetwork.connect(self.import_network_dialog)

        self._make_actions()
        self._make_status_bar()
        self._make_menus()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(app_prefs.autosave_interval_ms(self.settings))
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()
        self.resize(1600, 1000)
        if doc is not None:
            self._attach(doc)
            self.show_plan_page()
        else:
            self.show_start_page()

    # ------------------------------------------------------------ building

    def _make_actions(self) -> None:
        st = self.style()

        def act(text, slot, shortcut=None, icon=None, tip=None):
            a = QAction(text, self)
            if shortcut:
                a.setShortcut(shortcut)
            if icon is not None:
                a.setIcon(st.standardIcon(icon))
            if tip:
                a.setStatusTip(tip)
                a.setToolTip(tip)
            a.triggered.connect(slot)
            return a

        self.act_new = act("&New plan…", self.new_plan, QKeySequence.New, QStyle.SP_FileIcon)
        self.act_open = act("&Open…", self.open_dialog, QKeySequence.Open, QStyle.SP_DialogOpenButton)
        self.act_save = act("&Save", self.save, QKeySequence.Save, QStyle.SP_DialogSaveButton)
        self.act_save_as = act("Save &as…", self.save_as, QKeySequence.SaveAs)
        self.act_start = act("Start page", self.show_start_page)
        self.act_quit = act("&Quit", self.close, QKeySequence.Quit)
        self.act_compute = act("&Compute", self.compute, "F5", QStyle.SP_MediaPlay,
                               "Route and schedule the plan (F5)")
        self.act_cancel = act("Cancel", self.cancel_task, None, QStyle.SP_BrowserStop, "Cancel the running work (Esc)")
        # Esc works from anywhere in the window while work runs (the action is disabled otherwise, so Esc
        # still reaches the map's tools and the dialogs)
        self.act_cancel.setShortcut(QKeySequence(Qt.Key_Escape))
        self.act_cancel.setShortcutContext(Qt.WindowShortcut)
        self.addAction(self.act_cancel)
        self.act_variant_new = act("Duplicate plan as &variant", self.new_variant, "Ctrl+Shift+D", None,
                                   "A what-if variant of this plan: record map edits into it, run, compare")
        self.act_variant_open = act("Open variants file…", self.open_variants_dialog)
        self.act_variant_run = act("&Run variants", self.run_variants, "Shift+F5", None,
                                   "Compute the base and every variant and sweep, and compare them")
        self.act_variant_hide = act("Hide variant routes", lambda: self.show_variant_routes(None))
        self.act_fit_plan = act("Fit to plan", lambda: self.map and hasattr(self.map, "fit_to_plan")
                                and self.map.fit_to_plan(), "Ctrl+0")
        self.act_fit_net = act("Fit to network", lambda: self.map and hasattr(self.map, "fit_to_network")
                               and self.map.fit_to_network(), "Ctrl+9")
        self.act_choose_net = act("Use network from the store…", self.choose_network)
        self.act_import_net = act("Import OSM file…", lambda: self.import_network_dialog(""))
        self.act_delete = act("Delete", self._delete_selection, QKeySequence.Delete)
        self.act_delete.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.act_about = act("About evacplan", self._about)
        self.export_actions = {}
        for key, text, module, fn, flt in EXPORTS:
            self.export_actions[key] = act(text, lambda _=False, k=key: self.export(k))
        self.tool_group = QActionGroup(self)
        self.tool_actions = {}
        for name, text, key in TOOLS:
            a = QAction(text, self)
            a.setCheckable(True)
            a.setShortcut(key)
            a.setData(name)
            a.setShortcutContext(Qt.WindowShortcut)
            a.triggered.connect(lambda _=False, n=name: self.set_tool(n))
            try:
                from ui.icons import element_icon

                if name != "select":
                    a.setIcon(element_icon(name))
            except Exception:
                pass
            self.tool_group.addAction(a)
            self.tool_actions[name] = a
        self.tool_actions["select"].setIcon(st.standardIcon(QStyle.SP_ArrowUp))
        self.tool_actions["select"].setChecked(True)
        self.act_undo = QAction("&Undo", self)
        self.act_undo.setShortcut(QKeySequence.Undo)
        self.act_redo = QAction("&Redo", self)
        self.act_redo.setShortcuts([QKeySequence.Redo, QKeySequence("Ctrl+Shift+Z")])
        self.act_undo.triggered.connect(lambda: self.doc and self.doc.undo_stack.undo())
        self.act_redo.triggered.connect(lambda: self.doc and self.doc.undo_stack.redo())
        self.act_undo.setIconText("Undo")  # the toolbar stays short; the menu names the edit
        self.act_redo.setIconText("Redo")
        self.act_undo.setIcon(st.standardIcon(QStyle.SP_ArrowBack))
        self.act_redo.setIcon(st.standardIcon(QStyle.SP_ArrowForward))

    def _make_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu("&File")
        m.addActions([self.act_new, self.act_open])
        self.recent_menu = m.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m.addSeparator()
        m.addActions([self.act_save, self.act_save_as])
        self.export_menu = m.addMenu("&Export")
        self.export_menu.addActions(list(self.export_actions.values()))
        m.addSeparator()
        m.addAction(self.act_start)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = mb.addMenu("&Edit")
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addAction(self.act_delete)
        m.addSeparator()
        prefs = m.addAction("Preferences…")
        prefs.setMenuRole(QAction.PreferencesRole)
        prefs.triggered.connect(self.preferences)
        self.view_menu = mb.addMenu("&View")
        self.view_menu.addActions([self.act_fit_plan, self.act_fit_net, self.act_variant_hide])
        self.view_menu.addSeparator()
        m = mb.addMenu("&Tools")
        m.addActions(list(self.tool_actions.values()))
        m = mb.addMenu("&Plan")
        m.addActions([self.act_compute, self.act_cancel])
        m.addSeparator()
        m.addActions([self.act_variant_new, self.act_variant_open, self.act_variant_run, self.act_variant_hide])
        m = mb.addMenu("&Networks")
        m.addAction(self.act_choose_net)
        m.addAction(self.act_import_net)
        fetch = m.addMenu("Fetch from OpenStreetMap")
        try:
            from planner.network import PRESETS
        except Exception:  # pragma: no cover
            PRESETS = {}
        for preset, spec in PRESETS.items():
            a = fetch.addAction(f"{preset} — {spec.get('what', '')}")
            a.triggered.connect(lambda _=False, p=preset: self.fetch_network(p))
        m = mb.addMenu("&Help")
        m.addAction(self.act_about)

        tb = self.addToolBar("Main")
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        tb.addActions([self.act_new, self.act_open, self.act_save])
        tb.addSeparator()
        tb.addActions([self.act_undo, self.act_redo])
        tb.addSeparator()
        tb.addAction(self.act_compute)
        tb2 = self.addToolBar("Tools")
        tb2.setObjectName("toolsToolbar")
        tb2.setMovable(False)
        tb2.setToolButtonStyle(Qt.ToolButtonIconOnly)
        tb2.addActions(list(self.tool_actions.values()))
        self.toolbars = [tb, tb2]

    def _make_status_bar(self) -> None:
        sb = self.statusBar()
        self.selection_label = QLabel()
        self.tool_label = QLabel("Tool: select")
        self.coords_label = QLabel("—")
        self.coords_label.setMinimumWidth(190)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(self.act_cancel)
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.cancel_button.hide()
        for w in (self.selection_label, self.tool_label, self.coords_label, self.progress, self.cancel_button):
            sb.addPermanentWidget(w)

    def _dock(self, title, widget, area, name, min_w=None, min_h=None) -> QDockWidget:
        d = QDockWidget(title, self)
        d.setObjectName(name)
        d.setWidget(widget)
        d.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                      | QDockWidget.DockWidgetClosable)
        if min_w:
            widget.setMinimumWidth(min_w)
        if min_h:
            widget.setMinimumHeight(min_h)
        self.addDockWidget(area, d)
        self.view_menu.addAction(d.toggleViewAction())
        return d

    def _attach(self, doc: PlanDocument) -> None:
        """Create every view of ``doc`` (once; later plans replace ``doc.plan``)."""
        self.doc = doc
        doc.setParent(self)  # the document lives and dies with its window
        MapView, Palette = _map_classes()
        if MapView is not None:
            self.map = MapView(doc)
            self.map.cursorMoved.connect(self._on_cursor)
            self.map.toolChanged.connect(self._on_tool_changed)
            if hasattr(self.map, "hint"):
                self.map.hint.connect(lambda text: self.statusBar().showMessage(text, 6000))
        else:  # placeholder while the map is missing
            self.map = QLabel("The map is not available in this installation.")
            self.map.setAlignment(Qt.AlignCenter)
        self.map_page = QWidget()
        lay = QVBoxLayout(self.map_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.banner = self._make_banner()
        lay.addWidget(self.banner)
        lay.addWidget(self.map, 1)
        self.stack.addWidget(self.map_page)
        doc.planReset.connect(self._update_banner)

        if Palette is not None:
            self.palette = Palette()
            if hasattr(self.palette, "toolRequested") and MapView is not None:
                self.palette.toolRequested.connect(self.set_tool)
        else:
            self.palette = QLabel("Palette not available.")
        self.tree = ElementsTree(doc)
        self.tree.activated.connect(self.centre_on)
        self.properties = PropertiesPanel(doc)
        self.problems = ProblemsPanel(doc)
        self.problems.activated.connect(self.centre_on)
        self.problems.countChanged.connect(self._on_problem_count)
        self.schedule_panel = SchedulePanel(doc)
        self.schedule_panel.convoySelected.connect(self.highlight_convoy)
        self.gantt = GanttPanel(doc)
        self.gantt.convoyClicked.connect(self._select_convoy)
        self.routes_panel = RoutesPanel(doc)
        self.kpis = KpiPanel(doc)
        self.variants = VariantsPanel(doc)
        self.variants.variantRoutes.connect(self.show_variant_routes)
        self.variants.reportReady.connect(self._variants_done)
        # Esc and Cancel reach a running what-if run too
        self.variants.runFinished.connect(self._update_actions)
        self.variants.btn_run.clicked.connect(self._update_actions)
        self.variants.list.currentRowChanged.connect(lambda row: row < 0 and self.show_variant_routes(None))
        self.variants.status.setText(  # what to do, until the panel has something to say
            "What-if: New variant duplicates the plan (Plan ▸ Duplicate plan as variant); Record edits turns map "
            "edits into its changes; Open… reads a variants file. Run all compares them with the base.")
        self.undo_view = QUndoView(doc.undo_stack)
        self.undo_view.setEmptyLabel("Plan as opened (your edits follow; click one to go back to it)")

        self.dock_palette = self._dock("Palette", self.palette, Qt.LeftDockWidgetArea, "paletteDock", 250)
        self.dock_tree = self._dock("Elements", self.tree, Qt.LeftDockWidgetArea, "elementsDock")
        self.dock_kpis = self._dock("Summary", self.kpis, Qt.RightDockWidgetArea, "kpiDock", 360)
        self.dock_props = self._dock("Properties", self.properties, Qt.RightDockWidgetArea, "propertiesDock")
        self.dock_schedule = self._dock("Convoys", self.schedule_panel, Qt.BottomDockWidgetArea, "scheduleDock",
                                        min_h=160)
        self.dock_gantt = self._dock("Gantt", self.gantt, Qt.BottomDockWidgetArea, "ganttDock")
        self.dock_routes = self._dock("Routes", self.routes_panel, Qt.BottomDockWidgetArea, "routesDock")
        self.dock_problems = self._dock("Problems", self.problems, Qt.BottomDockWidgetArea, "problemsDock")
        # scrolled: the panel's toolbar, editor and comparison must not make the bottom docks taller than the map
        variants_scroll = QScrollArea()
        variants_scroll.setWidget(self.variants)
        variants_scroll.setWidgetResizable(True)
        variants_scroll.setFrameShape(QScrollArea.NoFrame)
        self.dock_variants = self._dock("Variants", variants_scroll, Qt.BottomDockWidgetArea, "variantsDock")
        self.dock_history = self._dock("History", self.undo_view, Qt.BottomDockWidgetArea, "historyDock")
        for d in (self.dock_gantt, self.dock_routes, self.dock_variants, self.dock_problems, self.dock_history):
            self.tabifyDockWidget(self.dock_schedule, d)
        self.dock_schedule.raise_()
        self.splitDockWidget(self.dock_palette, self.dock_tree, Qt.Vertical)
        self._default_dock_sizes()
        self.docks = [self.dock_palette, self.dock_tree, self.dock_kpis, self.dock_props, self.dock_schedule,
                      self.dock_gantt, self.dock_routes, self.dock_variants, self.dock_problems, self.dock_history]

        undo = doc.undo_stack
        undo.canUndoChanged.connect(self.act_undo.setEnabled)
        undo.canRedoChanged.connect(self.act_redo.setEnabled)
        undo.undoTextChanged.connect(self._on_undo_text)
        undo.redoTextChanged.connect(self._on_redo_text)
        doc.modifiedChanged.connect(self._update_title)
        doc.planReset.connect(self._update_title)
        doc.planChanged.connect(self._update_title)
        doc.selectionChanged.connect(self._on_selection)
        for sig in (doc.elementAdded, doc.elementChanged, doc.elementRemoved):
            sig.connect(self._bump)
        doc.planChanged.connect(self._bump)
        doc.planReset.connect(self._bump)
        doc.resultsChanged.connect(self._update_actions)
        from ui.convoys import install as install_time_slider  # time slider and convoy positions (ui/convoys)

        self.time_slider = install_time_slider(self)
        geometry = self.settings.value("window_state")
        self._restored = False
        if isinstance(geometry, QByteArray) and not os.environ.get("EVACPLAN_GUI_DEFAULT_LAYOUT"):
            self._restored = bool(self.restoreState(geometry))

    def _default_dock_sizes(self) -> None:
        """Dock sizes for a first start (applied again once the window has its size)."""
        h = max(600, self.height())
        side = h - int(0.3 * h) - 120  # height beside the bottom docks, below menus and toolbars
        self.resizeDocks([self.dock_palette, self.dock_tree], [250, max(200, side - 250)], Qt.Vertical)
        self.resizeDocks([self.dock_palette, self.dock_kpis], [320, 400], Qt.Horizontal)
        self.resizeDocks([self.dock_kpis, self.dock_props], [255, max(200, side - 255)], Qt.Vertical)
        self.resizeDocks([self.dock_schedule], [int(0.3 * h)], Qt.Vertical)

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
        try:
            from planner.network import PRESETS
        except Exception:  # pragma: no cover
            PRESETS = {}
        from planner.store import DEMO_NAME

        demo = name == DEMO_NAME
        building = self._building()
        self.banner_fetch.setVisible(name in PRESETS and not demo)
        self.banner_build.setVisible(demo and not building)
        for b in (self.banner_import, self.banner_choose):
            b.setVisible(not building)
        if building:
            self.banner_text.setText(
                f"<b>Building the offline demo network “{name}”</b> from the bundled OpenStreetMap extract "
                "(once, a few seconds). The roads appear when it is done; Esc cancels.")
        elif demo:
            self.banner_text.setText(
                f"<b>The offline demo network “{name}” is not built yet.</b> The plan is shown without roads "
                "until it is built from the bundled OpenStreetMap extract.")
        else:
            self.banner_text.setText(
                f"<b>Road network “{name}” is not in the store.</b> The plan is shown without roads and cannot be "
                "computed until the network is fetched or imported.")
        self.banner.show()

    # ------------------------------------------------------------ small slots

    def _on_undo_text(self, text) -> None:
        self.act_undo.setText(f"&Undo {text}" if text else "&Undo")
        self.act_undo.setIconText("Undo")
        self.act_undo.setToolTip(f"Undo {text}" if text else "Undo")

    def _on_redo_text(self, text) -> None:
        self.act_redo.setText(f"&Redo {text}" if text else "&Redo")
        self.act_redo.setIconText("Redo")
        self.act_redo.setToolTip(f"Redo {text}" if text else "Redo")

    def _on_selection(self, _ids) -> None:
        self.selection_label.setText(describe_selection(self.doc))

    def _bump(self, *_args) -> None:
        self._edit_serial += 1

    def _on_cursor(self, lon, lat) -> None:
        ns = "N" if lat >= 0 else "S"
        ew = "E" if lon >= 0 else "W"
        self.coords_label.setText(f"{abs(lat):.5f}° {ns}, {abs(lon):.5f}° {ew}")

    def _on_tool_changed(self, name) -> None:
        label = dict((n, t) for n, t, _k in TOOLS).get(name, name)
        self.tool_label.setText(f"Tool: {label}")
        a = self.tool_actions.get(name)
        if a is not None and not a.isChecked():
            a.setChecked(True)

    def _on_problem_count(self, n_err, n_warn) -> None:
        if getattr(self, "dock_problems", None) is None:
            return
        self.dock_problems.setWindowTitle(f"Problems ({n_err} errors, {n_warn} warnings)"
                                          if n_err or n_warn else "Problems")

    def set_tool(self, name: str) -> None:
        if self.map is not None and hasattr(self.map, "set_tool"):
            self.map.set_tool(name)
        self._on_tool_changed(name)

    def centre_on(self, element_id: str) -> None:
        if self.doc is None or not hasattr(self.map, "centerOn"):
            return
        el = self.doc.element(element_id)
        anchor = _element_anchor(el) if el is not None else None
        if anchor is not None:
            self.map.centerOn(*self.doc.to_scene(*anchor))

    def highlight_convoy(self, convoy_id) -> None:
        if self.map is not None and hasattr(self.map, "highlight_convoy"):
            self.map.highlight_convoy(convoy_id or None)
        self.gantt.highlight_convoy(convoy_id or None)

    # ------------------------------------------------------------ what-if variants

    def _raise_variants(self, tall: bool = False) -> None:
        """Show the Variants tab, tall enough for its editor and comparison (at most 55 % of the window);
        ``tall``: 55 %, for reading a comparison."""
        self.dock_variants.show()
        self.dock_variants.raise_()
        need = self.variants.minimumSizeHint().height() + 40
        if tall:
            need = max(need, int(0.55 * self.height()))
        have = self.dock_variants.height()
        if have < need:
            self.resizeDocks([self.dock_variants], [min(need, int(0.55 * self.height()))], Qt.Vertical)

    def new_variant(self) -> None:
        """A variant that is (for now) a copy of the plan; the Variants panel shows it, ready to record edits."""
        if self.doc is None:
            return
        v = self.variants.add_variant()
        self._raise_variants()
        self.statusBar().showMessage(
            f"Variant “{v.name}” is a copy of the plan: press Record edits in Variants, edit the map, release it.",
            10000)

    def open_variants_dialog(self) -> None:
        if self.doc is None:
            return
        self._raise_variants()
        self.variants._open_dialog()

    def run_variants(self) -> bool:
        """Run the base, every variant and sweep (the Variants panel's worker); the panel shows the comparison."""
        if self.doc is None:
            return False
        self._raise_variants()
        started = self.variants.run_all()
        self._update_actions()
        return started

    def _variants_done(self, report) -> None:
        n = len(report.get("results", []))
        if self.dock_variants.isVisible():
            self._raise_variants(tall=True)
        self.statusBar().showMessage(f"What-if: {n} runs compared (Variants panel).", 10000)

    def show_variant_routes(self, payload) -> None:
        """Draw a variant's changed routes dashed over the base's on the map (``None`` hides them)."""
        if self.map is None or not hasattr(self.map, "show_variant_routes"):
            return
        self.map.show_variant_routes(payload)
        self.act_variant_hide.setEnabled(bool(payload))
        if payload:
            self.statusBar().showMessage(self.map.variant_routes.caption, 10000)

    def _select_convoy(self, convoy_id) -> None:
        t = self.schedule_panel.table
        for r in range(t.rowCount()):
            if t.item(r, 0).data(Qt.UserRole) == convoy_id:
                t.selectRow(r)
                return
        t.clearSelection()
        self.highlight_convoy(None)

    def _delete_selection(self) -> None:
        if self.doc is not None and self.doc.selection:
            self.tree.delete_selected()

    def preferences(self) -> None:
        """Preferences kept in QSettings: autosave interval."""
        minutes, ok = QInputDialog.getInt(
            self, "Preferences", "Autosave unsaved changes for recovery every (minutes):",
            self.autosave_timer.interval() // 60_000, 1, 60)
        if ok:
            app_prefs.set_autosave_minutes(minutes, self.settings)
            self.autosave_timer.setInterval(minutes * 60_000)

    def _about(self) -> None:
        QMessageBox.about(self, "About evacplan",
                          "<b>evacplan</b> — offline planner for humanitarian evacuations by bus convoy.<br>"
                          "Road data © OpenStreetMap contributors (ODbL 1.0).")

    def _update_title(self, *_args) -> None:
        if self.doc is None or self.stack.currentWidget() is self.start_page:
            self.setWindowTitle("evacplan")
            return
        where = str(self.doc.path) if self.doc.path else "unsaved"
        self.setWindowTitle(f"{self.doc.plan.name} — {where}[*] — evacplan")
        self.setWindowModified(self.doc.is_modified())

    def _update_actions(self, *_args) -> None:
        has_doc = self.doc is not None and self.stack.currentWidget() is not self.start_page
        running = self.worker is not None
        for a in (self.act_save, self.act_save_as, self.act_compute, self.act_fit_plan, self.act_fit_net,
                  self.act_choose_net, self.act_delete, *self.tool_actions.values()):
            a.setEnabled(has_doc)
        self.act_compute.setEnabled(has_doc and not running)
        self.act_cancel.setEnabled(running or self._variants_running())
        for a in (self.act_variant_new, self.act_variant_open, self.act_variant_run):
            a.setEnabled(has_doc)
        self.act_variant_hide.setEnabled(has_doc and bool(getattr(getattr(self.map, "variant_routes", None),
                                                                  "items", None)))
        has_schedule = has_doc and getattr(self.doc.results, "schedule", None) is not None
        for key, _t, module, fn, _f in EXPORTS:
            available = _export_fn(module, fn) is not None
            a = self.export_actions[key]
            a.setEnabled(has_schedule and available)
            a.setToolTip("" if available else "this exporter is not installed yet")
        if self.doc is not None:
            self.act_undo.setEnabled(has_doc and self.doc.undo_stack.canUndo())
            self.act_redo.setEnabled(has_doc and self.doc.undo_stack.canRedo())
        else:
            self.act_undo.setEnabled(False)
            self.act_redo.setEnabled(False)

    # ------------------------------------------------------------ start page / pages

    def show_start_page(self) -> None:
        self.start_page.set_recent(app_prefs.recent_files(self.settings))
        names = self._stored_network_names()
        self.start_page.set_networks(names)
        if MARIUPOL_NETWORK not in names:
            self._check_online(MARIUPOL_NETWORK in names)
        self.stack.setCurrentWidget(self.start_page)
        for d in getattr(self, "docks", []):
            d.hide()
        for w in (self.selection_label, self.tool_label, self.coords_label):
            w.hide()
        for tb in self.toolbars[1:]:
            tb.hide()
        self._update_title()
        self._update_actions()

    def show_plan_page(self) -> None:
        self._update_banner()
        if self.stack.currentWidget() is not self.map_page:
            self.stack.setCurrentWidget(self.map_page)
            for d in self.docks:
                d.show()
            self.dock_schedule.raise_()
            for tb in self.toolbars:
                tb.show()
            for w in (self.selection_label, self.tool_label, self.coords_label):
                w.show()
            if not self._restored:
                QTimer.singleShot(0, self._default_dock_sizes)
        self._update_title()
        self._update_actions()

    def _stored_network_names(self) -> list[str]:
        try:
            from planner.network import list_networks, store_dir
            from planner.store import DEMO_NAME

            if network_needs_build(DEMO_NAME):
                # list_networks would build the demo network here and freeze the window: the worker builds it
                if self.worker is None:
                    self.build_demo_network()
                root = store_dir()
                names = {p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")} \
                    if root.is_dir() else set()
                return sorted(names | {DEMO_NAME})
            return [e["name"] for e in list_networks() if "error" not in e]
        except Exception:
            return []

    def _building(self) -> bool:
        """True while the demo network is being built."""
        return self.worker is not None and self._task_name == "Build network"

    def _check_online(self, have: bool) -> None:
        """Ask (off the GUI thread) whether OpenStreetMap is reachable; tell the start page."""
        if not self.check_connectivity:
            return
        try:
            from planner.network import _network_reachable
        except Exception:  # pragma: no cover
            return
        w = TaskWorker(lambda progress: _network_reachable(timeout=3.0))
        w.signals.finished.connect(lambda online: self.start_page.set_online(bool(online), have))
        w.signals.failed.connect(lambda *_: self.start_page.set_online(False, have))
        self._online_worker = w
        w.start()

    # ------------------------------------------------------------ files

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes; False means the planner cancelled."""
        if self.doc is None or not self.doc.is_modified():
            return True
        r = QMessageBox.question(
            self, "Unsaved changes",
            f"The plan “{self.doc.plan.name}” has unsaved changes. Save them first?",
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if r == QMessageBox.Save:
            return self.save()
        return r == QMessageBox.Discard

    def _load_network_for(self, plan):
        """The plan's network from the store, or None with a status message saying what to do.

        ``None`` too for the bundled demo network before its first build: :meth:`set_plan`
        builds it in a worker.
        """
        if network_needs_build(plan.network.name):
            return None
        try:
            QGuiApplication.setOverrideCursor(Qt.WaitCursor)
            return load_plan_network(plan.network.name)
        except EvacplanError as exc:
            self.statusBar().showMessage(f"Network not loaded: {exc}", 15000)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def set_plan(self, plan, path=None, *, modified=False) -> None:
        """Show ``plan`` (loads its network); replaces the current plan without asking."""
        net = self._load_network_for(plan)
        build = net is None and network_needs_build(plan.network.name)
        if build and self._building():
            build = False  # already on its way (started by the start page)
        elif build:
            self._detach_worker()  # the old plan's work ends unseen; the build takes the status bar
        else:
            self.cancel_task()
        if self.doc is None:
            self._attach(PlanDocument(plan, net, path))
            self.doc._dirty = modified
        else:
            self.doc.set_plan(plan, net, path, modified=modified)
        if build:
            self.build_demo_network()
        self.show_plan_page()
        QTimer.singleShot(0, lambda: self.map is not None and hasattr(self.map, "fit_to_plan")
                          and self.map.fit_to_plan())
        self._update_title()

    def open_path(self, path) -> bool:
        """Open a plan file; a broken file gives a message box naming the problem (False)."""
        path = Path(path)
        try:
            plan = load_plan(path)
        except EvacplanError as exc:
            QMessageBox.critical(self, "Cannot open plan", f"Cannot open {path.name}:\n\n{exc}")
            return False
        except (OSError, ValueError, TypeError, KeyError) as exc:  # anything a broken file can cause
            QMessageBox.critical(self, "Cannot open plan", f"Cannot open {path}:\n\n{type(exc).__name__}: {exc}")
            return False
        if not self.maybe_save():
            return False
        self.set_plan(plan, path)
        app_prefs.add_recent_file(path, self.settings)
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def open_dialog(self) -> None:
        start = str(self.doc.path.parent) if self.doc and self.doc.path else str(Path.cwd())
        path, _ = QFileDialog.getOpenFileName(self, "Open plan", start, PLAN_FILTER)
        if path:
            self.open_path(path)

    def new_plan(self) -> None:
        names = self._stored_network_names()
        if not self.maybe_save():
            return
        dlg = NewPlanDialog(names, self)
        if dlg.exec() != QDialog.Accepted or dlg.plan is None:
            return
        self.set_plan(dlg.plan, None, modified=True)
        if self.doc.network is not None:
            self.doc.plan.network.sha256 = self.doc.network.sha256
        QTimer.singleShot(0, lambda: self.map is not None and hasattr(self.map, "fit_to_network")
                          and self.map.fit_to_network())

    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        default = self.doc.path or Path.cwd() / f"{_slug(self.doc.plan.name)}{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self, "Save plan as", str(default), PLAN_FILTER)
        if not path:
            return False
        if not path.endswith(".json"):
            path += SUFFIX
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            save_plan(self.doc.plan, path)  # atomic: temporary file, fsync, rename
        except EvacplanError as exc:
            QMessageBox.critical(self, "Cannot save plan", str(exc))
            return False
        self.doc.mark_saved(path)
        app_prefs.add_recent_file(path, self.settings)
        self.discard_recovery()
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = app_prefs.recent_files(self.settings)
        for p in items:
            a = self.recent_menu.addAction(p)
            a.triggered.connect(lambda _=False, p=p: self.open_path(p))
        if not items:
            self.recent_menu.addAction("(none)").setEnabled(False)

    # ------------------------------------------------------------ autosave and recovery

    def autosave_now(self) -> Path | None:
        """Write the plan to the recovery file when it has unsaved changes."""
        if self.doc is None or not self.doc.is_modified():
            return None
        try:
            save_plan(self.doc.plan, self.recovery_path)
            meta = {"path": str(self.doc.path) if self.doc.path else None, "pid": os.getpid(),
                    "saved": datetime.now().astimezone().isoformat(timespec="seconds"),
                    "plan": self.doc.plan.name}
            write_text_atomic(self.recovery_path.with_suffix(".meta"), json.dumps(meta), what="the recovery note")
        except (EvacplanError, OSError) as exc:
            self.statusBar().showMessage(f"Autosave failed: {exc}", 10000)
            return None
        return self.recovery_path

    def discard_recovery(self) -> None:
        for p in (self.recovery_path, self.recovery_path.with_suffix(".meta")):
            try:
                p.unlink()
            except FileNotFoundError:
                pass

    @staticmethod
    def orphaned_recoveries() -> list[tuple[Path, dict]]:
        """Recovery files left by evacplan sessions that are no longer running (a crash)."""
        out = []
        for p in sorted(app_prefs.recovery_dir().glob(f"recovery-*{SUFFIX}")):
            meta_path = p.with_suffix(".meta")
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                meta = {}
            pid = meta.get("pid")
            if isinstance(pid, int) and _pid_alive(pid):
                continue
            out.append((p, meta))
        return out

    def offer_recovery(self) -> bool:
        """After a crash: offer to restore the last autosaved plan. True when a plan was recovered."""
        found = self.orphaned_recoveries()
        if not found:
            return False
        path, meta = found[-1]
        when = meta.get("saved", "an earlier session")
        name = meta.get("plan", path.name)
        r = QMessageBox.question(
            self, "Recover plan",
            f"evacplan did not close normally. A recovery copy of “{name}” was saved at {when}.\n\n"
            "Recover it? (No deletes the recovery copy.)",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        if r != QMessageBox.Yes:
            for p, _m in found:
                for f in (p, p.with_suffix(".meta")):
                    f.unlink(missing_ok=True)
            return False
        try:
            plan = load_plan(path)
        except EvacplanError as exc:
            QMessageBox.critical(self, "Cannot recover plan", str(exc))
            return False
        original = meta.get("path")
        self.set_plan(plan, Path(original) if original else None, modified=True)
        for p, _m in found:
            for f in (p, p.with_suffix(".meta")):
                f.unlink(missing_ok=True)
        self.autosave_now()  # our own recovery copy from now on
        self.statusBar().showMessage("Recovered the plan from the autosave: save it to keep it.", 10000)
        return True

    # ------------------------------------------------------------ background work

    def _start_task(self, name: str, worker: TaskWorker, on_done) -> bool:
        if self.worker is not None:
            self.statusBar().showMessage(f"Busy: {self._task_name} is running", 5000)
            return False
        self.worker = worker
        self._task_name = name
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(f"{name}: %p%")
        self.progress.show()
        self.cancel_button.show()
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(lambda result: self._task_done(name, on_done, result))
        worker.signals.failed.connect(lambda msg, tb: self._task_failed(name, msg, tb))
        worker.signals.cancelled.connect(lambda: self._task_cancelled(name))
        self._update_actions()
        worker.start()
        return True

    def _on_progress(self, fraction, message) -> None:
        if fraction is None or fraction < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * max(0.0, min(1.0, fraction))))
        self.statusBar().showMessage(f"{self._task_name}: {message}")

    def _end_task(self) -> None:
        self.worker = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_actions()
        if getattr(self, "banner", None) is not None:
            self._update_banner()

    def _task_done(self, name, on_done, result) -> None:
        self._end_task()
        try:
            on_done(result)
        finally:
            self.taskFinished.emit(name, True)

    def _task_failed(self, name, message, tb) -> None:
        self._end_task()
        if tb:
            print(tb, file=sys.stderr)
        if name == "Compute" and self.doc is not None:
            self.problems.set_engine_error(f"Compute failed: {message}")
            self.dock_problems.raise_()
            self.statusBar().showMessage(f"Compute failed: {message}", 15000)
            self.computeFinished.emit(False)
        else:
            QMessageBox.warning(self, f"{name} failed", message)
        self.taskFinished.emit(name, False)

    def _task_cancelled(self, name) -> None:
        self._end_task()
        self.statusBar().showMessage(f"{name} cancelled: nothing changed.", 8000)
        if name == "Compute":
            self.computeFinished.emit(False)
        self.taskFinished.emit(name, False)

    def _variants_running(self) -> bool:
        return getattr(getattr(self, "variants", None), "worker", None) is not None

    def cancel_task(self) -> None:
        """Cancel the running work (compute, import, build, export; else a what-if run)."""
        if self.worker is not None:
            self.worker.cancel()
            self.statusBar().showMessage(f"Cancelling {self._task_name}…")
        elif self._variants_running():
            self.variants.cancel()
            self.statusBar().showMessage("Cancelling the what-if run…")

    def _detach_worker(self) -> None:
        """Cancel the running worker and drop it: its signals no longer reach this window."""
        if self.worker is None:
            return
        self.worker.cancel()
        for sig in (self.worker.signals.progress, self.worker.signals.finished, self.worker.signals.failed,
                    self.worker.signals.cancelled):
            try:
                sig.disconnect()
            except (RuntimeError, TypeError):
                pass
        self._end_task()

    def wait_task(self, timeout_s: float = 600.0) -> None:
        """Block with a local event loop until the running worker ends (screenshot mode, scripts)."""
        w = self.worker
        if w is None:
            return
        loop = QEventLoop()
        for sig in (w.signals.finished, w.signals.failed, w.signals.cancelled):
            sig.connect(loop.quit, Qt.QueuedConnection)
        poll = QTimer()  # in case the worker ended between the check and the connections
        poll.timeout.connect(lambda: (w.done.is_set() or time.monotonic() > deadline) and loop.quit())
        deadline = time.monotonic() + timeout_s
        poll.start(100)
        if not w.done.is_set():
            loop.exec()
        poll.stop()
        QApplication.processEvents()

    def compute(self, *, wait: bool = False) -> bool:
        """Route and schedule the plan in a worker; results replace ``doc.results`` when done.

        ``wait``: block (with a local event loop) until the worker ends (screenshot mode).
        """
        if self.doc is None:
            return False
        if self.doc.network is None:
            self.problems.set_engine_error(
                f"Network {self.doc.plan.network.name!r} is not in the store: import or fetch it (Networks menu).")
            self.dock_problems.raise_()
            self.statusBar().showMessage("Cannot compute: the plan's road network is not loaded.", 10000)
            self.computeFinished.emit(False)
            return False
        plan = self.doc.plan.copy()  # the worker reads a snapshot; edits meanwhile make the result stale
        self._compute_serial = self._edit_serial
        worker = TaskWorker(compute_plan, plan, self.doc.network)
        if not self._start_task("Compute", worker, self._compute_done):
            return False
        if wait:
            self.wait_task()
        return True

    def _compute_done(self, result) -> None:
        if self._compute_serial != self._edit_serial:
            self.statusBar().showMessage("The plan changed while computing: press F5 again.", 10000)
            self.computeFinished.emit(False)
            return
        self.doc.set_results(result)
        data = schedule_json(result.schedule)
        if data is not None:
            k = data.get("kpis", {})
            self.statusBar().showMessage(
                f"Computed: {len(data.get('convoys', []))} convoys, {int(k.get('evacuated', 0)):,} of "
                f"{int(k.get('demand', 0)):,} people out.", 15000)
            self.dock_schedule.raise_()
        else:
            n = len(result.problems)
            self.statusBar().showMessage(f"Not scheduled: {n} problem(s), see Problems.", 15000)
            self.dock_problems.raise_()
        self.computeFinished.emit(True)

    # ------------------------------------------------------------ networks

    def choose_network(self) -> None:
        if self.doc is None:
            return
        names = self._stored_network_names()
        if not names:
            QMessageBox.information(self, "No networks", "The store has no networks: import an OSM file first.")
            return
        current = names.index(self.doc.plan.network.name) if self.doc.plan.network.name in names else 0
        name, ok = QInputDialog.getItem(self, "Road network", "Put the plan on the stored network:", names,
                                        current, False)
        if not ok:
            return
        if network_needs_build(name):
            self.statusBar().showMessage(f"The demo network “{name}” is still being built: choose it again when "
                                         "it is done.", 8000)
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
        path, _ = QFileDialog.getOpenFileName(self, "Import OpenStreetMap file", str(Path.home()), OSM_FILTER)
        if not path:
            return
        from planner.network import default_name

        name, ok = QInputDialog.getText(self, "Network name", "Store the network as:",
                                        text=suggested_name or default_name(path))
        if not ok or not name.strip():
            return
        bbox = None
        if suggested_name == MARIUPOL_NETWORK:
            from planner.network import PRESETS

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
            from planner.network import import_osm, save_network

            net = import_osm(path, name=name, bbox=bbox, progress=progress)
            save_network(net)
            return net

        return self._start_task("Import", TaskWorker(work), self._network_stored)

    def fetch_network(self, preset: str) -> bool:
        def work(progress):
            from planner.network import fetch, save_network

            net = fetch(preset=preset, progress=progress)
            save_network(net)
            return net

        return self._start_task("Fetch", TaskWorker(work), self._network_stored)

    def _network_stored(self, net) -> None:
        m = net.meta
        self.statusBar().showMessage(
            f"Stored network {net.name}: {m['counts']['nodes']:,} nodes, {m['counts']['edges']:,} edges", 15000)
        if self.doc is not None and self.doc.network is None and self.doc.plan.network.name == net.name:
            self.doc.set_network(net)
            self._update_banner()
        if self.stack.currentWidget() is self.start_page:
            self.show_start_page()

    # ------------------------------------------------------------ exports

    def export(self, key: str, path=None) -> bool:
        """Export the computed schedule (PDF, CSV, GeoJSON, GPX) in a worker; ``path`` skips the file dialog."""
        spec = next(e for e in EXPORTS if e[0] == key)
        _k, _text, module, fn_name, flt = spec
        fn = _export_fn(module, fn_name)
        res = self.doc.results if self.doc else None
        if fn is None or res is None or res.schedule is None:
            QMessageBox.information(self, "Export", "Compute the plan first (F5).")
            return False
        if path is None:
            base = self.doc.path.name.replace(SUFFIX, "") if self.doc.path else _slug(self.doc.plan.name)
            folder = self.doc.path.parent if self.doc.path else Path.cwd()
            path, _ = QFileDialog.getSaveFileName(self, f"Export {key.upper()}", str(folder / f"{base}.{key}"), flt)
            if not path:
                return False
        worker = TaskWorker(export_schedule, fn, res.schedule, self.doc.plan.copy(), self.doc.network,
                            Path(path), res.routes)
        return self._start_task(f"Export {key.upper()}", worker, self._export_done)

    def _export_done(self, written) -> None:
        paths = written if isinstance(written, (list, tuple)) else [written]
        self.statusBar().showMessage("Exported " + ", ".join(str(p) for p in paths), 10000)

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self._detach_worker()  # let it stop on its own; its signals must not reach a closed window
        layout_kept = not os.environ.get("EVACPLAN_GUI_DEFAULT_LAYOUT")  # screenshots leave the user's layout alone
        if layout_kept and self.doc is not None and self.stack.currentWidget() is not self.start_page:
            self.settings.setValue("window_state", self.saveState())
        self.settings.sync()
        self.discard_recovery()
        if self in MainWindow.instances:
            MainWindow.instances.remove(self)
        event.accept()


def _slug(text: str) -> str:
    keep = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(p for p in keep.split("-") if p)[:60] or "plan"


# ---------------------------------------------------------------- crash handling


def _excepthook(exc_type, exc, tb) -> None:
    """Unexpected errors: save recovery copies, show a dialog, keep running (never a bare traceback)."""
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    print(text, file=sys.stderr)
    saved = []
    for w in list(MainWindow.instances):
        try:
            p = w.autosave_now()
            if p:
                saved.append(str(p))
        except Exception:
            pass
    if isinstance(exc, EvacplanError):
        message = str(exc)
    else:
        message = f"An internal error occurred: {exc_type.__name__}: {exc}"
    if saved:
        message += f"\n\nA recovery copy of your plan was saved to {saved[0]}."
    box = QMessageBox(QMessageBox.Critical, "evacplan error", message)
    box.setDetailedText(text)
    box.exec()


def install_excepthook() -> None:
    sys.excepthook = _excepthook


# ---------------------------------------------------------------- entry point


def run_gui(plan=None, screenshot=None, size=(1600, 1000)) -> int:
    """``evacplan gui [PLAN] [--screenshot PNG]``.

    With ``screenshot``: open the plan, compute (waiting for the worker),
    render the window offscreen at ``size`` and save a PNG; exit 0.
    """
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["EVACPLAN_GUI_DEFAULT_LAYOUT"] = "1"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("evacplan")
    app.setOrganizationName("evacplan")
    from ui.i18n import install_translator  # English, Ukrainian or Russian (ui/i18n.py)

    install_translator(app)
    install_excepthook()
    window = MainWindow()
    if screenshot:
        if plan is None:
            from ui.panels.start import DEMO_PLAN

            plan = DEMO_PLAN
        plan_obj = load_plan(plan)  # EvacplanError -> exit 1 through the CLI
        window.resize(*size)
        window.set_plan(plan_obj, plan)
        window.show()
        app.processEvents()
        window.wait_task()  # the demo network's first build
        if window.doc.network is not None:
            window.compute(wait=True)
        deadline = time.monotonic() + 0.3
        while time.monotonic() < deadline:
            app.processEvents()
        if window.map is not None and hasattr(window.map, "fit_to_plan"):
            window.map.fit_to_plan()
            app.processEvents()
        pix = window.grab()
        out = Path(screenshot)
        if not out.parent.is_dir():
            raise EvacplanError(f"{out}: folder {out.parent} does not exist")
        if not pix.save(str(out)):
            raise EvacplanError(f"cannot write the screenshot {out}")
        window.doc.mark_saved()
        results = window.doc.results
        window.close()
        if results is None or results.schedule is None:
            # the picture is saved (it shows the problems); the exit code says the compute failed
            print(f"evacplan: {plan}: the plan could not be computed; see the problems in {out}", file=sys.stderr)
            return 1
        return 0
    window.show()
    if not window.offer_recovery() and plan is not None:
        window.open_path(plan)
    return app.exec()
