"""Routes a bus driver can legally follow, on the three real extracts (issue 12).

Everything the routes are checked against is read here, independently, from
the raw OSM file with pyosmium: the restriction relations, the ways of every
node pair, their access and limit tags. The routes come from the planner's
own stored network and turn-aware search.
"""

import math

import numpy as np
import osmium
import pytest

from planner import network as nw
from planner.adhoc import _NoPlan, route_between
from planner.restrictions import build_usable_network
from planner.routing import alternative_routes, shortest_route, travel_matrix
from planner.usable import VehicleProfile
from tests.conftest import shared_osm

EXTRACTS = ["neubrandenburg.osm.bz2", "monaco.osm.pbf", "liechtenstein-2013-08-03.osm.pbf"]
N_PAIRS = 300
COACH = VehicleProfile(80.0, 3.5, 18.0, 12.0, "bus")


class Raw:
    """What the raw file says: restrictions, ways per node pair, way tags."""

    def __init__(self, path):
        self.restrictions = []  # (id, value, from, [via nodes], [via ways], to)
        self.pair_ways = {}
        self.tags = {}
        for o in osmium.FileProcessor(str(path)):
            if o.is_way() and "highway" in o.tags:
                self.tags[o.id] = dict(o.tags)
                refs = [n.ref for n in o.nodes]
                for a, b in zip(refs[:-1], refs[1:]):
                    self.pair_ways.setdefault((a, b), set()).add(o.id)
                    self.pair_ways.setdefault((b, a), set()).add(o.id)
            elif o.is_relation() and o.tags.get("type") == "restriction":
                t = dict(o.tags)
                value = t.get("restriction:bus") or t.get("restriction:psv")
                if value is None and not {"bus", "psv"} & set(t.get("except", "").split(";")):
                    value = t.get("restriction")
                if not value:
                    continue
                m = [(x.type, x.role, x.ref) for x in o.members]
                frm = [r for ty, ro, r in m if ro == "from" and ty == "w"]
                to = [r for ty, ro, r in m if ro == "to" and ty == "w"]
                vn = [r for ty, ro, r in m if ro == "via" and ty == "n"]
                vw = [r for ty, ro, r in m if ro == "via" and ty == "w"]
                self.restrictions.append((o.id, value, frm[0], vn, vw, to[0]))

    def ways_of(self, nodes):
        """The set of ways of every consecutive node pair."""
        return [self.pair_ways.get((a, b), set()) for a, b in zip(nodes[:-1], nodes[1:])]

    def violations(self, nodes):
        """Restriction relations a node sequence breaks."""
        ways = self.ways_of(nodes)
        bad = []
        pos = {}
        for i, n in enumerate(nodes):
            pos.setdefault(n, []).append(i)
        for rid, value, frm, vn, vw, to in self.restrictions:
            if vn:
                for i in pos.get(vn[0], ()):
                    if 0 < i < len(nodes) - 1 and frm in ways[i - 1]:
                        hit = to in ways[i]
                        if hit != value.startswith("only_"):
                            bad.append((rid, value, i))
            else:
                # via ways: the way sequence (one way per segment where unambiguous) holds from, via.., to
                seq = []
                for w in ways:
                    w = sorted(w)
                    if w and (not seq or seq[-1] not in w):
                        seq.append(w[0] if len(w) == 1 else w)
                want = [frm, *vw, to]
                flat = [s if isinstance(s, int) else None for s in seq]
                for i in range(len(flat) - len(want) + 1):
                    if flat[i : i + len(want)] == want and value.startswith("no_"):
                        bad.append((rid, value, i))
        return bad

    def bus_access(self, way):
        t = self.tags.get(way, {})
        for k in ("bus", "psv", "motor_vehicle", "vehicle", "access"):
            if k in t:
                return t[k]
        return "yes"

    def limit(self, way):
        t = self.tags.get(way, {})

        def num(v):
            try:
                return float(v.replace(",", ".").split()[0])
            except (ValueError, AttributeError, IndexError):
                return math.inf

        return num(t.get("maxheight")), num(t.get("maxweight")), num(t.get("maxlength"))


@pytest.fixture(scope="module", params=EXTRACTS)
def extract(request):
    path = shared_osm(request.param)
    net = nw.import_osm(path)
    usable = build_usable_network(_NoPlan(), net, profile=COACH)
    return request.param, net, Raw(path), usable


def _main_without_destination(net):
    """Nodes of the largest strongly connected part of the graph without destination-only ways."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    keep = net.edge_access_bus == nw.ACCESS_YES
    g = csr_matrix((np.ones(int(keep.sum())), (net.edge_u[keep], net.edge_v[keep])), shape=(net.n_nodes,) * 2)
    _, label = connected_components(g, directed=True, connection="strong")
    return label == np.argmax(np.bincount(label))


def _pairs(net, n, seed=12):
    rng = np.random.default_rng(seed)
    return rng.integers(0, net.n_nodes, size=(n, 2))


def _routes(usable, pairs):
    out = []
    for o, d in pairs.tolist():
        if o != d:
            r = shortest_route(usable, o, d)
            if r is not None:
                out.append(r)
    return out


@pytest.mark.slow  # full imports of real extracts (10-40 s)
def test_restrictions_read_into_the_store(extract):
    name, net, raw, _ = extract
    assert len(net.restr_osmid) == len(raw.restrictions) > 0
    assert set(net.restr_osmid.tolist()) == {r[0] for r in raw.restrictions}


@pytest.mark.slow  # full imports of real extracts (10-40 s)
def test_random_routes_obey_every_restriction_access_and_limit(extract):
    name, net, raw, usable = extract
    routes = _routes(usable, _pairs(net, N_PAIRS))
    assert len(routes) > 0.9 * N_PAIRS, (name, len(routes))
    checked_via = behind = 0
    main = _main_without_destination(net)
    for r in routes:
        nodes = [int(x) for x in r.route_nodes]
        assert raw.violations(nodes) == [], (name, r.origin_id, r.destination_id)
        ways = raw.ways_of(nodes)
        assert all(ways), "every step of a route is a segment of an OSM way"
        single = [min(w) for w in ways]
        # destination ways only at the start or the end
        dest = [raw.bus_access(w) == "destination" for w in single]
        k = 0
        while k < len(dest) and dest[k]:
            k += 1
        j = len(dest)
        while j > k and dest[j - 1]:
            j -= 1
        if any(dest[k:j]):
            # only to reach streets that lie behind destination streets and nowhere else
            o, d = int(r.node_index[0]), int(r.node_index[-1])
            assert not (main[o] and main[d]), (name, "destination way as a shortcut", o, d)
            behind += 1
        assert not any(raw.bus_access(w) in ("no", "private") for w in single)
        for w in single:
            h, wt, ln = raw.limit(w)
            assert h >= COACH.height_m and wt >= COACH.weight_t and ln >= COACH.length_m, (name, w, h, wt, ln)
        checked_via += sum(1 for n in nodes if n in {v for rr in raw.restrictions for v in rr[3]})
    assert checked_via > 0, "the routes pass restriction nodes, so the check is not vacuous"


@pytest.mark.slow  # full imports of real extracts (10-40 s)
def test_matrix_and_alternatives_are_turn_aware(extract):
    name, net, raw, usable = extract
    pairs = _pairs(net, 40, seed=5)
    src, dst = pairs[:, 0], pairs[:, 1]
    t, ln = travel_matrix(usable, src, dst)
    for i in range(0, 40, 3):
        for j in range(0, 40, 7):
            r = shortest_route(usable, int(src[i]), int(dst[j]))
            if r is None:
                assert math.isinf(t[i, j])
            else:
                assert t[i, j] == pytest.approx(r.time_s, rel=1e-9, abs=1e-6)
                assert ln[i, j] == pytest.approx(r.length_m, rel=1e-6)
    for o, d in pairs[:15].tolist():
        for alt in alternative_routes(usable, o, d, 3):
            assert raw.violations([int(x) for x in alt.route_nodes]) == []


def _banned_turn_case(net, raw, usable):
    """A no_* via-node restriction whose banned turn is the fastest way from its from edge's start
    to its to edge's end when turns are ignored: (relation id, origin node, target node)."""
    from scipy.sparse.csgraph import dijkstra

    from planner.network.turns import edge_ways

    first, last = edge_ways(net)
    nidx = net.node_index()
    for rid, value, frm, vn, vw, to in raw.restrictions:
        if not vn or not value.startswith("no_") or value == "no_u_turn" or vn[0] not in nidx:
            continue
        v = nidx[vn[0]]
        for a in np.flatnonzero((net.edge_v == v) & (last == frm)).tolist():
            for b in np.flatnonzero((net.edge_u == v) & (first == to)).tolist():
                o, d = int(net.edge_u[a]), int(net.edge_v[b])
                plain = dijkstra(usable.graph, indices=o)[d]  # node graph: turns not considered
                if plain == pytest.approx(usable.time_s[a] + usable.time_s[b]):
                    return rid, o, d
    return None


@pytest.mark.slow  # full imports of real extracts (10-40 s)
def test_removing_a_restriction_lets_the_shorter_route_through(tmp_path):
    """Proof the checks can fail: without the relation the banned turn is driven, and flagged."""
    path = shared_osm("neubrandenburg.osm.bz2")
    raw = Raw(path)
    net = nw.import_osm(path)
    usable = build_usable_network(_NoPlan(), net, profile=COACH)
    rid, o, d = _banned_turn_case(net, raw, usable)
    copy = tmp_path / "without.osm.pbf"
    with osmium.SimpleWriter(str(copy)) as w:
        for obj in osmium.FileProcessor(str(path)):
            if not (obj.is_relation() and obj.id == rid):
                w.add(obj)
    net2 = nw.import_osm(copy)
    assert len(net2.restr_osmid) == len(net.restr_osmid) - 1
    with_r = shortest_route(usable, o, d)
    n2 = net2.node_index()
    o2, d2 = n2[int(net.node_osmid[o])], n2[int(net.node_osmid[d])]
    without = shortest_route(build_usable_network(_NoPlan(), net2, profile=COACH), o2, d2)
    assert without.time_s < with_r.time_s
    assert [v[0] for v in raw.violations([int(x) for x in without.route_nodes])] == [rid]
    assert raw.violations([int(x) for x in with_r.route_nodes]) == []


@pytest.mark.slow  # full imports of real extracts (10-40 s)
def test_destination_streets_are_no_shortcut():
    """Liechtenstein/Monaco hold destination-only streets: a route may end on one, never cross one."""
    path = shared_osm("liechtenstein-2013-08-03.osm.pbf")
    net = nw.import_osm(path)
    dest = np.flatnonzero(net.edge_access_bus == nw.ACCESS_DESTINATION)
    assert len(dest) > 0
    usable = build_usable_network(_NoPlan(), net, profile=COACH)
    e = int(dest[0])
    # to the far end of a destination edge: allowed (last part of the route)
    start = int(np.flatnonzero(net.edge_access_bus == 0)[0])
    r = shortest_route(usable, int(net.edge_u[start]), int(net.edge_v[e]))
    assert r is not None


@pytest.mark.slow  # full imports of real extracts (10-40 s)
def test_limits_block_a_coach_and_are_named(tmp_path):
    """Neubrandenburg's maxweight 2.5 t / 3 t ways are not for an 18 t coach; an ambulance (3.5 t) ... also not."""
    net = nw.import_osm(shared_osm("neubrandenburg.osm.bz2"))
    light = np.flatnonzero(net.edge_maxweight < 18)
    assert len(light) > 0
    usable = build_usable_network(_NoPlan(), net, profile=COACH)
    assert not usable.usable[light].any()
    van = build_usable_network(_NoPlan(), net, profile=VehicleProfile(80.0, 2.0, 2.0, 5.0, "ambulance"))
    assert van.usable[light].all()
    names = {c.description for c in usable.constraints if c.kind == "limit"}
    assert any("(maxweight 3 t)" in n for n in names), names


def test_adhoc_route_between_points():
    net = nw.demo_network()
    [r] = route_between(net, [((13.2614, 53.5576), (13.2406, 53.5493))])
    assert r.route is not None and 2000 < r.route.length_m < 6000
    d = r.to_dict()
    assert d["route_nodes"][0] > 0 and len(d["coordinates"]) >= 2
    [far] = route_between(net, [((13.2614, 53.5576), (14.5, 53.5))])
    assert far.route is None and "from the nearest road" in far.problem


def test_unreachable_pickup_names_the_street_and_limit(demo_net, demo_plan_path):
    """A pickup at Brunner Straße's far end (maxweight 3 t): "cannot be reached by coaches: every way in ..."."""
    from planner.plan import load_plan
    from planner.plan.model import Pickup
    from planner.routing import route_plan

    plan = load_plan(demo_plan_path)
    # the end of Brunner Straße: every edge into it has maxweight 3 t
    ends = [int(demo_net.edge_v[e]) for e in np.flatnonzero(demo_net.edge_maxweight == 3.0)]
    end = next(n for n in ends if (demo_net.edge_maxweight[demo_net.edge_v == n] == 3.0).all())
    plan.pickups.append(
        Pickup(id="P99", name="Brunner Straße", lon=float(demo_net.node_lon[end]), lat=float(demo_net.node_lat[end]))
    )
    routes = route_plan(plan, demo_net)
    msgs = [p.message for p in routes.problems if p.element_id == "P99"]
    assert any(
        "pickup P99 'Brunner Straße' cannot be reached by coaches: every way in crosses "
        "Brunner Straße (maxweight 3 t)" in m
        for m in msgs
    ), msgs
    # an ambulance (3.5 t) may not either, a 2.5 t van may
    from planner.usable import VehicleProfile

    van = route_plan(plan, demo_net, profile=VehicleProfile(80.0, 2.5, 2.5, 5.0, "ambulance"))
    assert not [p for p in van.problems if p.element_id == "P99" and "cannot be reached" in p.message]


def test_cli_route_between_and_pairs(tmp_path, demo_net, store_path):
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, EVACPLAN_DATA=str(store_path.parent))
    out = tmp_path / "r.json"

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "planner.cli", "-q", "route", "--network", "neubrandenburg", *args],
            capture_output=True,
            text=True,
            env=env,
        )

    r = run("--between", "13.2614,53.5576", "13.2406,53.5493", "--json", str(out))
    assert r.returncode == 0, r.stderr
    doc = json.loads(out.read_text())
    [route] = doc["routes"]
    assert doc["network"]["sha256"] == demo_net.sha256
    assert route["route_nodes"] and route["length_m"] > 2000 and len(route["coordinates"]) > 10
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("from_lon,from_lat,to_lon,to_lat\n13.2614,53.5576,13.2406,53.5493\n13.25,53.56,13.27,53.55\n")
    r = run("--pairs", str(pairs), "--vehicle", "ambulance", "--json", str(out))
    assert r.returncode == 0, r.stderr
    assert len(json.loads(out.read_text())["routes"]) == 2
    pairs.write_text("from_lon,from_lat,to_lon,to_lat\n13.2614,53.5576,x,53.5493\n")
    r = run("--pairs", str(pairs))
    assert r.returncode == 1 and "line 2, to_lon" in r.stderr and "Traceback" not in r.stderr
