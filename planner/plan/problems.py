"""A problem found in a plan: one message naming the element and the field, with its code and parameters.

:data:`MESSAGES` is the catalogue of every plan problem the engine makes
(validation and snapping): ``code -> English template`` (see
:mod:`planner.messages`). A :class:`Problem` keeps the full English sentence in
``message`` and, alongside, the ``code`` and ``params`` a translated front end
fills in itself.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from dataclasses import field as _field  # "field" is also an attribute of Problem

from planner.messages import Message

ERROR = "error"
WARNING = "warning"

_SNAP_FIX = "drag it onto a road on the map, or raise the plan's snap limit (rules.snap_limit_m) if it is right"
_SNAP = "lies {distance_m:dist} from the nearest road node of network {network} (OSM node {osmid}), "
_LIMIT = "farther than the snap limit of {limit_m:g} m"
_SERVED = "would be served from a road node {distance_m:dist} away (OSM node {osmid}), " + _LIMIT
_ZONE = "it lies inside blocked {zone} and "
_ZONE_FIX = "move it out of the zone, or make the zone slow instead of blocked"
_OPEN_FIX = "reopen the closed roads near it, or move it onto an open road"
_TOO_MANY = "{n:n} {what}; evacplan computes at most {limit:n} in a few minutes"

#: Every plan problem: ``code -> English template`` (after "<element>: ").
MESSAGES = {
    # any number, text, flag or date field
    "number_range": "{field} must be a number ≥ {lo:g} and ≤ {hi:g}, got {value}",
    "range": "{field} must be a number ≥ {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}",
    "range_open": "{field} must be a number > {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}",
    "range_whole": "{field} must be a whole number ≥ {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}",
    "range_whole_open": "{field} must be a whole number > {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}",
    "below": "{field} must be a number ≥ {lo:num}, got {value}",
    "below_open": "{field} must be a number > {lo:num}, got {value}",
    "below_whole": "{field} must be a whole number ≥ {lo:num}, got {value}",
    "below_whole_open": "{field} must be a whole number > {lo:num}, got {value}",
    "above": "{field} must be at most {hi:num}{unit:unit}, got {value}",
    "flag": "{field} must be true or false, got {value}",
    "datetime": "{field} must be a date and time with a UTC offset, got {value}",
    "datetime_years": "{field} must lie in the years {lo} to {hi}, got {value}",
    "text_type": "{field} must be a text, got {value}",
    "text_empty": "{field} must not be empty",
    "text_long": "{field} is {n:n} characters long, at most {limit:n}: {value}",
    "text_surrogate": "{field} holds a lone surrogate (not a character; no file can store it): {value}",
    "text_control": "{field} holds a control character (newline, tab, escape, ...): {value}",
    "coords_type": "{field} must be a list of (lon, lat) points, got {value}",
    "coords_pair": "{field} must be a (lon, lat) pair, got {value}",
    "coords_few": "{field} needs at least {min} distinct points, got {n}",
    # the types a plan file holds (planner.plan.fileformat)
    "not_object": "must be an object, got {value}",
    "unknown_field": "unknown field {name}",
    "missing": "{field} is missing",
    "null": "{field} must not be null",
    "surrogate": "{field} holds a lone surrogate (not a character): {value}",
    "no_offset": "{field} needs a UTC offset (like +02:00), got {value}",
    "whole_type": "{field} must be a whole number, got {value}",
    "number_type": "{field} must be a number, got {value}",
    "datetime_type": "{field} must be a date and time like 2022-04-30T08:00+02:00, got {value}",
    "time_type": "{field} must be a time like 08:00, got {value}",
    "pairs_type": "{field} must be a list of [lon, lat] pairs, got {value}",
    "pair_type": "{field} must be a [lon, lat] pair, got {value}",
    "list_type": "{field} must be a list, got {value}",
    # scale limits
    "too_many_points": _TOO_MANY.replace("{what}", "points"),
    "too_many_pickups": _TOO_MANY.replace("{what}", "pickups (assembly points)"),
    "too_many_destinations": _TOO_MANY.replace("{what}", "destinations (reception points)"),
    "too_many_depots": _TOO_MANY.replace("{what}", "depots"),
    "too_many_checkpoints": _TOO_MANY.replace("{what}", "checkpoints"),
    "too_many_corridors": _TOO_MANY.replace("{what}", "corridors"),
    "too_many_hazards": _TOO_MANY.replace("{what}", "hazard zones"),
    "too_many_closures": _TOO_MANY.replace("{what}", "road closures"),
    "too_many_vehicles": _TOO_MANY.replace("{what}", "vehicles in the fleet"),
    "too_many_people": _TOO_MANY.replace("{what}", "people waiting in all"),
    # plan settings
    "sha256_format": "network.sha256 must be 64 lowercase hex digits or empty, got {value}",
    "window_order": "window.end ({end}) must be after window.start ({start})",
    "window_too_long": "window is {days:.1f} days long; evacplan schedules windows of at most {limit} days: "
    "is window.end right?",
    "window_long": "window is {days} days long; is window.end right?",
    "network_name_bad": "network.name: {error}",
    "network_unreadable": "network {network}: {error}",
    "network_name_other": "network.name is {plan_network} but it is checked against {network}",
    "network_sha_other": "drawn on another extract of network {network} (sha256 {plan_sha}…, the store has "
    "{store_sha}…); points are snapped anew",
    # ids and references
    "id_empty": "id must be a non-empty text, got {value}",
    "id_printable": "id must be printable text of at most {limit} characters, got {value}",
    "id_duplicate": "id {id} is used by {n} elements; ids must be unique",
    "destination_unknown": "destination {value} is not a destination of this plan",
    # elements
    "nobody": "nobody to take out (all people counts are 0)",
    "ready_late": "ready_time {time} is not before the window ends",
    "vehicles_type": "vehicles must be a list, got {value}",
    "no_vehicles": "no vehicles at this depot",
    "no_seat": "{field}: a vehicle needs at least one seat or stretcher place",
    "plates_type": "{field} must be a list of texts, got {value}",
    "plates_count": "{field}: {plates} plates for {count} vehicles",
    "available_late": "{field} is not before the window ends",
    "line_crosses": "line crosses itself",
    "open_time": "{field} must be a local time like 08:00 (or empty for always open), got {value}",
    "open_equal": "open_from equals open_to: read as open round the clock",
    "polygon_invalid": "polygon is not a valid ring ({why})",
    "polygon_area": "polygon has no area",
    "effect_unknown": "effect must be one of {choices:list}, got {value}",
    "far_from_corridor": "lies {distance_m:km1} from every corridor",
    "outside_bbox": "lies {distance_m:km} outside the bounding box of network {network}",
    "outside_bbox_vertex": "{field} lies {distance_m:km} outside the bounding box of network {network}",
    # the plan as a whole
    "no_pickup": "the plan has no pickup (assembly point)",
    "no_destination": "the plan has no destination (reception point)",
    "no_fleet": "the plan has no vehicles (add a depot with vehicles)",
    "corridor_only": "rules.corridor_only is set but the plan has no corridor",
    "no_stretcher_places": "{n:d} stretcher cases but no vehicle with stretcher places",
    "capacity_short": "destinations take {capacity:d} people in all, fewer than the {demand:d} waiting",
    # snapping onto the road network (refuses the compute)
    "snap_far": _SNAP + _LIMIT + "; " + _SNAP_FIX,
    "snap_far_closure": "{field} " + _SNAP + _LIMIT + "; put the closure on the road it closes, or delete it",
    "served_far": _SERVED + "; " + _OPEN_FIX,
    "served_far_zone": _ZONE + _SERVED + "; " + _ZONE_FIX,
    "served_none": "no open road is left to serve it from; " + _OPEN_FIX,
    "served_none_zone": _ZONE + "no open road is left to serve it from; " + _ZONE_FIX,
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a plan.

    Attributes
    ----------
    severity : str
        ``"error"`` (the plan cannot be computed) or ``"warning"`` (it can, but look).
    element_id : str or None
        Id of the element concerned (``None`` for plan-wide settings such as the window).
    field : str
        The field, as written in the file (``"lanes"``, ``"window.end"``, ``"line[3]"``).
    message : str
        A full sentence naming the element and the field, in English.
    code : str
        The key of its template in :data:`MESSAGES` (``""`` for a problem made elsewhere, such as routing).
    params : dict
        The values that fill the template (plain JSON values).
    """

    severity: str
    element_id: str | None
    field: str
    message: str
    code: str = ""
    params: dict = _field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


def problem(severity: str, element_id: str | None, field_: str, where: str, code: str, /, **params: object) -> Problem:
    """A :class:`Problem` from its ``code`` and ``params``: the message is ``"<where>: <template filled>"``."""
    text = Message(code, MESSAGES[code], params).text
    return Problem(severity, element_id, field_, f"{where}: {text}", code, params)


def errors(problems) -> list:
    """The problems that are errors."""
    return [p for p in problems if p.severity == ERROR]


def warnings(problems) -> list:
    """The problems that are warnings."""
    return [p for p in problems if p.severity == WARNING]
