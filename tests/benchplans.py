"""The generated plans of ``benchmarks/schedule.py`` for tests, on the demo plan's geography (real network)."""

import sys
from pathlib import Path

from planner.plan import load_plan
from planner.schedule.build import build_problem, plan_fleet, route_all

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "plans" / "demo-neubrandenburg.evacplan.json"


def generated(net, **kw):
    """``benchmarks.schedule.generated_plan(net, demo plan, **kw)``: a plan with random points on the network."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from schedule import generated_plan
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return generated_plan(net, load_plan(DEMO), **kw)


def problem(plan, net):
    """The scheduling Problem of ``plan`` (routed on ``net``)."""
    fleet = plan_fleet(plan)
    return build_problem(plan, route_all(plan, net, fleet), fleet)


def plan50(net):
    """The 50 buses / 30 pickups / 20 checkpoints benchmark plan."""
    return generated(net, buses=50, pickups=30, checkpoints=20, hours=12.0)
