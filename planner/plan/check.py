"""``evacplan check``: validation plus snapping report for one plan file.

The result is a plain dict (what ``evacplan check --json`` prints), so the
GUI can show the same report.
"""

from __future__ import annotations

from pathlib import Path

from planner.errors import NetworkError, quote
from planner.limits import NAME_QUOTE_CHARS
from planner.plan.fileformat import load_plan
from planner.plan.model import Plan
from planner.plan.problems import ERROR, Problem, errors, problem, warnings
from planner.plan.snapping import snap_plan, snap_report
from planner.plan.validate import validate
from planner.progress import null_progress


def missing_network_message(plan: Plan, source: str = "") -> str:
    """One line: the plan's network is not in the store, and how to get it."""
    from planner.network import PRESETS

    name = plan.network.name
    who = f"{source}: " if source else ""
    how = f"`evacplan data import FILE --name {name}`"
    if name in PRESETS:
        how = f"`evacplan data fetch {name}` (needs internet) or {how}"
    return f"{who}road network {name!r} is not in the store; get it with {how}"


def _open_network(plan: Plan, source: str, progress):
    """(network or None, one-line message when it is missing, problems)."""
    from planner import network as netmod
    from planner.store import DEMO_NAME

    name = plan.network.name
    if not isinstance(name, str) or not name.strip():
        return None, None, []  # validation reports the empty name
    try:
        netmod.validate_name(name)
    except NetworkError as exc:
        return None, None, [problem(ERROR, None, "network.name", "plan", "network_name_bad", error=str(exc))]
    try:
        if name == DEMO_NAME:  # built from the bundled extract on first use
            return netmod.demo_network(progress=progress), None, []
        if not (netmod.store_dir() / name).is_dir():
            return None, missing_network_message(plan, source), []
        return netmod.load_network(name), None, []
    except NetworkError as exc:
        return (
            None,
            None,
            [problem(ERROR, None, "network", "plan", "network_unreadable", network=repr(name), error=str(exc))],
        )


def plan_problems(plan: Plan, net=None) -> list[Problem]:
    """What stops a compute before any routing: validation, and snapping when ``net`` is given.

    The GUI's Problems panel, ``evacplan check`` and :func:`planner.compute.compute_plan`
    all use this one list, so a plan one of them rejects is rejected by all.

    Returns
    -------
    list of Problem
        Errors first, then warnings.
    """
    problems = validate(plan, net)
    if net is not None:
        problems = problems + snap_report(plan, net)[1]
    return errors(problems) + warnings(problems)


def check_plan(plan_or_path, progress=null_progress) -> dict:
    """Validate a plan and snap its points onto its network.

    Parameters
    ----------
    plan_or_path : Plan or path
    progress : callable, optional
        ``progress(fraction, message)``; building the demo network the first time takes seconds.

    Returns
    -------
    dict
        ``plan`` (path or name), ``name``, ``network`` (name, sha256 of the plan,
        ``found``, ``store_sha256``, ``nodes``, ``edges``), ``computable`` (bool),
        ``missing_network`` (one-line message or ``None``), ``problems``
        (list of Problem dicts, errors first), ``snaps`` (list of Snap dicts),
        ``summary`` (counts).

    Raises
    ------
    PlanError
        The file cannot be read as a plan at all.
    """
    if isinstance(plan_or_path, Plan):
        plan, source = plan_or_path, ""
    else:
        source = str(plan_or_path)
        plan = load_plan(Path(plan_or_path))
    net, missing, problems = _open_network(plan, source, progress)
    problems = problems + plan_problems(plan, net)
    snaps = [] if net is None else snap_plan(plan, net)
    problems = errors(problems) + warnings(problems)
    vehicles = [v for d in plan.depots for v in d.vehicles]
    try:
        summary = {
            "people": plan.total_people,
            "pickups": len(plan.pickups),
            "destinations": len(plan.destinations),
            "depots": len(plan.depots),
            "vehicles": sum(v.count for v in vehicles),
            "seats": sum(v.count * v.seats for v in vehicles),
            "stretcher_places": sum(v.count * v.stretcher_places for v in vehicles),
            "corridors": len(plan.corridors),
            "checkpoints": len(plan.checkpoints),
            "hazards": len(plan.hazards),
            "closures": len(plan.closures),
        }
    except (TypeError, AttributeError):  # wrong types in the counts: reported as problems
        summary = {}
    return {
        "plan": source or plan.name,
        "name": plan.name,
        "network": {
            "name": plan.network.name,
            "sha256": plan.network.sha256,
            "found": net is not None,
            "store_sha256": getattr(net, "sha256", None),
            "nodes": getattr(net, "n_nodes", None),
            "edges": getattr(net, "n_edges", None),
        },
        "computable": net is not None and not errors(problems),
        "missing_network": missing,
        "problems": [p.to_dict() for p in problems],
        "snaps": [s.to_dict() for s in snaps],
        "summary": summary,
        "window": {"start": _iso(plan.window.start), "end": _iso(plan.window.end), "no_night": plan.window.no_night},
        "snap_limit_m": plan.rules.snap_limit_m,
    }


def _iso(v):
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


def format_check(result: dict) -> str:
    """The check result as text for a terminal."""
    lines = [f"plan {result['plan']}: {quote(result['name'], NAME_QUOTE_CHARS)}"]
    s = result["summary"]
    if s:
        lines.append(
            f"  {_n(s['pickups'], 'pickup')} with {_n(s['people'], 'person', 'people')}, "
            f"{_n(s['destinations'], 'destination')}, {_n(s['depots'], 'depot')} with "
            f"{_n(s['vehicles'], 'vehicle')} ({_n(s['seats'], 'seat')}, "
            f"{_n(s['stretcher_places'], 'stretcher place')}), "
            f"{_n(s['corridors'], 'corridor')}, {_n(s['checkpoints'], 'checkpoint')}, "
            f"{_n(s['hazards'], 'hazard zone')}, {_n(s['closures'], 'road closure')}"
        )
    w = result["window"]
    lines.append(f"  window {w['start']} to {w['end']}" + (", no night driving" if w["no_night"] is True else ""))
    n = result["network"]
    if n["found"]:
        same = (
            "hash not recorded in the plan"
            if not n["sha256"]
            else "same extract as the plan"
            if n["sha256"] == n["store_sha256"]
            else "another extract than the plan"
        )
        lines.append(
            f"network {n['name']}: {n['nodes']} nodes, {n['edges']} edges, sha256 {n['store_sha256'][:12]}… ({same})"
        )
    elif result["missing_network"]:
        lines.append(result["missing_network"])
    if result["snaps"]:
        lines.append(f"snapping to the nearest road node (limit {result['snap_limit_m']:g} m):")
        width = max(len(_label(x)) for x in result["snaps"])
        for x in result["snaps"]:
            flag = "" if x["ok"] else "  TOO FAR"
            lines.append(f"  {_label(x):<{width}}  {x['distance_m']:6.0f} m  OSM node {x['osmid']}{flag}")
    errs = [p for p in result["problems"] if p["severity"] == "error"]
    warns = [p for p in result["problems"] if p["severity"] == "warning"]
    for p in errs:
        lines.append(f"error: {p['message']}")
    for p in warns:
        lines.append(f"warning: {p['message']}")
    counts = f"{_n(len(errs), 'error')}, {_n(len(warns), 'warning')}"
    if result["computable"]:
        lines.append(f"OK: the plan can be computed ({counts})")
    else:
        lines.append(f"NOT computable ({counts})")
    return "\n".join(lines)


def _n(count, one, many=None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def _label(snap: dict) -> str:
    where = "" if snap["field"] == "lon" else f" {snap['field']}"
    return f"{snap['kind']} {snap['element_id']} {snap['name']!r}{where}"
