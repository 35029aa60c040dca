"""The evacplan main window: map, palette, panels and docks, pages, and the slots that tie them together."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QTabBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from planner.plan import SUFFIX
from ui import settings as app_prefs
from ui.commands import geometry_of
from ui.convoys import install as install_time_slider
from ui.document import PlanDocument
from ui.map.view import MapView
from ui.palette import Palette
from ui.panels.convoys import SchedulePanel
from ui.panels.elements import ElementsTree
from ui.panels.gantt import GanttPanel
from ui.panels.kpis import KpiPanel
from ui.panels.problems import ProblemsPanel
from ui.panels.properties import PropertiesPanel, describe_selection
from ui.panels.results import RoutesPanel
from ui.panels.start import MARIUPOL_NETWORK, StartPage
from ui.panels.variants import VariantsPanel
from ui.window.actions import TOOLS, ActionsMixin
from ui.window.files import EXPORTS, FilesMixin
from ui.window.guide import UserGuide
from ui.window.networks import NetworksMixin
from ui.window.recovery import RecoveryMixin
from ui.window.tasks import TasksMixin
from ui.workers import TaskWorker


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


DOCK_WIDTH = 270  # px: the left column (the properties form: labels, fields and "UTC+02:00" uncut)
DOCK_WIDTH_NARROW = 190  # px: the left column of a window under 1500 px wide (1366x768 laptops)
BOTTOM_SHARE = 0.14  # of a tall window's height: the result row below the map
CONVOY_ROWS = 3  # rows of the convoy table the default layout shows (at 1366x768 too)


VERTICAL = QDockWidget.DockWidgetVerticalTitleBar  # the bottom docks: title on the side


def dock_title_length(dock: QDockWidget) -> int:
    """Pixels a dock's title bar needs along its length: the title, its close and float buttons, margins."""
    st = dock.style()
    button = st.pixelMetric(QStyle.PM_SmallIconSize) + 2 * st.pixelMetric(QStyle.PM_DockWidgetTitleBarButtonMargin)
    return (
        dock.fontMetrics().horizontalAdvance(dock.windowTitle())
        + 2 * button
        + 3 * st.pixelMetric(QStyle.PM_DockWidgetTitleMargin)
        + 6
    )


class MainWindow(ActionsMixin, FilesMixin, RecoveryMixin, TasksMixin, NetworksMixin, QMainWindow):
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
        self._loading_name = ""  # the network a "Load network" task is loading
        self._network_issue = ""  # why the plan's network is not loaded: "", "cancelled" or the error line
        self._after_network: list = []  # what waits for the plan's network (a compute asked for meanwhile)
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

    def _dock(self, title, widget, area, name, min_w=None, min_h=None) -> QDockWidget:
        d = QDockWidget(title, self)
        d.setObjectName(name)
        d.setWidget(widget)
        features = QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable | QDockWidget.DockWidgetClosable
        if area == Qt.BottomDockWidgetArea:  # the title on the side: the short result row keeps its height
            features |= QDockWidget.DockWidgetVerticalTitleBar
        d.setFeatures(features)
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
        self.map = MapView(doc)
        self.map.cursorMoved.connect(self._on_cursor)
        self.map.toolChanged.connect(self._on_tool_changed)
        self.map.hint.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.map.editRequested.connect(self._edit_element)
        self.map_page = QWidget()
        lay = QVBoxLayout(self.map_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.banner = self._make_banner()
        lay.addWidget(self.banner)
        lay.addWidget(self.map, 1)
        self.stack.addWidget(self.map_page)
        doc.planReset.connect(self._update_banner)

        self.palette = Palette()
        self.palette.toolRequested.connect(self.set_tool)
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
        self.kpis.set_tighten_action(self.act_tighten)
        self.variants = VariantsPanel(doc)
        self.variants.variantRoutes.connect(self.show_variant_routes)
        self.variants.reportReady.connect(self._variants_done)
        # Esc and Cancel reach a running what-if run too
        self.variants.runFinished.connect(self._update_actions)
        self.variants.btn_run.clicked.connect(self._update_actions)
        self.variants.list.currentRowChanged.connect(lambda row: row < 0 and self.show_variant_routes(None))
        self.variants.status.setText(  # what to do, until the panel has something to say
            self.tr(
                "What-if: New variant duplicates the plan (Plan ▸ Duplicate plan as variant); Record edits turns map "
                "edits into its changes; Open… reads a variants file. Run all compares them with the base."
            )
        )
        self.undo_view = QUndoView(doc.undo_stack)
        self.undo_view.setEmptyLabel(self.tr("Plan as opened (your edits follow; click one to go back to it)"))

        self.dock_palette = self._dock(
            self.tr("Palette"), self.palette, Qt.LeftDockWidgetArea, "paletteDock", DOCK_WIDTH_NARROW - 10
        )
        self.dock_tree = self._dock(self.tr("Elements"), self.tree, Qt.LeftDockWidgetArea, "elementsDock")
        self.dock_props = self._dock(self.tr("Properties"), self.properties, Qt.LeftDockWidgetArea, "propertiesDock")
        # scrolled: after a compute the summary (figures and the not-served table) must not push the map up
        kpis_scroll = QScrollArea()
        kpis_scroll.setWidget(self.kpis)
        kpis_scroll.setWidgetResizable(True)
        kpis_scroll.setFrameShape(QScrollArea.NoFrame)
        kpis_scroll.setMinimumHeight(80)
        self.dock_kpis = self._dock(self.tr("Summary"), kpis_scroll, Qt.BottomDockWidgetArea, "kpiDock", 380)
        self.dock_schedule = self._dock(
            self.tr("Convoys"), self.schedule_panel, Qt.BottomDockWidgetArea, "scheduleDock", min_h=90
        )
        self.dock_gantt = self._dock(self.tr("Gantt"), self.gantt, Qt.BottomDockWidgetArea, "ganttDock")
        self.dock_routes = self._dock(self.tr("Routes"), self.routes_panel, Qt.BottomDockWidgetArea, "routesDock")
        self.dock_problems = self._dock(self.tr("Problems"), self.problems, Qt.BottomDockWidgetArea, "problemsDock")
        # scrolled: the panel's toolbar, editor and comparison must not make the bottom docks taller than the map
        variants_scroll = QScrollArea()
        variants_scroll.setWidget(self.variants)
        variants_scroll.setWidgetResizable(True)
        variants_scroll.setFrameShape(QScrollArea.NoFrame)
        self.dock_variants = self._dock(self.tr("Variants"), variants_scroll, Qt.BottomDockWidgetArea, "variantsDock")
        self.dock_history = self._dock(self.tr("History"), self.undo_view, Qt.BottomDockWidgetArea, "historyDock")
        self.docks = [
            self.dock_palette,
            self.dock_tree,
            self.dock_kpis,
            self.dock_props,
            self.dock_schedule,
            self.dock_gantt,
            self.dock_routes,
            self.dock_variants,
            self.dock_problems,
            self.dock_history,
        ]
        self._arrange_docks()

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
        doc.resultsChanged.connect(self._forget_computed_message)
        self.time_slider = install_time_slider(self)  # under the map, with the convoy positions (ui/convoys)
        geometry = self.settings.value("window_state")
        self._restored = False
        if isinstance(geometry, QByteArray) and not os.environ.get("EVACPLAN_GUI_DEFAULT_LAYOUT"):
            self._restored = bool(self.restoreState(geometry))

    def _arrange_docks(self) -> None:
        """The default layout: palette, elements and properties in one column on the left; the summary and
        the result tabs in one short row below the map, which keeps at least 60 % of the window."""
        shown = [d for d in self.docks if not d.isHidden()]
        for d in self.docks:
            d.setFloating(False)
            # out of their tab groups first: re-tabifying docks in place leaves a stale tab bar over the real
            # one (seen in an Xvfb grab after View -> Reset layout: "History Gantt")
            self.removeDockWidget(d)
        # the left column runs down to the status bar: its panels do not squeeze the result row's height
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        for d in (self.dock_palette, self.dock_tree, self.dock_props):
            self.addDockWidget(Qt.LeftDockWidgetArea, d)
        for d in (self.dock_kpis, self.dock_schedule):
            self.addDockWidget(Qt.BottomDockWidgetArea, d)
        self.splitDockWidget(self.dock_palette, self.dock_tree, Qt.Vertical)
        self.splitDockWidget(self.dock_tree, self.dock_props, Qt.Vertical)
        self.splitDockWidget(self.dock_kpis, self.dock_schedule, Qt.Horizontal)
        for d in (self.dock_gantt, self.dock_routes, self.dock_variants, self.dock_problems, self.dock_history):
            self.tabifyDockWidget(self.dock_schedule, d)
        for d in shown:
            d.show()
        self.dock_schedule.raise_()
        self._default_dock_sizes()

    def _default_dock_sizes(self) -> None:
        """Dock sizes of the default layout (applied again once the window has its size)."""
        h = max(600, self.height())
        side = h - 110  # the left column's height, below menus and toolbars
        self.resizeDocks(
            [self.dock_palette, self.dock_tree, self.dock_props],
            [200, int(0.3 * side), max(250, side - 200 - int(0.3 * side))],
            Qt.Vertical,
        )
        left = DOCK_WIDTH if self.width() >= 1500 else DOCK_WIDTH_NARROW
        self.resizeDocks([self.dock_palette], [left], Qt.Horizontal)
        # the summary as wide as its figures and not-served table side by side need (its scroll area and
        # title bar too), within half the result row; sizes that add up to more than the row are scaled
        row_w = self.width() - left - 8
        kpi_w = min(max(380, self.kpis.minimumSizeHint().width() + self.kpis.wanted_extra + 28), int(0.5 * row_w))
        self.resizeDocks([self.dock_kpis, self.dock_schedule], [kpi_w, max(400, row_w - kpi_w)], Qt.Horizontal)
        bottom = self._convoy_rows_height(CONVOY_ROWS)
        if h >= 900:  # a tall window gives the summary and the tables a little more, and the docks' side
            # titles room to show whole ("Диаграмма Ганта" read "Диаграм…"; a small window keeps its map)
            # (the tab group's docks are the row less its tab bar)
            tabs = max([b.sizeHint().height() for b in self.findChildren(QTabBar) if b.count() > 1] or [0])
            titles = [dock_title_length(d) + tabs for d in self.findChildren(QDockWidget) if d.features() & VERTICAL]
            bottom = max([bottom, int(BOTTOM_SHARE * h)] + titles)
        self.resizeDocks([self.dock_schedule], [bottom], Qt.Vertical)

    def _convoy_rows_height(self, rows: int) -> int:
        """Height (px) of the result row that shows ``rows`` rows of the convoy table: its header, the rows,
        its scroll bar and frame, and the tab bar of the result tabs (``resizeDocks`` sizes the tab group)."""
        t = self.schedule_panel.table
        tabs = [b.sizeHint().height() for b in self.findChildren(QTabBar) if b.count() > 1]
        return (
            t.horizontalHeader().sizeHint().height()
            + rows * t.verticalHeader().defaultSectionSize()
            + t.horizontalScrollBar().sizeHint().height()
            + 2 * t.frameWidth()
            + 4  # the panel's margins
            + (max(tabs) if tabs else 28)
        )

    def reset_layout(self) -> None:
        """View → Reset layout: every panel back in its default place and size (a variant run's tall panel too)."""
        if self.doc is None or self.stack.currentWidget() is self.start_page:
            return
        self._arrange_docks()
        for d in self.docks:
            d.show()
        self.dock_schedule.raise_()
        QTimer.singleShot(0, self._default_dock_sizes)

    def _on_selection(self, _ids) -> None:
        self.selection_label.setText(describe_selection(self.doc))

    def _bump(self, *_args) -> None:
        self._edit_serial += 1

    def _on_cursor(self, lon, lat) -> None:
        ns = self.tr("N", "latitude") if lat >= 0 else self.tr("S", "latitude")
        ew = self.tr("E", "longitude") if lon >= 0 else self.tr("W", "longitude")
        self.coords_label.setText(f"{abs(lat):.5f}° {ns}, {abs(lon):.5f}° {ew}")

    def _on_tool_changed(self, name) -> None:
        label = {n: t for n, t, _k in TOOLS}.get(name, name)
        self.tool_label.setText(self.tr("Tool: {name}").format(name=QCoreApplication.translate("MainWindow", label)))
        a = self.tool_actions.get(name)
        if a is not None and not a.isChecked():
            a.setChecked(True)

    def _on_problem_count(self, n_err, n_warn) -> None:
        if getattr(self, "dock_problems", None) is None:
            return
        self.dock_problems.setWindowTitle(
            self.tr("Problems ({e} errors, {w} warnings)").format(e=n_err, w=n_warn)
            if n_err or n_warn
            else self.tr("Problems")
        )

    def set_tool(self, name: str) -> None:
        if self.map is not None:
            self.map.set_tool(name)
        self._on_tool_changed(name)

    def centre_on(self, element_id: str) -> None:
        if self.doc is None:
            return
        el = self.doc.element(element_id)
        anchor = _element_anchor(el) if el is not None else None
        if anchor is not None:
            self.map.centerOn(*self.doc.to_scene(*anchor))

    def highlight_convoy(self, convoy_id) -> None:
        if self.map is not None:
            self.map.highlight_convoy(convoy_id or None)
        self.gantt.highlight_convoy(convoy_id or None)

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
            self.tr(
                "Variant “{name}” is a copy of the plan: press Record edits in Variants, edit the map, release it."
            ).format(name=v.name),
            10000,
        )

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
        self.statusBar().showMessage(self.tr("What-if: {n} runs compared (Variants panel).").format(n=n), 10000)

    def show_variant_routes(self, payload) -> None:
        """Draw a variant's changed routes dashed over the base's on the map (``None`` hides them)."""
        if self.map is None:
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
        """Preferences kept in QSettings: autosave interval, language (:class:`ui.settings.PreferencesDialog`)."""
        if app_prefs.PreferencesDialog(self.settings, self).exec():
            self.autosave_timer.setInterval(app_prefs.autosave_interval_ms(self.settings))
            self._update_actions()  # more time a run: a tightened bound can be tightened again

    def _edit_element(self, element_id: str) -> None:
        """Right-click → Edit: the element's properties, shown and focused."""
        self.dock_props.show()
        self.dock_props.raise_()
        self.properties.setFocus()

    def _toggle_legend(self, on: bool) -> None:
        if self.map is not None:
            self.map.show_legend = bool(on)
            self.map.viewport().update()

    def show_user_guide(self) -> None:
        """Help → User guide (F1): the offline guide in resources/help, in a window of the app."""
        if getattr(self, "guide", None) is None:
            self.guide = UserGuide(self)
        self.guide.show()
        self.guide.raise_()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About evacplan"),
            self.tr(
                "<b>evacplan</b> — offline planner for humanitarian evacuations by bus convoy.<br>"
                "Road data © OpenStreetMap contributors (ODbL 1.0)."
            ),
        )

    def _update_title(self, *_args) -> None:
        if self.doc is None or self.stack.currentWidget() is self.start_page:
            self.setWindowTitle("evacplan")
            return
        where = str(self.doc.path) if self.doc.path else self.tr("unsaved")
        self.setWindowTitle(f"{self.doc.plan.name} — {where}[*] — evacplan")
        self.setWindowModified(self.doc.is_modified())

    _computed_message = ""  # the status bar's "Computed: …" of the results shown

    def _forget_computed_message(self) -> None:
        """An edit cleared the results: the status bar no longer says they were computed (it did for 15 s)."""
        if self.doc is not None and self.doc.results is None and self._computed_message:
            if self.statusBar().currentMessage() == self._computed_message:
                self.statusBar().clearMessage()
            self._computed_message = ""

    def _update_actions(self, *_args) -> None:
        has_doc = self.doc is not None and self.stack.currentWidget() is not self.start_page
        running = self.worker is not None
        for a in (
            self.act_save,
            self.act_save_as,
            self.act_compute,
            self.act_fit_plan,
            self.act_fit_net,
            self.act_choose_net,
            self.act_delete,
            *self.tool_actions.values(),
        ):
            a.setEnabled(has_doc)
        self.act_compute.setEnabled(has_doc and not running)
        self.act_tighten.setEnabled(has_doc and self.can_tighten_bound())
        self.act_cancel.setEnabled(running or self._variants_running())
        for a in (self.act_variant_new, self.act_variant_open, self.act_variant_run):
            a.setEnabled(has_doc)
        self.act_variant_hide.setEnabled(
            has_doc and bool(getattr(getattr(self.map, "variant_routes", None), "items", None))
        )
        has_schedule = has_doc and getattr(self.doc.results, "schedule", None) is not None
        for key, *_ in EXPORTS:
            self.export_actions[key].setEnabled(has_schedule)
        if self.doc is not None:
            self.act_undo.setEnabled(has_doc and self.doc.undo_stack.canUndo())
            self.act_redo.setEnabled(has_doc and self.doc.undo_stack.canRedo())
        else:
            self.act_undo.setEnabled(False)
            self.act_redo.setEnabled(False)

    def _relayout_toolbar_row(self) -> None:
        """Give the toolbars in the menu bar's corner their full width again after one was shown or hidden
        (the menu bar sizes its corner widget only when it is set or resized: on X11 the tools would stay
        behind the toolbar's » button)."""
        row = self.toolbar_row
        row.adjustSize()
        self.menuBar().setCornerWidget(row, Qt.TopRightCorner)
        row.show()

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
        self._relayout_toolbar_row()
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
            self._relayout_toolbar_row()
            for w in (self.selection_label, self.tool_label, self.coords_label):
                w.show()
            if not self._restored:
                QTimer.singleShot(0, self._default_dock_sizes)
        self._update_title()
        self._update_actions()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self._detach_worker()  # let it stop on its own; its signals must not reach a closed window
        if getattr(self, "guide", None) is not None:
            self.guide.close()
        layout_kept = not os.environ.get("EVACPLAN_GUI_DEFAULT_LAYOUT")  # screenshots leave the user's layout alone
        if layout_kept and self.doc is not None and self.stack.currentWidget() is not self.start_page:
            if self.map is not None and self.map.height() < 0.5 * self.height():
                self._default_dock_sizes()  # a tall results panel (a what-if run) is not the next start's layout
            self.settings.setValue("window_state", self.saveState())
        self.settings.sync()
        self.discard_recovery()
        if self in MainWindow.instances:
            MainWindow.instances.remove(self)
        event.accept()
