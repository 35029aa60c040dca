"""What routing needs to know of a vehicle: speed cap, size, and the class whose access rules it follows.

Vehicles with equal :class:`VehicleProfile` drive the same routes; the
scheduler routes once per distinct profile (design sections 3 and 5).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.network.model import ACCESS_DESTINATION, ACCESS_NO, APPLIES_BUS
from planner.network.turns import vehicle_class

#: Plural of a vehicle kind in messages ("cannot be reached by coaches").
VEHICLE_PLURAL = {"bus": "coaches", "coach": "coaches", "ambulance": "ambulances", "minibus": "minibuses"}


@dataclass(frozen=True)
class VehicleProfile:
    """What routing needs to know of a vehicle: its speed cap (km/h) and size.

    Vehicles with equal profiles drive the same routes; the scheduler routes once
    per distinct profile. ``height_m``, ``weight_t``, ``length_m`` are held against
    a way's ``maxheight``, ``maxweight``, ``maxlength`` (design section 3).
    """

    max_speed_kph: float
    height_m: float = 3.5
    weight_t: float = 18.0
    length_m: float = 12.0
    kind: str = "bus"


def default_profile(max_speed_kph: float) -> VehicleProfile:
    """A 12 m coach (3.5 m, 18 t) at the given speed cap: the vehicle when none is named."""
    return VehicleProfile(float(max_speed_kph))


def profile_of(vehicle_type) -> VehicleProfile:
    """The :class:`VehicleProfile` of a plan :class:`~planner.plan.VehicleType`."""
    h, w, ln = vehicle_type.limits
    return VehicleProfile(float(vehicle_type.max_speed_kph), h, w, ln, str(vehicle_type.type))


def access_masks(net, profile: VehicleProfile):
    """(allowed, destination-only) edge masks for the vehicle's class (bus or other motor vehicle)."""
    code = net.edge_access_bus if vehicle_class(profile.kind) == APPLIES_BUS else net.edge_access_motor
    return code != ACCESS_NO, code == ACCESS_DESTINATION
