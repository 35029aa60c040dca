"""Plan validation: every message names the element and the field.

Each message has a code of :data:`planner.plan.problems.MESSAGES` and its parameters (for translations).

``validate(plan)`` returns a list of :class:`Problem`; errors mean the plan
cannot be computed, warnings that it can but something looks wrong.
Pass the loaded road network to also check the network hash and that the
points lie inside its bounding box.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import datetime, time

import shapely
import shapely.errors
import shapely.validation
from shapely.geometry import LineString, Polygon

from planner import limits as L
from planner.errors import PlanError, has_surrogate, quote
from planner.limits import RANGES
from planner.plan.model import HAZARD_EFFECTS, LAYERS, Plan, describe
from planner.plan.problems import ERROR, WARNING, Problem, errors, problem

EARTH_RADIUS_M = 6_371_008.8
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


# ---------------------------------------------------------------- small geometry in metres


def haversine_m(lon1, lat1, lon2, lat2) -> float:
    """Great-circle distance in metres between two WGS84 points (degrees)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def distance_to_bbox_m(lon, lat, bbox) -> float:
    """Metres from a point to a [W, S, E, N] box (0 inside)."""
    w, s, e, n = bbox
    return haversine_m(lon, lat, min(max(lon, w), e), min(max(lat, s), n))


def _local_xy(coords, lat0):
    """Equirectangular metres around latitude ``lat0``: fine for distances of a few tens of km."""
    k = math.radians(1) * EARTH_RADIUS_M
    c = math.cos(math.radians(lat0))
    return [(lon * k * c, lat * k) for lon, lat in coords]


# ---------------------------------------------------------------- value checks


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _is_whole(v) -> bool:
    return _is_number(v) and float(v).is_integer()


def _is_aware(v) -> bool:
    return isinstance(v, datetime) and v.tzinfo is not None and v.utcoffset() is not None


class _Checker:
    def __init__(self):
        self.problems: list[Problem] = []

    def add(self, severity, el, fld, code, /, **params):
        where = describe(el) if el is not None else "plan"
        self.problems.append(problem(severity, getattr(el, "id", None), fld, where, code, **params))

    def error(self, el, fld, code, /, **params):
        self.add(ERROR, el, fld, code, **params)

    def warn(self, el, fld, code, /, **params):
        self.add(WARNING, el, fld, code, **params)

    # each returns True when the value is fine, so callers can chain further checks
    def number(self, el, field, v, lo, hi):
        ok = _is_number(v) and lo <= v <= hi
        if not ok:
            self.error(el, field, "number_range", field=field, lo=lo, hi=hi, value=quote(v))
        return ok

    def ranged(self, el, field, v, key=None):
        """``v`` within the physical range :data:`planner.limits.RANGES` [``key``] (default: the field's last part)."""
        rng = RANGES[key or field.rsplit(".", 1)[-1]]
        kind = ("_whole" if rng.whole else "") + ("_open" if rng.lo_open else "")
        if not (_is_whole(v) if rng.whole else _is_number(v)):
            self.error(el, field, "range" + kind, field=field, lo=rng.lo, hi=rng.hi, unit=rng.unit, value=quote(v))
            return False
        if rng.lo is not None and not rng.contains(v) and (v <= rng.lo if rng.lo_open else v < rng.lo):
            self.error(el, field, "below" + kind, field=field, lo=rng.lo, value=quote(v))
            return False
        if not rng.contains(v):
            self.error(el, field, "above", field=field, hi=rng.hi, unit=rng.unit, value=quote(v))
            return False
        return True

    def flag(self, el, field, v):
        if not isinstance(v, bool):
            self.error(el, field, "flag", field=field, value=quote(v))
            return False
        return True

    def aware(self, el, field, v, optional=True):
        if v is None and optional:
            return True
        if not _is_aware(v):
            self.error(el, field, "datetime", field=field, value=quote(v))
            return False
        if not L.MIN_YEAR <= v.year <= L.MAX_YEAR:
            self.error(el, field, "datetime_years", field=field, lo=L.MIN_YEAR, hi=L.MAX_YEAR, value=v.isoformat())
            return False
        return True

    def text(self, el, field, v, nonempty=False, max_chars=L.MAX_NAME_CHARS, printable=True):
        if not isinstance(v, str):
            self.error(el, field, "text_type", field=field, value=quote(v))
            return False
        if nonempty and not v.strip():
            self.error(el, field, "text_empty", field=field)
            return False
        if len(v) > max_chars:
            self.error(el, field, "text_long", field=field, n=len(v), limit=max_chars, value=quote(v))
            return False
        if has_surrogate(v):
            self.error(el, field, "text_surrogate", field=field, value=quote(v))
            return False
        if printable and not v.isprintable():  # a name prints on one line of a card: no newlines, no escapes
            self.error(el, field, "text_control", field=field, value=quote(v))
            return False
        return True

    def count(self, el, field, n, limit, what):
        """A scale limit: at most ``limit`` ``what`` (the engine computes that in minutes)."""
        if n > limit:
            self.error(el, field, f"too_many_{what}", n=n, limit=limit)
            return False
        return True

    def lonlat(self, el, field, lon, lat):
        ok = self.number(el, f"{field}lon" if field else "lon", lon, -180, 180)
        return self.number(el, f"{field}lat" if field else "lat", lat, -90, 90) and ok

    def coords(self, el, field, seq, min_points):
        """Checks a list of (lon, lat); returns the good points (or None if any is bad)."""
        if not isinstance(seq, (list, tuple)):
            self.error(el, field, "coords_type", field=field, value=quote(seq))
            return None
        if not self.count(el, field, len(seq), L.MAX_GEOMETRY_POINTS, "points"):
            return None
        good = True
        for i, c in enumerate(seq):
            if not (isinstance(c, (list, tuple)) and len(c) == 2):
                self.error(el, f"{field}[{i}]", "coords_pair", field=f"{field}[{i}]", value=quote(c))
                good = False
            elif not self.lonlat(el, f"{field}[{i}].", c[0], c[1]):
                good = False
        if not good:
            return None
        pts = [(float(a), float(b)) for a, b in seq]
        distinct = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
        if len(distinct) < min_points:
            self.error(el, field, "coords_few", field=field, min=min_points, n=len(distinct))
            return None
        return pts


# ---------------------------------------------------------------- the checks


def _check_settings(c: _Checker, plan: Plan):
    c.text(None, "name", plan.name)
    c.text(None, "notes", plan.notes, max_chars=L.MAX_NOTES_CHARS, printable=False)
    net = plan.network
    c.text(None, "network.name", getattr(net, "name", None), nonempty=True)
    sha = getattr(net, "sha256", None)
    if sha is not None and not (isinstance(sha, str) and (sha == "" or _SHA256.match(sha))):
        c.error(None, "network.sha256", "sha256_format", value=quote(sha))
    for f in ("convoy_leader_phone", "radio_channel", "operations_phone", "if_separated"):
        c.text(None, f"contacts.{f}", getattr(plan.contacts, f, ""), printable=False)

    w = plan.window
    ok = c.aware(None, "window.start", w.start, optional=False)
    ok = c.aware(None, "window.end", w.end, optional=False) and ok
    if ok and w.end <= w.start:
        c.error(None, "window.end", "window_order", end=w.end.isoformat(), start=w.start.isoformat())
    elif ok and (w.end - w.start).total_seconds() > L.MAX_WINDOW_DAYS * 86400:
        days = (w.end - w.start).total_seconds() / 86400
        c.error(None, "window.end", "window_too_long", days=days, limit=L.MAX_WINDOW_DAYS)
    elif ok and (w.end - w.start).total_seconds() > 7 * 86400:
        c.warn(None, "window.end", "window_long", days=(w.end - w.start).days)
    c.flag(None, "window.no_night", w.no_night)

    r = plan.rules
    c.flag(None, "rules.corridor_only", r.corridor_only)
    c.flag(None, "rules.priority_first", r.priority_first)
    for f in (
        "approach_radius_m",
        "max_convoy_size",
        "headway_min",
        "loading_s_per_person",
        "unloading_s_per_person",
        "mobilisation_min",
        "open_road_speed_kph",
        "city_speed_kph",
        "snap_limit_m",
    ):
        c.ranged(None, f"rules.{f}", getattr(r, f))
    if r.escort_teams is not None:
        c.ranged(None, "rules.escort_teams", r.escort_teams)


def _check_ids(c: _Checker, plan: Plan):
    seen = Counter()
    for attr in LAYERS:
        items = getattr(plan, attr)
        for i, el in enumerate(items):
            if not isinstance(el.id, str) or not el.id.strip():
                c.problems.append(problem(ERROR, None, "id", f"{attr}[{i}]", "id_empty", value=quote(el.id)))
            elif len(el.id) > L.MAX_NAME_CHARS or has_surrogate(el.id) or not el.id.isprintable():
                c.problems.append(
                    problem(
                        ERROR, None, "id", f"{attr}[{i}]", "id_printable", limit=L.MAX_NAME_CHARS, value=quote(el.id)
                    )
                )
            else:
                seen[el.id] += 1
    for el in plan.elements():
        if isinstance(el.id, str) and seen[el.id] > 1:
            c.error(el, "id", "id_duplicate", id=el.id, n=seen[el.id])
        c.text(el, "name", el.name)


def _check_pickup(c, p, plan, dest_ids):
    c.lonlat(p, "", p.lon, p.lat)
    ppl = p.people
    for g in ("general", "reduced_mobility", "stretcher"):
        c.ranged(p, f"people.{g}", getattr(ppl, g, None), "people")
    if all(_is_whole(getattr(ppl, g, None)) for g in ("general", "reduced_mobility", "stretcher")) and ppl.total == 0:
        c.warn(p, "people", "nobody")
    if c.aware(p, "ready_time", p.ready_time) and p.ready_time is not None and _is_aware(plan.window.end):
        if p.ready_time >= plan.window.end:
            c.warn(p, "ready_time", "ready_late", time=p.ready_time.isoformat())
    c.ranged(p, "priority", p.priority)
    if p.destination is not None and p.destination not in dest_ids:
        c.error(p, "destination", "destination_unknown", value=quote(p.destination))


def _check_destination(c, d):
    c.lonlat(d, "", d.lon, d.lat)
    if d.capacity is not None:
        c.ranged(d, "capacity", d.capacity)


def _check_depot(c, d, plan):
    c.lonlat(d, "", d.lon, d.lat)
    if not isinstance(d.vehicles, list):
        c.error(d, "vehicles", "vehicles_type", value=quote(d.vehicles))
        return
    if not d.vehicles:
        c.warn(d, "vehicles", "no_vehicles")
    for i, v in enumerate(d.vehicles):
        f = f"vehicles[{i}]"
        c.text(d, f"{f}.type", v.type, nonempty=True)
        count_ok = c.ranged(d, f"{f}.count", v.count)
        ok = c.ranged(d, f"{f}.seats", v.seats)
        ok = c.ranged(d, f"{f}.stretcher_places", v.stretcher_places) and ok
        if ok and v.seats + v.stretcher_places == 0:
            c.error(d, f"{f}.seats", "no_seat", field=f"{f}.seats")
        c.ranged(d, f"{f}.max_speed_kph", v.max_speed_kph)
        for name in ("height_m", "weight_t", "length_m"):
            if getattr(v, name) is not None:
                c.ranged(d, f"{f}.{name}", getattr(v, name))
        if not isinstance(v.plates, list):
            c.error(d, f"{f}.plates", "plates_type", field=f"{f}.plates", value=quote(v.plates))
        else:
            if count_ok and len(v.plates) > v.count:
                c.error(d, f"{f}.plates", "plates_count", field=f"{f}.plates", plates=len(v.plates), count=v.count)
            for j, plate in enumerate(v.plates[: L.MAX_VEHICLES + 1]):
                c.text(d, f"{f}.plates[{j}]", plate)
        if c.aware(d, f"{f}.available_from", v.available_from) and v.available_from is not None:
            if _is_aware(plan.window.end) and v.available_from >= plan.window.end:
                c.warn(d, f"{f}.available_from", "available_late", field=f"{f}.available_from")


def _check_corridor(c, k):
    pts = c.coords(k, "line", k.line, 2)
    c.ranged(k, "width_m", k.width_m)
    c.flag(k, "oneway", k.oneway)
    if not (isinstance(k.waypoints, (list, tuple)) and len(k.waypoints) == 0):  # [] for a line drawn straight
        c.coords(k, "waypoints", k.waypoints, 2)
    if pts is not None:
        line = LineString(_local_xy(pts, pts[0][1]))
        if not line.is_simple:
            c.warn(k, "line", "line_crosses")


def _check_checkpoint(c, k):
    c.lonlat(k, "", k.lon, k.lat)
    c.ranged(k, "lanes", k.lanes)
    for f in ("open_from", "open_to"):
        v = getattr(k, f)
        if v is not None and not (isinstance(v, time) and v.tzinfo is None):
            c.error(k, f, "open_time", field=f, value=quote(v))
    if isinstance(k.open_from, time) and k.open_from == k.open_to and k.open_from is not None:
        c.warn(k, "open_to", "open_equal")
    for f in ("minutes_per_convoy", "minutes_per_vehicle", "hold_min", "seconds_per_person"):
        c.ranged(k, f, getattr(k, f))
    c.flag(k, "checks_empty", k.checks_empty)
    c.flag(k, "overnight_halt", k.overnight_halt)


def _check_hazard(c, h):
    pts = c.coords(h, "polygon", h.polygon, 3)
    if pts is not None:
        if pts[0] != pts[-1]:
            pts = pts + [pts[0]]
        poly = Polygon(_local_xy(pts, pts[0][1]))
        if not poly.is_valid:
            why = shapely.validation.explain_validity(poly)
            c.error(h, "polygon", "polygon_invalid", why=_explain(why, pts[0][1]))
        elif poly.area == 0:
            c.error(h, "polygon", "polygon_area")
    if h.effect not in HAZARD_EFFECTS:
        c.error(h, "effect", "effect_unknown", choices=list(HAZARD_EFFECTS), value=quote(h.effect))
    elif h.effect == "slow":
        c.ranged(h, "speed_factor", h.speed_factor)


def _explain(why: str, lat0: float) -> str:
    """Shapely's reason, with the location turned back from local metres into lon/lat."""
    m = re.match(r"(.*)\[([-\d.e]+) ([-\d.e]+)\]$", why)
    if not m:
        return why
    k = math.radians(1) * EARTH_RADIUS_M
    x, y = float(m.group(2)), float(m.group(3))
    lat = y / k
    lon = x / (k * math.cos(math.radians(lat0)))
    return f"{m.group(1).strip().lower()} at lon {lon:.5f}, lat {lat:.5f}"


def _check_closure(c, x):
    c.coords(x, "points", x.points, 1)


def _check_whole_plan(c: _Checker, plan: Plan):
    """What the plan needs to be computable at all, and plan-wide sanity."""
    if not plan.pickups:
        c.error(None, "pickups", "no_pickup")
    c.count(None, "pickups", len(plan.pickups), L.MAX_PICKUPS, "pickups")
    c.count(None, "destinations", len(plan.destinations), L.MAX_DESTINATIONS, "destinations")
    c.count(None, "depots", len(plan.depots), L.MAX_DEPOTS, "depots")
    c.count(None, "checkpoints", len(plan.checkpoints), L.MAX_CHECKPOINTS, "checkpoints")
    for attr in ("corridors", "hazards", "closures"):
        c.count(None, attr, len(getattr(plan, attr)), L.MAX_AREAS, attr)
    if not plan.destinations:
        c.error(None, "destinations", "no_destination")
    vehicles = [v for d in plan.depots if isinstance(d.vehicles, list) for v in d.vehicles]
    if not any(_is_whole(v.count) and v.count > 0 for v in vehicles):
        c.error(None, "depots", "no_fleet")
    if plan.rules.corridor_only is True and not plan.corridors:
        c.error(None, "rules.corridor_only", "corridor_only")
    try:
        stretcher = sum(p.people.stretcher for p in plan.pickups)
        places = sum(v.count * v.stretcher_places for v in vehicles)
        demand = plan.total_people
        caps = [d.capacity for d in plan.destinations]
    except (TypeError, AttributeError):  # wrong types, reported above
        return
    if all(_is_whole(v.count) for v in vehicles):
        c.count(None, "depots", sum(v.count for v in vehicles), L.MAX_VEHICLES, "vehicles")
    if isinstance(demand, int):
        c.count(None, "pickups", demand, L.MAX_PEOPLE, "people")
    if stretcher > 0 and places == 0:
        c.warn(None, "depots", "no_stretcher_places", n=stretcher)
    if caps and all(_is_whole(x) for x in caps) and sum(caps) < demand:
        c.warn(None, "destinations", "capacity_short", capacity=sum(caps), demand=demand)


def _check_corridor_distance(c: _Checker, plan: Plan, limit_m: float = 500.0):
    """Checkpoints are meant to lie on a corridor: warn when one is far from all of them."""
    lines = [k.line for k in plan.corridors if isinstance(k.line, list) and len(k.line) >= 2]
    if not lines:
        return
    for cp in plan.checkpoints:
        if not (_is_number(cp.lon) and _is_number(cp.lat)):
            continue
        try:
            ((px, py),) = _local_xy([(cp.lon, cp.lat)], cp.lat)
            d = min(LineString(_local_xy(ln, cp.lat)).distance(shapely.Point(px, py)) for ln in lines)
        except (TypeError, ValueError, shapely.errors.GEOSException):
            return  # bad geometry, reported by the corridor checks
        if d > limit_m:
            c.warn(cp, "lon", "far_from_corridor", distance_m=d)


def _check_against_network(c: _Checker, plan: Plan, network):
    meta = getattr(network, "meta", None) or {}
    name = getattr(network, "name", meta.get("name"))
    sha = getattr(network, "sha256", meta.get("sha256"))
    if plan.network.name and name and name != plan.network.name:
        c.warn(None, "network.name", "network_name_other", plan_network=quote(plan.network.name), network=quote(name))
    if plan.network.sha256 and sha and sha != plan.network.sha256:
        c.warn(
            None,
            "network.sha256",
            "network_sha_other",
            network=quote(plan.network.name),
            plan_sha=plan.network.sha256[:12],
            store_sha=sha[:12],
        )
    bbox = meta.get("bbox")
    if not bbox:
        return
    for el in plan.elements():
        outside = [
            (distance_to_bbox_m(lon, lat, bbox), field)
            for field, lon, lat in point_fields(el)
            if _is_number(lon) and _is_number(lat)
        ]
        outside = [o for o in outside if o[0] > 0]
        if outside:
            d, field = max(outside)
            code = "outside_bbox" if field == "lon" else "outside_bbox_vertex"
            c.warn(el, field, code, field=field, distance_m=d, network=quote(name))


def point_fields(el):
    """(field, lon, lat) for every coordinate of a plan element (``lon`` for a point, ``line[3]`` for vertices)."""
    if hasattr(el, "lon"):
        yield "lon", el.lon, el.lat
        return
    for attr in ("line", "polygon", "points", "waypoints"):
        seq = getattr(el, attr, None)
        if isinstance(seq, (list, tuple)):
            for i, c in enumerate(seq):
                if isinstance(c, (list, tuple)) and len(c) == 2:
                    yield f"{attr}[{i}]", c[0], c[1]


def validate(plan: Plan, network=None) -> list[Problem]:
    """All problems of ``plan``: types, ranges, unique ids, references, geometry, window.

    Parameters
    ----------
    plan : Plan
    network : RoadNetwork, optional
        When given, also warn when the plan's network hash differs and when
        coordinates lie outside the network's bounding box (with the distance).

    Returns
    -------
    list of Problem
        Errors first (in plan order), then warnings.
    """
    c = _Checker()
    _check_settings(c, plan)
    _check_ids(c, plan)
    dest_ids = {d.id for d in plan.destinations}
    for p in plan.pickups:
        _check_pickup(c, p, plan, dest_ids)
    for d in plan.destinations:
        _check_destination(c, d)
    for d in plan.depots:
        _check_depot(c, d, plan)
    for k in plan.corridors:
        _check_corridor(c, k)
    for k in plan.checkpoints:
        _check_checkpoint(c, k)
    for h in plan.hazards:
        _check_hazard(c, h)
    for x in plan.closures:
        _check_closure(c, x)
    _check_whole_plan(c, plan)
    _check_corridor_distance(c, plan)
    if network is not None:
        _check_against_network(c, plan, network)
    return errors(c.problems) + [p for p in c.problems if p.severity == WARNING]


def validate_or_raise(plan: Plan, network=None) -> list[Problem]:
    """Validate; raise :class:`PlanError` (with ``.problems``) if there are errors, else return the warnings."""
    problems = validate(plan, network)
    errs = errors(problems)
    if errs:
        more = f" (and {len(errs) - 1} more errors)" if len(errs) > 1 else ""
        raise PlanError(f"plan {quote(plan.name)}: {errs[0].message}{more}", problems)
    return problems
