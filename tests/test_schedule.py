"""Convoy schedules of the demo plan on the real Neubrandenburg network (design sections 6 and 10)."""

import json
from datetime import time, timedelta

import pytest

from planner.errors import PlanError
from planner.plan import load_plan
from planner.schedule import schedule_plan, validate
from planner.schedule.build import route_all
from planner.schedule.report import (
    checkpoint_summary,
    convoy_position_at,
    convoy_sizes,
    positions_at,
    queue_length_at,
    vehicles_in_convoys_of,
)
from planner.schedule.result import SCHEDULE_FORMAT, schedule_from_json


@pytest.fixture(scope="module")
def demo(demo_plan_path, demo_net):
    plan = load_plan(demo_plan_path)
    routes = route_all(plan, demo_net)
    return plan, routes, schedule_plan(plan, demo_net, routes_by_profile=routes)


def test_demo_schedule_is_valid_and_in_convoys(demo, demo_net):
    plan, routes, s = demo
    assert validate(s, plan, demo_net, routes_by_profile=routes) == []
    assert s.evacuated > 0 and s.upper_bound >= s.evacuated
    assert s.kpis.convoys == len(s.convoys) > 0
    # most vehicles travel in convoys of several vehicles
    assert vehicles_in_convoys_of(s, 2) >= 0.5, convoy_sizes(s)
    assert s.kpis.mean_convoy_size >= 3
    # every trip of a convoy is one of its vehicles; people add up
    for c in s.convoys:
        assert sorted(t.vehicle for t in s.trips_of(c.id)) == sorted(c.vehicles)
        assert sum(t.passengers for t in s.trips_of(c.id)) == c.people
    assert sum(c.people for c in s.convoys) == s.evacuated
    assert sum(u.people for u in s.unserved) == s.demand - s.evacuated


def test_every_empty_leg_through_a_checking_checkpoint_has_a_passage(demo):
    plan, routes, s = demo
    checks = {c.id for c in plan.checkpoints if c.checks_empty}
    seen_in = 0
    for c in s.convoys:
        leg = routes[c.profile].leg(c.formation_place, c.stops[0].pickup)
        on_road = [x for x in leg.checkpoint_ids if x in checks]
        assert [p.checkpoint for p in c.passages_in("in")] == on_road
        seen_in += len(on_road)
        out = []
        places = [st.pickup for st in c.stops] + [c.destination]
        for a, b in zip(places[:-1], places[1:]):
            out += routes[c.profile].leg(a, b).checkpoint_ids
        assert [p.checkpoint for p in c.passages_in("out")] == out
    assert seen_in > 0  # the demo has convoys that drive in through checkpoints (from DP1)


def test_json_contract_version_2_round_trips(demo, demo_net, tmp_path):
    plan, routes, s = demo
    path = tmp_path / "s.json"
    s.save_json(path)
    d = json.loads(path.read_text())
    assert d["format"] == SCHEDULE_FORMAT and d["version"] == 2
    c = d["convoys"][0]
    assert set(c) >= {
        "id",
        "round",
        "escort",
        "vehicles",
        "formation",
        "stops",
        "destination",
        "arrive",
        "latest_safe_depart",
        "checkpoints",
        "route_nodes",
    }
    assert c["route_nodes"]["in"] and c["route_nodes"]["out"]
    assert {p["direction"] for cc in d["convoys"] for p in cc["checkpoints"]} == {"in", "out"}
    assert d["checkpoint_queues"] and d["checkpoint_queues"][0]["passages"]
    back = schedule_from_json(d)
    assert back.to_json() == d
    assert validate(d, plan, demo_net, routes_by_profile=routes) == []
    # a tampered schedule is caught
    d["convoys"][0]["checkpoints"][0]["clear"] = d["convoys"][0]["checkpoints"][0]["start_service"]
    for q in d["checkpoint_queues"]:
        for p in q["passages"]:
            if p["convoy"] == d["convoys"][0]["id"]:
                p["clear"] = p["start_service"]
                break
    assert any(v.constraint == "checkpoint service" for v in validate(d, plan, demo_net, routes_by_profile=routes))


def test_latest_safe_departure_and_positions(demo):
    plan, routes, s = demo
    for c in s.convoys:
        assert c.depart <= c.latest_safe_depart <= s.window_end
        assert convoy_position_at(s, c.id, c.depart - timedelta(minutes=1)).state == "forming"
        assert convoy_position_at(s, c.id, c.unloaded).state == "done"
        st = c.stops[0]
        mid = st.arrive + (st.depart - st.arrive) / 2
        assert convoy_position_at(s, c.id, mid).state == "boarding"
        p = c.passages[0]
        if p.clear > p.start_service:
            at = convoy_position_at(s, c.id, p.start_service + (p.clear - p.start_service) / 2)
            assert at.state == "checked" and at.place == p.checkpoint
        half = c.depart + (c.stops[0].arrive - c.depart) / 2
        pos = convoy_position_at(s, c.id, half)
        assert pos.state in ("driving", "queued", "checked")
    assert len(positions_at(s, s.window_start)) == len(s.convoys)
    assert convoy_position_at(s, "no such convoy", s.window_start) is None


def test_checkpoint_queues(demo):
    plan, routes, s = demo
    summary = checkpoint_summary(s)
    assert set(summary) <= {c.id for c in plan.checkpoints}
    for q in s.checkpoint_queues:
        ps = q.passages
        assert all(b.start_service >= a.clear for a, b in zip(ps, ps[1:]))  # one convoy at a time
        for p in ps:
            if p.start_service > p.arrive:
                t = p.arrive + (p.start_service - p.arrive) / 2
                assert queue_length_at(s, q.checkpoint, t) >= 1
                assert queue_length_at(s, q.checkpoint, t, vehicles=True) >= p.vehicles
    assert queue_length_at(s, "CP1", s.window_start) == 0


def test_rules_no_convoy_can_be_formed_under(demo_plan_path, demo_net):
    plan = load_plan(demo_plan_path)
    plan.rules.max_convoy_size = 0
    with pytest.raises(PlanError, match="max_convoy_size"):
        schedule_plan(plan, demo_net, buses_needed=False)
    plan = load_plan(demo_plan_path)
    plan.rules.escort_teams = 0
    with pytest.raises(PlanError, match="escort_teams"):
        schedule_plan(plan, demo_net, buses_needed=False)


def test_checkpoint_closed_all_window_is_named(demo_plan_path, demo_net):
    plan = load_plan(demo_plan_path)
    cp3 = next(c for c in plan.checkpoints if c.id == "CP3")
    cp3.open_from, cp3.open_to = time(20, 0), time(21, 0)  # outside the 08:00-14:00 window
    s = schedule_plan(plan, demo_net, buses_needed=False, improve=False)
    assert s.evacuated == 0 and s.upper_bound == 0
    assert s.unserved and all(u.reason == "checkpoint throughput" and "CP3" in u.detail for u in s.unserved)


def test_one_escort_team(demo_plan_path, demo_net):
    plan = load_plan(demo_plan_path)
    plan.rules.escort_teams = 1
    s = schedule_plan(plan, demo_net, buses_needed=False, improve=False)
    assert validate(s, plan, demo_net) == []
    assert {c.escort for c in s.convoys} == {"E1"}
    assert "escorts" in {u.reason for u in s.unserved}


def test_demo_schedule_is_the_same_under_cpu_load(demo, demo_net):
    """No wall clock in the engine: a busy machine gives the same schedule."""
    import threading

    plan, routes, s = demo
    stop = threading.Event()

    def burn():
        x = 0
        while not stop.is_set():
            x += 1

    threads = [threading.Thread(target=burn) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        again = schedule_plan(plan, demo_net, routes_by_profile=routes)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert again.to_json() == s.to_json()


def test_unserved_reason_does_not_blame_the_fleet_while_vehicles_stand_unused(demo):
    plan, routes, s = demo
    used = {v for c in s.convoys for v in c.vehicles}
    n_vehicles = sum(vt.count for d in plan.depots for vt in d.vehicles)
    assert len(used) < n_vehicles  # on the demo some vehicles stay at the depot: the queues bind, not the fleet
    assert s.unserved
    for u in s.unserved:
        assert "every vehicle is busy" not in u.detail, u
    assert any(u.reason == "checkpoint throughput" and "stand unused" in u.detail for u in s.unserved)
