"""The plan model, its file format, migrations and atomic save (issue 3)."""

import json
import os
import stat
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from planner import fileio
from planner.errors import PlanError
from planner.plan import (
    LAYERS,
    MIGRATIONS,
    VERSION,
    Checkpoint,
    Corridor,
    Depot,
    NetworkRef,
    People,
    Pickup,
    Plan,
    Rules,
    VehicleType,
    Window,
    describe,
    dumps_plan,
    find_element,
    load_plan,
    new_id,
    plan_from_dict,
    plan_to_dict,
    save_plan,
)

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "resources" / "plans"
DEMO = PLANS / "demo-neubrandenburg.evacplan.json"
MARIUPOL = PLANS / "mariupol-azovstal-2022.evacplan.json"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "plans"
CEST = timezone(timedelta(hours=2))


@pytest.fixture
def demo():
    return load_plan(DEMO)


# ---------------------------------------------------------------- model


def test_defaults_come_from_the_design_figures():
    r = Rules()
    assert (r.approach_radius_m, r.max_convoy_size, r.snap_limit_m) == (1000.0, 15, 300.0)
    assert (r.loading_s_per_person, r.unloading_s_per_person, r.mobilisation_min) == (30.0, 15.0, 90.0)
    assert (r.open_road_speed_kph, r.city_speed_kph) == (60.0, 40.0)
    assert r.corridor_only is True
    assert VehicleType().seats == 50
    cp = Checkpoint("CP1", "x", 0.0, 0.0)
    assert (cp.minutes_per_convoy, cp.minutes_per_vehicle, cp.checks_empty) == (20.0, 2.0, True)
    w = Window(datetime(2022, 4, 30, 8, tzinfo=CEST), datetime(2022, 4, 30, 14, tzinfo=CEST))
    assert w.no_night is True and w.duration_s == 6 * 3600


def test_find_element_new_id_and_copy(demo):
    assert find_element(demo, "CP2") is demo.checkpoints[1]
    assert demo.element("P4").name == "Dr.-Bonhoeffer-Klinikum"
    assert demo.element("nope") is None
    highest = max(int(p.id[1:]) for p in demo.pickups)
    assert new_id(demo, "P") == f"P{highest + 1}"
    assert new_id(demo, "pickup") == f"P{highest + 1}"
    assert new_id(demo, Checkpoint) == f"CP{len(demo.checkpoints) + 1}"
    assert new_id(demo, "Z") == "Z1"
    ids = {el.id for el in demo.elements()}
    assert new_id(demo, "X") not in ids
    twin = demo.copy()
    assert twin == demo
    twin.pickups[0].people.general += 1
    twin.corridors[0].line.append((13.0, 53.0))
    assert demo.pickups[0].people != twin.pickups[0].people
    assert len(demo.corridors[0].line) + 1 == len(twin.corridors[0].line)


def test_describe_names_kind_id_and_name(demo):
    assert describe(demo.element("CP2")) == "checkpoint CP2 'Groß Nemerow north (An der Chaussee)'"


def test_checkpoint_open_intervals_follow_the_local_clock():
    cp = Checkpoint("CP1", "x", 0.0, 0.0, open_from=time(8), open_to=time(18))
    start = datetime(2022, 4, 30, 6, tzinfo=CEST)
    got = cp.open_intervals(start, start + timedelta(days=1, hours=6))
    assert got == [
        (datetime(2022, 4, 30, 8, tzinfo=CEST), datetime(2022, 4, 30, 18, tzinfo=CEST)),
        (datetime(2022, 5, 1, 8, tzinfo=CEST), datetime(2022, 5, 1, 12, tzinfo=CEST)),
    ]
    night = Checkpoint("CP2", "y", 0.0, 0.0, open_from=time(20), open_to=time(6))
    got = night.open_intervals(start, start + timedelta(hours=16))
    assert got == [(datetime(2022, 4, 30, 20, tzinfo=CEST), datetime(2022, 4, 30, 22, tzinfo=CEST))]
    got = night.open_intervals(start - timedelta(hours=2), start + timedelta(hours=1))  # 04:00 to 07:00
    assert got == [(start - timedelta(hours=2), start)]
    always = Checkpoint("CP3", "z", 0.0, 0.0)
    assert always.open_intervals(start, start + timedelta(hours=3)) == [(start, start + timedelta(hours=3))]


# ---------------------------------------------------------------- file format


def test_round_trip_is_equal_and_byte_identical(tmp_path, demo):
    out = tmp_path / "again.evacplan.json"
    save_plan(demo, out)
    again = load_plan(out)
    assert again == demo
    first = out.read_bytes()
    save_plan(again, out)
    assert out.read_bytes() == first
    # the committed sample was written by save_plan: loading and saving it reproduces it
    assert first == DEMO.read_bytes()


def test_file_is_versioned_with_stable_key_order(demo):
    d = json.loads(dumps_plan(demo))
    assert list(d)[:2] == ["format", "version"]
    assert (d["format"], d["version"]) == ("evacplan", VERSION)
    assert list(d) == ["format", "version", "name", "network", "window", "rules", *LAYERS, "contacts", "notes"]
    assert list(d["pickups"][0]) == [f for f in Pickup.__dataclass_fields__ if f != "KIND"]
    assert d["window"]["start"] == "2022-04-30T08:00:00+02:00"
    # order is the model's, not the insertion order of whoever built the plan
    shuffled = plan_from_dict(dict(reversed(list(plan_to_dict(demo).items()))))
    assert dumps_plan(shuffled) == dumps_plan(demo)


def test_null_network_hash_is_allowed():
    plan = load_plan(MARIUPOL)
    assert plan.network == NetworkRef("mariupol-zaporizhzhia", None)
    assert json.loads(dumps_plan(plan))["network"] == {"name": "mariupol-zaporizhzhia", "sha256": None}


def test_every_version_step_has_a_migration():
    assert sorted(MIGRATIONS) == list(range(VERSION))


def test_version_0_file_is_migrated():
    plan = load_plan(FIXTURES / "v0-minimal.evacplan.json")
    assert plan.network == NetworkRef("neubrandenburg", None)
    assert plan.window.start == datetime(2022, 4, 30, 8, tzinfo=CEST)
    assert plan.window.end == datetime(2022, 4, 30, 14, tzinfo=CEST)
    p = plan.pickups[0]
    assert (p.lon, p.lat) == (13.25819, 53.55752)
    assert p.people == People(general=120)
    assert plan.depots[0].vehicles == [VehicleType("bus", 3, seats=50)]
    assert plan.checkpoints[0].lanes == 2
    assert plan.corridors[0].width_m == 200.0
    # saving writes the current version
    assert json.loads(dumps_plan(plan))["version"] == VERSION


def test_newer_version_is_refused_by_name(tmp_path, demo):
    d = plan_to_dict(demo)
    d["version"] = VERSION + 1
    path = tmp_path / "future.evacplan.json"
    path.write_text(json.dumps(d))
    with pytest.raises(
        PlanError, match=rf"future\.evacplan\.json: made by a newer evacplan \(format version {VERSION + 1}"
    ):
        load_plan(path)


@pytest.mark.parametrize(
    "edit, expected",
    [
        (
            lambda d: d["checkpoints"][1].update(lanes="two"),
            "checkpoint CP2 'Groß Nemerow north (An der Chaussee)': lanes must be a whole number, got \"two\"",
        ),
        (lambda d: d["pickups"][0].update(lon=None), "pickup P1 'ZOB bus station (Bahnhof)': lon must not be null"),
        (lambda d: d["pickups"][2].pop("lat"), "pickup P3 'Jahnsportforum shelter': lat is missing"),
        (
            lambda d: d["pickups"][3]["people"].update(stretcher=True),
            "pickup P4 'Dr.-Bonhoeffer-Klinikum' people: stretcher must be a whole number, got true",
        ),
        (
            lambda d: d["depots"][0]["vehicles"][0].update(sets=50),
            "depot DP1 'Staging area Groß Nemerow (B 96)' vehicles[0]: unknown field 'sets'",
        ),
        (
            lambda d: d["window"].update(start="2022-04-30T08:00"),
            "plan window: start needs a UTC offset (like +02:00), got '2022-04-30T08:00'",
        ),
        (
            lambda d: d["window"].update(end="tomorrow"),
            'plan window: end must be a date and time like 2022-04-30T08:00+02:00, got "tomorrow"',
        ),
        (
            lambda d: d["checkpoints"][2].update(open_from="8 o'clock"),
            "checkpoint CP3 'Groß Nemerow south': open_from must be a time like 08:00, got \"8 o'clock\"",
        ),
        (
            lambda d: d["corridors"][0]["line"].__setitem__(3, [13.2]),
            (
                "corridor CR1 'B 96 south: Friedrich-Engels-Ring, Neustrelitzer Straße, Tannenkrug, Groß Nemerow': "
                "line[3] must be a [lon, lat] pair, got [13.2]"
            ),
        ),
        (lambda d: d.update(hazards={"H1": {}}), "plan: hazards must be a list, got dict"),
        (
            lambda d: d["pickups"].append({"name": "no id", "lon": 13.2, "lat": 53.5}),
            "pickups[7]: id must be a non-empty text, got null",
        ),
        (lambda d: d.update(colour="red"), "plan: unknown field 'colour'"),
        (lambda d: d.pop("window"), "plan: window is missing"),
    ],
)
def test_structural_errors_name_element_and_field(demo, edit, expected):
    d = plan_to_dict(demo)
    edit(d)
    with pytest.raises(PlanError) as info:
        plan_from_dict(d, source="demo")
    assert expected in [p.message for p in info.value.problems]
    assert str(info.value).startswith("demo: ")


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "not valid JSON (line 1, column 1"),
        (b'{"format": "evacplan", "version": 1,', "not valid JSON (line 1"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b"[1, 2]", "not an evacplan plan"),
        (b'{"format": "evacplan", "version": NaN}', "NaN is not a number in a plan"),
        (b'{"format": "evacplan", "version": "1"}', "'version' must be a whole number"),
        (b"[" * 100000, "nested too deeply"),
    ],
)
def test_unreadable_files_raise_plan_error_naming_the_file(tmp_path, content, expected):
    path = tmp_path / "broken.evacplan.json"
    path.write_bytes(content)
    with pytest.raises(PlanError, match=r"broken\.evacplan\.json") as info:
        load_plan(path)
    assert expected in str(info.value)


def test_missing_file_raises_plan_error(tmp_path):
    with pytest.raises(PlanError, match=r"nowhere\.evacplan\.json: cannot read the plan"):
        load_plan(tmp_path / "nowhere.evacplan.json")


# ---------------------------------------------------------------- atomic save


def test_failing_write_leaves_the_old_file_intact(tmp_path, demo, monkeypatch):
    path = tmp_path / "plan.evacplan.json"
    save_plan(demo, path)
    before = path.read_bytes()
    bigger = demo.copy()
    bigger.notes = "x" * 300_000  # several write chunks
    calls = []

    def half_then_disk_full(fd, data):
        calls.append(len(data))
        os.write(fd, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio, "_write_all", half_then_disk_full)
    with pytest.raises(PlanError, match=r"plan\.evacplan\.json: cannot save the plan \(No space left on device\)"):
        save_plan(bigger, path)
    assert calls, "the failing write was not reached"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.evacplan.json"]  # no temp file left behind


def test_failing_fsync_leaves_the_old_file_intact(tmp_path, demo, monkeypatch):
    path = tmp_path / "plan.evacplan.json"
    save_plan(demo, path)
    before = path.read_bytes()
    changed = demo.copy()
    changed.name = "changed"

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(fileio.os, "fsync", broken_fsync)
    with pytest.raises(PlanError, match="Input/output error"):
        save_plan(changed, path)
    assert path.read_bytes() == before
    assert len(list(tmp_path.iterdir())) == 1


def test_save_writes_through_a_temp_file_in_the_same_folder(tmp_path, demo, monkeypatch):
    path = tmp_path / "plan.evacplan.json"
    save_plan(demo, path)
    os.chmod(path, 0o600)
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append((Path(src), Path(dst)))
        return real_replace(src, dst)

    monkeypatch.setattr(fileio.os, "replace", spy)
    save_plan(demo, path)
    ((src, dst),) = seen
    assert dst == path and src.parent == path.parent and src != path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # keeps the file's permissions


def test_save_refuses_non_finite_numbers(tmp_path, demo):
    demo.checkpoints[0].hold_min = float("nan")
    with pytest.raises(PlanError, match="non-finite"):
        save_plan(demo, tmp_path / "nan.evacplan.json")
    assert not list(tmp_path.iterdir())


def test_save_into_missing_folder_raises_plan_error(tmp_path, demo):
    with pytest.raises(PlanError, match="cannot save the plan"):
        save_plan(demo, tmp_path / "no" / "such" / "p.evacplan.json")


# ---------------------------------------------------------------- built in Python, as the GUI does


def test_plan_built_in_code_round_trips(tmp_path):
    start = datetime(2022, 4, 30, 8, tzinfo=CEST)
    plan = Plan("built", NetworkRef("neubrandenburg"), Window(start, start + timedelta(hours=5), no_night=False))
    plan.pickups.append(
        Pickup(
            new_id(plan, "pickup"),
            "Ärztehaus",
            13.2593348,
            53.5559474,
            People(10, 2, 1),
            ready_time=start + timedelta(minutes=30),
            priority=2,
        )
    )
    plan.depots.append(
        Depot(
            new_id(plan, "depot"),
            "Depot",
            13.26290,
            53.52052,
            [VehicleType("bus", 2, available_from=start + timedelta(hours=1))],
        )
    )
    plan.corridors.append(Corridor(new_id(plan, "corridor"), "c", [(13.26, 53.56), (13.18, 53.44)], oneway=True))
    plan.checkpoints.append(Checkpoint(new_id(plan, "checkpoint"), "k", 13.25, 53.51, open_from=time(7, 30)))
    assert [el.id for el in plan.elements()] == ["P1", "DP1", "CR1", "CP1"]
    path = save_plan(plan, tmp_path / "built.evacplan.json")
    again = load_plan(path)
    assert again == plan
    assert again.pickups[0].ready_time.utcoffset() == timedelta(hours=2)


V1_PLANS = sorted((Path(__file__).parent / "fixtures" / "plans").glob("*-v1.evacplan.json"))


@pytest.mark.parametrize("path", V1_PLANS, ids=lambda p: p.name)
def test_version_1_plans_load_with_their_checkpoint_times(path):
    """A v1 checkpoint was served vehicle by vehicle: it keeps its minutes per vehicle
    (20 where the file left it out), gets no convoy time and checks empty vehicles."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["version"] == 1
    plan = load_plan(path)
    assert len(plan.checkpoints) == len(raw["checkpoints"]) > 0
    for cp, d in zip(plan.checkpoints, raw["checkpoints"]):
        assert cp.minutes_per_vehicle == d.get("minutes_per_vehicle", 20.0)
        assert cp.minutes_per_convoy == 0.0
        assert cp.checks_empty is True
    again = plan_from_dict(json.loads(dumps_plan(plan)))
    assert again == plan


def test_version_2_vehicle_limits_and_plates_round_trip(tmp_path, demo):
    vt = demo.depots[0].vehicles[0]
    assert vt.limits == (3.5, 18.0, 12.0)
    vt.height_m, vt.plates = 3.2, ["AX 1234 BC"]
    demo.rules.escort_teams = 2
    demo.contacts.radio_channel = "VHF 14"
    out = tmp_path / "v2.evacplan.json"
    save_plan(demo, out)
    again = load_plan(out)
    assert again.depots[0].vehicles[0].limits[0] == 3.2
    assert again.depots[0].vehicles[0].plate(0) == "AX 1234 BC"
    assert again.depots[0].vehicles[0].plate(1) == ""
    assert (again.rules.escort_teams, again.contacts.radio_channel) == (2, "VHF 14")


# ---------------------------------------------------------------- version 3: a corridor's waypoints

WAYPOINTS = [(13.2603741, 53.5569108), (13.2349512, 53.5111736), (13.1738271, 53.4392822)]


def test_version_3_corridor_waypoints_round_trip(tmp_path, demo):
    cr = demo.corridors[0]
    assert cr.waypoints == []  # drawn straight, or older than version 3
    cr.waypoints = list(WAYPOINTS)
    out = save_plan(demo, tmp_path / "waypoints.evacplan.json")
    raw = json.loads(out.read_text(encoding="utf-8"))
    assert raw["version"] == 3 and raw["corridors"][0]["waypoints"] == [list(c) for c in WAYPOINTS]
    assert list(raw["corridors"][0])[-1] == "waypoints"  # the field order of the model
    again = load_plan(out)
    assert again.corridors[0].waypoints == WAYPOINTS and again == demo
    first = out.read_bytes()
    save_plan(again, out)
    assert out.read_bytes() == first


def test_version_2_files_load_with_no_waypoints(demo):
    """A version-2 file has no waypoints field: it reads as the same plan, its corridors without waypoints."""
    path = FIXTURES / "demo-neubrandenburg-v2.evacplan.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["version"] == 2 and all("waypoints" not in c for c in raw["corridors"])
    plan = load_plan(path)
    assert plan == demo
    assert all(c.waypoints == [] for c in plan.corridors)
    assert [c.line for c in plan.corridors] == [[tuple(p) for p in c["line"]] for c in raw["corridors"]]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("many", 'waypoints must be a list of [lon, lat] pairs, got "many"'),
        ([[13.2, 53.5], [13.2]], "waypoints[1] must be a [lon, lat] pair, got [13.2]"),
        ([[13.2, 53.5], ["13.2", 53.5]], 'waypoints[1] must be a [lon, lat] pair, got ["13.2", 53.5]'),
        ([[13.2, 53.5], [True, 53.5]], "waypoints[1] must be a [lon, lat] pair, got [true, 53.5]"),
        ([[13.2, 53.5], 7], "waypoints[1] must be a [lon, lat] pair, got 7"),
    ],
)
def test_waypoints_of_the_wrong_type_are_named_in_one_line(tmp_path, demo, value, expected):
    d = plan_to_dict(demo)
    d["corridors"][1]["waypoints"] = value
    path = tmp_path / "typo.evacplan.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_plan(path)
    message = str(info.value)
    assert "\n" not in message
    assert message == f"{path}: corridor CR2 {demo.corridors[1].name!r}: {expected}"


def test_waypoints_written_as_nan_name_the_file(tmp_path, demo):
    text = dumps_plan(demo).replace('"waypoints": []', '"waypoints": [[NaN, 53.5], [13.2, 53.5]]', 1)
    path = tmp_path / "nan.evacplan.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError, match=r"nan\.evacplan\.json: not valid JSON \(NaN is not a number in a plan\)"):
        load_plan(path)


@pytest.mark.parametrize(
    "value, field, expected",
    [
        (
            [(13.2, 53.5), (513.2, 53.5)],
            "waypoints[1].lon",
            "waypoints[1].lon must be a number ≥ -180 and ≤ 180, got 513.2",
        ),
        (
            [(13.2, 95.0), (13.2, 53.5)],
            "waypoints[0].lat",
            "waypoints[0].lat must be a number ≥ -90 and ≤ 90, got 95.0",
        ),
        (
            [(13.2, 53.5), (float("nan"), 53.5)],
            "waypoints[1].lon",
            "waypoints[1].lon must be a number ≥ -180 and ≤ 180, got nan",
        ),
        ([(13.2, 53.5)], "waypoints", "waypoints needs at least 2 distinct points, got 1"),
    ],
)
def test_waypoints_out_of_range_are_errors_naming_the_field(demo, value, field, expected):
    from planner.plan import validate

    demo.corridors[1].waypoints = value
    errs = [p for p in validate(demo) if p.severity == "error"]
    assert [(p.element_id, p.field) for p in errs] == [("CR2", field)]
    assert errs[0].message == f"corridor CR2 {demo.corridors[1].name!r}: {expected}"
