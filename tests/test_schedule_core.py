"""The convoy engine, its bound and the checker on small hand-made problems (seconds, no network)."""

import itertools
from dataclasses import replace

import pytest

from planner.schedule import check, solve, upper_bound
from planner.schedule.engine import construct
from planner.schedule.model import Checkpoint, Destination, Leg, Pickup, Problem, Rules, Vehicle
from planner.schedule.timing import Timetable, time_round


def line_problem(n_buses=4, people=(100,), cps=None, window_h=6.0, rules=None, night=(), ready=0.0):
    """Depot -> pickups (in a row, 10 min apart) -> destination; checkpoint CP1 on the way to the destination."""
    cps = cps if cps is not None else {"CP1": Checkpoint("CP1", convoy_s=1200, vehicle_s=120, lanes=2)}
    pks = [Pickup(f"P{i + 1}", general=n, ready_s=ready) for i, n in enumerate(people)]
    legs = {}
    cp_on = tuple((c, 600.0) for c in cps)
    for i, p in enumerate(pks):
        legs[("DP", p.id)] = Leg(900.0 + 600 * i, 15_000.0)
        legs[("D", p.id)] = Leg(2400.0 + 600 * i, 40_000.0, tuple((c, 1200.0) for c in cps))
        legs[(p.id, "D")] = Leg(2400.0 + 600 * i, 40_000.0, tuple((c, 1200.0 + 600 * i) for c in cps))
        for j, q in enumerate(pks):
            if i != j:
                legs[(p.id, q.id)] = Leg(600.0 * abs(i - j), 8_000.0)
    del cp_on
    return Problem(
        vehicles=[Vehicle(f"B{k}", "DP", 50) for k in range(n_buses)],
        pickups=pks,
        destinations=[Destination("D")],
        checkpoints=cps,
        legs={"bus": legs},
        window_end_s=window_h * 3600,
        night=list(night),
        rules=rules or Rules(mobilisation_s=0.0),
    )


def test_one_convoy_carries_everyone_in_one_round():
    P = line_problem(n_buses=4, people=(180,))
    sol = solve(P)
    assert check(P, sol) == []
    assert sol.evacuated == 180
    assert len(sol.rounds) == 1 and len(sol.rounds[0].vehicles) == 4  # one convoy of 4, not 4 of one
    r = sol.rounds[0]
    # the passage: 20 min per convoy + ceil(4 / 2 lanes) x 2 min, people checked at no cost
    (p,) = r.passes
    assert p.direction == "out" and p.clear - p.start == 1200 + 2 * 120


def test_a_round_collects_at_two_stops_in_order():
    P = line_problem(n_buses=3, people=(80, 60))
    sol = solve(P)
    assert check(P, sol) == []
    assert sol.evacuated == 140
    assert len(sol.rounds) == 1
    assert [s.pickup for s in sol.rounds[0].stops] in (["P1", "P2"], ["P2", "P1"])


def test_empty_convoys_are_checked_on_the_way_in():
    P = line_problem(n_buses=2, people=(300,), window_h=12.0)
    sol = solve(P)
    assert check(P, sol) == []
    second = [r for r in sol.rounds if r.formation == "D"]
    assert second, "the buses make a second round from the destination"
    assert [p.direction for p in second[0].passes] == ["in", "out"]
    P2 = line_problem(
        n_buses=2,
        people=(300,),
        window_h=12.0,
        cps={"CP1": Checkpoint("CP1", convoy_s=1200, vehicle_s=120, lanes=2, checks_empty=False)},
    )
    sol2 = solve(P2)
    assert check(P2, sol2) == []
    assert all(p.direction == "out" for r in sol2.rounds for p in r.passes)
    assert sol2.evacuated >= sol.evacuated


def test_checkpoint_serves_one_convoy_at_a_time():
    rules = Rules(mobilisation_s=0.0, max_convoy=2, headway_s=0.0)
    P = line_problem(n_buses=6, people=(300,), rules=rules)
    sol = solve(P)
    assert check(P, sol) == []
    ps = sorted((p.start, p.clear) for r in sol.rounds for p in r.passes)
    assert all(b[0] >= a[1] - 1 for a, b in zip(ps, ps[1:]))
    assert all(len(r.vehicles) <= 2 for r in sol.rounds)


def test_escort_teams_limit_convoys_on_the_road():
    rules = Rules(mobilisation_s=0.0, max_convoy=2, escort_teams=1, headway_s=0.0)
    P = line_problem(n_buses=6, people=(300,), rules=rules, window_h=4.0)
    sol = solve(P)
    assert check(P, sol) == []
    assert {r.escort for r in sol.rounds} == {0}
    spans = sorted((r.depart, r.unloaded) for r in sol.rounds)
    assert all(b[0] >= a[1] for a, b in zip(spans, spans[1:]))
    free = solve(
        line_problem(
            n_buses=6, people=(300,), rules=Rules(mobilisation_s=0.0, max_convoy=2, headway_s=0.0), window_h=4.0
        )
    )
    assert free.evacuated > sol.evacuated


def test_checker_finds_broken_schedules():
    P = line_problem(n_buses=3, people=(120,))
    sol = solve(P)
    assert check(P, sol) == []
    r = sol.rounds[0]
    r.passes[0].clear = r.passes[0].start + 60  # too short a passage
    assert any(v.constraint == "checkpoint service" for v in check(P, sol))
    sol = solve(P)
    sol.rounds[0].unloaded = P.window_end_s + 3600
    assert any(v.constraint == "window" for v in check(P, sol))
    sol = solve(P)
    st = sol.rounds[0].stops[0]
    v0 = next(iter(st.load))
    st.load[v0] = (0, 0, 51)
    assert {v.constraint for v in check(P, sol)} >= {"seats", "demand"}
    sol = solve(P)
    sol.rounds[0].passes = []
    assert any(v.constraint == "checkpoint" for v in check(P, sol))
    # more assembly points than rules.max_stops (the bound's checkpoint network relies on the limit)
    sol = solve(P)
    one = replace(P, rules=replace(P.rules, max_stops=1))
    sol.rounds[0].stops.append(sol.rounds[0].stops[0])
    assert any(v.constraint == "stops" for v in check(one, sol))


def test_night_and_overnight_halts():
    # a 4-hour night from 3 h to 7 h; the round takes longer than the 3 h before it
    night = [(3 * 3600.0, 7 * 3600.0)]
    slow = {"CP1": Checkpoint("CP1", convoy_s=3 * 3600, vehicle_s=0, lanes=1)}
    P = line_problem(n_buses=1, people=(40,), cps=slow, window_h=12.0, night=night)
    sol = solve(P)
    assert check(P, sol) == []
    # no halt allowed: the round waits for the morning and lies in one daylight part
    assert sol.evacuated == 40 and sol.rounds[0].depart >= 7 * 3600 and not sol.rounds[0].halts
    halt = {"CP1": Checkpoint("CP1", convoy_s=3 * 3600, vehicle_s=0, lanes=1, overnight_halt=True)}
    P2 = line_problem(n_buses=1, people=(40,), cps=halt, window_h=12.0, night=night)
    tt = Timetable(P2)
    r = time_round(tt, 0.0, "DP", [("P1", {"B0": (0, 0, 40)})], "D", ["B0"], "bus")
    assert r.halts and r.halts[0].place == "CP1"
    from planner.schedule.model import Solution

    assert check(P2, Solution([r])) == []


def test_bad_rules_and_closed_checkpoints():
    closed = {"CP1": Checkpoint("CP1", open=((100_000.0, 200_000.0),))}
    P = line_problem(people=(100,), cps=closed)
    sol = solve(P)
    assert sol.evacuated == 0
    b = upper_bound(P)
    assert b.value == 0 and b.binding == "checkpoint CP1"


@pytest.mark.parametrize(
    "buses,people,window_h,lanes,convoy",
    list(itertools.product((1, 3, 6), ((120,), (60, 90, 40)), (3.0, 5.0, 8.0), (1, 3), (2, 15))),
)
def test_bound_is_never_below_the_schedule(buses, people, window_h, lanes, convoy):
    cps = {"CP1": Checkpoint("CP1", convoy_s=1200, vehicle_s=120, lanes=lanes)}
    P = line_problem(
        n_buses=buses, people=people, window_h=window_h, cps=cps, rules=Rules(mobilisation_s=1800.0, max_convoy=convoy)
    )
    sol = solve(P)
    assert check(P, sol) == []
    b = upper_bound(P)
    assert b.value >= sol.evacuated
    assert b.value <= P.demand


def test_construct_is_deterministic():
    P = line_problem(n_buses=5, people=(120, 80, 60), window_h=9.0)
    a, b = construct(P), construct(P)
    assert [(r.depart, r.vehicles, r.people) for r in a.rounds] == [(r.depart, r.vehicles, r.people) for r in b.rounds]


def test_buses_needed_counts_buses_or_proves_that_none_suffice(monkeypatch):
    from planner.schedule import fleet
    from planner.schedule.engine import SETTINGS
    from planner.schedule.fleet import _with_buses, buses_needed

    # 2 buses, 400 people a short drive away: more buses move everyone
    P = line_problem(n_buses=2, people=(400,))
    need = buses_needed(P, solve(P))
    assert need["buses"] is not None and need["buses"] > 2 and not need["reason"]
    n = need["buses"]
    assert construct(_with_buses(P, n), SETTINGS[0]).evacuated == 400
    assert construct(_with_buses(P, n - 1), SETTINGS[0]).evacuated < 400
    # a checkpoint of 3 h a convoy in a 5 h window: no fleet moves 2,000 people, and the bound says so
    slow = {"CP1": Checkpoint("CP1", convoy_s=3 * 3600, vehicle_s=0, lanes=1)}
    P = line_problem(n_buses=2, people=(2000,), cps=slow, window_h=5.0)
    sol = solve(P)
    need = buses_needed(P, sol)  # a small plan: the constructive with the ceiling's fleet says it
    assert need["buses"] is None and need["reason"].startswith("even 60 buses move ")
    monkeypatch.setattr(fleet, "BOUND_FIRST_FROM", 0)  # as on large plans: the bound first
    need = buses_needed(P, sol)
    assert need["buses"] is None
    assert need["reason"].startswith("no schedule moves everyone even with 60 buses: at most ")
    assert "checkpoints, escorts or the window bind" in need["reason"]


def test_buses_needed_proves_from_the_fleet_term_that_stretcher_places_bind():
    from planner.schedule.fleet import buses_needed

    # 30 stretcher cases and one ambulance of 2 stretcher places in a 2 h window: no number of buses helps, and
    # the fleet term says so without a constructive run with the ceiling's fleet
    P = line_problem(n_buses=2, people=(100,), window_h=2.0)
    P.pickups[0] = replace(P.pickups[0], stretcher=30)
    P.vehicles.append(Vehicle("A1", "DP", 2, 2))
    sol = solve(P)
    need = buses_needed(P, sol, upper_bound(P).reachable)
    assert need["buses"] is None
    assert need["reason"].startswith("no schedule moves everyone even with 60 buses: at most ")
    assert "(fleet): stretcher places bind" in need["reason"]


def test_bound_of_a_larger_fleet_reuses_the_plans_work_and_gives_the_same_terms():
    from planner.schedule.fleet import _with_buses

    cps = {
        "CP1": Checkpoint("CP1", convoy_s=1200, vehicle_s=120, lanes=2),
        "CP2": Checkpoint("CP2", convoy_s=600, vehicle_s=60, lanes=1),
    }
    P = line_problem(n_buses=3, people=(300, 200, 150), cps=cps, window_h=8.0)
    B = upper_bound(P)
    assert B.shared  # legs, passage windows, pickups behind each checkpoint, ...
    for n in (3, 7, 24):
        Q = _with_buses(P, n)
        alone, reused = upper_bound(Q), upper_bound(_with_buses(P, n), shared=B.shared)
        assert reused.terms == alone.terms and reused.value == alone.value and reused.binding == alone.binding
    # work of another problem is not used: a shorter window is a different problem
    R = replace(P, window_end_s=4 * 3600)
    assert upper_bound(R, shared=B.shared).terms == upper_bound(R).terms
    # the quick bound: the first terms only, never below the whole bound
    quick = upper_bound(P, quick=True)
    assert set(quick.terms) <= set(B.terms) and quick.value >= B.value
    assert all(quick.terms[k] == B.terms[k] for k in quick.terms)
