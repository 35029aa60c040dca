"""Exports of a computed schedule (design section 8): PDF, CSV, XLSX, GeoJSON, GeoPackage, GPX.

``from planner.export import write_pdf, write_csv, write_xlsx, write_geojson, write_gpkg, write_gpx``.
Each takes the schedule (``planner.schedule.result.Schedule`` or its contract dict
of design section 10) and the plan; the map-drawing and route ones also the road
network. Every file is written atomically (a temporary file in the same folder,
then ``os.replace``).

Files written:

- :func:`write_pdf`: one PDF (cover, checkpoint notification list, convoy
  rounds, driver cards, per-seat manifests), labels in ``lang`` (en, uk, ru);
- :func:`write_csv`: ``<stem>-trips.csv``, ``<stem>-manifests.csv``, ``<stem>-checkpoints.csv``;
- :func:`write_xlsx`: one workbook with the same tables as sheets (real date-time cells);
- :func:`write_geojson`: ``<stem>.geojson`` (every leg of every round) and ``<stem>-<layer>.geojson``;
- :func:`write_gpkg`: one GeoPackage with every plan layer and the legs;
- :func:`write_gpx`: one GPX 1.1 file, one route per convoy round.
"""

from planner.export.common import ExportError
from planner.export.csv import csv_paths, write_csv
from planner.export.geojson import geojson_paths, write_geojson
from planner.export.gpkg import write_gpkg
from planner.export.gpx import write_gpx
from planner.export.pdf import page_count, write_pdf
from planner.export.xlsx import write_xlsx

__all__ = [
    "ExportError",
    "csv_paths",
    "geojson_paths",
    "page_count",
    "write_csv",
    "write_geojson",
    "write_gpkg",
    "write_gpx",
    "write_pdf",
    "write_xlsx",
]
