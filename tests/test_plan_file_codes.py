"""Every error of reading a plan file carries a code and params beside its English text (for the GUI to
translate), and the English text is the one the CLI has always printed.

Real files in tmp_path, read back by the real reader.
"""

import json

import pytest

from planner.errors import PlanError
from planner.messages import Message
from planner.plan import load_plan
from planner.plan.fileformat import FILE_MESSAGES
from planner.plan.problems import MESSAGES


def _demo(demo_plan_path) -> dict:
    return json.loads(demo_plan_path.read_text(encoding="utf-8"))


def _with(**top):
    def make(d):
        d.update(top)
        return json.dumps(d)

    return make


#: case -> (file text or bytes from the demo dict, code, the English text after "<path>: ").
FILE_CASES = {
    "utf8": (lambda d: b'{"format": "\xff"}', "not_utf8", "not UTF-8 text (byte 12)"),
    "json": (lambda d: '{"format": "evacplan", oops}', "not_json", "not valid JSON (line 1, column 24: Expecting "),
    "nan": (
        lambda d: '{"format": "evacplan", "x": NaN}',
        "not_number",
        "not valid JSON (NaN is not a number in a plan)",
    ),
    "deep": (lambda d: "[" * 100_000 + "]" * 100_000, "too_deep", "JSON nested too deeply"),
    "plan": (lambda d: "[1]", "not_plan", 'not an evacplan plan (expected a JSON object with "format": "evacplan")'),
    "version_type": (_with(version="3"), "version_type", "'version' must be a whole number, got '3'"),
    "newer": (_with(version=4), "version_newer", "made by a newer evacplan (format version 4; this one reads up to 3)"),
    "old": (_with(version=-1), "version_unsupported", "format version -1 is not supported"),
}


@pytest.mark.parametrize("case", list(FILE_CASES))
def test_a_file_that_is_not_a_plan_says_why_with_a_code(case, demo_plan_path, tmp_path):
    make, code, english = FILE_CASES[case]
    path = tmp_path / "broken.evacplan.json"
    data = make(_demo(demo_plan_path))
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    with pytest.raises(PlanError) as err:
        load_plan(path)
    e = err.value
    assert (e.code, e.where) == (code, str(path))
    assert str(e).startswith(f"{path}: {english}")
    assert str(e) == f"{path}: " + Message(code, FILE_MESSAGES[code], e.params).text  # the code says it all


def test_every_problem_the_reader_finds_has_a_code(demo_plan_path, tmp_path):
    d = _demo(demo_plan_path)
    d["window"]["start"] = "2022-04-30T08:00"  # no offset
    d["window"]["no_night"] = None
    d["rules"]["snap_limit_m"] = "far"
    d["rules"]["colour"] = "red"
    d["pickups"][0]["ready_time"] = "soon"
    d["pickups"][1] = "P2"
    d["pickups"][2]["id"] = ""
    d["checkpoints"][0]["lanes"] = 2.5  # read as it is: validation says it
    d["corridors"][0]["line"] = [[13.2, 53.5], [13.3]]
    d["depots"][0]["vehicles"] = {"coach": 3}
    d["hazards"] = {"H1": {}}
    del d["destinations"][0]["lat"]
    path = tmp_path / "many.evacplan.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(PlanError) as err:
        load_plan(path)
    e = err.value
    assert (e.code, e.where, e.params) == ("problems", str(path), {"n": len(e.problems) - 1})
    assert str(e) == f"{path}: {e.problems[0].message} (and {len(e.problems) - 1} more problems)"
    codes = [p.code for p in e.problems]
    assert {"no_offset", "null", "number_type", "unknown_field", "datetime_type", "not_object", "id_empty"} <= set(
        codes
    )
    assert {"pair_type", "vehicles_type", "list_type", "missing"} <= set(codes)
    for p in e.problems:
        where = p.message[: -len(Message(p.code, MESSAGES[p.code], p.params).text) - 2]
        assert p.message == f"{where}: " + Message(p.code, MESSAGES[p.code], p.params).text
    assert not any(p.field == "lanes" for p in e.problems)  # 2.5 lanes is validation's, not the reader's


def test_a_bad_window_end_says_so_in_the_words_of_before(demo_plan_path, tmp_path):
    d = _demo(demo_plan_path)
    d["window"] = {"start": "2022-04-30T08:00+02:00", "end": "x"}
    path = tmp_path / "w.evacplan.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(PlanError) as err:
        load_plan(path)
    assert [p.code for p in err.value.problems] == ["datetime_type"]
    assert str(err.value) == (f'{path}: plan window: end must be a date and time like 2022-04-30T08:00+02:00, got "x"')
