"""Plan validation: every message names the element and the field.

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
from planner.limits import RANGES, Range, _num
from planner.plan.model import HAZARD_EFFECTS, LAYERS, Plan, describe
from planner.plan.problems import ERROR, WARNING, Problem, errors

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

    def add(self, severity, el, field, text):
        where = describe(el) if el is not None else "plan"
        self.problems.append(Problem(severity, getattr(el, "id", None), field, f"{where}: {text}"))

    def error(self, el, field, text):
        self.add(ERROR, el, field, text)

    def warn(self, el, field, text):
        self.add(WARNING, el, field, text)

    # each returns True when the value is fine, so callers can chain further checks
    def number(self, el, field, v, lo=None, hi=None, lo_open=False, label=None):
        label = label or field
        bounds = []
        if lo is not None:
            bounds.append(f"{'>' if lo_open else '≥'} {lo:g}")
        if hi is not None:
            bounds.append(f"≤ {hi:g}")
        want = "a number" + (" " + " and ".join(bounds) if bounds else "")
        ok = _is_number(v) and (lo is None or (v > lo if lo_open else v >= lo)) and (hi is None or v <= hi)
        if not ok:
            self.error(el, field, f"{label} must be {want}, got {quote(v)}")
        return ok

    def ranged(self, el, field, v, key=None):
        """``v`` within the physical range :data:`planner.limits.RANGES` [``key``] (default: the field's last part)."""
        rng = RANGES[key or field.rsplit(".", 1)[-1]]
        if not (_is_whole(v) if rng.whole else _is_number(v)):
            self.error(el, field, f"{field} must be {rng.describe()}, got {quote(v)}")
            return False
        if rng.lo is not None and not rng.contains(v) and (v <= rng.lo if rng.lo_open else v < rng.lo):
            low = Range(rng.lo, None, whole=rng.whole, lo_open=rng.lo_open)
            self.error(el, field, f"{field} must be {low.describe()}, got {quote(v)}")
            return False
        if not rng.contains(v):
            unit = f" {rng.unit}" if rng.unit else ""
            self.error(el, field, f"{field} must be at most {_num(rng.hi)}{unit}, got {quote(v)}")
            return False
        return True

    def whole(self, el, field, v, lo=0, label=None, hi=None):
        label = label or field
        if not (_is_whole(v) and v >= lo):
            self.error(el, field, f"{label} must be a whole number ≥ {lo}, got {quote(v)}")
            return False
        if hi is not None and v > hi:
            self.error(el, field, f"{label} must be at most {hi:,}, got {quote(v)}")
            return False
        return True

    def flag(self, el, field, v, label=None):
        if not isinstance(v, bool):
            self.error(el, field, f"{label or field} must be true or false, got {quote(v)}")
            return False
        return True

    def aware(self, el, field, v, label=None, optional=True):
        if v is None and optional:
            return True
        if not _is_aware(v):
            self.error(el, field, f"{label or field} must be a date and time with a UTC offset, got {quote(v)}")
            return False
        if not L.MIN_YEAR <= v.year <= L.MAX_YEAR:
            self.error(
                el, field, f"{label or field} must lie in the years {L.MIN_YEAR} to {L.MAX_YEAR}, got {v.isoformat()}"
            )
            return False
        return True

    def text(self, el, field, v, nonempty=False, max_chars=L.MAX_NAME_CHARS, printable=True):
        if not isinstance(v, str):
            self.error(el, field, f"{field} must be a text, got {quote(v)}")
            return False
        if nonempty and not v.strip():
            self.error(el, field, f"{field} must not be empty")
            return False
        if len(v) > max_chars:
            self.error(el, field, f"{field} is {len(v):,} characters long, at most {max_chars:,}: {quote(v)}")
            return False
        if has_surrogate(v):
            self.error(el, field, f"{field} holds a lone surrogate (not a character; no file can store it): {quote(v)}")
            return False
        if printable and not v.isprintable():  # a name prints on one line of a card: no newlines, no escapes
            self.error(el, field, f"{field} holds a control character (newline, tab, escape, ...): {quote(v)}")
            return False
        return True

    def count(self, el, field, n, limit, what):
        """A scale limit: at most ``limit`` ``what`` (the engine computes that in minutes)."""
        if n > limit:
            self.error(el, field, f"{n:,} {what}; evacplan computes at most {limit:,} in a few minutes")
            return False
        return True

    def lonlat(self, el, field, lon, lat):
        ok = self.number(el, f"{field}lon" if field else "lon", lon, -180, 180)
        return self.number(el, f"{field}lat" if field else "lat", lat, -90, 90) and ok

    def coords(self, el, field, seq, min_points):
        """Checks a list of (lon, lat); returns the good points (or None if any is bad)."""
        if not isinstance(seq, (list, tuple)):
            self.error(el, field, f"{field} must be a list of (lon, lat) points, got {quote(seq)}")
            return None
        if not self.count(el, field, len(seq), L.MAX_GEOMETRY_POINTS, "points"):
            return None
        good = True
        for i, c in enumerate(seq):
            if not (isinstance(c, (list, tuple)) and len(c) == 2):
                self.error(el, f"{field}[{i}]", f"{field}[{i}] must be a (lon, lat) pair, got {quote(c)}")
                good = False
            elif not self.lonlat(el, f"{field}[{i}].", c[0], c[1]):
                good = False
        if not good:
            return None
        pts = [(float(a), float(b)) for a, b in seq]
        distinct = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
        if len(distinct) < min_points:
            self.error(el, field, f"{field} needs at least {min_points} distinct points, got {len(distinct)}")
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
        c.error(None, "network.sha256", f"network.sha256 must be 64 lowercase hex digits or empty, got {quote(sha)}")
    for f in ("convoy_leader_phone", "radio_channel", "operations_phone", "if_separated"):
        c.text(None, f"contacts.{f}", getattr(plan.contacts, f, ""), printable=False)

    w = plan.window
    ok = c.aware(None, "window.start", w.start, optional=False)
    ok = c.aware(None, "window.end", w.end, optional=False) and ok
    if ok and w.end <= w.start:
        c.error(
            None, "window.end", f"window.end ({w.end.isoformat()}) must be after window.start ({w.start.isoformat()})"
        )
    elif ok and (w.end - w.start).total_seconds() > L.MAX_WINDOW_DAYS * 86400:
        c.error(
            None,
            "window.end",
            f"window is {(w.end - w.start).total_seconds() / 86400:.1f} days long; "
            f"evacplan schedules windows of at most {L.MAX_WINDOW_DAYS} days: is window.end right?",
        )
    elif ok and (w.end - w.start).total_seconds() > 7 * 86400:
        c.warn(None, "window.end", f"window is {(w.end - w.start).days} days long; is window.end right?")
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
                c.problems.append(
                    Problem(ERROR, None, "id", f"{attr}[{i}]: id must be a non-empty text, got {quote(el.id)}")
                )
            elif len(el.id) > L.MAX_NAME_CHARS or has_surrogate(el.id) or not el.id.isprintable():
                c.problems.append(
                    Problem(
                        ERROR,
                        None,
                        "id",
                        f"{attr}[{i}]: id must be printable text of at most "
                        f"{L.MAX_NAME_CHARS} characters, got {quote(el.id)}",
                    )
                )
            else:
                seen[el.id] += 1
    for el in plan.elements():
        if isinstance(el.id, str) and seen[el.id] > 1:
            c.error(el, "id", f"id {el.id} is used by {seen[el.id]} elements; ids must be unique")
        c.text(el, "name", el.name)


def _check_pickup(c, p, plan, dest_ids):
    c.lonlat(p, "", p.lon, p.lat)
    ppl = p.people
    for g in ("general", "reduced_mobility", "stretcher"):
        c.ranged(p, f"people.{g}", getattr(ppl, g, None), "people")
    if all(_is_whole(getattr(ppl, g, None)) for g in ("general", "reduced_mobility", "stretcher")) and ppl.total == 0:
        c.warn(p, "people", "nobody to take out (all people counts are 0)")
    if c.aware(p, "ready_time", p.ready_time) and p.ready_time is not None and _is_aware(plan.window.end):
        if p.ready_time >= plan.window.end:
            c.warn(p, "ready_time", f"ready_time {p.ready_time.isoformat()} is not before the window ends")
    c.ranged(p, "priority", p.priority)
    if p.destination is not None and p.destination not in dest_ids:
        c.error(p, "destination", f"destination {quote(p.destination)} is not a destination of this plan")


def _check_destination(c, d):
    c.lonlat(d, "", d.lon, d.lat)
    if d.capacity is not None:
        c.ranged(d, "capacity", d.capacity)


def _check_depot(c, d, plan):
    c.lonlat(d, "", d.lon, d.lat)
    if not isinstance(d.vehicles, list):
        c.error(d, "vehicles", f"vehicles must be a list, got {quote(d.vehicles)}")
        return
    if not d.vehicles:
        c.warn(d, "vehicles", "no vehicles at this depot")
    for i, v in enumerate(d.vehicles):
        f = f"vehicles[{i}]"
        c.text(d, f"{f}.type", v.type, nonempty=True)
        count_ok = c.ranged(d, f"{f}.count", v.count)
        ok = c.ranged(d, f"{f}.seats", v.seats)
        ok = c.ranged(d, f"{f}.stretcher_places", v.stretcher_places) and ok
        if ok and v.seats + v.stretcher_places == 0:
            c.error(d, f"{f}.seats", f"{f}.seats: a vehicle needs at least one seat or stretcher place")
        c.ranged(d, f"{f}.max_speed_kph", v.max_speed_kph)
        for name in ("height_m", "weight_t", "length_m"):
            if getattr(v, name) is not None:
                c.ranged(d, f"{f}.{name}", getattr(v, name))
        if not isinstance(v.plates, list):
            c.error(d, f"{f}.plates", f"{f}.plates must be a list of texts, got {quote(v.plates)}")
        else:
            if count_ok and len(v.plates) > v.count:
                c.error(d, f"{f}.plates", f"{f}.plates: {len(v.plates)} plates for {v.count} vehicles")
            for j, plate in enumerate(v.plates[: L.MAX_VEHICLES + 1]):
                c.text(d, f"{f}.plates[{j}]", plate)
        if c.aware(d, f"{f}.available_from", v.available_from) and v.available_from is not None:
            if _is_aware(plan.window.end) and v.available_from >= plan.window.end:
                c.warn(d, f"{f}.available_from", f"{f}.available_from is not before the window ends")


def _check_corridor(c, k):
    pts = c.coords(k, "line", k.line, 2)
    c.ranged(k, "width_m", k.width_m)
    c.flag(k, "oneway", k.oneway)
    if not (isinstance(k.waypoints, (list, tuple)) and len(k.waypoints) == 0):  # [] for a line drawn straight
        c.coords(k, "waypoints", k.waypoints, 2)
    if pts is not None:
        line = LineString(_local_xy(pts, pts[0][1]))
        if not line.is_simple:
            c.warn(k, "line", "line crosses itself")


def _check_checkpoint(c, k):
    c.lonlat(k, "", k.lon, k.lat)
    c.ranged(k, "lanes", k.lanes)
    for f in ("open_from", "open_to"):
        v = getattr(k, f)
        if v is not None and not (isinstance(v, time) and v.tzinfo is None):
            c.error(k, f, f"{f} must be a local time like 08:00 (or empty for always open), got {quote(v)}")
    if isinstance(k.open_from, time) and k.open_from == k.open_to and k.open_from is not None:
        c.warn(k, "open_to", "open_from equals open_to: read as open round the clock")
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
            c.error(h, "polygon", f"polygon is not a valid ring ({_explain(why, pts[0][1])})")
        elif poly.area == 0:
            c.error(h, "polygon", "polygon has no area")
    if h.effect not in HAZARD_EFFECTS:
        c.error(h, "effect", f"effect must be one of {', '.join(HAZARD_EFFECTS)}, got {quote(h.effect)}")
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
        c.error(None, "pickups", "the plan has no pickup (assembly point)")
    c.count(None, "pickups", len(plan.pickups), L.MAX_PICKUPS, "pickups (assembly points)")
    c.count(None, "destinations", len(plan.destinations), L.MAX_DESTINATIONS, "destinations (reception points)")
    c.count(None, "depots", len(plan.depots), L.MAX_DEPOTS, "depots")
    c.count(None, "checkpoints", len(plan.checkpoints), L.MAX_CHECKPOINTS, "checkpoints")
    for attr, what in (("corridors", "corridors"), ("hazards", "hazard zones"), ("closures", "road closures")):
        c.count(None, attr, len(getattr(plan, attr)), L.MAX_AREAS, what)
    if not plan.destinations:
        c.error(None, "destinations", "the plan has no destination (reception point)")
    vehicles = [v for d in plan.depots if isinstance(d.vehicles, list) for v in d.vehicles]
    if not any(_is_whole(v.count) and v.count > 0 for v in vehicles):
        c.error(None, "depots", "the plan has no vehicles (add a depot with vehicles)")
    if plan.rules.corridor_only is True and not plan.corridors:
        c.error(None, "rules.corridor_only", "rules.corridor_only is set but the plan has no corridor")
    try:
        stretcher = sum(p.people.stretcher for p in plan.pickups)
        places = sum(v.count * v.stretcher_places for v in vehicles)
        demand = plan.total_people
        caps = [d.capacity for d in plan.destinations]
    except (TypeError, AttributeError):  # wrong types, reported above
        return
    if all(_is_whole(v.count) for v in vehicles):
        c.count(None, "depots", sum(v.count for v in vehicles), L.MAX_VEHICLES, "vehicles in the fleet")
    if isinstance(demand, int):
        c.count(None, "pickups", demand, L.MAX_PEOPLE, "people waiting in all")
    if stretcher > 0 and places == 0:
        c.warn(None, "depots", f"{stretcher} stretcher cases but no vehicle with stretcher places")
    if caps and all(_is_whole(x) for x in caps) and sum(caps) < demand:
        c.warn(None, "destinations", f"destinations take {sum(caps)} people in all, fewer than the {demand} waiting")


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
            c.warn(cp, "lon", f"lies {d / 1000:.1f} km from every corridor")


def _check_against_network(c: _Checker, plan: Plan, network):
    meta = getattr(network, "meta", None) or {}
    name = getattr(network, "name", meta.get("name"))
    sha = getattr(network, "sha256", meta.get("sha256"))
    if plan.network.name and name and name != plan.network.name:
        c.warn(
            None, "network.name", f"network.name is {quote(plan.network.name)} but it is checked against {quote(name)}"
        )
    if plan.network.sha256 and sha and sha != plan.network.sha256:
        c.warn(
            None,
            "network.sha256",
            f"drawn on another extract of network {quote(plan.network.name)} "
            f"(sha256 {plan.network.sha256[:12]}…, the store has {sha[:12]}…); points are snapped anew",
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
            what = "" if field == "lon" else f"{field} "
            c.warn(el, field, f"{what}lies {_km(d)} outside the bounding box of network {quote(name)}")


def _km(m: float) -> str:
    return f"{m / 1000:.1f} km" if m >= 1000 else f"{m:.0f} m"


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
