"""CSV, XLSX, GeoJSON, GeoPackage and GPX read back by their real readers, and the turn lists.

Everything runs on the bundled Neubrandenburg network, the demo plan (with
contacts and plates) and the real scheduler's output.
"""

import csv
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from planner.errors import Cancelled
from planner.export import (
    ExportError,
    write_csv,
    write_geojson,
    write_gpkg,
    write_gpx,
    write_pdf,
    write_xlsx,
)
from planner.export.checkpoint_list import passage_rows
from planner.export.common import ceil_minute, convoy_edges
from planner.export.streets import street_steps
from tests.conftest_export import field_plan, field_schedule


@pytest.fixture(scope="module")
def export_plan(demo_plan_path):
    return field_plan(demo_plan_path)


@pytest.fixture(scope="module")
def export_schedule(export_plan, demo_net):
    return field_schedule(export_plan, demo_net)


XSD = Path(__file__).resolve().parent / "data" / "gpx11.xsd"


def _passages(s):
    return [p for q in s.checkpoint_queues for p in q.passages]


# ---------------------------------------------------------------- CSV


@pytest.fixture(scope="module")
def csvs(export_schedule, export_plan, tmp_path_factory):
    return write_csv(export_schedule, export_plan, tmp_path_factory.mktemp("csv") / "out.csv")


def _read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_reads_right_without_guessing(csvs):
    """No BOM (LibreOffice's default import shows it as 'ï»¿'), plain ASCII headers, UTF-8 names."""
    for path in csvs:
        raw = Path(path).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        header = raw.split(b"\r\n", 1)[0]
        assert header.isascii() and header.startswith((b"vehicle,", b"checkpoint,"))
        # a reader that takes the bytes as Latin-1 still finds every column by name
        assert header.decode("latin-1") == header.decode("utf-8")


def test_csv_tables(csvs, export_schedule):
    trips, manifests, checkpoints = (_read_csv(p) for p in csvs)
    assert len(trips) == len(export_schedule.trips)
    assert sum(int(r["passengers"]) for r in trips) == export_schedule.evacuated
    assert len(manifests) == export_schedule.evacuated
    assert {r["group"] for r in manifests} <= {"general", "reduced_mobility", "stretcher"}
    assert len(checkpoints) == len(_passages(export_schedule))
    plated = [r for r in trips if r["plate"]]
    assert plated and all(r["plate"].startswith("NB-EV") for r in plated)
    for r in trips:
        datetime.strptime(r["depart"], "%Y-%m-%d %H:%M:%S")
    # names with non-ASCII letters come back whole ("Neustrelitzer Straße", "Groß Nemerow")
    assert any(not r["destination_name"].isascii() for r in trips) or any(
        not r["pickup_name"].isascii() for r in manifests
    )


def test_checkpoint_list_times_never_early(export_schedule, export_plan):
    rows = passage_rows(export_schedule, export_plan)
    computed = {(p.checkpoint, p.convoy, p.direction): p for p in _passages(export_schedule)}
    assert len(rows) == len(computed)
    for r in rows:
        p = computed[(r["checkpoint"], r["convoy"], r["direction"])]
        assert p.arrive <= r["arrive"] < p.arrive + timedelta(minutes=1) and r["arrive"].second == 0
        assert p.clear <= r["clear"] < p.clear + timedelta(minutes=1) and r["clear"].second == 0


# ---------------------------------------------------------------- XLSX


def test_xlsx_sheets_datetime_cells_frozen_headers(export_schedule, export_plan, tmp_path):
    from openpyxl import load_workbook

    path = write_xlsx(export_schedule, export_plan, tmp_path / "out.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["trips", "manifests", "checkpoints", "convoys"]
    trips = wb["trips"]
    header = [c.value for c in trips[1]]
    col = header.index("depart") + 1
    assert trips.max_row - 1 == len(export_schedule.trips)
    assert all(isinstance(trips.cell(r, col).value, datetime) for r in range(2, trips.max_row + 1))
    cps = wb["checkpoints"]
    h = [c.value for c in cps[1]]
    assert cps.max_row - 1 == len(_passages(export_schedule))
    assert isinstance(cps.cell(2, h.index("clear") + 1).value, datetime)
    assert wb["manifests"].max_row - 1 == export_schedule.evacuated
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.bold


# ---------------------------------------------------------------- GPX


@pytest.fixture(scope="module")
def gpx_path(export_schedule, export_plan, demo_net, tmp_path_factory):
    return write_gpx(export_schedule, export_plan, demo_net, tmp_path_factory.mktemp("gpx") / "out.gpx")


def test_gpx_valid_against_the_gpx_11_schema(gpx_path):
    import xmlschema

    xmlschema.XMLSchema(str(XSD)).validate(str(gpx_path))


def test_gpx_one_route_per_round_with_times(gpx_path, export_schedule, export_plan):
    import gpxpy

    g = gpxpy.parse(Path(gpx_path).read_text(encoding="utf-8"))
    assert len(g.routes) == len(export_schedule.convoys)
    waypoint_names = {w.name for w in g.waypoints}
    names = [p.name for r in g.routes for p in r.points]
    assert len(names) == len(set(names)) and not waypoint_names & set(names)
    convoys = sorted(export_schedule.convoys, key=lambda c: (c.depart, c.id))
    for r, c in zip(g.routes, convoys):
        assert r.name.startswith(f"{c.id} {c.formation_place}-")
        assert r.points[0].time == c.depart and r.points[-1].time == c.arrive
        assert 2 <= len(r.points) <= 250
        # the round includes its empty leg: it starts at the staging area, not at the first stop
        f = next(x for x in export_plan.depots + export_plan.destinations if x.id == c.formation_place)
        assert abs(r.points[0].latitude - f.lat) < 0.01 and abs(r.points[0].longitude - f.lon) < 0.01


@pytest.mark.skipif(shutil.which("gpsbabel") is None, reason="gpsbabel is not installed (apt-get install gpsbabel)")
def test_gpx_converts_with_gpsbabel_to_garmin_gdb_and_kml_and_back(gpx_path, tmp_path, export_schedule):
    def babel(*args):
        r = subprocess.run(["gpsbabel", *args], capture_output=True, text=True, timeout=120, check=False)
        assert r.returncode == 0 and "mismatch" not in r.stderr.lower(), r.stderr

    babel("-i", "gpx", "-f", str(gpx_path), "-o", "gdb", "-F", str(tmp_path / "r.gdb"))
    babel("-i", "gdb", "-f", str(tmp_path / "r.gdb"), "-o", "gpx", "-F", str(tmp_path / "back.gpx"))
    babel("-i", "gpx", "-f", str(gpx_path), "-o", "kml", "-F", str(tmp_path / "r.kml"))
    babel("-i", "kml", "-f", str(tmp_path / "r.kml"), "-o", "gpx", "-F", str(tmp_path / "back2.gpx"))
    import gpxpy

    back = gpxpy.parse((tmp_path / "back.gpx").read_text(encoding="utf-8"))
    assert len(back.routes) == len(export_schedule.convoys)
    assert "<Placemark>" in (tmp_path / "r.kml").read_text(encoding="utf-8")


# ---------------------------------------------------------------- GeoJSON and GeoPackage


def test_geojson_routes_have_empty_and_loaded_legs(export_schedule, export_plan, demo_net, tmp_path):
    import json

    import shapely

    paths = write_geojson(export_schedule, export_plan, demo_net, tmp_path / "out.geojson")
    fc = json.loads(Path(paths[0]).read_text(encoding="utf-8"))
    legs = [f["properties"]["leg"] for f in fc["features"]]
    assert legs.count("loaded") == len(export_schedule.convoys)
    assert legs.count("empty") == sum(1 for c in export_schedule.convoys if len(c.route_nodes["in"]) >= 2) > 0
    for f in fc["features"]:
        line = shapely.geometry.shape(f["geometry"])
        assert line.is_valid and line.length > 0
        datetime.fromisoformat(f["properties"]["depart"])


def test_geojson_times_survive_a_shapefile(export_schedule, export_plan, demo_net, tmp_path):
    """A Shapefile keeps only the date of a date-time field: the dep_hm/arr_hm text fields keep the time."""
    from pyogrio.raw import read, write

    paths = write_geojson(export_schedule, export_plan, demo_net, tmp_path / "out.geojson")
    meta, _, geom, fields = read(str(paths[0]))
    write(
        str(tmp_path / "routes.shp"),
        geom,
        fields,
        meta["fields"],
        driver="ESRI Shapefile",
        crs=meta["crs"],
        geometry_type="LineString",
    )
    meta2, _, _, fields2 = read(str(tmp_path / "routes.shp"))
    names = list(meta2["fields"])
    hm = list(fields2[names.index("dep_hm")])
    legs = list(fields2[names.index("leg")])
    first = min(export_schedule.convoys, key=lambda c: (c.depart, c.id))
    expected = ceil_minute(first.depart if legs[0] == "empty" else first.stops[0].depart).strftime("%H:%M")
    # GDAL reads "09:30" as a time of day and the Shapefile keeps it as text ("09:30:00")
    assert hm[0] in (expected, expected + ":00")
    assert all(v[2] == ":" for v in hm)


def test_geopackage_layers_fields_geometries(export_schedule, export_plan, demo_net, tmp_path):
    from pyogrio import list_layers, read_info
    from pyogrio.raw import read

    path = write_gpkg(export_schedule, export_plan, demo_net, tmp_path / "out.gpkg")
    layers = dict(list_layers(str(path)).tolist())
    assert layers["routes"] == "LineString" and layers["pickups"] == "Point" and layers["hazards"] == "Polygon"
    info = read_info(str(path), layer="routes")
    dtypes = dict(zip(info["fields"], info["dtypes"]))
    for f in ("depart", "arrive", "latest_safe_depart"):
        assert dtypes[f] == "datetime64[ms]"
    assert info["features"] == 2 * len(export_schedule.convoys) - sum(
        1 for c in export_schedule.convoys if len(c.route_nodes["in"]) < 2
    )
    _, _, geom, fields = read(str(path), layer="routes", datetime_as_string=True)
    import shapely

    lines = shapely.from_wkb(geom)
    assert all(g.geom_type == "LineString" and g.length > 0 for g in lines)
    legs = fields[list(info["fields"]).index("leg")]
    assert set(legs) == {"empty", "loaded"}
    departs = fields[list(info["fields"]).index("depart")]
    assert all(d.endswith("Z") for d in departs)  # UTC, as the GeoPackage standard stores date-times
    pickups = read_info(str(path), layer="pickups")
    assert pickups["features"] == len(export_plan.pickups)
    assert dict(zip(pickups["fields"], pickups["dtypes"]))["ready_time"] == "datetime64[ms]"


# ---------------------------------------------------------------- turn lists


def test_turn_list_real_turns_named_roads_checkpoints_at_km(export_schedule, demo_net, export_plan):
    c = max(export_schedule.convoys, key=lambda c: len(c.passages_in("out")))
    edges = convoy_edges(demo_net, c, "out")
    x, y = demo_net.to_projected(
        np.array([cp.lon for cp in export_plan.checkpoints]), np.array([cp.lat for cp in export_plan.checkpoints])
    )
    where = {cp.id: (float(a), float(b)) for cp, a, b in zip(export_plan.checkpoints, x, y)}
    cps = tuple((p.checkpoint, *where[p.checkpoint]) for p in c.passages_in("out"))
    steps = street_steps(demo_net, edges, cps)
    assert steps[0].turn == "start"
    turns = [s for s in steps if not s.checkpoint]
    assert all(s.turn != "straight" for s in turns[1:])  # a name change without a turn is no new line
    assert all(s.names or s.toward or s.away for s in turns)  # no bare "unnamed road"
    total = sum(float(demo_net.edge_length[e]) for e in edges)
    kms = [s.start_m for s in steps if s.checkpoint]
    assert [s.checkpoint for s in steps if s.checkpoint] == [p.checkpoint for p in c.passages_in("out")]
    assert kms == sorted(kms) and kms[0] > 0 and kms[-1] < total
    assert abs(sum(s.length_m for s in turns) - total) < 1.0


# ---------------------------------------------------------------- failures


def test_unwritable_folder_is_one_line_error(export_schedule, export_plan, demo_net, tmp_path):
    for fn, args in (
        (write_gpx, (export_schedule, export_plan, demo_net)),
        (write_xlsx, (export_schedule, export_plan)),
        (write_gpkg, (export_schedule, export_plan, demo_net)),
    ):
        target = tmp_path / "nope" / "out.x"
        with pytest.raises(ExportError, match="does not exist"):
            fn(*args, target)


def test_cancelled_pdf_leaves_no_file(export_schedule, export_plan, demo_net, tmp_path):
    path = tmp_path / "c.pdf"
    path.write_bytes(b"old")

    def cancel(f, m):
        if f > 0.3:
            raise Cancelled("stop")

    with pytest.raises(Cancelled):
        write_pdf(export_schedule, export_plan, demo_net, path, progress=cancel)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["c.pdf"]


def test_schedule_json_contract_exports_the_same(export_schedule, export_plan, demo_net, tmp_path):
    """The version-2 JSON dict (design section 10) exports like the objects it was written from."""
    d = export_schedule.to_json()
    a = write_gpx(export_schedule, export_plan, demo_net, tmp_path / "a.gpx").read_text(encoding="utf-8")
    b = write_gpx(d, export_plan, demo_net, tmp_path / "b.gpx").read_text(encoding="utf-8")
    assert a == b
