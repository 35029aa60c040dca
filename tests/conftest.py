"""Shared fixtures: a private network store for the whole session, and real networks.

EVACPLAN_DATA is pointed at a session temp folder before any test runs, so the
suite never reads or writes the user's own store.
"""

import os
import tempfile
from pathlib import Path

import pytest

_SESSION_DATA = tempfile.mkdtemp(prefix="evacplan-test-data-")
os.environ["EVACPLAN_DATA"] = _SESSION_DATA
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
# The real extracts the tests use: two PBFs in tests/data/ and the bundled demo in resources/osm/.
TEST_OSM = {
    "monaco.osm.pbf": ROOT / "tests" / "data" / "monaco.osm.pbf",
    "liechtenstein-2013-08-03.osm.pbf": ROOT / "tests" / "data" / "liechtenstein-2013-08-03.osm.pbf",
    "neubrandenburg.osm.bz2": RESOURCES / "osm" / "neubrandenburg.osm.bz2",
}


def shared_osm(name: str) -> Path:
    """Path of a real extract bundled with the tests (tests/data/, resources/osm/); fails when absent."""
    path = TEST_OSM.get(name, ROOT / "tests" / "data" / name)
    if not path.is_file():
        pytest.fail(f"{path} is missing from this checkout")
    return path


@pytest.fixture(scope="session")
def store_path():
    return Path(_SESSION_DATA) / "networks"


@pytest.fixture(scope="session")
def demo_net():
    """The bundled Neubrandenburg network, built into the session store once."""
    from planner.network import demo_network

    return demo_network()


@pytest.fixture(scope="session")
def demo_plan_path():
    return RESOURCES / "plans" / "demo-neubrandenburg.evacplan.json"
