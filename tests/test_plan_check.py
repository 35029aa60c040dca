"""GeoJSON layers, snapping onto the real Neubrandenburg network, and `evacplan check`."""

import json
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, shape

from planner.cli import main
from planner.plan import (
    ERROR,
    LAYERS,
    RoadClosure,
    export_geojson,
    load_plan,
    plan_geojson,
    save_plan,
    snap_plan,
    snap_report,
)

PLANS = Path(__file__).resolve().parent.parent / "resources" / "plans"
DEMO = PLANS / "demo-neubrandenburg.evacplan.json"
MARIUPOL = PLANS / "mariupol-azovstal-2022.evacplan.json"


@pytest.fixture
def demo():
    return load_plan(DEMO)


# ---------------------------------------------------------------- GeoJSON


def test_every_layer_exports_and_reads_back_with_shapely(tmp_path, demo):
    demo.closures.append(RoadClosure("X1", "Bridge", [(13.2600, 53.5400)]))
    demo.closures.append(RoadClosure("X2", "Road", [(13.2600, 53.5400), (13.2610, 53.5410)]))
    files = export_geojson(demo, tmp_path, stem="demo")
    assert [f.name for f in files] == [f"demo-{layer}.geojson" for layer in LAYERS]
    for f, layer in zip(files, LAYERS):
        fc = json.loads(f.read_text(encoding="utf-8"))
        assert fc["type"] == "FeatureCollection" and fc["name"] == layer
        elements = getattr(demo, layer)
        assert [feat["id"] for feat in fc["features"]] == [el.id for el in elements]
        for feat, el in zip(fc["features"], elements):
            geom = shape(feat["geometry"])
            assert geom.is_valid, (layer, el.id)
            props = feat["properties"]
            assert props["name"] == el.name and props["kind"] == el.KIND
            if hasattr(el, "lon"):
                assert (geom.geom_type, geom.x, geom.y) == ("Point", el.lon, el.lat)
            elif layer == "corridors":
                assert list(geom.coords) == el.line and props["width_m"] == el.width_m
            elif layer == "hazards":
                assert geom.geom_type == "Polygon" and list(geom.exterior.coords)[:-1] == el.polygon
                assert props["effect"] == el.effect and props["speed_factor"] == el.speed_factor
            else:
                assert geom.geom_type == ("Point" if len(el.points) == 1 else "LineString")
    pickups = json.loads(files[0].read_text(encoding="utf-8"))["features"]
    p4 = next(f for f in pickups if f["id"] == "P4")["properties"]
    el = demo.element("P4")
    assert (p4["people_stretcher"], p4["people_total"], p4["priority"]) == (
        el.people.stretcher,
        el.people.total,
        el.priority,
    )
    assert p4["ready_time"] == el.ready_time.isoformat()
    depots = json.loads(files[2].read_text(encoding="utf-8"))["features"]
    for feat, d in zip(depots, demo.depots):
        assert feat["properties"]["seats_total"] == sum(v.count * v.seats for v in d.vehicles)
        assert len(json.loads(feat["properties"]["vehicles"])) == len(d.vehicles)
    cps = json.loads(files[4].read_text(encoding="utf-8"))["features"]
    assert cps[2]["properties"]["open_from"] == demo.checkpoints[2].open_from.strftime("%H:%M")


def test_geojson_opens_with_gdal(tmp_path, demo):
    pyogrio = pytest.importorskip("pyogrio")
    f = export_geojson(demo, tmp_path, include_empty=False)
    assert "plan-closures.geojson" not in [p.name for p in f]
    info = pyogrio.read_info(tmp_path / "plan-pickups.geojson")
    assert info["features"] == len(demo.pickups)
    assert "people_total" in list(info["fields"])
    assert "4326" in info["crs"]


def test_plan_geojson_gives_one_collection_per_layer(demo):
    layers = plan_geojson(demo)
    assert list(layers) == list(LAYERS)
    assert sum(len(fc["features"]) for fc in layers.values()) == len(list(demo.elements()))


# ---------------------------------------------------------------- snapping


def test_snaps_are_the_nearest_node(demo, demo_net):
    snaps = snap_plan(demo, demo_net)
    assert [s.element_id for s in snaps] == [
        el.id for layer in ("pickups", "destinations", "depots", "checkpoints") for el in getattr(demo, layer)
    ]
    for s in snaps:
        x, y = demo_net.to_projected(s.lon, s.lat)
        d = np.hypot(demo_net.node_x - x, demo_net.node_y - y)  # brute force, not the KD-tree
        assert s.node == int(np.argmin(d)) and s.distance_m == pytest.approx(d.min())
        assert s.osmid == demo_net.node_osmid[s.node] and s.ok


def test_sample_points_lie_near_drivable_roads(demo, demo_net):
    """Every point of the demo plan is within 150 m of a road and the checkpoints sit on the corridor."""
    tree = shapely.STRtree([LineString(demo_net.edge_coords(i)) for i in range(demo_net.n_edges)])
    for el in list(demo.pickups) + demo.destinations + demo.depots + demo.checkpoints:
        p = Point(demo_net.to_projected(el.lon, el.lat))
        j = tree.nearest(p)
        assert LineString(demo_net.edge_coords(j)).distance(p) <= 150, el.id
    corridor = LineString(np.column_stack(demo_net.to_projected(*np.array(demo.corridors[0].line).T)))
    for cp in demo.checkpoints:
        assert corridor.distance(Point(demo_net.to_projected(cp.lon, cp.lat))) <= 50, cp.id


def test_sample_drill_matches_the_brief(demo):
    assert 5 <= len(demo.pickups) <= 8 and 2500 <= demo.total_people <= 3500
    hospital = demo.element("P4")
    assert "Klinikum" in hospital.name and hospital.people.stretcher > 0 and hospital.priority == 1
    buses = [v for d in demo.depots for v in d.vehicles if v.type == "bus"]
    assert len(demo.depots) == 2 and 30 <= sum(v.count for v in buses) <= 40 and {v.seats for v in buses} == {50}
    assert sum(v.count * v.stretcher_places for d in demo.depots for v in d.vehicles) > 0
    assert demo.window.duration_s == 6 * 3600 and demo.window.start.utcoffset().total_seconds() == 7200
    assert len(demo.checkpoints) == 3 and len(demo.hazards) == 1
    zone = shapely.Polygon(demo.hazards[0].polygon)
    assert not any(zone.covers(Point(p.lon, p.lat)) for p in demo.pickups)


def test_snaps_beyond_the_limit_are_errors(demo, demo_net):
    p6 = demo.element("P6")
    p6.lon, p6.lat = 13.2150, 53.5150  # in the Tollensesee
    x, y = demo_net.to_projected(p6.lon, p6.lat)
    far = float(np.hypot(demo_net.node_x - x, demo_net.node_y - y).min())
    assert far > demo.rules.snap_limit_m  # the lake is wide enough
    snaps, problems = snap_report(demo, demo_net)
    assert [s.element_id for s in snaps if not s.ok] == ["P6"]
    (p,) = problems
    assert (p.severity, p.element_id, p.field) == (ERROR, "P6", "lon")
    assert p.message.startswith(
        f"pickup P6 'Bethanien Center, Lindenberg-Süd': lies {far:.0f} m from the nearest road node"
    )
    assert "farther than the snap limit of 300 m; drag it onto a road" in p.message
    demo.rules.snap_limit_m = far + 1
    assert snap_report(demo, demo_net)[1] == []


def test_closure_points_are_snapped_by_index(demo, demo_net):
    demo.closures.append(RoadClosure("X1", "Bridge", [(13.2600, 53.5400), (13.2150, 53.5150)]))
    snaps, problems = snap_report(demo, demo_net)
    assert [(s.field, s.ok) for s in snaps if s.element_id == "X1"] == [("points[0]", True), ("points[1]", False)]
    assert [(p.element_id, p.field) for p in problems] == [("X1", "points[1]")]
    assert problems[0].message.startswith("closure X1 'Bridge': points[1] lies ")


# ---------------------------------------------------------------- evacplan check


def test_check_demo_exits_0_with_a_snapping_report(capsys, demo, demo_net):
    assert main(["--quiet", "check", str(DEMO)]) == 0
    out = capsys.readouterr().out
    assert "OK: the plan can be computed" in out
    assert "snapping to the nearest road node (limit 300 m)" in out
    for el in demo.pickups + demo.checkpoints:
        assert f"{el.KIND} {el.id} {el.name!r}" in out


def test_check_json(capsys, demo_net):
    assert main(["--quiet", "check", str(DEMO), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["computable"] is True and result["network"]["found"] is True
    assert result["network"]["store_sha256"] == demo_net.sha256
    assert len(result["snaps"]) == 13 and all(s["ok"] for s in result["snaps"])
    assert result["summary"]["people"] == load_plan(DEMO).total_people


def test_broken_copy_exits_1_naming_the_field(tmp_path, capsys, demo, demo_net):
    demo.checkpoints[1].lanes = 0
    broken = save_plan(demo, tmp_path / "broken.evacplan.json")
    assert main(["--quiet", "check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert (
        "error: checkpoint CP2 'Groß Nemerow north (An der Chaussee)': lanes must be a whole number ≥ 1, got 0" in out
    )
    assert "NOT computable (1 error, " in out  # a warning if the store holds another extract


def test_unloadable_copy_exits_1_naming_file_and_field(tmp_path, capsys):
    d = json.loads(DEMO.read_text(encoding="utf-8"))
    d["checkpoints"][0]["lanes"] = "many"
    path = tmp_path / "typo.evacplan.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    assert main(["--quiet", "check", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "checkpoint CP1 'Tannenkrug (city exit)': lanes must be a whole number" in err


def test_other_extract_is_a_warning_and_still_computable(tmp_path, capsys, demo, demo_net):
    demo.network.sha256 = "0" * 64
    path = save_plan(demo, tmp_path / "older.evacplan.json")
    assert main(["--quiet", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "warning: plan: drawn on another extract of network 'neubrandenburg'" in out
    assert "another extract than the plan" in out


def test_check_without_the_network_says_so_in_one_line(capsys):
    assert main(["--quiet", "check", str(MARIUPOL)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert "road network 'mariupol-zaporizhzhia' is not in the store" in lines[0]
    assert "`evacplan data fetch mariupol-zaporizhzhia`" in lines[0]
    assert "`evacplan data import FILE --name mariupol-zaporizhzhia`" in lines[0]


def test_check_without_the_network_json(capsys):
    assert main(["--quiet", "check", str(MARIUPOL), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["computable"] is False and result["network"]["found"] is False
    assert result["problems"] == [] and "mariupol-zaporizhzhia" in result["missing_network"]


def test_unknown_network_points_at_import_only(tmp_path, capsys, demo):
    demo.network.name = "somewhere-else"
    demo.network.sha256 = None
    path = save_plan(demo, tmp_path / "elsewhere.evacplan.json")
    assert main(["--quiet", "check", str(path)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert "'somewhere-else' is not in the store" in line and "data fetch" not in line
    assert "`evacplan data import FILE --name somewhere-else`" in line


def test_check_quotes_a_huge_plan_name_briefly(tmp_path, capsys, demo, demo_net):
    demo.name = "N" * 100_000
    path = save_plan(demo, tmp_path / "long.evacplan.json")
    assert main(["--quiet", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "…" in out.splitlines()[0]
    assert max(len(line) for line in out.splitlines()) < 400
