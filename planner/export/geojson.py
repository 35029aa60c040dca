"""The schedule's routes and the plan's layers as GeoJSON (RFC 7946, WGS84) for QGIS.

``write_geojson(schedule, plan, net, "out.geojson")`` writes:

- ``out.geojson``: every leg of every convoy round, one LineString Feature per
  leg: ``leg`` is ``"empty"`` (staging area to the first stop) or ``"loaded"`` (with
  people to the reception point), with its convoy, round, places, vehicles and
  plates, people, departure, arrival, latest safe departure, length (m) and the
  checkpoints it passes (:func:`leg_records`, shared with the GeoPackage);
- ``out-<layer>.geojson`` for every plan layer (pickups, destinations, depots,
  corridors, checkpoints, hazards, closures), from the plan's own layer export
  (:func:`planner.plan.geojson.plan_geojson`).

Times are ISO 8601 with the UTC offset (QGIS reads them as date-times) and,
because a Shapefile has no date-time type and keeps only the date of such a
field, also as text fields a Shapefile keeps whole: ``dep_date``/``dep_hm`` and
``arr_date``/``arr_hm`` (``YYYY-MM-DD`` and ``HH:MM``, local, rounded up;
names of at most 10 characters for the DBF).

Given a folder, the files are ``schedule.geojson`` and ``schedule-<layer>.geojson`` in it.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from planner.export.common import (
    as_schedule,
    ceil_minute,
    convoy_edges,
    edges_lonlat,
    element_names,
    vehicle_plates,
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


def leg_records(schedule, plan, net) -> list:
    """``(properties, lonlat array)`` per leg of every convoy round; times as aware datetimes."""
    sched = as_schedule(schedule, plan, net)
    names = element_names(plan)
    plates = vehicle_plates(sched)
    out = []
    for c in sorted(sched.convoys, key=lambda c: (c.depart, c.id)):
        for d, leg in (("in", "empty"), ("out", "loaded")):
            edges = convoy_edges(net, c, d)
            if len(edges) == 0:
                continue
            if d == "in":
                src, dst = c.formation_place, (c.stops[0].pickup if c.stops else c.destination)
                depart, arrive = c.depart, (c.stops[0].arrive if c.stops else c.arrive)
            else:
                src, dst = (c.stops[0].pickup if c.stops else c.formation_place), c.destination
                depart, arrive = (c.stops[0].depart if c.stops else c.depart), c.arrive
            props = {
                "convoy": c.id,
                "round": c.round,
                "escort": c.escort,
                "leg": leg,
                "from": src,
                "from_name": names.get(src, ""),
                "to": dst,
                "to_name": names.get(dst, ""),
                "stops": ", ".join(c.pickups),
                "vehicles": c.size,
                "vehicle_ids": ", ".join(c.vehicles),
                "plates": ", ".join(p for p in (plates.get(v, "") for v in c.vehicles) if p),
                "people": c.people if d == "out" else 0,
                "depart": depart,
                "arrive": arrive,
                "latest_safe_depart": c.latest_safe_depart,
                "length_m": round(float(np.asarray(net.edge_length)[edges].sum()), 1),
                "checkpoints": ", ".join(p.checkpoint for p in c.passages_in(d)),
            }
            out.append((props, np.round(edges_lonlat(net, edges), DECIMALS)))
    return out


def _short_times(props) -> dict:
    dep, arr = ceil_minute(props["depart"]), ceil_minute(props["arrive"])
    return {
        "dep_date": dep.strftime("%Y-%m-%d"),
        "dep_hm": dep.strftime("%H:%M"),
        "arr_date": arr.strftime("%Y-%m-%d"),
        "arr_hm": arr.strftime("%H:%M"),
    }


def routes_geojson(schedule, plan, net) -> dict:
    """Every leg of every convoy round as a FeatureCollection of LineStrings."""
    features = []
    for props, ll in leg_records(schedule, plan, net):
        p = {k: (v.isoformat(timespec="seconds") if hasattr(v, "isoformat") else v) for k, v in props.items()}
        p.update(_short_times(props))
        geometry = {"type": "LineString", "coordinates": ll.tolist()} if len(ll) >= 2 else None
        features.append(
            {"type": "Feature", "id": f"{props['convoy']}-{props['leg']}", "geometry": geometry, "properties": p}
        )
    return {
        "type": "FeatureCollection",
        "name": "routes",
        "evacplan": {"plan": plan.name, "layer": "routes", "network": getattr(net, "name", None)},
        "features": features,
    }


def write_geojson(schedule, plan, net, path, *, routes=None) -> list:
    """Write the convoy legs and every plan layer as GeoJSON files (see the module docstring).

    Parameters
    ----------
    schedule : planner.schedule.result.Schedule or dict
    plan : planner.plan.Plan
    net : planner.network.RoadNetwork
    path : str or Path
        ``out.geojson`` or an existing folder. Each file is written atomically.
    routes : ignored (the convoys carry their roads)

    Returns
    -------
    list of Path
        The routes file first, then one file per plan layer.
    """
    from planner.plan.geojson import plan_geojson

    routes_path, layer_paths = geojson_paths(path, plan)
    out = [write_text_atomic(routes_path, _dumps(routes_geojson(schedule, plan, net)))]
    for layer, fc in plan_geojson(plan).items():
        out.append(write_text_atomic(layer_paths[layer], _dumps(fc)))
    return out


def _dumps(fc: dict) -> str:
    return json.dumps(fc, ensure_ascii=False, indent=1) + "\n"
