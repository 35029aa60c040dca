"""The CLI's files (issue 14, items 3, 6 and 7): inputs that never end, outputs that are inputs,
symbolic links, file modes, Ctrl+C, the --dask address and --polygon files.

Each test runs the real ``evacplan`` command in a subprocess on the real demo plan.
"""

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner import limits as L
from planner.errors import PlanError
from planner.fileio import read_input_bytes, write_text_atomic

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ROOT / "resources" / "plans" / "demo-variants.json"


def _run(*args, timeout=300, umask=None):
    pre = (lambda: os.umask(umask)) if umask is not None else None
    r = subprocess.run(
        [sys.executable, "-m", "planner.cli", "-q", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        preexec_fn=pre,
    )
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    return r


@pytest.fixture
def plan_copy(tmp_path, demo_plan_path):
    p = tmp_path / "plan.evacplan.json"
    p.write_bytes(demo_plan_path.read_bytes())
    return p


# ---------------------------------------------------------------- inputs that never end


def test_check_refuses_dev_zero_at_once():
    t = time.monotonic()
    r = _run("check", "/dev/zero", timeout=30)
    assert r.returncode == 1 and "/dev/zero" in r.stderr and "device" in r.stderr
    assert time.monotonic() - t < 20


def test_a_fifo_with_no_writer_is_refused_without_blocking(tmp_path, plan_copy):
    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo)
    r = _run("check", fifo, timeout=30)
    assert r.returncode == 1 and "FIFO" in r.stderr and str(fifo) in r.stderr
    r = _run("whatif", plan_copy, fifo, timeout=30)
    assert r.returncode == 1 and "FIFO" in r.stderr and "variants file" in r.stderr


def test_a_folder_is_not_a_plan(tmp_path):
    r = _run("check", tmp_path, timeout=30)
    assert r.returncode == 1 and "folder" in r.stderr


def test_plan_and_variants_files_are_capped(tmp_path):
    big = tmp_path / "big.evacplan.json"
    with open(big, "wb") as fh:
        fh.truncate(L.MAX_PLAN_BYTES + 1)  # sparse: no 50 MB written
    from planner.plan import load_plan
    from planner.whatif import load_variants

    with pytest.raises(PlanError, match=r"larger than the 50 MB"):
        load_plan(big)

    with pytest.raises(PlanError, match=r"larger than the 50 MB"):
        load_variants(big)


def test_read_input_bytes_stops_at_the_cap_when_the_size_lies(tmp_path):
    """/proc files say size 0 and go on: the read stops at the cap."""
    with pytest.raises(PlanError, match="larger than"):
        read_input_bytes(
            "/proc/self/maps" if Path("/proc/self/maps").exists() else "/dev/null", "x", 10, error=PlanError
        )


# ---------------------------------------------------------------- outputs


@pytest.mark.parametrize("flag", ["--json", "--pdf", "--csv", "--gpx"])
def test_an_output_that_is_the_plan_is_refused_and_the_plan_kept(plan_copy, flag):
    """`evacplan schedule P --json P` silently overwrote the plan."""
    before = plan_copy.read_bytes()
    r = _run("schedule", plan_copy, flag, plan_copy, timeout=60)
    assert r.returncode == 1 and "would overwrite the plan" in r.stderr
    assert plan_copy.read_bytes() == before


def test_an_output_that_links_to_the_plan_or_the_variants_is_refused(tmp_path, plan_copy):
    link = tmp_path / "out.json"
    link.symlink_to(plan_copy)
    before = plan_copy.read_bytes()
    assert _run("schedule", plan_copy, "--json", link, timeout=60).returncode == 1
    assert _run("route", plan_copy, "--json", link, timeout=60).returncode == 1
    variants = tmp_path / "v.json"
    variants.write_bytes(VARIANTS.read_bytes())
    r = _run("whatif", plan_copy, variants, "--json", variants, timeout=60)
    assert r.returncode == 1 and "would overwrite the variants file" in r.stderr
    assert plan_copy.read_bytes() == before and link.is_symlink()


def test_the_same_output_twice_is_refused(tmp_path, plan_copy):
    out = tmp_path / "x.out"
    r = _run("schedule", plan_copy, "--json", out, "--gpx", out, timeout=60)
    assert r.returncode == 1 and "given to both --json and --gpx" in r.stderr


def test_outputs_get_the_umask_mode_and_symlinks_are_written_through(tmp_path, plan_copy, demo_net):
    """The PDF was written 0600 while the other outputs were 0644; a link must not be replaced silently."""
    target = tmp_path / "real-schedule.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    link = tmp_path / "schedule.json"
    link.symlink_to(target.name)
    pdf, gpx = tmp_path / "s.pdf", tmp_path / "s.gpx"
    r = _run("schedule", plan_copy, "--json", link, "--pdf", pdf, "--gpx", gpx, umask=0o027)
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and os.readlink(link) == target.name
    assert "kpis" in json.loads(target.read_text(encoding="utf-8"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # an existing file keeps its mode
    for f in (pdf, gpx):
        assert stat.S_IMODE(f.stat().st_mode) == 0o640, (f, oct(f.stat().st_mode))  # 0666 & ~027
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_write_text_atomic_writes_through_a_dangling_link(tmp_path):
    link = tmp_path / "a.json"
    link.symlink_to("b.json")
    write_text_atomic(link, "{}")
    assert link.is_symlink() and (tmp_path / "b.json").read_text() == "{}"


# ---------------------------------------------------------------- messages


def test_dask_address_that_is_not_one_is_refused_at_once(plan_copy):
    """`--dask "not a url"` printed a message, then waited 40 s and a traceback at exit."""
    t = time.monotonic()
    r = _run("whatif", plan_copy, VARIANTS, "--dask", "not a url", timeout=60)
    assert r.returncode == 1 and "not a Dask scheduler address" in r.stderr
    assert r.stderr.count("\n") == 1 and time.monotonic() - t < 15


def test_a_variants_error_names_the_file(tmp_path, plan_copy, demo_net):
    v = tmp_path / "bad.variants.json"
    v.write_text(
        json.dumps(
            {
                "format": "evacplan-variants",
                "version": 1,
                "variants": [{"name": "long hold", "changes": [{"type": "window", "duration_h": 1e308}]}],
            }
        ),
        encoding="utf-8",
    )
    r = _run("whatif", plan_copy, v)
    assert r.returncode == 1 and r.stderr.startswith(f"evacplan: {v}: variant 'long hold' changes[0]")
    assert "duration_h must be at most" in r.stderr


BOWTIE = {
    "type": "Polygon",
    "coordinates": [[[13.24, 53.54], [13.28, 53.58], [13.28, 53.54], [13.24, 53.58], [13.24, 53.54]]],
}


def test_a_self_intersecting_polygon_is_refused_for_import(tmp_path):
    osm = ROOT / "resources" / "osm" / "neubrandenburg.osm.bz2"
    poly = tmp_path / "bowtie.geojson"
    poly.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": BOWTIE}), encoding="utf-8")
    t = time.monotonic()
    r = _run("data", "import", osm, "--name", "bowtie-test", "--polygon", poly, timeout=60)
    assert r.returncode == 1 and str(poly) in r.stderr and "not a valid polygon" in r.stderr
    assert "self-intersection" in r.stderr.lower() and time.monotonic() - t < 30
    fifo = tmp_path / "p.fifo"
    os.mkfifo(fifo)
    r = _run("data", "import", osm, "--name", "fifo-test", "--polygon", fifo, timeout=30)
    assert r.returncode == 1 and "FIFO" in r.stderr


# ---------------------------------------------------------------- Ctrl+C


def _big_plan(net, plan_path):
    """The demo plan with 600 assembly points at real network nodes near the centre and 300 buses."""
    import numpy as np

    from planner.plan import People, Pickup, load_plan, save_plan

    plan = load_plan(plan_path)
    plan.rules.corridor_only = False
    plan.hazards, plan.closures, plan.corridors = [], [], []
    cx, cy = net.to_projected(np.mean([p.lon for p in plan.pickups]), np.mean([p.lat for p in plan.pickups]))
    near = np.flatnonzero((net.node_x - cx) ** 2 + (net.node_y - cy) ** 2 < 4000.0**2)
    rnd = np.random.default_rng(1)
    plan.pickups = [
        Pickup(f"P{k}", f"Point {k}", float(net.node_lon[n]), float(net.node_lat[n]), People(120, 5, 0))
        for k, n in enumerate(rnd.choice(near, size=600, replace=False))
    ]
    plan.depots[0].vehicles[0].count = 300
    out = plan_path.with_name("big.evacplan.json")
    save_plan(plan, out)
    return out


def _past_the_check(line):
    """A progress line after the plan check (the CLI throttles progress, so no one stage line is certain)."""
    head = line.strip().split("%")[0]
    return "%" in line and head.replace(".", "", 1).isdigit() and float(head) > 0.0


def _interrupt(args, started, cwd):
    p = subprocess.Popen(
        [sys.executable, "-m", "planner.cli", *map(str, args)],
        cwd=cwd,
        text=True,
        stdout=subprocess.DEVNULL,  # never read while waiting: a full stdout pipe would block the child
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + 240
    seen = []
    while time.monotonic() < deadline:
        line = p.stderr.readline()
        seen.append(line)
        if not line or (started(line) if callable(started) else started in line):
            break
    assert p.poll() is None, "".join(seen)
    t = time.monotonic()
    os.killpg(p.pid, signal.SIGINT)  # what the terminal sends on Ctrl+C: the whole process group
    out, err = p.communicate(timeout=60)
    return p.returncode, err, time.monotonic() - t


def _clean_interrupt(rc, err, took):
    return rc == 130 and err.strip().splitlines()[-1:] == ["evacplan: interrupted"] and "Traceback" not in err


def _interrupt_again_if_unclean(args, started, cwd):
    """One more try when the first is not clean: a signal test on a shared 2-core machine can lose its timing
    (the assertions below still hold the second try to every condition)."""
    rc, err, took = _interrupt(args, started, cwd)
    if not (_clean_interrupt(rc, err, took) and took < 15):
        rc, err, took = _interrupt(args, started, cwd)
    return rc, err, took


@pytest.mark.slow
def test_ctrl_c_during_schedule_exits_130_with_one_line_and_no_output(tmp_path, plan_copy, demo_net):
    big = _big_plan(demo_net, plan_copy)  # tens of seconds of work: the signal arrives in the middle
    rc, err, took = _interrupt_again_if_unclean(
        ["schedule", big, "--json", tmp_path / "s.json", "--pdf", tmp_path / "s.pdf"], _past_the_check, tmp_path
    )
    assert rc == 130 and err.strip().splitlines()[-1] == "evacplan: interrupted" and "Traceback" not in err
    assert took < 15
    assert not (tmp_path / "s.json").exists() and not (tmp_path / "s.pdf").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.slow
def test_ctrl_c_during_whatif_stops_the_workers_at_once(tmp_path, plan_copy, demo_net):
    args = ["whatif", plan_copy, VARIANTS, "--json", tmp_path / "w.json"]
    rc, err, took = _interrupt_again_if_unclean(args, "runs started", tmp_path)
    assert rc == 130 and err.strip().splitlines()[-1] == "evacplan: interrupted" and "Traceback" not in err
    assert took < 15 and not (tmp_path / "w.json").exists()
