"""The plan's priority rule setting (rules.priority_first) drives the scheduler's aim."""

from planner.plan import load_plan, plan_from_dict, plan_to_dict, validate
from planner.schedule import schedule_plan
from planner.whatif import apply_variant, variants_from_dict


def test_priority_first_round_trips_and_validates(demo_plan_path):
    plan = load_plan(demo_plan_path)
    assert plan.rules.priority_first is True  # the rule is the default
    plan.rules.priority_first = False
    back = plan_from_dict(plan_to_dict(plan), "test")
    assert back.rules.priority_first is False
    plan.rules.priority_first = "yes"
    assert any(p.field == "rules.priority_first" for p in validate(plan))


def test_most_people_setting_moves_at_least_as_many(demo_plan_path, demo_net):
    plan = load_plan(demo_plan_path)
    ruled = schedule_plan(plan, demo_net, buses_needed=False).to_json()
    vset = variants_from_dict(
        {
            "format": "evacplan-variants",
            "version": 1,
            "variants": [{"name": "most people", "changes": [{"type": "rules", "priority_first": False}]}],
        }
    )
    most_plan = apply_variant(plan, vset.variants[0])
    assert plan.rules.priority_first is True and most_plan.rules.priority_first is False
    most = schedule_plan(most_plan, demo_net, buses_needed=False).to_json()
    assert most["bound"]["rule"] == "most people" and ruled["bound"]["rule"] == "priority"
    assert most["kpis"]["evacuated"] >= ruled["kpis"]["evacuated"]
    # the rule takes at least as many stretcher cases out as most people as the only aim
    stretcher = sum(t["passengers_by_group"]["stretcher"] for t in ruled["trips"])
    assert stretcher >= sum(t["passengers_by_group"]["stretcher"] for t in most["trips"])
    assert stretcher > 0
