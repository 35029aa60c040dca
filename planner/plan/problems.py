"""A problem found in a plan: one message naming the element and the field."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a plan.

    Attributes
    ----------
    severity : str
        ``"error"`` (the plan cannot be computed) or ``"warning"`` (it can, but look).
    element_id : str or None
        Id of the element concerned (``None`` for plan-wide settings such as the window).
    field : str
        The field, as written in the file (``"lanes"``, ``"window.end"``, ``"line[3]"``).
    message : str
        A full sentence naming the element and the field.
    """

    severity: str
    element_id: str | None
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


def errors(problems) -> list:
    """The problems that are errors."""
    return [p for p in problems if p.severity == ERROR]


def warnings(problems) -> list:
    """The problems that are warnings."""
    return [p for p in problems if p.severity == WARNING]
