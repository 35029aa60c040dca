"""What-if analysis (design section 7): variants of a plan, side-by-side comparison, sweeps.

::

    from planner.whatif import load_variants, run_whatif, format_report
    vset = load_variants("demo-variants.json")
    report = run_whatif(plan, net, vset, mode="process")     # or "inprocess", or mode="dask", address=...
    print(format_report(report))

The base plan is never modified: every variant is applied to a copy
(:func:`apply_variant`), and runs start from the base plan's file dict.

Modules:

- :mod:`.changes`: the change vocabulary (:data:`CHANGES`) and :func:`apply_variant`;
- :mod:`.variants`: :class:`Variant`, :class:`Sweep`, the variants file format;
- :mod:`.run`: one deterministic evaluation, in-process / process-pool / Dask runners;
- :mod:`.compare`: the comparison, sweep curves and the text table;
- :mod:`.diff`: :func:`diff_plans`, the changes between two plans (GUI recording).
"""

from __future__ import annotations

from planner.plan import plan_to_dict
from planner.whatif.changes import CHANGES, ChangeError, apply_change, apply_changes, apply_variant
from planner.whatif.compare import (
    compare,
    format_sweep,
    format_table,
    route_change_text,
    route_changes,
    sweep_curve,
    sweep_sentence,
)
from planner.whatif.diff import diff_plans
from planner.whatif.run import MODES, evaluate, run_jobs, schedule_deterministic
from planner.whatif.variants import (
    BASE_NAME,
    PARAMETERS,
    Sweep,
    Variant,
    VariantSet,
    dumps_variants,
    load_variants,
    variants_from_dict,
)

REPORT_FORMAT = "evacplan-whatif"
REPORT_VERSION = 1


def make_jobs(plan, vset, engine=None) -> list:
    """The runs of a variants set: the base, each variant, each sweep point (JSON-ready dicts)."""
    jobs = [{"name": BASE_NAME, "kind": "base", "sweep": None, "value": None, "changes": []}]
    for v in vset.variants:
        jobs.append({"name": v.name, "kind": "variant", "sweep": None, "value": None, "changes": v.changes})
    for s in vset.sweeps:
        for value, v in zip(s.values, s.variants(plan)):
            jobs.append({"name": v.name, "kind": "sweep", "sweep": s.name, "value": value, "changes": v.changes})
    if engine:
        for j in jobs:
            j["engine"] = dict(engine)
    return jobs


def run_whatif(plan, net, vset, *, mode="process", workers=None, address=None, engine=None, progress=None) -> dict:
    """Run the base plan, every variant and every sweep point, and compare them.

    Parameters
    ----------
    plan : planner.plan.Plan
        The base plan (not modified).
    net : planner.network.RoadNetwork
        Its road network; process and Dask workers load the store entry of the same name.
    vset : VariantSet
    mode : {"inprocess", "process", "dask"}
    workers : int, optional
        Processes for ``mode="process"``.
    address : str, optional
        Dask scheduler address for ``mode="dask"``.
    engine : dict, optional
        ``{"improve": bool, "buses_needed": bool}`` (both true by default);
        ``improve=False`` is about five times faster for long sweeps.
    progress : callable, optional
        ``progress(fraction, message)``; may raise ``Cancelled``.

    Returns
    -------
    dict
        ``format``, ``version``, ``plan``, ``network``, ``results`` (every run,
        base first), ``comparison`` (base and variants, see :func:`compare`) and
        ``sweeps`` (one curve each, see :func:`sweep_curve`).

    Raises
    ------
    ChangeError
        Before anything runs, when a change names an unknown type or a missing element.
    """
    vset.check(plan)
    jobs = make_jobs(plan, vset, engine)
    results = run_jobs(plan_to_dict(plan), jobs, net, mode=mode, workers=workers, address=address, progress=progress)
    n_var = 1 + len(vset.variants)
    sweeps, i = [], n_var
    for s in vset.sweeps:
        sweeps.append(sweep_curve(s, results[i : i + len(s.values)]))
        i += len(s.values)
    return {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "plan": plan.name,
        "network": {"name": net.name, "sha256": net.sha256},
        "results": results,
        "comparison": compare(results[:n_var]),
        "sweeps": sweeps,
    }


def format_report(report) -> str:
    """The report as the CLI prints it: the comparison table, then each sweep."""
    parts = [f"What-if: {report['plan']}", "", format_table(report["comparison"])]
    for curve in report["sweeps"]:
        parts += ["", format_sweep(curve)]
    return "\n".join(parts)


__all__ = [
    "BASE_NAME",
    "CHANGES",
    "MODES",
    "PARAMETERS",
    "ChangeError",
    "Sweep",
    "Variant",
    "VariantSet",
    "apply_change",
    "apply_changes",
    "apply_variant",
    "compare",
    "diff_plans",
    "dumps_variants",
    "evaluate",
    "format_report",
    "format_sweep",
    "format_table",
    "load_variants",
    "make_jobs",
    "route_change_text",
    "route_changes",
    "run_jobs",
    "run_whatif",
    "schedule_deterministic",
    "sweep_curve",
    "sweep_sentence",
    "variants_from_dict",
]
