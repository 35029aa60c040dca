"""Routing on the real bundled Neubrandenburg network (issue 4).

Places used (OSM extract of 2016, bundled in resources/osm/; check them on any OSM map):

- MARKT, Marktplatz in the old town, and SOUTH, the car park on Neustrelitzer
  Straße at the southern edge of town. Their fastest route runs along
  Friedrich-Engels-Ring over the railway bridge (B 96) and down
  Neustrelitzer Straße.
- The west bank of the Tollensesee: Seestraße is the only road into the
  gardens south of it; a closure or a blocked zone on it cuts them off.
"""

import json
import math
from datetime import datetime, timedelta, timezone

import networkx as nx
import numpy as np
import pytest
import shapely

from planner.errors import Cancelled
from planner.plan import (
    Checkpoint,
    Corridor,
    Depot,
    Destination,
    HazardZone,
    NetworkRef,
    Pickup,
    Plan,
    RoadClosure,
    Rules,
    Window,
    load_plan,
)
from planner.restrictions import CLOSURE_TOLERANCE_M
from planner.routing import (
    MAX_OVERLAP,
    alternative_routes,
    build_usable_network,
    checkpoint_index,
    route_plan,
    route_via,
    shortest_route,
    travel_matrix,
)

MARKT = (13.25819, 53.55752)
SOUTH = (13.2629, 53.52052)
# Friedrich-Engels-Ring bridge over the railway (B 96), on the fastest MARKT -> SOUTH route.
BRIDGE = (13.260387, 53.553409)
# Neustrelitzer Straße (B 96) halfway down, on the same route.
NEUSTRELITZER = (13.264496, 53.539449)
# West alternative MARKT -> SOUTH: Lessingstraße, Schwedenstraße, Lindenstraße,
# Kirschenallee, Platanenstraße, Margeritenstraße.
WEST_CORRIDOR = [
    (13.25747, 53.55517),
    (13.25429, 53.55493),
    (13.25517, 53.55406),
    (13.255, 53.55283),
    (13.25546, 53.55172),
    (13.25718, 53.55049),
    (13.26291, 53.55135),
    (13.26452, 53.54856),
    (13.26537, 53.54548),
    (13.26528, 53.54163),
    (13.26402, 53.53821),
    (13.26155, 53.53763),
    (13.25998, 53.53461),
    (13.25996, 53.53294),
    (13.26068, 53.53137),
    (13.26046, 53.52985),
    (13.26221, 53.5296),
    (13.26148, 53.52537),
    (13.25776, 53.52418),
    (13.25724, 53.52114),
    (13.25602, 53.51856),
    (13.26213, 53.51761),
    (13.26382, 53.51878),
    (13.26145, 53.51959),
    (13.26209, 53.52047),
]
# Seestraße, the only road into the gardens on the west bank of the lake, and a point in them.
SEESTRASSE = (13.234615, 53.555157)
GARDENS = (13.237, 53.548173)
# The demo plan's reception point, south of town on the B 96, and the Tannenkrug
# checkpoint standing on the northbound carriageway of the dual-carriageway B 96.
RECEPTION = (13.1805, 53.4442)
TANNENKRUG = (13.25732, 53.51373)
# Middle of the Tollensesee, far from any road.
LAKE = (13.2235, 53.5105)

TZ = timezone(timedelta(hours=2))


def make_plan(
    pickups=(("P1", "Marktplatz", MARKT),),
    destinations=(("D1", "South car park", SOUTH),),
    *,
    depots=(),
    corridor_only=False,
    approach_radius_m=1000.0,
    **layers,
):
    """A plan on the bundled network from (id, name, (lon, lat)) tuples."""
    return Plan(
        name="routing test",
        network=NetworkRef("neubrandenburg"),
        window=Window(datetime(2022, 4, 30, 8, tzinfo=TZ), datetime(2022, 4, 30, 14, tzinfo=TZ)),
        rules=Rules(corridor_only=corridor_only, approach_radius_m=approach_radius_m),
        pickups=[Pickup(i, n, *pt) for i, n, pt in pickups],
        destinations=[Destination(i, n, *pt) for i, n, pt in destinations],
        depots=[Depot(i, n, *pt) for i, n, pt in depots],
        **layers,
    )


def projected(net, lonlat):
    x, y = net.to_projected(np.asarray(lonlat)[:, 0], np.asarray(lonlat)[:, 1])
    return np.column_stack([x, y])


def route_line(net, route):
    return shapely.LineString(projected(net, route.coords_lonlat))


def point(net, lonlat):
    return shapely.Point(*net.to_projected(*lonlat))


def square(net, centre, half_m):
    """Square polygon (lon, lat ring) of side 2 * half_m metres around a point."""
    x, y = net.to_projected(*centre)
    ring = np.array(
        [(x - half_m, y - half_m), (x + half_m, y - half_m), (x + half_m, y + half_m), (x - half_m, y + half_m)]
    )
    lon, lat = net.to_wgs84(ring[:, 0], ring[:, 1])
    return [(float(a), float(b)) for a, b in zip(lon, lat)]


@pytest.fixture(scope="module")
def base(demo_net):
    """The unconstrained fastest MARKT -> SOUTH route."""
    routes = route_plan(make_plan(), demo_net)
    assert not routes.problems
    return routes.routes[("P1", "D1")]


# ---------------------------------------------------------------- basics


def test_route_is_consistent_with_the_network(demo_net, base):
    net = demo_net
    usable = build_usable_network(make_plan(), net)
    assert len(base.edge_index) == len(base.node_index) - 1
    assert np.array_equal(net.edge_u[base.edge_index], base.node_index[:-1])
    assert np.array_equal(net.edge_v[base.edge_index], base.node_index[1:])
    assert base.length_m == pytest.approx(net.edge_length[base.edge_index].sum())
    assert base.time_s == pytest.approx(usable.time_s[base.edge_index].sum())
    assert base.route_nodes[0] == net.node_osmid[base.node_index[0]]
    assert base.route_nodes[-1] == net.node_osmid[base.node_index[-1]]
    # Every network node of the route appears in route_nodes, in order, with the simplified edges' inner nodes between.
    pos = [base.route_nodes.index(int(net.node_osmid[n])) for n in base.node_index]
    assert pos == sorted(pos) and len(base.route_nodes) > len(base.node_index)
    # Geometry starts and ends on the end nodes.
    assert np.allclose(base.coords_lonlat[0], (net.node_lon[base.node_index[0]], net.node_lat[base.node_index[0]]))
    assert np.allclose(base.coords_lonlat[-1], (net.node_lon[base.node_index[-1]], net.node_lat[base.node_index[-1]]))
    assert route_line(net, base).length == pytest.approx(base.length_m, rel=0.01)
    json.dumps(base.to_dict())
    # The route crosses the B 96 railway bridge: the edges the closure test takes away.
    bridge = point(net, BRIDGE)
    assert any(
        net.edge_bridge[e] and shapely.LineString(net.edge_coords(e)).distance(bridge) < 1 for e in base.edge_index
    )


def test_speed_caps(demo_net):
    net = demo_net
    plan = make_plan()
    bus = build_usable_network(plan, net)
    assert np.all(bus.base_time_s >= net.edge_length * 3.6 / 60 - 1e-9)
    city = np.isin(net.edge_highway, ["residential", "living_street", "service", "unclassified", "tertiary"])
    assert city.any() and np.all(bus.base_time_s[city] >= net.edge_length[city] * 3.6 / 40 - 1e-9)
    # An edge slower than the caps keeps its own free-flow time.
    slow = net.edge_speed_kph < 30
    assert slow.any() and np.allclose(bus.base_time_s[slow], np.maximum(net.edge_travel_time[slow], 1e-3))
    # A vehicle cap lower than the rules' applies everywhere.
    tractor = build_usable_network(plan, net, max_speed_kph=25)
    assert np.allclose(tractor.base_time_s, np.maximum(net.edge_travel_time, net.edge_length * 3.6 / 25))
    t_bus = route_plan(plan, net).time_s[("P1", "D1")]
    t_tractor = route_plan(plan, net, max_speed_kph=25).time_s[("P1", "D1")]
    assert t_tractor > t_bus


# ---------------------------------------------------------------- closures and hazards


def test_closing_the_bridge_reroutes_and_takes_longer(demo_net, base):
    net = demo_net
    plan = make_plan(closures=[RoadClosure("X1", "Railway bridge", [BRIDGE])])
    routes = route_plan(plan, net)
    usable = routes.usable
    removed = np.flatnonzero(usable.constraints[0].removes)
    # The closure takes away the bridge carriageway the best route drives, and nothing farther than the tolerance.
    assert np.isin(removed, base.edge_index).any()
    bridge = point(net, BRIDGE)
    assert all(shapely.LineString(net.edge_coords(e)).distance(bridge) <= CLOSURE_TOLERANCE_M for e in removed)
    new = routes.routes[("P1", "D1")]
    assert not np.isin(new.edge_index, removed).any()
    assert new.time_s > base.time_s
    assert not routes.problems


def test_line_closure_across_the_bridge(demo_net, base):
    net = demo_net
    # A 50 m line across the road at the bridge, perpendicular to the carriageway the route drives.
    bx, by = net.to_projected(*BRIDGE)
    e = min(base.edge_index, key=lambda i: shapely.LineString(net.edge_coords(i)).distance(shapely.Point(bx, by)))
    c = net.edge_coords(e)
    d = c[-1] - c[0]
    n = np.array([-d[1], d[0]]) / np.hypot(*d)
    ends = np.array([[bx, by] + 25 * n, [bx, by] - 25 * n])
    lon, lat = net.to_wgs84(ends[:, 0], ends[:, 1])
    line = shapely.LineString(ends)
    plan = make_plan(
        closures=[
            RoadClosure("X1", "Bridge destroyed", [(float(lon[0]), float(lat[0])), (float(lon[1]), float(lat[1]))])
        ]
    )
    routes = route_plan(plan, net)
    removed = np.flatnonzero(routes.usable.constraints[0].removes)
    assert e in removed
    # Every removed edge crosses the line or runs along it; none only touches it with an end.
    assert all(shapely.LineString(net.edge_coords(i)).distance(line) <= CLOSURE_TOLERANCE_M for i in removed)
    new = routes.routes[("P1", "D1")]
    assert not np.isin(new.edge_index, removed).any()
    assert not route_line(net, new).intersects(line)
    assert new.time_s > base.time_s


def test_blocked_hazard_moves_the_route_out_of_the_polygon(demo_net, base):
    net = demo_net
    ring = square(net, NEUSTRELITZER, 150)
    poly = shapely.Polygon(projected(net, ring))
    assert route_line(net, base).intersects(poly)  # the zone lies across the best route
    plan = make_plan(hazards=[HazardZone("H1", "Shelling", ring, effect="blocked")])
    new = route_plan(plan, net).routes[("P1", "D1")]
    xy = projected(net, new.coords_lonlat)
    assert not shapely.contains_xy(poly, xy[:, 0], xy[:, 1]).any()  # no vertex inside
    assert not shapely.contains_xy(poly, net.node_x[new.node_index], net.node_y[new.node_index]).any()
    assert not route_line(net, new).intersects(poly)  # no segment crossing it
    assert new.time_s > base.time_s


def test_pickup_inside_a_blocked_zone_is_served_from_outside(demo_net):
    net = demo_net
    ring = square(net, NEUSTRELITZER, 150)
    poly = shapely.Polygon(projected(net, ring))
    plan = make_plan(
        pickups=[("P1", "Clinic", NEUSTRELITZER)], hazards=[HazardZone("H1", "Shelling", ring, effect="blocked")]
    )
    routes = route_plan(plan, net)
    node, dist = routes.snaps["P1"]
    assert not poly.contains(shapely.Point(net.node_x[node], net.node_y[node]))
    assert dist > 100  # at least to the edge of the zone
    assert (
        f"pickup P1 'Clinic' lies inside blocked hazard zone H1 'Shelling'; it is served from the nearest usable "
        f"road node outside, {dist:.0f} m away"
    ) in [p.message for p in routes.problems]
    assert not route_line(net, routes.routes[("P1", "D1")]).intersects(poly)


def test_slow_hazard_divides_speed_inside_the_zone(demo_net, base):
    net = demo_net
    ring = square(net, NEUSTRELITZER, 150)
    poly = shapely.Polygon(projected(net, ring))
    plain = build_usable_network(make_plan(), net)
    slow = build_usable_network(
        make_plan(hazards=[HazardZone("H1", "Rubble", ring, effect="slow", speed_factor=0.5)]), net
    )
    inside = np.array([poly.contains(shapely.LineString(net.edge_coords(e))) for e in range(net.n_edges)])
    outside = np.array([not poly.intersects(shapely.LineString(net.edge_coords(e))) for e in range(net.n_edges)])
    assert inside.any()
    assert np.allclose(slow.base_time_s[inside], plain.base_time_s[inside] / 0.5)
    assert np.array_equal(slow.base_time_s[outside], plain.base_time_s[outside])
    partial = ~inside & ~outside
    assert np.all(slow.base_time_s[partial] > plain.base_time_s[partial])
    assert np.all(slow.base_time_s[partial] < plain.base_time_s[partial] / 0.5)
    rubble = [HazardZone("H1", "Rubble", ring, effect="slow", speed_factor=0.5)]
    assert route_plan(make_plan(hazards=rubble), net).time_s[("P1", "D1")] > base.time_s


# ---------------------------------------------------------------- corridors


def test_corridor_only_keeps_the_route_inside_corridor_and_approach(demo_net, base):
    net = demo_net
    width, radius = 80.0, 300.0
    corridor = Corridor("CR1", "West streets", WEST_CORRIDOR, width_m=width)
    plan = make_plan(corridors=[corridor], corridor_only=True, approach_radius_m=radius)
    region = shapely.union_all(
        [shapely.LineString(projected(net, WEST_CORRIDOR)).buffer(width / 2)]
        + [point(net, p).buffer(radius) for p in (MARKT, SOUTH)]
    )
    assert not route_line(net, base).covered_by(region)  # the corridor excludes the best route
    routes = route_plan(plan, net)
    new = routes.routes[("P1", "D1")]
    assert route_line(net, new).covered_by(region.buffer(0.5))  # 0.5 m: polygon approximation of the discs
    assert new.time_s > base.time_s
    # Part of the corridor is one-way streets: only the way back (destination -> pickup) is cut.
    assert not [p for p in routes.problems if "cannot reach any destination" in p.message]


def test_pickup_off_the_corridor_is_explained(demo_net):
    plan = make_plan(
        pickups=[("P1", "Marktplatz", MARKT), ("P2", "Seestraße gardens", GARDENS)],
        corridors=[Corridor("CR1", "West streets", WEST_CORRIDOR, width_m=80)],
        corridor_only=True,
        approach_radius_m=300,
    )
    routes = route_plan(plan, demo_net)
    assert ("P1", "D1") in routes.routes and ("P2", "D1") not in routes.routes
    assert math.isinf(routes.time_s[("P2", "D1")])
    messages = [p.message for p in routes.problems if p.element_id == "P2"]
    assert (
        "pickup P2 'Seestraße gardens' cannot reach any destination: every path leaves corridor CR1 'West streets'"
        in messages
    )


def test_one_way_corridor_is_driven_only_in_its_direction(demo_net):
    forward = make_plan(
        corridors=[Corridor("CR1", "West streets", WEST_CORRIDOR, width_m=80, oneway=True)],
        corridor_only=True,
        approach_radius_m=300,
    )
    assert ("P1", "D1") in route_plan(forward, demo_net).routes
    backward = make_plan(
        corridors=[Corridor("CR1", "West streets", WEST_CORRIDOR[::-1], width_m=80, oneway=True)],
        corridor_only=True,
        approach_radius_m=300,
    )
    routes = route_plan(backward, demo_net)
    assert ("P1", "D1") not in routes.routes
    assert any(
        p.message
        == "pickup P1 'Marktplatz' cannot reach any destination: every path leaves corridor CR1 'West streets'"
        for p in routes.problems
    )


# ---------------------------------------------------------------- isolation and explanations


@pytest.mark.parametrize(
    "layer, message",
    [
        (
            {"closures": [RoadClosure("X1", "Seestraße dam", [SEESTRASSE])]},
            "every path crosses road closure X1 'Seestraße dam'",
        ),
        ("hazard", "every path crosses hazard zone H1 'Flooded road'"),
    ],
)
def test_isolated_pickup_gets_its_explanation(demo_net, layer, message):
    if layer == "hazard":
        layer = {"hazards": [HazardZone("H1", "Flooded road", square(demo_net, SEESTRASSE, 15), effect="blocked")]}
    plan = make_plan(
        pickups=[("P1", "Marktplatz", MARKT), ("P2", "Seestraße gardens", GARDENS)],
        depots=[("DP1", "Bus depot", SOUTH)],
        **layer,
    )
    routes = route_plan(plan, demo_net)
    assert ("P1", "D1") in routes.routes
    assert ("P2", "D1") not in routes.routes and math.isinf(routes.time_s[("P2", "D1")])
    assert math.isinf(routes.time_s[("DP1", "P2")]) and math.isinf(routes.time_s[("P1", "P2")])
    assert routes.snaps["P2"][1] < 300  # it is cut off, not far from the roads
    msgs = [p.message for p in routes.problems if p.element_id == "P2"]
    assert f"pickup P2 'Seestraße gardens' cannot reach any destination: {message}" in msgs
    assert f"no vehicle can reach pickup P2 'Seestraße gardens' from any depot or destination: {message}" in msgs
    # Without the cut, the gardens are reachable: the explanation names the only cause.
    assert ("P2", "D1") in route_plan(make_plan(pickups=[("P2", "Seestraße gardens", GARDENS)]), demo_net).routes


def test_two_constraints_that_only_together_cut_a_pickup_off(demo_net):
    plan = make_plan(
        pickups=[("P2", "Seestraße gardens", GARDENS)],
        closures=[RoadClosure("X1", "Seestraße dam", [SEESTRASSE])],
        hazards=[HazardZone("H1", "Flooded road", square(demo_net, SEESTRASSE, 15), effect="blocked")],
    )
    msgs = [p.message for p in route_plan(plan, demo_net).problems]
    assert (
        "pickup P2 'Seestraße gardens' cannot reach any destination: every path crosses hazard zone H1 'Flooded road' "
        "or road closure X1 'Seestraße dam' (both would have to be lifted)"
    ) in msgs


def test_far_snap_and_useless_closure_are_reported(demo_net):
    plan = make_plan(
        pickups=[("P1", "Marktplatz", MARKT), ("P9", "Boat landing", LAKE)],
        closures=[RoadClosure("X1", "Ferry", [LAKE])],
    )
    routes = route_plan(plan, demo_net)
    node, dist = routes.snaps["P9"]
    assert dist > 300
    assert f"pickup P9 'Boat landing' is {dist:.0f} m from the nearest usable road node (limit 300 m)" in [
        p.message for p in routes.problems
    ]
    assert any(p.element_id == "X1" and "touches no road within 10 m" in p.message for p in routes.problems)


# ---------------------------------------------------------------- checkpoints


def test_checkpoint_on_the_route_is_passed(demo_net, base):
    net = demo_net
    # Two checkpoints on the middle of edges of the best route: one on the bridge, one on Neustrelitzer Straße.
    mids = []
    for target in (BRIDGE, NEUSTRELITZER):
        e = min(base.edge_index, key=lambda i: shapely.LineString(net.edge_coords(i)).distance(point(net, target)))
        mid = shapely.LineString(net.edge_coords(e)).interpolate(0.5, normalized=True)
        mids.append(tuple(float(v) for v in net.to_wgs84(mid.x, mid.y)))
    plan = make_plan(
        checkpoints=[Checkpoint("CP2", "South post", *mids[1]), Checkpoint("CP1", "Bridge post", *mids[0])]
    )
    routes = route_plan(plan, net)
    r = routes.routes[("P1", "D1")]
    assert r.checkpoint_ids == ["CP1", "CP2"]  # in driving order
    for cp in r.checkpoints:
        assert cp.node_index in r.node_index
        assert int(net.node_osmid[cp.node_index]) in r.route_nodes
        assert 0 < cp.offset_s < r.time_s and 0 < cp.offset_m < r.length_m
    assert r.checkpoints[0].offset_s < r.checkpoints[1].offset_s
    assert not routes.problems


def test_checkpoint_on_the_other_carriageway_is_passed(demo_net):
    # The Tannenkrug checkpoint stands on the northbound carriageway of the B 96;
    # southbound traffic passes it on the other carriageway, 12 m away.
    plan = make_plan(
        destinations=[("D1", "Reception", RECEPTION)], checkpoints=[Checkpoint("CP1", "Tannenkrug", *TANNENKRUG)]
    )
    routes = route_plan(plan, demo_net)
    r = routes.routes[("P1", "D1")]
    assert r.checkpoint_ids == ["CP1"]
    cp = r.checkpoints[0]
    assert int(demo_net.node_osmid[cp.node_index]) in r.route_nodes
    # Timed where the route passes the checkpoint, within a few metres of it.
    d = np.interp(cp.offset_m, np.r_[0, np.cumsum(demo_net.edge_length[r.edge_index])], np.arange(len(r.node_index)))
    assert route_line(demo_net, r).interpolate(cp.offset_m).distance(point(demo_net, TANNENKRUG)) < 40
    assert 0 < d < len(r.node_index) - 1


def test_route_via_forces_an_ordered_list_of_checkpoints(demo_net, base):
    net = demo_net
    plan = make_plan(
        checkpoints=[
            Checkpoint("CP1", "Schwedenstraße", *WEST_CORRIDOR[5]),
            Checkpoint("CP2", "Platanenstraße", *WEST_CORRIDOR[18]),
        ]
    )
    routes = route_plan(plan, net)
    usable = routes.usable
    index = checkpoint_index(usable, plan.checkpoints)
    assert routes.routes[("P1", "D1")].checkpoint_ids == []  # the fastest route uses neither
    o, t = routes.snaps["P1"][0], routes.snaps["D1"][0]
    via = route_via(usable, o, t, [routes.snaps["CP1"][0], routes.snaps["CP2"][0]], checkpoints=index)
    assert via.checkpoint_ids == ["CP1", "CP2"]
    assert via.time_s > base.time_s
    # The legs are fastest paths: the whole equals the sum of the three single queries.
    legs = [(o, routes.snaps["CP1"][0]), (routes.snaps["CP1"][0], routes.snaps["CP2"][0]), (routes.snaps["CP2"][0], t)]
    assert via.time_s == pytest.approx(sum(shortest_route(usable, a, b).time_s for a, b in legs))
    same = routes.via("P1", "D1", ["CP1", "CP2"])
    assert same.checkpoint_ids == ["CP1", "CP2"] and same.route_nodes == via.route_nodes
    # The other order is a different, longer route that passes them in that order.
    back = routes.via("P1", "D1", ["CP2", "CP1"])
    assert back.checkpoint_ids == ["CP2", "CP1"] and back.time_s > same.time_s


# ---------------------------------------------------------------- alternatives


def test_alternatives_are_distinct_and_sorted(demo_net, base):
    routes = route_plan(make_plan(), demo_net, alternatives=3)
    alts = routes.alternatives[("P1", "D1")]
    assert 2 <= len(alts) <= 3
    assert alts[0] is routes.routes[("P1", "D1")] and alts[0].label == "fastest" and alts[0].overlap == 1.0
    assert alts[0].time_s == pytest.approx(base.time_s)
    times = [r.time_s for r in alts]
    assert times == sorted(times)
    assert len({tuple(r.node_index.tolist()) for r in alts}) == len(alts)
    for r in alts[1:]:
        assert 0.0 <= r.overlap <= MAX_OVERLAP
        shared = np.isin(r.edge_index, alts[0].edge_index)
        assert r.overlap == pytest.approx(demo_net.edge_length[r.edge_index[shared]].sum() / r.length_m)
        assert r.label.startswith("via ")
        assert r.node_index[0] == alts[0].node_index[0] and r.node_index[-1] == alts[0].node_index[-1]
    # The same through the lower-level call.
    again = alternative_routes(routes.usable, routes.snaps["P1"][0], routes.snaps["D1"][0], 3)
    assert [round(r.time_s, 6) for r in again] == [round(t, 6) for t in times]


# ---------------------------------------------------------------- matrix


def test_matrix_agrees_with_single_queries(demo_net):
    net = demo_net
    plan = make_plan(
        pickups=[("P1", "Marktplatz", MARKT), ("P2", "Gardens", GARDENS), ("P3", "Tannenkrug", TANNENKRUG)],
        destinations=[("D1", "South car park", SOUTH), ("D2", "Reception", RECEPTION)],
        depots=[("DP1", "Bridge depot", BRIDGE), ("DP2", "Neustrelitzer depot", NEUSTRELITZER)],
    )
    routes = route_plan(plan, net)
    usable = routes.usable
    expected = {(d, p) for d in ("DP1", "DP2", "D1", "D2") for p in ("P1", "P2", "P3")}
    expected |= {(p, d) for p in ("P1", "P2", "P3") for d in ("D1", "D2")}
    expected |= {(p, q) for p in ("P1", "P2", "P3") for q in ("P1", "P2", "P3") if p != q}
    assert set(routes.time_s) == expected == set(routes.length_m)
    for (a, b), t in routes.time_s.items():
        single = shortest_route(usable, routes.snaps[a][0], routes.snaps[b][0])
        assert abs(single.time_s - t) < 1.0, (a, b)
        assert abs(single.length_m - routes.length_m[(a, b)]) < 1.0, (a, b)
        leg = routes.leg(a, b)
        assert abs(leg.time_s - t) < 1.0 and abs(leg.length_m - routes.length_m[(a, b)]) < 1.0
    # The lower-level call gives the same figures.
    ids = ["DP1", "DP2", "D1", "D2", "P1", "P2", "P3"]
    nodes = [routes.snaps[i][0] for i in ids]
    t, ln = travel_matrix(usable, nodes, nodes)
    for (a, b), v in routes.time_s.items():
        assert t[ids.index(a), ids.index(b)] == pytest.approx(v)
        assert ln[ids.index(a), ids.index(b)] == pytest.approx(routes.length_m[(a, b)])
    # NetworkX, the model of record, on the same weights agrees too.
    G = nx.DiGraph()
    for e in np.flatnonzero(usable.usable):
        u, v, w = int(net.edge_u[e]), int(net.edge_v[e]), float(usable.time_s[e])
        if not G.has_edge(u, v) or G[u][v]["w"] > w:
            G.add_edge(u, v, w=w)
    dist = nx.single_source_dijkstra_path_length(G, routes.snaps["DP1"][0], weight="w")
    for p in ("P1", "P2", "P3"):
        assert abs(dist[routes.snaps[p][0]] - routes.time_s[("DP1", p)]) < 1.0


# ---------------------------------------------------------------- OSM ways


@pytest.fixture(scope="module")
def osm_steps():
    """Directed node pairs (a, b) an OSM highway way lets a vehicle drive, from the raw bundled file."""
    import osmium

    from tests.conftest import RESOURCES

    steps = set()
    for w in osmium.FileProcessor(str(RESOURCES / "osm" / "neubrandenburg.osm.bz2"), osmium.osm.WAY).with_filter(
        osmium.filter.KeyFilter("highway")
    ):
        refs = [n.ref for n in w.nodes]
        oneway = w.tags.get("oneway", "")
        if oneway in ("-1", "reverse"):
            refs = refs[::-1]
        forward_only = (
            oneway in ("yes", "true", "1", "-1", "reverse")
            or (w.tags.get("junction", "") in ("roundabout", "circular") and oneway != "no")
            or (w.tags.get("highway") == "motorway" and oneway != "no")
        )
        for a, b in zip(refs[:-1], refs[1:]):
            steps.add((a, b))
            if not forward_only:
                steps.add((b, a))
    return steps


def test_route_nodes_follow_osm_ways_and_oneways(demo_net, demo_plan_path, osm_steps):
    plan = load_plan(demo_plan_path)
    routes = route_plan(plan, demo_net, alternatives=3)
    extra = route_plan(make_plan(closures=[RoadClosure("X1", "Railway bridge", [BRIDGE])]), demo_net, alternatives=3)
    checked = 0
    for r in [r for alts in list(routes.alternatives.values()) + list(extra.alternatives.values()) for r in alts]:
        pairs = list(zip(r.route_nodes[:-1], r.route_nodes[1:]))
        bad = [p for p in pairs if p not in osm_steps]
        assert not bad, (
            f"{r.origin_id}->{r.destination_id} {r.label}: steps not on an OSM way (or against oneway): {bad[:5]}"
        )
        checked += len(pairs)
    assert checked > 1000


# ---------------------------------------------------------------- the demo plan and the CLI


def test_demo_plan_routes_every_pickup_through_its_checkpoints(demo_net, demo_plan_path):
    plan = load_plan(demo_plan_path)
    routes = route_plan(plan, demo_net, alternatives=2)
    for p in plan.pickups:
        for d in plan.destinations:
            if p.destination in (None, d.id):
                r = routes.routes[(p.id, d.id)]
                offsets = [c.offset_s for c in r.checkpoints]
                assert offsets == sorted(offsets)
    on_routes = {c for r in routes.routes.values() for c in r.checkpoint_ids}
    assert on_routes == {c.id for c in plan.checkpoints}
    assert not [p for p in routes.problems if "lies on no" in p.message or "cannot reach" in p.message]
    json.dumps(routes.to_dict())


def test_cli_route_prints_the_table_and_writes_json(demo_plan_path, tmp_path, capsys):
    from planner.cli import main

    out = tmp_path / "routes.json"
    assert main(["-q", "route", str(demo_plan_path), "--alternatives", "2", "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0].split()[:5] == ["from", "to", "min", "km", "overlap"]
    data = json.loads(out.read_text(encoding="utf-8"))
    plan = load_plan(demo_plan_path)
    assert {(r["from"], r["to"]) for r in data["routes"]} == {
        (p.id, d.id) for p in plan.pickups for d in plan.destinations if p.destination in (None, d.id)
    }
    for r in data["routes"]:
        assert r["route_nodes"] and r["checkpoints"] and r["time_s"] > 0
        assert r["route_nodes"][0] == data["snaps"][r["from"]]["node"]
        assert f"{r['time_s'] / 60:.1f}" in text
    assert all(len(a["routes"]) <= 2 for a in data["alternatives"])


def test_cli_route_bad_input(tmp_path, capsys):
    from planner.cli import main

    assert main(["-q", "route", str(tmp_path / "missing.evacplan.json")]) == 1
    assert "missing.evacplan.json" in capsys.readouterr().err
    # A plan for a network that is not in the store: one line saying so, exit 1.
    from tests.conftest import RESOURCES

    mariupol = RESOURCES / "plans" / "mariupol-azovstal-2022.evacplan.json"
    assert main(["-q", "route", str(mariupol)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "is not in the store" in err
    assert main(["-q", "route", str(mariupol), "--alternatives", "0"]) == 1
    assert "--alternatives must be at least 1" in capsys.readouterr().err


def test_progress_reports_and_can_cancel(demo_net):
    seen = []
    route_plan(make_plan(), demo_net, progress=lambda f, m: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0

    def cancel(fraction, message):
        if fraction and fraction > 0.1:
            raise Cancelled("stop")

    with pytest.raises(Cancelled):
        route_plan(make_plan(), demo_net, progress=cancel)


# ---------------------------------------------------------------- random plans


def test_random_plans_route_or_explain(demo_net):
    """Hypothesis: plans with random points, zones, closures and corridors never crash routing;
    every pair is either routed on usable edges with the matrix's time, or unreachable and explained."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    net = demo_net
    node = st.integers(0, net.n_nodes - 1)
    edge = st.integers(0, net.n_edges - 1)

    def lonlat(i, dx=0.0, dy=0.0):
        return (float(net.node_lon[i]) + dx, float(net.node_lat[i]) + dy)

    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        pickups=st.lists(node, min_size=1, max_size=4),
        dests=st.lists(node, min_size=1, max_size=2),
        zones=st.lists(st.tuples(node, st.floats(20, 400), st.sampled_from(["blocked", "slow"])), max_size=3),
        closed=st.lists(edge, max_size=3),
        corridor=st.one_of(st.none(), st.tuples(node, node, st.floats(50, 600))),
    )
    def check(pickups, dests, zones, closed, corridor):
        layers = {
            "hazards": [
                HazardZone(f"H{i}", f"zone {i}", square(net, lonlat(n), half), effect=eff)
                for i, (n, half, eff) in enumerate(zones)
            ],
            "closures": [],
            "corridors": [],
        }
        for i, e in enumerate(closed):
            mid = shapely.LineString(net.edge_coords(e)).interpolate(0.5, normalized=True)
            layers["closures"].append(
                RoadClosure(f"X{i}", f"closure {i}", [tuple(float(v) for v in net.to_wgs84(mid.x, mid.y))])
            )
        if corridor and corridor[0] != corridor[1]:
            layers["corridors"].append(
                Corridor("CR1", "corridor", [lonlat(corridor[0]), lonlat(corridor[1])], width_m=corridor[2])
            )
        plan = make_plan(
            pickups=[(f"P{i}", f"pickup {i}", lonlat(n, 0.0003, -0.0002)) for i, n in enumerate(pickups)],
            destinations=[(f"D{i}", f"destination {i}", lonlat(n)) for i, n in enumerate(dests)],
            corridor_only=bool(layers["corridors"]),
            approach_radius_m=500,
            **layers,
        )
        routes = route_plan(plan, net, alternatives=2)
        json.dumps(routes.to_dict())
        usable = routes.usable
        for p in plan.pickups:
            for d in plan.destinations:
                r = routes.routes.get((p.id, d.id))
                t = routes.time_s[(p.id, d.id)]
                if r is None:
                    assert math.isinf(t)
                    assert any(pr.element_id == p.id for pr in routes.problems)
                else:
                    assert r.time_s == pytest.approx(t)
                    assert usable.usable[r.edge_index].all()
                    for alt in routes.alternatives[(p.id, d.id)]:
                        assert usable.usable[alt.edge_index].all()

    check()
