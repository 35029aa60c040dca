"""The scheduling problem as plain data, in seconds from the window start (design section 6).

A :class:`Problem` is independent of plans and road networks: the engine
(:mod:`.engine`), the bound (:mod:`.bound`), the checker (:func:`check`) and
the exact models of the tests read nothing else. :func:`planner.schedule.build.build_problem`
makes one from a plan and its routes. **This structure is a contract** (the
exact CP-SAT model in ``tests/exact/`` is written against it): add fields with
defaults, never rename or re-mean one.

The model, in the words of design section 6:

- A **round** (:class:`RoundPlan`) of a convoy forms at a *formation place* (a
  depot for a vehicle's first round, otherwise the destination of its previous
  round), departs at ``depart``, drives in empty to its first stop, collects at
  one or more pickups in order (``stops``, at most ``rules.max_stops``: every
  stop is one more place the negotiators must clear and the escort must
  secure), drives out to one destination and unloads. All its vehicles move together: each leg takes the time of the
  ``lead`` profile's leg (:attr:`RoundPlan.lead`, the member profile whose legs
  the convoy drives; every member must be able to follow it, see
  :attr:`Problem.can_follow`).
- **Legs** (:class:`Leg`): ``Problem.legs[profile][(from_id, to_id)]`` for
  depot→pickup, destination→pickup, pickup→pickup and pickup→destination, with
  the checkpoints passed and their offsets from the leg's start (free-flow s).
  A missing key means unreachable.
- **Checkpoints** (:class:`Checkpoint`) serve one convoy at a time; a passage of
  ``v`` vehicles carrying ``n`` people takes :meth:`Checkpoint.service_s`
  ``(v, n)`` and must start and clear inside one open interval. Empty legs
  (before the first stop) pass it only when ``checks_empty``; direction ``in``
  then, ``out`` for every leg after the first stop. A convoy waits at the
  checkpoint (queue) until it is free and open.
- **Boarding** at a stop starts at ``max(arrival, pickup.ready_s)`` and takes
  ``max over vehicles of (people boarding that vehicle x board_s_per_person)``
  (vehicles board side by side); unloading likewise with
  ``leave_s_per_person``.
- **Time**: every departure, drive, passage, stop and unloading lies inside
  ``[0, window_end_s]`` and outside the ``night`` intervals, except an overnight
  :class:`Halt` at a checkpoint with ``overnight_halt`` (the convoy stands there
  from its clear time through the night). A vehicle departs first at
  ``max(vehicle.available_s, rules.mobilisation_s)``.
- **Vehicles**: one round at a time; a vehicle's next round forms at the
  destination of its previous one, at or after its ``unloaded`` time. Seats
  carry general and reduced-mobility people, stretcher places stretcher cases
  only. At most ``rules.max_convoy`` vehicles per round.
- **Escorts**: each round has one escort team; at most ``rules.escort_teams``
  teams (``None`` = unlimited). A team leads one round at a time; between two
  rounds it travels from the previous destination to the next formation place
  in :meth:`Problem.transfer_s` (a team's first round may form anywhere).
- **Headway**: two rounds forming at the same place depart at least
  ``rules.headway_s`` apart.
- **Destinations** take at most ``capacity`` people; a pickup with
  ``destination`` set may only go there.
- **Objective**, in order: people out (with ``rules.priority_first``, first by
  class of :func:`class_order`: stretcher cases, reduced mobility, general, each
  by pickup priority), earliest finish, fewest rounds, fewest vehicle-km.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

INF = math.inf

#: The passenger groups, in the order the priority rule serves them.
GROUPS = ("stretcher", "reduced_mobility", "general")


@dataclass(frozen=True)
class Vehicle:
    """One vehicle. ``profile``: key into :attr:`Problem.legs` (vehicles of a profile drive the same legs)."""

    id: str
    depot: str
    seats: int
    stretcher_places: int = 0
    available_s: float = 0.0
    profile: str = "bus"

    @property
    def capacity(self) -> int:
        return self.seats + self.stretcher_places


@dataclass(frozen=True)
class Pickup:
    """People waiting at an assembly point, by group; ``priority`` 1 first; ``destination``: the only one allowed."""

    id: str
    general: int = 0
    reduced_mobility: int = 0
    stretcher: int = 0
    ready_s: float = 0.0
    priority: int = 1
    destination: str | None = None

    @property
    def people(self) -> int:
        return self.general + self.reduced_mobility + self.stretcher

    @property
    def by_group(self) -> tuple:
        """People in :data:`GROUPS` order."""
        return (self.stretcher, self.reduced_mobility, self.general)


@dataclass(frozen=True)
class Destination:
    id: str
    capacity: float = INF


@dataclass(frozen=True)
class Checkpoint:
    """A checkpoint: one convoy at a time, ``lanes`` vehicles side by side.

    Times in seconds: ``convoy_s`` per passage, ``vehicle_s`` per vehicle per
    lane, ``person_s`` per person (split over lanes), ``hold_s`` added to every
    passage. ``open``: intervals ``(start_s, end_s)`` in which a passage may
    start and clear.
    """

    id: str
    convoy_s: float = 1200.0
    vehicle_s: float = 120.0
    person_s: float = 0.0
    lanes: int = 1
    hold_s: float = 0.0
    open: tuple = ((-INF, INF),)
    checks_empty: bool = True
    overnight_halt: bool = False

    def service_s(self, vehicles: int, people: int = 0) -> float:
        """Whole seconds one passage of ``vehicles`` carrying ``people`` takes."""
        if vehicles <= 0:
            return 0.0
        lanes = max(1, int(self.lanes))
        s = self.convoy_s + math.ceil(vehicles / lanes) * self.vehicle_s + people * self.person_s / lanes + self.hold_s
        return float(math.ceil(s - 1e-9))


@dataclass(frozen=True)
class Leg:
    """A drive between two places: ``time_s``, ``length_m``, and ``checkpoints`` as ``((id, offset_s), ...)``."""

    time_s: float
    length_m: float = 0.0
    checkpoints: tuple = ()
    route_nodes: tuple = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Rules:
    max_convoy: int = 15
    escort_teams: int | None = None
    headway_s: float = 600.0
    board_s_per_person: float = 30.0
    leave_s_per_person: float = 15.0
    mobilisation_s: float = 5400.0
    priority_first: bool = True
    max_stops: int = 3  # assembly points one round collects at, at most


@dataclass
class Problem:
    """Everything the scheduler needs (see the module docstring for the model)."""

    vehicles: list
    pickups: list
    destinations: list
    checkpoints: dict  # id -> Checkpoint
    legs: dict  # profile -> {(from_id, to_id): Leg}
    window_end_s: float
    night: list = field(default_factory=list)  # [(start_s, end_s)]
    rules: Rules = field(default_factory=Rules)
    #: ``(a, b)`` pairs: vehicles of profile ``a`` may drive in a convoy on profile ``b``'s legs
    #: (they fit wherever ``b`` fits). Every profile follows itself.
    can_follow: frozenset = frozenset()

    @property
    def demand(self) -> int:
        return sum(p.people for p in self.pickups)

    def pickup(self, pid) -> Pickup:
        d = self.__dict__.get("_pk")  # _index inlined: the scheduler asks for pickups in its inner loops
        if d is None or len(d) != len(self.pickups):
            d = self._index("_pk", self.pickups)
        return d[pid]

    def destination(self, did) -> Destination:
        return self._index("_ds", self.destinations)[did]

    def vehicle(self, vid) -> Vehicle:
        return self._index("_vh", self.vehicles)[vid]

    def _index(self, name, items):
        d = self.__dict__.get(name)
        if d is None or len(d) != len(items):
            d = {x.id: x for x in items}
            self.__dict__[name] = d
        return d

    def leg(self, profile, a, b) -> Leg | None:
        if a == b:
            return Leg(0.0, 0.0, ())
        return self.legs.get(profile, {}).get((a, b))

    def follows(self, a, b) -> bool:
        return a == b or (a, b) in self.can_follow

    def transfer_s(self, a, b) -> float:
        """An escort team's drive from place ``a`` to ``b`` alone: the fastest profile's leg (``inf`` if none)."""
        if a == b:
            return 0.0
        best = INF
        for legs in self.legs.values():
            lg = legs.get((a, b))
            if lg is not None:
                best = min(best, lg.time_s)
        return best

    def first_departure(self, v: Vehicle) -> float:
        a, m = float(v.available_s), float(self.rules.mobilisation_s)
        return m if m > a else a  # max(a, m)

    def segments(self) -> list:
        """Daylight parts of the window, ``[(start_s, end_s), ...]``."""
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


# ---------------------------------------------------------------- solutions


@dataclass
class PassPlan:
    """One round's passage of one checkpoint (seconds)."""

    checkpoint: str
    direction: str  # "in" (empty) or "out" (loaded)
    arrive: float
    start: float
    clear: float
    vehicles: int
    people: int


@dataclass
class StopPlan:
    pickup: str
    arrive: float
    depart: float
    load: dict  # vehicle id -> (stretcher, reduced_mobility, general) boarded here


@dataclass
class HaltPlan:
    place: str
    start: float
    end: float
    direction: str = "out"


@dataclass
class RoundPlan:
    """One convoy round (seconds). ``lead``: the profile whose legs it drives; ``escort``: team index."""

    vehicles: list  # vehicle ids
    lead: str
    escort: int
    formation: str
    depart: float
    stops: list  # StopPlan, in order
    destination: str
    arrive: float
    unloaded: float
    passes: list = field(default_factory=list)  # PassPlan, in driving order
    halts: list = field(default_factory=list)
    length_m: dict = field(default_factory=lambda: {"in": 0.0, "out": 0.0})
    latest_depart: float = 0.0

    @property
    def people(self) -> int:
        return sum([sum(map(sum, s.load.values())) for s in self.stops])

    def by_group(self) -> tuple:
        out = [0, 0, 0]
        for s in self.stops:
            for x in s.load.values():
                for g in range(3):
                    out[g] += x[g]
        return tuple(out)

    def vehicle_load(self, vid) -> tuple:
        out = [0, 0, 0]
        for s in self.stops:
            x = s.load.get(vid)
            if x:
                for g in range(3):
                    out[g] += x[g]
        return tuple(out)

    @property
    def vehicle_km(self) -> float:
        return len(self.vehicles) * (self.length_m.get("in", 0.0) + self.length_m.get("out", 0.0)) / 1000.0


@dataclass
class Solution:
    rounds: list  # RoundPlan, by departure
    settings: str = ""  # which run of the engine made it (shown in the schedule's details)
    run: tuple | None = field(default=None, repr=False, compare=False)  # (Settings, by_class) of that run

    def taken(self) -> dict:
        """``pickup id -> [stretcher, reduced_mobility, general]`` carried."""
        out: dict = {}
        for r in self.rounds:
            for s in r.stops:
                acc = out.setdefault(s.pickup, [0, 0, 0])
                for x in s.load.values():
                    for g in range(3):
                        acc[g] += x[g]
        return out

    @property
    def evacuated(self) -> int:
        return sum(r.people for r in self.rounds)

    @property
    def by_group(self) -> tuple:
        out = [0, 0, 0]
        for r in self.rounds:
            for g, n in enumerate(r.by_group()):
                out[g] += n
        return tuple(out)

    @property
    def finish(self) -> float | None:
        return max((r.unloaded for r in self.rounds if r.people), default=None)

    @property
    def vehicle_km(self) -> float:
        return sum(r.vehicle_km for r in self.rounds)

    def key(self, problem: Problem) -> tuple:
        """Comparison key, larger is better (the objective of the module docstring)."""
        head = class_counts(problem.pickups, self.taken()) if problem.rules.priority_first else ()
        return tuple(head) + (self.evacuated, -(self.finish or 0.0), -len(self.rounds), -round(self.vehicle_km, 3))


def class_order(pickups) -> list:
    """Classes of the priority rule in order: ``[(group index, priority), ...]`` (empty classes left out)."""
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
