"""What routing says about a plan, with codes and parameters (see :mod:`planner.messages`).

A remark names plan elements as ``describe`` writes them ("pickup P3 'School 12'",
spec ``el``); why a place cannot be reached is itself a remark of :data:`WHY`
(spec ``why``: ``{"code": ..., "params": ...}``), whose ``cut`` lists what blocks
every way: ``[["leaves", [corridor]], ["crosses", [zone, closure]]]``.
"""

from __future__ import annotations

from planner.messages import Message

#: Routing problems: ``code -> English template``.
REMARKS = {
    "no_snap": "{element:el} has no usable road to snap to",
    "inside_hazard": "{element:el} lies inside blocked {zone:el}; it is served from the nearest usable road node "
    "outside, {distance_m:m} away",
    "snap_far": "{element:el} is {distance_m:m} from the nearest usable road node (limit {limit_m:m})",
    "closure_no_road": "{element:el} touches no road within {limit_m:m}{nearest_m:nearest}; it closes nothing",
    "no_destination": "{pickup:el} cannot reach any destination: {why:why}",
    "destination_unreachable": "{pickup:el} cannot reach {destination:el}: {why:why}",
    "not_reached_by": "{pickup:el} cannot be reached by {vehicles:vehicles}: {why:why}",
    "not_reached": "no vehicle can reach {pickup:el} from any depot or destination: {why:why}",
    "depot_no_pickup": "{depot:el} cannot reach any pickup: {why:why}",
    "off_route": "{checkpoint:el} lies on no pickup -> destination route",
}

#: Why no way leads to a place: ``code -> English template``.
WHY = {
    "path": "every path {cut:cut}{lifted:lifted}",
    "way_in": "every way in {cut:cut}{lifted:lifted}",
    "way_out": "every way out {cut:cut}{lifted:lifted}",
    "no_road": "no road of network {network} leads there",
}


def remark(code: str, **params) -> Message:
    """The routing remark ``code`` of :data:`REMARKS` filled with ``params``."""
    return Message(code, REMARKS[code], params)


def why(code: str, **params) -> dict:
    """A ``why`` parameter: the reason ``code`` of :data:`WHY` and its ``params``."""
    return {"code": code, "params": params}


def why_text(value: dict) -> str:
    """A ``why`` parameter in English."""
    return Message(value["code"], WHY[value["code"]], value["params"]).text
