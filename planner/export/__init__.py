"""Exports of a computed schedule (design section 8): PDF, CSV, GeoJSON, GPX.

``from planner.export import write_pdf, write_csv, write_geojson, write_gpx``.
Each takes the schedule (``planner.schedule.Schedule`` or its contract dict of
design section 10) and the plan; the map-drawing ones also the road network and,
optionally, the plan's routes (``planner.routing.PlanRoutes``). Every file is
written atomically (a temporary file in the same folder, then ``os.replace``).

Files written:

- :func:`write_pdf`: one PDF (cover 2 pages + one page per convoy + one driver card per vehicle);
- :func:`write_csv`: ``<stem>-trips.csv`` and ``<stem>-manifests.csv``;
- :func:`write_geojson`: ``<stem>.geojson`` (convoy routes) and ``<stem>-<layer>.geojson`` per plan layer;
- :func:`write_gpx`: one GPX 1.1 file, one route per convoy.
"""

from planner.export.common import ExportError
from planner.export.csv import csv_paths, write_csv
from planner.export.geojson import geojson_paths, write_geojson
from planner.export.gpx import write_gpx
from planner.export.pdf import page_count, write_pdf

__all__ = ["ExportError", "csv_paths", "geojson_paths", "page_count", "write_csv", "write_geojson", "write_gpx",
           "write_pdf"]
