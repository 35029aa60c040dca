"""The system libraries Qt's X11 platform plugin needs, and a one-line message when some are missing.

Qt 6.5+ loads its ``xcb`` platform plugin from shared libraries of the system
(``libxcb-cursor0`` and friends) that a fresh Debian or Ubuntu does not always
have. When one is missing Qt prints a long message that does not name it and
aborts the process, so ``evacplan gui`` asks first (``ldd`` on the plugin,
before any window exists) and says in one line which library is missing and
the ``apt-get`` command that installs them all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6

from planner.errors import EvacplanError

#: What the GUI needs on Debian/Ubuntu, the same list as the README's install line and ``.ci/run``.
DEBIAN_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxcb-sync1",
    "libxcb-shm0",
    "libxcb-util1",
    "libx11-xcb1",
    "libxkbcommon-x11-0",
    "libxkbcommon0",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libdbus-1-3",
)
APT_COMMAND = "sudo apt-get install -y " + " ".join(DEBIAN_PACKAGES)

#: Debian package of each library soname the plugin links (the ones not named after their package).
PACKAGE_OF = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def xcb_plugin() -> Path:
    """Path of the ``xcb`` platform plugin of the installed PySide6."""
    return Path(PySide6.__file__).resolve().parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def missing_libraries(plugin: Path | None = None) -> list[str]:
    """Sonames ``ldd`` cannot find for ``plugin`` (default: the xcb platform plugin), sorted, each once.

    Empty when everything is there, when the plugin is absent (not Linux) or when
    ``ldd`` itself is not installed (then Qt's own message is all there is).
    """
    plugin = plugin or xcb_plugin()
    ldd = shutil.which("ldd")
    if ldd is None or not plugin.is_file():
        return []
    out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=30).stdout
    missing = {line.split("=>")[0].strip() for line in out.splitlines() if "not found" in line}
    return sorted(missing)


def uses_xcb(env=os.environ) -> bool:
    """Whether Qt will try the X11 (``xcb``) platform: on Linux, asked for, or the default outside Wayland."""
    if not sys.platform.startswith("linux"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "").split(";")[0].strip()
    if asked:
        return asked == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def missing_message(missing: list[str]) -> str:
    """One line naming the missing libraries (with their Debian packages) and the command that installs them."""
    named = ", ".join(f"{so} (package {PACKAGE_OF[so]})" if so in PACKAGE_OF else so for so in missing)
    return (
        f"gui: Qt's X11 platform plugin cannot load: missing system "
        f"librar{'y' if len(missing) == 1 else 'ies'} {named}; on Debian/Ubuntu install what the GUI needs "
        f"with: {APT_COMMAND}"
    )


def check_gui_libraries(env=os.environ) -> None:
    """Raise :class:`EvacplanError` with :func:`missing_message` when the xcb plugin Qt will use cannot load."""
    if not uses_xcb(env):
        return
    missing = missing_libraries()
    if missing:
        raise EvacplanError(missing_message(missing))
