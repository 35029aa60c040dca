"""Road networks: import OpenStreetMap data, clip, add travel times, store, load fast.

A :class:`RoadNetwork` is a directed, simplified, strongly connected road graph
held as flat numpy arrays (nodes, edges, edge polylines, turn restrictions,
named places), projected to the local UTM zone (metres). It is built once
from an OSM file with pyosmium and osmnx, then kept in the network store as
``.npz`` arrays plus JSON metadata, never as pickle, because stored files may
come from someone else (design section 3).

Modules, in import order: :mod:`~planner.network.model` (the arrays and their
checks), :mod:`~planner.network.tags` (access, limits), :mod:`~planner.network.osm`
(pyosmium reader), :mod:`~planner.network.build` (graph), :mod:`~planner.network.turns`
(restrictions onto the graph), :mod:`~planner.network.fetch` (osmnx download),
:mod:`~planner.network.store` (the named store).
"""

from planner.network.build import (
    HIGHWAY_RANK,
    MAX_NAME_BYTES,
    OSM_SUFFIXES,
    default_name,
    graph_from_ways,
    import_osm,
    network_from_graph,
    parse_bbox,
    read_polygon,
    validate_name,
)
from planner.network.fetch import PRESETS, _network_reachable, fetch
from planner.network.model import (
    ACCESS_DESTINATION,
    ACCESS_NO,
    ACCESS_YES,
    ARRAY_FIELDS,
    LICENCE,
    STORE_FORMAT,
    Place,
    RoadNetwork,
    check_arrays,
    content_hash,
)
from planner.network.osm import BUS_HIGHWAYS, DRIVE_HIGHWAYS, EXCLUDED_SERVICE, ROAD_FILTERS, read_osm
from planner.network.store import (
    DEMO_NAME,
    bundled_osm_path,
    demo_network,
    list_networks,
    load_network,
    network_info,
    remove_network,
    save_network,
    store_dir,
)

__all__ = [
    "ACCESS_DESTINATION",
    "ACCESS_NO",
    "ACCESS_YES",
    "ARRAY_FIELDS",
    "BUS_HIGHWAYS",
    "DEMO_NAME",
    "DRIVE_HIGHWAYS",
    "EXCLUDED_SERVICE",
    "HIGHWAY_RANK",
    "LICENCE",
    "MAX_NAME_BYTES",
    "OSM_SUFFIXES",
    "PRESETS",
    "ROAD_FILTERS",
    "STORE_FORMAT",
    "Place",
    "RoadNetwork",
    "_network_reachable",
    "bundled_osm_path",
    "check_arrays",
    "content_hash",
    "default_name",
    "demo_network",
    "fetch",
    "graph_from_ways",
    "import_osm",
    "list_networks",
    "load_network",
    "network_from_graph",
    "network_info",
    "parse_bbox",
    "read_osm",
    "read_polygon",
    "remove_network",
    "save_network",
    "store_dir",
    "validate_name",
]
