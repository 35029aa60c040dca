"""From two plans to the changes between them: how the GUI records map edits into a variant.

``diff_plans(base, edited) -> (changes, skipped)``: ``changes`` is a list of
change dicts (:mod:`planner.whatif.changes`) such that applying them to
``base`` gives ``edited`` in everything the vocabulary covers; ``skipped``
names, one message each, the edits it cannot express (a moved pickup, a
redrawn corridor), so the planner knows what the variant leaves out.
"""

from __future__ import annotations

from dataclasses import fields

from planner.plan import Rules, describe
from planner.plan.fileformat import plan_to_dict

_CP_FIELDS = ("lanes", "minutes_per_vehicle", "hold_min", "open_from", "open_to")


def _by_id(items):
    return {d["id"]: d for d in items}


def _geometry(points):
    return {"point": points[0]} if len(points) == 1 else {"line": points}


def _closures(b, e, out):
    bx, ex = _by_id(b["closures"]), _by_id(e["closures"])
    for i, x in bx.items():
        if i not in ex or ex[i]["points"] != x["points"]:
            out.append({"type": "reopen_road", "id": i})
    for i, x in ex.items():
        if (i not in bx or bx[i]["points"] != x["points"]) and x["points"]:
            out.append({"type": "close_road", "id": i, "name": x["name"], **_geometry(x["points"])})


def _hazards(b, e, out):
    bh, eh = _by_id(b["hazards"]), _by_id(e["hazards"])
    for i, h in bh.items():
        if i not in eh or eh[i] != h:
            out.append({"type": "remove_hazard", "id": i})
    for i, h in eh.items():
        if i not in bh or bh[i] != h:
            out.append(
                {
                    "type": "add_hazard",
                    "id": i,
                    "name": h["name"],
                    "polygon": h["polygon"],
                    "effect": h["effect"],
                    "speed_factor": h["speed_factor"],
                }
            )


def _checkpoints(b, e, out):
    bc, ec = _by_id(b["checkpoints"]), _by_id(e["checkpoints"])
    for i, c in bc.items():
        moved = i in ec and (ec[i]["lon"], ec[i]["lat"]) != (c["lon"], c["lat"])
        if i not in ec or moved:
            out.append({"type": "remove_checkpoint", "id": i})
    for i, c in ec.items():
        old = bc.get(i)
        if old is None or (old["lon"], old["lat"]) != (c["lon"], c["lat"]):
            out.append(
                {
                    "type": "add_checkpoint",
                    "id": i,
                    "name": c["name"],
                    "point": [c["lon"], c["lat"]],
                    **{k: c[k] for k in _CP_FIELDS},
                }
            )
        else:
            diff = {k: c[k] for k in _CP_FIELDS if c[k] != old[k]}
            if diff:
                out.append({"type": "checkpoint", "id": i, **diff})


def _type_counts(depot):
    counts = {}
    for v in depot["vehicles"]:
        counts[v["type"]] = counts.get(v["type"], 0) + v["count"]
    return counts


def _same_but_counts(a, b):
    """Whether two depots differ at most in vehicle counts (same place, same vehicle kinds in order)."""
    strip = lambda d: {**d, "vehicles": [{k: v for k, v in x.items() if k != "count"} for x in d["vehicles"]]}  # noqa: E731
    return strip(a) == strip(b)


def _depots(b, e, out):
    bd, ed = _by_id(b["depots"]), _by_id(e["depots"])
    for i, d in bd.items():
        if i not in ed or (ed[i] != d and not _same_but_counts(d, ed[i])):
            out.append({"type": "remove_depot", "id": i})
    for i, d in ed.items():
        old = bd.get(i)
        if old is not None and _same_but_counts(old, d):
            before, after = _type_counts(old), _type_counts(d)
            for t in after:
                if after[t] > before.get(t, 0):
                    out.append(
                        {"type": "add_vehicles", "depot": i, "vehicle_type": t, "count": after[t] - before.get(t, 0)}
                    )
            for t in before:
                if after.get(t, 0) < before[t]:
                    out.append(
                        {"type": "remove_vehicles", "depot": i, "vehicle_type": t, "count": before[t] - after.get(t, 0)}
                    )
        elif (old is None or old != d) and d["vehicles"]:
            vehicles = []
            for v in d["vehicles"]:
                vd = {
                    "vehicle_type": v["type"],
                    "count": v["count"],
                    "seats": v["seats"],
                    "stretcher_places": v["stretcher_places"],
                    "max_speed_kph": v["max_speed_kph"],
                }
                if v["available_from"]:
                    vd["available_from"] = v["available_from"]
                vehicles.append(vd)
            out.append(
                {"type": "add_depot", "id": i, "name": d["name"], "point": [d["lon"], d["lat"]], "vehicles": vehicles}
            )


def diff_plans(base, edited):
    """The changes that turn ``base`` into ``edited``, and the edits they cannot express.

    Parameters
    ----------
    base, edited : planner.plan.Plan

    Returns
    -------
    (list of dict, list of str)
        Change dicts in a safe order (removals before additions), and one
        message per edit left out (pickups moved or re-timed, corridors,
        elements added or removed in layers the vocabulary does not cover).
    """
    b, e = plan_to_dict(base), plan_to_dict(edited)
    out, skipped = [], []
    _closures(b, e, out)
    _hazards(b, e, out)
    _checkpoints(b, e, out)
    _depots(b, e, out)
    w0, w1 = b["window"], e["window"]
    wd = {k: w1[k] for k in ("start", "end", "no_night") if w1[k] != w0[k]}
    if wd:
        out.append({"type": "window", **wd})
    rd = {f.name: e["rules"][f.name] for f in fields(Rules) if e["rules"][f.name] != b["rules"][f.name]}
    if rd:
        out.append({"type": "rules", **rd})
    bp, ep = _by_id(b["pickups"]), _by_id(e["pickups"])
    for i, p in ep.items():
        old = bp.get(i)
        if old is None:
            skipped.append(f"{describe(edited.element(i))} was added: a variant cannot add pickups")
            continue
        if p["people"] != old["people"]:
            out.append(
                {"type": "demand", "pickup": i, "set": {g: n for g, n in p["people"].items() if n != old["people"][g]}}
            )
        other = [k for k in p if k != "people" and p[k] != old[k]]
        if other:
            skipped.append(f"{describe(edited.element(i))}: changes to {', '.join(other)} cannot go into a variant")
    for i in bp:
        if i not in ep:
            skipped.append(f"{describe(base.element(i))} was removed: set its people to 0 instead")
    bd, edd = _by_id(b["destinations"]), _by_id(e["destinations"])
    for i, d in edd.items():
        old = bd.get(i)
        if old is None:
            skipped.append(f"{describe(edited.element(i))} was added: a variant cannot add destinations")
        elif d["capacity"] != old["capacity"]:
            out.append({"type": "destination", "id": i, "capacity": d["capacity"]})
        if old is not None and {k: v for k, v in d.items() if k != "capacity"} != {
            k: v for k, v in old.items() if k != "capacity"
        }:
            skipped.append(f"{describe(edited.element(i))}: only its capacity can go into a variant")
    for i in bd:
        if i not in edd:
            skipped.append(f"{describe(base.element(i))} was removed: a variant cannot remove destinations")
    if b["corridors"] != e["corridors"]:
        skipped.append("corridors were edited: a variant cannot change corridors")
    return out, skipped
