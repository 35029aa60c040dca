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

Turn-aware figures (issue 12), on the demo bus graph without a plan: one
route (random pairs, median) against the plain node-graph search that ignores
turn restrictions, and a 200 x 200 travel-time matrix against scipy csgraph on
the node graph, pandana (contraction hierarchies, no turns) and OSRM's CH
``table`` service over HTTP on the same OSM file (``--osrm DIR``: the unpacked
``osrm-bindings`` 26.10 wheel, whose ``osrm/bin`` holds osrm-extract,
osrm-contract and osrm-routed; the server runs on 127.0.0.1 and is stopped
after). Targets: one turn-aware route < 1 ms, the matrix no slower than OSRM.
The matrix runs on the turn graph's contraction hierarchy (issue 12's quality
bar; its build, once per usable network, is printed apart, as OSRM's
osrm-contract and pandana's CH build are left out of theirs), beside the
per-source tree search over the whole turn graph it replaced.
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
        print(
            f"(imported {LARGE_NAME} with every highway class in {time.perf_counter() - t:.1f} s, stored for next time)"
        )
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
    print(
        f"route {pid} -> {did}: {best.length_m / 1000:.1f} km, {len(best.node_index)} nodes, {n_alt} alternatives found"
    )
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
    return {
        "route": max(ours_route, ours_free),
        "alternatives": max(ours_alt, ours_alt_free),
        "matrix": ours_matrix,
        "plain_route": min(plain_route, nx_route),
        "plain_alternatives": plain_alt,
        "plain_matrix": plain_mat,
    }


def _osrm_table(osrm_dir, src_lonlat, dst_lonlat, route_pairs, repeat):
    """Median seconds of OSRM's table (all sources x targets) and route services, or ``None``."""
    import json
    import shutil
    import socket
    import subprocess
    import tempfile
    import urllib.request

    bindir = Path(osrm_dir) / "osrm" / "bin"
    profile = Path(osrm_dir) / "osrm" / "share" / "profiles" / "car.lua"
    if not (bindir / "osrm-routed").is_file():
        print(f"(no OSRM binaries in {bindir}; OSRM figures skipped)")
        return None
    work = Path(tempfile.mkdtemp(prefix="evacplan-osrm-"))
    server = None
    try:
        data = work / "nb.osm.bz2"
        shutil.copy(netmod.bundled_osm_path(), data)
        for cmd in (["osrm-extract", "-p", str(profile), str(data)], ["osrm-contract", str(work / "nb.osrm")]):
            subprocess.run([str(bindir / cmd[0]), *cmd[1:]], check=True, capture_output=True, cwd=work)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen(
            [
                str(bindir / "osrm-routed"),
                "-i",
                "127.0.0.1",
                "-p",
                str(port),
                "-a",
                "CH",
                "--max-table-size",
                "1000",
                str(work / "nb.osrm"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/nearest/v1/driving/13.26,53.55", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        coords = ";".join(f"{lo:.6f},{la:.6f}" for lo, la in list(src_lonlat) + list(dst_lonlat))
        n = len(src_lonlat)
        url = (
            f"{base}/table/v1/driving/{coords}?sources={';'.join(map(str, range(n)))}"
            f"&destinations={';'.join(map(str, range(n, n + len(dst_lonlat))))}"
        )

        def table():
            return json.loads(urllib.request.urlopen(url, timeout=30).read())

        assert table()["code"] == "Ok"
        t_table = median_time(table, max(5, repeat // 3))
        urls = [
            f"{base}/route/v1/driving/{a[0]:.6f},{a[1]:.6f};{b[0]:.6f},{b[1]:.6f}?overview=full" for a, b in route_pairs
        ]
        t_route = statistics.median(
            median_time(lambda u=u: urllib.request.urlopen(u, timeout=10).read(), 3) for u in urls[:30]
        )
        return t_table, t_route
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"(OSRM could not run here: {exc}; OSRM figures skipped)")
        return None
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def bench_turns(net, repeat, rng, osrm_dir=None):
    """Turn-aware route and 200 x 200 matrix beside the turn-blind ways and OSRM."""
    from scipy.sparse.csgraph import dijkstra

    from planner.adhoc import _NoPlan
    from planner.routing.hierarchy import build_hierarchy
    from planner.routing.search import tree_matrix

    print(f"\n== turn-aware routing, {net.name} bus graph: {len(net.restr_osmid)} restriction relations")
    usable = build_usable_network(_NoPlan(), net)
    tg = usable.turn_graph
    print(f"turn graph: {tg.graph.shape[0]} states, {tg.graph.nnz} arcs (node graph {net.n_nodes} nodes)")
    pairs = rng.integers(0, net.n_nodes, size=(200, 2))
    legal_route = statistics.median(
        median_time(lambda o=o, d=d: shortest_route(usable, o, d), 3) for o, d in pairs[:60].tolist()
    )
    plain_route = statistics.median(
        median_time(lambda o=o: dijkstra(usable.graph, indices=o, min_only=True, return_predecessors=True), 3)
        for o, _ in pairs[:60].tolist()
    )
    src, dst = pairs[:, 0], rng.integers(0, net.n_nodes, 200)
    t = time.perf_counter()
    tg.hierarchy = build_hierarchy(tg, net.edge_length)
    t_build = time.perf_counter() - t
    h = tg.hierarchy
    print(
        f"contraction hierarchy: built in {1000 * t_build:.0f} ms (once per usable network), "
        f"{h.up.nnz} up / {h.down.nnz} down arcs, core of {len(h.core)} states"
    )
    # Ten runs each (median): on a shared machine three were too few to rank 30-60 ms figures.
    n_mat = max(5, repeat // 3)
    legal_matrix = median_time(lambda: travel_matrix(usable, src, dst), n_mat)
    tree = median_time(lambda: tree_matrix(usable, src, dst), n_mat)
    plain_matrix = median_time(lambda: dijkstra(usable.graph, indices=src)[:, dst], n_mat)
    rows = [
        ("one route (median of 60 pairs)", legal_route, plain_route, "node-graph dijkstra, turns ignored"),
        ("200 x 200 matrix", legal_matrix, plain_matrix, "scipy csgraph on the node graph, turns ignored"),
        ("200 x 200 matrix", legal_matrix, tree, "evacplan's tree search on the whole turn graph (before)"),
    ]
    try:
        import pandana
        import pandas as pd

        pn = pandana.Network(
            pd.Series(net.node_x),
            pd.Series(net.node_y),
            pd.Series(net.edge_u),
            pd.Series(net.edge_v),
            pd.DataFrame({"t": usable.base_time_s}),
            twoway=False,
        )
        a, b = np.repeat(src, len(dst)), np.tile(dst, len(src))
        rows.append(
            (
                "200 x 200 matrix",
                legal_matrix,
                median_time(lambda: pn.shortest_path_lengths(a, b), n_mat),
                "pandana CH, turns ignored (after its CH build)",
            )
        )
    except ImportError:
        print("(pandana not installed: pandana figures skipped)")
    if osrm_dir:
        lonlat = np.column_stack([net.node_lon, net.node_lat])
        res = _osrm_table(
            osrm_dir, lonlat[src], lonlat[dst], [(lonlat[o], lonlat[d]) for o, d in pairs.tolist()], repeat
        )
        if res:
            rows.append(("200 x 200 matrix", legal_matrix, res[0], "OSRM 26.10 CH table over HTTP (turn-aware)"))
            rows.append(("one route", legal_route, res[1], "OSRM 26.10 CH route over HTTP, overview=full"))
    print(f"{'task':<34}{'evacplan':>12}{'other':>12}{'ratio':>9}   other way (ratio > 1: evacplan faster)")
    for name, ours, other, how in rows:
        print(f"{name:<34}{1000 * ours:>10.2f}ms{1000 * other:>10.2f}ms{other / ours:>8.2f}x   {how}")
    osrm_t = next((o for n, _, o, h in rows if h.startswith("OSRM") and "table" in h), None)
    print(
        f"target one turn-aware route < 1 ms: {'met' if legal_route < 0.001 else 'NOT met'} "
        f"({1000 * legal_route:.2f} ms)"
    )
    if osrm_t is not None:
        print(
            f"target 200 x 200 matrix no slower than OSRM: {'met' if legal_matrix <= osrm_t else 'NOT met'} "
            f"(ratio OSRM/evacplan {osrm_t / legal_matrix:.2f})"
        )


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--skip-large", action="store_true", help="only the drive graph")
    ap.add_argument("--osrm", metavar="DIR", help="unpacked osrm-bindings wheel (for the OSRM side-by-side)")
    ap.add_argument("--turns-only", action="store_true", help="only the turn-aware figures")
    args = ap.parse_args(argv)
    rng = np.random.default_rng(4)
    bench_turns(netmod.demo_network(), args.repeat, rng, args.osrm)
    if args.turns_only:
        return
    plan = load_plan(DEMO_PLAN)
    small = bench("Neubrandenburg bus network (demo)", netmod.demo_network(), plan, args.repeat, rng)
    ok = small["route"] < 0.003 and small["alternatives"] < 0.030 and small["matrix"] < 0.2
    print(
        f"targets on the drive graph (route < 3 ms, alternatives < 30 ms, matrix < 0.2 s): {'met' if ok else 'NOT met'}"
    )
    if not args.skip_large:
        big = bench("Neubrandenburg, every highway class", large_network(), plan, args.repeat, rng)
        ratios = [big["plain_" + k] / big[k] for k in ("route", "alternatives", "matrix")]
        print(
            f"large graph, at least 3x faster than plain everywhere: {'met' if min(ratios) >= 3 else 'NOT met'}"
            f" (lowest ratio {min(ratios):.1f}x)"
        )


if __name__ == "__main__":
    main()
