"""The convoy schedule as typed objects (design sections 6 and 10).

What the scheduler returns and everything downstream reads (exports, the GUI,
what-if): plain dataclasses with aware ``datetime`` fields. JSON exists only at
the edges: :func:`schedule_to_json` writes the contract of design section 10
(``"format": "evacplan-schedule", "version": 2``) and :func:`schedule_from_json`
reads it back into the same objects.

Vocabulary: a **convoy** here is one *round* of an escorted convoy (it forms,
drives in empty, collects at its stops, drives out, unloads); ``Convoy.round``
counts the rounds of the same escort team. A **trip** is one vehicle's part in
one convoy round.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

SCHEDULE_FORMAT = "evacplan-schedule"
SCHEDULE_VERSION = 2

#: Passenger groups, in the order the priority rule serves them.
GROUP_NAMES = ("stretcher", "reduced_mobility", "general")
#: Directions of a checkpoint passage: ``in`` towards the assembly points (empty), ``out`` loaded.
DIRECTIONS = ("in", "out")
#: Reasons for demand left waiting (design section 6).
UNSERVED_REASONS = (
    "unreachable",
    "destination capacity",
    "window",
    "checkpoint throughput",
    "escorts",
    "fleet",
    "priority rule",
)


def _groups(d: dict | None = None) -> dict:
    d = d or {}
    return {g: int(d.get(g, 0)) for g in GROUP_NAMES}


@dataclass(frozen=True)
class CheckpointPassage:
    """One convoy's passage of one checkpoint in one direction.

    ``arrive``: the convoy reaches the checkpoint; ``start_service``: the checkpoint
    starts on it (later when another convoy is served, or outside open hours);
    ``clear``: the last vehicle is through.
    """

    checkpoint: str
    direction: str
    convoy: str
    arrive: datetime
    start_service: datetime
    clear: datetime
    vehicles: int = 0
    people: int = 0

    @property
    def wait(self) -> timedelta:
        """Time queued before service starts."""
        return self.start_service - self.arrive

    @property
    def service(self) -> timedelta:
        return self.clear - self.start_service


@dataclass(frozen=True)
class Stop:
    """A convoy's stop at an assembly point: it arrives, boards, departs."""

    pickup: str
    arrive: datetime
    depart: datetime
    boarded: int
    by_group: dict = field(default_factory=_groups)

    @property
    def dwell(self) -> timedelta:
        return self.depart - self.arrive


@dataclass(frozen=True)
class Halt:
    """An overnight halt of a convoy at a place that allows it (a checkpoint id or a stop)."""

    place: str
    start: datetime
    end: datetime
    direction: str = "out"


@dataclass
class Convoy:
    """One round of an escorted convoy (design section 6).

    ``formation_place``: the staging area (depot id) or the reception point of the
    escort's previous round, where the vehicles form up and ``depart``.
    ``arrive``: reaches ``destination``; ``unloaded``: the last passenger is off.
    ``latest_safe_depart``: the latest formation departure at which every stop,
    passage and arrival of this round still fits the window, the open hours and
    daylight. ``route_nodes``: OSM node ids of the empty leg (``"in"``: formation
    to the first stop) and the loaded legs (``"out"``: first stop through the
    other stops to the destination). ``profile``: the vehicle profile whose
    routes the convoy drives (every member fits them).
    """

    id: str
    round: int
    escort: str
    vehicles: list
    formation_place: str
    depart: datetime
    stops: list
    destination: str
    arrive: datetime
    unloaded: datetime
    latest_safe_depart: datetime
    passages: list = field(default_factory=list)
    halts: list = field(default_factory=list)
    route_nodes: dict = field(default_factory=lambda: {"in": [], "out": []})
    length_m: dict = field(default_factory=lambda: {"in": 0.0, "out": 0.0})
    profile: str = "bus"

    @property
    def people(self) -> int:
        return sum(s.boarded for s in self.stops)

    @property
    def size(self) -> int:
        """Vehicles in the convoy."""
        return len(self.vehicles)

    @property
    def pickups(self) -> list:
        return [s.pickup for s in self.stops]

    def passages_in(self, direction: str) -> list:
        return [p for p in self.passages if p.direction == direction]

    @property
    def end(self) -> datetime:
        return self.unloaded


@dataclass(frozen=True)
class Boarding:
    """People of one pickup on one vehicle."""

    pickup: str
    people: int
    by_group: dict = field(default_factory=_groups)


@dataclass
class Trip:
    """One vehicle's part in one convoy round."""

    vehicle: str
    convoy: str
    seats: int
    stretcher_places: int
    boarded: list = field(default_factory=list)
    vehicle_type: str = "bus"
    depot: str = ""
    plate: str = ""

    @property
    def passengers(self) -> int:
        return sum(b.people for b in self.boarded)

    @property
    def passengers_by_group(self) -> dict:
        out = _groups()
        for b in self.boarded:
            for g in GROUP_NAMES:
                out[g] += int(b.by_group.get(g, 0))
        return out


@dataclass(frozen=True)
class Unserved:
    """People a pickup still has at the end, and why (one of :data:`UNSERVED_REASONS`)."""

    pickup: str
    people: int
    reason: str
    detail: str = ""
    by_group: dict = field(default_factory=_groups)
    #: the detail's code in :data:`planner.schedule.report.DETAILS` and its parameters (for translations)
    code: str = ""
    params: dict = field(default_factory=dict, hash=False)


@dataclass
class CheckpointQueue:
    """Every passage of one checkpoint, in service order."""

    checkpoint: str
    passages: list = field(default_factory=list)

    @property
    def max_wait(self) -> timedelta:
        return max((p.wait for p in self.passages), default=timedelta(0))


@dataclass(frozen=True)
class HourlyRow:
    """People arrived at reception points, on the road, and still waiting, at ``at``."""

    at: datetime
    label: str
    evacuated: int
    on_road: int
    waiting: int


@dataclass
class Kpis:
    demand: int = 0
    evacuated: int = 0
    upper_bound: int = 0
    finish: datetime | None = None
    convoys: int = 0
    vehicle_km: float = 0.0
    seat_use: float = 0.0
    by_group: dict = field(default_factory=_groups)
    vehicles_used: int = 0
    trips_total: int = 0  # vehicle trips (one per vehicle per convoy round)

    @property
    def gap(self) -> float:
        """Share of the upper bound this schedule leaves out (0 = proven best)."""
        ub = self.upper_bound
        return 0.0 if ub <= 0 else max(0.0, (ub - self.evacuated) / ub)

    @property
    def mean_convoy_size(self) -> float:
        """Vehicles per convoy round, on average."""
        return 0.0 if not self.convoys else self.trips_total / self.convoys


@dataclass
class Schedule:
    """A computed convoy schedule and everything planners read from it."""

    plan_name: str
    network: dict
    window_start: datetime
    window_end: datetime
    kpis: Kpis
    convoys: list = field(default_factory=list)
    trips: list = field(default_factory=list)
    checkpoint_queues: list = field(default_factory=list)
    unserved: list = field(default_factory=list)
    hourly: list = field(default_factory=list)
    buses_needed: dict = field(default_factory=dict)
    bound_detail: dict = field(default_factory=dict)
    routing_problems: list = field(default_factory=list)
    without_priority_rule: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    problem: Any = field(default=None, repr=False, compare=False)
    solution: Any = field(default=None, repr=False, compare=False)

    # the KPIs most readers want, at the top
    @property
    def demand(self) -> int:
        return self.kpis.demand

    @property
    def evacuated(self) -> int:
        return self.kpis.evacuated

    @property
    def upper_bound(self) -> int:
        return self.kpis.upper_bound

    @property
    def gap(self) -> float:
        return self.kpis.gap

    @property
    def finish(self) -> datetime | None:
        return self.kpis.finish

    @property
    def vehicle_km(self) -> float:
        return self.kpis.vehicle_km

    @property
    def seat_use(self) -> float:
        return self.kpis.seat_use

    @property
    def by_group(self) -> dict:
        return self.kpis.by_group

    def convoy(self, convoy_id: str) -> Convoy | None:
        return next((c for c in self.convoys if c.id == convoy_id), None)

    def trips_of(self, convoy_id: str) -> list:
        return [t for t in self.trips if t.convoy == convoy_id]

    def trips_by_vehicle(self) -> dict:
        """``vehicle id -> [Trip, ...]`` in the order of their convoys' departures."""
        order = {c.id: (c.depart, i) for i, c in enumerate(self.convoys)}
        out: dict = {}
        for t in sorted(self.trips, key=lambda t: (t.vehicle, order.get(t.convoy, (self.window_start, 0)))):
            out.setdefault(t.vehicle, []).append(t)
        return out

    def to_json(self) -> dict:
        return schedule_to_json(self)

    def save_json(self, path) -> None:
        """Write :meth:`to_json` atomically (temporary file, then rename)."""
        from planner.fileio import write_text_atomic

        write_text_atomic(path, json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n", what="the schedule")


# ---------------------------------------------------------------- JSON (the edges only)


def _iso(t: datetime | None) -> str | None:
    return None if t is None else t.isoformat(timespec="seconds")


def _dt(s: str | None) -> datetime | None:
    return None if s is None else datetime.fromisoformat(s)


def _passage_json(p: CheckpointPassage, with_convoy: bool) -> dict:
    d = {"id": p.checkpoint} if not with_convoy else {"convoy": p.convoy}
    d.update(
        direction=p.direction,
        arrive=_iso(p.arrive),
        start_service=_iso(p.start_service),
        clear=_iso(p.clear),
        vehicles=p.vehicles,
        people=p.people,
    )
    return d


def schedule_to_json(s: Schedule) -> dict:
    """The schedule JSON contract, version 2 (design section 10)."""
    k = s.kpis
    return {
        "format": SCHEDULE_FORMAT,
        "version": SCHEDULE_VERSION,
        "plan": s.plan_name,
        "network": dict(s.network),
        "window": {"start": _iso(s.window_start), "end": _iso(s.window_end)},
        "kpis": {
            "demand": k.demand,
            "evacuated": k.evacuated,
            "upper_bound": k.upper_bound,
            "gap": round(k.gap, 4),
            "finish": _iso(k.finish),
            "convoys": k.convoys,
            "vehicle_km": round(k.vehicle_km, 1),
            "seat_use": round(k.seat_use, 3),
            "by_group": dict(k.by_group),
            "vehicles_used": k.vehicles_used,
            "trips": k.trips_total,
        },
        "convoys": [
            {
                "id": c.id,
                "round": c.round,
                "escort": c.escort,
                "vehicles": list(c.vehicles),
                "profile": c.profile,
                "formation": {"place": c.formation_place, "depart": _iso(c.depart)},
                "stops": [
                    {
                        "pickup": st.pickup,
                        "arrive": _iso(st.arrive),
                        "depart": _iso(st.depart),
                        "boarded": st.boarded,
                        "by_group": dict(st.by_group),
                    }
                    for st in c.stops
                ],
                "destination": c.destination,
                "arrive": _iso(c.arrive),
                "unloaded": _iso(c.unloaded),
                "latest_safe_depart": _iso(c.latest_safe_depart),
                "checkpoints": [
                    {k2: v for k2, v in _passage_json(p, False).items() if k2 not in ("vehicles", "people")}
                    for p in c.passages
                ],
                "halts": [
                    {"place": h.place, "start": _iso(h.start), "end": _iso(h.end), "direction": h.direction}
                    for h in c.halts
                ],
                "route_nodes": {
                    "in": [int(n) for n in c.route_nodes.get("in", [])],
                    "out": [int(n) for n in c.route_nodes.get("out", [])],
                },
                "length_km": {d: round(float(c.length_m.get(d, 0.0)) / 1000.0, 3) for d in DIRECTIONS},
            }
            for c in s.convoys
        ],
        "trips": [
            {
                "vehicle": t.vehicle,
                "vehicle_type": t.vehicle_type,
                "depot": t.depot,
                "plate": t.plate,
                "seats": t.seats,
                "stretcher_places": t.stretcher_places,
                "convoy": t.convoy,
                "passengers": t.passengers,
                "passengers_by_group": t.passengers_by_group,
                "boarded": [{"pickup": b.pickup, "people": b.people, "by_group": dict(b.by_group)} for b in t.boarded],
            }
            for t in s.trips
        ],
        "checkpoint_queues": [
            {"id": q.checkpoint, "passages": [_passage_json(p, True) for p in q.passages]} for q in s.checkpoint_queues
        ],
        "unserved": [
            {
                "pickup": u.pickup,
                "people": u.people,
                "reason": u.reason,
                "detail": u.detail,
                "by_group": dict(u.by_group),
                "code": u.code,
                "params": dict(u.params),
            }
            for u in s.unserved
        ],
        "hourly": [
            {"at": _iso(h.at), "label": h.label, "evacuated": h.evacuated, "on_road": h.on_road, "waiting": h.waiting}
            for h in s.hourly
        ],
        "buses_needed": dict(s.buses_needed),
        "bound": dict(s.bound_detail),
        "routing_problems": list(s.routing_problems),
        "without_priority_rule": dict(s.without_priority_rule),
    }


def schedule_from_json(d: dict) -> Schedule:
    """Read the version-2 contract back into :class:`Schedule` (no problem/solution attached).

    Raises ``ValueError`` for another format or version.
    """
    if not isinstance(d, dict) or d.get("format") != SCHEDULE_FORMAT:
        raise ValueError(f'not an evacplan schedule (expected "format": "{SCHEDULE_FORMAT}")')
    if d.get("version") != SCHEDULE_VERSION:
        raise ValueError(f"schedule format version {d.get('version')!r} is not {SCHEDULE_VERSION}")
    k = d["kpis"]
    kpis = Kpis(
        demand=int(k["demand"]),
        evacuated=int(k["evacuated"]),
        upper_bound=int(k["upper_bound"]),
        finish=_dt(k.get("finish")),
        convoys=int(k["convoys"]),
        vehicle_km=float(k["vehicle_km"]),
        seat_use=float(k["seat_use"]),
        by_group=_groups(k.get("by_group")),
        vehicles_used=int(k.get("vehicles_used", 0)),
        trips_total=int(k.get("trips", 0)),
    )
    sizes = {}
    convoys = []
    for c in d["convoys"]:
        sizes[c["id"]] = len(c["vehicles"])
        convoys.append(
            Convoy(
                id=c["id"],
                round=int(c["round"]),
                escort=c["escort"],
                vehicles=list(c["vehicles"]),
                profile=c.get("profile", "bus"),
                formation_place=c["formation"]["place"],
                depart=_dt(c["formation"]["depart"]),
                stops=[
                    Stop(
                        st["pickup"],
                        _dt(st["arrive"]),
                        _dt(st["depart"]),
                        int(st["boarded"]),
                        _groups(st.get("by_group")),
                    )
                    for st in c["stops"]
                ],
                destination=c["destination"],
                arrive=_dt(c["arrive"]),
                unloaded=_dt(c.get("unloaded") or c["arrive"]),
                latest_safe_depart=_dt(c["latest_safe_depart"]),
                passages=[],
                halts=[
                    Halt(h["place"], _dt(h["start"]), _dt(h["end"]), h.get("direction", "out"))
                    for h in c.get("halts", [])
                ],
                route_nodes={"in": list(c["route_nodes"].get("in", [])), "out": list(c["route_nodes"].get("out", []))},
                length_m={dd: float(c.get("length_km", {}).get(dd, 0.0)) * 1000.0 for dd in DIRECTIONS},
            )
        )
    queues = []
    by_convoy: dict = {}
    for q in d.get("checkpoint_queues", []):
        ps = []
        for p in q["passages"]:
            cp = CheckpointPassage(
                q["id"],
                p["direction"],
                p["convoy"],
                _dt(p["arrive"]),
                _dt(p["start_service"]),
                _dt(p["clear"]),
                int(p.get("vehicles", sizes.get(p["convoy"], 0))),
                int(p.get("people", 0)),
            )
            ps.append(cp)
            by_convoy.setdefault(cp.convoy, []).append(cp)
        queues.append(CheckpointQueue(q["id"], ps))
    for c in convoys:
        c.passages = sorted(by_convoy.get(c.id, []), key=lambda p: p.arrive)
    trips = [
        Trip(
            vehicle=t["vehicle"],
            convoy=t["convoy"],
            seats=int(t["seats"]),
            stretcher_places=int(t["stretcher_places"]),
            boarded=[Boarding(b["pickup"], int(b["people"]), _groups(b.get("by_group"))) for b in t["boarded"]],
            vehicle_type=t.get("vehicle_type", "bus"),
            depot=t.get("depot", ""),
            plate=t.get("plate", ""),
        )
        for t in d["trips"]
    ]
    return Schedule(
        plan_name=d["plan"],
        network=dict(d["network"]),
        window_start=_dt(d["window"]["start"]),
        window_end=_dt(d["window"]["end"]),
        kpis=kpis,
        convoys=convoys,
        trips=trips,
        checkpoint_queues=queues,
        unserved=[
            Unserved(
                u["pickup"],
                int(u["people"]),
                u["reason"],
                u.get("detail", ""),
                _groups(u.get("by_group")),
                u.get("code", ""),
                dict(u.get("params") or {}),
            )
            for u in d.get("unserved", [])
        ],
        hourly=[
            HourlyRow(_dt(h["at"]), h.get("label", ""), int(h["evacuated"]), int(h["on_road"]), int(h["waiting"]))
            for h in d.get("hourly", [])
        ],
        buses_needed=dict(d.get("buses_needed", {})),
        bound_detail=dict(d.get("bound", {})),
        routing_problems=list(d.get("routing_problems", [])),
        without_priority_rule=dict(d.get("without_priority_rule", {})),
    )


def load_schedule(path) -> Schedule:
    """Read a schedule JSON file written by ``evacplan schedule --json``."""
    with open(path, encoding="utf-8") as f:
        return schedule_from_json(json.load(f))
