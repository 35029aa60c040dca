"""The whole-convoy passage cut of the bound (:mod:`planner.schedule.intcut`) on tiny hand-made problems."""

import itertools
import math

import pytest

from planner.schedule import check, solve, upper_bound
from planner.schedule.bound import _people_in, _segments_after, round_times
from planner.schedule.cuts import checkpoint_cut, passage_window
from planner.schedule.intcut import _windows, whole_convoy_cut
from planner.schedule.model import Checkpoint, Leg, Rules, Vehicle
from planner.schedule.timing import Timetable
from tests.exact import cpsat
from tests.test_schedule_core import line_problem


def crossing_problem(n_buses, hours, small=None):
    """``line_problem`` where the depot's drives to the pickup cross CP1 too (every round passes it twice)."""
    cps = {"CP1": Checkpoint("CP1", convoy_s=1200, vehicle_s=120, lanes=2, open=((0.0, hours * 3600),))}
    rules = Rules(mobilisation_s=0.0, max_convoy=2, headway_s=0.0)
    P = line_problem(n_buses=n_buses, people=(300,), window_h=hours, rules=rules, cps=cps)
    for key, lg in list(P.legs["bus"].items()):
        if key[0] == "DP":
            P.legs["bus"][key] = Leg(lg.time_s, lg.length_m, (("CP1", 300.0),))
    if small is not None:
        P.vehicles[-1] = Vehicle(P.vehicles[-1].id, "DP", small)
    return P


def fleet_terms(P):
    """Per vehicle the fleet term's most people and rounds (as :func:`planner.schedule.upper_bound` makes them)."""
    tt, rt = Timetable(P), round_times(P)
    beta = P.rules.board_s_per_person + P.rules.leave_s_per_person
    people_of, rounds_of = {}, {}
    for v in P.vehicles:
        best_in = rt[v.profile][1]
        d1 = best_in.get(v.depot, math.inf)
        d2 = min(best_in.get(d.id, math.inf) for d in P.destinations)
        segs = _segments_after(tt, P.first_departure(v), P.window_end_s, False)
        people_of[v.id], rounds_of[v.id] = _people_in(segs, d1, d2, beta, v.capacity)
    return people_of, rounds_of


def brute_force(P, cid, people_of, rounds_of, stretcher_floor=0):
    """The model of :mod:`planner.schedule.intcut` without its relaxations: every vehicle's first round (none,
    partial, full) and its later rounds by level enumerated, passages in whole seconds, each vehicle's people
    ``min(n_v, R_v places, its rounds' shares)``; with ``stretcher_floor``, only the choices whose rounds of
    vehicles with stretcher places have that many stretcher places."""
    cp = P.checkpoints[cid]
    tt = Timetable(P)
    full_w, all_w = _windows(P, cid, tt, {})
    _, _, _, needs_in = passage_window(P, cid)
    cap = max(v.capacity for v in P.vehicles)
    c_p = math.floor(2 / 3 * cap)
    K = min(P.rules.max_convoy, len(P.vehicles))
    mult_first = 2 if needs_in["DP"] else 1
    mult_later = 2 if needs_in["D"] else 1

    def passages(j):  # fastest passages of j vehicles in convoys of at most K (whole seconds)
        best = [0.0] + [math.inf] * j
        for i in range(1, j + 1):
            best[i] = min(best[i - k] + cp.service_s(k, 0) for k in range(1, min(K, i) + 1))
        return best[j]

    options = []
    for v in P.vehicles:
        R = rounds_of[v.id]
        opts = [None]
        if R >= 1:
            for first in ("p", "f"):
                for lp in range(R):
                    for lf in range(R - lp):
                        opts.append((first, lp, lf))
        options.append(opts)
    best = 0
    for choice in itertools.product(*options):
        counts = {"fp": 0, "ff": 0, "lp": 0, "lf": 0}
        people = 0
        places = sum(v.stretcher_places * (1 + o[1] + o[2]) for v, o in zip(P.vehicles, choice) if o is not None)
        if places < stretcher_floor:
            continue
        for v, o in zip(P.vehicles, choice):
            if o is None:
                continue
            first, lp, lf = o
            counts["f" + first] += 1
            counts["lp"] += lp
            counts["lf"] += lf
            share = {"p": min(v.capacity, c_p), "f": v.capacity}
            got = share[first] + lp * share["p"] + lf * share["f"]
            people += min(people_of[v.id], rounds_of[v.id] * v.capacity, got)
        t_full = mult_first * passages(counts["ff"]) + mult_later * passages(counts["lf"])
        t_all = t_full + mult_first * passages(counts["fp"]) + mult_later * passages(counts["lp"])
        if t_full <= full_w and t_all <= all_w:
            best = max(best, people)
    return best


@pytest.mark.parametrize("buses,hours,small", [(5, 2.0, None), (5, 2.5, None), (5, 2.5, 20)])
def test_whole_convoy_cut_is_at_least_the_brute_force_of_its_model_and_binds(buses, hours, small):
    P = crossing_problem(buses, hours, small)
    people_of, rounds_of = fleet_terms(P)
    tt = Timetable(P)
    whole = whole_convoy_cut(P, "CP1", tt, people_of, rounds_of)
    brute = brute_force(P, "CP1", people_of, rounds_of)
    assert whole >= brute  # the DP relaxes the model, never below it
    assert whole <= brute + 50  # and not by more than one vehicle's places here
    lp = checkpoint_cut(P, "CP1", 10**6, tt, rounds_of)
    B = upper_bound(P)
    # binds, or the flow-shop cut of planner/schedule/seqcut.py is tighter still
    assert B.binding in ("checkpoint CP1 in whole convoys", "checkpoints in sequence")
    assert B.value <= whole < min(B.fleet, lp)  # tighter than the fleet and the LP passage cut
    sol = solve(P)
    assert check(P, sol) == []
    assert B.value >= sol.evacuated


@pytest.mark.parametrize("hours", [2.0, 2.5])
def test_whole_convoy_bound_stays_above_the_proven_optimum(hours):
    P = crossing_problem(5, hours)
    exact = cpsat.solve(P, 20.0)
    assert exact.status == "OPTIMAL"
    assert check(P, exact.solution) == []
    B = upper_bound(P)
    assert B.binding in ("checkpoint CP1 in whole convoys", "checkpoints in sequence")
    assert B.value >= exact.value


def test_whole_convoy_cut_leaves_out_what_it_does_not_model():
    P = crossing_problem(5, 2.5)
    people_of, rounds_of = fleet_terms(P)
    night = crossing_problem(5, 2.5)
    night.night = [(3000.0, 3600.0)]  # two passage windows: not modelled, no term
    assert whole_convoy_cut(night, "CP1", Timetable(night), people_of, rounds_of) is None
    assert whole_convoy_cut(P, "CP1", Timetable(P), people_of, rounds_of) is not None


@pytest.mark.parametrize("buses,hours,small", [(3, 4.0, 20), (3, 5.0, 20), (4, 5.0, 20), (3, 6.0, None)])
def test_whole_convoy_cut_with_later_rounds_is_at_least_the_brute_force(buses, hours, small):
    P = crossing_problem(buses, hours, small)
    people_of, rounds_of = fleet_terms(P)
    assert max(rounds_of.values()) >= 2  # later rounds (in and out through CP1) are in play
    whole = whole_convoy_cut(P, "CP1", Timetable(P), people_of, rounds_of)
    assert whole >= brute_force(P, "CP1", people_of, rounds_of)


@pytest.mark.parametrize("seed", range(5))
def test_max_plus_over_the_finite_cells_is_the_dense_shift_of_the_whole_table(seed):
    """The DP step of the cut over the finite cells (planner/schedule/intcut.py ``_max_plus``) gives the very
    table the shift of the whole table by each candidate gives (the same sums, so equal to the bit)."""
    import numpy as np

    from planner.schedule.intcut import _max_plus

    rnd = np.random.default_rng(seed)
    Lf, Lt = int(rnd.integers(3, 30)), int(rnd.integers(30, 80))
    A = np.full((Lf + 1, Lt + 1), -np.inf)
    cells = rnd.integers(0, [Lf + 1, Lt + 1], size=(int(rnd.integers(1, 40)), 2))
    A[cells[:, 0], cells[:, 1]] = rnd.integers(0, 500, len(cells)) + rnd.random(len(cells))
    cands = [
        (int(dx), int(dx + rnd.integers(0, 20)), float(rnd.integers(1, 300)) + 0.5 * float(rnd.integers(0, 3)))
        for dx in rnd.integers(0, Lf + 3, 25)
    ]
    dense = A.copy()
    for dx, dy, val in cands:
        if dx > Lf or dy > Lt:
            continue
        sub = dense[dx:, dy:]
        np.maximum(sub, A[: Lf + 1 - dx, : Lt + 1 - dy] + val, out=sub)
    got = _max_plus(A, cands, Lf, Lt)
    assert np.array_equal(got, dense)
    assert np.isfinite(got).sum() > np.isfinite(A).sum()  # the step added cells: the test compares something
