"""planner.resources: the bundled files of the source tree, or of a wheel install in <prefix>/share/evacplan.

The wheel itself is built and installed by benchmarks/wheel_resources.py (too slow for a test).
"""

import sys

from planner import resources
from planner.export import fonts


def test_a_checkout_reads_its_own_resources():
    assert resources.resources_dir() == resources.SOURCE
    assert (resources.SOURCE / "plans" / "demo-neubrandenburg.evacplan.json").is_file()


def test_without_a_source_tree_the_installed_share_folder_is_used(tmp_path, monkeypatch):
    prefix = tmp_path / "venv"
    share = prefix / "share" / "evacplan"
    (share / "plans").mkdir(parents=True)
    (share / "fonts").mkdir()
    monkeypatch.setattr(resources, "SOURCE", tmp_path / "no-checkout" / "resources")
    monkeypatch.setattr(sys, "prefix", str(prefix))
    assert resources.installed_dirs()[0] == share
    assert resources.resources_dir() == share
    monkeypatch.setattr(fonts, "SOURCE", resources.SOURCE)
    monkeypatch.delenv("EVACPLAN_FONTS", raising=False)
    dirs = fonts.font_dirs()
    assert dirs.index(share / "fonts") == 1  # after the (missing) source tree, before the system fonts


def test_a_broken_installation_names_the_source_path(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "SOURCE", tmp_path / "resources")
    monkeypatch.setattr(resources, "installed_dirs", lambda: [tmp_path / "share" / "evacplan"])
    assert resources.resources_dir() == tmp_path / "resources"
