"""A fresh machine: the system libraries of Qt's X11 plugin, one documented install line, one clear error."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ui.syslibs import APT_COMMAND, DEBIAN_PACKAGES, missing_libraries, uses_xcb, xcb_plugin

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def test_readme_ci_and_the_error_message_name_the_same_packages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"    {APT_COMMAND}\n" in readme  # a line of its own, before the venv line
    assert readme.index(APT_COMMAND) < readme.index("python3 -m venv .venv && .venv/bin/pip install -e . &&")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    (listed,) = re.findall(r"^gui_pkgs=\((.*)\)$", ci, re.M)
    assert tuple(listed.split()) == DEBIAN_PACKAGES
    assert "libxcb-cursor0" in DEBIAN_PACKAGES


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux only")
def test_missing_libraries_are_what_ldd_cannot_find():
    out = subprocess.run(["ldd", str(xcb_plugin())], capture_output=True, text=True, check=True).stdout
    expected = sorted({ln.split("=>")[0].strip() for ln in out.splitlines() if "not found" in ln})
    assert missing_libraries() == expected


def test_the_platform_is_xcb_unless_another_is_asked_for():
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}) == sys.platform.startswith("linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux only")
def test_evacplan_gui_names_the_missing_library_in_one_line():
    missing = missing_libraries()
    if missing:  # a machine without them: the real case
        cmd = [sys.executable, "-m", "planner.cli", "gui"]
    else:
        # everything is installed here (CI installs it): hide libxcb-cursor from the detection only
        # (test_missing_libraries_are_what_ldd_cannot_find checks the detection itself against ldd)
        missing = ["libxcb-cursor.so.0"]
        cmd = [
            sys.executable,
            "-c",
            (
                "import sys, ui.syslibs as s; s.missing_libraries = lambda plugin=None: ['libxcb-cursor.so.0']; "
                "from planner.cli import main; sys.exit(main(['gui']))"
            ),
        ]
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert all(so in lines[0] for so in missing) and APT_COMMAND in lines[0]
    assert "Traceback" not in proc.stderr
