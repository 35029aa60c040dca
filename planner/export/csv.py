"""The schedule as CSV for spreadsheets: a trips table and passenger manifests.

Two files, because a spreadsheet wants one table per file:

- ``<stem>-trips.csv``: one row per trip (vehicle, convoy, pickup, destination,
  passengers by group, the times, the checkpoint passages, km);
- ``<stem>-manifests.csv``: one row per passenger place of every trip, grouped
  by vehicle and trip, with the passenger's group and empty columns (name,
  document, phone, notes) to fill in at the assembly point. Its row count is the
  number of people the schedule takes out.

Both are UTF-8 with a byte-order mark (so spreadsheet programs detect UTF-8 and
show Cyrillic names), comma-separated, one header row. Times are local wall-clock
times in the window's UTC offset, written ``YYYY-MM-DD HH:MM:SS`` (which
spreadsheets read as dates); the offset is in the header's ``utc_offset`` column.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from planner.export.common import (
    GROUPS,
    element_names,
    group_counts,
    parse_time,
    schedule_dict,
    trips_by_vehicle,
    write_text_atomic,
)

TRIP_COLUMNS = [
    "vehicle", "trip", "seats", "stretcher_places", "convoy", "pickup", "pickup_name", "destination",
    "destination_name", "passengers", "general", "reduced_mobility", "stretcher", "leave_from", "leave_at",
    "arrive_pickup", "depart_pickup", "arrive_destination", "checkpoints", "empty_km", "loaded_km", "utc_offset",
]
MANIFEST_COLUMNS = [
    "vehicle", "trip", "convoy", "pickup", "pickup_name", "destination", "depart_pickup", "place", "group",
    "name", "document", "phone", "notes",
]


def csv_paths(path_or_dir) -> tuple:
    """The two files :func:`write_csv` writes for ``path_or_dir``: ``(trips, manifests)``.

    A folder gives ``<folder>/schedule-trips.csv`` and ``schedule-manifests.csv``;
    a file name ``out.csv`` gives ``out-trips.csv`` and ``out-manifests.csv`` beside it.
    """
    p = Path(path_or_dir)
    if p.is_dir():
        folder, stem = p, "schedule"
    else:
        folder, stem = p.parent, (p.stem if p.suffix.lower() == ".csv" else p.name)
    return folder / f"{stem}-trips.csv", folder / f"{stem}-manifests.csv"


def _local(s) -> str:
    t = parse_time(s)
    return "" if t is None else t.strftime("%Y-%m-%d %H:%M:%S")


def _offset(s) -> str:
    t = parse_time(s)
    if t is None or t.utcoffset() is None:
        return ""
    z = t.strftime("%z")
    return f"{z[:3]}:{z[3:]}"


def _trips(schedule, plan):
    """``(vehicle, trip number, trip, passengers by group, names)`` per trip, vehicle by vehicle in time order."""
    names = element_names(plan)
    for vehicle, trips in trips_by_vehicle(schedule_dict(schedule)).items():
        for n, t in enumerate(trips, 1):
            yield vehicle, n, t, group_counts(t), names


def trip_rows(schedule, plan) -> list:
    """Rows of the trips table (dicts keyed by :data:`TRIP_COLUMNS`)."""
    rows = []
    for vehicle, n, t, g, names in _trips(schedule, plan):
        cps = "; ".join(
            f"{c['id']} {_local(c.get('arrive'))[11:16]}-{_local(c.get('clear'))[11:16]}" for c in t.get("checkpoints", [])
        )
        rows.append({
            "vehicle": vehicle, "trip": n, "seats": t.get("seats", ""),
            "stretcher_places": t.get("stretcher_places", 0), "convoy": t.get("convoy") or "",
            "pickup": t["pickup"], "pickup_name": names.get(t["pickup"], ""),
            "destination": t["destination"], "destination_name": names.get(t["destination"], ""),
            "passengers": int(t.get("passengers", 0)), **{k: g[k] for k in GROUPS},
            "leave_from": t.get("leave_from", ""), "leave_at": _local(t.get("leave_at")),
            "arrive_pickup": _local(t.get("arrive_pickup")), "depart_pickup": _local(t.get("depart_pickup")),
            "arrive_destination": _local(t.get("arrive_destination")), "checkpoints": cps,
            "empty_km": t.get("empty_km", ""), "loaded_km": t.get("loaded_km", ""),
            "utc_offset": _offset(t.get("leave_at")),
        })
    return rows


def manifest_rows(schedule, plan) -> list:
    """Rows of the manifests (dicts keyed by :data:`MANIFEST_COLUMNS`): one per passenger place taken.

    Places are numbered per trip, stretcher cases first (``S1``, ``S2`` … on
    stretcher places), then reduced mobility and general passengers on seats.
    """
    rows = []
    for vehicle, n, t, g, names in _trips(schedule, plan):
        base = {
            "vehicle": vehicle, "trip": n, "convoy": t.get("convoy") or "", "pickup": t["pickup"],
            "pickup_name": names.get(t["pickup"], ""), "destination": t["destination"],
            "depart_pickup": _local(t.get("depart_pickup")), "name": "", "document": "", "phone": "", "notes": "",
        }
        for i in range(g["stretcher"]):
            rows.append({**base, "place": f"S{i + 1}", "group": "stretcher"})
        seat = 0
        for grp in ("reduced_mobility", "general"):
            for _ in range(g[grp]):
                seat += 1
                rows.append({**base, "place": str(seat), "group": grp})
    return rows


def _csv_text(columns, rows) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return "\ufeff" + buf.getvalue()


def write_csv(schedule, plan, path_or_dir) -> list:
    """Write the trips table and the passenger manifests as two CSV files.

    Parameters
    ----------
    schedule : planner.schedule.Schedule or dict
        The schedule, or its contract dict (design section 10).
    plan : planner.plan.Plan
        For the names of pickups and destinations.
    path_or_dir : str or Path
        ``out.csv`` (writes ``out-trips.csv`` and ``out-manifests.csv`` beside
        it) or an existing folder (writes ``schedule-trips.csv`` and
        ``schedule-manifests.csv`` in it). Each file is written atomically.

    Returns
    -------
    list of Path
        ``[trips, manifests]``.
    """
    trips_path, manifests_path = csv_paths(path_or_dir)
    for p, text in (
        (trips_path, _csv_text(TRIP_COLUMNS, trip_rows(schedule, plan))),
        (manifests_path, _csv_text(MANIFEST_COLUMNS, manifest_rows(schedule, plan))),
    ):
        write_text_atomic(p, text)
    return [trips_path, manifests_path]
