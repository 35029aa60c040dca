"""What the export tests share: the demo plan with contacts and plates, and its real schedule."""

from __future__ import annotations

import dataclasses

CONTACTS = {
    "convoy_leader_phone": "+49 395 555 0101",
    "radio_channel": "Kanal 7 (446.081 MHz)",
    "operations_phone": "+49 395 555 0199",
    "if_separated": "Stop in a safe place, call the convoy leader.",
}


def field_plan(path):
    """The demo plan with the contacts filled in and plates for the buses of DP1."""
    from planner.plan import load_plan
    from planner.plan.model import Contacts

    plan = load_plan(path)
    depots = []
    for d in plan.depots:
        vts = [
            dataclasses.replace(vt, plates=[f"NB-EV {100 + i}" for i in range(vt.count)])
            if d.id == "DP1" and vt.type == "bus"
            else vt
            for vt in d.vehicles
        ]
        depots.append(dataclasses.replace(d, vehicles=vts))
    return dataclasses.replace(plan, depots=depots, contacts=Contacts(**CONTACTS))


def field_schedule(plan, net):
    """The real schedule of ``plan`` (typed result objects), checked to move people."""
    from planner.compute import compute_plan

    sched = compute_plan(plan, net).schedule
    assert sched.convoys and sched.trips and sched.evacuated > 0
    return sched


def many_rounds_plan(plan):
    """The demo plan made to run 50 or more convoy rounds: one vehicle per convoy, quick checkpoints
    (2 min per convoy + 0.5 min per vehicle, no hold), 2 min headway, the window an hour longer."""
    from datetime import timedelta

    return dataclasses.replace(
        plan,
        window=dataclasses.replace(plan.window, end=plan.window.end + timedelta(hours=1)),
        rules=dataclasses.replace(plan.rules, max_convoy_size=1, headway_min=2.0),
        checkpoints=[
            dataclasses.replace(c, minutes_per_convoy=2.0, minutes_per_vehicle=0.5, hold_min=0.0)
            for c in plan.checkpoints
        ],
    )
