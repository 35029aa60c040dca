"""Broken plan files: the loader raises PlanError and nothing else (hypothesis).

Mutations start from the real sample plans: truncation, byte damage, and
structural edits (a value replaced by any JSON value, a key dropped, an
element duplicated). Whatever loads must also validate and save without
raising anything but PlanError.
"""

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.errors import PlanError
from planner.plan import Plan, dumps_plan, load_plan, plan_from_dict, validate

PLANS = Path(__file__).resolve().parent.parent / "resources" / "plans"
SAMPLES = [
    (PLANS / "demo-neubrandenburg.evacplan.json").read_bytes(),
    (PLANS / "mariupol-azovstal-2022.evacplan.json").read_bytes(),
]
WORK = Path(tempfile.mkdtemp(prefix="evacplan-fuzz-"))
# EVACPLAN_FUZZ_EXAMPLES=5000 for a long local run; the default keeps the suite fast.
FUZZ = settings(
    max_examples=int(os.environ.get("EVACPLAN_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["2022-04-30T08:00:00+02:00", "2022-04-30T08:00", "08:00", "slow", "blocked", "P1", ""]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=8,
)


def _survives(data: bytes):
    """Load ``data`` as a plan file; anything but a Plan or a PlanError fails the test."""
    path = WORK / "fuzz.evacplan.json"
    path.write_bytes(data)
    try:
        plan = load_plan(path)
    except PlanError as exc:
        message = str(exc)
    else:
        message = None
    if message is not None:
        assert message  # a message for the planner
        return None
    assert isinstance(plan, Plan)
    problems = validate(plan)
    assert all(p.message for p in problems)
    try:
        text = dumps_plan(plan)
    except PlanError:
        return plan
    # what loads saves again, and the saved form is stable
    again = plan_from_dict(json.loads(text))
    assert dumps_plan(again) == text
    return plan


@FUZZ
@given(sample=st.sampled_from(SAMPLES), cut=st.floats(0, 1))
def test_truncated_files(sample, cut):
    _survives(sample[: int(len(sample) * cut)])


@FUZZ
@given(
    sample=st.sampled_from(SAMPLES),
    edits=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=3)), min_size=1, max_size=4),
)
def test_damaged_bytes(sample, edits):
    data = bytearray(sample)
    for where, junk in edits:
        i = int(where * (len(data) - 1))
        data[i : i + len(junk)] = junk
    _survives(bytes(data))


def _containers(obj, path=()):
    """Every (path, container) inside a JSON document."""
    yield path, obj
    items = obj.items() if isinstance(obj, dict) else enumerate(obj) if isinstance(obj, list) else ()
    for k, v in items:
        if isinstance(v, (dict, list)):
            yield from _containers(v, path + (k,))


@FUZZ
@given(sample=st.sampled_from(SAMPLES), data=st.data())
def test_structural_mutations(sample, data):
    doc = json.loads(sample)
    for _ in range(data.draw(st.integers(1, 3))):
        spots = [(p, c) for p, c in _containers(doc) if c]
        if not spots:
            break
        _, box = data.draw(st.sampled_from(spots))
        key = data.draw(st.sampled_from(list(box) if isinstance(box, dict) else list(range(len(box)))))
        action = data.draw(st.sampled_from(["replace", "delete", "duplicate"]))
        if action == "replace":
            box[key] = data.draw(json_values)
        elif action == "delete":
            del box[key]
        elif isinstance(box, list):
            box.append(json.loads(json.dumps(box[key])))
        else:
            box[key + "_"] = box[key]
    _survives(json.dumps(doc, ensure_ascii=data.draw(st.booleans())).encode())


@FUZZ
@given(value=json_values)
def test_whole_document_replaced(value):
    _survives(json.dumps(value).encode())
