"""Network import and load times against the plain osmnx way, on the bundled Neubrandenburg extract.

Run by hand: ``python benchmarks/network_load.py``. Prints one line per figure
and the ratios. Uses a temporary store; touches nothing of the user's.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["EVACPLAN_DATA"] = tempfile.mkdtemp(prefix="evacplan-bench-")

import osmnx as ox

from planner import network as nw

SRC = nw.bundled_osm_path()


def timed(fn, repeat=1):
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def plain_osmnx_graph(road_filter):
    """What a user would do with osmnx alone: build, keep the largest part, simplify, speeds, travel times."""
    ways, coords, _ = nw.read_osm(SRC, road_filter, None, lambda *a: None)
    G = nw.graph_from_ways(ways, coords)
    G = ox.truncate.largest_component(G, strongly=True)
    G = ox.simplify_graph(G)
    G = ox.add_edge_speeds(G, fallback=30.0)
    return ox.add_edge_travel_times(G)


def main():
    tmp = Path(tempfile.mkdtemp(prefix="evacplan-bench-graphml-"))
    rows = []

    # drive-sized network (the bus roads: about 3,760 nodes)
    t_import, net = timed(lambda: nw.import_osm(SRC, name="nb"))
    nw.save_network(net)
    t_load, _ = timed(lambda: nw.load_network("nb"), repeat=7)
    t_load_nx, _ = timed(lambda: nw.load_network("nb").to_networkx(), repeat=5)
    G = plain_osmnx_graph("bus")
    ox.save_graphml(G, tmp / "nb.graphml")
    t_graphml, _ = timed(lambda: ox.load_graphml(tmp / "nb.graphml"), repeat=3)
    rows.append(("bus roads", net.n_nodes, t_import, t_load, t_load_nx, t_graphml))

    # every highway (about 19,000 nodes)
    t_xml, Gx = timed(lambda: ox.graph_from_xml(SRC))
    t_import_all, net_all = timed(lambda: nw.import_osm(SRC, name="nb-all", road_filter="all"))
    nw.save_network(net_all)
    t_load_all, _ = timed(lambda: nw.load_network("nb-all"), repeat=7)
    t_load_all_nx, _ = timed(lambda: nw.load_network("nb-all").to_networkx(), repeat=3)
    ox.save_graphml(Gx, tmp / "all.graphml")
    t_graphml_all, _ = timed(lambda: ox.load_graphml(tmp / "all.graphml"), repeat=3)
    rows.append(("all highways", net_all.n_nodes, t_import_all, t_load_all, t_load_all_nx, t_graphml_all))

    print(f"source: {SRC.name}  (python {sys.version.split()[0]}, osmnx {ox.__version__})")
    no_hw = sum(1 for _, _, d in Gx.edges(data=True) if "highway" not in d)
    print(
        f"ox.graph_from_xml ({len(Gx)} nodes; {no_hw} of its {Gx.number_of_edges()} edges are not highways: "
        f"it keeps every way joined to the roads): {t_xml:.2f} s"
    )
    for name, n, ti, tl, tlnx, tg in rows:
        print(f"\n[{name}: {n} nodes]")
        print(f"  evacplan import_osm        {ti:8.3f} s")
        print(f"  evacplan load (store)      {tl * 1000:8.1f} ms")
        print(f"  evacplan load + networkx   {tlnx * 1000:8.1f} ms")
        print(f"  ox.load_graphml            {tg * 1000:8.1f} ms")
        print(f"  ratio load_graphml / store load            {tg / tl:6.1f}x")
        print(f"  ratio load_graphml / store load + networkx {tg / tlnx:6.1f}x")
    print(f"\nratio ox.graph_from_xml / evacplan import (all highways): {t_xml / rows[1][2]:.2f}x")


if __name__ == "__main__":
    main()
