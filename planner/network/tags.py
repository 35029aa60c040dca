"""OSM way tags a bus driver must obey: access for buses and other motor vehicles, size limits.

Plain functions over a tag mapping (``dict`` or pyosmium ``TagList``), used at
import (design section 3).
"""

from __future__ import annotations

import math
import re

from planner.network.model import ACCESS_DESTINATION, ACCESS_NO, ACCESS_YES

ACCESS_VALUES = {
    "yes": ACCESS_YES,
    "permissive": ACCESS_YES,
    "designated": ACCESS_YES,
    "official": ACCESS_YES,
    "discouraged": ACCESS_YES,
    "destination": ACCESS_DESTINATION,
    "delivery": ACCESS_DESTINATION,
    "customers": ACCESS_DESTINATION,
    "no": ACCESS_NO,
    "private": ACCESS_NO,
    "agricultural": ACCESS_NO,
    "forestry": ACCESS_NO,
    "use_sidepath": ACCESS_NO,
}
#: Most specific key first (OSM access hierarchy).
BUS_KEYS = ("bus", "psv", "motor_vehicle", "vehicle", "access")
MOTOR_KEYS = ("emergency", "motorcar", "motor_vehicle", "vehicle", "access")


def access(tags, keys) -> int:
    """Access code of a way for the vehicle class whose keys are ``keys`` (most specific first)."""
    for k in keys:
        v = tags.get(k)
        if v is None:
            continue
        code = ACCESS_VALUES.get(v.split(";")[0].strip())
        if code is not None:
            return code
    return ACCESS_YES


def bus_access(tags) -> int:
    """:data:`ACCESS_YES`, :data:`ACCESS_DESTINATION` or :data:`ACCESS_NO` for a bus."""
    return access(tags, BUS_KEYS)


def motor_access(tags) -> int:
    """The same for other motor vehicles (ambulances; ``emergency=yes`` opens a way)."""
    code = access(tags, MOTOR_KEYS[1:])
    if tags.get("emergency") in ("yes", "designated"):
        return ACCESS_YES
    return code


_NUMBER = r"(\d+(?:[.,]\d+)?)"
_FEET = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:'|ft|feet)\s*(?:(\d+(?:\.\d+)?)\s*(?:\"|in|'')?)?\s*$")
_VALUE = re.compile(r"^\s*" + _NUMBER + r"\s*([a-zA-Z]*)\s*$")
_NO_LIMIT = {"none", "default", "unsigned", "no", "below_default", "no_sign", "no_indications"}


#: Factors to metres and to tonnes of the units a ``maxheight``/``maxlength`` and a ``maxweight`` may name.
_METRES = {"": 1.0, "m": 1.0, "cm": 0.01, "mm": 0.001, "ft": 0.3048}
_TONNES = {"": 1.0, "t": 1.0, "kg": 0.001, "st": 0.90718, "lt": 1.01605, "lbs": 0.000453592}


def _limit_text(value) -> str | None:
    """The tag value stripped and in lower case, ``None`` when it sets no limit."""
    if value is None:
        return None
    v = str(value).strip().lower()
    return None if v in _NO_LIMIT else v


def _scaled(v: str, factors: dict) -> float:
    """``<number> <unit>`` times the unit's factor; ``inf`` when unreadable, not positive or in another unit."""
    m = _VALUE.match(v)
    if not m:
        return math.inf
    x = float(m.group(1).replace(",", "."))
    factor = factors.get(m.group(2))
    if factor is None or not x > 0:
        return math.inf
    return x * factor


def parse_length(value) -> float:
    """A ``maxheight``/``maxlength`` value in metres; ``inf`` when none or unreadable.

    Reads ``3.9``, ``3,9 m``, ``390 cm``, ``12'6"``, ``13 ft``.
    """
    v = _limit_text(value)
    if v is None:
        return math.inf
    m = _FEET.match(v)
    if m:
        out = float(m.group(1)) * 0.3048 + float(m.group(2) or 0) * 0.0254
        return out if out > 0 else math.inf
    return _scaled(v, _METRES)


def parse_weight(value) -> float:
    """A ``maxweight`` value in tonnes; ``inf`` when none or unreadable (``3``, ``7.5 t``, ``3500 kg``, ``5 st``)."""
    v = _limit_text(value)
    return math.inf if v is None else _scaled(v, _TONNES)


def way_limits(tags) -> tuple[float, float, float]:
    """(maxheight m, maxweight t, maxlength m) of a way, ``inf`` where it sets none."""
    h = min(parse_length(tags.get("maxheight")), parse_length(tags.get("maxheight:physical")))
    w = parse_weight(tags.get("maxweight"))
    ln = parse_length(tags.get("maxlength"))
    return h, w, ln


def format_limit(kind: str, value: float) -> str:
    """``"maxweight 3 t"``, ``"maxheight 3.9 m"``."""
    unit = "t" if kind == "maxweight" else "m"
    return f"{kind} {value:g} {unit}"
