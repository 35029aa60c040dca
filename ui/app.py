"""The desktop planner's entry point: ``run_gui(plan=None, screenshot=None)`` is what ``evacplan gui`` calls.

The window itself is :class:`ui.window.main.MainWindow`; the crash dialog is
:mod:`ui.crash`.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from planner.errors import EvacplanError
from planner.plan import load_plan
from ui.crash import install_excepthook
from ui.i18n import install_translator
from ui.panels.start import DEMO_PLAN
from ui.syslibs import check_gui_libraries
from ui.window.main import MainWindow


def run_gui(plan=None, screenshot=None, size=(1600, 1000)) -> int:
    """``evacplan gui [PLAN] [--screenshot PNG]``.

    With ``screenshot``: open the plan, compute (waiting for the worker),
    render the window offscreen at ``size`` and save a PNG; exit 0.
    """
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["EVACPLAN_GUI_DEFAULT_LAYOUT"] = "1"
    if QApplication.instance() is None:
        check_gui_libraries()  # Qt would abort with a message that does not name the missing library
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("evacplan")
    app.setOrganizationName("evacplan")
    install_translator(app)  # English, Ukrainian or Russian, from the preference or the system locale
    install_excepthook()
    window = MainWindow()
    if screenshot:
        if plan is None:
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
    app.processEvents()  # the window is on screen at once; the plan and its map load into it

    def open_first():
        if not window.offer_recovery() and plan is not None:
            window.open_path(plan)

    QTimer.singleShot(0, open_first)
    return app.exec()
