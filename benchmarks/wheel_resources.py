"""Does a wheel install find the bundled files? Builds the wheel, installs it into a fresh venv, looks them up.

Run by hand from a checkout: ``python benchmarks/wheel_resources.py``. Prints one line per check and the
times; exits 1 when a check fails. Too slow for a test (a wheel build and a venv, about half a minute).

1. ``pip wheel . --no-deps`` into a temporary folder; every file of ``resources/`` the app reads at run
   time (the plans, the compiled translations, the guide, the fonts, the bundled network and its
   licence) must be in the wheel under ``<name>.data/data/share/evacplan/``.
2. A fresh venv (``python -m venv``), the wheel installed with ``--no-deps`` (nothing is downloaded);
   the dependencies are borrowed from the running interpreter's environment by a ``.pth`` line.
3. In that venv, from an empty folder: ``planner`` and ``ui`` are the installed copies, and
   :func:`planner.resources.resources_dir`, the network store, the PDF fonts, the start page, the
   translations and the guide all find their files in ``<venv>/share/evacplan``; ``evacplan route`` on
   the installed demo plan builds the demo network from the installed extract (into a temporary store), and
   ``evacplan gui --screenshot`` opens and computes the installed demo plan offscreen.

The wheel build leaves ``build/`` and ``evacplan.egg-info/`` in the checkout (both git-ignored).
"""

import json
import os
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = ["plans/*.json", "translations/*.qm", "help/*.html", "fonts/*.ttf", "fonts/LICENSE", "osm/*"]

CHECK = r"""
import json, sys
from pathlib import Path
import planner, ui, planner.resources as r
from planner.network.store import RESOURCES, bundled_osm_path
from planner.export.fonts import font_dir
from ui.i18n import qm_path
from ui.panels.start import DEMO_PLAN, MARIUPOL_PLAN
from ui.window.guide import GUIDE, guide_path
share = Path(sys.prefix) / "share" / "evacplan"
found = {
    "planner installed": planner.__file__,
    "ui installed": ui.__file__,
    "resources_dir": str(r.resources_dir()),
    "store RESOURCES": str(RESOURCES),
    "bundled network": str(bundled_osm_path()),
    "PDF fonts": str(font_dir()),
    "demo plan": str(DEMO_PLAN),
    "Mariupol plan": str(MARIUPOL_PLAN),
    "translation uk": str(qm_path("uk")),
    "translation ru": str(qm_path("ru")),
    "guide": str(GUIDE),
    "guide uk": str(guide_path("uk")),
}
ok = {k: (Path(v).exists() and Path(v).resolve().is_relative_to(share.resolve().parent.parent)
          if "installed" not in k else Path(v).resolve().is_relative_to(Path(sys.prefix).resolve()))
      for k, v in found.items()}
ok["guide uk"] = ok["guide uk"] and found["guide uk"].endswith("index.uk.html")
print(json.dumps({"share": str(share), "found": found, "ok": ok}))
"""


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="evacplan-wheel-"))
    failed = 0

    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "-w", str(tmp / "whl"), "--no-deps", "-q"],
        check=True,
        cwd=tmp,
    )
    wheel = next((tmp / "whl").glob("evacplan-*.whl"))
    t_wheel = time.perf_counter() - t
    names = set(zipfile.ZipFile(wheel).namelist())
    data = f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.data/data/share/evacplan/"
    want = sorted({p.relative_to(ROOT / "resources").as_posix() for g in RUNTIME for p in (ROOT / "resources").glob(g)})
    missing = [w for w in want if data + w not in names]
    print(f"wheel {wheel.name}: {len(names)} files, {wheel.stat().st_size / 1e6:.1f} MB, built in {t_wheel:.1f} s")
    print(f"  resources the app reads: {len(want)}, in the wheel: {len(want) - len(missing)}")
    for m in missing:
        print(f"  MISSING from the wheel: resources/{m}")
    failed += len(missing)

    t = time.perf_counter()
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([py, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True, cwd=tmp)
    site = Path(
        subprocess.check_output([py, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True).strip()
    )
    # the dependencies (numpy, PySide6, ...) from this interpreter's environment; its own evacplan stays out:
    # paths a .pth adds are not scanned for .pth files, so an editable install's finder there is not loaded
    (site / "zz_borrowed_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    t_venv = time.perf_counter() - t
    print(f"venv {env_dir}: wheel installed in {t_venv:.1f} s")

    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "EVACPLAN_FONTS")}
    clean["QT_QPA_PLATFORM"] = "offscreen"
    clean["EVACPLAN_DATA"] = str(tmp / "store")
    empty = tmp / "cwd"
    empty.mkdir()
    out = subprocess.run([py, "-c", CHECK], capture_output=True, text=True, cwd=empty, env=clean)
    if out.returncode != 0:
        print("  lookup FAILED:", out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode)
        return 1
    res = json.loads(out.stdout.strip().splitlines()[-1])
    for k, v in res["found"].items():
        good = res["ok"][k]
        failed += not good
        print(f"  {'ok  ' if good else 'FAIL'} {k}: {v}")

    plan = Path(res["found"]["demo plan"])
    evacplan = env_dir / "bin" / "evacplan"
    t = time.perf_counter()
    run = subprocess.run([evacplan, "--quiet", "route", plan], capture_output=True, text=True, cwd=empty, env=clean)
    t_route = time.perf_counter() - t
    routes = [ln for ln in run.stdout.splitlines() if ln.rstrip().endswith("fastest")]
    good = run.returncode == 0 and len(routes) > 0
    failed += not good
    print(
        f"  {'ok  ' if good else 'FAIL'} evacplan route on the installed demo plan (builds the demo network from the"
        f" installed extract): exit {run.returncode}, {len(routes)} routes, {t_route:.1f} s"
    )
    if not good:
        print("   ", (run.stderr or run.stdout).strip()[-500:])

    t = time.perf_counter()
    png = tmp / "gui.png"
    run = subprocess.run([evacplan, "gui", "--screenshot", png], capture_output=True, text=True, cwd=empty, env=clean)
    t_gui = time.perf_counter() - t
    good = run.returncode == 0 and png.is_file() and png.stat().st_size > 10_000
    failed += not good
    print(
        f"  {'ok  ' if good else 'FAIL'} evacplan gui --screenshot (the demo plan opened and computed offscreen):"
        f" exit {run.returncode}, {png.stat().st_size // 1024 if png.is_file() else 0} KiB, {t_gui:.1f} s"
    )
    if not good:
        print("   ", (run.stderr or run.stdout).strip()[-500:])
    print("all checks passed" if not failed else f"{failed} check(s) failed", f"(files in {tmp})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
