"""Diagnostics: the ``planner`` loggers and their set-up for the command line.

Every engine module that has something to say for diagnosis takes its own
logger, ``log = logging.getLogger(__name__)``, and never configures logging
itself (a library leaves that to the application). The ``evacplan`` command
calls :func:`configure_logging` once: WARNING by default, DEBUG for the
``planner`` and ``ui`` loggers with ``--verbose``. Third-party loggers stay at
WARNING even then, so ``--verbose`` shows our story, not urllib3's.

Progress for the person waiting is not logging: see :mod:`planner.progress`.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

#: The loggers ``--verbose`` turns up to DEBUG (the engine and the GUI).
OWN_LOGGERS = ("planner", "ui")

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_HANDLER_NAME = "evacplan-cli"


class _StderrHandler(logging.StreamHandler):
    """A stream handler that writes to whatever ``sys.stderr`` is at the time of each record.

    Holding the stream of the moment of set-up would write into a closed stream
    once that one is swapped (pytest's capture, a redirected GUI console).
    """

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass  # always the current sys.stderr


def configure_logging(verbose: bool = False, stream: TextIO | None = None) -> logging.Handler:
    """Send log records to stderr: WARNING and above, or DEBUG from our own loggers when ``verbose``.

    Calling it again replaces the handler it added before (tests and the GUI's
    command may call it more than once), so records are never printed twice.

    Parameters
    ----------
    verbose : bool
        Show DEBUG records of the ``planner`` and ``ui`` loggers.
    stream : text stream, optional
        Where records go; the current ``sys.stderr`` (at each record) when not given.

    Returns
    -------
    logging.Handler
        The handler on the root logger.
    """
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)
    handler: logging.Handler = logging.StreamHandler(stream) if stream is not None else _StderrHandler()
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(_FORMAT, datefmt="%H:%M:%S"))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.NOTSET)
    return handler
