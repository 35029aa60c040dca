"""The schedule's routes and the plan's layers as GeoJSON (RFC 7946, WGS84) for QGIS.

``write_geojson(schedule, plan, net, "out.geojson")`` writes:

- ``out.geojson``: the convoy routes, one LineString Feature per convoy with its
  convoy id, pickup, destination, vehicles, passengers, departure, latest safe
  departure, arrival, checkpoints, length (m) and driving time (s);
- ``out-<layer>.geojson`` for every plan layer (pickups, destinations, depots,
  corridors, checkpoints, hazards, closures), from the plan's own layer export
  (:func:`planner.plan.geojson.plan_geojson`).

Given a folder, the files are ``schedule.geojson`` and ``schedule-<layer>.geojson`` in it.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from planner.export.common import (
    edges_lonlat,
    element_names,
    parse_time,
    schedule_dict,
    trip_edges,
    trips_by_convoy,
    write_text_atomic,
)

DECIMALS = 7  # degrees: about 1 cm


def geojson_paths(path, plan) -> tuple:
    """``(routes file, {layer: file})`` that :func:`write_geojson` writes for ``path``."""
    from planner.plan.model import LAYERS

    p = Path(path)
    if p.is_dir():
        folder, stem, suffix = p, "schedule", ".geojson"
    else:
        folder, stem, suffix = p.parent, p.stem, (p.suffix or ".geojson")
    routes = folder / f"{stem}{suffix}"
    return routes, {layer: folder / f"{stem}-{layer}{suffix}" for layer in LAYERS}


def routes_geojson(schedule, plan, net, *, routes=None) -> dict:
    """The convoy routes as a FeatureCollection (one LineString per convoy)."""
    sched = schedule_dict(schedule)
    names = element_names(plan)
    by_convoy = trips_by_convoy(sched)
    features = []
    for c in sched.get("convoys", []):
        trips = by_convoy.get(c["id"], [])
        edges = trip_edges(net, trips[0], routes) if trips else np.zeros(0, dtype=np.int64)
        ll = np.round(edges_lonlat(net, edges), DECIMALS)
        depart, arrive = parse_time(c.get("depart")), parse_time(c.get("arrive"))
        props = {
            "convoy": c["id"],
            "pickup": c.get("pickup"),
            "pickup_name": names.get(c.get("pickup"), ""),
            "destination": c.get("destination"),
            "destination_name": names.get(c.get("destination"), ""),
            "vehicles": len(c.get("vehicles", [])),
            "vehicle_ids": ", ".join(c.get("vehicles", [])),
            "passengers": int(c.get("passengers", sum(int(t.get("passengers", 0)) for t in trips))),
            "depart": c.get("depart"),
            "latest_safe_depart": c.get("latest_safe_depart"),
            "arrive": c.get("arrive"),
            "duration_s": round((arrive - depart).total_seconds(), 1) if depart and arrive else None,
            "length_m": round(float(np.asarray(net.edge_length)[edges].sum()), 1),
            "checkpoints": ", ".join(cp["id"] for cp in (trips[0].get("checkpoints", []) if trips else [])),
        }
        geometry = {"type": "LineString", "coordinates": ll.tolist()} if len(ll) >= 2 else None
        features.append({"type": "Feature", "id": c["id"], "geometry": geometry, "properties": props})
    return {
        "type": "FeatureCollection",
        "name": "routes",
        "evacplan": {"plan": plan.name, "layer": "routes", "network": getattr(net, "name", None)},
        "features": features,
    }


def write_geojson(schedule, plan, net, path, *, routes=None) -> list:
    """Write the convoy routes and every plan layer as GeoJSON files (see the module docstring).

    Parameters
    ----------
    schedule : planner.schedule.Schedule or dict
    plan : planner.plan.Plan
    net : planner.network.RoadNetwork
    path : str or Path
        ``out.geojson`` or an existing folder. Each file is written atomically.
    routes : planner.routing.PlanRoutes, optional
        Used only for trips that carry no ``route_nodes``.

    Returns
    -------
    list of Path
        The routes file first, then one file per plan layer.
    """
    from planner.plan.geojson import plan_geojson

    routes_path, layer_paths = geojson_paths(path, plan)
    out = [write_text_atomic(routes_path, _dumps(routes_geojson(schedule, plan, net, routes=routes)))]
    for layer, fc in plan_geojson(plan).items():
        out.append(write_text_atomic(layer_paths[layer], _dumps(fc)))
    return out


def _dumps(fc: dict) -> str:
    return json.dumps(fc, ensure_ascii=False, indent=1) + "\n"
