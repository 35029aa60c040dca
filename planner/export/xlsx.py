"""The schedule as one XLSX workbook (openpyxl): trips, manifests and the checkpoint list as sheets.

The same tables as the CSV files (:mod:`planner.export.csv`,
:mod:`planner.export.checkpoint_list`), one sheet each, plus a ``convoys``
sheet. Times are real date-time cells (local wall-clock time of the window's UTC
offset, which is in the ``utc_offset`` column; spreadsheets have no time zones),
formatted ``YYYY-MM-DD HH:MM``; the header row is bold and frozen, with a filter,
and the columns are sized to their content.
"""

from __future__ import annotations

from pathlib import Path

from planner.export.checkpoint_list import COLUMNS as CHECKPOINT_COLUMNS
from planner.export.checkpoint_list import passage_rows
from planner.export.common import as_schedule, atomic_path, element_names
from planner.export.csv import (
    MANIFEST_COLUMNS,
    TRIP_COLUMNS,
    manifest_rows,
    offset,
    trip_rows,
)

CONVOY_COLUMNS = [
    "convoy",
    "round",
    "escort",
    "vehicles",
    "vehicle_ids",
    "formation",
    "depart",
    "latest_safe_depart",
    "stops",
    "destination",
    "destination_name",
    "arrive",
    "unloaded",
    "people",
    "utc_offset",
]
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def convoy_rows(schedule, plan) -> list:
    names = element_names(plan)
    return [
        {
            "convoy": c.id,
            "round": c.round,
            "escort": c.escort,
            "vehicles": c.size,
            "vehicle_ids": ", ".join(c.vehicles),
            "formation": c.formation_place,
            "depart": c.depart,
            "latest_safe_depart": c.latest_safe_depart,
            "stops": "; ".join(c.pickups),
            "destination": c.destination,
            "destination_name": names.get(c.destination, ""),
            "arrive": c.arrive,
            "unloaded": c.unloaded,
            "people": c.people,
            "utc_offset": offset(c.depart),
        }
        for c in sorted(schedule.convoys, key=lambda c: (c.depart, c.id))
    ]


def _sheet(wb, title, columns, rows):
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    ws.append(columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(c) for c in columns]
    for r in rows:
        values = []
        for i, k in enumerate(columns):
            v = r.get(k)
            if hasattr(v, "tzinfo") and v is not None:
                v = v.replace(tzinfo=None)  # the local wall-clock time; the offset is in its own column
                widths[i] = max(widths[i], 16)
            else:
                widths[i] = max(widths[i], min(len(str(v if v is not None else "")), 60))
            values.append(v)
        ws.append(values)
    for i, k in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = widths[i - 1] + 2
    for col in ws.iter_cols(min_row=2):
        for cell in col:
            if cell.is_date:
                cell.number_format = DATETIME_FORMAT
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = ws.dimensions
    return ws


def write_xlsx(schedule, plan, path) -> Path:
    """Write the workbook (sheets ``trips``, ``manifests``, ``checkpoints``, ``convoys``), atomically.

    Parameters
    ----------
    schedule : planner.schedule.result.Schedule or dict
    plan : planner.plan.Plan
    path : str or Path

    Returns
    -------
    Path
    """
    from openpyxl import Workbook

    schedule = as_schedule(schedule, plan)
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, "trips", TRIP_COLUMNS, trip_rows(schedule, plan))
    _sheet(wb, "manifests", MANIFEST_COLUMNS, manifest_rows(schedule, plan))
    _sheet(wb, "checkpoints", CHECKPOINT_COLUMNS, passage_rows(schedule, plan))
    _sheet(wb, "convoys", CONVOY_COLUMNS, convoy_rows(schedule, plan))
    wb.properties.title = f"Convoy schedule: {plan.name}"
    wb.properties.creator = "evacplan"
    path = Path(path)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path
