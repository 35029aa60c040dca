"""The scheduler's own input and output structures, in seconds from the window start.

These are plain data, independent of plans and road networks, so the
algorithms (:mod:`.heuristic`, :mod:`.bound`) can be tested on hand-made
instances; :func:`planner.schedule.schedule_plan` builds a :class:`Problem`
from a plan and its routes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Optional

INF = math.inf

#: The passenger groups, in the order they are served (design section 6).
GROUPS = ("stretcher", "reduced_mobility", "general")


@dataclass(frozen=True)
class Vehicle:
    """One vehicle of the fleet.

    ``seats`` carry general and reduced-mobility passengers; ``stretcher_places``
    carry stretcher cases only. ``available_s`` is when it is at its depot;
    its first departure is ``available_s + rules.mobilisation_s``. Vehicles with
    the same ``profile`` drive the same routes at the same speed.
    """

    id: str
    depot_id: str
    seats: int
    stretcher_places: int = 0
    available_s: float = 0.0
    profile: Any = "bus"

    @property
    def capacity(self) -> int:
        return self.seats + self.stretcher_places


@dataclass(frozen=True)
class PickupDemand:
    """People waiting at one assembly point, by group. ``priority``: 1 is served first."""

    id: str
    general: int = 0
    reduced_mobility: int = 0
    stretcher: int = 0
    ready_s: float = 0.0
    priority: int = 1

    @property
    def people(self) -> int:
        return self.general + self.reduced_mobility + self.stretcher


@dataclass(frozen=True)
class Destination:
    id: str
    capacity: float = INF


@dataclass(frozen=True)
class CheckpointSpec:
    """A checkpoint queue: ``lanes`` servers, ``service_s`` per vehicle (hold included),
    serving only inside the ``open`` intervals (seconds from the window start)."""

    id: str
    service_s: float
    lanes: int = 1
    open: tuple = ((-INF, INF),)


@dataclass(frozen=True)
class LoadedRoute:
    """A pickup → destination route: free-flow drive (s), the checkpoints passed in
    order with their free-flow offset from the pickup (s), and its length (m)."""

    drive_s: float
    checkpoints: tuple = ()
    length_m: float = 0.0


@dataclass(frozen=True)
class Rules:
    max_convoy: int = 15
    headway_s: float = 600.0
    load_s_per_person: float = 30.0
    unload_s_per_person: float = 15.0
    mobilisation_s: float = 5400.0


@dataclass
class Problem:
    """Everything the scheduler needs, times in seconds from the window start.

    ``drive_s`` is ``f(from_id, to_id, profile) -> seconds`` (``inf`` when
    unreachable) or a mapping keyed ``(from_id, to_id, profile)`` or
    ``(from_id, to_id)``; it is asked for depot → pickup and destination → pickup
    empty runs. ``loaded_route`` is ``f(pickup_id, destination_id, profile) ->
    LoadedRoute | None`` or such a mapping. ``length_m`` gives empty-run lengths
    in metres (same forms; optional). ``night``: intervals in which no vehicle
    may drive.
    """

    vehicles: list
    pickups: list
    destinations: list
    drive_s: Any
    loaded_route: Any
    checkpoints: Mapping[str, CheckpointSpec] = field(default_factory=dict)
    window_end_s: float = 6 * 3600.0
    night: list = field(default_factory=list)
    rules: Rules = field(default_factory=Rules)
    length_m: Any = None

    @property
    def demand(self) -> int:
        return sum(p.people for p in self.pickups)

    def segments(self) -> list:
        """The daylight parts of the window, ``[(start_s, end_s), ...]``: every trip fits in one."""
        segs = [(0.0, float(self.window_end_s))]
        for a, b in sorted(self.night):
            out = []
            for s, e in segs:
                if b <= s or a >= e:
                    out.append((s, e))
                    continue
                if a > s:
                    out.append((s, a))
                if b < e:
                    out.append((b, e))
            segs = out
        return [(s, e) for s, e in segs if e > s]


def lookup(table, a, b, profile, default=None):
    """Read ``table`` given as a callable or a mapping keyed with or without the profile."""
    if table is None:
        return default
    if callable(table):
        return table(a, b, profile)
    if (a, b, profile) in table:
        return table[(a, b, profile)]
    return table.get((a, b), default)


# ---------------------------------------------------------------- results


@dataclass
class Pass:
    """One vehicle's passage of one checkpoint (seconds)."""

    checkpoint: str
    arrive: float
    start: float
    clear: float
    lane: int = 0


@dataclass
class TripPlan:
    vehicle: int  # index into Problem.vehicles
    pickup: str
    destination: str
    load: tuple  # people by group, GROUPS order
    leave_from: str
    leave_at: float
    arrive_pickup: float
    load_start: float
    depart_pickup: float
    passes: list
    arrive_destination: float
    free_at: float  # unloading done
    convoy: int = -1
    empty_m: float = 0.0
    loaded_m: float = 0.0

    @property
    def passengers(self) -> int:
        return sum(self.load)


@dataclass
class ConvoyPlan:
    index: int
    pickup: str
    destination: str
    profile: Any
    depart: float
    members: list  # trip indices, in passage order
    arrive: float = 0.0


@dataclass
class Solution:
    """What a heuristic run produced: trips and convoys, with totals."""

    trips: list
    convoys: list
    evacuated: int = 0
    by_group: tuple = (0, 0, 0)
    finish: Optional[float] = None
    vehicle_km: float = 0.0
    variant: str = ""
    state: Any = field(default=None, repr=False, compare=False)  # the Dispatcher that built it
    by_class: tuple = ()  # people out per class of the priority rule, in its order (see class_order)

    def key(self, weights=(4.0, 2.0, 1.0), stretcher_first=True):
        """Comparison key, larger is better.

        With the priority rule (``stretcher_first``, the default): people out per
        class in the rule's order (stretcher cases, reduced mobility, general;
        within each group pickups by priority, see :func:`class_order`), then
        people out, earlier finish, fewer km. Without it: people out, then the
        groups weighted, earlier finish, fewer km.
        """
        weighted = sum(w * n for w, n in zip(weights, self.by_group))
        head = tuple(self.by_class) if stretcher_first else ()
        return head + (self.evacuated, weighted, -(self.finish or 0.0), -round(self.vehicle_km, 3))


def class_order(pickups) -> list:
    """The classes of the priority rule in their order: ``[(group index, priority), ...]``.

    Groups first across pickups (stretcher cases, then reduced mobility, then
    general, as :data:`GROUPS`), within each group the pickups by priority (1
    first). Classes with nobody in them are left out.
    """
    out = []
    for g, name in enumerate(GROUPS):
        prios = sorted({p.priority for p in pickups if getattr(p, name) > 0})
        out += [(g, pr) for pr in prios]
    return out


def class_counts(pickups, taken) -> tuple:
    """People out per class of :func:`class_order`; ``taken``: pickup id -> people by group."""
    out = []
    for g, pr in class_order(pickups):
        out.append(sum(taken.get(p.id, (0, 0, 0))[g] for p in pickups if p.priority == pr))
    return tuple(out)


ProgressFn = Callable[[Optional[float], str], None]
