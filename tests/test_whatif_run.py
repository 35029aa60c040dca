"""What-if runs on the real Neubrandenburg network with the real router and scheduler.

One in-process run of a small variants set is shared by the tests (about a
dozen schedules); the process pool and the Dask LocalCluster rerun a subset
and must give the same numbers.
"""

import json

import numpy as np
import pytest

from planner.cli import main
from planner.plan import load_plan, plan_to_dict
from planner.routing import route_plan
from planner.whatif import apply_variant, run_whatif, variants_from_dict
from tests.conftest import RESOURCES

CLOSED_POINT = [13.26383, 53.54994]  # Neustrelitzer Straße (B 96), north of the Bergstraße junction

VARIANTS = {
    "format": "evacplan-variants",
    "version": 1,
    "variants": [
        {"name": "B 96 closed", "changes": [{"type": "close_road", "point": CLOSED_POINT}]},
        {"name": "no vehicles", "changes": [{"type": "scale_fleet", "factor": 0}]},
    ],
    "sweeps": [
        {"name": "Buses", "parameter": "fleet", "values": [36, 16, 8, 4]},
        {"name": "Window", "parameter": "window_hours", "values": [3, 4.5, 6, 8]},
    ],
}


@pytest.fixture(scope="module")
def plan(demo_plan_path):
    return load_plan(demo_plan_path)


@pytest.fixture(scope="module")
def vset():
    return variants_from_dict(VARIANTS)


@pytest.fixture(scope="module")
def base_dict(plan):
    return plan_to_dict(plan)


@pytest.fixture(scope="module")
def report(plan, demo_net, vset, base_dict):
    return run_whatif(plan, demo_net, vset, mode="inprocess")


def by_name(report):
    return {r["name"]: r for r in report["results"]}


def test_base_plan_unchanged_after_the_runs(report, plan, base_dict):
    assert plan_to_dict(plan) == base_dict
    assert report["results"][0]["name"] == "base" and report["results"][0]["error"] is None


def test_closed_main_road_reroutes_and_reports_the_added_minutes(report, plan, demo_net):
    changes = {(c["pickup"], c["destination"]): c for c in report["comparison"]["routes"]["B 96 closed"]}
    assert changes, "closing the B 96 changes no route"
    for key in [("P1", "D1"), ("P2", "D1"), ("P3", "D1")]:
        assert changes[key]["status"] == "rerouted"
        assert changes[key]["extra_min"] > 0
    # Independently of the comparison: the base routes drive the closed edges, the variant's do not.
    variant = apply_variant(plan, {"name": "B 96 closed", "changes": VARIANTS["variants"][0]["changes"]})
    base_routes, var_routes = route_plan(plan, demo_net), route_plan(variant, demo_net)
    (closure,) = [c for c in var_routes.usable.constraints if c.kind == "closure"]
    closed = np.flatnonzero(closure.removes)
    assert len(closed) > 0
    for key in changes:
        assert np.isin(base_routes.routes[key].edge_index, closed).any()
        assert not np.isin(var_routes.routes[key].edge_index, closed).any()
        extra = (var_routes.routes[key].time_s - base_routes.routes[key].time_s) / 60.0
        assert changes[key]["extra_min"] == pytest.approx(extra, abs=0.06)


def test_removing_buses_never_increases_people_out(report):
    (curve,) = [c for c in report["sweeps"] if c["name"] == "Buses"]
    evac = curve["evacuated"]
    assert None not in evac
    assert all(a >= b for a, b in zip(evac, evac[1:])), (
        f"the scheduler moves more people with fewer buses: people out by buses {curve['values']}: {evac}"
    )
    assert evac[0] > evac[-1]  # 4 buses cannot do what 36 do
    assert curve["monotone"]
    assert by_name(report)["Buses: vehicles = 36"]["kpis"] == report["results"][0]["kpis"]


def test_widening_the_window_never_decreases_people_out(report):
    (curve,) = [c for c in report["sweeps"] if c["name"] == "Window"]
    evac = curve["evacuated"]
    assert all(a <= b for a, b in zip(evac, evac[1:])), f"people out by window {curve['values']}: {evac}"
    assert evac[-1] > evac[0]
    assert all(e <= ub for e, ub in zip(evac, curve["upper_bound"]))


def test_a_variant_that_breaks_the_plan_is_a_row_with_its_message(report):
    r = by_name(report)["no vehicles"]
    assert "variant 'no vehicles'" in r["error"] and "no vehicles" in r["error"]
    assert report["comparison"]["errors"]["no vehicles"] == r["error"]


def test_report_is_plain_json(report):
    assert json.loads(json.dumps(report)) == report


SUBSET = {
    "format": "evacplan-variants",
    "version": 1,
    "variants": [VARIANTS["variants"][0]],
    "sweeps": [{"name": "Buses", "parameter": "fleet", "values": [8]}],
}


def _same_as_inprocess(other, report):
    ref = by_name(report)
    assert [r["name"] for r in other["results"]] == ["base", "B 96 closed", "Buses: vehicles = 8"]
    for r in other["results"]:
        assert r == ref[r["name"]], r["name"]


def test_process_pool_gives_the_same_numbers(plan, demo_net, report, base_dict):
    other = run_whatif(plan, demo_net, variants_from_dict(SUBSET), mode="process", workers=2)
    _same_as_inprocess(other, report)
    assert plan_to_dict(plan) == base_dict


def test_dask_local_cluster_gives_the_same_numbers(plan, demo_net, report, base_dict):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        other = run_whatif(plan, demo_net, variants_from_dict(SUBSET), mode="dask", address=cluster.scheduler_address)
    _same_as_inprocess(other, report)
    assert plan_to_dict(plan) == base_dict


def test_cli_whatif_on_the_demo_variants(demo_net, demo_plan_path, tmp_path, capsys):
    out_json, out_pdf = tmp_path / "whatif.json", tmp_path / "whatif.pdf"
    variants = RESOURCES / "plans" / "demo-variants.json"
    rc = main(["--quiet", "whatif", str(demo_plan_path), str(variants), "--json", str(out_json), "--pdf", str(out_pdf)])
    out = capsys.readouterr().out
    assert rc == 0
    for words in (
        "People out",
        "Neustrelitzer Str. clos",
        "Half the fleet",
        "4-hour window",
        "Routes changed in Neustrelitzer Str. closed",
        "Fleet size (vehicles)",
    ):
        assert words in out
    rep = json.loads(out_json.read_text())
    assert [r["name"] for r in rep["results"]][:4] == [
        "base",
        "Neustrelitzer Str. closed",
        "Half the fleet",
        "4-hour window",
    ]
    half = rep["results"][2]["kpis"]
    assert half["fleet"] < rep["results"][0]["kpis"]["fleet"]
    assert out_pdf.read_bytes().startswith(b"%PDF")


def test_cli_whatif_names_a_bad_reference(demo_plan_path, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "evacplan-variants",
                "version": 1,
                "variants": [{"name": "gone", "changes": [{"type": "remove_depot", "id": "DP7"}]}],
            }
        )
    )
    assert main(["--quiet", "whatif", str(demo_plan_path), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "variant 'gone' changes[0] (remove_depot): depot 'DP7' is not in the plan" in err


@pytest.mark.parametrize("mode", ["inprocess", "process"])
def test_cancel_from_progress_stops_the_runs(plan, demo_net, base_dict, mode):
    from planner.errors import Cancelled

    seen = []

    def progress(fraction, message):
        seen.append(message)
        raise Cancelled("stop")

    with pytest.raises(Cancelled):
        run_whatif(plan, demo_net, variants_from_dict(SUBSET), mode=mode, workers=2, progress=progress)
    assert len(seen) == 1
    assert plan_to_dict(plan) == base_dict
