"""The fields the properties form shows, per element kind and for the plan settings.

Each field is ``(path, label, kind, options)``; the vehicle table's columns are
``(attribute, label, type)``. Date-times are shown and typed as local ISO text
(:func:`format_dt`, :func:`parse_dt`).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from planner.plan import HAZARD_EFFECTS

# (path, label, kind, options) per element kind. kinds: text, int, float, bool, choice, optint,
# datetime, optdatetime, opttime, point, vertices, reference, notes
_COMMON = [("name", QT_TRANSLATE_NOOP("PropertiesPanel", "Name"), "text", None)]
FIELDS = {
    "pickup": _COMMON
    + [
        ("point", QT_TRANSLATE_NOOP("PropertiesPanel", "Position"), "point", None),
        ("people.general", QT_TRANSLATE_NOOP("PropertiesPanel", "People: general"), "int", (0, 1_000_000)),
        (
            "people.reduced_mobility",
            QT_TRANSLATE_NOOP("PropertiesPanel", "People: reduced mobility"),
            "int",
            (0, 1_000_000),
        ),
        ("people.stretcher", QT_TRANSLATE_NOOP("PropertiesPanel", "People: stretcher"), "int", (0, 100_000)),
        ("ready_time", QT_TRANSLATE_NOOP("PropertiesPanel", "Ready at"), "optdatetime", None),
        ("priority", QT_TRANSLATE_NOOP("PropertiesPanel", "Priority (1 = first)"), "int", (1, 99)),
        ("destination", QT_TRANSLATE_NOOP("PropertiesPanel", "Only to destination"), "reference", "destinations"),
    ],
    "destination": _COMMON
    + [
        ("point", QT_TRANSLATE_NOOP("PropertiesPanel", "Position"), "point", None),
        ("capacity", QT_TRANSLATE_NOOP("PropertiesPanel", "Capacity (people)"), "optint", None),
    ],
    "depot": _COMMON
    + [
        ("point", QT_TRANSLATE_NOOP("PropertiesPanel", "Position"), "point", None),
        ("vehicles", QT_TRANSLATE_NOOP("PropertiesPanel", "Vehicles"), "vehicles", None),
    ],
    "corridor": _COMMON
    + [
        ("line", QT_TRANSLATE_NOOP("PropertiesPanel", "Line"), "vertices", None),
        ("width_m", QT_TRANSLATE_NOOP("PropertiesPanel", "Width (m)"), "float", (1.0, 100_000.0, 0)),
        ("oneway", QT_TRANSLATE_NOOP("PropertiesPanel", "One-way (drawn direction)"), "bool", None),
    ],
    "checkpoint": _COMMON
    + [
        ("point", QT_TRANSLATE_NOOP("PropertiesPanel", "Position"), "point", None),
        # a passage: per convoy + ceil(vehicles / lanes) x per vehicle + people x s/person / lanes + hold
        (
            "minutes_per_convoy",
            QT_TRANSLATE_NOOP("PropertiesPanel", "Minutes per convoy"),
            "float",
            (0.0, 10_000.0, 1),
        ),
        (
            "minutes_per_vehicle",
            QT_TRANSLATE_NOOP("PropertiesPanel", "Minutes per vehicle"),
            "float",
            (0.0, 10_000.0, 1),
        ),
        ("lanes", QT_TRANSLATE_NOOP("PropertiesPanel", "Lanes"), "int", (1, 50)),
        (
            "seconds_per_person",
            QT_TRANSLATE_NOOP("PropertiesPanel", "Document check (s/person)"),
            "float",
            (0.0, 3600.0, 1),
        ),
        ("checks_empty", QT_TRANSLATE_NOOP("PropertiesPanel", "Checks empty vehicles"), "bool", None),
        ("open_from", QT_TRANSLATE_NOOP("PropertiesPanel", "Opens at (HH:MM)"), "opttime", None),
        ("open_to", QT_TRANSLATE_NOOP("PropertiesPanel", "Closes at (HH:MM)"), "opttime", None),
        ("hold_min", QT_TRANSLATE_NOOP("PropertiesPanel", "Hold per passage (min)"), "float", (0.0, 100_000.0, 0)),
        ("overnight_halt", QT_TRANSLATE_NOOP("PropertiesPanel", "Overnight halt allowed"), "bool", None),
    ],
    "hazard": _COMMON
    + [
        ("polygon", QT_TRANSLATE_NOOP("PropertiesPanel", "Polygon"), "vertices", None),
        ("effect", QT_TRANSLATE_NOOP("PropertiesPanel", "Effect"), "choice", HAZARD_EFFECTS),
        ("speed_factor", QT_TRANSLATE_NOOP("PropertiesPanel", "Speed factor (slow)"), "float", (0.0, 1.0, 2)),
    ],
    "closure": _COMMON + [("points", QT_TRANSLATE_NOOP("PropertiesPanel", "Points"), "vertices", None)],
}

PLAN_FIELDS = [
    ("name", QT_TRANSLATE_NOOP("PropertiesPanel", "Plan name"), "text", None),
    ("window.start", QT_TRANSLATE_NOOP("PropertiesPanel", "Window start"), "datetime", None),
    ("window.end", QT_TRANSLATE_NOOP("PropertiesPanel", "Window end"), "datetime", None),
    ("window.no_night", QT_TRANSLATE_NOOP("PropertiesPanel", "No night driving"), "bool", None),
    ("rules.corridor_only", QT_TRANSLATE_NOOP("PropertiesPanel", "Corridor only"), "bool", None),
    (
        "rules.approach_radius_m",
        QT_TRANSLATE_NOOP("PropertiesPanel", "Approach radius (m)"),
        "float",
        (0.0, 100_000.0, 0),
    ),
    ("rules.max_convoy_size", QT_TRANSLATE_NOOP("PropertiesPanel", "Max convoy size (vehicles)"), "int", (1, 1000)),
    ("rules.escort_teams", QT_TRANSLATE_NOOP("PropertiesPanel", "Escort teams"), "optint", None),
    (
        "rules.headway_min",
        QT_TRANSLATE_NOOP("PropertiesPanel", "Headway between convoys (min)"),
        "float",
        (0.0, 1440.0, 1),
    ),
    (
        "rules.loading_s_per_person",
        QT_TRANSLATE_NOOP("PropertiesPanel", "Loading (s/person)"),
        "float",
        (0.0, 3600.0, 1),
    ),
    (
        "rules.unloading_s_per_person",
        QT_TRANSLATE_NOOP("PropertiesPanel", "Unloading (s/person)"),
        "float",
        (0.0, 3600.0, 1),
    ),
    ("rules.mobilisation_min", QT_TRANSLATE_NOOP("PropertiesPanel", "Mobilisation (min)"), "float", (0.0, 10_000.0, 0)),
    (
        "rules.open_road_speed_kph",
        QT_TRANSLATE_NOOP("PropertiesPanel", "Bus cap, open road (km/h)"),
        "float",
        (1.0, 200.0, 0),
    ),
    ("rules.city_speed_kph", QT_TRANSLATE_NOOP("PropertiesPanel", "Bus cap, city (km/h)"), "float", (1.0, 200.0, 0)),
    ("rules.snap_limit_m", QT_TRANSLATE_NOOP("PropertiesPanel", "Snap limit (m)"), "float", (1.0, 100_000.0, 0)),
    ("rules.priority_first", QT_TRANSLATE_NOOP("PropertiesPanel", "Priority groups first"), "bool", None),
    ("notes", QT_TRANSLATE_NOOP("PropertiesPanel", "Notes"), "notes", None),
]

VEHICLE_COLUMNS = [
    ("type", QT_TRANSLATE_NOOP("PropertiesPanel", "Type"), str),
    ("count", QT_TRANSLATE_NOOP("PropertiesPanel", "Count"), int),
    ("seats", QT_TRANSLATE_NOOP("PropertiesPanel", "Seats"), int),
    ("stretcher_places", QT_TRANSLATE_NOOP("PropertiesPanel", "Stretchers"), int),
    ("max_speed_kph", QT_TRANSLATE_NOOP("PropertiesPanel", "Max km/h"), float),
    ("available_from", QT_TRANSLATE_NOOP("PropertiesPanel", "Available from"), "dt"),
]


def format_dt(value) -> str:
    return "" if value is None else value.isoformat(sep=" ", timespec="minutes")


def parse_dt(text: str, tz):
    """A local date-time typed by the planner; without an offset it is read in the window's zone."""
    text = text.strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            QCoreApplication.translate(
                "PropertiesPanel", "{text} is not a date and time like 2022-03-06 10:00+02:00"
            ).format(text=repr(text))
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)
    return value


#: The hazard effects as offered in their choice box (``planner.plan.HAZARD_EFFECTS``).
EFFECT_NAMES = (QT_TRANSLATE_NOOP("PropertiesPanel", "blocked"), QT_TRANSLATE_NOOP("PropertiesPanel", "slow"))
