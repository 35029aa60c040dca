"""The change vocabulary of what-if variants: plain JSON dicts applied to a plan copy.

A change is a JSON object with a ``"type"`` and the fields of that type, for example::

    {"type": "close_road", "point": [13.2601, 53.5312], "name": "bridge gone"}
    {"type": "checkpoint", "id": "CP2", "lanes": 1, "hold_min": 60}
    {"type": "scale_fleet", "factor": 0.5}
    {"type": "window", "duration_h": 4}

:data:`CHANGES` lists every type with its fields; :func:`apply_changes` applies
a list of them to a plan **in place** (callers pass a copy; :func:`apply_variant`
does the copying). Every error names the variant, the change (``changes[2]``),
its type and the missing element or wrong field, and is raised as
:class:`planner.errors.PlanError`.

Coordinates are WGS84 ``[lon, lat]`` degrees like the plan file; durations in
minutes (``*_min``) or hours (``*_h``); times ISO 8601 with a UTC offset.
"""

from __future__ import annotations

import math
from dataclasses import fields
from datetime import datetime, time, timedelta

from planner import limits as L
from planner.errors import PlanError, has_surrogate, quote
from planner.limits import RANGES
from planner.plan import (
    HAZARD_EFFECTS,
    Checkpoint,
    Depot,
    HazardZone,
    RoadClosure,
    Rules,
    VehicleType,
    describe,
    haversine_m,
    new_id,
)

#: reopen_road with a point or line reopens the closures within this distance of it (metres).
REOPEN_TOLERANCE_M = 50.0

_GROUPS = ("general", "reduced_mobility", "stretcher")


class ChangeError(PlanError):
    """A change cannot be applied: unknown type, wrong field, missing element."""


# ---------------------------------------------------------------- reading fields


class _Change:
    """One change being applied: its dict, its place for messages, typed field access."""

    def __init__(self, d, where):
        self.d = d
        self.where = where

    def fail(self, text):
        raise ChangeError(f"{self.where}: {text}")

    def has(self, key):
        return key in self.d and self.d[key] is not None

    def number(self, key, default=None, lo=None, lo_open=False, whole=False, rng=None):
        """A number; ``lo`` as given, the upper end from :data:`planner.limits.RANGES` [``rng`` or ``key``]."""
        if not self.has(key):
            if default is None:
                self.fail(f"{key} is missing")
            return default
        v = self.d[key]
        ok = isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
        if ok and whole:
            ok = float(v).is_integer()
        if not ok:
            self.fail(f"{key} must be {'a whole number' if whole else 'a number'}, got {quote(v)}")
        if lo is not None and (v <= lo if lo_open else v < lo):
            self.fail(f"{key} must be {'above' if lo_open else 'at least'} {lo}, got {quote(v)}")
        r = RANGES.get(rng or key)
        if r is not None and r.hi is not None and v > r.hi:
            self.fail(f"{key} must be at most {r.describe().split('≤ ')[-1]}, got {quote(v)}")
        return int(v) if whole else float(v)

    def ranged(self, key):
        """A number within its whole physical range :data:`planner.limits.RANGES` [``key``]."""
        r = RANGES[key]
        v = self.number(key, whole=r.whole)
        if not r.contains(v):
            self.fail(f"{key} must be {r.describe()}, got {quote(v)}")
        return v

    def text(self, key, default=None):
        if not self.has(key):
            if default is None:
                self.fail(f"{key} is missing")
            return default
        v = self.d[key]
        if not isinstance(v, str) or not (v or default == ""):  # optional names may be empty
            self.fail(f"{key} must be a non-empty text, got {quote(v)}")
        if len(v) > L.MAX_NAME_CHARS or has_surrogate(v):
            self.fail(f"{key} must be text of at most {L.MAX_NAME_CHARS} characters, got {quote(v)}")
        return v

    def flag(self, key, default=None):
        if not self.has(key):
            return default
        v = self.d[key]
        if not isinstance(v, bool):
            self.fail(f"{key} must be true or false, got {v!r}")
        return v

    def when(self, key):
        v = self.d.get(key)
        try:
            t = datetime.fromisoformat(v) if isinstance(v, str) else None
        except ValueError:
            t = None
        if t is None or t.tzinfo is None:
            self.fail(f"{key} must be a date and time with a UTC offset like 2022-04-30T08:00+02:00, got {quote(v)}")
        if not L.MIN_YEAR <= t.year <= L.MAX_YEAR:
            self.fail(f"{key} must lie in the years {L.MIN_YEAR} to {L.MAX_YEAR}, got {quote(v)}")
        return t

    def clock(self, key):
        """A daily time like ``"08:00"``; ``None`` stays ``None`` (always open)."""
        v = self.d.get(key)
        if v is None:
            return None
        try:
            return time.fromisoformat(v)
        except (TypeError, ValueError):
            self.fail(f"{key} must be a time like 08:00, got {quote(v)}")

    def coords(self, key, min_points):
        v = self.d.get(key)
        out = []
        if isinstance(v, list):
            for c in v:
                if not _is_lonlat(c):
                    break
                out.append((float(c[0]), float(c[1])))
            else:
                if len(out) >= min_points:
                    return out
        self.fail(f"{key} must be a list of at least {min_points} [lon, lat] pairs, got {_show(v)}")

    def point(self, key="point"):
        v = self.d.get(key)
        if not _is_lonlat(v):
            self.fail(f"{key} must be a [lon, lat] pair, got {_show(v)}")
        return (float(v[0]), float(v[1]))

    def geometry(self):
        """``point`` or ``line``: the closure geometry as a list of (lon, lat)."""
        if self.has("point") == self.has("line"):
            self.fail("give either point [lon, lat] or line [[lon, lat], ...]")
        return [self.point()] if self.has("point") else self.coords("line", 2)

    def element(self, plan, layer, key="id", kind=None):
        el_id = self.text(key)
        for el in getattr(plan, layer):
            if el.id == el_id:
                return el
        kind = kind or layer.rstrip("s")
        self.fail(f"{kind} {el_id!r} is not in the plan")

    def new_id(self, plan, kind):
        if not self.has("id"):
            return new_id(plan, kind)
        el_id = self.text("id")
        if plan.element(el_id) is not None:
            self.fail(f"id {el_id!r} is already used by {describe(plan.element(el_id))}")
        return el_id


def _is_lonlat(c) -> bool:
    return (
        isinstance(c, (list, tuple))
        and len(c) == 2
        and all(isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) for x in c)
        and -180 <= c[0] <= 180
        and -90 <= c[1] <= 90
    )


def _show(v) -> str:
    return quote(v)


def _round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5 + 1e-9))


# ---------------------------------------------------------------- roads and hazards


def close_road(plan, c: _Change):
    """Close a road: a new road closure at ``point`` or along ``line`` (optional ``id``, ``name``)."""
    pts = c.geometry()
    plan.closures.append(RoadClosure(id=c.new_id(plan, "closure"), name=c.text("name", ""), points=pts))


def reopen_road(plan, c: _Change):
    """Remove a road closure: by ``id``, or every closure within 50 m of ``point`` / ``line``."""
    if c.has("id"):
        plan.closures.remove(c.element(plan, "closures", kind="road closure"))
        return
    pts = c.geometry()
    keep = [x for x in plan.closures if not _near(x.points, pts, REOPEN_TOLERANCE_M)]
    if len(keep) == len(plan.closures):
        c.fail(f"no road closure within {REOPEN_TOLERANCE_M:.0f} m of {_show([list(p) for p in pts])}")
    plan.closures[:] = keep


def _near(a, b, tol_m) -> bool:
    """Whether any vertex of ``a`` lies within ``tol_m`` of a vertex of ``b`` (both (lon, lat) lists)."""
    return any(haversine_m(x0, y0, x1, y1) <= tol_m for x0, y0 in a for x1, y1 in b)


def add_hazard(plan, c: _Change):
    """A new hazard zone: ``polygon``, ``effect`` (blocked, default, or slow), ``speed_factor``, ``id``, ``name``."""
    effect = c.text("effect", "blocked")
    if effect not in HAZARD_EFFECTS:
        c.fail(f"effect must be one of {', '.join(HAZARD_EFFECTS)}, got {effect!r}")
    hz = HazardZone(id=c.new_id(plan, "hazard"), name=c.text("name", ""), polygon=c.coords("polygon", 3), effect=effect)
    if c.has("speed_factor"):
        hz.speed_factor = c.number("speed_factor", lo=0, lo_open=True)
    plan.hazards.append(hz)


def remove_hazard(plan, c: _Change):
    """Remove hazard zone ``id``."""
    plan.hazards.remove(c.element(plan, "hazards", kind="hazard zone"))


# ---------------------------------------------------------------- checkpoints


def set_checkpoint(plan, c: _Change):
    """Change checkpoint ``id``: ``lanes``, ``minutes_per_vehicle``, ``hold_min``, ``open_from``/``open_to``,
    ``closed``.

    ``closed: true`` blocks the road there: the checkpoint becomes a road
    closure at its point (named after it) and no longer serves vehicles.
    """
    cp = c.element(plan, "checkpoints")
    if c.has("lanes"):
        cp.lanes = c.number("lanes", lo=1, whole=True)
    if c.has("minutes_per_vehicle"):
        cp.minutes_per_vehicle = c.number("minutes_per_vehicle", lo=0)
    if c.has("hold_min"):
        cp.hold_min = c.number("hold_min", lo=0)
    for key in ("open_from", "open_to"):
        if key in c.d:
            setattr(cp, key, c.clock(key))
    if c.flag("closed", False):
        plan.checkpoints.remove(cp)
        name = f"checkpoint {cp.id} closed" + (f" ({cp.name})" if cp.name else "")
        plan.closures.append(RoadClosure(id=new_id(plan, "closure"), name=name, points=[(cp.lon, cp.lat)]))


def add_checkpoint(plan, c: _Change):
    """A new checkpoint at ``point``: ``minutes_per_vehicle``, ``lanes``, ``hold_min``, ``open_from``/``open_to``,
    ``id``, ``name``."""
    lon, lat = c.point()
    cp = Checkpoint(id=c.new_id(plan, "checkpoint"), name=c.text("name", ""), lon=lon, lat=lat)
    cp.minutes_per_vehicle = c.number("minutes_per_vehicle", cp.minutes_per_vehicle, lo=0)
    cp.lanes = c.number("lanes", cp.lanes, lo=1, whole=True)
    cp.hold_min = c.number("hold_min", cp.hold_min, lo=0)
    cp.open_from, cp.open_to = c.clock("open_from"), c.clock("open_to")
    plan.checkpoints.append(cp)


def remove_checkpoint(plan, c: _Change):
    """Remove checkpoint ``id`` (the road stays open, nobody checks there any more)."""
    plan.checkpoints.remove(c.element(plan, "checkpoints"))


# ---------------------------------------------------------------- fleet


def _vehicle_entries(plan, c: _Change, vtype, depot_key="depot"):
    """(depot, VehicleType) pairs of type ``vtype`` (any type if ``None``), in one depot or all."""
    depots = [c.element(plan, "depots", key=depot_key)] if c.has(depot_key) else plan.depots
    return [(d, v) for d in depots for v in d.vehicles if vtype is None or v.type == vtype]


def remove_vehicles(plan, c: _Change):
    """Remove ``count`` vehicles of ``vehicle_type`` (default bus) from ``depot``."""
    depot = c.element(plan, "depots", key="depot")
    vtype = c.text("vehicle_type", "bus")
    n = c.number("count", lo=1, whole=True)
    have = sum(v.count for v in depot.vehicles if v.type == vtype)
    if n > have:
        c.fail(f"{describe(depot)} has {have} {vtype} vehicles, cannot remove {n}")
    for v in reversed(depot.vehicles):  # take from the last entries first
        if v.type == vtype and n:
            k = min(n, v.count)
            v.count -= k
            n -= k
    depot.vehicles[:] = [v for v in depot.vehicles if v.count > 0]


def add_vehicles(plan, c: _Change):
    """Add ``count`` vehicles of ``vehicle_type`` (default bus) at ``depot``.

    Joins an entry of the same type (unless ``seats``, ``stretcher_places``,
    ``max_speed_kph`` or ``available_from`` is given, which makes a new entry).
    """
    depot = c.element(plan, "depots", key="depot")
    vtype = c.text("vehicle_type", "bus")
    n = c.number("count", lo=1, whole=True)
    own = ("seats", "stretcher_places", "max_speed_kph", "available_from")
    same = [v for v in depot.vehicles if v.type == vtype]
    if same and not any(c.has(k) for k in own):
        same[0].count += n
        return
    depot.vehicles.append(_vehicle_type(c, vtype, n))


def _vehicle_type(c: _Change, vtype, count):
    vt = VehicleType(type=vtype, count=count)
    vt.seats = c.number("seats", vt.seats, lo=0, whole=True)
    vt.stretcher_places = c.number("stretcher_places", vt.stretcher_places, lo=0, whole=True)
    vt.max_speed_kph = c.number("max_speed_kph", vt.max_speed_kph, lo=0, lo_open=True)
    if c.has("available_from"):
        vt.available_from = c.when("available_from")
    return vt


def scale_fleet(plan, c: _Change):
    """Multiply vehicle counts by ``factor`` (rounded half up), of ``vehicle_type`` or all, at ``depot`` or all."""
    factor = c.number("factor", lo=0)
    entries = _vehicle_entries(plan, c, c.text("vehicle_type", None) if c.has("vehicle_type") else None)
    if not entries:
        c.fail("no vehicles of that type in the plan")
    for _, v in entries:
        v.count = _round_half_up(v.count * factor)
    for d in plan.depots:
        d.vehicles[:] = [v for v in d.vehicles if v.count > 0]


def set_fleet(plan, c: _Change):
    """Set the number of ``vehicle_type`` vehicles (default bus) to ``count``, at ``depot`` or over all depots.

    Over several depots the count is shared in proportion to what each has
    now (largest remainder, ties to the first depot), so a fleet sweep keeps
    the plan's geography.
    """
    vtype = c.text("vehicle_type", "bus")
    n = c.number("count", lo=0, whole=True)
    entries = _vehicle_entries(plan, c, vtype)
    if not entries:
        c.fail(f"no {vtype} vehicles in " + (f"depot {c.d['depot']!r}" if c.has("depot") else "the plan"))
    have = [v.count for _, v in entries]
    total = sum(have)
    shares = [n * h / total if total else n / len(entries) for h in have]
    counts = [int(math.floor(s)) for s in shares]
    order = sorted(range(len(entries)), key=lambda i: (-(shares[i] - counts[i]), i))
    for i in order[: n - sum(counts)]:
        counts[i] += 1
    for (_, v), k in zip(entries, counts):
        v.count = k
    for d in plan.depots:
        d.vehicles[:] = [v for v in d.vehicles if v.count > 0]


def add_depot(plan, c: _Change):
    """A new depot at ``point`` with ``vehicles`` [{vehicle_type, count, seats, ...}], ``id``, ``name``."""
    lon, lat = c.point()
    vs = c.d.get("vehicles")
    if not isinstance(vs, list) or not vs:
        c.fail(f"vehicles must be a non-empty list of {{vehicle_type, count, ...}} objects, got {_show(vs)}")
    depot = Depot(id=c.new_id(plan, "depot"), name=c.text("name", ""), lon=lon, lat=lat)
    for i, vd in enumerate(vs):
        sub = _Change(vd if isinstance(vd, dict) else {}, f"{c.where} vehicles[{i}]")
        if not isinstance(vd, dict):
            sub.fail(f"must be an object, got {_show(vd)}")
        _check_keys(sub, {"vehicle_type", "count", "seats", "stretcher_places", "max_speed_kph", "available_from"})
        depot.vehicles.append(
            _vehicle_type(sub, sub.text("vehicle_type", "bus"), sub.number("count", lo=1, whole=True))
        )
    plan.depots.append(depot)


def remove_depot(plan, c: _Change):
    """Remove depot ``id`` and its vehicles."""
    plan.depots.remove(c.element(plan, "depots"))


# ---------------------------------------------------------------- window, demand, rules


def set_window(plan, c: _Change):
    """Change the window: ``start``, ``end`` (ISO with offset), ``shift_min``, ``duration_h``, ``no_night``.

    Applied in that order: new start/end, then both shifted, then the end set
    to start + duration.
    """
    w = plan.window
    if c.has("start"):
        w.start = c.when("start")
    if c.has("end"):
        w.end = c.when("end")
    try:
        if c.has("shift_min"):
            dt = timedelta(minutes=c.ranged("shift_min"))
            w.start, w.end = w.start + dt, w.end + dt
        if c.has("duration_h"):
            w.end = w.start + timedelta(hours=c.number("duration_h", lo=0, lo_open=True))
    except OverflowError:  # a base window near the ends of the calendar
        c.fail(f"the window would leave the years {L.MIN_YEAR} to {L.MAX_YEAR}")
    if c.has("no_night"):
        w.no_night = c.flag("no_night")
    if w.end <= w.start:
        c.fail(f"the window would end ({w.end.isoformat()}) before it starts ({w.start.isoformat()})")


def set_demand(plan, c: _Change):
    """Change demand at ``pickup`` (all pickups if omitted): ``set`` {group: people}, then ``scale``
    (number or {group: factor}).

    Groups: general, reduced_mobility, stretcher. Scaled counts are rounded half up.
    """
    pickups = [c.element(plan, "pickups", key="pickup")] if c.has("pickup") else plan.pickups
    new = c.d.get("set", {})
    scale = c.d.get("scale", 1.0)
    if not isinstance(new, dict):
        c.fail(f"set must be an object {{group: people}}, got {_show(new)}")
    if not isinstance(scale, dict):
        scale = dict.fromkeys(_GROUPS, scale)
    for key, d in (("set", new), ("scale", scale)):
        for g in d:
            if g not in _GROUPS:
                c.fail(f"{key}: unknown group {g!r} (groups: {', '.join(_GROUPS)})")
    setv = {g: _Change(new, f"{c.where} set").number(g, lo=0, whole=True, rng="people") for g in new}
    scalev = {g: _Change(scale, f"{c.where} scale").number(g, lo=0, rng="scale") for g in scale}
    for p in pickups:
        for g in _GROUPS:
            n = setv.get(g, getattr(p.people, g))
            setattr(p.people, g, _round_half_up(n * scalev.get(g, 1.0)))


def set_destination(plan, c: _Change):
    """Change destination ``id``: ``capacity`` (people; null = unlimited)."""
    d = c.element(plan, "destinations")
    if "capacity" in c.d:
        d.capacity = None if c.d["capacity"] is None else c.number("capacity", lo=0, whole=True)


_RULE_FIELDS = {f.name: f for f in fields(Rules)}


def set_rules(plan, c: _Change):
    """Change operating rules: any field of the plan's rules (``max_convoy_size``, ``mobilisation_min``, ...)."""
    for key in c.d:
        if key == "type":
            continue
        default = getattr(Rules(), key)
        if isinstance(default, bool):
            v = c.flag(key)
            if v is None:
                c.fail(f"{key} must be true or false, got null")
        elif key == "escort_teams" and c.d[key] is None:
            v = None  # unlimited
        else:
            v = c.ranged(key)
        setattr(plan.rules, key, v)


# ---------------------------------------------------------------- the vocabulary

#: Change type -> (function, allowed fields besides "type"). Fields and units in each function's docstring.
CHANGES = {
    "close_road": (close_road, {"point", "line", "id", "name"}),
    "reopen_road": (reopen_road, {"id", "point", "line"}),
    "add_hazard": (add_hazard, {"polygon", "effect", "speed_factor", "id", "name"}),
    "remove_hazard": (remove_hazard, {"id"}),
    "checkpoint": (
        set_checkpoint,
        {"id", "lanes", "minutes_per_vehicle", "hold_min", "open_from", "open_to", "closed"},
    ),
    "add_checkpoint": (
        add_checkpoint,
        {"point", "id", "name", "minutes_per_vehicle", "lanes", "hold_min", "open_from", "open_to"},
    ),
    "remove_checkpoint": (remove_checkpoint, {"id"}),
    "remove_vehicles": (remove_vehicles, {"depot", "vehicle_type", "count"}),
    "add_vehicles": (
        add_vehicles,
        {"depot", "vehicle_type", "count", "seats", "stretcher_places", "max_speed_kph", "available_from"},
    ),
    "scale_fleet": (scale_fleet, {"factor", "vehicle_type", "depot"}),
    "set_fleet": (set_fleet, {"count", "vehicle_type", "depot"}),
    "add_depot": (add_depot, {"point", "vehicles", "id", "name"}),
    "remove_depot": (remove_depot, {"id"}),
    "window": (set_window, {"start", "end", "shift_min", "duration_h", "no_night"}),
    "demand": (set_demand, {"pickup", "set", "scale"}),
    "destination": (set_destination, {"id", "capacity"}),
    "rules": (set_rules, set(_RULE_FIELDS)),
}


def _check_keys(c: _Change, allowed):
    for key in c.d:
        if key != "type" and key not in allowed:
            c.fail(f"unknown field {key!r} (allowed: {', '.join(sorted(allowed))})")


def apply_change(plan, change, where="change"):
    """Apply one change dict to ``plan`` in place.

    Raises
    ------
    ChangeError
        Naming ``where``, the change type and what is wrong.
    """
    if not isinstance(change, dict):
        raise ChangeError(f'{where}: a change must be an object with a "type", got {_show(change)}')
    kind = change.get("type")
    if kind not in CHANGES:
        known = ", ".join(CHANGES)
        raise ChangeError(f"{where}: unknown change type {kind!r} (known types: {known})")
    fn, allowed = CHANGES[kind]
    c = _Change(change, f"{where} ({kind})")
    _check_keys(c, allowed)
    fn(plan, c)


def apply_changes(plan, changes, variant_name="variant"):
    """Apply a list of change dicts to ``plan`` in place, in order (see :func:`apply_change`)."""
    if not isinstance(changes, list):
        raise ChangeError(f"variant {variant_name!r}: changes must be a list, got {_show(changes)}")
    for i, ch in enumerate(changes):
        apply_change(plan, ch, where=f"variant {variant_name!r} changes[{i}]")
    return plan


def apply_variant(base_plan, variant):
    """A new plan: ``base_plan`` with the variant's changes applied; the base is never touched.

    Parameters
    ----------
    base_plan : planner.plan.Plan
    variant : Variant or dict
        Anything with ``name`` and ``changes`` (a :class:`planner.whatif.Variant`
        or a ``{"name", "changes"}`` dict).

    Returns
    -------
    planner.plan.Plan
        A copy named ``"<base name> / <variant name>"``.
    """
    if isinstance(variant, dict):
        name, changes = variant.get("name", "variant"), variant.get("changes", [])
    else:
        name, changes = variant.name, variant.changes
    plan = base_plan.copy()
    apply_changes(plan, changes, variant_name=name)
    plan.name = f"{base_plan.name} / {name}" if base_plan.name else str(name)
    return plan
