"""What-if: the change vocabulary, apply_variant, the variants file format, sweeps, the comparison.

These run on the demo plan without computing schedules (fast); the runs on
the real network and engine are in tests/test_whatif_run.py.
"""

import json
from datetime import timedelta

import pytest

from planner.errors import PlanError
from planner.plan import load_plan, plan_to_dict, validate
from planner.whatif import (
    CHANGES,
    PARAMETERS,
    ChangeError,
    apply_variant,
    compare,
    format_table,
    load_variants,
    make_jobs,
    sweep_curve,
    variants_from_dict,
)
from planner.whatif.variants import Sweep
from tests.conftest import RESOURCES

DEMO_VARIANTS = RESOURCES / "plans" / "demo-variants.json"


@pytest.fixture
def plan(demo_plan_path):
    return load_plan(demo_plan_path)


def apply(plan, *changes, name="v"):
    return apply_variant(plan, {"name": name, "changes": list(changes)})


def fleet(plan, vtype=None):
    return sum(v.count for d in plan.depots for v in d.vehicles if vtype is None or v.type == vtype)


# ---------------------------------------------------------------- every change type, base untouched

EXAMPLES = [
    {"type": "close_road", "point": [13.26383, 53.54994], "name": "debris"},
    {"type": "close_road", "line": [[13.2638, 53.5499], [13.2645, 53.5480]]},
    {
        "type": "add_hazard",
        "polygon": [[13.25, 53.55], [13.26, 53.55], [13.26, 53.56]],
        "effect": "slow",
        "speed_factor": 0.2,
    },
    {"type": "remove_hazard", "id": "H1"},
    {
        "type": "checkpoint",
        "id": "CP2",
        "lanes": 1,
        "minutes_per_vehicle": 30,
        "hold_min": 45,
        "open_from": "09:00",
        "open_to": None,
    },
    {"type": "checkpoint", "id": "CP1", "closed": True},
    {"type": "add_checkpoint", "point": [13.2300, 53.4810], "lanes": 2},
    {"type": "remove_checkpoint", "id": "CP3"},
    {"type": "remove_vehicles", "depot": "DP1", "count": 5},
    {"type": "add_vehicles", "depot": "DP2", "count": 4},
    {"type": "add_vehicles", "depot": "DP2", "count": 2, "vehicle_type": "minibus", "seats": 20},
    {"type": "scale_fleet", "factor": 0.5},
    {"type": "set_fleet", "count": 25},
    {"type": "add_depot", "point": [13.27, 53.53], "vehicles": [{"vehicle_type": "bus", "count": 10}]},
    {"type": "remove_depot", "id": "DP2"},
    {"type": "window", "shift_min": 60, "duration_h": 4, "no_night": False},
    {"type": "demand", "pickup": "P1", "set": {"general": 100}, "scale": {"reduced_mobility": 2}},
    {"type": "destination", "id": "D1", "capacity": 500},
    {"type": "rules", "max_convoy_size": 5, "mobilisation_min": 30},
]


def test_examples_cover_every_change_type():
    # reopen_road needs a closure in the base: see test_close_and_reopen_road
    assert {c["type"] for c in EXAMPLES} == set(CHANGES) - {"reopen_road"}


@pytest.mark.parametrize("change", EXAMPLES, ids=[f"{i}-{c['type']}" for i, c in enumerate(EXAMPLES)])
def test_every_change_applies_to_a_copy_and_leaves_the_base_unchanged(plan, change):
    before = plan_to_dict(plan)
    new = apply(plan, change)
    assert plan_to_dict(plan) == before
    assert plan_to_dict(new) != before
    assert new.name.endswith(" / v")
    assert not [p for p in validate(new) if p.severity == "error"]


# ---------------------------------------------------------------- what each change does


def test_close_and_reopen_road(plan):
    closed = apply(plan, {"type": "close_road", "point": [13.26383, 53.54994], "id": "X7"})
    before = plan_to_dict(closed)
    assert [(c.id, c.points) for c in closed.closures] == [("X7", [(13.26383, 53.54994)])]
    again = apply(closed, {"type": "reopen_road", "point": [13.2639, 53.5499]})  # ~5 m away
    assert again.closures == []
    by_id = apply(closed, {"type": "reopen_road", "id": "X7"})
    assert by_id.closures == []
    with pytest.raises(ChangeError, match="no road closure within 50 m"):
        apply(closed, {"type": "reopen_road", "point": [13.27, 53.55]})
    assert plan_to_dict(closed) == before


def test_closed_checkpoint_becomes_a_closure_at_its_point(plan):
    cp = plan.element("CP2")
    new = apply(plan, {"type": "checkpoint", "id": "CP2", "closed": True})
    assert new.element("CP2") is None
    (x,) = new.closures
    assert x.points == [(cp.lon, cp.lat)] and "CP2" in x.name


def test_fleet_changes(plan):
    buses = fleet(plan, "bus")
    assert fleet(apply(plan, {"type": "remove_vehicles", "depot": "DP1", "count": 5}), "bus") == buses - 5
    half = apply(plan, {"type": "scale_fleet", "factor": 0.5})
    assert fleet(half, "bus") == buses // 2
    for n in (0, 1, 7, 25, 36, 61):
        new = apply(plan, {"type": "set_fleet", "count": n})
        assert fleet(new, "bus") == n
        assert fleet(new, "ambulance") == fleet(plan, "ambulance")
    # shared in proportion: DP1 has 20 buses, DP2 16
    shared = apply(plan, {"type": "set_fleet", "count": 18})
    assert [sum(v.count for v in d.vehicles if v.type == "bus") for d in shared.depots] == [10, 8]


def test_window_and_demand_changes(plan):
    w = plan.window
    new = apply(plan, {"type": "window", "shift_min": 30, "duration_h": 2.5})
    assert new.window.start == w.start + timedelta(minutes=30)
    assert new.window.duration_s == 2.5 * 3600
    new = apply(plan, {"type": "demand", "scale": 0.5})
    assert new.total_people == sum(
        int(g * 0.5 + 0.5)
        for p in plan.pickups
        for g in (p.people.general, p.people.reduced_mobility, p.people.stretcher)
    )
    new = apply(plan, {"type": "demand", "pickup": "P4", "set": {"stretcher": 0}})
    assert new.element("P4").people.stretcher == 0 and new.element("P4").people.general == 90


# ---------------------------------------------------------------- messages name what is wrong


@pytest.mark.parametrize(
    "change, words",
    [
        ({"type": "teleport_buses"}, ["changes[1]", "unknown change type 'teleport_buses'"]),
        (
            {"type": "checkpoint", "id": "CP9", "lanes": 1},
            ["changes[1]", "(checkpoint)", "checkpoint 'CP9' is not in the plan"],
        ),
        ({"type": "remove_hazard", "id": "H7"}, ["hazard zone 'H7' is not in the plan"]),
        ({"type": "remove_vehicles", "depot": "DP9", "count": 2}, ["depot 'DP9' is not in the plan"]),
        ({"type": "remove_vehicles", "depot": "DP1", "count": 99}, ["has 20 bus vehicles, cannot remove 99"]),
        ({"type": "demand", "pickup": "P42", "scale": 2}, ["pickup 'P42' is not in the plan"]),
        ({"type": "reopen_road", "id": "X1"}, ["road closure 'X1' is not in the plan"]),
        ({"type": "checkpoint", "id": "CP1", "lanse": 1}, ["unknown field 'lanse'"]),
        ({"type": "checkpoint", "id": "CP1", "lanes": 0}, ["lanes must be at least 1"]),
        ({"type": "window", "duration_h": -1}, ["duration_h must be above 0"]),
        ({"type": "window", "start": "2022-04-30T08:00"}, ["start must be a date and time with a UTC offset"]),
        ({"type": "close_road"}, ["either point [lon, lat] or line"]),
        (
            {"type": "add_checkpoint", "point": [13.2, 53.4], "id": "CP1"},
            ["id 'CP1' is already used by checkpoint CP1"],
        ),
    ],
)
def test_change_errors_name_variant_change_and_element(plan, change, words):
    ok = {"type": "scale_fleet", "factor": 1}
    with pytest.raises(ChangeError) as exc:
        apply_variant(plan, {"name": "Bridge gone", "changes": [ok, change]})
    msg = str(exc.value)
    assert "variant 'Bridge gone'" in msg
    for w in words:
        assert w in msg


def test_a_failed_variant_leaves_the_base_unchanged(plan):
    before = plan_to_dict(plan)
    with pytest.raises(ChangeError):
        apply(plan, {"type": "set_fleet", "count": 3}, {"type": "remove_depot", "id": "nope"})
    assert plan_to_dict(plan) == before


# ---------------------------------------------------------------- variants file


def test_demo_variants_file_reads_and_checks_against_the_demo_plan(plan):
    vset = load_variants(DEMO_VARIANTS)
    assert [v.name for v in vset.variants][:3] == ["Neustrelitzer Str. closed", "Half the fleet", "4-hour window"]
    (sweep,) = vset.sweeps
    assert sweep.parameter == "fleet" and sweep.values == [10, 20, 30, 40, 50, 60]
    vset.check(plan)
    jobs = make_jobs(plan, vset)
    assert [j["kind"] for j in jobs] == ["base"] + ["variant"] * len(vset.variants) + ["sweep"] * 6
    assert json.loads(json.dumps(jobs)) == jobs  # jobs are plain JSON for the workers
    again = variants_from_dict(vset.to_dict())
    assert again.to_dict() == vset.to_dict()


def _file(**kw):
    d = {"format": "evacplan-variants", "version": 1, "variants": [{"name": "a", "changes": []}]}
    d.update(kw)
    return d


@pytest.mark.parametrize(
    "d, words",
    [
        ({"format": "evacplan"}, ["not a variants file"]),
        (_file(version=7), ["newer evacplan", "version 7"]),
        (_file(variants=[{"name": "base", "changes": []}]), ["reserved for the base plan"]),
        (
            _file(variants=[{"name": "a", "changes": []}, {"name": "a", "changes": []}]),
            ["variants[1]", "'a' is used twice"],
        ),
        (_file(variants=[{"name": "a"}]), ["variants[0]", "changes is missing"]),
        (
            _file(sweeps=[{"name": "s", "parameter": "buses", "values": [1]}]),
            ["sweeps[0]", "unknown sweep parameter 'buses'"],
        ),
        (_file(sweeps=[{"name": "s", "parameter": "fleet", "values": [1.5]}]), ["whole numbers"]),
        (
            _file(sweeps=[{"name": "s", "parameter": "fleet", "range": {"from": 1, "to": 1e9, "step": 1}}]),
            ["more than"],
        ),
        (_file(colour="red"), ["unknown field 'colour'"]),
    ],
)
def test_variants_file_errors_name_the_place(d, words):
    with pytest.raises(PlanError) as exc:
        variants_from_dict(d, source="my.variants.json")
    msg = str(exc.value)
    assert msg.startswith("my.variants.json: ")
    for w in words:
        assert w in msg


def test_variants_file_check_lists_every_bad_reference(plan, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            _file(
                variants=[
                    {"name": "one", "changes": [{"type": "checkpoint", "id": "CP7", "lanes": 1}]},
                    {"name": "two", "changes": [{"type": "fly"}]},
                ],
                sweeps=[{"name": "lanes", "parameter": "checkpoint_lanes", "checkpoint": "CP8", "values": [1, 2]}],
            )
        )
    )
    vset = load_variants(path)
    with pytest.raises(ChangeError) as exc:
        vset.check(plan)
    msgs = exc.value.problems
    assert len(msgs) == 4
    assert "variant 'one' changes[0] (checkpoint): checkpoint 'CP7' is not in the plan" in msgs[0]
    assert "unknown change type 'fly'" in msgs[1]
    assert "variant 'lanes: checkpoint lanes = 1'" in msgs[2] and "'CP8'" in msgs[2]


def test_unreadable_variants_files(tmp_path):
    with pytest.raises(PlanError, match="cannot read"):
        load_variants(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "evacplan-variants", ')
    with pytest.raises(PlanError, match="not valid JSON"):
        load_variants(bad)
    nan = tmp_path / "nan.json"
    nan.write_text(
        '{"format": "evacplan-variants", "version": 1, '
        '"variants": [{"name": "a", "changes": [{"type": "scale_fleet", "factor": NaN}]}]}'
    )
    with pytest.raises(PlanError, match="NaN"):
        load_variants(nan)


# ---------------------------------------------------------------- sweeps and comparison (on made-up results)


def test_sweep_points_for_every_parameter(plan):
    for name in PARAMETERS:
        s = Sweep(name=name, parameter=name, values=[1, 2])
        for v in s.variants(plan):
            apply_variant(plan, v)
    s = Sweep(name="conv", values=[3, 5], change={"type": "rules"}, field="max_convoy_size")
    assert apply_variant(plan, s.variants(plan)[1]).rules.max_convoy_size == 5
    lanes = Sweep(name="lanes", parameter="checkpoint_lanes", values=[1])
    assert all(c.lanes == 1 for c in apply_variant(plan, lanes.variants(plan)[0]).checkpoints)


def _result(name, evacuated, demand=100, ub=None, routes=None, unserved=None, finish="2022-04-30T12:00:00+02:00"):
    return {
        "name": name,
        "kind": "variant",
        "sweep": None,
        "value": None,
        "error": None,
        "kpis": {
            "demand": demand,
            "evacuated": evacuated,
            "upper_bound": ub or evacuated,
            "gap": 0.0,
            "finish": finish,
            "vehicle_km": 10.0,
            "seat_use": 0.9,
            "convoys": 2,
            "trips": 3,
            "vehicles_used": 3,
            "buses_used": 3,
            "fleet": 5,
        },
        "unserved": unserved or {},
        "routes": routes or {},
    }


def test_sweep_curve_finds_the_value_that_moves_everyone():
    fleet_sweep = Sweep(name="Fleet", parameter="fleet", values=[10, 20, 30, 40], more_is_better=True)
    curve = sweep_curve(fleet_sweep, [_result(str(v), e) for v, e in zip(fleet_sweep.values, [40, 80, 100, 100])])
    assert curve["everyone_at"] == 30 and curve["monotone"]
    minutes = Sweep(name="CP", parameter="checkpoint_minutes", values=[10, 20, 30], more_is_better=False)
    curve = sweep_curve(minutes, [_result(str(v), e) for v, e in zip(minutes.values, [100, 100, 70])])
    assert curve["everyone_at"] == 20 and curve["monotone"]
    curve = sweep_curve(fleet_sweep, [_result(str(v), e) for v, e in zip(fleet_sweep.values, [40, 90, 80, 95])])
    assert curve["everyone_at"] is None and not curve["monotone"]


def test_comparison_rows_deltas_and_route_changes():
    r = {"pickup": "P1", "destination": "D1", "checkpoints": ["CP1"]}
    base = _result(
        "base",
        80,
        ub=90,
        routes={"P1->D1": {**r, "time_s": 600.0, "length_m": 1.0, "nodes": "a"}},
        unserved={"fleet": 20},
    )
    var = _result(
        "closed",
        70,
        ub=90,
        finish="2022-04-30T12:30:00+02:00",
        routes={"P1->D1": {**r, "time_s": 750.0, "length_m": 2.0, "nodes": "b"}},
        unserved={"fleet": 20, "window": 10},
    )
    failed = {"name": "broken", "kind": "variant", "sweep": None, "value": None, "error": "plan not valid"}
    cmp = compare([base, var, failed])
    rows = {row["key"]: row for row in cmp["rows"]}
    assert rows["evacuated"]["values"] == [80, 70, None] and rows["evacuated"]["deltas"][1] == -10
    assert rows["gap_people"]["values"][:2] == [10, 20]
    assert rows["finish"]["deltas"][1] == 30.0
    assert [u["reason"] for u in cmp["unserved"]] == ["window", "fleet"]
    (ch,) = cmp["routes"]["closed"]
    assert ch["status"] == "rerouted" and ch["extra_min"] == 2.5
    assert cmp["errors"] == {"broken": "plan not valid"}
    text = format_table(cmp)
    assert "P1 -> D1: rerouted, 10.0 -> 12.5 min (+2.5 min)" in text
    assert "broken: plan not valid" in text and "+30 min" in text


# ---------------------------------------------------------------- recording edits: diff_plans


def _layers_by_id(plan):
    d = plan_to_dict(plan)
    d.pop("name")
    for layer in ("pickups", "destinations", "depots", "checkpoints", "hazards", "closures"):
        d[layer] = sorted(d[layer], key=lambda x: x["id"])
    return d


@pytest.mark.parametrize(
    "changes",
    [
        [c for c in EXAMPLES if c["type"] not in ("remove_depot", "set_fleet", "scale_fleet")],
        [{"type": "set_fleet", "count": 0}, {"type": "window", "start": "2022-04-30T09:00:00+02:00"}],
        [
            {"type": "scale_fleet", "factor": 0.5},
            {"type": "remove_depot", "id": "DP2"},
            {"type": "remove_hazard", "id": "H1"},
        ],
    ],
    ids=["many", "no-buses", "half-fleet-one-depot"],
)
def test_diff_plans_records_edits_that_apply_back(plan, changes):
    from planner.whatif import diff_plans

    edited = apply(plan, *changes)
    recorded, skipped = diff_plans(plan, edited)
    assert skipped == []
    replay = apply_variant(plan, {"name": "recorded", "changes": recorded})
    assert _layers_by_id(replay) == _layers_by_id(edited)
    assert diff_plans(plan, plan.copy()) == ([], [])


def test_diff_plans_names_what_a_variant_cannot_hold(plan):
    from planner.whatif import diff_plans

    edited = plan.copy()
    edited.element("P1").lon += 0.001
    edited.corridors[0].width_m = 300.0
    edited.element("D1").capacity = 1000
    changes, skipped = diff_plans(plan, edited)
    assert changes == [{"type": "destination", "id": "D1", "capacity": 1000}]
    assert any("pickup P1" in s and "lon" in s for s in skipped)
    assert any("corridors" in s for s in skipped)
