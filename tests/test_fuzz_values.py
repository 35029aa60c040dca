"""Every number and text of a plan and a variants file past the parser (issue 14, items 1, 2 and 8).

Starting from the real demo plan, each numeric field is set to its bounds
and beyond (0, -1, 1e308, NaN, ±inf, 1e-320, 10^40) and to any float
hypothesis draws; each text field to lone surrogates, control characters
and 1 MB. Validation must name the element and the field whenever the value
lies outside its physical range in :data:`planner.limits.RANGES`, accept it
when it lies inside, and never raise; messages stay short.
"""

import copy
import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import limits as L
from planner.errors import PlanError
from planner.plan import ERROR, load_plan, plan_from_dict, validate
from planner.whatif import load_variants, variants_from_dict
from planner.whatif.changes import ChangeError

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "plans" / "demo-neubrandenburg.evacplan.json"
DOC = json.loads(DEMO.read_text(encoding="utf-8"))
QUICK = settings(
    max_examples=int(os.environ.get("EVACPLAN_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
#: A message quotes a bounded part of any value: one line a terminal shows.
MAX_MESSAGE = 400

# (path into the plan dict, field name in messages, key in limits.RANGES)
NUMBERS = [
    (("rules", "approach_radius_m"), "rules.approach_radius_m", "approach_radius_m"),
    (("rules", "max_convoy_size"), "rules.max_convoy_size", "max_convoy_size"),
    (("rules", "headway_min"), "rules.headway_min", "headway_min"),
    (("rules", "loading_s_per_person"), "rules.loading_s_per_person", "loading_s_per_person"),
    (("rules", "unloading_s_per_person"), "rules.unloading_s_per_person", "unloading_s_per_person"),
    (("rules", "mobilisation_min"), "rules.mobilisation_min", "mobilisation_min"),
    (("rules", "open_road_speed_kph"), "rules.open_road_speed_kph", "open_road_speed_kph"),
    (("rules", "city_speed_kph"), "rules.city_speed_kph", "city_speed_kph"),
    (("rules", "snap_limit_m"), "rules.snap_limit_m", "snap_limit_m"),
    (("rules", "escort_teams"), "rules.escort_teams", "escort_teams"),
    (("pickups", 0, "people", "general"), "people.general", "people"),
    (("pickups", 0, "people", "reduced_mobility"), "people.reduced_mobility", "people"),
    (("pickups", 0, "people", "stretcher"), "people.stretcher", "people"),
    (("pickups", 0, "priority"), "priority", "priority"),
    (("destinations", 0, "capacity"), "capacity", "capacity"),
    (("depots", 0, "vehicles", 0, "count"), "vehicles[0].count", "count"),
    (("depots", 0, "vehicles", 0, "seats"), "vehicles[0].seats", "seats"),
    (("depots", 0, "vehicles", 0, "stretcher_places"), "vehicles[0].stretcher_places", "stretcher_places"),
    (("depots", 0, "vehicles", 0, "max_speed_kph"), "vehicles[0].max_speed_kph", "max_speed_kph"),
    (("depots", 0, "vehicles", 0, "height_m"), "vehicles[0].height_m", "height_m"),
    (("depots", 0, "vehicles", 0, "weight_t"), "vehicles[0].weight_t", "weight_t"),
    (("depots", 0, "vehicles", 0, "length_m"), "vehicles[0].length_m", "length_m"),
    (("corridors", 0, "width_m"), "width_m", "width_m"),
    (("checkpoints", 0, "minutes_per_vehicle"), "minutes_per_vehicle", "minutes_per_vehicle"),
    (("checkpoints", 0, "minutes_per_convoy"), "minutes_per_convoy", "minutes_per_convoy"),
    (("checkpoints", 0, "hold_min"), "hold_min", "hold_min"),
    (("checkpoints", 0, "seconds_per_person"), "seconds_per_person", "seconds_per_person"),
    (("checkpoints", 0, "lanes"), "lanes", "lanes"),
    (("hazards", 0, "speed_factor"), "speed_factor", "speed_factor"),
]
EDGE_VALUES = [0, -1, 0.5, 1e308, -1e308, 1e-320, 10**40, 2**63, float("nan"), float("inf"), float("-inf")]


def _doc_with(path, value):
    doc = copy.deepcopy(DOC)
    d = doc
    for k in path[:-1]:
        d = d[k]
    d[path[-1]] = value
    return doc


def _set_on_plan(plan, path, value):
    """Set a value on the loaded Plan object (the GUI's way in: no JSON type check first)."""
    obj = plan
    for k in path[:-1]:
        obj = obj[k] if isinstance(k, int) else getattr(obj, k)
    setattr(obj, path[-1], value)


def _messages_short(problems):
    for p in problems:
        assert len(p.message) <= MAX_MESSAGE, p.message[:200]
        assert "\n" not in p.message


def _check_number(path, field, key, value):
    """Load (file way) and set (model way): an error naming the field exactly when the value is out of range."""
    rng = L.RANGES[key]
    finite = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    inside = finite and rng.contains(value) and (not rng.whole or float(value).is_integer())
    plan = load_plan(DEMO)
    _set_on_plan(plan, path, value)
    problems = validate(plan)
    _messages_short(problems)
    named = [p for p in problems if p.severity == ERROR and p.field == field and " must " in p.message]
    if inside:
        assert not named, (value, [p.message for p in named])
    else:
        assert named, (field, value, [p.message for p in problems if p.severity == ERROR])
        assert field in named[0].message
    if finite:  # what JSON can hold goes through the loader too
        refused = None
        try:
            loaded = plan_from_dict(_doc_with(path, value))
        except PlanError as exc:
            refused = str(exc)
        if refused is not None:
            assert field.rsplit(".", 1)[-1].split("[")[0] in refused or "vehicles" in refused
        else:
            errs = [p for p in validate(loaded) if p.severity == ERROR and p.field == field and " must " in p.message]
            assert bool(errs) == (not inside)


@pytest.mark.parametrize("path, field, key", NUMBERS, ids=[n[1] for n in NUMBERS])
@pytest.mark.parametrize("value", EDGE_VALUES, ids=repr)
def test_every_number_at_its_bounds_and_beyond(path, field, key, value):
    _check_number(path, field, key, value)


@pytest.mark.parametrize("path, field, key", NUMBERS, ids=[n[1] for n in NUMBERS])
def test_every_number_at_the_ends_of_its_range(path, field, key):
    rng = L.RANGES[key]
    if rng.lo is not None:
        _check_number(path, field, key, rng.lo)  # the end itself (refused when open)
        _check_number(path, field, key, rng.lo - (1 if rng.whole else 1e-6))
    _check_number(path, field, key, rng.hi)
    _check_number(path, field, key, rng.hi + (1 if rng.whole else rng.hi * 1e-6))


@QUICK
@given(index=st.integers(0, len(NUMBERS) - 1), value=st.floats() | st.integers(-(10**20), 10**20))
def test_any_number_is_in_range_or_named(index, value):
    path, field, key = NUMBERS[index]
    _check_number(path, field, key, value)


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("year", [1, 1899, 2201, 9999])
def test_dates_outside_1900_to_2200_are_named_errors(year):
    """Years 1 and 9999 gave 'OverflowError: date value out of range' in the engine."""
    doc = copy.deepcopy(DOC)
    start = DOC["window"]["start"]
    doc["window"]["start"] = f"{year:04d}" + start[4:]
    doc["window"]["end"] = f"{year:04d}" + DOC["window"]["end"][4:]
    doc["pickups"][0]["ready_time"] = f"{year:04d}" + start[4:]
    plan = plan_from_dict(doc)
    errs = {p.field: p.message for p in validate(plan) if p.severity == ERROR}
    assert "window.start" in errs and f"years {L.MIN_YEAR} to {L.MAX_YEAR}" in errs["window.start"]
    assert "ready_time" in errs


def test_window_longer_than_the_limit_says_the_limit():
    doc = copy.deepcopy(DOC)
    doc["window"]["end"] = "2022-05-15T08:00:00+02:00"  # 15 days
    errs = {p.field: p.message for p in validate(plan_from_dict(doc)) if p.severity == ERROR}
    assert f"at most {L.MAX_WINDOW_DAYS} days" in errs["window.end"]


# ---------------------------------------------------------------- texts

TEXTS = [
    (("name",), "name"),
    (("notes",), "notes"),
    (("contacts", "radio_channel"), "contacts.radio_channel"),
    (("pickups", 0, "name"), "name"),
    (("destinations", 0, "name"), "name"),
    (("depots", 0, "name"), "name"),
    (("depots", 0, "vehicles", 0, "type"), "vehicles[0].type"),
    (("corridors", 0, "name"), "name"),
    (("checkpoints", 1, "name"), "name"),
    (("hazards", 0, "name"), "name"),
    (("corridors", 0, "id"), "id"),
]


@pytest.mark.parametrize("path, field", TEXTS, ids=[".".join(map(str, t[0])) for t in TEXTS])
def test_a_lone_surrogate_is_refused_at_load_naming_the_field(tmp_path, path, field):
    """'\\ud800' passed check and crashed route --json and every export with UnicodeEncodeError."""
    f = tmp_path / "s.evacplan.json"
    f.write_text(json.dumps(_doc_with(path, "Mari\ud800upol")), encoding="ascii")  # JSON escapes carry it
    with pytest.raises(PlanError) as exc:
        load_plan(f)
    msg = str(exc.value)
    assert "lone surrogate" in msg and path[-1] in msg and str(f) in msg
    msg.encode("utf-8")  # the message itself prints anywhere


def test_a_surrogate_in_plates_or_an_id_is_refused_at_load():
    for path in (("depots", 0, "vehicles", 0, "plates"), ("pickups", 0, "id")):
        value = ["AB\udc80"] if path[-1] == "plates" else "P\udc801"
        with pytest.raises(PlanError, match="lone surrogate"):
            plan_from_dict(_doc_with(path, value))


@pytest.mark.parametrize("path, field", TEXTS, ids=[".".join(map(str, t[0])) for t in TEXTS])
def test_a_one_megabyte_text_is_refused_and_quoted_short(path, field):
    """A 10 MB name was echoed in full in one 10-million-character error line."""
    big = "Azovstal " * 120_000  # about 1 MB
    plan = plan_from_dict(_doc_with(path, big))
    problems = validate(plan)
    named = [p for p in problems if p.severity == ERROR and p.field == field]
    if field == "id":  # an id too long is named by its place in the list
        assert any(p.field == "id" and "corridors[0]" in p.message for p in problems)
    else:
        assert named and "characters long" in named[0].message
    _messages_short(problems)
    assert any("…" in p.message for p in problems)


@pytest.mark.parametrize("text", ["line\nbreak", "tab\there", "esc \x1b[31mred", "nul\x00"])
def test_control_characters_in_names_are_named(text):
    plan = plan_from_dict(_doc_with(("pickups", 0, "name"), text))
    errs = [p for p in validate(plan) if p.severity == ERROR and p.field == "name"]
    assert errs and "control character" in errs[0].message
    _messages_short(errs)
    assert "\x1b" not in errs[0].message and "\x00" not in errs[0].message


@QUICK
@given(index=st.integers(0, len(TEXTS) - 1), text=st.text(max_size=300))
def test_any_text_loads_or_is_refused_and_validates_without_raising(index, text):
    path, field = TEXTS[index]
    try:
        plan = plan_from_dict(_doc_with(path, text))
    except PlanError as exc:
        str(exc).encode("utf-8")
        return
    problems = validate(plan)
    _messages_short(problems)
    for p in problems:
        p.message.encode("utf-8")


# ---------------------------------------------------------------- scale limits


def test_too_many_pickups_say_the_limit():
    doc = copy.deepcopy(DOC)
    p0 = doc["pickups"][0]
    doc["pickups"] = [{**p0, "id": f"P{i}"} for i in range(L.MAX_PICKUPS + 1)]
    errs = {p.field: p.message for p in validate(plan_from_dict(doc)) if p.severity == ERROR}
    assert f"at most {L.MAX_PICKUPS:,}" in errs["pickups"] and f"{L.MAX_PICKUPS + 1:,} pickups" in errs["pickups"]


def test_a_fleet_of_ten_million_says_the_limit():
    doc = _doc_with(("depots", 0, "vehicles", 0, "count"), L.MAX_VEHICLES)
    doc["depots"][0]["vehicles"][0]["plates"] = []
    errs = [p.message for p in validate(plan_from_dict(doc)) if p.severity == ERROR]
    assert any(f"evacplan computes at most {L.MAX_VEHICLES:,}" in m and "vehicles in the fleet" in m for m in errs)
    errs = [
        p.message
        for p in validate(plan_from_dict(_doc_with(("depots", 0, "vehicles", 0, "count"), 10**7)))
        if p.severity == ERROR
    ]
    assert any(f"at most {L.MAX_VEHICLES:,}" in m for m in errs)


def test_plates_more_than_vehicles_and_not_texts():
    doc = _doc_with(("depots", 0, "vehicles", 0, "plates"), ["A"] * 100)
    doc["depots"][0]["vehicles"][0]["count"] = 2
    errs = [p.message for p in validate(plan_from_dict(doc)) if p.severity == ERROR]
    assert any("100 plates for 2 vehicles" in m for m in errs)


# ---------------------------------------------------------------- variants files

VARIANTS = json.loads((ROOT / "resources" / "plans" / "demo-variants.json").read_text(encoding="utf-8"))

# (change, field in the message)
CHANGE_NUMBERS = [
    ({"type": "window", "duration_h": None}, "duration_h"),
    ({"type": "window", "shift_min": None}, "shift_min"),
    ({"type": "checkpoint", "id": "CP2", "hold_min": None}, "hold_min"),
    ({"type": "checkpoint", "id": "CP2", "minutes_per_vehicle": None}, "minutes_per_vehicle"),
    ({"type": "checkpoint", "id": "CP2", "lanes": None}, "lanes"),
    ({"type": "rules", "headway_min": None}, "headway_min"),
    ({"type": "rules", "approach_radius_m": None}, "approach_radius_m"),
    ({"type": "rules", "loading_s_per_person": None}, "loading_s_per_person"),
    ({"type": "rules", "max_convoy_size": None}, "max_convoy_size"),
    ({"type": "rules", "escort_teams": None}, "escort_teams"),
    ({"type": "set_fleet", "count": None}, "count"),
    ({"type": "scale_fleet", "factor": None}, "factor"),
    ({"type": "demand", "scale": None}, "scale"),
    ({"type": "add_vehicles", "depot": "DP1", "count": 1, "seats": None}, "seats"),
    ({"type": "add_vehicles", "depot": "DP1", "count": 1, "max_speed_kph": None}, "max_speed_kph"),
]


def _variant_file(change, value):
    ch = {k: (value if v is None else v) for k, v in change.items()}
    return {"format": "evacplan-variants", "version": 1, "variants": [{"name": "v", "changes": [ch]}]}


@pytest.fixture(scope="module")
def demo_plan():
    return load_plan(DEMO)


@pytest.mark.parametrize("change, field", CHANGE_NUMBERS, ids=[c[1] + "-" + c[0]["type"] for c in CHANGE_NUMBERS])
@pytest.mark.parametrize("value", [1e308, -1e308, 1e30, 10**40, -1])
def test_variant_numbers_beyond_range_are_named_errors_with_the_file(demo_plan, change, field, value):
    """window_hours 1e308 gave OverflowError; headway 1e30 ran for ever."""
    vset = variants_from_dict(_variant_file(change, value), source="my.variants.json")
    if field == "shift_min" and value == -1:
        vset.check(demo_plan)  # a minute earlier is fine
        return
    if field == "scale" and value == -1:
        pass
    with pytest.raises(ChangeError) as exc:
        vset.check(demo_plan)
    msg = str(exc.value)
    assert msg.startswith("my.variants.json: ") and field in msg and len(msg) <= MAX_MESSAGE


@QUICK
@given(
    index=st.integers(0, len(CHANGE_NUMBERS) - 1),
    value=st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**30), 10**30),
)
def test_any_variant_number_applies_or_is_named(demo_plan, index, value):
    change, field = CHANGE_NUMBERS[index]
    vset = variants_from_dict(_variant_file(change, value), source="f.json")
    refused = None
    try:
        vset.check(demo_plan)
    except ChangeError as exc:
        refused = str(exc)
    if refused is not None:
        assert refused.startswith("f.json: ")
        return
    from planner.whatif import apply_variant

    plan = apply_variant(demo_plan, vset.variants[0])
    _messages_short(validate(plan))  # the applied plan validates without raising


@pytest.mark.parametrize(
    "parameter, values",
    [
        ("window_hours", [4, 1e308]),
        ("hold_min", [10, 1e308]),
        ("checkpoint_minutes", [1e30]),
        ("fleet_scale", [1e308]),
    ],
)
def test_sweep_values_beyond_range_are_named_errors(demo_plan, parameter, values):
    d = {
        "format": "evacplan-variants",
        "version": 1,
        "sweeps": [{"name": "s", "parameter": parameter, "values": values}],
    }
    with pytest.raises(ChangeError, match="at most"):
        variants_from_dict(d, source="s.json").check(demo_plan)


def test_a_ten_thousand_point_sweep_and_ten_thousand_variants_say_the_limit(demo_plan):
    sweep = {
        "format": "evacplan-variants",
        "version": 1,
        "sweeps": [{"name": "s", "parameter": "fleet", "range": {"from": 1, "to": 10_000, "step": 1}}],
    }
    with pytest.raises(PlanError, match=f"at most {L.MAX_SWEEP_POINTS:,} points"):
        variants_from_dict(sweep, source="s.json")
    sweep["sweeps"][0]["range"] = {"from": 0, "to": 1e308, "step": 1e-308}
    with pytest.raises(PlanError, match="at most"):
        variants_from_dict(sweep, source="s.json")
    many = {
        "format": "evacplan-variants",
        "version": 1,
        "variants": [{"name": f"v{i}", "changes": []} for i in range(10_000)],
    }
    with pytest.raises(PlanError, match=f"at most {L.MAX_VARIANTS:,} variants"):
        variants_from_dict(many, source="m.json")
    runs = {
        "format": "evacplan-variants",
        "version": 1,
        "variants": [{"name": f"v{i}", "changes": []} for i in range(L.MAX_VARIANTS)],
        "sweeps": [
            {"name": f"s{k}", "parameter": "fleet", "range": {"from": 1, "to": L.MAX_SWEEP_POINTS, "step": 1}}
            for k in range(2)
        ],
    }
    with pytest.raises(PlanError, match=f"at most {L.MAX_WHATIF_RUNS:,}"):
        variants_from_dict(runs, source="r.json").check(demo_plan)


@pytest.mark.parametrize(
    "variant",
    [
        {"name": "Stadt\ud800", "changes": []},
        {"name": "ok", "description": "\udfff", "changes": []},
        {"name": "ok", "changes": [{"type": "close_road", "point": [13.26, 53.53], "name": "\ud800"}]},
    ],
)
def test_a_surrogate_in_a_variants_file_is_refused_naming_the_file(tmp_path, variant):
    f = tmp_path / "v.json"
    f.write_text(json.dumps({"format": "evacplan-variants", "version": 1, "variants": [variant]}), encoding="ascii")
    with pytest.raises(PlanError) as exc:
        load_variants(f)
    assert str(exc.value).startswith(str(f)) and "lone surrogate" in str(exc.value)


def test_variant_change_errors_name_the_file(tmp_path, demo_plan):
    """Five variants-file errors named the variant and the change but not the file."""
    cases = [
        {"type": "checkpoint", "id": "CP9", "lanes": 1},
        {"type": "teleport"},
        {"type": "checkpoint", "id": "CP2", "lanes": 0},
        {"type": "remove_vehicles", "depot": "DP1", "count": 10_000},
        {"type": "window", "start": "2022-04-30T08:00"},
    ]
    for i, ch in enumerate(cases):
        f = tmp_path / f"v{i}.json"
        f.write_text(
            json.dumps({"format": "evacplan-variants", "version": 1, "variants": [{"name": "x", "changes": [ch]}]}),
            encoding="utf-8",
        )
        with pytest.raises(ChangeError) as exc:
            load_variants(f).check(demo_plan)
        assert str(exc.value).startswith(f"{f}: variant 'x' changes[0]"), str(exc.value)
