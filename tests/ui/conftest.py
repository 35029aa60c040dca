"""Fixtures for the GUI tests: offscreen Qt, the demo plan as a PlanDocument.

QT_QPA_PLATFORM=offscreen is set by tests/conftest.py before Qt starts.
"""

import pytest

from planner.plan import load_plan


@pytest.fixture
def demo_plan(demo_plan_path):
    """A fresh copy of the bundled demo plan (tests may edit it)."""
    return load_plan(demo_plan_path)


@pytest.fixture
def demo_doc(qapp, demo_plan, demo_net):
    """The demo plan on the bundled Neubrandenburg network, as a PlanDocument."""
    from ui.document import PlanDocument

    return PlanDocument(demo_plan, demo_net)


@pytest.fixture
def hold_compute(monkeypatch):
    """Keep the real compute waiting after its first progress report until the test lets it go.

    Without this, a quiet machine can finish the whole compute before the GUI
    thread has handled the first report, and there is nothing left to cancel.
    """
    import threading

    import ui.app

    gate = threading.Event()
    real = ui.app.compute_plan

    def held(plan, net, progress):
        def report(fraction, message):
            progress(fraction, message)  # raises Cancelled once Esc was pressed
            gate.wait(30)

        return real(plan, net, report)

    monkeypatch.setattr(ui.app, "compute_plan", held)
    return gate
