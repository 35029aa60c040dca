"""planner.schedule.timeline: segments, queues and positions of convoy rounds.

Small hand-made rounds with known times (what the scheduler's rounds look like,
on a straight road), then the demo's real schedule in tests/ui/test_schedule_views.py.
"""

import itertools
from datetime import datetime, timedelta, timezone

import pytest

from planner.schedule import report
from planner.schedule.result import (
    CheckpointPassage,
    CheckpointQueue,
    Convoy,
    Halt,
    Kpis,
    Schedule,
    Stop,
)
from planner.schedule.timeline import (
    convoy_position_at,
    convoy_segments,
    convoy_track,
    count_states,
    queue_summary,
    time_span,
)

TZ = timezone(timedelta(hours=2))
T0 = datetime(2022, 4, 30, 9, 0, tzinfo=TZ)


def at(minutes):
    return T0 + timedelta(minutes=minutes)


# a road along x: depot at 0 m, checkpoint at 4 km, pickup at 10 km, destination at 20 km (beyond the depot,
# the loaded leg drives back through the checkpoint)
PLACES = {"DP1": (0.0, 0.0), "CP1": (4000.0, 0.0), "P1": (10000.0, 0.0), "D1": (-2000.0, 0.0)}
NODES = {i: (float(x), 0.0) for i, x in enumerate(range(-2000, 10001, 500))}
IN = [n for n, (x, _) in NODES.items() if x >= 0]  # depot -> pickup
OUT = list(reversed(list(NODES)))  # pickup -> destination


def convoy(cid="C1", passages=None, halts=None):
    ps = (
        passages
        if passages is not None
        else [
            CheckpointPassage("CP1", "in", cid, at(10), at(10), at(30), 3, 0),
            CheckpointPassage("CP1", "out", cid, at(70), at(80), at(100), 3, 120),
        ]
    )
    return Convoy(
        id=cid,
        round=1,
        escort="E1",
        vehicles=["B1", "B2", "B3"],
        formation_place="DP1",
        depart=at(0),
        stops=[Stop("P1", at(40), at(60), 120)],
        destination="D1",
        arrive=at(120),
        unloaded=at(130),
        latest_safe_depart=at(30),
        passages=ps,
        halts=halts or [],
        route_nodes={"in": IN, "out": OUT},
    )


def test_segments_cover_the_round_in_order():
    segs = convoy_segments(convoy())
    kinds = [s.kind for s in segs]
    assert kinds == ["drive_in", "check", "drive_in", "stop", "drive_out", "queue", "check", "drive_out", "unload"]
    assert segs[0].start == at(0) and segs[-1].end == at(130)
    assert all(a.end == b.start for a, b in itertools.pairwise(segs))
    q = segs[5]
    assert (q.place, q.direction, q.duration) == ("CP1", "out", timedelta(minutes=10))


def test_halt_is_a_segment():
    c = convoy(halts=[Halt("CP1", at(100), at(110), "out")])
    c.arrive, c.unloaded = at(125), at(130)
    assert [s.kind for s in convoy_segments(c)][-4:] == ["check", "halt", "drive_out", "unload"]


def test_queue_summary():
    a = CheckpointPassage("CP1", "out", "C1", at(0), at(0), at(20), 3, 100)
    b = CheckpointPassage("CP1", "out", "C2", at(5), at(20), at(40), 2, 50)
    c = CheckpointPassage("CP1", "in", "C3", at(10), at(40), at(50), 4, 0)
    sched = Schedule("t", {}, at(0), at(60), Kpis(), checkpoint_queues=[CheckpointQueue("CP1", [a, b, c])])
    assert [report.queue_length_at(sched, "CP1", at(m)) for m in (0, 5, 12, 20, 39, 40)] == [0, 1, 2, 1, 1, 0]
    s = queue_summary(sched, "CP1")
    assert (s.passages, s.inbound, s.outbound, s.vehicles, s.people, s.max_queue) == (3, 1, 2, 9, 150, 2)
    assert s.max_wait == timedelta(minutes=30) and s.busy == timedelta(minutes=50)


def test_positions_along_the_route():
    tr = convoy_track(convoy(), NODES, PLACES)
    # the track is the empty leg then the loaded leg from the pickup: 10 km + 12 km
    assert tr.length_m == pytest.approx(22000.0)
    p = convoy_position_at(tr, at(5))  # half way from the depot (0 m) to the checkpoint (4 km)
    assert p.state == "driving" and (p.place, p.next_place, p.direction) == ("DP1", "CP1", "in")
    assert p.xy == pytest.approx((2000.0, 0.0))
    assert convoy_position_at(tr, at(20)).state == "checked"
    assert convoy_position_at(tr, at(20)).xy == pytest.approx(PLACES["CP1"])
    p = convoy_position_at(tr, at(35))  # 4 km -> 10 km between 30 and 40 min
    assert p.xy == pytest.approx((7000.0, 0.0))
    assert convoy_position_at(tr, at(50)).state == "boarding"
    p = convoy_position_at(tr, at(75))  # queued at the checkpoint on the way out
    assert (p.state, p.place, p.direction) == ("queued", "CP1", "out") and p.xy == pytest.approx(PLACES["CP1"])
    p = convoy_position_at(tr, at(110))  # checkpoint (4 km) to destination (-2 km) between 100 and 120 min
    assert p.state == "driving" and p.direction == "out" and p.xy == pytest.approx((1000.0, 0.0))
    assert convoy_position_at(tr, at(125)).state == "unloading"
    assert convoy_position_at(tr, at(-1)).state == "forming"
    assert convoy_position_at(tr, at(130)).state == "done"
    assert convoy_position_at(tr, at(130)).xy == pytest.approx(PLACES["D1"])


def test_positions_without_route_nodes_run_between_places():
    c = convoy()
    c.route_nodes = {"in": [], "out": []}
    tr = convoy_track(c, {}, PLACES)
    assert convoy_position_at(tr, at(50)).xy == pytest.approx(PLACES["P1"])
    assert convoy_position_at(tr, at(5)).xy == pytest.approx((2000.0, 0.0))


def test_counts_and_span():
    tracks = [convoy_track(convoy(f"C{i}"), NODES, PLACES) for i in (1, 2)]
    n = count_states([convoy_position_at(t, at(50)) for t in tracks])
    assert n["boarding"] == 2 and n["done"] == 0

    class S:
        window_start, window_end = at(0), at(60)
        convoys = (convoy(),)

    assert time_span(S) == (at(0), at(130))


def test_two_stops_lie_on_the_loaded_leg_and_states_agree_with_report():
    """A round collecting at P1 then at P2 on the way out (Azovstal, then Manhush)."""
    places = dict(PLACES, P2=(6000.0, 0.0))
    c = convoy()
    c.stops = [Stop("P1", at(40), at(50), 80), Stop("P2", at(58), at(62), 40)]
    tr = convoy_track(c, NODES, places)
    assert convoy_position_at(tr, at(60)).xy == pytest.approx(places["P2"])
    p = convoy_position_at(tr, at(54))  # P1 (10 km) to P2 (6 km) between 50 and 58 min
    assert p.state == "driving" and p.direction == "out" and p.xy == pytest.approx((8000.0, 0.0))
    kinds = [s.kind for s in convoy_segments(c)]
    assert kinds[kinds.index("stop") + 1] == "drive_out"  # people on board after the first stop
    sched = Schedule("t", {}, at(0), at(60), Kpis(), convoys=[c])
    for m in range(-5, 140, 1):
        mine, theirs = convoy_position_at(tr, at(m)), report.convoy_position_at(sched, c.id, at(m))
        assert mine.state == theirs.state, m
        if mine.state == "driving":
            assert (mine.place, mine.next_place) == (theirs.place, theirs.to), m
        else:
            assert mine.place == theirs.place, m
