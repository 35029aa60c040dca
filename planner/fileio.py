"""Reading and writing user files, shared by every reader and writer (plans, schedules, exports, variants).

Writing: a temporary file in the same folder, fsync, then ``os.replace``: a
crash or a failing write never leaves half a file where the old one was. A
path that is a symbolic link is written through (the link stays, its target
gets the new content); a new file gets the user's normal mode (0666 less the
umask), an existing one keeps its mode.

Reading: :func:`read_input_bytes` refuses what is not a regular file (a
folder, ``/dev/zero``, a FIFO, a socket) without blocking on it, and a file
larger than the caller's limit.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from planner.errors import EvacplanError

# ---------------------------------------------------------------- reading


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def check_input_file(path, what: str = "the file", max_bytes: int | None = None, error=EvacplanError) -> os.stat_result:
    """Refuse ``path`` unless it is a regular file (after symlinks) of at most ``max_bytes``; never opens it.

    Raises
    ------
    EvacplanError (or ``error``)
        One line naming the path and what is wrong.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise error(f"{path}: cannot read {what}: it is {_kind(st.st_mode)}, not a file")
    if max_bytes is not None and st.st_size > max_bytes:
        raise error(f"{path}: {what} is {_mb(st.st_size)}, larger than the {_mb(max_bytes)} evacplan reads")
    return st


def read_input_bytes(path, what: str = "the file", max_bytes: int | None = None, error=EvacplanError) -> bytes:
    """All bytes of the regular file ``path``, refusing devices, FIFOs, folders and files over ``max_bytes``.

    The file is checked before it is opened (a FIFO with no writer would
    block the open), opened non-blocking, checked again on the open handle
    (it may have been swapped), and read to at most ``max_bytes`` (``/proc``
    files report size 0).

    Raises
    ------
    EvacplanError (or ``error``)
        One line naming the path and what is wrong.
    """
    check_input_file(path, what, max_bytes, error)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise error(f"{path}: cannot read {what}: it is {_kind(st.st_mode)}, not a file")
        chunks, total = [], 0
        limit = max_bytes if max_bytes is not None else float("inf")
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise error(f"{path}: {what} is larger than the {_mb(max_bytes)} evacplan reads")
        return b"".join(chunks)
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


# ---------------------------------------------------------------- writing


def output_target(path) -> Path:
    """The file a write to ``path`` changes: the final target when ``path`` is a symbolic link.

    Writing to the target (not replacing the link) keeps the link, as a plain
    ``open(path, "w")`` would.
    """
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def user_umask() -> int:
    """The process's umask, read without changing it where the system allows (threads may be creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def output_mode(path) -> int:
    """Mode for a file written to ``path``: the existing file's, else 0666 less the umask."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~user_umask()


def same_file(a, b) -> bool:
    """Whether paths ``a`` and ``b`` name the same file (through links; either may not exist yet)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


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
    shown = path
    path = output_target(path)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: the plan's validation names the field
        raise error(f"{shown}: cannot save {what}: it holds a lone surrogate at character {exc.start}") from None
    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise error(f"{shown}: cannot save {what} ({exc.strerror or exc})") from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, output_mode(path))
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise error(f"{shown}: cannot save {what} ({exc.strerror or exc})") from None
        raise
    _fsync_dir(folder)
    return Path(shown)


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
