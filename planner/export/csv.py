"""The schedule as CSV for spreadsheets: trips, passenger manifests and the checkpoint list.

Three files, because a spreadsheet wants one table per file:

- ``<stem>-trips.csv``: one row per vehicle per convoy round (vehicle, plate,
  convoy, round, stops and people boarded there, destination, times, km);
- ``<stem>-manifests.csv``: one row per passenger place of every trip, stretcher
  places first, with empty columns (name, document, destination, signature) to
  fill in at the assembly point;
- ``<stem>-checkpoints.csv``: the negotiators' checkpoint list, one row per
  convoy passage of a checkpoint (:mod:`planner.export.checkpoint_list`).

Encoding: UTF-8 **without** a byte-order mark, and a header row in plain ASCII.
LibreOffice's default CSV import ignores a BOM (the first header read
``ï»¿vehicle`` and Cyrillic was garbled when the charset guess was wrong), while
UTF-8 is its default charset on the systems the crews use; with an ASCII header
the columns are named right whatever charset is picked, and only the place names
depend on it. For Excel, which needs a BOM to read UTF-8, the same tables are in
the XLSX export (:mod:`planner.export.xlsx`), where the encoding is never a
question. Comma-separated, CRLF line ends (RFC 4180). Times are local wall-clock
times in the window's UTC offset, ``YYYY-MM-DD HH:MM:SS`` (spreadsheets read them
as dates), the offset in the ``utc_offset`` column.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from planner.export.checkpoint_list import COLUMNS as CHECKPOINT_COLUMNS
from planner.export.checkpoint_list import passage_rows
from planner.export.common import GROUPS, as_schedule, element_names, write_text_atomic

TRIP_COLUMNS = [
    "vehicle",
    "plate",
    "vehicle_type",
    "depot",
    "trip",
    "convoy",
    "round",
    "escort",
    "seats",
    "stretcher_places",
    "formation",
    "depart",
    "pickups",
    "boarded",
    "destination",
    "destination_name",
    "arrive",
    "unloaded",
    "latest_safe_depart",
    "passengers",
    *GROUPS,
    "empty_km",
    "loaded_km",
    "utc_offset",
]
MANIFEST_COLUMNS = [
    "vehicle",
    "plate",
    "trip",
    "convoy",
    "pickup",
    "pickup_name",
    "depart_pickup",
    "reception",
    "place",
    "group",
    "name",
    "document",
    "destination",
    "signature",
]


def csv_paths(path_or_dir) -> tuple:
    """The files :func:`write_csv` writes for ``path_or_dir``: ``(trips, manifests, checkpoints)``.

    A folder gives ``<folder>/schedule-trips.csv`` etc.; a file name ``out.csv``
    gives ``out-trips.csv``, ``out-manifests.csv`` and ``out-checkpoints.csv`` beside it.
    """
    p = Path(path_or_dir)
    if p.is_dir():
        folder, stem = p, "schedule"
    else:
        folder, stem = p.parent, (p.stem if p.suffix.lower() == ".csv" else p.name)
    return folder / f"{stem}-trips.csv", folder / f"{stem}-manifests.csv", folder / f"{stem}-checkpoints.csv"


def local(t) -> str:
    """``YYYY-MM-DD HH:MM:SS`` wall-clock time of an aware datetime (``""`` for ``None``)."""
    return "" if t is None else t.strftime("%Y-%m-%d %H:%M:%S")


def offset(t) -> str:
    if t is None or t.utcoffset() is None:
        return ""
    z = t.strftime("%z")
    return f"{z[:3]}:{z[3:]}"


def vehicle_trips(schedule):
    """``(vehicle, trip number, trip, convoy)`` per trip, vehicle by vehicle, rounds in time order."""
    for vehicle, trips in schedule.trips_by_vehicle().items():
        for n, t in enumerate(trips, 1):
            c = schedule.convoy(t.convoy)
            if c is not None:
                yield vehicle, n, t, c


def trip_rows(schedule, plan) -> list:
    """Rows of the trips table (dicts keyed by :data:`TRIP_COLUMNS`; times as aware datetimes)."""
    schedule = as_schedule(schedule, plan)
    names = element_names(plan)
    rows = []
    for vehicle, n, t, c in vehicle_trips(schedule):
        g = t.passengers_by_group
        rows.append(
            {
                "vehicle": vehicle,
                "plate": t.plate,
                "vehicle_type": t.vehicle_type,
                "depot": t.depot,
                "trip": n,
                "convoy": c.id,
                "round": c.round,
                "escort": c.escort,
                "seats": t.seats,
                "stretcher_places": t.stretcher_places,
                "formation": c.formation_place,
                "depart": c.depart,
                "pickups": "; ".join(c.pickups),
                "boarded": "; ".join(f"{b.pickup} {b.people}" for b in t.boarded),
                "destination": c.destination,
                "destination_name": names.get(c.destination, ""),
                "arrive": c.arrive,
                "unloaded": c.unloaded,
                "latest_safe_depart": c.latest_safe_depart,
                "passengers": t.passengers,
                **{k: g[k] for k in GROUPS},
                "empty_km": round(float(c.length_m.get("in", 0.0)) / 1000.0, 2),
                "loaded_km": round(float(c.length_m.get("out", 0.0)) / 1000.0, 2),
                "utc_offset": offset(c.depart),
            }
        )
    return rows


def manifest_rows(schedule, plan) -> list:
    """Rows of the manifests: one per passenger place taken (stretcher cases on ``S1``, ``S2`` …, then seats)."""
    schedule = as_schedule(schedule, plan)
    names = element_names(plan)
    rows = []
    for vehicle, n, t, c in vehicle_trips(schedule):
        depart = {st.pickup: st.depart for st in c.stops}
        s_no = seat = 0
        for b in t.boarded:
            base = {
                "vehicle": vehicle,
                "plate": t.plate,
                "trip": n,
                "convoy": c.id,
                "pickup": b.pickup,
                "pickup_name": names.get(b.pickup, ""),
                "depart_pickup": depart.get(b.pickup),
                "reception": c.destination,
                "name": "",
                "document": "",
                "destination": "",
                "signature": "",
            }
            for grp in ("stretcher", "reduced_mobility", "general"):
                for _ in range(int(b.by_group.get(grp, 0))):
                    if grp == "stretcher":
                        s_no += 1
                        place = f"S{s_no}"
                    else:
                        seat += 1
                        place = str(seat)
                    rows.append({**base, "place": place, "group": grp})
    return rows


def _csv_text(columns, rows) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: (local(v) if hasattr(v, "strftime") else v) for k, v in r.items()})
    return buf.getvalue()


def write_csv(schedule, plan, path_or_dir) -> list:
    """Write the trips table, the passenger manifests and the checkpoint list as CSV files.

    Parameters
    ----------
    schedule : planner.schedule.result.Schedule or dict
    plan : planner.plan.Plan
        For the names of places.
    path_or_dir : str or Path
        ``out.csv`` (writes ``out-trips.csv``, ``out-manifests.csv`` and
        ``out-checkpoints.csv`` beside it) or an existing folder. Each file is written atomically.

    Returns
    -------
    list of Path
        ``[trips, manifests, checkpoints]``.
    """
    schedule = as_schedule(schedule, plan)
    paths = csv_paths(path_or_dir)
    for p, text in zip(
        paths,
        (
            _csv_text(TRIP_COLUMNS, trip_rows(schedule, plan)),
            _csv_text(MANIFEST_COLUMNS, manifest_rows(schedule, plan)),
            _csv_text(CHECKPOINT_COLUMNS, passage_rows(schedule, plan)),
        ),
    ):
        write_text_atomic(p, text)
    return list(paths)
