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
    """

    def __init__(self, message, problems=None):
        super().__init__(message)
        self.problems = list(problems or [])


class Cancelled(EvacplanError):
    """Long work was cancelled by the planner (raised from a progress callback)."""
