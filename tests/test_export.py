"""Exports read back: the PDF's text and pages, CSV totals, GeoJSON with shapely, GPX with gpxpy.

Everything runs on the bundled Neubrandenburg network, the demo plan and the
real scheduler's output.
"""

import csv
import dataclasses
import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from planner.errors import Cancelled, EvacplanError
from planner.export import csv_paths, page_count, write_csv, write_geojson, write_gpx, write_pdf
from planner.export.common import clock, edges_xy, route_edges, street_steps, trips_by_vehicle
from planner.export.maps import ATTRIBUTION


@pytest.fixture(scope="module")
def plan(demo_plan_path):
    from planner.plan import load_plan

    return load_plan(demo_plan_path)


@pytest.fixture(scope="module")
def routes(plan, demo_net):
    from planner.routing import route_plan

    return route_plan(plan, demo_net)


@pytest.fixture(scope="module")
def schedule(plan, demo_net):
    from planner.schedule import schedule_plan

    return schedule_plan(plan, demo_net)


@pytest.fixture(scope="module")
def sched(schedule):
    return schedule.to_json()


@pytest.fixture(scope="module")
def pdf(schedule, plan, demo_net, routes, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "demo.pdf"
    seen = []
    write_pdf(schedule, plan, demo_net, path, routes=routes, progress=lambda f, m: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0
    return path


@pytest.fixture(scope="module")
def pdf_pages(pdf):
    from pypdf import PdfReader

    return [p.extract_text() for p in PdfReader(str(pdf)).pages]


def test_demo_schedule_has_convoys(sched):
    # the rest of this file is only meaningful on a schedule that moves people
    assert sched["convoys"] and sched["trips"] and sched["kpis"]["evacuated"] > 0


def test_pdf_page_count(pdf_pages, sched):
    vehicles = {t["vehicle"] for t in sched["trips"]}
    assert len(pdf_pages) == 2 + len(sched["convoys"]) + len(vehicles) == page_count(sched)
    for i, text in enumerate(pdf_pages, 1):
        assert f"page {i} of {len(pdf_pages)}" in text


def test_pdf_convoy_pages(pdf_pages, sched):
    start = sched["window"]["start"]
    for i, c in enumerate(sched["convoys"]):
        text = pdf_pages[2 + i]
        assert f"Convoy {c['id']}" in text
        # the departure time of the schedule JSON, as printed (HH:MM of its own offset)
        assert clock(c["depart"], start) in text
        assert clock(c["latest_safe_depart"], start) in text
        assert ATTRIBUTION in text  # the route map
        for v in c["vehicles"]:
            assert v in text
    # every convoy id in the cover's index too
    for c in sched["convoys"]:
        assert c["id"] in pdf_pages[1]


def test_pdf_names_and_attribution(pdf_pages, plan, sched):
    everything = "\n".join(pdf_pages)
    assert ATTRIBUTION in pdf_pages[0]
    assert plan.name in pdf_pages[0]
    for cp in plan.checkpoints:
        assert cp.name in pdf_pages[1]  # the cover's checkpoint table
    on_routes = {cp["id"] for t in sched["trips"] for cp in t["checkpoints"]}
    for cp in plan.checkpoints:
        if cp.id in on_routes:
            assert everything.count(cp.name) > 2  # convoy pages and driver cards
    for p in plan.pickups:
        assert p.name in pdf_pages[1]


def test_pdf_driver_cards(pdf_pages, sched, demo_net):
    by_vehicle = trips_by_vehicle(sched)
    cards = pdf_pages[2 + len(sched["convoys"]):]
    start = sched["window"]["start"]
    for (vehicle, trips), text in zip(by_vehicle.items(), cards):
        assert f"Driver card · {vehicle}" in text
        for t in trips:
            assert clock(t["depart_pickup"], start) in text
            assert clock(t["arrive_destination"], start) in text
        # the loaded route's streets, by their OSM names
        steps = street_steps(demo_net, route_edges(demo_net, trips[0]["route_nodes"]))
        named = [s.street for s in steps if not s.street.startswith("unnamed")]
        assert named
        for street in named:
            assert street in text


def test_pdf_cyrillic_names(sched, plan, demo_net, routes, tmp_path):
    """Cyrillic checkpoint, pickup and street names come back from the PDF text intact."""
    from pypdf import PdfReader

    p2 = plan.copy()
    trip = sched["trips"][0]
    cp_id = trip["checkpoints"][0]["id"]
    next(c for c in p2.checkpoints if c.id == cp_id).name = "Блокпост Василівка"
    next(p for p in p2.pickups if p.id == trip["pickup"]).name = "Школа № 5, Маріуполь"
    edges = route_edges(demo_net, trip["route_nodes"])
    longest = edges[np.argmax(demo_net.edge_length[edges])]
    old = str(demo_net.edge_name[longest]) or str(demo_net.edge_ref[longest])
    names = np.asarray(demo_net.edge_name).astype(object)
    refs = np.asarray(demo_net.edge_ref).astype(object)
    same = (names == demo_net.edge_name[longest]) & (refs == demo_net.edge_ref[longest])
    names[same] = "проспект Миру"
    refs[same] = ""
    net2 = dataclasses.replace(demo_net, edge_name=names.astype(str), edge_ref=refs.astype(str), _cache={})
    # one convoy is enough: its page and its vehicles' cards
    small = {**sched, "convoys": [c for c in sched["convoys"] if c["id"] == trip["convoy"]],
             "trips": [t for t in sched["trips"] if t["convoy"] == trip["convoy"]]}
    path = tmp_path / "кириллица.pdf"
    write_pdf(small, p2, net2, path, routes=routes)
    text = "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert "Блокпост Василівка" in text
    assert "Школа № 5, Маріуполь" in text
    assert "проспект Миру" in text
    assert old  # the street we renamed had a name to replace


def test_pdf_map_not_blank(pdf, tmp_path):
    """The cover's route map, rendered by poppler, is drawn (roads and routes in the map area)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Debian poppler-utils) is not installed")
    from PIL import Image

    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    img = np.asarray(Image.open(png).convert("L"), dtype=float)
    h, w = img.shape
    # the map fills the middle of the cover: rows 40-80 %, columns 10-90 %
    area = img[int(0.40 * h): int(0.80 * h), int(0.10 * w): int(0.90 * w)]
    inked = (area < 235).mean()
    dark = (area < 90).mean()
    assert inked > 0.04, f"map area nearly blank ({inked:.1%} inked)"
    assert dark > 0.002, f"no route line in the map area ({dark:.2%} dark)"


def test_csv_totals(sched, plan, tmp_path):
    trips_path, manifests_path = write_csv(sched, plan, tmp_path / "out.csv")
    assert (trips_path, manifests_path) == csv_paths(tmp_path / "out.csv")
    with open(trips_path, encoding="utf-8-sig", newline="") as fh:
        trips = list(csv.DictReader(fh))
    with open(manifests_path, encoding="utf-8-sig", newline="") as fh:
        manifest = list(csv.DictReader(fh))
    assert len(trips) == len(sched["trips"])
    assert sum(int(r["passengers"]) for r in trips) == sched["kpis"]["evacuated"]
    assert len(manifest) == sched["kpis"]["evacuated"]  # one row per passenger place
    for g in ("general", "reduced_mobility", "stretcher"):
        want = sum(t["passengers_by_group"][g] for t in sched["trips"])
        assert sum(int(r[g]) for r in trips) == want
        assert sum(1 for r in manifest if r["group"] == g) == want
    # a folder gives the default stem
    paths = write_csv(sched, plan, tmp_path)
    assert [p.name for p in paths] == ["schedule-trips.csv", "schedule-manifests.csv"]


def test_geojson_reads_with_shapely(sched, plan, demo_net, tmp_path):
    from shapely.geometry import shape

    paths = write_geojson(sched, plan, demo_net, tmp_path / "out.geojson")
    assert paths[0] == tmp_path / "out.geojson"
    fc = json.loads(paths[0].read_text(encoding="utf-8"))
    assert [f["properties"]["convoy"] for f in fc["features"]] == [c["id"] for c in sched["convoys"]]
    for f, c in zip(fc["features"], sched["convoys"]):
        g = shape(f["geometry"])
        assert g.geom_type == "LineString" and g.is_valid
        p = f["properties"]
        assert p["depart"] == c["depart"] and p["arrive"] == c["arrive"]
        assert p["latest_safe_depart"] == c["latest_safe_depart"]
        # the length property matches the geometry, measured in the network's projection
        x, y = demo_net.to_projected(*np.asarray(g.coords).T)
        assert abs(float(np.hypot(np.diff(x), np.diff(y)).sum()) - p["length_m"]) < 0.01 * p["length_m"] + 5
    layers = {p.stem.split("out-")[-1]: p for p in paths[1:]}
    assert set(layers) == {"pickups", "destinations", "depots", "corridors", "checkpoints", "hazards", "closures"}
    pick = json.loads(layers["pickups"].read_text(encoding="utf-8"))
    assert {f["id"] for f in pick["features"]} == {p.id for p in plan.pickups}
    for path in paths[1:]:
        for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
            assert shape(f["geometry"]).is_valid


def test_gpx_points_on_routes(sched, plan, demo_net, tmp_path):
    import gpxpy
    from shapely.geometry import LineString, Point

    path = write_gpx(sched, plan, demo_net, tmp_path / "out.gpx")
    text = path.read_text(encoding="utf-8")
    assert 'version="1.1"' in text
    g = gpxpy.parse(text)
    assert len(g.routes) == len(sched["convoys"])
    first = {}
    for t in sched["trips"]:
        first.setdefault(t["convoy"], t)
    for rte, c in zip(g.routes, sched["convoys"]):
        assert rte.name.startswith(c["id"] + " ")
        assert 2 <= len(rte.points) <= 250
        line = LineString(edges_xy(demo_net, route_edges(demo_net, first[c["id"]]["route_nodes"])))
        lon = np.array([p.longitude for p in rte.points])
        lat = np.array([p.latitude for p in rte.points])
        x, y = demo_net.to_projected(lon, lat)
        worst = max(line.distance(Point(a, b)) for a, b in zip(x, y))
        assert worst < 1.0, f"{c['id']}: a route point is {worst:.1f} m off the route"
        assert rte.points[0].name.startswith(c["pickup"]) and rte.points[-1].name.startswith(c["destination"])
    assert {w.name.split()[0] for w in g.waypoints} >= {p.id for p in plan.pickups}


def test_route_edges_match_routing(routes, demo_net):
    for r in routes.routes.values():
        assert np.array_equal(route_edges(demo_net, r.route_nodes), r.edge_index)
        steps = street_steps(demo_net, r.edge_index)
        assert abs(sum(s.length_m for s in steps) - r.length_m) < 1e-6 * r.length_m + 1e-6
        assert all(a.street != b.street for a, b in zip(steps, steps[1:]))
        assert steps[0].turn == "start"


def test_route_edges_rejects_foreign_nodes(demo_net):
    with pytest.raises(EvacplanError, match="not on network"):
        route_edges(demo_net, [1, 2, 3])


def test_atomic_writes(sched, plan, demo_net, routes, tmp_path):
    # a missing folder is a user error naming the file
    with pytest.raises(EvacplanError, match="does not exist"):
        write_gpx(sched, plan, demo_net, tmp_path / "nope" / "out.gpx")
    # cancelling the PDF midway leaves the old file and no temporary file
    path = tmp_path / "keep.pdf"
    path.write_bytes(b"old")

    def cancel(fraction, message):
        if fraction and fraction > 0.3:
            raise Cancelled("cancelled")

    with pytest.raises(Cancelled):
        write_pdf(sched, plan, demo_net, path, routes=routes, progress=cancel)
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["keep.pdf"]


def test_empty_schedule_pdf(sched, plan, demo_net, routes, tmp_path):
    """A schedule that moves nobody still prints its cover (KPIs, unserved) and nothing else."""
    from pypdf import PdfReader

    empty = {**sched, "convoys": [], "trips": [], "hourly": []}
    empty["kpis"] = {**sched["kpis"], "evacuated": 0}
    path = write_pdf(empty, plan, demo_net, tmp_path / "empty.pdf", routes=routes)
    pages = PdfReader(str(path)).pages
    assert len(pages) == 2
    assert "No convoy leaves in this window" in pages[1].extract_text()
    assert Path(write_gpx(empty, plan, demo_net, tmp_path / "e.gpx")).is_file()
    trips, manifest = write_csv(empty, plan, tmp_path / "e.csv")
    assert len(trips.read_text(encoding="utf-8-sig").splitlines()) == 1


def test_pdf_two_column_convoy_index(sched, plan, demo_net, routes, tmp_path, monkeypatch):
    """Past the one-column limit the cover's index lists every convoy with its page, in two columns."""
    from pypdf import PdfReader

    import planner.export.pdf as pdfmod

    ids = [c["id"] for c in sched["convoys"][:8]]
    small = {**sched, "convoys": sched["convoys"][:8], "trips": [t for t in sched["trips"] if t["convoy"] in ids]}
    monkeypatch.setattr(pdfmod, "INDEX_ONE_COLUMN", 4)
    path = write_pdf(small, plan, demo_net, tmp_path / "index.pdf", routes=routes)
    cover2 = PdfReader(str(path)).pages[1].extract_text()
    for i, c in enumerate(small["convoys"]):
        assert f"{c['id']} {c['pickup']} {c['destination']}" in cover2
        assert clock(c["depart"], sched["window"]["start"]) in cover2
