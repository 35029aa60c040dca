"""The cover section of the PDF schedule (design section 8).

Plan, network and data date, window, KPIs, a map of every route with its
legend; the hourly table, the assembly points with what is left and why, the
checkpoints, and an index of convoys with their page numbers. Built from a
:class:`planner.export.pdf.Book`.
"""

from __future__ import annotations

import re

from planner.export.blocks import Boxes, SideBySide
from planner.export.common import GROUPS
from planner.export.fonts import BOLD
from planner.export.layout import Section, Text
from planner.export.maps import ATTRIBUTION
from planner.export.pdf import GROUP_WORD, h2
from planner.export.tables import Col, Table


def cover_section(book) -> Section:
    """The cover of ``book`` (a :class:`planner.export.pdf.Book`): everything the module docstring lists."""
    s, plan, net, tr = book.s, book.plan, book.net, book.tr
    k = s.kpis
    start, end = s.window_start, s.window_end
    off = start.strftime("%z")
    off = f"UTC{off[:3]}:{off[3:]}" if off else tr("local time")
    night = tr("no driving at night") if plan.window.no_night else tr("driving at night allowed")
    meta = getattr(net, "meta", {}) or {}
    demand, evacuated = int(k.demand), int(k.evacuated)
    share = f" ({100 * evacuated / demand:.0f} %)" if demand else ""
    fleet = sum(d.n_vehicles for d in plan.depots)
    need = s.buses_needed or {}
    if need.get("buses"):
        needed, note = tr.num(int(need["buses"])), tr("buses needed to move everyone in this window")
    elif need:
        needed, note = tr("not possible"), tr("no fleet size moves everyone in this window")
    else:
        needed, note = "–", tr("buses for everyone: not computed")
    by = k.by_group or {}
    extra = [
        tr("{n} vehicle-km", n=tr.num(float(k.vehicle_km), 1)),  # one decimal, as the GUI and the command show it
        tr("seat use {p} %", p=f"{100 * float(k.seat_use):.0f}"),
        tr("out by group") + ": " + ", ".join(f"{tr(GROUP_WORD[g])} {tr.num(int(by.get(g, 0)))}" for g in GROUPS),
    ]
    window = f"{tr.date(start)}, {start:%H:%M} – {book.t(end)} ({off}), {night}"
    blocks = [
        Text(plan.name, 19, BOLD, leading=23),
        Text(f"{tr('Convoy schedule')} · {window}", 11, after=6),
        Table(
            [Col(110, font=BOLD, wrap=True), Col(None, wrap=True)],
            [
                [
                    tr("Road network"),
                    f"{net.name} · {_data_date(meta, tr)} · sha256 {str(getattr(net, 'sha256', ''))[:12]}",
                ],
                [tr("Map data"), meta.get("licence") or ATTRIBUTION],
            ],
            size=8.5,
            pad=1.5,
        ),
        Boxes(
            [
                (f"{tr.num(evacuated)}{share}", tr("people out of {n}", n=tr.num(demand))),
                (
                    tr.num(int(k.upper_bound)),
                    tr("upper bound for this window; gap {g} %", g=tr.num(100 * float(k.gap), 1)),
                ),
                (book.t(k.finish), tr("last arrival (finish)")),
                (tr.num(len(book.convoys)), tr("convoys")),
                (tr.num(len(book.by_vehicle)), tr("vehicles used of {n}", n=tr.num(fleet))),
                (needed, note),
            ]
        ),
        Text(" · ".join(extra), 8.5, before=3),
        h2(tr("Routes")),
        book.cover_map(430),
        book.legend(),
    ]
    blocks += _hourly(book)
    blocks += _assembly_points(book)
    blocks += _checkpoints(book)
    blocks += _index(book)
    probs = s.routing_problems or []
    if probs:
        blocks.append(h2(tr("Routing warnings")))
        for pr in probs[:12]:
            blocks.append(Text("• " + str(pr.get("message", pr) if isinstance(pr, dict) else pr), 8.5))
    blocks.append(
        Text(
            tr(
                "Times are local (the window's UTC offset), rounded up to the minute; latest safe "
                "departures are rounded down."
            ),
            8.5,
            before=8,
        )
    )
    return Section(blocks, [Text(f"{plan.name} · {tr('Convoy schedule')}", 10, BOLD, after=4)])


def _hourly(book):
    tr = book.tr
    rows = [[book.t(h.at), tr.num(h.evacuated), tr.num(h.on_road), tr.num(h.waiting)] for h in book.s.hourly]
    if not rows:
        return []
    half = (len(rows) + 1) // 2 if len(rows) > 12 else len(rows)
    cols = [Col(52), Col(None, "R"), Col(None, "R"), Col(None, "R")]
    head = [tr("time"), tr("arrived (total)"), tr("on the road"), tr("still waiting")]
    parts = [rows[:half], rows[half:]] if half < len(rows) else [rows]
    tables = [Table(cols, p, header=head, size=9, pad=1.6) for p in parts]
    return [h2(tr("Hour by hour")), tables[0] if len(tables) == 1 else SideBySide(tables)]


def _assembly_points(book):
    tr, s = book.tr, book.s
    taken = {}
    for c in s.convoys:
        for st in c.stops:
            taken[st.pickup] = taken.get(st.pickup, 0) + int(st.boarded)
    why = {}
    for u in s.unserved:
        why.setdefault(u.pickup, []).append(u)
    rows = []
    for p in book.plan.pickups:
        us = why.get(p.id, [])
        reasons = "; ".join((f"{tr.num(u.people)}: " if len(us) > 1 else "") + tr(u.reason) for u in us)
        rows.append(
            [
                p.id,
                p.name,
                tr.num(p.people.total),
                tr.num(taken.get(p.id, 0)),
                tr.num(max(p.people.total - taken.get(p.id, 0), 0)),
                reasons,
            ]
        )
    return [
        h2(tr("Assembly points")),
        Table(
            [
                Col(30, font=BOLD),
                Col(120, wrap=True),
                Col(54, "R"),
                Col(54, "R"),
                Col(54, "R"),
                Col(None, wrap=True),
            ],
            rows,
            header=["", tr("name"), tr("people"), tr("out"), tr("left"), tr("why left behind")],
            size=9,
            pad=1.8,
        ),
    ]


def _checkpoints(book):
    tr = book.tr
    rows = []
    by = {q.checkpoint: q for q in book.s.checkpoint_queues}
    for c in book.plan.checkpoints:
        ps = by.get(c.id).passages if c.id in by else []
        hours = (
            tr("always")
            if c.open_from is None and c.open_to is None
            else (
                f"{c.open_from.strftime('%H:%M') if c.open_from else '00:00'}–"
                f"{c.open_to.strftime('%H:%M') if c.open_to else '24:00'}"
            )
        )
        rows.append(
            [
                c.id,
                c.name,
                tr("{m} min + {v} min/vehicle", m=f"{c.minutes_per_convoy:g}", v=f"{c.minutes_per_vehicle:g}"),
                str(c.lanes),
                hours,
                str(len(ps)),
                book.t(min(p.arrive for p in ps)) if ps else "–",
                book.t(max(p.clear for p in ps)) if ps else "–",
            ]
        )
    if not rows:
        return []
    return [
        h2(tr("Checkpoints")),
        Table(
            [
                Col(32, font=BOLD),
                Col(None, wrap=True),
                Col(110, wrap=True),
                Col(36, "R"),
                Col(70, "R"),
                Col(50, "R"),
                Col(48, "R"),
                Col(60, "R"),
            ],
            rows,
            header=[
                "",
                tr("name"),
                tr("passage"),
                tr("lanes"),
                tr("open"),
                tr("passages"),
                tr("first"),
                tr("last clear"),
            ],
            size=9,
            pad=1.5,
        ),
    ]


def _index(book):
    tr = book.tr
    rows = []
    for c in book.convoys:
        route = " → ".join([c.formation_place] + c.pickups + [c.destination])
        rows.append(
            [
                c.id,
                route,
                str(c.size),
                tr.num(c.people),
                book.t(c.depart),
                book.t(c.latest_safe_depart, latest=True),
                book.t(c.arrive),
                str(book.convoy_page_no[c.id]),
            ]
        )
    out = [h2(tr("Convoys"))]
    if not rows:
        return out + [Text(tr("No convoy leaves in this window: no convoy pages, no driver cards."), 10)]
    return out + [
        Table(
            [
                Col(50, font=BOLD),
                Col(None, wrap=True),
                Col(44, "R"),
                Col(44, "R"),
                Col(48, "R"),
                Col(62, "R", BOLD),
                Col(58, "R"),
                Col(34, "R"),
            ],
            rows,
            header=[
                tr("convoy"),
                tr("route"),
                tr("vehicles"),
                tr("people"),
                tr("depart"),
                tr("latest safe"),
                tr("arrive"),
                tr("page"),
            ],
            size=9,
            pad=1.5,
        )
    ]


def _data_date(meta: dict, tr) -> str:
    """The date of the network's OSM data as the store's metadata tells it."""
    for key in ("data_date", "osm_timestamp", "timestamp"):
        if meta.get(key):
            return tr("OSM data of {d}", d=str(meta[key])[:10])
    m = re.search(r"(\d{4}-\d{2}-\d{2})", str(meta.get("source", "")))
    if m:
        return tr("OSM data of {d}", d=m.group(1))
    if meta.get("created"):
        return tr("imported {d}", d=str(meta["created"])[:10])
    return tr("data date unknown")
