"""The plan model (design section 4): plain, mutable dataclasses.

Everything a planner draws lives here, in WGS84 degrees (``lon``, ``lat``).
The GUI edits these objects through undo commands; routing and scheduling
read them. Field names are a contract: add fields, never rename them.

Defaults come from the Mariupol 2022 figures of design section 1.
"""

from __future__ import annotations

import copy as _copy
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import ClassVar, Optional

# ---------------------------------------------------------------- defaults (design section 1)

DEFAULT_CHECKPOINT_CONVOY_MINUTES = 20.0  # minutes per convoy at a checkpoint (design section 1)
DEFAULT_CHECKPOINT_MINUTES = 2.0  # minutes per vehicle per lane at a checkpoint
V1_CHECKPOINT_MINUTES = 20.0  # the per-vehicle default of plan format version 1
DEFAULT_BUS_SEATS = 50
DEFAULT_OPEN_ROAD_KPH = 60.0  # bus speed cap on open road
DEFAULT_CITY_KPH = 40.0  # bus speed cap in the city
DEFAULT_LOADING_S = 30.0  # seconds per person boarding
DEFAULT_UNLOADING_S = 15.0  # seconds per person leaving the bus
DEFAULT_MOBILISATION_MIN = 90.0  # minutes from window start until vehicles can leave their depot
DEFAULT_MAX_CONVOY = 15  # vehicles
DEFAULT_HEADWAY_MIN = 10.0  # minutes between convoys on the same route
DEFAULT_APPROACH_RADIUS_M = 1000.0  # off-corridor driving allowed around plan points
DEFAULT_SNAP_LIMIT_M = 300.0  # farther snaps are reported as problems
DEFAULT_CORRIDOR_WIDTH_M = 200.0
DEFAULT_SLOW_FACTOR = 0.5  # travel speed multiplier inside a 'slow' hazard zone

HAZARD_EFFECTS = ("blocked", "slow")

#: Physical size of a vehicle type by its ``type`` (height m, weight t, length m); a
#: 12 m coach and a van ambulance (design section 3). Other types default to a coach.
VEHICLE_LIMITS = {
    "bus": (3.5, 18.0, 12.0),
    "coach": (3.5, 18.0, 12.0),
    "minibus": (2.9, 5.0, 7.5),
    "ambulance": (2.8, 3.5, 6.0),
}

# Prefixes used by new_id() for each element kind.
ID_PREFIX = {
    "pickup": "P",
    "destination": "D",
    "depot": "DP",
    "corridor": "CR",
    "checkpoint": "CP",
    "hazard": "H",
    "closure": "X",
}

Coord = tuple  # (lon, lat) in degrees, WGS84


# ---------------------------------------------------------------- plan-wide settings


@dataclass
class NetworkRef:
    """The road network a plan is drawn on: store name and content hash.

    ``sha256`` is ``None`` when the plan was written for a network not yet
    imported (the hash is filled in once it is known).
    """

    name: str
    sha256: Optional[str] = None


@dataclass
class Window:
    """The ceasefire window: timezone-aware start and end (local time with offset).

    ``no_night``: vehicles only move in daylight (sunrise to sunset).
    """

    start: datetime
    end: datetime
    no_night: bool = True

    @property
    def duration_s(self) -> float:
        """Length of the window in seconds."""
        return (self.end - self.start).total_seconds()

    @property
    def tzinfo(self):
        """The window's time zone (fixed UTC offset of ``start``); local times in the plan use it."""
        return self.start.tzinfo


@dataclass
class Rules:
    """Operating rules of the evacuation (units in the field names).

    corridor_only : routes stay inside the corridors except within
        ``approach_radius_m`` of pickups, depots and destinations.
    max_convoy_size : vehicles per convoy at most.
    headway_min : minimum minutes between two convoys on the same route.
    loading_s_per_person, unloading_s_per_person : seconds per person.
    mobilisation_min : minutes after the window starts before vehicles can leave their depot.
    open_road_speed_kph, city_speed_kph : bus speed caps (km/h).
    snap_limit_m : plan points farther than this from the road network are problems.
    escort_teams : convoys on the road at once at most (``None`` = unlimited).
    priority_first : the priority rule: stretcher cases, then reduced mobility,
        then everyone else, each by pickup priority, even where that moves fewer
        people in all; ``False``: most people out as the only aim.
    """

    corridor_only: bool = True
    approach_radius_m: float = DEFAULT_APPROACH_RADIUS_M
    max_convoy_size: int = DEFAULT_MAX_CONVOY
    headway_min: float = DEFAULT_HEADWAY_MIN
    loading_s_per_person: float = DEFAULT_LOADING_S
    unloading_s_per_person: float = DEFAULT_UNLOADING_S
    mobilisation_min: float = DEFAULT_MOBILISATION_MIN
    open_road_speed_kph: float = DEFAULT_OPEN_ROAD_KPH
    city_speed_kph: float = DEFAULT_CITY_KPH
    snap_limit_m: float = DEFAULT_SNAP_LIMIT_M
    priority_first: bool = True
    escort_teams: Optional[int] = None


@dataclass
class Contacts:
    """What every convoy sheet and driver card prints for the crews (blank lines when empty)."""

    convoy_leader_phone: str = ""
    radio_channel: str = ""
    operations_phone: str = ""
    if_separated: str = ""


# ---------------------------------------------------------------- elements


@dataclass
class People:
    """Head-count at a pickup, by group (persons)."""

    general: int = 0
    reduced_mobility: int = 0
    stretcher: int = 0

    @property
    def total(self) -> int:
        return self.general + self.reduced_mobility + self.stretcher


@dataclass
class Pickup:
    """An assembly point: people waiting to be taken out.

    ``ready_time``: when the people are at the point (aware datetime; ``None``
    means from the window start). ``priority``: 1 is most urgent, larger numbers
    are served later. ``destination``: id of the only reception point these
    people may go to (a hospital for patients), ``None`` = any.
    """

    KIND: ClassVar[str] = "pickup"
    id: str
    name: str
    lon: float
    lat: float
    people: People = field(default_factory=People)
    ready_time: Optional[datetime] = None
    priority: int = 1
    destination: Optional[str] = None


@dataclass
class Destination:
    """A reception point. ``capacity``: people it can take (``None`` = unlimited)."""

    KIND: ClassVar[str] = "destination"
    id: str
    name: str
    lon: float
    lat: float
    capacity: Optional[int] = None


@dataclass
class VehicleType:
    """``count`` identical vehicles of one type at a depot.

    ``seats``: seated passengers (reduced-mobility people take a seat);
    ``stretcher_places``: stretcher cases it can carry (ambulances);
    ``max_speed_kph``: the vehicle's own cap (km/h);
    ``available_from``: aware datetime, ``None`` = window start + mobilisation;
    ``height_m``, ``weight_t``, ``length_m``: the vehicle's size against a road's
    ``maxheight``/``maxweight``/``maxlength`` (``None`` = the type's default of
    :data:`VEHICLE_LIMITS`); ``plates``: registration plates, one per vehicle, optional.
    """

    type: str = "bus"
    count: int = 1
    seats: int = DEFAULT_BUS_SEATS
    stretcher_places: int = 0
    max_speed_kph: float = DEFAULT_OPEN_ROAD_KPH
    available_from: Optional[datetime] = None
    height_m: Optional[float] = None
    weight_t: Optional[float] = None
    length_m: Optional[float] = None
    plates: list[str] = field(default_factory=list)

    @property
    def limits(self) -> tuple[float, float, float]:
        """(height m, weight t, length m), the type's defaults where unset."""
        h, w, l_ = VEHICLE_LIMITS.get(self.type.lower(), VEHICLE_LIMITS["bus"])
        return (
            h if self.height_m is None else float(self.height_m),
            w if self.weight_t is None else float(self.weight_t),
            l_ if self.length_m is None else float(self.length_m),
        )

    def plate(self, index: int) -> str:
        """Plate of the ``index``-th vehicle of this type (0-based), ``""`` when not given."""
        return self.plates[index] if 0 <= index < len(self.plates) else ""


@dataclass
class Depot:
    """Where vehicles start."""

    KIND: ClassVar[str] = "depot"
    id: str
    name: str
    lon: float
    lat: float
    vehicles: list[VehicleType] = field(default_factory=list)

    @property
    def n_vehicles(self) -> int:
        return sum(v.count for v in self.vehicles)


@dataclass
class Corridor:
    """The agreed road: a polyline of (lon, lat) with a width in metres (centred on the line).

    ``waypoints``: the points the planner clicked when the line was drawn along the
    roads (start, waypoints, end; (lon, lat)); ``line`` is the road route through
    them (:func:`planner.corridor.corridor_line`), and dragging one re-routes the
    legs next to it (:func:`planner.corridor.move_waypoint`). Empty for a line
    drawn straight, or read from a file of format version 2 or older: its
    vertices are then the line itself.
    """

    KIND: ClassVar[str] = "corridor"
    id: str
    name: str
    line: list[Coord] = field(default_factory=list)
    width_m: float = DEFAULT_CORRIDOR_WIDTH_M
    oneway: bool = False  # True: only in the drawn direction (first point to last)
    waypoints: list[Coord] = field(default_factory=list)


@dataclass
class Checkpoint:
    """A checkpoint on the road.

    A checkpoint serves one convoy at a time (design section 6); a passage takes
    ``minutes_per_convoy`` + ceil(vehicles / ``lanes``) x ``minutes_per_vehicle``
    + people x ``seconds_per_person`` / ``lanes`` + ``hold_min``.
    ``open_from``/``open_to``: daily opening hours as local times in the window's
    UTC offset (``None`` = always open; ``open_to`` before ``open_from`` means open
    over midnight). ``checks_empty``: empty convoys are checked too (both
    directions); ``overnight_halt``: convoys may halt here for the night.
    """

    KIND: ClassVar[str] = "checkpoint"
    id: str
    name: str
    lon: float
    lat: float
    minutes_per_vehicle: float = DEFAULT_CHECKPOINT_MINUTES
    lanes: int = 1
    open_from: Optional[time] = None
    open_to: Optional[time] = None
    hold_min: float = 0.0
    minutes_per_convoy: float = DEFAULT_CHECKPOINT_CONVOY_MINUTES
    seconds_per_person: float = 0.0
    checks_empty: bool = True
    overnight_halt: bool = False

    def passage_s(self, vehicles: int, people: int = 0) -> float:
        """Seconds one convoy of ``vehicles`` carrying ``people`` spends here (design section 6)."""
        if vehicles <= 0:
            return 0.0
        lanes = max(1, int(self.lanes))
        minutes = (
            float(self.minutes_per_convoy)
            + math.ceil(vehicles / lanes) * float(self.minutes_per_vehicle)
            + float(self.hold_min or 0.0)
        )
        return minutes * 60.0 + people * float(self.seconds_per_person) / lanes

    def open_intervals(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        """Intervals between aware ``start`` and ``end`` when the checkpoint is open.

        Opening hours are read in the time zone of ``start``.
        """
        if self.open_from is None and self.open_to is None:
            return [(start, end)] if end > start else []
        tz = start.tzinfo
        t_from = self.open_from or time(0, 0)
        t_to = self.open_to or time(0, 0)
        out = []
        day = start.date() - timedelta(days=1)
        while datetime.combine(day, time(0, 0), tz) < end:
            a = datetime.combine(day, t_from, tz)
            b = datetime.combine(day, t_to, tz)
            if b <= a:  # closes the next day (or open round the clock)
                b += timedelta(days=1)
            a, b = max(a, start), min(b, end)
            if b > a:
                out.append((a, b))
            day += timedelta(days=1)
        return out


@dataclass
class HazardZone:
    """An area that is dangerous: ``blocked`` (no driving) or ``slow`` (speed x ``speed_factor``)."""

    KIND: ClassVar[str] = "hazard"
    id: str
    name: str
    polygon: list[Coord] = field(default_factory=list)  # exterior ring, (lon, lat); closing point optional
    effect: str = "slow"
    speed_factor: float = DEFAULT_SLOW_FACTOR


@dataclass
class RoadClosure:
    """A destroyed bridge or blocked road: one point, or a line, snapped to road edges."""

    KIND: ClassVar[str] = "closure"
    id: str
    name: str
    points: list[Coord] = field(default_factory=list)


# ---------------------------------------------------------------- the plan

# Plan attribute holding each element kind, in file order.
LAYERS = {
    "pickups": Pickup,
    "destinations": Destination,
    "depots": Depot,
    "corridors": Corridor,
    "checkpoints": Checkpoint,
    "hazards": HazardZone,
    "closures": RoadClosure,
}


@dataclass
class Plan:
    """One evacuation plan: what the planner drew, in WGS84, plus window and rules."""

    name: str
    network: NetworkRef
    window: Window
    rules: Rules = field(default_factory=Rules)
    pickups: list[Pickup] = field(default_factory=list)
    destinations: list[Destination] = field(default_factory=list)
    depots: list[Depot] = field(default_factory=list)
    corridors: list[Corridor] = field(default_factory=list)
    checkpoints: list[Checkpoint] = field(default_factory=list)
    hazards: list[HazardZone] = field(default_factory=list)
    closures: list[RoadClosure] = field(default_factory=list)
    contacts: Contacts = field(default_factory=Contacts)
    notes: str = ""

    def copy(self) -> Plan:
        """A deep copy (what-if variants and undo snapshots change the copy only)."""
        return _copy.deepcopy(self)

    def elements(self) -> Iterator:
        """Every element of every layer, in file order."""
        for attr in LAYERS:
            yield from getattr(self, attr)

    def element(self, element_id: str):
        """The element with this id, or ``None``."""
        return find_element(self, element_id)

    @property
    def total_people(self) -> int:
        """Demand over all pickups (persons)."""
        return sum(p.people.total for p in self.pickups)


def find_element(plan: Plan, element_id: str):
    """The element of ``plan`` with id ``element_id`` (any layer), or ``None``."""
    for el in plan.elements():
        if el.id == element_id:
            return el
    return None


def layer_of(element) -> str:
    """Name of the Plan attribute (layer) that holds elements like ``element``."""
    for attr, cls in LAYERS.items():
        if isinstance(element, cls):
            return attr
    raise TypeError(f"not a plan element: {element!r}")


def new_id(plan: Plan, prefix: str) -> str:
    """An id ``prefix<N>`` unused in ``plan`` (N one more than the highest in use).

    ``prefix`` may also be an element kind (``"pickup"``) or class, mapped through ``ID_PREFIX``.
    """
    if isinstance(prefix, type):
        prefix = prefix.KIND
    prefix = ID_PREFIX.get(prefix, prefix)
    pat = re.compile(re.escape(prefix) + r"(\d+)$")
    used = {el.id for el in plan.elements()}
    n = max((int(m.group(1)) for i in used if (m := pat.match(str(i)))), default=0) + 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def describe(element) -> str:
    """How messages name an element: ``checkpoint CP2 'Vasylivka'``."""
    from planner.errors import quote  # names may be long or hold anything: quote a bounded part
    from planner.limits import NAME_QUOTE_CHARS

    kind = getattr(element, "KIND", type(element).__name__.lower())
    name = getattr(element, "name", "")
    ok = isinstance(element.id, str) and len(element.id) <= 40 and element.id.isprintable()
    el_id = element.id if ok else quote(element.id, 40)
    return f"{kind} {el_id} {quote(name, NAME_QUOTE_CHARS)}" if name else f"{kind} {el_id}"
