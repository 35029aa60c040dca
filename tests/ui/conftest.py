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
