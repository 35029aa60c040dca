"""GeoJSON export of the plan's layers: one FeatureCollection per layer.

Properties carry the element's fields, flat (QGIS shows them as attribute
columns): people by group as ``people_general`` and so on, a depot's fleet as
totals plus the vehicle list as JSON text, a corridor's waypoints as JSON text, dates as ISO 8601 text.
Coordinates are WGS84 (RFC 7946), so QGIS, shapely and pyogrio read them as is.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import datetime, time
from pathlib import Path

from planner.errors import PlanError
from planner.plan.fileformat import COORD_DECIMALS, _vehicle_to_dict
from planner.plan.model import LAYERS, People, Plan


def _pos(c):
    return [round(float(c[0]), COORD_DECIMALS), round(float(c[1]), COORD_DECIMALS)]


def _geometry(el) -> dict:
    if hasattr(el, "lon"):
        return {"type": "Point", "coordinates": _pos((el.lon, el.lat))}
    if hasattr(el, "line"):
        return {"type": "LineString", "coordinates": [_pos(c) for c in el.line]}
    if hasattr(el, "polygon"):
        ring = [_pos(c) for c in el.polygon]
        if ring and ring[0] != ring[-1]:
            ring.append(ring[0])
        return {"type": "Polygon", "coordinates": [ring]}
    pts = [_pos(c) for c in el.points]
    if len(pts) == 1:
        return {"type": "Point", "coordinates": pts[0]}
    return {"type": "LineString", "coordinates": pts}


def _properties(el) -> dict:
    props = {}
    for f in fields(el):
        v = getattr(el, f.name)
        if f.name in ("lon", "lat", "line", "polygon", "points"):
            continue
        if f.name == "people":
            for g in fields(People):
                props[f"people_{g.name}"] = getattr(v, g.name)
            props["people_total"] = v.total
        elif f.name == "waypoints":  # a corridor's clicked points, as JSON text (one attribute column)
            props[f.name] = json.dumps([_pos(c) for c in v])
        elif f.name == "vehicles":
            props["vehicles_count"] = sum(vt.count for vt in v)
            props["seats_total"] = sum(vt.count * vt.seats for vt in v)
            props["stretcher_places_total"] = sum(vt.count * vt.stretcher_places for vt in v)
            props["vehicles"] = json.dumps([_vehicle_to_dict(vt) for vt in v], ensure_ascii=False)
        elif isinstance(v, datetime):
            props[f.name] = v.isoformat()
        elif isinstance(v, time):
            props[f.name] = v.isoformat(timespec="minutes")
        else:
            props[f.name] = v
    props["kind"] = el.KIND
    return props


def layer_geojson(plan: Plan, layer: str) -> dict:
    """One layer (``"pickups"``, ``"corridors"``, ...) as a GeoJSON FeatureCollection."""
    if layer not in LAYERS:
        raise PlanError(f"unknown plan layer {layer!r}; layers: {', '.join(LAYERS)}")
    features = [
        {"type": "Feature", "id": el.id, "geometry": _geometry(el), "properties": _properties(el)}
        for el in getattr(plan, layer)
    ]
    return {
        "type": "FeatureCollection",
        "name": layer,  # GDAL/QGIS use this as the layer name
        "evacplan": {"plan": plan.name, "layer": layer, "network": plan.network.name},
        "features": features,
    }


def plan_geojson(plan: Plan) -> dict[str, dict]:
    """Every layer of the plan: ``{layer name: FeatureCollection}``, in file order."""
    return {layer: layer_geojson(plan, layer) for layer in LAYERS}


def export_geojson(plan: Plan, folder, stem: str = "plan", include_empty: bool = True) -> list[Path]:
    """Write one ``<stem>-<layer>.geojson`` file per layer into ``folder``.

    Returns
    -------
    list of Path
        The files written, in layer order.
    """
    from planner.plan.fileformat import write_text_atomic

    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlanError(f"{folder}: cannot create the export folder ({exc.strerror or exc})") from None
    out = []
    for layer, fc in plan_geojson(plan).items():
        if not fc["features"] and not include_empty:
            continue
        path = folder / f"{stem}-{layer}.geojson"
        write_text_atomic(path, json.dumps(fc, ensure_ascii=False, indent=1) + "\n")
        out.append(path)
    return out
