"""The project's own exceptions.

Every message a planner sees names what is wrong and where (file, element,
field). The CLI prints ``str(error)`` and exits 1; the GUI shows it in a
message box. Anything else escaping the engine is a bug.
"""


class EvacplanError(Exception):
    """Base class for every error caused by input the planner gave us."""


class NetworkError(EvacplanError):
    """A road network could not be imported, fetched, stored or loaded."""


class PlanError(EvacplanError):
    """A plan file could not be read, or the plan is not valid.

    Attributes
    ----------
    problems : list
        The individual validation problems, when there are several.
    code : str
        The key of its English template in :data:`planner.plan.fileformat.FILE_MESSAGES` (``""`` for an
        error made elsewhere), so a front end can say it in its own language.
    params : dict
        The values that fill the template.
    where : str
        What the message is about, before its first ": " (the file's path); ``""`` when it has no code.
    """

    def __init__(self, message, problems=None, code: str = "", params=None, where: str = ""):
        super().__init__(message)
        self.problems = list(problems or [])
        self.code = code
        self.params = dict(params or {})
        self.where = where


class Cancelled(EvacplanError):
    """Long work was cancelled by the planner (raised from a progress callback)."""


def quote(value, limit=None) -> str:
    """``value`` as a message quotes it: ``repr`` (control characters and lone surrogates
    escaped, so any terminal can print it), cut to ``limit`` characters with "…".

    Parameters
    ----------
    value : object
    limit : int, optional
        Characters at most (default :data:`planner.limits.MESSAGE_QUOTE_CHARS`).
    """
    from planner.limits import MESSAGE_QUOTE_CHARS

    limit = limit or MESSAGE_QUOTE_CHARS
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        s = f"a {value.bit_length()}-bit number"  # repr of a huge int is slow, and refused past 4,300 digits
    elif isinstance(value, (str, int, float, bool)) or value is None:
        s = repr(value[: limit + 1] if isinstance(value, str) else value)
    elif isinstance(value, (list, tuple, dict, set)):  # its type and size, not its whole text
        s = f"{type(value).__name__} of {len(value)}"
    else:
        s = repr(value)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (not encodable as UTF-8: every file write would fail)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
