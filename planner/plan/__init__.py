"""The plan: model, file format, validation, GeoJSON layers and snapping.

``from planner.plan import Plan, Pickup, load_plan, save_plan, validate``
is all most callers need; the submodules are:

- :mod:`planner.plan.model`: the dataclasses (design section 4) and id helpers;
- :mod:`planner.plan.fileformat`: ``*.evacplan.json`` reading, writing, migrations;
- :mod:`planner.plan.problems`: :class:`Problem`, one message per thing wrong;
- :mod:`planner.plan.validate`: ``validate(plan, network=None) -> list[Problem]``;
- :mod:`planner.plan.geojson`: one GeoJSON FeatureCollection per layer;
- :mod:`planner.plan.snapping`: where each point element lands on a road network.
"""

from planner.plan.fileformat import (
    FORMAT,
    MIGRATIONS,
    SUFFIX,
    VERSION,
    dumps_plan,
    load_plan,
    migrate,
    plan_from_dict,
    plan_to_dict,
    save_plan,
    write_text_atomic,
)
from planner.plan.geojson import export_geojson, layer_geojson, plan_geojson
from planner.plan.model import (
    HAZARD_EFFECTS,
    ID_PREFIX,
    LAYERS,
    Checkpoint,
    Contacts,
    Corridor,
    Depot,
    Destination,
    HazardZone,
    NetworkRef,
    People,
    Pickup,
    Plan,
    RoadClosure,
    Rules,
    VehicleType,
    Window,
    describe,
    find_element,
    layer_of,
    new_id,
)
from planner.plan.problems import ERROR, WARNING, Problem
from planner.plan.snapping import (
    Snap,
    format_distance,
    served_problems,
    snap_fix,
    snap_plan,
    snap_problems,
    snap_report,
)
from planner.plan.validate import haversine_m, point_fields, validate, validate_or_raise

__all__ = [name for name in dir() if not name.startswith("_")]
