"""planner.corridor on the bundled Neubrandenburg network: a corridor through clicked points, and
editing it by its waypoints (only the legs next to a moved waypoint are routed again)."""

import numpy as np
import pytest
import shapely

from planner.corridor import (
    corridor_line,
    insert_waypoint,
    leg_spans,
    move_waypoint,
    remove_waypoint,
    snap_to_road,
)
from planner.edgegeom import edge_lines
from planner.plan import haversine_m, load_plan


@pytest.fixture(scope="module")
def clicks(demo_plan_path):
    """Four points across the city: pickups P1 and P2, destination D1, depot DP1 (the demo plan's)."""
    plan = load_plan(demo_plan_path)
    return [
        (plan.pickups[0].lon, plan.pickups[0].lat),
        (plan.pickups[1].lon, plan.pickups[1].lat),
        (plan.destinations[0].lon, plan.destinations[0].lat),
        (plan.depots[0].lon, plan.depots[0].lat),
    ]


def _saved(coords):
    """The line as a plan file holds it (7 decimals)."""
    return [(round(a, 7), round(b, 7)) for a, b in coords]


def _on_edges(net, coords, tol_m=0.5):
    lines = edge_lines(net)
    tree = shapely.STRtree(lines)
    x, y = net.to_projected(np.array([c[0] for c in coords]), np.array([c[1] for c in coords]))
    for k in range(len(coords) - 1):
        a, b = shapely.Point(x[k], y[k]), shapely.Point(x[k + 1], y[k + 1])
        mid = shapely.Point((x[k] + x[k + 1]) / 2, (y[k] + y[k + 1]) / 2)
        near = tree.query(mid, predicate="dwithin", distance=tol_m)
        if not any(lines[e].distance(a) < tol_m and lines[e].distance(b) < tol_m for e in near):
            return False
    return True


def _node_lonlat(net, lonlat):
    node = snap_to_road(net, *net.to_projected(*lonlat))
    return float(net.node_lon[node]), float(net.node_lat[node])


def test_leg_spans_find_each_waypoint_in_a_saved_line(demo_net, clicks):
    line = _saved(corridor_line(demo_net, clicks).coords)
    spans = leg_spans(demo_net, line, clicks)
    assert spans is not None and len(spans) == 4
    assert spans[0][0] == 0 and spans[-1][1] == len(line) - 1
    assert all(a[1] < b[0] for a, b in zip(spans[:-1], spans[1:]))  # in order, every leg a real route
    for (first, last), c in zip(spans, clicks):  # each at the road node its click snaps to
        assert first == last and haversine_m(*line[first], *_node_lonlat(demo_net, c)) < 0.05
    # a line that does not pass its waypoints (edited otherwise, another network) has no spans
    assert leg_spans(demo_net, line[::-1], clicks) is None
    assert leg_spans(demo_net, line[:-5], clicks) is None


def test_moving_a_waypoint_reroutes_only_the_legs_next_to_it(demo_net, clicks):
    line = _saved(corridor_line(demo_net, clicks).coords)
    spans = leg_spans(demo_net, line, clicks)
    to = (clicks[1][0] + 0.012, clicks[1][1] - 0.006)
    moved = move_waypoint(demo_net, line, clicks, 1, to)
    new = moved.coords
    assert _on_edges(demo_net, new) and moved.straight == [False, False, False]
    assert min(haversine_m(*c, *_node_lonlat(demo_net, to)) for c in new) < 0.05
    new_spans = leg_spans(demo_net, new, [clicks[0], to, *clicks[2:]])
    assert new_spans is not None
    assert new[new_spans[2][0] :] == line[spans[2][0] :]  # the last leg, vertex for vertex
    assert new[:1] == line[:1]
    assert new != line and moved.length_m > 0
    # the same as routing the new points from scratch, where the new legs are concerned
    fresh = corridor_line(demo_net, [clicks[0], to, clicks[2]]).coords
    assert len(new[: new_spans[2][0] + 1]) == len(fresh)
    assert all(haversine_m(*a, *b) < 0.05 for a, b in zip(new, fresh))


def test_moving_the_end_keeps_everything_before_its_leg(demo_net, clicks):
    line = _saved(corridor_line(demo_net, clicks).coords)
    spans = leg_spans(demo_net, line, clicks)
    to = (clicks[3][0] - 0.01, clicks[3][1] + 0.004)
    new = move_waypoint(demo_net, line, clicks, 3, to).coords
    assert new[: spans[2][0] + 1] == line[: spans[2][0] + 1]
    assert haversine_m(*new[-1], *_node_lonlat(demo_net, to)) < 0.05
    assert _on_edges(demo_net, new)


def test_a_straight_move_joins_the_clicks_themselves(demo_net, clicks):
    line = _saved(corridor_line(demo_net, clicks).coords)
    spans = leg_spans(demo_net, line, clicks)
    to = (clicks[2][0] + 0.003, clicks[2][1] + 0.002)
    moved = move_waypoint(demo_net, line, clicks, 2, to, straight=True)
    new = moved.coords
    (i,) = [j for j, c in enumerate(new) if haversine_m(*c, *to) < 0.01]
    # straight segments, click to click
    assert haversine_m(*new[i - 1], *clicks[1]) < 0.01 and haversine_m(*new[i + 1], *clicks[3]) < 0.01
    assert new[: spans[1][0] + 1] == line[: spans[1][0] + 1]  # the first leg and the road node of P2 kept
    assert moved.straight == [False, True, True]
    # and dragged back along the roads, the legs follow the roads again
    back = move_waypoint(demo_net, new, [*clicks[:2], to, clicks[3]], 2, clicks[2])
    assert back.straight == [False, False, False] and _on_edges(demo_net, back.coords)
    assert all(haversine_m(*a, *b) < 0.05 for a, b in zip(back.coords, line)) and len(back.coords) == len(line)


def test_a_line_that_does_not_pass_its_waypoints_is_routed_anew(demo_net, clicks):
    straight = [clicks[0], clicks[-1]]  # an old straight line, with waypoints set by hand
    moved = move_waypoint(demo_net, straight, clicks, 1, clicks[1])
    assert _on_edges(demo_net, moved.coords)
    assert all(haversine_m(*a, *b) < 0.05 for a, b in zip(moved.coords, corridor_line(demo_net, clicks).coords))
    with pytest.raises(IndexError):
        move_waypoint(demo_net, straight, clicks, 4, clicks[1])


def test_insert_and_remove_a_waypoint(demo_net, clicks):
    pts = [clicks[0], clicks[2]]
    line = _saved(corridor_line(demo_net, pts).coords)
    at = (clicks[1][0], clicks[1][1])
    out, waypoints, k = insert_waypoint(demo_net, line, pts, at)
    assert k == 1 and waypoints == [clicks[0], at, clicks[2]]
    assert _on_edges(demo_net, out.coords)
    assert min(haversine_m(*c, *_node_lonlat(demo_net, at)) for c in out.coords) < 0.05
    removed, back = remove_waypoint(demo_net, out.coords, waypoints, 1)
    assert back == pts and len(removed.coords) == len(line)
    assert all(haversine_m(*a, *b) < 0.05 for a, b in zip(removed.coords, line))
    assert remove_waypoint(demo_net, line, pts, 0) is None  # a corridor keeps two waypoints
    # removing an end drops its leg and keeps the rest as it is
    four = _saved(corridor_line(demo_net, clicks).coords)
    spans = leg_spans(demo_net, four, clicks)
    first, rest = remove_waypoint(demo_net, four, clicks, 0)
    assert rest == clicks[1:] and first.coords == four[spans[1][1] :]
