"""`evacplan schedule` refuses a plan that `evacplan check` rejects, naming the problem."""

import json
import subprocess
import sys


def _run(*args):
    return subprocess.run([sys.executable, "-m", "planner.cli", "-q", *args], capture_output=True, text=True)


def test_schedule_refuses_an_invalid_plan(tmp_path, demo_plan_path, demo_net):
    doc = json.loads(demo_plan_path.read_text(encoding="utf-8"))
    doc["checkpoints"][1]["lanes"] = 0
    doc["pickups"][0]["people"]["general"] = -5
    bad = tmp_path / "bad.evacplan.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    r = _run("schedule", str(bad), "--json", str(tmp_path / "s.json"))
    assert r.returncode == 1, r.stdout
    assert "nothing was scheduled" in r.stderr
    assert "lanes must be a whole number ≥ 1, got 0" in r.stderr and "people.general" in r.stderr
    assert "Traceback" not in r.stderr and not (tmp_path / "s.json").exists()


def test_schedule_output_folder_checked_before_computing(tmp_path, demo_plan_path, demo_net):
    r = _run("schedule", str(demo_plan_path), "--json", str(tmp_path / "missing" / "s.json"))
    assert r.returncode == 1
    assert "does not exist" in r.stderr and "Traceback" not in r.stderr
