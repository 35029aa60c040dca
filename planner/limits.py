"""Every limit the engine holds its input to, in one place.

Two kinds of limit live here:

- **physical ranges** of the numbers in a plan or a variants file (a checkpoint
  hold of 10^308 minutes, a bus of 10^7 seats or a window in the year 9999 is
  a typo, not a plan): :data:`RANGES`, read by :mod:`planner.plan.validate`
  and :mod:`planner.whatif.changes`;
- **scale limits**: the sizes the engine computes in a few minutes at most on
  an ordinary laptop (pickups, vehicles, window length, what-if runs). A plan
  above them is refused at validation with the limit in the message rather
  than left to run for an hour. They follow the scheduler's targets (design
  section 11, issue 14): 500 buses / 200 pickups in 30 s; 100,000 people,
  300 buses and 100 pickups over 3 days in 60 s; 1,000 pickups in seconds.
  Raise them here (and only here) when the engine gets faster; the figures
  they were chosen from are in ``benchmarks/scale_limits.py``.

And the sizes of files the CLI and the GUI read (a plan is a few hundred kB;
``/dev/zero`` never ends).
"""

from __future__ import annotations

from dataclasses import dataclass

# ---------------------------------------------------------------- files read

#: Largest plan file read (bytes). A 1,000-pickup plan with long corridors is about 1 MB.
MAX_PLAN_BYTES = 50 * 1024 * 1024
#: Largest variants file read (bytes). A few hundred variants are well under 1 MB.
MAX_VARIANTS_BYTES = 50 * 1024 * 1024
#: Largest polygon (GeoJSON) or point-pairs (CSV) file the CLI reads (bytes).
MAX_AUX_BYTES = 50 * 1024 * 1024

# ---------------------------------------------------------------- messages

#: Characters of a value quoted in a message at most (longer values end in "…").
MESSAGE_QUOTE_CHARS = 80
#: Characters of an element's name in a message at most (real corridor names run to about 100).
NAME_QUOTE_CHARS = 120

# ---------------------------------------------------------------- texts

#: Longest id, name, vehicle type, plate or contact field (characters). Names print on A4 cards.
MAX_NAME_CHARS = 200
#: Longest plan notes (characters).
MAX_NOTES_CHARS = 100_000

# ---------------------------------------------------------------- scale (what the engine computes in minutes)

#: Assembly points per plan. Target: 1,000 pickups in seconds; measured on main before the new
#: scheduler: 1,000 pickups 89 s, 5,000 never finished.
MAX_PICKUPS = 1_000
#: Reception points per plan (each is a routing target from every pickup).
MAX_DESTINATIONS = 100
#: Depots per plan.
MAX_DEPOTS = 200
#: Checkpoints per plan (each is a queue the scheduler books every convoy through).
MAX_CHECKPOINTS = 200
#: Hazard zones, road closures and corridors per plan (each one is a geometry test over the network).
MAX_AREAS = 2_000
#: Vertices of one corridor line, hazard polygon or closure.
MAX_GEOMETRY_POINTS = 100_000
#: Vehicles in the whole fleet (sum of counts). Target: 500 buses in 30 s; 2,000 leaves room for
#: large multi-day plans while finishing in minutes.
MAX_VEHICLES = 2_000
#: Longest window (days), the documented maximum. Target: 3 days in 60 s; measured with the new
#: scheduler: 14 days of 2,000 buses / 200 pickups in 60 s (before it: 3 days never finished).
MAX_WINDOW_DAYS = 14
#: People in the whole plan (sum over pickups and groups): 10x the 100,000-people target.
MAX_PEOPLE = 1_000_000
#: Points of one sweep (each point is one full schedule).
MAX_SWEEP_POINTS = 200
#: Variants in one variants file.
MAX_VARIANTS = 200
#: Runs of one what-if (variants plus every sweep point plus the base), each a full schedule:
#: about 1 s each for the demo, two at a time on a 2-core laptop.
MAX_WHATIF_RUNS = 400

# ---------------------------------------------------------------- physical ranges

#: Seven days in minutes: the longest hold, mobilisation or checkpoint passage that makes sense.
WEEK_MIN = 7 * 24 * 60.0
#: Earliest and latest year of any date in a plan or a variants file.
MIN_YEAR, MAX_YEAR = 1900, 2200


@dataclass(frozen=True)
class Range:
    """Allowed values of one number: ``lo`` (exclusive when ``lo_open``) to ``hi``, whole or not."""

    lo: float | None
    hi: float | None
    unit: str = ""
    whole: bool = False
    lo_open: bool = False

    def contains(self, v) -> bool:
        """Whether ``v`` (already known to be a finite number) lies in the range."""
        if self.lo is not None and (v <= self.lo if self.lo_open else v < self.lo):
            return False
        return self.hi is None or v <= self.hi

    def describe(self) -> str:
        """``"a number ≥ 0 and ≤ 10,080 (minutes)"``: what a message says is wanted."""
        parts = []
        if self.lo is not None:
            parts.append(f"{'>' if self.lo_open else '≥'} {_num(self.lo)}")
        if self.hi is not None:
            parts.append(f"≤ {_num(self.hi)}")
        what = "a whole number" if self.whole else "a number"
        unit = f" ({self.unit})" if self.unit else ""
        return what + (" " + " and ".join(parts) if parts else "") + unit


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


#: Physical range of every number of a plan, by the field name in the file. Variants change the
#: same fields and are held to the same ranges.
RANGES = {
    # rules
    "approach_radius_m": Range(0, 50_000, "metres"),
    "max_convoy_size": Range(1, MAX_VEHICLES, "vehicles", whole=True),
    "headway_min": Range(0, 24 * 60, "minutes"),
    "loading_s_per_person": Range(1, 3600, "seconds per person"),
    "unloading_s_per_person": Range(1, 3600, "seconds per person"),
    "mobilisation_min": Range(0, WEEK_MIN, "minutes"),
    "open_road_speed_kph": Range(1, 200, "km/h"),
    "city_speed_kph": Range(1, 200, "km/h"),
    "snap_limit_m": Range(0, 50_000, "metres", lo_open=True),
    "escort_teams": Range(1, MAX_VEHICLES, "convoys", whole=True),
    # pickups
    "people": Range(0, MAX_PEOPLE, "people", whole=True),
    "priority": Range(1, 1000, whole=True),
    # destinations
    "capacity": Range(1, 10 * MAX_PEOPLE, "people", whole=True),
    # vehicles
    "count": Range(1, MAX_VEHICLES, "vehicles", whole=True),
    "seats": Range(0, 300, "seats", whole=True),
    "stretcher_places": Range(0, 50, "places", whole=True),
    "max_speed_kph": Range(1, 200, "km/h"),
    "height_m": Range(0.5, 10, "metres"),
    "weight_t": Range(0.5, 200, "tonnes"),
    "length_m": Range(1, 50, "metres"),
    # corridors
    "width_m": Range(0, 50_000, "metres", lo_open=True),
    # checkpoints
    "minutes_per_vehicle": Range(0, WEEK_MIN, "minutes"),
    "minutes_per_convoy": Range(0, WEEK_MIN, "minutes"),
    "hold_min": Range(0, WEEK_MIN, "minutes"),
    "seconds_per_person": Range(0, 3600, "seconds per person"),
    "lanes": Range(1, 50, "lanes", whole=True),
    # hazards
    "speed_factor": Range(0, 1, lo_open=True),
    # variants: the window change and the scale factors
    "duration_h": Range(0, MAX_WINDOW_DAYS * 24, "hours", lo_open=True),
    "shift_min": Range(-366 * 24 * 60, 366 * 24 * 60, "minutes"),
    "factor": Range(0, 100),
    "scale": Range(0, 100),
}
