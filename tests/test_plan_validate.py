"""Validation: every rule broken once, and the message names the element and the field."""

from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from planner.errors import PlanError
from planner.plan import ERROR, WARNING, Depot, VehicleType, load_plan, validate, validate_or_raise

PLANS = Path(__file__).resolve().parent.parent / "resources" / "plans"
CEST = timezone(timedelta(hours=2))
CP2 = "checkpoint CP2 'Groß Nemerow north (An der Chaussee)'"
P1 = "pickup P1 'ZOB bus station (Bahnhof)'"
P4 = "pickup P4 'Dr.-Bonhoeffer-Klinikum'"
DP1 = "depot DP1 'Staging area Groß Nemerow (B 96)'"
CR1 = "corridor CR1 'B 96 south: Friedrich-Engels-Ring, Neustrelitzer Straße, Tannenkrug, Groß Nemerow'"
H1 = "hazard H1 'Debris after shelling, old town north-west'"
D1 = "destination D1 'Reception point B 96 south (towards Neustrelitz)'"


@pytest.fixture(scope="module")
def base():
    return load_plan(PLANS / "demo-neubrandenburg.evacplan.json")


@pytest.fixture
def plan(base):
    return base.copy()


def test_sample_plans_are_valid(base):
    assert validate(base) == []
    mariupol = load_plan(PLANS / "mariupol-azovstal-2022.evacplan.json")
    assert validate(mariupol) == []  # its missing network is the only thing `check` reports


def _set(path, value):
    """An edit: set attribute path ('checkpoints.1.lanes') to value."""

    def edit(plan):
        *head, last = path.split(".")
        obj = plan
        for part in head:
            obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
        if last.isdigit():
            obj[int(last)] = value
        else:
            setattr(obj, last, value)

    return edit


ERROR_CASES = [
    # (edit, element id, field, exact message)
    (_set("checkpoints.1.lanes", 0), "CP2", "lanes", f"{CP2}: lanes must be a whole number ≥ 1, got 0"),
    (
        _set("checkpoints.1.lanes", 1.5),
        "CP2",
        "lanes",
        f"{CP2}: lanes must be a whole number ≥ 1 and ≤ 50 (lanes), got 1.5",
    ),
    (
        _set("checkpoints.1.minutes_per_vehicle", -1.0),
        "CP2",
        "minutes_per_vehicle",
        f"{CP2}: minutes_per_vehicle must be a number ≥ 0, got -1.0",
    ),
    (
        _set("checkpoints.1.hold_min", "10"),
        "CP2",
        "hold_min",
        f"{CP2}: hold_min must be a number ≥ 0 and ≤ 10,080 (minutes), got '10'",
    ),
    (
        _set("checkpoints.1.open_from", "08:00"),
        "CP2",
        "open_from",
        f"{CP2}: open_from must be a local time like 08:00 (or empty for always open), got '08:00'",
    ),
    (
        _set("pickups.0.people.general", -5),
        "P1",
        "people.general",
        f"{P1}: people.general must be a whole number ≥ 0, got -5",
    ),
    (
        _set("pickups.3.people.stretcher", 2.5),
        "P4",
        "people.stretcher",
        f"{P4}: people.stretcher must be a whole number ≥ 0 and ≤ 1,000,000 (people), got 2.5",
    ),
    (_set("pickups.0.priority", 0), "P1", "priority", f"{P1}: priority must be a whole number ≥ 1, got 0"),
    (_set("pickups.0.lat", 95.0), "P1", "lat", f"{P1}: lat must be a number ≥ -90 and ≤ 90, got 95.0"),
    (_set("pickups.0.lon", "13.2"), "P1", "lon", f"{P1}: lon must be a number ≥ -180 and ≤ 180, got '13.2'"),
    (_set("pickups.0.lon", float("nan")), "P1", "lon", f"{P1}: lon must be a number ≥ -180 and ≤ 180, got nan"),
    (
        _set("pickups.3.ready_time", datetime(2022, 4, 30, 9)),
        "P4",
        "ready_time",
        f"{P4}: ready_time must be a date and time with a UTC offset, got datetime.datetime(2022, 4, 30, 9, 0)",
    ),
    (
        _set("pickups.0.destination", "D9"),
        "P1",
        "destination",
        f"{P1}: destination 'D9' is not a destination of this plan",
    ),
    (_set("pickups.1.id", "P1"), "P1", "id", f"{P1}: id P1 is used by 2 elements; ids must be unique"),
    (_set("checkpoints.0.id", "D1"), "D1", "id", f"{D1}: id D1 is used by 2 elements; ids must be unique"),
    (_set("pickups.0.name", None), "P1", "name", "pickup P1: name must be a text, got None"),
    (_set("destinations.0.capacity", 0), "D1", "capacity", f"{D1}: capacity must be a whole number ≥ 1, got 0"),
    (
        _set("depots.0.vehicles.0.count", 0),
        "DP1",
        "vehicles[0].count",
        f"{DP1}: vehicles[0].count must be a whole number ≥ 1, got 0",
    ),
    (
        _set("depots.0.vehicles.0.seats", -1),
        "DP1",
        "vehicles[0].seats",
        f"{DP1}: vehicles[0].seats must be a whole number ≥ 0, got -1",
    ),
    (
        _set("depots.0.vehicles.0.seats", 0),
        "DP1",
        "vehicles[0].seats",
        f"{DP1}: vehicles[0].seats: a vehicle needs at least one seat or stretcher place",
    ),
    (
        _set("depots.0.vehicles.1.max_speed_kph", 0),
        "DP1",
        "vehicles[1].max_speed_kph",
        f"{DP1}: vehicles[1].max_speed_kph must be a number ≥ 1, got 0",
    ),
    (_set("depots.0.vehicles.0.type", " "), "DP1", "vehicles[0].type", f"{DP1}: vehicles[0].type must not be empty"),
    (
        _set("depots.0.vehicles.0.available_from", "09:30"),
        "DP1",
        "vehicles[0].available_from",
        f"{DP1}: vehicles[0].available_from must be a date and time with a UTC offset, got '09:30'",
    ),
    (_set("corridors.0.line", [(13.26, 53.56)]), "CR1", "line", f"{CR1}: line needs at least 2 distinct points, got 1"),
    (
        _set("corridors.0.line", [(13.26, 53.56), (13.26, 53.56)]),
        "CR1",
        "line",
        f"{CR1}: line needs at least 2 distinct points, got 1",
    ),
    (
        _set("corridors.0.line.2", (13.26, 91.0)),
        "CR1",
        "line[2].lat",
        f"{CR1}: line[2].lat must be a number ≥ -90 and ≤ 90, got 91.0",
    ),
    (_set("corridors.0.width_m", 0.0), "CR1", "width_m", f"{CR1}: width_m must be a number > 0, got 0.0"),
    (_set("corridors.0.oneway", "yes"), "CR1", "oneway", f"{CR1}: oneway must be true or false, got 'yes'"),
    (
        _set("hazards.0.polygon", [(13.253, 53.558), (13.258, 53.560), (13.258, 53.558), (13.253, 53.560)]),
        "H1",
        "polygon",
        f"{H1}: polygon is not a valid ring (self-intersection at lon 13.25550, lat 53.55900)",
    ),
    (
        _set("hazards.0.polygon", [(13.253, 53.558), (13.258, 53.560)]),
        "H1",
        "polygon",
        f"{H1}: polygon needs at least 3 distinct points, got 2",
    ),
    (_set("hazards.0.effect", "closed"), "H1", "effect", f"{H1}: effect must be one of blocked, slow, got 'closed'"),
    (_set("hazards.0.speed_factor", 1.5), "H1", "speed_factor", f"{H1}: speed_factor must be at most 1, got 1.5"),
    (
        _set("window.end", datetime(2022, 4, 30, 7, tzinfo=CEST)),
        None,
        "window.end",
        "plan: window.end (2022-04-30T07:00:00+02:00) must be after window.start (2022-04-30T08:00:00+02:00)",
    ),
    (
        _set("window.start", datetime(2022, 4, 30, 8)),
        None,
        "window.start",
        "plan: window.start must be a date and time with a UTC offset, got datetime.datetime(2022, 4, 30, 8, 0)",
    ),
    (_set("window.no_night", 1), None, "window.no_night", "plan: window.no_night must be true or false, got 1"),
    (
        _set("rules.max_convoy_size", 0),
        None,
        "rules.max_convoy_size",
        "plan: rules.max_convoy_size must be a whole number ≥ 1, got 0",
    ),
    (_set("rules.headway_min", -1), None, "rules.headway_min", "plan: rules.headway_min must be a number ≥ 0, got -1"),
    (
        _set("rules.loading_s_per_person", "fast"),
        None,
        "rules.loading_s_per_person",
        "plan: rules.loading_s_per_person must be a number ≥ 1 and ≤ 3,600 (seconds per person), got 'fast'",
    ),
    (_set("rules.snap_limit_m", 0), None, "rules.snap_limit_m", "plan: rules.snap_limit_m must be a number > 0, got 0"),
    (
        _set("rules.approach_radius_m", -1),
        None,
        "rules.approach_radius_m",
        "plan: rules.approach_radius_m must be a number ≥ 0, got -1",
    ),
    (
        _set("rules.city_speed_kph", 0),
        None,
        "rules.city_speed_kph",
        "plan: rules.city_speed_kph must be a number ≥ 1, got 0",
    ),
    (_set("network.name", ""), None, "network.name", "plan: network.name must not be empty"),
    (
        _set("network.sha256", "xyz"),
        None,
        "network.sha256",
        "plan: network.sha256 must be 64 lowercase hex digits or empty, got 'xyz'",
    ),
    (_set("pickups", []), None, "pickups", "plan: the plan has no pickup (assembly point)"),
    (_set("destinations", []), None, "destinations", "plan: the plan has no destination (reception point)"),
    (_set("depots", []), None, "depots", "plan: the plan has no vehicles (add a depot with vehicles)"),
    (
        _set("corridors", []),
        None,
        "rules.corridor_only",
        "plan: rules.corridor_only is set but the plan has no corridor",
    ),
]


@pytest.mark.parametrize("edit, element_id, field, message", ERROR_CASES)
def test_each_rule_names_element_and_field(plan, edit, element_id, field, message):
    edit(plan)
    problems = validate(plan)
    match = [p for p in problems if p.message == message]
    assert match, f"expected {message!r}, got {[p.message for p in problems]}"
    assert (match[0].severity, match[0].element_id, match[0].field) == (ERROR, element_id, field)
    with pytest.raises(PlanError) as info:
        validate_or_raise(plan)
    assert message in [p.message for p in info.value.problems]


def test_closure_needs_a_point(plan):
    from planner.plan import RoadClosure

    plan.closures.append(RoadClosure("X1", "Bridge", []))
    (p,) = validate(plan)
    assert (p.element_id, p.field, p.message) == (
        "X1",
        "points",
        "closure X1 'Bridge': points needs at least 1 distinct points, got 0",
    )


def test_empty_id_is_named_by_position(plan):
    plan.checkpoints[2].id = ""
    assert "checkpoints[2]: id must be a non-empty text, got ''" in [p.message for p in validate(plan)]


def test_duplicate_ids_flag_both_elements(plan):
    plan.pickups[1].id = "P1"
    dup = [p for p in validate(plan) if p.field == "id"]
    assert [p.message.split(":")[0] for p in dup] == [P1, "pickup P1 'Marktplatz'"]


WARNING_CASES = [
    (
        _set("pickups.0.people", type(load_plan(PLANS / "demo-neubrandenburg.evacplan.json").pickups[0].people)()),
        "P1",
        "people",
        f"{P1}: nobody to take out (all people counts are 0)",
    ),
    (
        _set("pickups.3.ready_time", datetime(2022, 4, 30, 14, tzinfo=CEST)),
        "P4",
        "ready_time",
        f"{P4}: ready_time 2022-04-30T14:00:00+02:00 is not before the window ends",
    ),
    (
        _set("destinations.0.capacity", 1000),
        None,
        "destinations",
        "plan: destinations take 1000 people in all, fewer than the 3254 waiting",
    ),
    (_set("checkpoints.1.open_to", time(8)), "CP2", "open_to", None),
    (
        _set("window.end", datetime(2022, 5, 9, 8, tzinfo=CEST)),
        None,
        "window.end",
        "plan: window is 9 days long; is window.end right?",
    ),
]


@pytest.mark.parametrize("edit, element_id, field, message", WARNING_CASES)
def test_warnings_do_not_stop_the_plan(plan, edit, element_id, field, message):
    if field == "open_to":
        plan.checkpoints[1].open_from = time(8)
        message = f"{CP2}: open_from equals open_to: read as open round the clock"
    edit(plan)
    problems = validate(plan)
    assert [(p.severity, p.element_id, p.field, p.message) for p in problems] == [(WARNING, element_id, field, message)]
    assert validate_or_raise(plan) == problems  # no exception: warnings only


def test_checkpoint_far_from_every_corridor_warns_with_the_distance(plan, demo_net):
    import numpy as np
    from shapely.geometry import LineString, Point

    cp = plan.checkpoints[1]
    cp.lon = 13.40
    here = Point(demo_net.to_projected(cp.lon, cp.lat))
    km = (
        min(
            LineString(np.column_stack(demo_net.to_projected(*np.array(c.line).T))).distance(here)
            for c in plan.corridors
        )
        / 1000
    )
    (p,) = validate(plan)
    assert (p.severity, p.element_id, p.field) == (WARNING, "CP2", "lon")
    assert p.message.startswith(f"{CP2}: lies ") and p.message.endswith(" km from every corridor")
    assert abs(float(p.message.split("lies ")[1].split(" km")[0]) - km) <= 0.1 + 0.005 * km


def test_stretcher_cases_without_stretcher_places(plan):
    for d in plan.depots:
        d.vehicles = [v for v in d.vehicles if v.stretcher_places == 0]
    msgs = [p.message for p in validate(plan) if p.severity == WARNING]
    assert msgs == ["plan: 29 stretcher cases but no vehicle with stretcher places"]


def test_depot_without_vehicles_is_a_warning(plan):
    plan.depots.append(Depot("DP3", "Empty yard", 13.2, 53.5, []))
    assert [(p.severity, p.message) for p in validate(plan)] == [
        (WARNING, "depot DP3 'Empty yard': no vehicles at this depot")
    ]


def test_errors_come_before_warnings(plan):
    plan.depots.append(Depot("DP3", "Empty yard", 13.2, 53.5, [VehicleType(count=0)]))
    plan.depots.append(Depot("DP4", "Empty yard 2", 13.2, 53.5, []))
    sev = [p.severity for p in validate(plan)]
    assert sev == sorted(sev)  # 'error' < 'warning'
    assert ERROR in sev and WARNING in sev


# ---------------------------------------------------------------- against the network


def test_sample_plan_is_valid_on_its_network(base, demo_net):
    problems = validate(base, demo_net)
    # at most: drawn on another extract (the plan then moves onto it by snapping)
    assert [(p.severity, p.field) for p in problems] in ([], [(WARNING, "network.sha256")])


def test_sample_plan_records_the_bundled_networks_hash(base, demo_net):
    assert base.network.sha256 == demo_net.sha256


def test_points_outside_the_bbox_warn_with_the_distance(plan, demo_net):
    from pyproj import Geod

    w, s, e, n = demo_net.meta["bbox"]
    plan.pickups[0].lon = w - 0.1  # west of the box, at a latitude inside it
    lat = plan.pickups[0].lat
    expected_km = Geod(ellps="WGS84").inv(w - 0.1, lat, w, lat)[2] / 1000
    probs = validate(plan, demo_net)
    (p,) = [p for p in probs if p.element_id == "P1"]
    assert p.severity == WARNING and p.field == "lon"
    assert p.message == f"{P1}: lies {expected_km:.1f} km outside the bounding box of network 'neubrandenburg'"
    assert not [p for p in probs if p.severity == ERROR]


def test_other_extract_is_a_warning_not_an_error(plan, demo_net):
    plan.network.sha256 = "0" * 64
    (p,) = validate(plan, demo_net)
    assert (p.severity, p.field) == (WARNING, "network.sha256")
    assert "another extract of network 'neubrandenburg'" in p.message and demo_net.sha256[:12] in p.message


def test_absurd_numbers_and_windows_are_errors_not_crashes(plan, demo_net):
    """Values that pass a type check but would overflow the engine are named errors."""
    from datetime import timedelta

    from planner.plan import snap_report

    plan.pickups[0].people.general = 10**40
    plan.window.end = plan.window.start + timedelta(days=400)
    plan.pickups[1].lat = 95.0
    errs = {(p.element_id, p.field): p.message for p in validate(plan, demo_net) if p.severity == ERROR}
    assert "must be at most 1,000,000 people" in errs[("P1", "people.general")]
    assert "at most 14 days" in errs[(None, "window.end")]
    assert any(k[0] == "P2" for k in errs)
    snaps, _ = snap_report(plan, demo_net)  # the snapping report skips what cannot be projected
    assert "P2" not in {s.element_id for s in snaps} and "P1" in {s.element_id for s in snaps}
