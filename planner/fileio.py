"""Atomic file writing shared by every writer of user files (plans, schedules, exports, variants).

A temporary file in the same folder, fsync, then ``os.replace``: a crash or a
failing write never leaves half a file where the old one was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from planner.errors import EvacplanError


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (os.write may write fewer than asked)."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view[: 1 << 16])
        view = view[n:]


def write_text_atomic(path, text: str, what: str = "the file", error=EvacplanError) -> Path:
    """Write UTF-8 ``text`` to ``path`` through a temporary file in the same folder, fsync and rename.

    The old file (if any) keeps its permissions and stays intact until the
    rename; on failure the temporary file is removed.

    Raises
    ------
    EvacplanError (or ``error``)
        When the file cannot be written (the message names the path).
    """
    path = Path(path)
    data = text.encode("utf-8")
    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise error(f"{path}: cannot save {what} ({exc.strerror or exc})") from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise error(f"{path}: cannot save {what} ({exc.strerror or exc})") from None
        raise
    _fsync_dir(folder)
    return path


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (best effort: not every platform can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
