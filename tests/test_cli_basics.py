"""The command's basics: ``python -m planner``, ``--version``, ``--verbose`` logging, progress
lines without shared state, and the message when ``--dask`` runs without Dask installed."""

import io
import logging
import subprocess
import sys
import tomllib

import pytest

import planner
from planner.cli import main
from planner.log import configure_logging
from planner.progress import StderrProgress, scaled

from .conftest import RESOURCES, ROOT


def _pyproject_version():
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def test_version_has_one_source():
    assert planner.__version__ == _pyproject_version()


def test_python_dash_m_planner_prints_the_version():
    out = subprocess.run(
        [sys.executable, "-m", "planner", "--version"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"evacplan {_pyproject_version()}"


def test_python_dash_m_planner_without_a_command_is_a_usage_error():
    out = subprocess.run([sys.executable, "-m", "planner"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert "usage: evacplan" in out.stderr


def test_verbose_logs_debug_on_stderr_and_the_default_does_not(capsys, tmp_path):
    missing = str(tmp_path / "nope.evacplan.json")
    try:
        assert main(["check", missing]) == 1
        quiet = capsys.readouterr().err
        assert "DEBUG" not in quiet
        assert "nope.evacplan.json" in quiet  # the one-line error still comes

        assert main(["--verbose", "check", missing]) == 1
        loud = capsys.readouterr().err
        assert "DEBUG   planner.cli: evacplan" in loud
        assert loud.count("DEBUG   planner.cli: evacplan") == 1  # one handler, however often main() runs

        assert main(["check", missing, "--verbose"]) == 1  # after the subcommand as well
        assert "DEBUG   planner.cli: evacplan" in capsys.readouterr().err
        assert main(["data", "list", "-v"]) == 0  # and after a nested subcommand
        assert "DEBUG   planner.cli: evacplan" in capsys.readouterr().err
    finally:
        configure_logging(verbose=False)


def test_configure_logging_keeps_third_party_loggers_at_warning():
    stream = io.StringIO()
    handler = configure_logging(verbose=True, stream=stream)
    try:
        logging.getLogger("planner.routing").debug("ours")
        logging.getLogger("urllib3.connectionpool").debug("theirs")
        logging.getLogger("urllib3.connectionpool").warning("theirs, loud")
        text = stream.getvalue()
        assert "ours" in text
        assert "theirs, loud" in text
        assert "theirs\n" not in text
        assert logging.getLogger().handlers.count(handler) == 1
    finally:
        configure_logging(verbose=False)


class _Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_stderr_progress_throttles_per_instance():
    clock, a_out, b_out = _Clock(), io.StringIO(), io.StringIO()
    a = StderrProgress(a_out, min_interval=0.1, clock=clock)
    b = StderrProgress(b_out, min_interval=0.1, clock=clock)
    a(0.0, "start")
    a(0.5, "too soon")  # same instant: dropped
    b(0.5, "other run")  # another callback has its own clock: printed
    clock.now += 0.2
    a(0.6, "later")
    a(0.7, "too soon again")
    a(1.0, "done")  # the last report always prints
    assert a_out.getvalue().splitlines() == ["  0.0% start", " 60.0% later", "100.0% done"]
    assert b_out.getvalue().splitlines() == [" 50.0% other run"]


def test_stderr_progress_writes_to_the_current_stderr(capsys):
    StderrProgress()(None, "loading")
    assert capsys.readouterr().err == "loading\n"


def test_scaled_maps_onto_the_parents_range():
    seen = []
    inner = scaled(lambda f, m: seen.append((f, m)), 0.5, 0.75)
    inner(0.0, "a")
    inner(1.0, "b")
    inner(None, "c")
    assert seen == [(0.5, "a"), (0.75, "b"), (None, "c")]


def test_whatif_dask_without_dask_says_how_to_install_it(monkeypatch, capsys, demo_net):
    # None in sys.modules makes `import dask.distributed` raise ImportError, as on an install without the extra.
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    plan = RESOURCES / "plans" / "demo-neubrandenburg.evacplan.json"
    variants = RESOURCES / "plans" / "demo-variants.json"
    code = main(["--quiet", "whatif", str(plan), str(variants), "--dask", "tcp://127.0.0.1:1"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == "evacplan: --dask needs Dask, which is not installed: pip install 'evacplan[dask]'"


def test_version_flag_in_process(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"evacplan {planner.__version__}"
