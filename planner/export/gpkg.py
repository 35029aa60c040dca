"""The schedule's legs and the plan's layers as one GeoPackage (pyogrio) for QGIS.

Layers: ``routes`` (every leg of every convoy round, empty and loaded, the
fields of :func:`planner.export.geojson.leg_records`) and one layer per
non-empty plan layer (pickups, destinations, depots, corridors, checkpoints,
hazards, closures) with the fields of the plan's GeoJSON export. Times are
GeoPackage date-time fields in UTC, as the standard has them (``depart``, ``arrive``,
``latest_safe_depart``; a pickup's ``ready_time``; any ISO 8601 date-time of a
plan layer). WGS84 (EPSG:4326). Written to a temporary file, then renamed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from planner.export.common import ExportError, as_schedule, atomic_path
from planner.export.geojson import leg_records


def _datetime(v):
    if isinstance(v, datetime):
        return v
    if isinstance(v, str) and len(v) >= 16 and v[4] == "-" and "T" in v:
        try:
            return datetime.fromisoformat(v)
        except ValueError:
            return None
    return None


def _columns(props: list) -> tuple:
    """``(names, arrays, tz offsets)`` of a list of property dicts, one typed array per field."""
    names = list(dict.fromkeys(k for p in props for k in p))
    arrays, tz = [], {}
    for k in names:
        vals = [p.get(k) for p in props]
        present = [v for v in vals if v is not None]
        if present and all(_datetime(v) is not None for v in present):
            # the GeoPackage standard stores date-times in UTC ("...Z"); QGIS shows them in local time
            dts = [_datetime(v) for v in vals]
            dts = [d.astimezone(UTC) if d is not None and d.utcoffset() is not None else d for d in dts]
            arrays.append(
                np.array(
                    [np.datetime64(d.replace(tzinfo=None), "ms") if d else np.datetime64("NaT") for d in dts],
                    dtype="datetime64[ms]",
                )
            )
            tz[k] = np.array([100 if d is not None and d.tzinfo is not None else 0 for d in dts], dtype=np.int32)
        elif present and all(isinstance(v, bool) for v in present):
            arrays.append(np.array([bool(v) for v in vals]))
        elif (
            present
            and all(isinstance(v, int) and not isinstance(v, bool) for v in present)
            and len(present) == len(vals)
        ):
            arrays.append(np.array(vals, dtype=np.int64))
        elif present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
            arrays.append(np.array([np.nan if v is None else float(v) for v in vals], dtype=np.float64))
        else:
            arrays.append(np.array(["" if v is None else str(v) for v in vals], dtype=object))
    return names, arrays, tz


def _write_layer(path, layer, geoms, props, append):
    import shapely
    from pyogrio.raw import write

    names, arrays, tz = _columns(props)
    wkb = np.array([shapely.to_wkb(g) for g in geoms], dtype=object)
    kinds = {g.geom_type for g in geoms}
    gtype = kinds.pop() if len(kinds) == 1 else "Unknown"
    write(
        path,
        wkb,
        arrays,
        names,
        layer=layer,
        driver="GPKG",
        geometry_type=gtype,
        crs="EPSG:4326",
        append=append,
        gdal_tz_offsets=tz or None,
    )


def write_gpkg(schedule, plan, net, path) -> Path:
    """Write the legs and the plan's layers as a GeoPackage (see the module docstring).

    Parameters
    ----------
    schedule : planner.schedule.result.Schedule or dict
    plan : planner.plan.Plan
    net : planner.network.RoadNetwork
    path : str or Path

    Returns
    -------
    Path
    """
    import shapely
    from pyogrio.errors import DataLayerError, DataSourceError

    from planner.plan.geojson import plan_geojson

    sched = as_schedule(schedule, plan, net)
    path = Path(path)
    layers = []
    legs = [(p, ll) for p, ll in leg_records(sched, plan, net) if len(ll) >= 2]
    if legs:
        layers.append(("routes", [shapely.linestrings(ll) for _, ll in legs], [p for p, _ in legs]))
    for layer, fc in plan_geojson(plan).items():
        feats = [f for f in fc.get("features", []) if f.get("geometry")]
        if feats:
            layers.append(
                (
                    layer,
                    [shapely.from_geojson(_json(f["geometry"])) for f in feats],
                    [dict(f.get("properties") or {}) for f in feats],
                )
            )
    with atomic_path(path, suffix=".gpkg") as tmp:
        Path(tmp).unlink()  # GDAL creates the file itself
        try:
            for i, (layer, geoms, props) in enumerate(layers):
                _write_layer(tmp, layer, geoms, props, append=i > 0)
        except (DataLayerError, DataSourceError) as exc:
            raise ExportError(f"{path}: GeoPackage layer {layer!r} not written ({exc})") from None
    return path


def _json(geom) -> str:
    import json

    return json.dumps(geom)
