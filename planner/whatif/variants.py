"""Variants files: named lists of changes and sweeps, versioned like the plan file.

A variants file (``*.variants.json``) is one JSON object::

    {
      "format": "evacplan-variants",
      "version": 1,
      "plan": "demo-neubrandenburg.evacplan.json",      # optional: the base plan it was written for
      "variants": [
        {"name": "Neustrelitzer Str. closed", "description": "...",
         "changes": [{"type": "close_road", "point": [13.2601, 53.5312]}]},
        ...
      ],
      "sweeps": [
        {"name": "Fleet size", "parameter": "fleet", "vehicle_type": "bus",
         "range": {"from": 10, "to": 60, "step": 10}},
        {"name": "CP2 minutes", "parameter": "checkpoint_minutes", "checkpoint": "CP2", "values": [10, 20, 30]},
        {"name": "Custom", "change": {"type": "rules", "max_convoy_size": 0}, "field": "max_convoy_size",
         "values": [5, 10, 15]}
      ]
    }

Change types are listed in :data:`planner.whatif.changes.CHANGES`. A sweep
varies one number: a named ``parameter`` (:data:`PARAMETERS`) or any change
template ``change`` whose ``field`` takes each value; its optional
``changes`` are applied first (a sweep over a variant).
"""

from __future__ import annotations

import copy
import json
import math
from dataclasses import dataclass
from dataclasses import field as _field  # "field" is also a Sweep attribute
from pathlib import Path

from planner import fileio
from planner import limits as L
from planner.errors import PlanError, has_surrogate, quote
from planner.limits import MAX_SWEEP_POINTS, MAX_VARIANTS, MAX_WHATIF_RUNS
from planner.whatif.changes import ChangeError, apply_changes

FORMAT = "evacplan-variants"
VERSION = 1
#: The name of the base plan's column; no variant may use it.
BASE_NAME = "base"

# One function per version step, like the plan file's migrations: MIGRATIONS[n] turns version n into n+1.
MIGRATIONS: dict = {}


@dataclass
class Variant:
    """A named list of changes (JSON dicts, see :mod:`planner.whatif.changes`) to a base plan."""

    name: str
    changes: list = _field(default_factory=list)
    description: str = ""

    def to_dict(self) -> dict:
        d = {"name": self.name}
        if self.description:
            d["description"] = self.description
        d["changes"] = copy.deepcopy(self.changes)
        return d


@dataclass
class SweepParameter:
    """A named sweep parameter: the change it makes, whether values are whole, which way is better."""

    label: str
    whole: bool
    more_is_better: bool
    needs: tuple = ()  # sweep fields it reads


#: Named sweep parameters. Checkpoint parameters apply to ``checkpoint`` (an id or a list) or to every checkpoint.
PARAMETERS = {
    "fleet": SweepParameter("vehicles", True, True, ("vehicle_type", "depot")),
    "fleet_scale": SweepParameter("fleet factor", False, True, ("vehicle_type", "depot")),
    "window_hours": SweepParameter("window (h)", False, True),
    "checkpoint_minutes": SweepParameter("checkpoint min/vehicle", False, False, ("checkpoint",)),
    "checkpoint_lanes": SweepParameter("checkpoint lanes", True, True, ("checkpoint",)),
    "hold_min": SweepParameter("checkpoint hold (min)", False, False, ("checkpoint",)),
    "demand_scale": SweepParameter("demand factor", False, False, ("pickup",)),
}


@dataclass
class Sweep:
    """Vary one number over ``values``: the curve of people out, and the value that moves everyone.

    Either ``parameter`` (a key of :data:`PARAMETERS`) with its options
    (``vehicle_type``, ``depot``, ``checkpoint``, ``pickup``), or ``change``
    (a change template) and ``field`` (the key set to each value).
    """

    name: str
    values: list
    parameter: str | None = None
    options: dict = _field(default_factory=dict)
    change: dict | None = None
    field: str | None = None
    changes: list = _field(default_factory=list)
    more_is_better: bool | None = None  # None: read from the curve

    @property
    def label(self) -> str:
        if self.parameter in PARAMETERS:
            return PARAMETERS[self.parameter].label
        return self.field or self.parameter or "value"

    def point_changes(self, plan, value) -> list:
        """The changes for one sweep point on ``plan`` (the base): the sweep's own first, then the swept one."""
        if self.change is not None:
            ch = copy.deepcopy(self.change)
            ch[self.field] = value
            return self.changes + [ch]
        o = self.options
        p = self.parameter
        if p in ("fleet", "fleet_scale"):
            ch = {"type": "set_fleet", "count": value} if p == "fleet" else {"type": "scale_fleet", "factor": value}
            if p == "fleet" or o.get("vehicle_type"):
                ch["vehicle_type"] = o.get("vehicle_type", "bus")
            if o.get("depot"):
                ch["depot"] = o["depot"]
            return self.changes + [ch]
        if p == "window_hours":
            return self.changes + [{"type": "window", "duration_h": value}]
        if p == "demand_scale":
            ch = {"type": "demand", "scale": value}
            if o.get("pickup"):
                ch["pickup"] = o["pickup"]
            return self.changes + [ch]
        key = {"checkpoint_minutes": "minutes_per_vehicle", "checkpoint_lanes": "lanes", "hold_min": "hold_min"}[p]
        ids = o.get("checkpoint")
        if ids is None:
            ids = [c.id for c in plan.checkpoints]
        elif isinstance(ids, str):
            ids = [ids]
        return self.changes + [{"type": "checkpoint", "id": i, key: value} for i in ids]

    def variants(self, plan) -> list:
        """One :class:`Variant` per value, named ``"<sweep>: <label> = <value>"``."""
        return [Variant(f"{self.name}: {self.label} = {_fmt(v)}", self.point_changes(plan, v)) for v in self.values]

    def to_dict(self) -> dict:
        d = {"name": self.name}
        if self.parameter:
            d["parameter"] = self.parameter
        d.update(self.options)
        if self.change is not None:
            d["change"] = copy.deepcopy(self.change)
            d["field"] = self.field
        d["values"] = list(self.values)
        if self.changes:
            d["changes"] = copy.deepcopy(self.changes)
        if self.more_is_better is not None:
            d["more_is_better"] = self.more_is_better
        return d


def _fmt(v) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


@dataclass
class VariantSet:
    """What a variants file holds: variants and sweeps (and the plan it was written for, if it says)."""

    variants: list = _field(default_factory=list)
    sweeps: list = _field(default_factory=list)
    plan: str | None = None
    source: str | None = _field(default=None, compare=False)  # the file it was read from, for messages

    def to_dict(self) -> dict:
        d = {"format": FORMAT, "version": VERSION}
        if self.plan:
            d["plan"] = self.plan
        d["variants"] = [v.to_dict() for v in self.variants]
        d["sweeps"] = [s.to_dict() for s in self.sweeps]
        return d

    def check(self, plan) -> None:
        """Apply every variant and sweep point to a copy of ``plan``; one :class:`PlanError` listing every failure."""
        problems = []
        head = f"{self.source}: " if self.source else ""
        runs = 1 + len(self.variants) + sum(len(s.values) for s in self.sweeps)
        if runs > MAX_WHATIF_RUNS:
            raise ChangeError(
                f"{head}{runs:,} runs (the base, {len(self.variants)} variants and the sweep points); "
                f"evacplan computes at most {MAX_WHATIF_RUNS:,} in one what-if"
            )
        for v in self.variants + [x for s in self.sweeps for x in s.variants(plan)]:
            try:
                apply_changes(plan.copy(), v.changes, variant_name=v.name)
            except ChangeError as exc:
                problems.append(head + str(exc))
        if problems:
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise ChangeError(problems[0] + more, problems)


# ---------------------------------------------------------------- reading


def _fail(source, text):
    raise PlanError(f"{source}: {text}")


def _keys(source, where, d, allowed, required=()):
    if not isinstance(d, dict):
        _fail(source, f"{where} must be an object, got {type(d).__name__}")
    for k in d:
        if k not in allowed:
            _fail(source, f"{where}: unknown field {quote(k)} (allowed: {', '.join(sorted(allowed))})")
    for k in required:
        if k not in d:
            _fail(source, f"{where}: {k} is missing")


def _name(source, where, d, seen):
    name = d.get("name")
    if not isinstance(name, str) or not name.strip():
        _fail(source, f"{where}: name must be a non-empty text, got {quote(name)}")
    if len(name) > L.MAX_NAME_CHARS:
        _fail(source, f"{where}: name is {len(name):,} characters long, at most {L.MAX_NAME_CHARS}: {quote(name)}")
    if name == BASE_NAME or name in seen:
        _fail(
            source,
            f"{where}: the name {name!r} is " + ("reserved for the base plan" if name == BASE_NAME else "used twice"),
        )
    seen.add(name)
    return name


def _is_num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _sweep_values(source, where, d, whole):
    if ("values" in d) == ("range" in d):
        _fail(source, f"{where}: give either values [...] or range {{from, to, step}}")
    if "values" in d:
        values = d["values"]
        if not isinstance(values, list) or not values or not all(_is_num(v) for v in values):
            _fail(source, f"{where}: values must be a non-empty list of numbers")
    else:
        r = d["range"]
        _keys(source, f"{where} range", r, {"from", "to", "step"}, ("from", "to", "step"))
        a, b, step = r["from"], r["to"], r["step"]
        if not all(_is_num(x) for x in (a, b, step)) or step <= 0 or b < a:
            _fail(source, f"{where} range: from <= to and step > 0 must be numbers, got {quote(str(r))}")
        span = (b - a) / step
        if not math.isfinite(span) or span > MAX_SWEEP_POINTS:
            _fail(
                source,
                f"{where} range: more than {MAX_SWEEP_POINTS:,} points; evacplan computes at most "
                f"{MAX_SWEEP_POINTS:,} points of a sweep (each is a full schedule)",
            )
        n = int(math.floor(span + 1e-9)) + 1
        if n > MAX_SWEEP_POINTS:
            _fail(
                source,
                f"{where} range: {n:,} points; evacplan computes at most {MAX_SWEEP_POINTS:,} "
                "points of a sweep (each is a full schedule)",
            )
        values = [a + i * step for i in range(n)]
        values = [round(v, 9) for v in values]
    if len(values) > MAX_SWEEP_POINTS:
        _fail(
            source,
            f"{where}: {len(values):,} values; evacplan computes at most {MAX_SWEEP_POINTS:,} "
            "points of a sweep (each is a full schedule)",
        )
    if whole:
        if not all(float(v).is_integer() for v in values):
            _fail(source, f"{where}: values must be whole numbers")
        values = [int(v) for v in values]
    return values


_SWEEP_KEYS = {
    "name",
    "parameter",
    "values",
    "range",
    "changes",
    "change",
    "field",
    "more_is_better",
    "vehicle_type",
    "depot",
    "checkpoint",
    "pickup",
}


def _sweep_from_dict(source, where, d, seen) -> Sweep:
    _keys(source, where, d, _SWEEP_KEYS)
    name = _name(source, where, d, seen)
    param = d.get("parameter")
    change, fld = d.get("change"), d.get("field")
    options = {}
    if change is not None:
        if not isinstance(change, dict) or not isinstance(fld, str) or not fld:
            _fail(source, f"{where}: change must be a change object and field the name of the key to vary")
        whole = False
    elif param in PARAMETERS:
        spec = PARAMETERS[param]
        whole = spec.whole
        for k in ("vehicle_type", "depot", "checkpoint", "pickup"):
            if k in d:
                if k not in spec.needs:
                    _fail(source, f"{where}: {k} does not apply to parameter {param!r}")
                v = d[k]
                ok = (isinstance(v, str) and v) or (
                    k == "checkpoint" and isinstance(v, list) and all(isinstance(x, str) for x in v)
                )
                if not ok:
                    _fail(source, f"{where}: {k} must be an id text, got {quote(v)}")
                options[k] = v
    else:
        _fail(
            source,
            f"{where}: unknown sweep parameter {quote(param)} "
            f"(known: {', '.join(PARAMETERS)}; or give change and field)",
        )
    changes = d.get("changes", [])
    if not isinstance(changes, list):
        _fail(source, f"{where}: changes must be a list")
    mib = d.get("more_is_better")
    if mib is not None and not isinstance(mib, bool):
        _fail(source, f"{where}: more_is_better must be true or false")
    if mib is None and change is None:
        mib = PARAMETERS[param].more_is_better
    return Sweep(
        name=name,
        values=_sweep_values(source, where, d, whole),
        parameter=param,
        options=options,
        change=change,
        field=fld,
        changes=changes,
        more_is_better=mib,
    )


def variants_from_dict(d, source="variants") -> VariantSet:
    """Build a :class:`VariantSet` from a variants file's dict (any known version).

    Raises
    ------
    PlanError
        Naming the file, the variant or sweep and the field. Change types and
        element references are checked against a plan by :meth:`VariantSet.check`.
    """
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        _fail(source, f'not a variants file (expected a JSON object with "format": "{FORMAT}")')
    version = d.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        _fail(source, f"'version' must be a whole number, got {quote(version)}")
    if version > VERSION:
        _fail(source, f"made by a newer evacplan (variants format version {version}; this one reads up to {VERSION})")
    while version < VERSION:
        if version not in MIGRATIONS:
            _fail(source, f"variants format version {version} is not supported")
        d = MIGRATIONS[version](d)
        version = d["version"]
    _keys(source, "file", d, {"format", "version", "plan", "variants", "sweeps"})
    plan = d.get("plan")
    if plan is not None and not isinstance(plan, str):
        _fail(source, f"plan must be a text (the base plan's file name), got {quote(plan)}")
    seen = set()
    out = VariantSet(plan=plan, source=source)
    variants, sweeps = d.get("variants", []), d.get("sweeps", [])
    if not isinstance(variants, list) or not isinstance(sweeps, list):
        _fail(source, "variants and sweeps must be lists")
    if len(variants) > MAX_VARIANTS:
        _fail(
            source,
            f"{len(variants):,} variants; evacplan computes at most {MAX_VARIANTS:,} variants of a plan "
            "(each is a full schedule)",
        )
    for i, vd in enumerate(variants):
        where = f"variants[{i}]"
        _keys(source, where, vd, {"name", "description", "changes"}, ("name", "changes"))
        name = _name(source, where, vd, seen)
        if not isinstance(vd["changes"], list):
            _fail(source, f"variant {name!r}: changes must be a list")
        desc = vd.get("description", "")
        if not isinstance(desc, str):
            _fail(source, f"variant {name!r}: description must be a text")
        out.variants.append(Variant(name=name, changes=vd["changes"], description=desc))
    for i, sd in enumerate(sweeps):
        out.sweeps.append(_sweep_from_dict(source, f"sweeps[{i}]", sd, seen))
    if not out.variants and not out.sweeps:
        _fail(source, "no variants and no sweeps: nothing to compare")
    return out


def load_variants(path) -> VariantSet:
    """Read a variants file (see the module docstring for the format).

    Raises
    ------
    PlanError
        When the file cannot be read, is not JSON, or is not a variants file.
    """
    path = Path(path)
    raw = fileio.read_input_bytes(path, "the variants file", L.MAX_VARIANTS_BYTES, error=PlanError)
    try:
        d = json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        raise PlanError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise PlanError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except (ValueError, RecursionError) as exc:
        raise PlanError(f"{path}: not valid JSON ({exc})") from None
    bad = _surrogate_at(d)
    if bad:
        raise PlanError(f"{path}: {bad} holds a lone surrogate (not a character)")
    return variants_from_dict(d, source=str(path))


def _surrogate_at(v, where="file"):
    """Where in a JSON value a text (or key) holds a lone surrogate, or ``None``."""
    if isinstance(v, str):
        return where if has_surrogate(v) else None
    if isinstance(v, list):
        for i, x in enumerate(v):
            if (w := _surrogate_at(x, f"{where}[{i}]")) is not None:
                return w
    elif isinstance(v, dict):
        for k, x in v.items():
            if has_surrogate(k):
                return f"{where}: a key"
            if (w := _surrogate_at(x, f"{where}.{k}")) is not None:
                return w
    return None


def _reject_constant(name):
    raise ValueError(f"{name} is not a number in a variants file")


def dumps_variants(vset: VariantSet) -> str:
    """The variants file text (UTF-8 JSON, 2-space indent, ends with a newline)."""
    return json.dumps(vset.to_dict(), indent=2, ensure_ascii=False) + "\n"
