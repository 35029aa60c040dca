"""Messages with a stable code and parameters, so a front end can say them in its own language.

The engine speaks English (the CLI, the logs, ``evacplan check --json``), and
alongside each message it keeps the code of its English template and the raw
values that fill it. A translated front end (the Qt GUI) looks the template up
by code, translates it, and fills in the same values with its own number
formatting; the engine itself never translates.

A template is a :meth:`str.format` string whose fields may carry one of the
specs of :data:`SPECS`, so numbers are formatted by the front end::

    >>> format_template("lies {distance_m:dist} from the nearest road node", {"distance_m": 402.4})
    'lies 402 m from the nearest road node'
    >>> Message("x", "{n:n} people", {"n": 1424}).text
    '1,424 people'

Catalogues (``code -> English template``): :data:`planner.plan.problems.MESSAGES`
(plan problems, snapping included), :data:`planner.schedule.report.DETAILS`
(why people are left behind), :data:`planner.progress.STEPS` (steps of long
work), :data:`planner.whatif.compare.LABELS` (what-if rows) and
:data:`planner.routing.remarks.REMARKS` / :data:`~planner.routing.remarks.WHY`
(routing problems and why a place cannot be reached), :data:`planner.plan.fileformat.FILE_MESSAGES`
(why a file is not a plan); :func:`catalogues`
gathers them.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: Format specs a template may use, and what they mean (the English rendering).
SPECS = {
    "": "the value as text (ids, names, quoted values, field names)",
    "n": "a number with thousands grouped: 1,424",
    "d": "a whole number, not grouped in English (1424; as the CLI has always printed it), grouped where translated",
    "g": "a number, shortest form: 2.5, 300",
    "num": "a limit: a whole number grouped (10,080), else shortest form (0.5)",
    ".1f": "a number with one decimal: 21.8",
    "+.1f": "a change with one decimal and its sign: +3.5",
    "dist": "a distance given in metres: 402 m below 10 km, else whole km grouped (14,593 km)",
    "km": "a distance given in metres: 402 m below 1 km, else km with one decimal (2.2 km)",
    "km1": "a distance given in metres, in km with one decimal: 2.2 km",
    "pct": "a share (0..1) in whole percent: 67 %",
    "unit": "a unit of RANGES after a space (' minutes'), or nothing",
    "unitp": "a unit of RANGES in brackets after a space (' (minutes)'), or nothing",
    "list": "a list of texts joined by ', '",
    "busy": "a list of (checkpoint id, share busy) pairs: 'CP3 (67 % busy), CP1 (56 % busy)'",
    "m": "a distance given in metres, whole metres: 402 m",
    "el": "a plan element as planner.plan.describe names it: pickup P3 'School 12'",
    "nearest": "the metres to the nearest road, said ' (nearest road 12 m away)', or nothing (None)",
    "vehicles": "a kind of vehicle in the plural: coaches",
    "why": "why no way leads to a place: {'code': a code of planner.routing.remarks.WHY, 'params': ...}",
    "cut": "what blocks every way: [[verb, [element, ...]], ...], 'leaves corridor C1 or crosses hazard zone H1'",
    "lifted": "'both', 'all' or '': ' (both would have to be lifted)'",
}

LIFTED = {"": "", "both": " (both would have to be lifted)", "all": " (all of them would have to be lifted)"}


def num_limit(x: float) -> str:
    """A limit as messages print it: ``10,080`` for whole numbers, else ``0.5``."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


class EnglishFormatter(string.Formatter):
    """Fills a template in English; front ends subclass it and override :meth:`number` and friends."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec not in SPECS:
            return super().format_field(value, format_spec)
        return getattr(self, "spec_" + {"": "text", ".1f": "f1", "+.1f": "delta1"}.get(format_spec, format_spec))(value)

    # each spec_* turns one raw value into text
    def spec_text(self, v) -> str:
        return str(v)

    def spec_n(self, v) -> str:
        return f"{v:,}"

    def spec_d(self, v) -> str:
        return str(v)

    def spec_g(self, v) -> str:
        return f"{v:g}"

    def spec_num(self, v) -> str:
        return num_limit(v)

    def spec_f1(self, v) -> str:
        return f"{v:.1f}"

    def spec_delta1(self, v) -> str:
        return f"{v:+.1f}"

    def spec_dist(self, v) -> str:
        return f"{v:.0f} m" if v < 10_000 else f"{v / 1000:,.0f} km"

    def spec_km(self, v) -> str:
        return f"{v / 1000:.1f} km" if v >= 1000 else f"{v:.0f} m"

    def spec_km1(self, v) -> str:
        return f"{v / 1000:.1f} km"

    def spec_pct(self, v) -> str:
        return f"{100 * v:.0f} %"

    def spec_unit(self, v) -> str:
        return f" {v}" if v else ""

    def spec_unitp(self, v) -> str:
        return f" ({v})" if v else ""

    def spec_list(self, v) -> str:
        return ", ".join(str(x) for x in v)

    def spec_busy(self, v) -> str:
        return ", ".join(f"{c} ({self.spec_pct(s)} busy)" for c, s in v)

    def spec_m(self, v) -> str:
        return f"{v:.0f} m"

    def spec_el(self, v) -> str:
        return str(v)

    def spec_nearest(self, v) -> str:
        return "" if v is None else f" (nearest road {self.spec_m(v)} away)"

    def spec_vehicles(self, v) -> str:
        return str(v)

    def spec_why(self, v) -> str:
        from planner.routing.remarks import WHY

        return format_template(WHY[v["code"]], v["params"], self)

    def spec_cut(self, v) -> str:
        return " or ".join(f"{verb} " + " or ".join(self.spec_el(e) for e in els) for verb, els in v)

    def spec_lifted(self, v) -> str:
        return LIFTED[v]


ENGLISH = EnglishFormatter()


def format_template(template: str, params: Mapping, formatter: string.Formatter = ENGLISH) -> str:
    """``template`` filled with ``params`` by ``formatter`` (English by default)."""
    return formatter.vformat(template, (), dict(params))


def template_fields(template: str) -> list:
    """The ``(name, spec)`` of every field of ``template``, in order (the tests compare translations with it)."""
    return [(name, spec or "") for _, name, spec, _ in string.Formatter().parse(template) if name is not None]


@dataclass(frozen=True)
class Message:
    """One message: a stable ``code``, its English ``template`` and the ``params`` that fill it.

    ``params`` hold plain JSON values (texts, numbers, lists): what the English
    text prints, before any formatting.
    """

    code: str
    template: str
    params: dict = field(default_factory=dict, hash=False)

    @property
    def text(self) -> str:
        """The message in English."""
        return format_template(self.template, self.params)

    def __str__(self) -> str:
        return self.text


def catalogues() -> dict:
    """Every message catalogue of the engine: ``context -> {code: English template}``.

    The contexts are the ones the GUI translates under (Qt's translation context).
    """
    from planner.plan.fileformat import FILE_MESSAGES
    from planner.plan.problems import MESSAGES
    from planner.progress import STEPS
    from planner.routing.remarks import REMARKS, WHY
    from planner.schedule.report import DETAILS
    from planner.whatif.compare import LABELS

    return {
        "Problem": dict(MESSAGES),
        "Unserved": dict(DETAILS),
        "Step": dict(STEPS),
        "WhatIf": dict(LABELS),
        "Routing": dict(REMARKS),
        "RoutingWhy": dict(WHY),
        "PlanFile": dict(FILE_MESSAGES),
    }
