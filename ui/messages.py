"""What the engine says, in the GUI's language: plan problems, unserved details, progress steps, what-if rows.

The engine (``planner/``) writes English and keeps, beside each message, a
stable code and the raw values that fill it (:mod:`planner.messages`). Here
each code's English template is looked up in Qt's translations (the context is
the catalogue's: ``Problem``, ``Unserved``, ``Step``, ``WhatIf``) and filled by
:class:`LocaleFormatter`, which writes numbers in the language's way (``1 424``,
``2,5 км``). Routing remarks (context ``Routing``, their reasons ``RoutingWhy``)
are translated the same way; an engine error (no code) shows as the engine wrote it.

The dicts below repeat the engine's catalogues literally so that
``pyside6-lupdate`` finds every template (it reads string literals only);
``tests/ui/test_messages.py`` checks that they match :func:`planner.messages.catalogues`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from planner.messages import EnglishFormatter, format_template
from planner.progress import parse_step
from planner.usable import RoutingProblem

# ruff: noqa: E501  (one template a line, as in the engine's catalogues)
PROBLEM = {
    "number_range": QT_TRANSLATE_NOOP("Problem", "{field} must be a number ≥ {lo:g} and ≤ {hi:g}, got {value}"),
    "range": QT_TRANSLATE_NOOP(
        "Problem", "{field} must be a number ≥ {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}"
    ),
    "range_open": QT_TRANSLATE_NOOP(
        "Problem", "{field} must be a number > {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}"
    ),
    "range_whole": QT_TRANSLATE_NOOP(
        "Problem", "{field} must be a whole number ≥ {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}"
    ),
    "range_whole_open": QT_TRANSLATE_NOOP(
        "Problem", "{field} must be a whole number > {lo:num} and ≤ {hi:num}{unit:unitp}, got {value}"
    ),
    "below": QT_TRANSLATE_NOOP("Problem", "{field} must be a number ≥ {lo:num}, got {value}"),
    "below_open": QT_TRANSLATE_NOOP("Problem", "{field} must be a number > {lo:num}, got {value}"),
    "below_whole": QT_TRANSLATE_NOOP("Problem", "{field} must be a whole number ≥ {lo:num}, got {value}"),
    "below_whole_open": QT_TRANSLATE_NOOP("Problem", "{field} must be a whole number > {lo:num}, got {value}"),
    "above": QT_TRANSLATE_NOOP("Problem", "{field} must be at most {hi:num}{unit:unit}, got {value}"),
    "flag": QT_TRANSLATE_NOOP("Problem", "{field} must be true or false, got {value}"),
    "datetime": QT_TRANSLATE_NOOP("Problem", "{field} must be a date and time with a UTC offset, got {value}"),
    "datetime_years": QT_TRANSLATE_NOOP("Problem", "{field} must lie in the years {lo} to {hi}, got {value}"),
    "text_type": QT_TRANSLATE_NOOP("Problem", "{field} must be a text, got {value}"),
    "text_empty": QT_TRANSLATE_NOOP("Problem", "{field} must not be empty"),
    "text_long": QT_TRANSLATE_NOOP("Problem", "{field} is {n:n} characters long, at most {limit:n}: {value}"),
    "text_surrogate": QT_TRANSLATE_NOOP(
        "Problem", "{field} holds a lone surrogate (not a character; no file can store it): {value}"
    ),
    "text_control": QT_TRANSLATE_NOOP(
        "Problem", "{field} holds a control character (newline, tab, escape, ...): {value}"
    ),
    "coords_type": QT_TRANSLATE_NOOP("Problem", "{field} must be a list of (lon, lat) points, got {value}"),
    "coords_pair": QT_TRANSLATE_NOOP("Problem", "{field} must be a (lon, lat) pair, got {value}"),
    "coords_few": QT_TRANSLATE_NOOP("Problem", "{field} needs at least {min} distinct points, got {n}"),
    "not_object": QT_TRANSLATE_NOOP("Problem", "must be an object, got {value}"),
    "unknown_field": QT_TRANSLATE_NOOP("Problem", "unknown field {name}"),
    "missing": QT_TRANSLATE_NOOP("Problem", "{field} is missing"),
    "null": QT_TRANSLATE_NOOP("Problem", "{field} must not be null"),
    "surrogate": QT_TRANSLATE_NOOP("Problem", "{field} holds a lone surrogate (not a character): {value}"),
    "no_offset": QT_TRANSLATE_NOOP("Problem", "{field} needs a UTC offset (like +02:00), got {value}"),
    "whole_type": QT_TRANSLATE_NOOP("Problem", "{field} must be a whole number, got {value}"),
    "number_type": QT_TRANSLATE_NOOP("Problem", "{field} must be a number, got {value}"),
    "datetime_type": QT_TRANSLATE_NOOP(
        "Problem", "{field} must be a date and time like 2022-04-30T08:00+02:00, got {value}"
    ),
    "time_type": QT_TRANSLATE_NOOP("Problem", "{field} must be a time like 08:00, got {value}"),
    "pairs_type": QT_TRANSLATE_NOOP("Problem", "{field} must be a list of [lon, lat] pairs, got {value}"),
    "pair_type": QT_TRANSLATE_NOOP("Problem", "{field} must be a [lon, lat] pair, got {value}"),
    "list_type": QT_TRANSLATE_NOOP("Problem", "{field} must be a list, got {value}"),
    "too_many_points": QT_TRANSLATE_NOOP(
        "Problem", "{n:n} points; evacplan computes at most {limit:n} in a few minutes"
    ),
    "too_many_pickups": QT_TRANSLATE_NOOP(
        "Problem", "{n:n} pickups (assembly points); evacplan computes at most {limit:n} in a few minutes"
    ),
    "too_many_destinations": QT_TRANSLATE_NOOP(
        "Problem", "{n:n} destinations (reception points); evacplan computes at most {limit:n} in a few minutes"
    ),
    "too_many_depots": QT_TRANSLATE_NOOP(
        "Problem", "{n:n} depots; evacplan computes at most {limit:n} in a few minutes"
    ),
    "too_many_checkpoints": QT_TRANSLATE_NOOP(
        "Problem", "{n:n} checkpoints; evacplan computes at most {limit:n} in a few minutes"
    ),
    "too_many_corridors": QT_TRANSLATE_NOOP(
        "Problem", "{n:n} corridors; evacplan computes at most {limit:n} in a few minutes"
    ),
    "too_many_hazards": QT_TRANSLATE_NOOP(
        "Problem", "{n:n} hazard zones; evacplan computes at most {limit:n} in a few minutes"
    ),
    "too_many_closures": QT_TRANSLATE_NOOP(
        "Problem", "{n:n} road closures; evacplan computes at most {limit:n} in a few minutes"
    ),
    "too_many_vehicles": QT_TRANSLATE_NOOP(
        "Problem", "{n:n} vehicles in the fleet; evacplan computes at most {limit:n} in a few minutes"
    ),
    "too_many_people": QT_TRANSLATE_NOOP(
        "Problem", "{n:n} people waiting in all; evacplan computes at most {limit:n} in a few minutes"
    ),
    "sha256_format": QT_TRANSLATE_NOOP(
        "Problem", "network.sha256 must be 64 lowercase hex digits or empty, got {value}"
    ),
    "window_order": QT_TRANSLATE_NOOP("Problem", "window.end ({end}) must be after window.start ({start})"),
    "window_too_long": QT_TRANSLATE_NOOP(
        "Problem",
        "window is {days:.1f} days long; evacplan schedules windows of at most {limit} days: is window.end right?",
    ),
    "window_long": QT_TRANSLATE_NOOP("Problem", "window is {days} days long; is window.end right?"),
    "network_name_bad": QT_TRANSLATE_NOOP("Problem", "network.name: {error}"),
    "network_unreadable": QT_TRANSLATE_NOOP("Problem", "network {network}: {error}"),
    "network_name_other": QT_TRANSLATE_NOOP(
        "Problem", "network.name is {plan_network} but it is checked against {network}"
    ),
    "network_sha_other": QT_TRANSLATE_NOOP(
        "Problem",
        "drawn on another extract of network {network} (sha256 {plan_sha}…, the store has {store_sha}…); points are snapped anew",
    ),
    "id_empty": QT_TRANSLATE_NOOP("Problem", "id must be a non-empty text, got {value}"),
    "id_printable": QT_TRANSLATE_NOOP(
        "Problem", "id must be printable text of at most {limit} characters, got {value}"
    ),
    "id_duplicate": QT_TRANSLATE_NOOP("Problem", "id {id} is used by {n} elements; ids must be unique"),
    "destination_unknown": QT_TRANSLATE_NOOP("Problem", "destination {value} is not a destination of this plan"),
    "nobody": QT_TRANSLATE_NOOP("Problem", "nobody to take out (all people counts are 0)"),
    "ready_late": QT_TRANSLATE_NOOP("Problem", "ready_time {time} is not before the window ends"),
    "vehicles_type": QT_TRANSLATE_NOOP("Problem", "vehicles must be a list, got {value}"),
    "no_vehicles": QT_TRANSLATE_NOOP("Problem", "no vehicles at this depot"),
    "no_seat": QT_TRANSLATE_NOOP("Problem", "{field}: a vehicle needs at least one seat or stretcher place"),
    "plates_type": QT_TRANSLATE_NOOP("Problem", "{field} must be a list of texts, got {value}"),
    "plates_count": QT_TRANSLATE_NOOP("Problem", "{field}: {plates} plates for {count} vehicles"),
    "available_late": QT_TRANSLATE_NOOP("Problem", "{field} is not before the window ends"),
    "line_crosses": QT_TRANSLATE_NOOP("Problem", "line crosses itself"),
    "open_time": QT_TRANSLATE_NOOP(
        "Problem", "{field} must be a local time like 08:00 (or empty for always open), got {value}"
    ),
    "open_equal": QT_TRANSLATE_NOOP("Problem", "open_from equals open_to: read as open round the clock"),
    "polygon_invalid": QT_TRANSLATE_NOOP("Problem", "polygon is not a valid ring ({why})"),
    "polygon_area": QT_TRANSLATE_NOOP("Problem", "polygon has no area"),
    "effect_unknown": QT_TRANSLATE_NOOP("Problem", "effect must be one of {choices:list}, got {value}"),
    "far_from_corridor": QT_TRANSLATE_NOOP("Problem", "lies {distance_m:km1} from every corridor"),
    "outside_bbox": QT_TRANSLATE_NOOP("Problem", "lies {distance_m:km} outside the bounding box of network {network}"),
    "outside_bbox_vertex": QT_TRANSLATE_NOOP(
        "Problem", "{field} lies {distance_m:km} outside the bounding box of network {network}"
    ),
    "no_pickup": QT_TRANSLATE_NOOP("Problem", "the plan has no pickup (assembly point)"),
    "no_destination": QT_TRANSLATE_NOOP("Problem", "the plan has no destination (reception point)"),
    "no_fleet": QT_TRANSLATE_NOOP("Problem", "the plan has no vehicles (add a depot with vehicles)"),
    "corridor_only": QT_TRANSLATE_NOOP("Problem", "rules.corridor_only is set but the plan has no corridor"),
    "no_stretcher_places": QT_TRANSLATE_NOOP("Problem", "{n:d} stretcher cases but no vehicle with stretcher places"),
    "capacity_short": QT_TRANSLATE_NOOP(
        "Problem", "destinations take {capacity:d} people in all, fewer than the {demand:d} waiting"
    ),
    "snap_far": QT_TRANSLATE_NOOP(
        "Problem",
        "lies {distance_m:dist} from the nearest road node of network {network} (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; drag it onto a road on the map, or raise the plan's snap limit (rules.snap_limit_m) if it is right",
    ),
    "snap_far_closure": QT_TRANSLATE_NOOP(
        "Problem",
        "{field} lies {distance_m:dist} from the nearest road node of network {network} (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; put the closure on the road it closes, or delete it",
    ),
    "served_far": QT_TRANSLATE_NOOP(
        "Problem",
        "would be served from a road node {distance_m:dist} away (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; reopen the closed roads near it, or move it onto an open road",
    ),
    "served_far_zone": QT_TRANSLATE_NOOP(
        "Problem",
        "it lies inside blocked {zone} and would be served from a road node {distance_m:dist} away (OSM node {osmid}), farther than the snap limit of {limit_m:g} m; move it out of the zone, or make the zone slow instead of blocked",
    ),
    "served_none": QT_TRANSLATE_NOOP(
        "Problem",
        "no open road is left to serve it from; reopen the closed roads near it, or move it onto an open road",
    ),
    "served_none_zone": QT_TRANSLATE_NOOP(
        "Problem",
        "it lies inside blocked {zone} and no open road is left to serve it from; move it out of the zone, or make the zone slow instead of blocked",
    ),
}
UNSERVED = {
    "priority_rule": QT_TRANSLATE_NOOP(
        "Unserved", "convoys go for the priority classes first; without the rule {free:d} people out"
    ),
    "no_stretcher_vehicle": QT_TRANSLATE_NOOP("Unserved", "no vehicle has stretcher places"),
    "no_vehicles": QT_TRANSLATE_NOOP("Unserved", "no vehicles in the plan"),
    "unreachable": QT_TRANSLATE_NOOP("Unserved", "pickup {pickup} cannot be reached or cannot reach a destination"),
    "routing": QT_TRANSLATE_NOOP("Unserved", "{text}"),
    "destination_full": QT_TRANSLATE_NOOP("Unserved", "destination {destinations:list} full"),
    "checkpoint_closed": QT_TRANSLATE_NOOP("Unserved", "checkpoint {checkpoints:list} is closed for the whole window"),
    "checkpoint_hours": QT_TRANSLATE_NOOP(
        "Unserved", "no passage of checkpoint {checkpoints:list} fits its open hours for a convoy from {pickup}"
    ),
    "window_short": QT_TRANSLATE_NOOP(
        "Unserved", "no convoy can reach {pickup} and unload at a destination inside the window"
    ),
    "escorts_bound": QT_TRANSLATE_NOOP("Unserved", "{teams:d} escort team(s) lead convoys the whole window"),
    "checkpoint_full": QT_TRANSLATE_NOOP(
        "Unserved", "checkpoint {checkpoints:list} serves convoys back to back until the window closes"
    ),
    "escorts_busy": QT_TRANSLATE_NOOP(
        "Unserved", "every one of the {teams:d} escort team(s) is busy until the window closes"
    ),
    "idle_checkpoints": QT_TRANSLATE_NOOP(
        "Unserved",
        "{idle:d} vehicle(s) stand unused: no further convoy fits the window through the checkpoint queues on the way ({busiest:busy})",
    ),
    "idle_window": QT_TRANSLATE_NOOP(
        "Unserved", "{idle:d} vehicle(s) stand unused: no further convoy from where they stand fits the window"
    ),
    "fleet_busy": QT_TRANSLATE_NOOP("Unserved", "every vehicle is busy until the window closes"),
}
STEP = {
    "checking": QT_TRANSLATE_NOOP("Step", "checking the plan"),
    "usable_network": QT_TRANSLATE_NOOP("Step", "building the usable road network"),
    "matrix": QT_TRANSLATE_NOOP("Step", "travel-time matrix"),
    "routes_pair": QT_TRANSLATE_NOOP("Step", "routes {pickup} -> {destination}"),
    "explaining": QT_TRANSLATE_NOOP("Step", "explaining unreachable pairs"),
    "routes_count": QT_TRANSLATE_NOOP("Step", "{n:d} routes"),
    "forming_convoys": QT_TRANSLATE_NOOP("Step", "forming convoys"),
    "upper_bound": QT_TRANSLATE_NOOP("Step", "upper bound"),
    "tightening_bound": QT_TRANSLATE_NOOP("Step", "tightening the upper bound: part {done:d} of {total:d}"),
    "buses_needed": QT_TRANSLATE_NOOP("Step", "buses needed to move everyone"),
    "packaging": QT_TRANSLATE_NOOP("Step", "packaging the schedule"),
    "people_out": QT_TRANSLATE_NOOP("Step", "{out:d} of {demand:d} people out"),
    "done": QT_TRANSLATE_NOOP("Step", "done"),
    "demo_network": QT_TRANSLATE_NOOP("Step", "building the offline demo network from {file} (once)"),
    "reading": QT_TRANSLATE_NOOP("Step", "reading {file}"),
    "reading_roads": QT_TRANSLATE_NOOP("Step", "reading {file}: {n:d} roads"),
    "building_graph": QT_TRANSLATE_NOOP("Step", "building the graph from {n:d} roads"),
    "largest_part": QT_TRANSLATE_NOOP("Step", "keeping the largest strongly connected part"),
    "simplifying": QT_TRANSLATE_NOOP("Step", "simplifying {n:d} nodes"),
    "speeds": QT_TRANSLATE_NOOP("Step", "adding speeds and travel times"),
    "projecting": QT_TRANSLATE_NOOP("Step", "projecting to the local UTM zone"),
    "imported": QT_TRANSLATE_NOOP("Step", "imported {name}: {nodes:d} nodes, {edges:d} edges"),
    "downloading": QT_TRANSLATE_NOOP("Step", "downloading {place} from OpenStreetMap"),
    "variant": QT_TRANSLATE_NOOP("Step", "variant {name}"),
    "runs_started": QT_TRANSLATE_NOOP("Step", "{n:d} runs started"),
    "runs_progress": QT_TRANSLATE_NOOP("Step", "{done:d} of {n:d} runs done"),
    "runs_done": QT_TRANSLATE_NOOP("Step", "{n:d} runs done"),
    "writing": QT_TRANSLATE_NOOP("Step", "writing {path}"),
}
WHATIF = {
    "demand": QT_TRANSLATE_NOOP("WhatIf", "Demand (people)"),
    "evacuated": QT_TRANSLATE_NOOP("WhatIf", "People out"),
    "upper_bound": QT_TRANSLATE_NOOP("WhatIf", "Upper bound"),
    "gap_people": QT_TRANSLATE_NOOP("WhatIf", "Gap to bound (people)"),
    "finish": QT_TRANSLATE_NOOP("WhatIf", "Finish"),
    "convoys": QT_TRANSLATE_NOOP("WhatIf", "Convoys"),
    "buses_used": QT_TRANSLATE_NOOP("WhatIf", "Buses used"),
    "fleet": QT_TRANSLATE_NOOP("WhatIf", "Vehicles in plan"),
    "vehicle_km": QT_TRANSLATE_NOOP("WhatIf", "Vehicle-km"),
    "seat_use": QT_TRANSLATE_NOOP("WhatIf", "Seat use"),
    "unserved": QT_TRANSLATE_NOOP("WhatIf", "Unserved: {reason}"),
    "route_rerouted": QT_TRANSLATE_NOOP(
        "WhatIf", "{pickup} -> {destination}: rerouted, {base_min:.1f} -> {variant_min:.1f} min ({extra_min:+.1f} min)"
    ),
    "route_slower": QT_TRANSLATE_NOOP(
        "WhatIf", "{pickup} -> {destination}: slower, {base_min:.1f} -> {variant_min:.1f} min ({extra_min:+.1f} min)"
    ),
    "route_faster": QT_TRANSLATE_NOOP(
        "WhatIf", "{pickup} -> {destination}: faster, {base_min:.1f} -> {variant_min:.1f} min ({extra_min:+.1f} min)"
    ),
    "route_unreachable": QT_TRANSLATE_NOOP("WhatIf", "{pickup} -> {destination}: unreachable (was {base_min:.1f} min)"),
    "route_new": QT_TRANSLATE_NOOP("WhatIf", "{pickup} -> {destination}: new, {variant_min:.1f} min"),
    "route_checkpoints": QT_TRANSLATE_NOOP("WhatIf", "checkpoints {base} -> {variant}"),
    "none": QT_TRANSLATE_NOOP("WhatIf", "none"),
    "delta_min": QT_TRANSLATE_NOOP("WhatIf", "{d} min"),
    "sweep_everyone_more": QT_TRANSLATE_NOOP(
        "WhatIf", "{name}: {label} = {value} or more moves everyone ({demand:d} people)"
    ),
    "sweep_everyone_less": QT_TRANSLATE_NOOP(
        "WhatIf", "{name}: {label} = {value} or less moves everyone ({demand:d} people)"
    ),
    "sweep_failed": QT_TRANSLATE_NOOP("WhatIf", "{name}: every run failed"),
    "sweep_short": QT_TRANSLATE_NOOP(
        "WhatIf", "{name}: no value tried moves everyone; at best {best:d} of {demand:d} people"
    ),
}
ROUTING = {
    "no_snap": QT_TRANSLATE_NOOP("Routing", "{element:el} has no usable road to snap to"),
    "inside_hazard": QT_TRANSLATE_NOOP(
        "Routing",
        "{element:el} lies inside blocked {zone:el}; it is served from the nearest usable road node outside, {distance_m:m} away",
    ),
    "snap_far": QT_TRANSLATE_NOOP(
        "Routing", "{element:el} is {distance_m:m} from the nearest usable road node (limit {limit_m:m})"
    ),
    "closure_no_road": QT_TRANSLATE_NOOP(
        "Routing", "{element:el} touches no road within {limit_m:m}{nearest_m:nearest}; it closes nothing"
    ),
    "no_destination": QT_TRANSLATE_NOOP("Routing", "{pickup:el} cannot reach any destination: {why:why}"),
    "destination_unreachable": QT_TRANSLATE_NOOP("Routing", "{pickup:el} cannot reach {destination:el}: {why:why}"),
    "not_reached_by": QT_TRANSLATE_NOOP("Routing", "{pickup:el} cannot be reached by {vehicles:vehicles}: {why:why}"),
    "not_reached": QT_TRANSLATE_NOOP(
        "Routing", "no vehicle can reach {pickup:el} from any depot or destination: {why:why}"
    ),
    "depot_no_pickup": QT_TRANSLATE_NOOP("Routing", "{depot:el} cannot reach any pickup: {why:why}"),
    "off_route": QT_TRANSLATE_NOOP("Routing", "{checkpoint:el} lies on no pickup -> destination route"),
}
ROUTING_WHY = {
    "path": QT_TRANSLATE_NOOP("RoutingWhy", "every path {cut:cut}{lifted:lifted}"),
    "way_in": QT_TRANSLATE_NOOP("RoutingWhy", "every way in {cut:cut}{lifted:lifted}"),
    "way_out": QT_TRANSLATE_NOOP("RoutingWhy", "every way out {cut:cut}{lifted:lifted}"),
    "no_road": QT_TRANSLATE_NOOP("RoutingWhy", "no road of network {network} leads there"),
}
#: The pieces of a reason (spec ``cut``, ``lifted``, ``nearest``) and the vehicles routing names.
ROUTING_PARTS = {
    "leaves": QT_TRANSLATE_NOOP("RoutingWhy", "leaves {what}"),
    "crosses": QT_TRANSLATE_NOOP("RoutingWhy", "crosses {what}"),
    "or": QT_TRANSLATE_NOOP("RoutingWhy", " or "),
    "both": QT_TRANSLATE_NOOP("RoutingWhy", " (both would have to be lifted)"),
    "all": QT_TRANSLATE_NOOP("RoutingWhy", " (all of them would have to be lifted)"),
    "nearest": QT_TRANSLATE_NOOP("RoutingWhy", " (nearest road {m} away)"),
    "coaches": QT_TRANSLATE_NOOP("RoutingWhy", "coaches"),
    "ambulances": QT_TRANSLATE_NOOP("RoutingWhy", "ambulances"),
    "minibuses": QT_TRANSLATE_NOOP("RoutingWhy", "minibuses"),
}
#: How ``describe`` names each kind, and the kind it is (``hazard zone H1`` is a hazard).
ROUTING_KINDS = {
    "pickup": "pickup",
    "destination": "destination",
    "depot": "depot",
    "checkpoint": "checkpoint",
    "corridor": "corridor",
    "hazard zone": "hazard",
    "hazard": "hazard",
    "road closure": "closure",
    "closure": "closure",
}
UNITS = {
    "convoys": QT_TRANSLATE_NOOP("Unit", "convoys"),
    "hours": QT_TRANSLATE_NOOP("Unit", "hours"),
    "km/h": QT_TRANSLATE_NOOP("Unit", "km/h"),
    "lanes": QT_TRANSLATE_NOOP("Unit", "lanes"),
    "metres": QT_TRANSLATE_NOOP("Unit", "metres"),
    "minutes": QT_TRANSLATE_NOOP("Unit", "minutes"),
    "people": QT_TRANSLATE_NOOP("Unit", "people"),
    "places": QT_TRANSLATE_NOOP("Unit", "places"),
    "seats": QT_TRANSLATE_NOOP("Unit", "seats"),
    "seconds per person": QT_TRANSLATE_NOOP("Unit", "seconds per person"),
    "tonnes": QT_TRANSLATE_NOOP("Unit", "tonnes"),
    "vehicles": QT_TRANSLATE_NOOP("Unit", "vehicles"),
}
UNITS.update(
    {
        "m": QT_TRANSLATE_NOOP("SnapLayer", "{n} m"),
        "km": QT_TRANSLATE_NOOP("SnapLayer", "{n} km"),
        "busy": QT_TRANSLATE_NOOP("Unit", "{id} ({pct} busy)"),
        "plan": QT_TRANSLATE_NOOP("Unit", "plan"),
    }
)
#: Why a file is not a plan (``planner.plan.fileformat.FILE_MESSAGES``).
PLAN_FILE = {
    "not_utf8": QT_TRANSLATE_NOOP("PlanFile", "not UTF-8 text (byte {byte})"),
    "not_json": QT_TRANSLATE_NOOP("PlanFile", "not valid JSON (line {line}, column {column}: {error})"),
    "too_deep": QT_TRANSLATE_NOOP("PlanFile", "JSON nested too deeply"),
    "not_number": QT_TRANSLATE_NOOP("PlanFile", "not valid JSON ({name} is not a number in a plan)"),
    "not_plan": QT_TRANSLATE_NOOP(
        "PlanFile", 'not an evacplan plan (expected a JSON object with "format": "evacplan")'
    ),
    "version_type": QT_TRANSLATE_NOOP("PlanFile", "'version' must be a whole number, got {value}"),
    "version_newer": QT_TRANSLATE_NOOP(
        "PlanFile", "made by a newer evacplan (format version {version}; this one reads up to {latest})"
    ),
    "version_unsupported": QT_TRANSLATE_NOOP("PlanFile", "format version {version} is not supported"),
    "window_missing": QT_TRANSLATE_NOOP("PlanFile", "window is missing"),
    "more_problems": QT_TRANSLATE_NOOP("PlanFile", "(and {n:d} more problems)"),
    "save_nonfinite": QT_TRANSLATE_NOOP("PlanFile", "cannot save a non-finite number ({value})"),
}

#: context -> {code: English template}, as the engine's catalogues.
CATALOGUES = {
    "Problem": PROBLEM,
    "Unserved": UNSERVED,
    "Step": STEP,
    "WhatIf": WHATIF,
    "Routing": ROUTING,
    "RoutingWhy": ROUTING_WHY,
    "PlanFile": PLAN_FILE,
}


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class LocaleFormatter(EnglishFormatter):
    """Fills a template with the default ``QLocale``'s numbers and the translated units."""

    def __init__(self, locale: QLocale | None = None):
        super().__init__()
        from ui.i18n import ui_locale

        self.locale = locale or ui_locale()

    def _int(self, v) -> str:
        return self.locale.toString(int(v)) if abs(v) < 2**63 else str(v)

    def _whole(self, v) -> bool:
        return isinstance(v, int) or (isinstance(v, float) and v == v and abs(v) < 2**63 and v.is_integer())

    def spec_n(self, v) -> str:
        return self._int(v) if self._whole(v) else self.locale.toString(float(v), "f", 1)

    def spec_d(self, v) -> str:
        # English keeps the engine's (and the CLI's) ungrouped figure; other languages group it
        if self.locale.language() == QLocale.English or not isinstance(v, (int, float)):
            return str(v)
        return self.spec_n(v)

    def spec_g(self, v) -> str:
        return self.locale.toString(float(v), "g", 6)

    def spec_num(self, v) -> str:
        return self._int(v) if self._whole(v) else self.spec_g(v)

    def spec_f1(self, v) -> str:
        return self.locale.toString(float(v), "f", 1)

    def spec_delta1(self, v) -> str:
        return ("+" if v >= 0 else "−") + self.locale.toString(abs(float(v)), "f", 1)

    def _m(self, v) -> str:
        return _tr("SnapLayer", "{n} m").format(n=self.locale.toString(float(v), "f", 0))

    def _kmf(self, v, decimals) -> str:
        return _tr("SnapLayer", "{n} km").format(n=self.locale.toString(float(v) / 1000, "f", decimals))

    def spec_dist(self, v) -> str:
        return self._m(v) if v < 10_000 else self._kmf(v, 0)

    def spec_km(self, v) -> str:
        return self._kmf(v, 1) if v >= 1000 else self._m(v)

    def spec_km1(self, v) -> str:
        return self._kmf(v, 1)

    def spec_pct(self, v) -> str:
        return f"{self.locale.toString(round(100 * float(v)))} %"

    def spec_unit(self, v) -> str:
        return f" {unit_name(v)}" if v else ""

    def spec_unitp(self, v) -> str:
        return f" ({unit_name(v)})" if v else ""

    def spec_busy(self, v) -> str:
        return ", ".join(_tr("Unit", "{id} ({pct} busy)").format(id=c, pct=self.spec_pct(s)) for c, s in v)

    def spec_m(self, v) -> str:
        return self._m(v)

    def spec_el(self, v) -> str:
        from ui.i18n import KIND_NAMES, kind_name

        text = str(v)
        for words in sorted(ROUTING_KINDS, key=len, reverse=True):
            if text.startswith(words + " "):
                kind = ROUTING_KINDS[words]
                name = kind_name(kind)
                if name == KIND_NAMES.get(kind):
                    return text  # English: the planner's own words
                return name[:1].lower() + name[1:] + text[len(words) :]
        return text

    def spec_nearest(self, v) -> str:
        return "" if v is None else _tr("RoutingWhy", ROUTING_PARTS["nearest"]).format(m=self._m(v))

    def spec_vehicles(self, v) -> str:
        return _tr("RoutingWhy", v) if v in ROUTING_PARTS else str(v)

    def spec_why(self, v) -> str:
        template = ROUTING_WHY.get(v["code"])
        if template is None:
            return super().spec_why(v)
        return format_template(_tr("RoutingWhy", template), v["params"], self)

    def spec_cut(self, v) -> str:
        join = _tr("RoutingWhy", ROUTING_PARTS["or"])
        parts = []
        for verb, els in v:
            what = join.join(self.spec_el(e) for e in els)
            parts.append(_tr("RoutingWhy", ROUTING_PARTS[verb]).format(what=what) if verb in ROUTING_PARTS else what)
        return join.join(parts)

    def spec_lifted(self, v) -> str:
        return _tr("RoutingWhy", ROUTING_PARTS[v]) if v in ROUTING_PARTS else ""


def unit_name(unit: str) -> str:
    """A unit of ``planner.limits.RANGES`` in the GUI's language."""
    return _tr("Unit", unit) if unit in UNITS else unit


def say(context: str, code: str, params: dict, fallback: str = "") -> str:
    """The message ``code`` of catalogue ``context``, translated and filled with ``params``.

    ``fallback`` (the engine's English) when the code is unknown, or the values do not fit the template.
    """
    template = CATALOGUES.get(context, {}).get(code)
    if template is None:
        return fallback
    try:
        return format_template(_tr(context, template), params, LocaleFormatter())
    except (KeyError, IndexError, ValueError, TypeError):  # a translation that lost a field: say it in English
        return fallback or format_template(template, params)


def problem_subject(problem, doc=None) -> str:
    """What a problem is about, in the GUI's language: ``Блокпост CP1 'Tannenkrug'``, ``план``, ``pickups[3]``."""
    from ui.i18n import describe_element

    el = doc.element(problem.element_id) if doc is not None and problem.element_id else None
    if el is not None:
        return describe_element(el)
    return _where_text(problem.message.split(": ", 1)[0])


def _where_text(where: str) -> str:
    """A place as the plan reader names it, its words in the GUI's language: "plan window" -> "план window",
    "pickup P1 'ZOB' people" -> "Пункт збору P1 'ZOB' people" (ids, names and the file's keys stay)."""
    from ui.i18n import KIND_NAMES, kind_name

    head, _, rest = where.partition(" ")
    if head == "plan":
        return _tr("Unit", "plan") + where[len(head) :]
    if head in KIND_NAMES and rest and kind_name(head) != KIND_NAMES[head]:  # in English: the planner's words
        return kind_name(head) + where[len(head) :]
    return where


def plan_error_text(exc) -> str:
    """A :class:`planner.errors.PlanError` in the GUI's language: a file that is not a plan, or the first
    problem the plan reader found (with the count of the others); ``str(exc)`` when it has no code."""
    code, where, params = getattr(exc, "code", ""), getattr(exc, "where", ""), getattr(exc, "params", {})
    body = ""
    if code == "problems" and exc.problems:
        body = problem_text(exc.problems[0])
        if params.get("n"):
            body += " " + say("PlanFile", "more_problems", params, "")
    elif code in PLAN_FILE:
        body = say("PlanFile", code, params, "")
    if not body.strip():
        return str(exc)
    return f"{where}: {body}" if where else body


def problem_text(problem, doc=None) -> str:
    """A plan problem (``planner.plan.Problem``) as one line in the GUI's language; English when it has no code."""
    code = getattr(problem, "code", "")
    message = getattr(problem, "message", str(problem))
    if isinstance(problem, RoutingProblem):  # its codes are REMARKS' (some spelt as PROBLEM's); it names its element
        return routing_text(code, problem.params, message) if code in ROUTING else message
    if not code or code not in PROBLEM:
        return message
    params = dict(problem.params)
    zone = doc.element(params["zone_id"]) if doc is not None and params.get("zone_id") else None
    if zone is not None:
        from ui.i18n import describe_element

        params["zone"] = describe_element(zone)
    body = say("Problem", code, params, "")
    if not body:
        return message
    return f"{problem_subject(problem, doc)}: {body}"


def routing_text(code: str, params: dict, fallback: str = "") -> str:
    """A routing remark (``planner.routing.remarks.REMARKS``) in the GUI's language, first letter capital."""
    text = say("Routing", code, params, fallback)
    return text[:1].upper() + text[1:] if text and text != fallback else text


def unserved_detail(u) -> str:
    """Why people are left at a pickup, in detail (``planner.schedule.result.Unserved``), translated."""
    code, params = getattr(u, "code", ""), getattr(u, "params", {})
    if code == "routing" and params.get("remark") in ROUTING:
        return routing_text(params["remark"], params.get("remark_params", {}), u.detail or u.reason)
    return say("Unserved", code, params, u.detail or u.reason)


def step_text(message: str) -> str:
    """A progress message of the engine in the GUI's language (as it is when it is no known step)."""
    m = parse_step(message)
    return message if m is None else say("Step", m.code, m.params, message)


def whatif_label(row: dict) -> str:
    """The label of a comparison row (``planner.whatif.compare.compare``): a KPI, or "Unserved: <reason>"."""
    from ui.convoys.common import reason_label

    if "reason" in row:
        return say("WhatIf", "unserved", {"reason": reason_label(row["reason"])}, row["label"])
    return say("WhatIf", row.get("key", ""), {}, row["label"])


def route_change_text(ch: dict) -> str:
    """``planner.whatif.compare.route_change_text`` in the GUI's language."""
    from planner.whatif.compare import route_change_messages

    return ", ".join(say("WhatIf", m.code, _none(m.params), m.text) for m in route_change_messages(ch))


def _none(params: dict) -> dict:
    out = dict(params)
    for k in ("base", "variant"):
        if out.get(k) == WHATIF_NONE_EN:
            out[k] = _tr("WhatIf", WHATIF["none"])
    return out


WHATIF_NONE_EN = "none"


def sweep_sentence(curve: dict) -> str:
    """``planner.whatif.compare.sweep_sentence`` in the GUI's language."""
    from planner.whatif.compare import sweep_message

    m = sweep_message(curve)
    return say("WhatIf", m.code, m.params, m.text)


def whatif_value(key: str, v) -> str:
    """A comparison cell (``planner.whatif.compare.format_value``) with the language's digits and units."""
    from planner.whatif.compare import format_value

    loc = LocaleFormatter().locale
    if loc.language() == QLocale.English or v is None or key == "finish":
        return format_value(key, v)
    if key == "seat_use":
        return f"{loc.toString(100 * float(v), 'f', 1)} %"
    if key == "vehicle_km":
        return loc.toString(float(v), "f", 1)
    return loc.toString(int(v)) if float(v).is_integer() else loc.toString(float(v), "g", 6)


def whatif_delta(key: str, d) -> str:
    """A change against the base (``planner.whatif.compare.format_delta``) in the language's way."""
    from planner.whatif.compare import format_delta

    fmt = LocaleFormatter()
    if fmt.locale.language() == QLocale.English or d is None or d == 0:
        return format_delta(key, d)
    if key == "finish":
        return _tr("WhatIf", WHATIF["delta_min"]).format(d=("+" if d >= 0 else "−") + fmt._int(abs(round(d))))
    if key == "seat_use":
        return fmt.spec_delta1(100 * d)
    if isinstance(d, float):
        return fmt.spec_delta1(d)
    return ("+" if d >= 0 else "−") + fmt._int(abs(d))
