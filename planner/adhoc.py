"""Ad hoc routes between coordinates, without a plan (``evacplan route --between`` / ``--pairs``).

Same roads and rules as plan routes for the vehicle (turn restrictions,
access, size limits, the default bus speed caps), same JSON route objects
(:meth:`planner.routing.Route.to_dict`).
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from planner.errors import PlanError
from planner.plan.model import Rules, VehicleType
from planner.restrictions import build_usable_network
from planner.routing import Route, route_via
from planner.usable import profile_of

#: Most pairs one ``--pairs`` file may hold (each is one search, about a millisecond).
MAX_PAIRS = 10_000
VEHICLES = ("bus", "ambulance")
COLUMNS = ("from_lon", "from_lat", "to_lon", "to_lat")


@dataclass
class _NoPlan:
    """The parts of a plan :func:`build_usable_network` reads, all empty (default rules)."""

    rules: Rules = field(default_factory=Rules)
    hazards: list = field(default_factory=list)
    closures: list = field(default_factory=list)
    corridors: list = field(default_factory=list)
    pickups: list = field(default_factory=list)
    depots: list = field(default_factory=list)
    destinations: list = field(default_factory=list)


@dataclass
class AdhocRoute:
    """One requested pair: its points (lon, lat), the route (``None`` if none) and what went wrong."""

    origin: tuple
    target: tuple
    route: Route | None
    problem: str = ""
    snap_m: tuple = (math.nan, math.nan)

    def to_dict(self) -> dict:
        out = {
            "from_point": list(self.origin),
            "to_point": list(self.target),
            "snap_m": [None if not math.isfinite(d) else round(d, 1) for d in self.snap_m],
        }
        if self.route is not None:
            out.update(self.route.to_dict())
        else:
            out["route"] = None
        if self.problem:
            out["problem"] = self.problem
        return out


def parse_point(text: str, what: str = "point") -> tuple:
    """``"LON,LAT"`` in degrees, held to -180..180 / -90..90."""
    try:
        lon, lat = (float(p) for p in str(text).split(","))
    except ValueError:
        raise PlanError(f"{what} {str(text)[:80]!r}: expected LON,LAT in degrees") from None
    _check_point(lon, lat, what)
    return (lon, lat)


def _check_point(lon, lat, what):
    if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
        raise PlanError(
            f"{what} ({lon}, {lat}): longitude must be within -180..180 and latitude within -90..90 degrees"
        )


def read_pairs(path) -> list:
    """Pairs from a CSV file with the columns ``from_lon,from_lat,to_lon,to_lat`` (a header line)."""
    path = Path(path)
    if not path.is_file():
        raise PlanError(f"{path}: no such file")
    pairs = []
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise PlanError(f"{path}: needs the columns {','.join(COLUMNS)} in a header line; missing {missing[0]}")
            for row in reader:
                line = reader.line_num
                if len(pairs) >= MAX_PAIRS:
                    raise PlanError(f"{path}: more than {MAX_PAIRS} pairs; split the file")
                vals = []
                for c in COLUMNS:
                    try:
                        vals.append(float(row[c]))
                    except (TypeError, ValueError):
                        raise PlanError(f"{path}, line {line}, {c}: {str(row[c])[:80]!r} is not a number") from None
                _check_point(vals[0], vals[1], f"{path}, line {line}, from")
                _check_point(vals[2], vals[3], f"{path}, line {line}, to")
                pairs.append(((vals[0], vals[1]), (vals[2], vals[3])))
    except UnicodeDecodeError:
        raise PlanError(f"{path}: not a UTF-8 text file") from None
    except csv.Error as exc:
        raise PlanError(f"{path}: not a CSV file ({exc})") from None
    if not pairs:
        raise PlanError(f"{path}: no pairs (one line per pair after the header)")
    return pairs


def route_between(net, pairs, *, vehicle: str = "bus", snap_limit_m: float | None = None) -> list:
    """Fastest legal route for each ``((lon, lat), (lon, lat))`` pair.

    Parameters
    ----------
    net : RoadNetwork
    pairs : list of ((lon, lat), (lon, lat))
        WGS84 degrees.
    vehicle : {"bus", "ambulance"}
        Its class (access, turn restrictions) and default size (limits).
    snap_limit_m : float, optional
        Points farther from a usable road are problems (default: the plan default, 300 m).

    Returns
    -------
    list of AdhocRoute
    """
    if vehicle not in VEHICLES:
        raise PlanError(f"--vehicle {vehicle!r}: one of {', '.join(VEHICLES)}")
    plan = _NoPlan()
    limit = float(plan.rules.snap_limit_m if snap_limit_m is None else snap_limit_m)
    profile = profile_of(VehicleType(type=vehicle))
    usable = build_usable_network(plan, net, profile=profile)
    pts = np.array([p for pair in pairs for p in pair], dtype=float).reshape(-1, 2)
    x, y = net.to_projected(pts[:, 0], pts[:, 1])
    node, dist = usable.snap(np.atleast_1d(x), np.atleast_1d(y))
    out = []
    for i, (a, b) in enumerate(pairs):
        na, nb = int(node[2 * i]), int(node[2 * i + 1])
        da, db = float(dist[2 * i]), float(dist[2 * i + 1])
        item = AdhocRoute(tuple(a), tuple(b), None, snap_m=(da, db))
        far = [(w, d) for w, d in (("from", da), ("to", db)) if not d <= limit]
        if far:
            w, d = far[0]
            item.problem = (
                (
                    f"pair {i + 1}: the {w} point is {d:.0f} m from the nearest road a {vehicle} may use "
                    f"(limit {limit:.0f} m)"
                )
                if math.isfinite(d)
                else f"pair {i + 1}: no usable road"
            )
        else:
            item.route = route_via(usable, na, nb, [], origin_id=f"{a[0]},{a[1]}", destination_id=f"{b[0]},{b[1]}")
            if item.route is None:
                item.problem = f"pair {i + 1}: no legal route for a {vehicle} from {a[0]},{a[1]} to {b[0]},{b[1]}"
            else:
                item.route.label = "fastest"
        out.append(item)
    return out
