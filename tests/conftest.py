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


# ---------------------------------------------------------------- markers: gui, slow
# `gui`: every test under tests/ui (pytest-qt, offscreen). `slow`: the tests listed here, found with
# `pytest --durations=40` on the full suite (2026-12-01: 376 tests, 6 min 46 s on the 2-core CI box);
# `pytest -m "not slow"` is the quick run (under 2 minutes). A test that needs a module-scoped fixture
# costing many seconds is listed with every test that shares it, so the quick run never builds it.
# An id names a test function (all its parameters) or one parametrized case.

UI_TESTS = ROOT / "tests" / "ui"

SLOW_TESTS = frozenset(
    {
        # the 50/30/20 benchmark plan scheduled and printed in three languages (20 s)
        "tests/test_export_pdf.py::test_a_stop_nobody_boards_at_reads_as_driven_through",
        # what-if: the variants window and panel run every variant of the demo (70 s, 22 s)
        "tests/ui/test_variants_window.py::test_variants_panel_shows_the_numbers_of_evacplan_whatif",
        "tests/test_whatif_panel.py::test_panel_runs_all_and_shows_the_engines_numbers",
        # GUI cancel: a real compute / network build held open until Esc (34 s, 30 s, 11 s)
        "tests/ui/test_background.py::test_esc_cancels_the_demo_network_build_and_offers_it_again",
        "tests/ui/test_background.py::test_esc_cancels_a_running_compute",
        "tests/ui/test_background.py::test_first_open_builds_the_demo_network_in_a_worker",
        "tests/ui/test_app.py::test_screenshot_writes_png_with_a_drawn_map",  # 9 s
        # GUI: a variant window recording a map edit, an OSM import in a worker, the KPI panel
        # against a CLI run (6-12 s, 4-7 s, 3-7 s: the quick run keeps the shared `computed` window)
        "tests/ui/test_variants_window.py::test_duplicate_plan_as_variant_and_record_a_map_edit",
        "tests/ui/test_app.py::test_import_osm_in_a_worker_then_put_the_plan_on_it",
        "tests/ui/test_app.py::test_kpi_panel_shows_the_numbers_of_evacplan_schedule",
        # Plan > Tighten the bound on a sub-plan whose bound the effort lowers (272 -> 240: 5-6 s at 1 s a run)
        "tests/ui/test_tighten.py::test_the_tightening_lowers_a_loose_bound",
        # what-if runs: the module's `report` fixture evaluates every demo variant (20 s), then
        # the process pool (11 s), a Dask LocalCluster (10 s) and the CLI (17 s) run them again
        "tests/test_whatif_run.py::test_base_plan_unchanged_after_the_runs",
        "tests/test_whatif_run.py::test_closed_main_road_reroutes_and_reports_the_added_minutes",
        "tests/test_whatif_run.py::test_removing_buses_never_increases_people_out",
        "tests/test_whatif_run.py::test_widening_the_window_never_decreases_people_out",
        "tests/test_whatif_run.py::test_a_variant_that_breaks_the_plan_is_a_row_with_its_message",
        "tests/test_whatif_run.py::test_report_is_plain_json",
        "tests/test_whatif_run.py::test_process_pool_gives_the_same_numbers",
        "tests/test_whatif_run.py::test_dask_local_cluster_gives_the_same_numbers",
        "tests/test_whatif_run.py::test_cli_whatif_on_the_demo_variants",
        # networks: the module's `imported` fixture imports Liechtenstein and Monaco (19 s);
        # more full imports of Monaco (20 s, 12 s, 9 s, 8 s in a subprocess)
        "tests/test_network.py::test_real_extract_counts_and_soundness",
        "tests/test_network.py::test_pbf_with_missing_nodes_is_trimmed_not_failed",
        "tests/test_network.py::test_store_round_trip_identical",
        "tests/test_network.py::test_unknown_name_and_damaged_entries",
        "tests/test_network.py::test_graphml_import",
        "tests/test_network.py::test_cli_list_import_info",
        "tests/test_network.py::test_drive_filter_has_no_service_roads",
        "tests/test_network.py::test_content_hash_is_reproducible_across_processes",
        # turns and limits (tests/test_turns.py): a re-import without one restriction (48 s), vehicle
        # limits on a rebuilt network (22 s), destination-only streets (9 s); the module's `extract`
        # fixture imports each extract (12-16 s): the quick run keeps the bundled Neubrandenburg one
        "tests/test_turns.py::test_removing_a_restriction_lets_the_shorter_route_through",
        "tests/test_turns.py::test_limits_block_a_coach_and_are_named",
        "tests/test_turns.py::test_destination_streets_are_no_shortcut",
        *(
            f"tests/test_turns.py::{test}[{extract}]"
            for test in (
                "test_restrictions_read_into_the_store",
                "test_random_routes_obey_every_restriction_access_and_limit",
                "test_matrix_and_alternatives_are_turn_aware",
            )
            for extract in ("liechtenstein-2013-08-03.osm.pbf", "monaco.osm.pbf")
        ),
        # exports: every export written by `evacplan schedule` (14 s; tests/test_export.py writes each)
        "tests/test_export_cli.py::test_schedule_cli_writes_every_export",
        # schedule: the most-people setting scheduled on top of the priority rule (3-4 s)
        "tests/test_priority_setting.py::test_most_people_setting_moves_at_least_as_many",
    }
)


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config, items):
    """Mark tests/ui tests `gui` and the tests of SLOW_TESTS `slow`; warn about a stale SLOW_TESTS id."""
    seen = set()
    for item in items:
        if UI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.gui)
        base = item.nodeid.split("[", 1)[0]
        for nodeid in (item.nodeid, base):
            if nodeid in SLOW_TESTS:
                item.add_marker(pytest.mark.slow)
                seen.add(nodeid)
    # A renamed or removed test leaves its id behind; say so when its whole file was collected.
    collected_files = {item.nodeid.split("::", 1)[0] for item in items}
    whole_files = not any("::" in arg for arg in config.args)
    for nodeid in sorted(SLOW_TESTS - seen):
        if whole_files and nodeid.split("::", 1)[0] in collected_files:
            config.issue_config_time_warning(
                pytest.PytestConfigWarning(f"tests/conftest.py SLOW_TESTS names {nodeid}, which is not collected"),
                stacklevel=2,
            )
