"""Side-by-side comparison of run results, sweep curves, and the text table of the CLI.

Everything here works on the plain result dicts of :func:`planner.whatif.run.evaluate`
(JSON-ready), so the GUI, the CLI, the JSON report and the PDF read the same numbers.
"""

from __future__ import annotations

from datetime import datetime

from planner.messages import Message
from planner.schedule.result import UNSERVED_REASONS

#: KPI rows of the comparison: (key, label). "gap_people" is the upper bound minus people out.
KPI_ROWS = (
    ("demand", "Demand (people)"),
    ("evacuated", "People out"),
    ("upper_bound", "Upper bound"),
    ("gap_people", "Gap to bound (people)"),
    ("finish", "Finish"),
    ("convoys", "Convoys"),
    ("buses_used", "Buses used"),
    ("fleet", "Vehicles in plan"),
    ("vehicle_km", "Vehicle-km"),
    ("seat_use", "Seat use"),
)

#: The labels of the comparison's rows and the texts around it: ``code -> English template`` (a KPI row's code is
#: its key; see :mod:`planner.messages`).
LABELS = {
    **dict(KPI_ROWS),
    "unserved": "Unserved: {reason}",
    "route_rerouted": "{pickup} -> {destination}: rerouted, {base_min:.1f} -> {variant_min:.1f} min "
    "({extra_min:+.1f} min)",
    "route_slower": "{pickup} -> {destination}: slower, {base_min:.1f} -> {variant_min:.1f} min ({extra_min:+.1f} min)",
    "route_faster": "{pickup} -> {destination}: faster, {base_min:.1f} -> {variant_min:.1f} min ({extra_min:+.1f} min)",
    "route_unreachable": "{pickup} -> {destination}: unreachable (was {base_min:.1f} min)",
    "route_new": "{pickup} -> {destination}: new, {variant_min:.1f} min",
    "route_checkpoints": "checkpoints {base} -> {variant}",
    "none": "none",
    "delta_min": "{d} min",  # a finish earlier or later: "+1 min"
    "sweep_everyone_more": "{name}: {label} = {value} or more moves everyone ({demand:d} people)",
    "sweep_everyone_less": "{name}: {label} = {value} or less moves everyone ({demand:d} people)",
    "sweep_failed": "{name}: every run failed",
    "sweep_short": "{name}: no value tried moves everyone; at best {best:d} of {demand:d} people",
}

#: Unserved reasons in the order the schedule reports them.
REASON_ORDER = UNSERVED_REASONS

#: A route counts as changed when its time differs by more than this (seconds) or its nodes differ.
ROUTE_TIME_TOLERANCE_S = 1.0


def kpi_value(result, key):
    """One KPI of a result (``None`` for a failed run); ``gap_people`` is derived."""
    k = result.get("kpis")
    if not k:
        return None
    if key == "gap_people":
        return k["upper_bound"] - k["evacuated"]
    return k.get(key)


def _minutes_between(a, b):
    if a is None or b is None:
        return None
    return round((datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds() / 60.0, 1)


def _delta(key, base, value):
    if base is None or value is None:
        return None
    if key == "finish":
        return _minutes_between(base, value)
    d = value - base
    return round(d, 3) if isinstance(d, float) else d


def route_changes(base, variant) -> list:
    """Loaded routes (pickup -> destination) that differ from the base's, with the extra minutes.

    Returns
    -------
    list of dict
        ``pickup``, ``destination``, ``base_min``, ``variant_min``, ``extra_min``
        (``None`` when either side has no route), ``status`` (``rerouted``,
        ``slower``, ``faster``, ``unreachable`` or ``new``), ``checkpoints``
        before and after when they changed.
    """
    out = []
    vr = variant.get("routes") or {}
    br = base.get("routes") or {}
    for key in list(br) + [k for k in vr if k not in br]:
        b, v = br.get(key), vr.get(key)
        bt = None if b is None else b["time_s"]
        vt = None if v is None else v["time_s"]
        if bt is None and vt is None:
            continue
        if bt is not None and vt is None:
            status = "unreachable"
        elif bt is None:
            status = "new"
        elif b["nodes"] != v["nodes"]:
            status = "rerouted"
        elif abs(vt - bt) > ROUTE_TIME_TOLERANCE_S:
            status = "slower" if vt > bt else "faster"
        else:
            continue
        row = {
            "pickup": (b or v)["pickup"],
            "destination": (b or v)["destination"],
            "status": status,
            "base_min": None if bt is None else round(bt / 60.0, 1),
            "variant_min": None if vt is None else round(vt / 60.0, 1),
            "extra_min": None if bt is None or vt is None else round((vt - bt) / 60.0, 1),
        }
        if b is not None and v is not None and b["checkpoints"] != v["checkpoints"]:
            row["checkpoints"] = {"base": b["checkpoints"], "variant": v["checkpoints"]}
        out.append(row)
    return out


def compare(results) -> dict:
    """Compare runs side by side; the first result is the base.

    Parameters
    ----------
    results : list of dict
        Run results (:func:`planner.whatif.run.evaluate`), base first.

    Returns
    -------
    dict
        ``columns`` (run names), ``rows`` (one per KPI: ``key``, ``label``,
        ``values``, ``deltas`` against the base; finish deltas in minutes),
        ``unserved`` (one row per reason), ``routes`` (per run: the changed
        routes, see :func:`route_changes`) and ``errors`` (run name -> message).
    """
    base = results[0]
    cols = [r["name"] for r in results]
    rows = []
    for key, label in KPI_ROWS:
        vals = [kpi_value(r, key) for r in results]
        rows.append({"key": key, "label": label, "values": vals, "deltas": [_delta(key, vals[0], v) for v in vals]})
    reasons = [x for x in REASON_ORDER if any(x in (r.get("unserved") or {}) for r in results)]
    reasons += sorted({x for r in results for x in (r.get("unserved") or {}) if x not in REASON_ORDER})
    unserved = []
    for reason in reasons:
        vals = [None if r.get("error") else (r.get("unserved") or {}).get(reason, 0) for r in results]
        unserved.append(
            {
                "reason": reason,
                "label": LABELS["unserved"].format(reason=reason),
                "values": vals,
                "deltas": [_delta(reason, vals[0], v) for v in vals],
            }
        )
    routes = {}
    for r in results[1:]:
        if not r.get("error") and not base.get("error"):
            routes[r["name"]] = route_changes(base, r)
    return {
        "columns": cols,
        "rows": rows,
        "unserved": unserved,
        "routes": routes,
        "errors": {r["name"]: r["error"] for r in results if r.get("error")},
    }


# ---------------------------------------------------------------- sweeps


def sweep_curve(sweep, results) -> dict:
    """The curve of one sweep: people out (and bound, finish) per value, and the value that moves everyone.

    Parameters
    ----------
    sweep : planner.whatif.Sweep
    results : list of dict
        One run result per sweep value, in the sweep's order.

    Returns
    -------
    dict
        ``name``, ``parameter``, ``label``, ``values``, ``evacuated``,
        ``upper_bound``, ``finish``, ``demand``, ``everyone_at`` (the smallest
        value that moves everyone, or the largest when less is better, such as
        checkpoint minutes; ``None`` if no value does), ``more_is_better``,
        ``monotone`` (people out never falls as the value gets better) and
        ``errors`` (value -> message).
    """
    values = list(sweep.values)
    evac = [kpi_value(r, "evacuated") for r in results]
    demand = next((kpi_value(r, "demand") for r in results if r.get("kpis")), None)
    mib = sweep.more_is_better
    ok = [(v, e) for v, e in zip(values, evac) if e is not None]
    if mib is None:  # custom change: read the direction from the curve
        mib = not ok or ok[0][1] <= ok[-1][1]
    everyone = [v for v, e in ok if demand is not None and e >= demand]
    at = (min(everyone) if mib else max(everyone)) if everyone else None
    ordered = sorted(ok, key=lambda t: t[0], reverse=not mib)
    monotone = all(a[1] <= b[1] for a, b in zip(ordered, ordered[1:]))
    return {
        "name": sweep.name,
        "parameter": sweep.parameter or sweep.field,
        "label": sweep.label,
        "values": values,
        "evacuated": evac,
        "upper_bound": [kpi_value(r, "upper_bound") for r in results],
        "finish": [kpi_value(r, "finish") for r in results],
        "buses_used": [kpi_value(r, "buses_used") for r in results],
        "demand": demand,
        "everyone_at": at,
        "more_is_better": mib,
        "monotone": monotone,
        "errors": {str(v): r["error"] for v, r in zip(values, results) if r.get("error")},
    }


def sweep_message(curve) -> Message:
    """The :class:`~planner.messages.Message` of :func:`sweep_sentence` (code and parameters)."""
    if curve["everyone_at"] is not None:
        code = "sweep_everyone_more" if curve["more_is_better"] else "sweep_everyone_less"
        params = {"name": curve["name"], "label": curve["label"], "value": _num(curve["everyone_at"])}
        return _message(code, **params, demand=curve["demand"])
    best = max((e for e in curve["evacuated"] if e is not None), default=None)
    if best is None:
        return _message("sweep_failed", name=curve["name"])
    return _message("sweep_short", name=curve["name"], best=best, demand=curve["demand"])


def sweep_sentence(curve) -> str:
    """One line a planner reads: "Fleet size: 40 vehicles move everyone (3254 people)"."""
    return sweep_message(curve).text


def _message(code, **params) -> Message:
    return Message(code, LABELS[code], params)


# ---------------------------------------------------------------- text


def _num(v) -> str:
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else f"{v:g}"
    return str(v)


def format_value(key, v) -> str:
    """A KPI as the table shows it."""
    if v is None:
        return "-"
    if key == "finish":
        from planner.export.common import ceil_minute  # (the export imports this module)

        # up to the minute, as the schedule's PDF and the GUI print a finish
        return ceil_minute(datetime.fromisoformat(v)).strftime("%H:%M")
    if key == "seat_use":
        return f"{100 * v:.1f} %"
    if key == "vehicle_km":
        return f"{v:,.1f}".replace(",", " ")
    return _num(v)


def format_delta(key, d) -> str:
    if d is None or d == 0:
        return ""
    if key == "finish":
        return LABELS["delta_min"].format(d=f"{d:+.0f}")
    if key == "seat_use":
        return f"{100 * d:+.1f}"
    return f"{d:+,.1f}".replace(",", " ") if isinstance(d, float) else f"{d:+d}"


def format_table(comparison, width=24) -> str:
    """The comparison as a text table: KPI rows, one column per run (value and change against the base)."""
    cols = comparison["columns"]
    names = [c if len(c) <= width else c[: width - 1] + "…" for c in cols]
    widths = [max(len(n), 12) for n in names]
    label_w = max(len(r["label"]) for r in comparison["rows"] + comparison["unserved"])
    lines = [" " * label_w + "  " + "  ".join(n.rjust(w) for n, w in zip(names, widths))]
    lines.append("-" * len(lines[0]))
    for row in comparison["rows"] + comparison["unserved"]:
        key = row.get("key", "")
        cells = []
        for i, (v, d) in enumerate(zip(row["values"], row["deltas"])):
            text = format_value(key, v)
            if i and (dt := format_delta(key, d)):
                text = f"{text} ({dt})"
            cells.append(text)
        lines.append(row["label"].ljust(label_w) + "  " + "  ".join(c.rjust(w) for c, w in zip(cells, widths)))
    for name, changes in comparison["routes"].items():
        if not changes:
            continue
        lines.append("")
        lines.append(f"Routes changed in {name}:")
        for ch in changes:
            lines.append("  " + route_change_text(ch))
    for name, err in comparison["errors"].items():
        lines.append("")
        lines.append(f"{name}: {err}")
    return "\n".join(lines)


def route_change_messages(ch) -> list:
    """The :class:`~planner.messages.Message` s of :func:`route_change_text`: the change, then the checkpoints'."""
    keys = ("pickup", "destination", "base_min", "variant_min", "extra_min")
    out = [_message("route_" + ch["status"], **{k: ch[k] for k in keys})]
    if "checkpoints" in ch:
        base = ",".join(ch["checkpoints"]["base"]) or LABELS["none"]
        variant = ",".join(ch["checkpoints"]["variant"]) or LABELS["none"]
        out.append(_message("route_checkpoints", base=base, variant=variant))
    return out


def route_change_text(ch) -> str:
    """``P1 -> D1: rerouted, 17.5 -> 21.0 min (+3.5 min)``."""
    return ", ".join(m.text for m in route_change_messages(ch))


def format_sweep(curve) -> str:
    """A sweep as text: one line per value, then the sentence."""
    lines = [f"{curve['name']} ({curve['label']}):", f"  {'value':>10}  {'people out':>10}  {'bound':>7}  finish"]
    for i, v in enumerate(curve["values"]):
        e, ub, fin = curve["evacuated"][i], curve["upper_bound"][i], curve["finish"][i]
        out, bound = format_value("evacuated", e), format_value("upper_bound", ub)
        lines.append(f"  {_num(v):>10}  {out:>10}  {bound:>7}  {format_value('finish', fin)}")
    lines.append("  " + sweep_sentence(curve))
    return "\n".join(lines)
