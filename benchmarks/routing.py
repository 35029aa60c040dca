"""Routing speed against the plain osmnx / networkx way (issue 4, design section 11).

Usage::

    python benchmarks/routing.py [--repeat 30] [--skip-large]

Two real graphs from the bundled Neubrandenburg extract:

- the bus/drive network (``demo_network()``, about 3,750 nodes);
- the same file with every highway class (``import_osm(..., road_filter="all")``,
  about 19,000 nodes), imported once and kept in the network store as
  ``neubrandenburg-all``.

On each: one constrained route (the demo plan's usable network: corridor-only,
hazards, caps), three alternatives and a 30 x 5 travel-time matrix, beside
``ox.shortest_path`` on the full graph, ``nx.shortest_simple_paths`` (k = 3) and
30 ``nx.single_source_dijkstra`` calls. Medians of ``--repeat`` runs.
Targets on the drive graph: route < 3 ms, alternatives < 30 ms, matrix < 0.2 s;
on the large graph every figure at least 3x faster than its plain counterpart.
"""

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np
import osmnx as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner import network as netmod  # noqa: E402
from planner.errors import NetworkError  # noqa: E402
from planner.plan import load_plan  # noqa: E402
from planner.routing import alternative_routes, build_usable_network, route_plan, shortest_route, travel_matrix  # noqa: E402

DEMO_PLAN = ROOT / "resources" / "plans" / "demo-neubrandenburg.evacplan.json"
LARGE_NAME = "neubrandenburg-all"


def median_time(fn, repeat):
    """Median wall time of ``fn()`` in seconds, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def large_network():
    try:
        return netmod.load_network(LARGE_NAME)
    except NetworkError:
        t = time.perf_counter()
        net = netmod.import_osm(netmod.bundled_osm_path(), name=LARGE_NAME, road_filter="all")
        netmod.save_network(net)
        print(f"(imported {LARGE_NAME} with every highway class in {time.perf_counter() - t:.1f} s, stored for next time)")
        return net


def bench(label, net, plan, repeat, rng):
    print(f"\n== {label}: {net.n_nodes} nodes, {net.n_edges} edges")
    t = time.perf_counter()
    usable = build_usable_network(plan, net)
    t_build = time.perf_counter() - t
    t = time.perf_counter()
    routes = route_plan(plan, net, alternatives=3, usable=usable)
    t_plan = time.perf_counter() - t

    # The longest loaded route of the plan: pickup -> reception point.
    (pid, did), best = max(routes.routes.items(), key=lambda kv: kv[1].time_s)
    o, d = routes.snaps[pid][0], routes.snaps[did][0]
    o_osm, d_osm = int(net.node_osmid[o]), int(net.node_osmid[d])

    G = net.to_networkx()
    D = ox.convert.to_digraph(G, weight="travel_time")

    ours_route = median_time(lambda: shortest_route(usable, o, d), repeat)
    # The same pair on the whole network (no corridor restriction): the search is not confined.
    free_plan = plan.copy()
    free_plan.rules.corridor_only = False
    free = build_usable_network(free_plan, net)
    ours_free = median_time(lambda: shortest_route(free, o, d), repeat)
    plain_route = median_time(lambda: ox.shortest_path(G, o_osm, d_osm, weight="travel_time"), repeat)
    # osmnx 2 checks the weight attribute of every edge on each call; networkx alone skips that.
    nx_route = median_time(lambda: nx.shortest_path(G, o_osm, d_osm, weight="travel_time"), repeat)

    ours_alt = median_time(lambda: alternative_routes(usable, o, d, 3), repeat)
    ours_alt_free = median_time(lambda: alternative_routes(free, o, d, 3), repeat)
    plain_alt = median_time(
        lambda: list(itertools.islice(nx.shortest_simple_paths(D, o_osm, d_osm, weight="travel_time"), 3)),
        max(3, repeat // 5),
    )

    # 30 pickups x 5 destinations at random usable nodes.
    nodes = np.flatnonzero(np.isin(np.arange(net.n_nodes), net.edge_u[usable.usable]))
    src = rng.choice(nodes, 30, replace=False)
    dst = rng.choice(nodes, 5, replace=False)
    ours_matrix = median_time(lambda: travel_matrix(usable, src, dst), max(3, repeat // 5))
    src_osm = [int(net.node_osmid[s]) for s in src]
    dst_osm = [int(net.node_osmid[s]) for s in dst]

    def plain_matrix():
        out = []
        for s in src_osm:
            dist = nx.single_source_dijkstra_path_length(G, s, weight="travel_time")
            out.append([dist.get(t, np.inf) for t in dst_osm])
        return out

    plain_mat = median_time(plain_matrix, max(3, repeat // 10))

    n_alt = len(alternative_routes(usable, o, d, 3))
    print(f"usable network build (once per plan and speed cap): {1000 * t_build:8.1f} ms")
    print(f"route_plan, demo plan, {len(routes.routes)} routes x 3 alternatives + matrix: {1000 * t_plan:8.1f} ms")
    print(f"route {pid} -> {did}: {best.length_m / 1000:.1f} km, {len(best.node_index)} nodes, {n_alt} alternatives found")
    print(f"{'task':<34}{'evacplan':>12}{'plain':>12}{'ratio':>9}   plain way")
    for name, ours, plain, how in [
        ("one constrained route", ours_route, plain_route, "ox.shortest_path"),
        ("one route, corridor rule off", ours_free, plain_route, "ox.shortest_path"),
        ("one route, corridor rule off", ours_free, nx_route, "nx.shortest_path (bidirectional)"),
        ("three alternatives", ours_alt, plain_alt, "nx.shortest_simple_paths, k=3"),
        ("three alternatives, corridor off", ours_alt_free, plain_alt, "nx.shortest_simple_paths, k=3"),
        ("30 x 5 matrix", ours_matrix, plain_mat, "30 x nx.single_source_dijkstra"),
    ]:
        print(f"{name:<34}{1000 * ours:>10.2f}ms{1000 * plain:>10.2f}ms{plain / ours:>8.1f}x   {how}")
    return {"route": max(ours_route, ours_free), "alternatives": max(ours_alt, ours_alt_free), "matrix": ours_matrix,
            "plain_route": min(plain_route, nx_route), "plain_alternatives": plain_alt, "plain_matrix": plain_mat}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--skip-large", action="store_true", help="only the drive graph")
    args = ap.parse_args(argv)
    rng = np.random.default_rng(4)
    plan = load_plan(DEMO_PLAN)
    small = bench("Neubrandenburg bus network (demo)", netmod.demo_network(), plan, args.repeat, rng)
    ok = small["route"] < 0.003 and small["alternatives"] < 0.030 and small["matrix"] < 0.2
    print(f"targets on the drive graph (route < 3 ms, alternatives < 30 ms, matrix < 0.2 s): {'met' if ok else 'NOT met'}")
    if not args.skip_large:
        big = bench("Neubrandenburg, every highway class", large_network(), plan, args.repeat, rng)
        ratios = [big["plain_" + k] / big[k] for k in ("route", "alternatives", "matrix")]
        print(f"large graph, at least 3x faster than plain everywhere: {'met' if min(ratios) >= 3 else 'NOT met'}"
              f" (lowest ratio {min(ratios):.1f}x)")


if __name__ == "__main__":
    main()
