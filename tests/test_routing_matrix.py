"""The travel-time matrix on the contraction hierarchy against the plain searches, on real networks.

The reference is the per-source search over the whole turn graph
(:func:`planner.routing.search.tree_matrix`, one ``csgraph.dijkstra`` tree per
source) and, for a few sources, networkx on the same edge-expanded graph. The
networks are the bundled Neubrandenburg extract (the demo plan's corridors,
hazards, closures and caps; a coach's access and size limits; its turn
restrictions) and the Monaco and Liechtenstein extracts of tests/data
(destination-only streets, more restrictions).
"""

import networkx as nx
import numpy as np
import pytest

from planner import network as nw
from planner.adhoc import _NoPlan
from planner.plan import load_plan
from planner.routing import build_usable_network, travel_matrix
from planner.routing.hierarchy import build_hierarchy, hierarchy_matrix
from planner.routing.search import HIERARCHY_MIN_SOURCES, tree_matrix
from planner.turngraph import DESTINATION_PENALTY_S
from planner.usable import VehicleProfile
from tests.conftest import shared_osm
from tests.test_turns import Raw, _banned_turn_case

COACH = VehicleProfile(80.0, 3.5, 18.0, 12.0, "bus")


def _nodes(net, k, seed):
    rng = np.random.default_rng(seed)
    return rng.integers(0, net.n_nodes, k), rng.integers(0, net.n_nodes, k)


def assert_same_matrix(usable, src, dst):
    """Hierarchy and tree search agree: same unreachable pairs, times within 1e-6 s, same lengths.

    Returns the hierarchy's (times, lengths, search weights).
    """
    ref_t, ref_l = tree_matrix(usable, src, dst)
    h = build_hierarchy(usable.turn_graph, usable.net.edge_length)
    t, ln, w = hierarchy_matrix(h, usable.turn_graph, np.asarray(src), np.asarray(dst))
    reach = np.isfinite(ref_t)
    assert np.array_equal(np.isfinite(t), reach)
    assert np.array_equal(np.isfinite(ln), reach)
    np.testing.assert_allclose(t[reach], ref_t[reach], rtol=0, atol=1e-6)
    np.testing.assert_allclose(ln[reach], ref_l[reach], rtol=1e-9, atol=1e-6)
    return t, ln, w


def _networkx_times(usable, origin):
    """Least search weight (seconds with penalties) from ``origin`` to every node, by networkx on the turn graph."""
    tg = usable.turn_graph
    g = tg.graph.tocoo()
    G = nx.DiGraph()
    G.add_nodes_from(range(tg.graph.shape[0]))
    G.add_weighted_edges_from(zip(g.row.tolist(), g.col.tolist(), g.data.tolist()))
    dist = nx.single_source_dijkstra_path_length(G, tg.source0 + int(origin))
    out = np.full(tg.n_nodes, np.inf)
    for state, d in dist.items():
        e = tg.state_edge[state]
        if e >= 0:
            v = int(usable.net.edge_v[e])
            out[v] = min(out[v], d)
    out[int(origin)] = 0.0
    return out


def test_matrix_equals_the_tree_search_under_the_demo_plan(demo_net, demo_plan_path):
    """Corridor-only (many pairs unreachable), hazards, closures and caps of the demo plan."""
    plan = load_plan(demo_plan_path)
    usable = build_usable_network(plan, demo_net)
    assert usable.constraints, "the demo plan has hazards and closures"
    # Random nodes, plus every node the corridor keeps in reach of the first few.
    src, dst = _nodes(demo_net, 150, seed=3)
    inside = np.flatnonzero(np.isin(np.arange(demo_net.n_nodes), demo_net.edge_u[usable.usable]))
    src = np.concatenate([src, inside[:: max(1, len(inside) // 50)]])
    dst = np.concatenate([dst, inside[:: max(1, len(inside) // 60)]])
    t, _, w = assert_same_matrix(usable, src, dst)
    reach = np.isfinite(t)
    assert 0.05 < reach.mean() < 0.95, "both reachable and unreachable pairs are compared"
    for i in (int(np.argmax(reach.sum(axis=1))), 0, len(src) - 1):
        ref = _networkx_times(usable, src[i])[dst]
        np.testing.assert_allclose(w[i][np.isfinite(ref)], ref[np.isfinite(ref)], rtol=0, atol=1e-6)
        assert np.array_equal(np.isfinite(w[i]), np.isfinite(ref))


@pytest.mark.parametrize("corridor_only", [False, True])
def test_matrix_equals_the_tree_search_for_a_coach(demo_net, demo_plan_path, corridor_only):
    """A coach's access and size limits (maxweight, maxheight streets removed), whole network or corridors."""
    plan = load_plan(demo_plan_path)
    plan.rules.corridor_only = corridor_only
    usable = build_usable_network(plan, demo_net, profile=COACH)
    assert_same_matrix(usable, *_nodes(demo_net, 200, seed=8))


def test_destination_penalty_paths(demo_net):
    """Sources whose every way out leaves destination-only streets mid-route: the search weight holds
    the penalty, the reported time does not, in the hierarchy as in the tree search."""
    usable = build_usable_network(_NoPlan(), demo_net, profile=COACH)
    tg = usable.turn_graph
    src = _nodes(demo_net, 300, seed=6)[0]
    dist, _ = tg.search(tg.sources(src))
    weight, _ = tg.node_times(dist, np.arange(demo_net.n_nodes))
    ref_t, _ = tree_matrix(usable, src, np.arange(demo_net.n_nodes))
    with np.errstate(invalid="ignore"):
        penalised = np.isfinite(ref_t) & (weight - ref_t > DESTINATION_PENALTY_S - 1)
    rows = np.flatnonzero(penalised.any(axis=1))
    assert len(rows) > 0
    dst = _nodes(demo_net, 200, seed=7)[1]
    t, _, w = assert_same_matrix(usable, np.r_[src[rows], src[:100]], dst)
    fin = np.isfinite(t)
    assert ((w[fin] - t[fin]) > DESTINATION_PENALTY_S - 1).sum() > 50


def test_a_turn_restriction_that_changes_a_travel_time():
    """A no_* restriction whose banned turn is the turn-blind fastest way: the matrix takes the legal detour."""
    path = shared_osm("neubrandenburg.osm.bz2")
    net = nw.demo_network()
    usable = build_usable_network(_NoPlan(), net, profile=COACH)
    case = _banned_turn_case(net, Raw(path), usable)
    assert case is not None
    _, o, d = case
    src, dst = _nodes(net, 120, seed=21)
    src, dst = np.r_[o, src], np.r_[d, dst]
    t, _, _ = assert_same_matrix(usable, src, dst)
    from scipy.sparse.csgraph import dijkstra

    blind = dijkstra(usable.graph, indices=o)[d]  # node graph: turns ignored
    assert t[0, 0] > blind + 1.0, "the restriction matters at this pair"
    # Over all pairs, the turn rules (restrictions, no U-turns) lengthen some of them.
    blind_all = dijkstra(usable.graph, indices=src)[:, dst]
    fin = np.isfinite(t)
    assert (t[fin] > blind_all[fin] + 1e-6).sum() > 10


def test_travel_matrix_builds_the_hierarchy_once_and_keeps_the_api(demo_net):
    usable = build_usable_network(_NoPlan(), demo_net)
    tg = usable.turn_graph
    src, dst = _nodes(demo_net, HIERARCHY_MIN_SOURCES - 1, seed=4)
    t_small, _ = travel_matrix(usable, src, dst)
    assert tg.hierarchy is None, "small matrices stay on the tree search"
    src, dst = _nodes(demo_net, 200, seed=4)
    t, ln = travel_matrix(usable, src, dst)
    h = tg.hierarchy
    assert h is not None and len(h.core) < tg.source0 // 50
    ref_t, ref_l = tree_matrix(usable, src, dst)
    np.testing.assert_allclose(t, ref_t, rtol=0, atol=1e-6)
    np.testing.assert_allclose(ln, ref_l, rtol=1e-9, atol=1e-6)
    # Kept, and used for small matrices from then on.
    t2, _ = travel_matrix(usable, src[:5], dst[:7])
    assert tg.hierarchy is h
    np.testing.assert_allclose(t2, ref_t[:5, :7], rtol=0, atol=1e-6)
    # Predecessors still come from the tree search, with the same shapes as before.
    t3, ln3, pred = travel_matrix(usable, src[:5], dst[:7], return_predecessors=True)
    assert pred.shape == (5, tg.graph.shape[0])
    np.testing.assert_allclose(t3, t2, rtol=0, atol=1e-6)
    # A source equal to a target is 0 s and 0 m; targets default to the sources; duplicates are fine.
    nodes = np.r_[src[:3], src[0]]
    t4, ln4 = travel_matrix(usable, nodes)
    assert t4.shape == (4, 4) and np.all(np.diag(t4) == 0) and np.all(np.diag(ln4) == 0)
    np.testing.assert_array_equal(t4[0], t4[3])
    assert travel_matrix(usable, src[:3], [])[0].shape == (3, 0)


def test_unusable_nodes_are_unreachable_both_ways(demo_net, demo_plan_path):
    """Nodes with no usable edge (outside the corridors): inf rows and columns, 0 on the diagonal."""
    plan = load_plan(demo_plan_path)
    usable = build_usable_network(plan, demo_net)
    out = np.setdiff1d(
        np.arange(demo_net.n_nodes), np.r_[demo_net.edge_u[usable.usable], demo_net.edge_v[usable.usable]]
    )
    assert len(out) > 10
    inside = np.unique(demo_net.edge_u[usable.usable])[:10]
    nodes = np.r_[out[:10], inside]
    t, ln, _ = assert_same_matrix(usable, nodes, nodes)
    assert np.isinf(t[:10, 10:]).all() and np.isinf(t[10:, :10]).all()
    assert np.all(np.diag(t) == 0)


@pytest.mark.slow  # imports two real extracts (2-4 s each)
@pytest.mark.parametrize("extract", ["monaco.osm.pbf", "liechtenstein-2013-08-03.osm.pbf"])
def test_matrix_equals_the_tree_search_on_the_test_extracts(extract):
    net = nw.import_osm(shared_osm(extract))
    usable = build_usable_network(_NoPlan(), net, profile=COACH)
    assert len(net.restr_osmid) > 0
    src, dst = _nodes(net, 200, seed=6)
    t, _, _ = assert_same_matrix(usable, src, dst)
    assert np.isfinite(t).mean() > 0.9
    assert (usable.destination & usable.usable).any(), "destination-only streets in the searched graph"


def test_too_large_a_graph_keeps_the_tree_search(demo_net, monkeypatch):
    """Past MAX_STATES (or with too large a core) no hierarchy is built; the matrix is the tree search's."""
    from planner.routing import hierarchy

    usable = build_usable_network(_NoPlan(), demo_net)
    tg = usable.turn_graph
    monkeypatch.setattr(hierarchy, "MAX_STATES", tg.source0 - 1)
    assert build_hierarchy(tg, demo_net.edge_length) is None
    src, dst = _nodes(demo_net, 200, seed=9)
    t, ln = travel_matrix(usable, src, dst)
    assert tg.hierarchy is False
    ref_t, ref_l = tree_matrix(usable, src, dst)
    np.testing.assert_array_equal(t, ref_t)
    np.testing.assert_array_equal(ln, ref_l)
    monkeypatch.setattr(hierarchy, "MAX_STATES", tg.source0)
    monkeypatch.setattr(hierarchy, "MAX_CORE", hierarchy.MIN_CORE - 1)
    assert build_hierarchy(tg, demo_net.edge_length) is None
