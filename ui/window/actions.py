"""The main window's actions, menus, toolbars and status bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStyle, QToolBar, QToolButton, QWidget

from planner.network import PRESETS
from ui.icons import element_icon
from ui.window.files import EXPORTS

#: Map tools: name, menu text (translated where shown, context MainWindow), shortcut.
TOOLS = [
    ("select", QT_TRANSLATE_NOOP("MainWindow", "Select / move"), "S"),
    ("pickup", QT_TRANSLATE_NOOP("MainWindow", "Place pickup"), "P"),
    ("destination", QT_TRANSLATE_NOOP("MainWindow", "Place destination"), "D"),
    ("depot", QT_TRANSLATE_NOOP("MainWindow", "Place depot"), "B"),
    ("checkpoint", QT_TRANSLATE_NOOP("MainWindow", "Place checkpoint"), "K"),
    ("corridor", QT_TRANSLATE_NOOP("MainWindow", "Draw corridor"), "C"),
    ("hazard", QT_TRANSLATE_NOOP("MainWindow", "Draw hazard zone"), "H"),
    ("closure", QT_TRANSLATE_NOOP("MainWindow", "Close road"), "X"),
]

#: What each tool does (its tooltip, after its name and shortcut).
TOOL_TIPS = {
    "select": QT_TRANSLATE_NOOP(
        "ActionsMixin",
        "click to select (Ctrl+click adds), drag to move, drag a selected shape's vertices, drag the map to "
        "pan; right-click an element to edit, delete or route from it",
    ),
    "pickup": QT_TRANSLATE_NOOP(
        "ActionsMixin",
        "click where people gather; the thin line shows the road node it snaps to",
    ),
    "destination": QT_TRANSLATE_NOOP(
        "ActionsMixin",
        "click the reception point; the thin line shows the road node it snaps to",
    ),
    "depot": QT_TRANSLATE_NOOP(
        "ActionsMixin",
        "click where the vehicles wait",
    ),
    "checkpoint": QT_TRANSLATE_NOOP(
        "ActionsMixin",
        "click on the corridor: it goes onto the corridor's road",
    ),
    "corridor": QT_TRANSLATE_NOOP(
        "ActionsMixin",
        "click a start, waypoints and an end: the corridor follows the roads (Shift+click: a straight "
        "leg); double-click or Enter ends, Backspace removes a point, Esc cancels",
    ),
    "hazard": QT_TRANSLATE_NOOP(
        "ActionsMixin",
        "click the corners of the zone; double-click or Enter ends, Esc cancels",
    ),
    "closure": QT_TRANSLATE_NOOP(
        "ActionsMixin",
        "click a road to close it",
    ),
}


def unique_keys(*keys) -> list[QKeySequence]:
    """The key sequences of ``keys`` (standard keys expanded for this platform), each once, in order."""
    out: list[QKeySequence] = []
    for k in keys:
        seqs = QKeySequence.keyBindings(k) if isinstance(k, QKeySequence.StandardKey) else [QKeySequence(k)]
        for s in seqs:
            if not s.isEmpty() and all(s != o for o in out):
                out.append(s)
    return out


class ActionsMixin:
    """Methods of :class:`ui.window.main.MainWindow`: actions, menus, toolbars and the status bar."""

    def _make_actions(self) -> None:
        st = self.style()

        def act(text, slot, shortcut=None, icon=None, tip=None):
            a = QAction(text, self)
            if shortcut:
                a.setShortcut(shortcut)
            if icon is not None:
                a.setIcon(st.standardIcon(icon))
            if tip:
                keys = QKeySequence(shortcut).toString(QKeySequence.NativeText) if shortcut else ""
                if keys and keys not in tip:
                    tip = f"{tip} ({keys})"
                a.setStatusTip(tip)
                a.setToolTip(tip)
            a.triggered.connect(slot)
            return a

        self.act_new = act(self.tr("&New plan…"), self.new_plan, QKeySequence.New, QStyle.SP_FileIcon)
        self.act_open = act(self.tr("&Open…"), self.open_dialog, QKeySequence.Open, QStyle.SP_DialogOpenButton)
        self.act_save = act(self.tr("&Save"), self.save, QKeySequence.Save, QStyle.SP_DialogSaveButton)
        self.act_save_as = act(self.tr("Save &as…"), self.save_as, QKeySequence.SaveAs)
        self.act_start = act(self.tr("Start page"), self.show_start_page)
        self.act_quit = act(self.tr("&Quit"), self.close, QKeySequence.Quit)
        self.act_compute = act(
            self.tr("&Compute"), self.compute, "F5", QStyle.SP_MediaPlay, self.tr("Route and schedule the plan (F5)")
        )
        self.act_tighten = act(
            self.tr("Tighten the &bound"),
            self.tighten_bound,
            "Ctrl+F5",
            None,
            self.tr(
                "Compute again with more solver time for the upper bound: a closer bound tells how good the "
                "schedule is (minutes of work; Esc cancels)"
            ),
        )
        self.act_cancel = act(
            self.tr("Cancel"), self.cancel_task, None, QStyle.SP_BrowserStop, self.tr("Cancel the running work (Esc)")
        )
        # Esc works from anywhere in the window while work runs (the action is disabled otherwise, so Esc
        # still reaches the map's tools and the dialogs)
        self.act_cancel.setShortcut(QKeySequence(Qt.Key_Escape))
        self.act_cancel.setShortcutContext(Qt.WindowShortcut)
        self.addAction(self.act_cancel)
        self.act_variant_new = act(
            self.tr("Duplicate plan as &variant"),
            self.new_variant,
            "Ctrl+Shift+D",
            None,
            self.tr("A what-if variant of this plan: record map edits into it, run, compare"),
        )
        self.act_variant_open = act(self.tr("Open variants file…"), self.open_variants_dialog)
        self.act_variant_run = act(
            self.tr("&Run variants"),
            self.run_variants,
            "Shift+F5",
            None,
            self.tr("Compute the base and every variant and sweep, and compare them"),
        )
        self.act_variant_hide = act(self.tr("Hide variant routes"), lambda: self.show_variant_routes(None))
        self.act_fit_plan = act(self.tr("Fit to plan"), lambda: self.map and self.map.fit_to_plan(), "Ctrl+0")
        self.act_fit_net = act(self.tr("Fit to network"), lambda: self.map and self.map.fit_to_network(), "Ctrl+9")
        self.act_choose_net = act(self.tr("Use network from the store…"), self.choose_network)
        self.act_import_net = act(self.tr("Import OSM file…"), lambda: self.import_network_dialog(""))
        self.act_delete = act(self.tr("Delete"), self._delete_selection, QKeySequence.Delete)
        self.act_delete.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.act_about = act(self.tr("About evacplan"), self._about)
        self.act_guide = act(
            self.tr("&User guide"),
            self.show_user_guide,
            QKeySequence.HelpContents,
            QStyle.SP_DialogHelpButton,
            self.tr("The offline user guide: a first plan in ten steps, every tool and result"),
        )
        self.act_reset_layout = act(
            self.tr("Reset layout"),
            self.reset_layout,
            None,
            None,
            self.tr("Put every panel back in its default place and size"),
        )
        self.act_legend = act(
            self.tr("Legend"), self._toggle_legend, "Ctrl+L", None, self.tr("Show or hide the map's legend")
        )
        self.act_legend.setCheckable(True)
        self.act_legend.setChecked(True)
        self.export_actions = {}
        for key, text, module, fn, flt in EXPORTS:
            self.export_actions[key] = act(
                QCoreApplication.translate("MainWindow", text), lambda _=False, k=key: self.export(k)
            )
        self.tool_group = QActionGroup(self)
        self.tool_actions = {}
        for name, text, key in TOOLS:
            a = QAction(QCoreApplication.translate("MainWindow", text), self)
            a.setCheckable(True)
            a.setShortcut(key)
            a.setData(name)
            a.setShortcutContext(Qt.WindowShortcut)
            a.setToolTip(f"{a.text()} ({key}): {self.tr(TOOL_TIPS[name])}")
            a.setStatusTip(a.toolTip())
            a.triggered.connect(lambda _=False, n=name: self.set_tool(n))
            if name != "select":
                a.setIcon(element_icon(name))
            self.tool_group.addAction(a)
            self.tool_actions[name] = a
        self.tool_actions["select"].setIcon(st.standardIcon(QStyle.SP_ArrowUp))
        self.tool_actions["select"].setChecked(True)
        self.act_undo = QAction(self.tr("&Undo"), self)
        self.act_undo.setShortcuts(unique_keys(QKeySequence.Undo, "Ctrl+Z"))
        self.act_redo = QAction(self.tr("&Redo"), self)
        # Ctrl+Shift+Z and Ctrl+Y on every platform, each registered once: QKeySequence.Redo is already one of
        # them on Linux, and a key sequence registered twice is an "ambiguous shortcut" that does nothing
        self.act_redo.setShortcuts(unique_keys(QKeySequence.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        for a in (self.act_undo, self.act_redo):
            # window-wide, yet a focused text field or spin box takes Ctrl+Z first (its own undo)
            a.setShortcutContext(Qt.WindowShortcut)
        self.act_undo.triggered.connect(lambda: self.doc and self.doc.undo_stack.undo())
        self.act_redo.triggered.connect(lambda: self.doc and self.doc.undo_stack.redo())
        self.act_undo.setIconText(self.tr("Undo"))  # the toolbar stays short; the menu names the edit
        self.act_redo.setIconText(self.tr("Redo"))
        self.act_undo.setIcon(st.standardIcon(QStyle.SP_ArrowBack))
        self.act_redo.setIcon(st.standardIcon(QStyle.SP_ArrowForward))

    def _make_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu(self.tr("&File"))
        m.addActions([self.act_new, self.act_open])
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m.addSeparator()
        m.addActions([self.act_save, self.act_save_as])
        self.export_menu = m.addMenu(self.tr("&Export"))
        self.export_menu.addActions(list(self.export_actions.values()))
        m.addSeparator()
        m.addAction(self.act_start)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = mb.addMenu(self.tr("&Edit"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addAction(self.act_delete)
        m.addSeparator()
        prefs = m.addAction(self.tr("Preferences…"))
        prefs.setMenuRole(QAction.PreferencesRole)
        prefs.triggered.connect(self.preferences)
        self.view_menu = mb.addMenu(self.tr("&View"))
        self.view_menu.addActions([self.act_fit_plan, self.act_fit_net, self.act_legend, self.act_variant_hide])
        self.view_menu.addAction(self.act_reset_layout)
        self.view_menu.addSeparator()
        m = mb.addMenu(self.tr("&Tools"))
        m.addActions(list(self.tool_actions.values()))
        m = mb.addMenu(self.tr("&Plan"))
        m.addActions([self.act_compute, self.act_tighten, self.act_cancel])
        m.addSeparator()
        m.addActions([self.act_variant_new, self.act_variant_open, self.act_variant_run, self.act_variant_hide])
        m = mb.addMenu(self.tr("&Networks"))
        m.addAction(self.act_choose_net)
        m.addAction(self.act_import_net)
        fetch = m.addMenu(self.tr("Fetch from OpenStreetMap"))
        for preset, spec in PRESETS.items():
            a = fetch.addAction(f"{preset} — {spec.get('what', '')}")
            a.triggered.connect(lambda _=False, p=preset: self.fetch_network(p))
        m = mb.addMenu(self.tr("&Help"))
        m.addAction(self.act_guide)
        m.addSeparator()
        m.addAction(self.act_about)

        # The toolbars sit in the menu bar's row, not in a row of their own: the map keeps those 40 px (it has
        # at least 60 % of the window with three convoy rows under it, at 1366x768 too). Icons with tooltips;
        # Compute keeps its text.
        mb.setNativeMenuBar(False)  # a global (native) menu bar would not show the corner toolbars
        tb = QToolBar("Main")
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonIconOnly)
        tb.addActions([self.act_new, self.act_open, self.act_save])
        tb.addSeparator()
        tb.addActions([self.act_undo, self.act_redo])
        tb.addSeparator()
        tb.addAction(self.act_compute)
        tb.widgetForAction(self.act_compute).setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        tb2 = QToolBar("Tools")
        tb2.setObjectName("toolsToolbar")
        tb2.setMovable(False)
        tb2.setIconSize(QSize(20, 20))
        tb2.setToolButtonStyle(Qt.ToolButtonIconOnly)
        tb2.addActions(list(self.tool_actions.values()))
        corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 4, 0)
        row.setSpacing(8)
        row.addWidget(tb)
        row.addWidget(tb2)
        mb.setCornerWidget(corner, Qt.TopRightCorner)
        self.toolbar_row = corner  # PySide does not keep the corner widget alive
        self.toolbars = [tb, tb2]

    def _make_status_bar(self) -> None:
        sb = self.statusBar()
        self.selection_label = QLabel()
        self.tool_label = QLabel(self.tr("Tool: select"))
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

    def _on_undo_text(self, text) -> None:
        self.act_undo.setText(self.tr("&Undo {edit}").format(edit=text) if text else self.tr("&Undo"))
        self.act_undo.setIconText(self.tr("Undo"))
        self.act_undo.setToolTip(self.tr("Undo {edit}").format(edit=text) if text else self.tr("Undo"))

    def _on_redo_text(self, text) -> None:
        self.act_redo.setText(self.tr("&Redo {edit}").format(edit=text) if text else self.tr("&Redo"))
        self.act_redo.setIconText(self.tr("Redo"))
        self.act_redo.setToolTip(self.tr("Redo {edit}").format(edit=text) if text else self.tr("Redo"))
