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


def run_gui(plan=None, screenshot=None, size=(1600, 1000), *, display=False, before=None) -> int:
    """``evacplan gui [PLAN] [--screenshot PNG [--before PNG] [--size WxH] [--display]]``.

    With ``screenshot``: open the plan, compute (waiting for the worker) and save
    the window at ``size`` as a PNG; exit 0. ``before``: also save it before the
    compute. ``display``: show the window on the real display (an X server, e.g.
    ``xvfb-run -s "-screen 0 1600x1000x24"``) and save what the X server shows
    (``QScreen.grabWindow``), not an offscreen rendering.
    """
    if screenshot:
        if not display:
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
        return _screenshot(app, window, plan or DEMO_PLAN, Path(screenshot), size, display, before)
    window.show()
    app.processEvents()  # the window is on screen at once; the plan and its map load into it

    def open_first():
        if not window.offer_recovery() and plan is not None:
            window.open_path(plan)

    QTimer.singleShot(0, open_first)
    return app.exec()


def _settle(app, seconds: float) -> None:
    """Let the event loop run for ``seconds`` (layout, paints, the X server's exposes)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def _grab(app, window, out: Path, display: bool) -> None:
    """Save the window as ``out``: the X server's pixels with ``display``, else Qt's rendering of it."""
    if not out.parent.is_dir():
        raise EvacplanError(f"{out}: folder {out.parent} does not exist")
    if window.map is not None:
        window.map.fit_to_plan()
    _settle(app, 0.8 if display else 0.3)
    pix = window.screen().grabWindow(window.winId()) if display else window.grab()
    if not pix.save(str(out)):
        raise EvacplanError(f"cannot write the screenshot {out}")


def _screenshot(app, window, plan, out: Path, size, display: bool, before) -> int:
    """The screenshot mode of :func:`run_gui`: open ``plan``, [grab ``before``,] compute, grab ``out``."""
    plan_obj = load_plan(plan)  # EvacplanError -> exit 1 through the CLI
    window.resize(*size)
    window.show()
    if display:
        window.move(0, 0)
    _settle(app, 0.2)
    window.set_plan(plan_obj, plan)
    window.wait_task()  # the network's load (and the demo network's first build)
    window.reset_layout()  # the default layout at this size, whatever a restored state said
    _settle(app, 0.3)
    if before:
        _grab(app, window, Path(before), display)
    if window.doc.network is not None:
        window.compute(wait=True)
    _grab(app, window, out, display)
    window.doc.mark_saved()
    results = window.doc.results
    window.close()
    if results is None or results.schedule is None:
        # the picture is saved (it shows the problems); the exit code says the compute failed
        print(f"evacplan: {plan}: the plan could not be computed; see the problems in {out}", file=sys.stderr)
        return 1
    return 0
