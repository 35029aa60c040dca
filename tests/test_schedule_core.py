"""The scheduling algorithms on hand-made Problems (no road network): queues, bound, exhaustive search."""

import random

import pytest

from planner.schedule import CheckpointSpec, Destination, LoadedRoute, PickupDemand, Problem, Rules, Vehicle, solve, upper_bound
from planner.schedule.bound import pass_people
from planner.schedule.heuristic import VARIANTS, Dispatcher, Tables
from planner.schedule.lanes import Lanes


def test_lanes_serve_at_most_lanes_at_once_inside_open_hours():
    lanes = Lanes(CheckpointSpec("C", 600, 2, ((1000, 5000),)), [(0, 10_000)])
    assert lanes.earliest(0) == (1000, 0)  # closed before 1000
    lanes.reserve(0, 1000)
    assert lanes.earliest(1000) == (1000, 1)
    lanes.reserve(1, 1000)
    assert lanes.earliest(1000)[0] == 1600  # both lanes busy until 1600
    assert lanes.earliest(4400)[0] == 4400
    assert lanes.earliest(4401)[0] == float("inf")  # 600 s no longer fit before closing at 5000


def _one_route(trips_fit, buses=3, seats=50, demand=10_000, mob=600):
    """One depot, one pickup, one destination; empty run 600 s, loaded 900 s, 20 s/person total."""
    rules = Rules(max_convoy=15, headway_s=600, load_s_per_person=10, unload_s_per_person=10, mobilisation_s=mob)
    first = 600 + 900 + 20 * seats  # depot -> pickup -> destination with a full load
    cycle = 1200 + 900 + 20 * seats  # destination -> pickup -> destination
    end = mob + first + (trips_fit - 1) * cycle + cycle // 3  # a third of a cycle to spare
    return Problem(
        vehicles=[Vehicle(f"B{n}", "DEP", seats) for n in range(buses)],
        pickups=[PickupDemand("P", general=demand)],
        destinations=[Destination("D")],
        drive_s={("DEP", "P"): 600, ("D", "P"): 1200},
        loaded_route={("P", "D"): LoadedRoute(900, (), 9000.0)},
        window_end_s=end,
        rules=rules,
    )


@pytest.mark.parametrize("n", [1, 2, 3])
def test_exact_number_of_round_trips_is_reached_and_bound_equals_it(n):
    pr = _one_route(n)
    sol = solve(pr)
    assert sol.evacuated == 3 * n * 50
    assert upper_bound(pr).value == 3 * n * 50


def test_single_lane_checkpoint_limits_throughput_to_known_passes():
    # no loading time so every pass carries a full bus; 1 lane x 1200 s
    rules = Rules(max_convoy=15, headway_s=600, load_s_per_person=0, unload_s_per_person=0, mobilisation_s=0)
    pr = Problem(
        vehicles=[Vehicle(f"B{n}", "DEP", 50) for n in range(10)],
        pickups=[PickupDemand("P", general=5000)],
        destinations=[Destination("D")],
        drive_s={("DEP", "P"): 300, ("D", "P"): 600},
        loaded_route={("P", "D"): LoadedRoute(900, (("C", 400),))},
        checkpoints={"C": CheckpointSpec("C", 1200, 1)},
        window_end_s=4 * 3600,
        rules=rules,
    )
    first_arrival = 300 + 400
    last_start = 4 * 3600 - 500 - 1200
    passes = (last_start - first_arrival) // 1200 + 1
    assert solve(pr).evacuated == passes * 50
    assert upper_bound(pr).value == passes * 50


def test_pass_people_counts_partial_loads_at_the_edges():
    # 1 lane, 100 s service, window for 3 passes; loading 10 s/person, cap 5
    got = pass_people(a1=0, b1=300, s=100, lanes=1, cap=5, lp=10, up=0, opens=[(0, 1000)])
    # passes at 100, 200, 300 carry min(5, 1 + t/10) = 5 each; at 0 one person: 16
    assert got == 16


def _random_problem(seed):
    rnd = random.Random(seed)
    nv, npk = rnd.randint(1, 2), rnd.randint(1, 2)
    seats = rnd.choice([10, 20, 50])
    pickups = [PickupDemand(f"P{i}", general=rnd.randint(20, 200)) for i in range(npk)]
    drive, loaded = {}, {}
    cp = CheckpointSpec("C", rnd.choice([300, 600, 900]), rnd.randint(1, 2))
    for p in pickups:
        drive[("DEP", p.id)] = rnd.randint(200, 900)
        drive[("D", p.id)] = rnd.randint(400, 1500)
        t = rnd.randint(500, 1500)
        loaded[(p.id, "D")] = LoadedRoute(t, (("C", t // 2),) if rnd.random() < 0.7 else ())
    rules = Rules(max_convoy=rnd.randint(1, 3), headway_s=rnd.choice([0, 300]), load_s_per_person=5,
                  unload_s_per_person=5, mobilisation_s=rnd.choice([0, 600]))
    return Problem([Vehicle(f"V{i}", "DEP", seats) for i in range(nv)], pickups, [Destination("D", rnd.choice([10**6, 60]))],
                   drive, loaded, {"C": cp}, rnd.randint(3000, 9000), [], rules)


class _Abort(Exception):
    pass


def exhaustive(problem, rule=False):
    """Best people out over every sequence of dispatch decisions (which pickup each free vehicle
    serves next, or that it stops), each simulated with the scheduler's own queue rules.

    With ``rule``: the best solution under the priority rule (lexicographic on people out
    per class, then people out), as a Solution."""
    T = Tables(problem)
    best = None if rule else 0

    def explore(prefix):
        nonlocal best
        seen = []

        def oracle(v, options):
            d = len(seen)
            seen.append(len(options))
            if d < len(prefix):
                c = prefix[d]
                return None if c == len(options) else options[c]
            raise _Abort(len(options))

        try:
            sol = Dispatcher(T, VARIANTS[0], oracle=oracle).run()
        except _Abort as branch:
            for c in range(branch.args[0] + 1):  # every option, and stopping
                explore(prefix + [c])
            return
        if rule:
            if best is None or sol.key() > best.key():
                best = sol
        else:
            best = max(best, sol.evacuated)

    explore([])
    return best


def test_small_instances_bound_exhaustive_heuristic():
    ratios = []
    for seed in range(16):
        pr = _random_problem(seed)
        heur = solve(pr).evacuated
        opt = exhaustive(pr)
        ub = upper_bound(pr).value
        assert ub >= opt >= heur, (seed, ub, opt, heur)
        ratios.append(heur / opt if opt else 1.0)
        print(f"seed {seed}: bound {ub}, exhaustive {opt}, heuristic {heur}")
    mean = sum(ratios) / len(ratios)
    print(f"heuristic / exhaustive optimum, mean over {len(ratios)} instances: {mean:.3f}")
    assert mean >= 0.95


def test_empty_inputs_give_empty_solutions():
    pr = _one_route(2)
    for variant in (
        Problem([], pr.pickups, pr.destinations, pr.drive_s, pr.loaded_route, window_end_s=pr.window_end_s),
        Problem(pr.vehicles, [PickupDemand("P", 0)], pr.destinations, pr.drive_s, pr.loaded_route, window_end_s=pr.window_end_s),
        Problem(pr.vehicles, pr.pickups, pr.destinations, pr.drive_s, pr.loaded_route, window_end_s=600),
        Problem(pr.vehicles, pr.pickups, pr.destinations, {}, {}, window_end_s=pr.window_end_s),
    ):
        sol = solve(variant)
        assert sol.evacuated == 0 and sol.trips == []
        assert upper_bound(variant).value == 0


def test_night_splits_the_window_and_no_trip_crosses_it():
    pr = _one_route(6, buses=2)
    night = (pr.window_end_s * 0.4, pr.window_end_s * 0.6)
    pr.night = [night]
    sol = solve(pr)
    assert sol.evacuated > 0
    for tr in sol.trips:
        assert tr.free_at <= night[0] or tr.leave_at >= night[1]
    assert upper_bound(pr).value >= sol.evacuated


def _random_rule_problem(seed):
    """A bus and an ambulance (2 seats, 2 stretcher places), two pickups of different priority
    with stretcher cases, reduced mobility and general people, one checkpoint."""
    rnd = random.Random(1000 + seed)
    pickups = [PickupDemand(f"P{i}", general=rnd.randint(10, 60), reduced_mobility=rnd.randint(0, 8),
                            stretcher=rnd.randint(0, 4), priority=i + 1) for i in range(2)]
    drive, loaded = {}, {}
    for p in pickups:
        drive[("DEP", p.id)] = rnd.randint(200, 900)
        drive[("D", p.id)] = rnd.randint(400, 1500)
        t = rnd.randint(500, 1500)
        loaded[(p.id, "D")] = LoadedRoute(t, (("C", t // 2),))
    cp = CheckpointSpec("C", rnd.choice([600, 900, 1200]), 1)
    vehicles = [Vehicle("B", "DEP", rnd.choice([20, 30])), Vehicle("A", "DEP", 2, stretcher_places=2)]
    rules = Rules(max_convoy=2, headway_s=rnd.choice([0, 300]), load_s_per_person=10, unload_s_per_person=5,
                  mobilisation_s=0)
    return Problem(vehicles, pickups, [Destination("D")], drive, loaded, {"C": cp}, rnd.randint(3000, 7000), [], rules)


def test_rule_bound_covers_the_best_schedule_under_the_rule_with_ambulances():
    """Under the priority rule the bound (with the class minimums of the heuristic's schedule) is
    at least the people out of the best schedule under the rule, found exhaustively."""
    from planner.schedule.bound import rule_minimums

    tight = 0
    for seed in range(10):
        pr = _random_rule_problem(seed)
        heur = solve(pr)
        # the best known under the rule: the exhaustive search over dispatch decisions, or the
        # heuristic where its variants (partial loads, phases) find a better one
        best = max(exhaustive(pr, rule=True), heur, key=lambda s: s.key())
        mins = rule_minimums(pr, heur.by_class)
        ub = upper_bound(pr, minimums=mins).value
        free = upper_bound(pr).value
        print(f"seed {seed}: classes heuristic {heur.by_class} best {best.by_class}; "
              f"bound under the rule {ub} (without {free}), best {best.evacuated}, heuristic {heur.evacuated}")
        assert ub >= best.evacuated >= heur.evacuated * (best.by_class == heur.by_class), seed
        assert upper_bound(pr, minimums=rule_minimums(pr, best.by_class)).value >= best.evacuated
        assert ub <= free
        tight += ub < free
    print(f"rule bound tighter than the plain one on {tight} of 10")


def test_lp_tightened_rule_bound_covers_the_best_schedule_under_the_rule():
    """The bound with the class minimums the LP proves (rule_minimums_tight: a class the LP shows
    no schedule can move more of fixes it, so the next classes count) is still at least the
    people out of the best schedule under the rule, found exhaustively, and never looser."""
    from planner.schedule.bound import rule_minimums, rule_minimums_tight

    tighter = 0
    for seed in range(10):
        pr = _random_rule_problem(seed)
        heur = solve(pr)
        best = max(exhaustive(pr, rule=True), heur, key=lambda s: s.key())
        mins = rule_minimums_tight(pr, Tables(pr), heur.by_class)
        assert len(mins) >= len(rule_minimums(pr, heur.by_class))
        ub = upper_bound(pr, minimums=mins).value
        plain = upper_bound(pr, minimums=rule_minimums(pr, heur.by_class)).value
        print(f"seed {seed}: minimums {mins}; tightened bound {ub}, plain {plain}, best {best.evacuated}")
        assert plain >= ub >= best.evacuated, seed
        tighter += ub < plain
    print(f"tightened bound below the plain one on {tighter} of 10")
