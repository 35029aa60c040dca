"""The negotiators' checkpoint notification list (design section 8).

Before a movement the parties are told which convoy passes which checkpoint
when. Per checkpoint, in the order it serves them, every convoy passage:
direction (in, empty; out, with people), convoy, its vehicles and plates,
people on board, expected arrival and expected clearance (rounded up to the
minute). :func:`passage_rows` is the one table; the PDF section, the CSV file
and the XLSX sheet are views of it.
"""

from __future__ import annotations

from planner.export.common import ceil_minute, element_names, vehicle_plates

COLUMNS = [
    "checkpoint",
    "checkpoint_name",
    "order",
    "direction",
    "convoy",
    "round",
    "vehicles",
    "vehicle_ids",
    "plates",
    "people",
    "arrive",
    "start_service",
    "clear",
]


def passage_rows(schedule, plan) -> list:
    """One dict per checkpoint passage of ``schedule`` (keys :data:`COLUMNS`), checkpoint by checkpoint.

    Checkpoints in the plan's order (then any others); passages in service order.
    ``arrive``, ``start_service`` and ``clear`` are aware datetimes rounded up to the minute.
    """
    names = element_names(plan)
    plates = vehicle_plates(schedule)
    convoys = {c.id: c for c in schedule.convoys}
    order = {c.id: i for i, c in enumerate(plan.checkpoints)}
    rows = []
    for q in sorted(schedule.checkpoint_queues, key=lambda q: (order.get(q.checkpoint, len(order)), q.checkpoint)):
        for n, p in enumerate(sorted(q.passages, key=lambda p: (p.start_service, p.arrive)), 1):
            c = convoys.get(p.convoy)
            vehicles = list(c.vehicles) if c else []
            rows.append(
                {
                    "checkpoint": q.checkpoint,
                    "checkpoint_name": names.get(q.checkpoint, ""),
                    "order": n,
                    "direction": p.direction,
                    "convoy": p.convoy,
                    "round": c.round if c else "",
                    "vehicles": p.vehicles or len(vehicles),
                    "vehicle_ids": ", ".join(vehicles),
                    "plates": ", ".join(plates.get(v, "") for v in vehicles if plates.get(v, "")),
                    "people": p.people if p.direction == "out" else 0,
                    "arrive": ceil_minute(p.arrive),
                    "start_service": ceil_minute(p.start_service),
                    "clear": ceil_minute(p.clear),
                }
            )
    return rows


def checkpoint_list_section(book):
    """The PDF section: a heading, then per checkpoint a table of its passages."""
    from planner.export.fonts import BOLD
    from planner.export.layout import Section, Text
    from planner.export.pdf import h1, h2
    from planner.export.tables import Col, Table

    tr = book.tr
    rows = passage_rows(book.s, book.plan)
    blocks = [
        h1(tr("Checkpoint notification list")),
        Text(
            tr(
                "For the negotiators: every convoy passage of every checkpoint, in the order the checkpoint "
                "serves them. Expected times are local, rounded up to the minute."
            ),
            9,
            after=4,
        ),
    ]
    by = {}
    for r in rows:
        by.setdefault(r["checkpoint"], []).append(r)
    direction = {"in": tr("in, empty"), "out": tr("out, with people")}
    for cid, rs in by.items():
        spec = book.checkpoint.get(cid)
        head = book.name(cid)
        if spec is not None:
            head += " · " + tr(
                "{m} min + {v} min/vehicle", m=f"{spec.minutes_per_convoy:g}", v=f"{spec.minutes_per_vehicle:g}"
            )
        body = []
        for r in rs:
            vehicles = [book.vehicle_label(v) for v in r["vehicle_ids"].split(", ") if v]
            body.append(
                [
                    str(r["order"]),
                    direction.get(r["direction"], r["direction"]),
                    r["convoy"],
                    f"{r['vehicles']}: " + ", ".join(vehicles),
                    book.tr.num(r["people"]),
                    book.t(r["arrive"]),
                    book.t(r["clear"]),
                ]
            )
        blocks += [
            h2(head),
            Table(
                [
                    Col(22, "R"),
                    Col(104, wrap=True),
                    Col(52, font=BOLD),
                    Col(None, wrap=True),
                    Col(48, "R"),
                    Col(56, "R", BOLD),
                    Col(66, "R", BOLD),
                ],
                body,
                header=[
                    "#",
                    tr("direction"),
                    tr("convoy"),
                    tr("vehicles and plates"),
                    tr("people"),
                    tr("arrives"),
                    tr("clears"),
                ],
                size=9,
                pad=1.8,
            ),
        ]
    return Section(blocks, [Text(tr("Checkpoint notification list") + " " + tr("(continued)"), 11, BOLD, after=4)])
