"""Scheduling on the real bundled Neubrandenburg network: known optima, impossible inputs,
the JSON contract, the CLI, and the validator (property-based and with injected faults)."""

import copy
import json
import math
import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.plan import Corridor, VehicleType, load_plan
from planner.routing import route_plan
from planner.schedule import schedule_plan, validate
from planner.schedule.build import route_all, plan_fleet

CONTRACT = {
    "top": {"plan", "network", "window", "kpis", "convoys", "trips", "unserved"},
    "kpis": {"demand", "evacuated", "upper_bound", "finish", "vehicle_km", "seat_use"},
    "convoy": {"id", "vehicles", "pickup", "destination", "depart", "latest_safe_depart", "arrive"},
    "trip": {"vehicle", "seats", "convoy", "pickup", "destination", "passengers", "leave_from", "leave_at",
             "arrive_pickup", "depart_pickup", "arrive_destination", "route_nodes", "checkpoints"},
    "pass": {"id", "arrive", "start_service", "clear"},
}


@pytest.fixture(scope="module")
def demo_plan(demo_plan_path):
    return load_plan(demo_plan_path)


def small_plan(demo_plan, pickups=("P6",), checkpoints=(), buses=5, ambulances=0, people=5000, hours=6.0,
               load_s=2.0, unload_s=1.0, mob_min=30.0, no_night=False):
    """A plan on the demo geography: chosen pickups, destination D1, depot DP2."""
    plan = demo_plan.copy()
    plan.pickups = [p for p in plan.pickups if p.id in pickups]
    for p in plan.pickups:
        p.people.general, p.people.reduced_mobility, p.people.stretcher = people, 0, 0
        p.ready_time, p.destination = None, None
    plan.destinations = [d for d in plan.destinations if d.id == "D1"]
    plan.destinations[0].capacity = None
    plan.depots = [d for d in plan.depots if d.id == "DP2"]
    plan.depots[0].vehicles = [VehicleType("bus", buses, 50, 0, 60.0)]
    if ambulances:
        plan.depots[0].vehicles.append(VehicleType("ambulance", ambulances, 2, 2, 80.0))
    plan.checkpoints = [c for c in plan.checkpoints if c.id in checkpoints]
    plan.window.end = plan.window.start + timedelta(hours=hours)
    plan.window.no_night = no_night
    r = plan.rules
    r.loading_s_per_person, r.unloading_s_per_person, r.mobilisation_min = load_s, unload_s, mob_min
    return plan


def check_contract(doc):
    assert CONTRACT["top"] <= set(doc)
    assert set(doc["network"]) >= {"name", "sha256"} and set(doc["window"]) >= {"start", "end"}
    assert CONTRACT["kpis"] <= set(doc["kpis"])
    for c in doc["convoys"]:
        assert CONTRACT["convoy"] <= set(c)
    for t in doc["trips"]:
        assert CONTRACT["trip"] <= set(t)
        for p in t["checkpoints"]:
            assert CONTRACT["pass"] <= set(p)
    for u in doc["unserved"]:
        assert {"pickup", "people", "reason"} <= set(u)
    json.dumps(doc)  # plain JSON types only


# ---------------------------------------------------------------- known optima


@pytest.mark.parametrize("n", [1, 3])
def test_window_allows_exactly_n_round_trips(demo_net, demo_plan, n):
    plan = small_plan(demo_plan)
    routes = route_plan(plan, demo_net, max_speed_kph=60.0)
    e0 = math.ceil(routes.time_s[("DP2", "P6")])
    e1 = math.ceil(routes.time_s[("D1", "P6")])
    loaded = math.ceil(routes.routes[("P6", "D1")].time_s)
    first = e0 + 2 * 50 + loaded + 1 * 50
    cycle = e1 + 2 * 50 + loaded + 1 * 50
    end = 30 * 60 + first + (n - 1) * cycle + cycle // 3  # n trips fit, not n + 1
    plan.window.end = plan.window.start + timedelta(seconds=end)
    s = schedule_plan(plan, demo_net, buses_needed=False)
    assert s.evacuated == 5 * n * 50
    assert s.upper_bound == 5 * n * 50
    assert validate(s, plan, demo_net) == []


def test_single_lane_checkpoint_limits_to_known_number_of_buses(demo_net, demo_plan):
    plan = small_plan(demo_plan, checkpoints=("CP3",), buses=12, load_s=0.0, unload_s=0.0, mob_min=0.0, hours=4.0)
    cp = plan.checkpoints[0]
    cp.lanes, cp.minutes_per_vehicle, cp.hold_min, cp.open_from, cp.open_to = 1, 20.0, 0.0, None, None
    routes = route_plan(plan, demo_net, max_speed_kph=60.0)
    route = routes.routes[("P6", "D1")]
    assert [c.checkpoint_id for c in route.checkpoints] == ["CP3"]
    off = math.ceil(route.checkpoints[0].offset_s)
    first_arrival = math.ceil(routes.time_s[("DP2", "P6")]) + off
    last_start = 4 * 3600 - (math.ceil(route.time_s) - off) - 1200
    buses = (last_start - first_arrival) // 1200 + 1  # one bus every 20 minutes
    s = schedule_plan(plan, demo_net, buses_needed=False)
    print(f"single lane: {buses} buses through CP3, scheduled {s.evacuated // 50}, bound {s.upper_bound}")
    assert s.evacuated == buses * 50
    assert s.upper_bound == buses * 50
    assert validate(s, plan, demo_net) == []


# ---------------------------------------------------------------- the priority rule


def served(doc):
    """People out per pickup, [stretcher, reduced mobility, general]."""
    out = {}
    for t in doc["trips"]:
        g = t["passengers_by_group"]
        acc = out.setdefault(t["pickup"], [0, 0, 0])
        acc[0] += g["stretcher"]
        acc[1] += g["reduced_mobility"]
        acc[2] += g["general"]
    return out


@pytest.mark.parametrize("urgent", ["P1", "P3"])
def test_priority_1_pickup_goes_before_a_nearer_priority_2_one(demo_net, demo_plan, urgent):
    # two buses cannot move both 300-people pickups; P6 is next to the depot, the urgent one farther
    plan = small_plan(demo_plan, pickups=(urgent, "P6"), checkpoints=("CP3",), buses=2, people=300, hours=4.0)
    for p in plan.pickups:
        p.priority = 1 if p.id == urgent else 2
    s = schedule_plan(plan, demo_net, buses_needed=False)
    doc = s.to_json()
    got = served(doc)
    assert 300 < s.evacuated < 600
    assert got[urgent] == [0, 0, 300], got  # everyone at the priority-1 pickup out
    assert {u["pickup"] for u in doc["unserved"]} == {"P6"}
    # and the first convoys went there
    first = min(doc["convoys"], key=lambda c: c["depart"])
    assert first["pickup"] == urgent
    assert validate(s, plan, demo_net) == []


@pytest.mark.parametrize("rm", [3, 5])
def test_reduced_mobility_go_before_general_across_pickups(demo_net, demo_plan, rm):
    # one bus, three trips: a few reduced-mobility people at a farther priority-2 pickup go
    # before the general people of the priority-1 pickup next to the depot (groups first)
    plan = small_plan(demo_plan, pickups=("P6", "P2"), checkpoints=("CP3",), buses=1, people=500, hours=3.0)
    for p in plan.pickups:
        p.priority = 1 if p.id == "P6" else 2
        if p.id == "P2":
            p.people.general, p.people.reduced_mobility = 100, rm
    s = schedule_plan(plan, demo_net, buses_needed=False)
    got = served(s.to_json())
    assert s.evacuated < s.demand
    assert got["P2"][1] == rm, got
    assert s.by_group["reduced_mobility"] == rm
    assert validate(s, plan, demo_net) == []


def test_reduced_mobility_board_before_general_at_the_same_pickup(demo_net, demo_plan):
    plan = small_plan(demo_plan, pickups=("P6", "P5"), checkpoints=("CP3",), buses=1, people=500, hours=3.0)
    for p in plan.pickups:
        p.priority = 2
        p.people.reduced_mobility = 40
    s = schedule_plan(plan, demo_net, buses_needed=False)
    got = served(s.to_json())
    assert s.evacuated < 2 * 40 + 2 * 500
    assert got["P6"][1] == 40 and got["P5"][1] == 40, got
    assert validate(s, plan, demo_net) == []


# ---------------------------------------------------------------- impossible inputs


def _impossible(demo_plan, kind):
    plan = small_plan(demo_plan, pickups=("P6", "P2"), people=100)
    if kind == "short window":
        plan.window.end = plan.window.start + timedelta(minutes=40)
    elif kind == "no vehicles":
        plan.depots[0].vehicles = []
    elif kind == "unreachable":
        # the only agreed corridor is far from every pickup and the destination
        plan.rules.corridor_only, plan.rules.approach_radius_m = True, 300.0
        plan.corridors = [Corridor("CR9", "Elsewhere", [(13.300, 53.580), (13.305, 53.583)], 50.0)]
    elif kind == "zero demand":
        for p in plan.pickups:
            p.people.general = 0
    return plan


@pytest.mark.parametrize("kind,reason", [("short window", "window"), ("no vehicles", "fleet"),
                                         ("unreachable", "unreachable"), ("zero demand", None)])
def test_impossible_inputs_give_empty_valid_schedule_with_reasons(demo_net, demo_plan, kind, reason):
    plan = _impossible(demo_plan, kind)
    s = schedule_plan(plan, demo_net)
    doc = s.to_json()
    check_contract(doc)
    assert doc["trips"] == [] and doc["convoys"] == [] and doc["kpis"]["evacuated"] == 0
    assert doc["kpis"]["upper_bound"] == 0
    if reason is None:
        assert doc["unserved"] == []
    else:
        assert {u["reason"] for u in doc["unserved"]} == {reason}
        assert sum(u["people"] for u in doc["unserved"]) == 200
    assert validate(s, plan, demo_net) == []


# ---------------------------------------------------------------- the demo plan and the CLI


def test_cli_schedule_demo_writes_contract_json_that_validates(demo_net, demo_plan, demo_plan_path, tmp_path, capsys):
    from planner.cli import main

    out = tmp_path / "out.json"
    assert main(["--quiet", "schedule", str(demo_plan_path), "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "people out" in text and "upper bound" in text and "buses needed" in text
    doc = json.loads(out.read_text())
    check_contract(doc)
    assert doc["kpis"]["demand"] == demo_plan.total_people
    assert 0 < doc["kpis"]["evacuated"] <= doc["kpis"]["upper_bound"] <= doc["kpis"]["demand"]
    print(f"demo: {doc['kpis']['evacuated']} of {doc['kpis']['demand']}, bound {doc['kpis']['upper_bound']}, "
          f"gap {doc['kpis']['gap']:.3f}, seat use {doc['kpis']['seat_use']:.3f}")
    for c in doc["convoys"]:
        assert c["latest_safe_depart"] >= c["depart"]
    assert validate(doc, demo_plan, demo_net) == []
    # the priority rule on the demo: the hospital (P4, priority 1) goes first and is emptied
    got = served(doc)
    p4 = next(p for p in demo_plan.pickups if p.id == "P4")
    assert p4.priority == 1 and got["P4"] == [p4.people.stretcher, p4.people.reduced_mobility, p4.people.general]
    assert doc["kpis"]["by_group"]["stretcher"] == sum(p.people.stretcher for p in demo_plan.pickups)
    breaches = rule_breaches(doc, demo_plan, demo_net)
    print(breaches)
    assert breaches == []
    # one set of figures, all under the rule; the comparison without it labelled as such
    k, bound, need, alt = doc["kpis"], doc["bound"], doc["buses_needed"], doc["without_stretcher_rule"]
    assert bound["rule"] == "priority" and bound["value"] == k["upper_bound"]
    assert k["gap"] == round((k["upper_bound"] - k["evacuated"]) / k["upper_bound"], 4)
    assert "priority rule" in need["reason"] and need["at_most"] >= k["upper_bound"]  # a larger fleet, same rule
    assert f"at most {need['at_most']} of {k['demand']}" in text
    assert alt["evacuated"] <= alt["upper_bound"] and alt["upper_bound"] >= k["upper_bound"]
    assert "without the rule" in text and f"upper bound {k['upper_bound']}," in text
    # the quality bar is 5 %; under the rule the demo is not there yet (see the report of issue 5)
    assert k["gap"] <= 0.11


def rule_breaches(doc, plan, net):
    """Trips made for a less urgent class while a more urgent one of the same group stays
    behind at a pickup the vehicle could have fetched in time instead.

    A trip is made for the most urgent group it carries (a bus fetching reduced-mobility people
    fills its free seats with general ones at the same pickup: that is not a breach). "In time":
    leaving when it left, free-flow to the other pickup, one person loaded, it would have reached
    the trip's last checkpoint no later than the trip was served there (so it could have had
    that lane)."""
    from datetime import datetime

    from planner.schedule.build import checkpoint_service_s

    fleet = {v.id: v for v in plan_fleet(plan)}
    routes = route_all(plan, net, list(fleet.values()))
    svc = {c.id: checkpoint_service_s(c) for c in plan.checkpoints}
    pick = {p.id: p for p in plan.pickups}
    load1 = plan.rules.loading_s_per_person
    got = served(doc)
    names = ("stretcher", "reduced_mobility", "general")
    left = {p.id: [getattr(p.people, n) - got.get(p.id, [0, 0, 0])[g] for g, n in enumerate(names)] for p in plan.pickups}

    def reach(pr, origin, pickup, dest, cp, leave):
        t = leave + timedelta(seconds=pr.time_s[(origin, pickup)])
        ready = pick[pickup].ready_time
        t = (max(t, ready) if ready is not None else t) + timedelta(seconds=load1)
        r = pr.routes.get((pickup, dest))
        if r is None:
            return None
        prev = 0.0
        for c in r.checkpoints:
            t += timedelta(seconds=c.offset_s - prev)
            prev = c.offset_s
            if c.checkpoint_id == cp:
                return t
            t += timedelta(seconds=svc[c.checkpoint_id])
        return None

    out = []
    for t in doc["trips"]:
        by = t["passengers_by_group"]
        g = next((g for g, n in enumerate(names) if by[n] > 0), None)
        if g is None or not t["checkpoints"]:
            continue
        last = t["checkpoints"][-1]
        pr = routes[fleet[t["vehicle"]].max_speed_kph]
        for other, rest in left.items():
            if rest[g] <= 0 or pick[other].priority >= pick[t["pickup"]].priority:
                continue
            alt = reach(pr, t["leave_from"], other, t["destination"], last["id"], datetime.fromisoformat(t["leave_at"]))
            if alt is not None and alt <= datetime.fromisoformat(last["start_service"]):
                out.append(f"{t['vehicle']} took {names[g]} from {t['pickup']} (priority {pick[t['pickup']].priority}) "
                           f"while {rest[g]} stay at {other} (priority {pick[other].priority})")
    return out


def test_cli_schedule_missing_plan_exits_1(tmp_path, capsys):
    from planner.cli import main

    assert main(["--quiet", "schedule", str(tmp_path / "none.evacplan.json")]) == 1


# ---------------------------------------------------------------- property-based


@st.composite
def plans(draw, demo_plan):
    plan = small_plan(
        demo_plan,
        pickups=tuple(draw(st.lists(st.sampled_from(["P1", "P2", "P3", "P4", "P5", "P6", "P7"]), min_size=1, max_size=3, unique=True))),
        checkpoints=tuple(draw(st.lists(st.sampled_from(["CP1", "CP2", "CP3"]), max_size=3, unique=True))),
        buses=draw(st.integers(0, 8)),
        ambulances=draw(st.integers(0, 2)),
        people=draw(st.integers(0, 400)),
        hours=draw(st.floats(1.0, 10.0)),
        load_s=draw(st.sampled_from([0.0, 10.0, 30.0])),
        unload_s=draw(st.sampled_from([0.0, 15.0])),
        mob_min=draw(st.sampled_from([0.0, 30.0, 90.0])),
        no_night=draw(st.booleans()),
    )
    plan.window.start = plan.window.start + timedelta(hours=draw(st.integers(0, 12)))
    plan.window.end = plan.window.start + timedelta(hours=draw(st.floats(1.0, 20.0)))
    for p in plan.pickups:
        p.people.stretcher = draw(st.integers(0, 6))
        p.priority = draw(st.integers(1, 3))
        if draw(st.booleans()):
            p.ready_time = plan.window.start + timedelta(minutes=draw(st.integers(0, 300)))
    for c in plan.checkpoints:
        c.lanes = draw(st.integers(1, 3))
        c.minutes_per_vehicle = draw(st.sampled_from([2.0, 10.0, 20.0]))
        c.hold_min = draw(st.sampled_from([0.0, 5.0]))
        if draw(st.booleans()):
            from datetime import time
            c.open_from, c.open_to = time(draw(st.integers(0, 23)), 0), time(draw(st.integers(0, 23)), 30)
    plan.rules.max_convoy_size = draw(st.integers(1, 15))
    plan.rules.headway_min = draw(st.sampled_from([0.0, 5.0, 15.0]))
    plan.destinations[0].capacity = draw(st.sampled_from([None, 100, 1000]))
    return plan


@pytest.fixture(scope="module")
def plan_strategy(demo_plan):
    return plans(demo_plan)


def test_every_generated_plan_gives_a_valid_schedule(demo_net, plan_strategy):
    @settings(max_examples=int(os.environ.get("EVACPLAN_HYPOTHESIS_EXAMPLES", "8")), deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(plan_strategy)
    def check(plan):
        s = schedule_plan(plan, demo_net, improve=False, buses_needed=False)
        assert validate(s, plan, demo_net) == []
        assert s.evacuated <= s.upper_bound <= s.demand

    check()


# ---------------------------------------------------------------- the validator catches faults


@pytest.fixture(scope="module")
def base(demo_net, demo_plan):
    plan = small_plan(demo_plan, pickups=("P2", "P6"), checkpoints=("CP2", "CP3"), buses=8, people=300, hours=6.0,
                      load_s=10.0, unload_s=5.0)
    routes = route_all(plan, demo_net, plan_fleet(plan))
    s = schedule_plan(plan, demo_net, routes_by_speed=routes, buses_needed=False)
    doc = s.to_json()
    assert validate(doc, plan, demo_net, routes_by_speed=routes) == []
    return plan, doc, routes


def _inject(kind, plan, doc):
    plan, doc = plan.copy(), copy.deepcopy(doc)
    trips = doc["trips"]
    t0 = trips[0]
    by_vehicle = {}
    for n, t in enumerate(trips):
        by_vehicle.setdefault(t["vehicle"], []).append(n)
    if kind == "seats":
        t0["passengers"] += 60
        t0["passengers_by_group"]["general"] += 60
    elif kind == "demand":
        for p in plan.pickups:
            p.people.general = 1
    elif kind == "travel time":
        t0["arrive_pickup"] = t0["leave_at"]
    elif kind == "window":
        t0["arrive_destination"] = (plan.window.end + timedelta(hours=1)).isoformat()
    elif kind == "daylight":
        plan.window.no_night = True
        plan.window.end = plan.window.start + timedelta(days=2)
        shift = timedelta(hours=15)  # 08:00 + 15 h: after sunset
        for key in ("leave_at", "arrive_pickup", "depart_pickup", "arrive_destination"):
            from datetime import datetime
            t0[key] = (datetime.fromisoformat(t0[key]) + shift).isoformat()
    elif kind == "checkpoint lanes":
        for c in plan.checkpoints:
            c.lanes = 1
        twin = copy.deepcopy(t0)
        twin["vehicle"] = [v.id for v in plan_fleet(plan) if v.id not in by_vehicle][0] if len(by_vehicle) < 8 else twin["vehicle"]
        trips.append(twin)
    elif kind == "checkpoint hours":
        from datetime import time
        for c in plan.checkpoints:
            c.open_from, c.open_to = time(0, 0), time(0, 30)
    elif kind == "convoy size":
        plan.rules.max_convoy_size = 1
        if all(len(c["vehicles"]) < 2 for c in doc["convoys"]):
            doc["convoys"][0]["vehicles"].append(next(t["vehicle"] for t in trips if t["convoy"] != doc["convoys"][0]["id"]))
    elif kind == "destination capacity":
        plan.destinations[0].capacity = doc["kpis"]["evacuated"] - 1
    elif kind == "one place at a time":
        n1, n2 = next(ns for ns in by_vehicle.values() if len(ns) >= 2)[:2]
        trips[n2]["leave_at"] = trips[n1]["leave_at"]
    elif kind == "mobilisation":
        t0["leave_at"] = plan.window.start.isoformat()
    elif kind == "headway":
        plan.rules.headway_min = 600.0
    elif kind == "vehicle":
        t0["vehicle"] = "nobody"
    elif kind == "kpis":
        doc["kpis"]["evacuated"] += 1
    return plan, doc


KINDS = ["seats", "demand", "travel time", "window", "daylight", "checkpoint lanes", "checkpoint hours", "convoy size",
         "destination capacity", "one place at a time", "mobilisation", "headway", "vehicle", "kpis"]


@pytest.mark.parametrize("kind", KINDS)
def test_validator_catches_injected_violation(demo_net, base, kind):
    plan, doc, routes = base
    bad_plan, bad_doc = _inject(kind, plan, doc)
    found = validate(bad_doc, bad_plan, demo_net, routes_by_speed=routes)
    assert kind in {v.constraint for v in found}, [str(v) for v in found]
    named = [v for v in found if v.constraint == kind]
    assert all(v.message for v in named)


# ---------------------------------------------------------------- rules and what planners read


def test_stretcher_cases_go_first_and_only_in_stretcher_places(demo_net, demo_plan):
    plan = small_plan(demo_plan, pickups=("P3", "P6"), checkpoints=("CP3",), buses=4, ambulances=2, people=300, hours=5.0)
    plan.pickups[0].people.stretcher = 6
    s = schedule_plan(plan, demo_net, buses_needed=False)
    doc = s.to_json()
    assert validate(doc, plan, demo_net) == []
    assert doc["kpis"]["by_group"]["stretcher"] == 6
    for t in doc["trips"]:
        assert t["passengers_by_group"]["stretcher"] <= t["stretcher_places"]
    # each vehicle with stretcher places fetched stretcher cases before anyone else
    for vid in {t["vehicle"] for t in doc["trips"] if t["stretcher_places"]}:
        mine = sorted((t for t in doc["trips"] if t["vehicle"] == vid), key=lambda t: t["leave_at"])
        flags = [t["passengers_by_group"]["stretcher"] > 0 for t in mine]
        assert flags == sorted(flags, reverse=True)
    assert doc["without_stretcher_rule"]["evacuated"] <= doc["without_stretcher_rule"]["upper_bound"]


def test_buses_needed_is_enough_when_the_plan_is_rerun_with_it(demo_net, demo_plan):
    plan = small_plan(demo_plan, pickups=("P2", "P6"), checkpoints=("CP2",), buses=2, people=800, hours=3.0)
    s = schedule_plan(plan, demo_net)
    need = s.buses_needed
    assert s.evacuated < s.demand and need["buses"] is not None and need["buses"] > 2
    assert need["lower_bound"] <= need["buses"]
    plan.depots[0].vehicles[0].count = need["buses"]
    again = schedule_plan(plan, demo_net, buses_needed=False)
    assert again.evacuated == again.demand
    assert validate(again, plan, demo_net) == []


def test_no_vehicle_drives_at_night(demo_net, demo_plan):
    from planner.schedule.daylight import plan_nights

    plan = small_plan(demo_plan, people=3000, buses=3, hours=24.0, no_night=True)
    plan.window.start = plan.window.start + timedelta(hours=8)  # 16:00 to 16:00 the next day
    plan.window.end = plan.window.start + timedelta(hours=24)
    (dark_from, dark_to), = plan_nights(plan)
    s = schedule_plan(plan, demo_net, buses_needed=False)
    assert validate(s, plan, demo_net) == []
    from datetime import datetime
    before = [t for t in s.to_json()["trips"] if datetime.fromisoformat(t["arrive_destination"]) <= dark_from]
    after = [t for t in s.to_json()["trips"] if datetime.fromisoformat(t["leave_at"]) >= dark_to]
    assert before and after and len(before) + len(after) == len(s.trips)


def test_demo_plan_within_5_percent_of_its_bound_with_most_people_as_the_aim(demo_net, demo_plan):
    s = schedule_plan(demo_plan, demo_net, buses_needed=False, stretcher_first=False)
    print(f"demo, most people: {s.evacuated} of {s.demand}, bound {s.upper_bound}, gap {s.gap:.3f}, seat use {s.seat_use:.3f}")
    assert s.gap <= 0.05
    assert validate(s, demo_plan, demo_net) == []


def _without_timestamps(doc):
    """The schedule JSON minus anything stamped with the time it was made (none today)."""
    doc = copy.deepcopy(doc)
    for key in ("generated_at", "generated", "created"):
        doc.pop(key, None)
    return doc


def test_demo_schedule_is_the_same_under_cpu_load(demo_net, demo_plan):
    """No wall-clock budget: a busy machine gives the same schedule (GUI, CLI and what-if agree)."""
    import threading

    routes = route_all(demo_plan, demo_net, plan_fleet(demo_plan))
    quiet = schedule_plan(demo_plan, demo_net, routes_by_speed=routes).to_json()
    stop = threading.Event()

    def burn():  # holds the GIL and a core while the second run works
        x = 0
        while not stop.is_set():
            for k in range(10_000):
                x += k * k

    burner = threading.Thread(target=burn, daemon=True)
    burner.start()
    try:
        busy = schedule_plan(demo_plan, demo_net, routes_by_speed=routes).to_json()
    finally:
        stop.set()
        burner.join()
    assert _without_timestamps(busy) == _without_timestamps(quiet)


def test_demo_plan_within_5_percent_of_its_bound_under_the_priority_rule(demo_net, demo_plan):
    s = schedule_plan(demo_plan, demo_net, buses_needed=False)
    print(f"demo, priority rule: {s.evacuated} of {s.demand}, bound {s.upper_bound}, gap {s.gap:.3f}, "
          f"seat use {s.seat_use:.3f}")
    assert s.bound_detail["rule"] == "priority"
    assert s.by_group["stretcher"] == sum(p.people.stretcher for p in demo_plan.pickups)
    assert s.gap <= 0.05
    assert validate(s, demo_plan, demo_net) == []


def test_opt_in_time_budget_still_gives_a_valid_schedule(demo_net, demo_plan):
    plan = small_plan(demo_plan, pickups=("P2", "P6"), checkpoints=("CP2",), buses=2, people=800, hours=3.0)
    full = schedule_plan(plan, demo_net)
    rushed = schedule_plan(plan, demo_net, time_budget_s=0.0)  # the first two heuristic runs only
    assert validate(rushed, plan, demo_net) == []
    assert 0 < rushed.evacuated <= full.evacuated <= full.upper_bound


def _cp2_one_lane(demo_plan, priority_first=True):
    plan = demo_plan.copy()
    cp = next(c for c in plan.checkpoints if c.id == "CP2")
    cp.lanes, cp.hold_min = 1, 30.0
    plan.rules.priority_first = priority_first
    return plan


def test_priority_rule_is_the_reason_when_it_holds_buses_back(demo_net, demo_plan):
    """CP2 with one lane and a 30-minute hold: under the priority rule its few passes go to the
    ambulances, the buses stay at the depots; the unserved rows say so (reason "priority rule",
    naming the checkpoint and what the fleet moves without the rule), the rest keeps its reason."""
    plan = _cp2_one_lane(demo_plan)
    sched = schedule_plan(plan, demo_net, buses_needed=False)
    doc = sched.to_json()
    check_contract(doc)
    assert validate(sched, plan, demo_net) == []
    without = doc["without_stretcher_rule"]["evacuated"]
    assert without > doc["kpis"]["evacuated"]
    rule = [u for u in doc["unserved"] if u["reason"] == "priority rule"]
    assert rule, doc["unserved"]
    assert sum(u["people"] for u in rule) >= without - doc["kpis"]["evacuated"]
    buses = [v for v in plan_fleet(plan) if v.stretcher_places == 0]
    idle = len({v.id for v in buses} - {t["vehicle"] for t in doc["trips"]})
    for u in rule:
        assert "checkpoint CP2" in u["detail"] and f"without the rule {without} people" in u["detail"], u
        assert f"{idle} of {len(buses)} buses make no trip" in u["detail"], u
    others = {u["reason"] for u in doc["unserved"]} - {"priority rule"}
    assert others <= {"fleet", "window", "checkpoint throughput", "destination capacity", "unreachable"}
    assert sum(u["people"] for u in doc["unserved"]) == doc["kpis"]["demand"] - doc["kpis"]["evacuated"]
    # the bound under the rule: the LP proves the stretcher cases cannot move more, so it counts
    # the classes after them too
    assert len(doc["bound"]["rule_minimums"]) > 1
    assert doc["kpis"]["upper_bound"] >= doc["kpis"]["evacuated"]


def test_no_priority_rule_reason_without_the_rule(demo_net, demo_plan):
    plan = _cp2_one_lane(demo_plan, priority_first=False)
    doc = schedule_plan(plan, demo_net, buses_needed=False).to_json()
    assert doc["unserved"] and all(u["reason"] != "priority rule" for u in doc["unserved"])
    assert sum(u["people"] for u in doc["unserved"]) == doc["kpis"]["demand"] - doc["kpis"]["evacuated"]


def test_four_hour_window_under_the_rule_fills_the_lanes_the_stretcher_cases_leave(demo_net, demo_plan):
    """The demo in a 4-hour window: the stretcher cases hold most of CP3; the schedule under the rule
    moves more people than the short-load variant alone with the same stretcher cases out (the
    carriers' last trips moved to the end free lanes for buses), and says what the rule costs."""
    from dataclasses import replace

    from planner.schedule.heuristic import VARIANTS, Dispatcher, Tables

    plan = demo_plan.copy()
    plan.window.end = plan.window.start + timedelta(hours=4)
    sched = schedule_plan(plan, demo_net, buses_needed=False)
    assert validate(sched, plan, demo_net) == []
    T = Tables(sched.problem)
    fill_idle = next(p for p in VARIANTS if p.name == "big-first-fill-idle")
    alone = Dispatcher(T, replace(fill_idle, strict_stretcher=True)).run()
    print(f"4-hour window: {sched.evacuated} out {sched.solution.by_class}, bound {sched.upper_bound}; "
          f"short loads alone {alone.evacuated} {alone.by_class}")
    assert sched.solution.key() >= alone.key()
    if sched.solution.by_class[:2] == alone.by_class[:2]:
        assert sched.evacuated > alone.evacuated
    doc = sched.to_json()
    rule = [u for u in doc["unserved"] if u["reason"] == "priority rule"]
    assert rule and all("stretcher cases can pass checkpoint CP3 first" in u["detail"] for u in rule)
    assert sum(u["people"] for u in doc["unserved"]) == doc["kpis"]["demand"] - doc["kpis"]["evacuated"]
