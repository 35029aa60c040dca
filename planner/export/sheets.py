"""The field pages of the PDF: one section per convoy round, a driver card per vehicle, per-seat manifests.

A driver card never prints under 9 pt body text: a card that does not fit flows
onto a further page, headed again. It carries the vehicle, its plate, blanks for
the driver's name and phone, the convoy leader's phone and the radio channel
(from the plan's contacts, ruled blanks when unset), what to do when separated,
and each round in order with its latest safe departure, its times with every
wait spelled out ("wait 95 min at P2, people on board from 09:38"), a small map
with street names and the turn list with the checkpoints at their kilometre.
"""

from __future__ import annotations

import re

import numpy as np

from planner.export.blocks import Boxes, Columns, SideBySide
from planner.export.common import (
    GROUPS,
    convoy_edges,
    edges_xy,
    km,
    minutes,
    trips_of_convoy,
)
from planner.export.fonts import BOLD, REGULAR
from planner.export.layout import Section, Space, Text, flow, text_width
from planner.export.pdf import GROUP_WORD, h1, h2
from planner.export.streets import TURN_WORDS, main_streets, step_label, street_steps
from planner.export.tables import Col, Table

#: A wait shorter than this (min) is not spelled out on a card.
WAIT_NOTE_MIN = 5
CARD_SIZE = 10.0
TURN_SIZE = 9.0  # the body size of a turn list (design: 9 pt body, nothing under 8 pt)
CARD_MAP_H = (180.0, 150.0, 125.0)  # pt, tried in turn; the map heads the first of a round's two columns
STREET_LABELS = 7


def _nbsp_refs(text):
    """Road numbers kept whole on a line: "(B 96)" never wraps into "(B" and "96)"."""
    return re.sub(r"\b([A-Z]{1,3}) (\d+)", "\\1\u00a0\\2", text)


def _ruled_or(value):
    return value or ""


# ---------------------------------------------------------------- convoy round


def convoy_section(book, c) -> Section:
    tr = book.tr
    trips = trips_of_convoy(book.s, c)
    route = " → ".join(book.name(i) for i in [c.formation_place] + c.pickups + [c.destination])
    blocks = [
        h1(tr("Convoy {id}", id=c.id) + " · " + tr("round {n}", n=c.round)),
        Text(route, 11, BOLD, after=4),
        Boxes(
            [
                (book.t(c.depart), tr("departs {place}", place=c.formation_place)),
                (book.t(c.latest_safe_depart, latest=True), tr("latest safe departure")),
                (book.t(c.arrive), tr("arrives {place}", place=c.destination)),
                (str(c.size), tr("vehicles")),
                (tr.num(c.people), tr("people")),
            ],
            per_row=5,
            value_size=15,
            label_above=True,
        ),
        Space(5),
        book.round_map(c, 215, _street_labels(book, c)),
        book.legend(("route", "empty", "hazard", "pickup", "destination", "depot", "checkpoint")),
    ]
    steps = street_steps(book.net, convoy_edges(book.net, c, "out"))
    via = ", ".join(main_streets(steps))
    if steps:
        blocks.append(
            Text(
                tr("With people: {d}", d=km(sum(st.length_m for st in steps), tr))
                + (" · " + tr("via {streets}", streets=_nbsp_refs(via)) if via else ""),
                9,
                before=2,
            )
        )
    rows = [[book.t(c.depart), tr("departs {place}", place=book.name(c.formation_place)), ""]]
    events = [(st.arrive, 0, st) for st in c.stops] + [(p.arrive, 1, p) for p in c.passages]
    for _, kind, ev in sorted(events, key=lambda e: (e[0], e[1])):
        if kind == 0 and not ev.boarded:  # a stop on the way that nobody boards at: the convoy drives through
            rows.append([book.t(ev.arrive), tr("passes {place}, nobody boards", place=book.name(ev.pickup)), ""])
        elif kind == 0:
            rows.append(
                [
                    book.t(ev.arrive),
                    tr("arrives at {place}, boards {n} people", place=book.name(ev.pickup), n=ev.boarded),
                    tr("departs {t}", t=book.t(ev.depart)),
                ]
            )
        else:
            wait = minutes(ev.wait)
            rows.append(
                [
                    book.t(ev.arrive),
                    tr(
                        "checkpoint {place} ({d})",
                        place=book.name(ev.checkpoint),
                        d=tr("in, empty") if ev.direction == "in" else tr("out, with people"),
                    ),
                    (tr("queue {m} min, ", m=wait) if wait else "") + tr("clear by {t}", t=book.t(ev.clear)),
                ]
            )
    for hl in c.halts:
        rows.append(
            [
                book.t(hl.start),
                tr("overnight halt at {place}", place=book.name(hl.place)),
                tr("until {t}", t=book.t(hl.end)),
            ]
        )
    rows.append(
        [
            book.t(c.arrive),
            tr("arrives at {place}", place=book.name(c.destination)),
            tr("unloaded by {t}", t=book.t(c.unloaded)),
        ]
    )
    blocks += [
        h2(tr("Timetable")),
        Table([Col(48, font=BOLD), Col(None, wrap=True), Col(170, wrap=True)], rows, size=9.5, pad=1.8),
    ]
    rows, tot = [], dict.fromkeys(GROUPS, 0)
    for i, t in enumerate(trips, 1):
        g = t.passengers_by_group
        for kk in GROUPS:
            tot[kk] += g[kk]
        seats = str(t.seats) + (f"+{t.stretcher_places}" if t.stretcher_places else "")
        rows.append(
            [
                str(i),
                t.vehicle,
                t.plate,
                seats,
                ", ".join(f"{b.pickup} {b.people}" for b in t.boarded),
                str(g["stretcher"]),
                str(g["reduced_mobility"]),
                str(g["general"]),
                str(t.passengers),
                "",
                "",
            ]
        )
    rows.append(
        [
            "",
            tr("total"),
            "",
            "",
            "",
            str(tot["stretcher"]),
            str(tot["reduced_mobility"]),
            str(tot["general"]),
            str(sum(tot.values())),
            "",
            "",
        ]
    )
    vid_w = min(max([text_width(r[1], REGULAR, 8.5) for r in rows] + [40.0]) + 8, 96)
    plate_w = min(max([text_width(r[2], REGULAR, 8.5) for r in rows] + [40.0]) + 8, 64)
    blocks += [
        h2(tr("Vehicles")),
        Table(
            [
                Col(22, "R"),
                Col(vid_w),
                Col(plate_w),
                Col(36, "R"),
                Col(max(48 + 96 + 50 - vid_w - plate_w, text_width(tr("boards at"), BOLD, 8.5) + 7), wrap=True),
                Col(34, "R"),
                Col(34, "R"),
                Col(34, "R"),
                Col(38, "R", BOLD),
                Col(None, ruled=True),
                Col(62, ruled=True),
            ],
            rows,
            header=[
                "#",
                tr("vehicle id"),
                tr("plate"),
                tr("seats"),
                tr("boards at"),
                tr("str."),
                tr("r.m."),
                tr("gen."),
                tr("total"),
                tr("driver"),
                tr("phone"),
            ],
            size=8.5,
            min_row=18,
            bold_last=True,
        ),
        Text(
            tr("seats: seats + stretcher places; str. = stretcher cases, r.m. = reduced mobility, gen. = general."),
            8,
            before=2,
        ),
        h2(tr("Contacts")),
        _contacts(book),
    ]
    return Section(blocks, [Text(tr("Convoy {id}", id=c.id) + " " + tr("(continued)"), 12, BOLD, after=4)])


def _contacts(book):
    """The contacts in two columns, kept whole on one page (a lone last row on a page of its own helps no one)."""
    rows = _contact_rows(book)
    blanks = [
        Table(
            [Col(_label_w([r[0] for r in part], 9.5), font=BOLD), Col(None, ruled=True, wrap=True)],
            part,
            size=9.5,
            min_row=18,
            keep=True,
        )
        for part in (rows[:3], rows[3:])
    ]
    return SideBySide(blanks, gap=12)  # the plan's numbers on the left, blanks on the right


def _contact_rows(book):
    tr, ct = book.tr, book.plan.contacts
    return [
        [tr("Convoy leader"), _ruled_or(ct.convoy_leader_phone)],
        [tr("Radio channel"), _ruled_or(ct.radio_channel)],
        [tr("Operations"), _ruled_or(ct.operations_phone)],
        [tr("Deputy / last vehicle"), ""],
        [tr("Escort / negotiator"), ""],
    ]


def _street_labels(book, c, n=STREET_LABELS):
    """``(x, y, name)`` of the longest named streets of a round, at the middle of each."""
    cache = book.__dict__.setdefault("_street_labels", {})
    key = (c.id, n)
    if key not in cache:
        cache[key] = _find_street_labels(book, c, n)
    return cache[key]


def _find_street_labels(book, c, n):
    out = []
    for d in ("out", "in"):
        edges = convoy_edges(book.net, c, d)
        xy = edges_xy(book.net, edges)
        if len(xy) < 2:
            continue
        cum = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(xy, axis=0).T))])
        total = sum(float(book.net.edge_length[e]) for e in edges) or 1.0
        steps = [s for s in street_steps(book.net, edges) if s.names]
        for s in sorted(steps, key=lambda s: -s.length_m)[:n]:
            at = (s.start_m + s.length_m / 2) * cum[-1] / total
            j = min(int(np.searchsorted(cum, at)), len(xy) - 1)
            name = s.names[0]
            if all(name != o[2] for o in out):
                out.append((float(xy[j, 0]), float(xy[j, 1]), name))
    return out


# ---------------------------------------------------------------- driver card


def card_section(book, vehicle, trips) -> Section:
    """One driver card: a page a driver reads in the cab (a card of several rounds flows onto more).

    The blanks sit in two columns; each round's map and turn lists flow down two
    columns beside each other (:class:`planner.export.blocks.Columns`). A card a
    little too long for one page gets smaller maps (never smaller type).
    """
    from planner.export.pdf import BODY_H, BODY_W

    for map_h in CARD_MAP_H:
        sec = _card(book, vehicle, trips, map_h)
        if len(flow(sec, BODY_W, BODY_H)) == 1:
            return sec
    return _card(book, vehicle, trips, CARD_MAP_H[0])


def _card(book, vehicle, trips, map_h) -> Section:
    tr, ct = book.tr, book.plan.contacts
    t0 = trips[0]
    seats = tr("{n} seats", n=t0.seats) + (
        ", " + tr("{n} stretcher places", n=t0.stretcher_places) if t0.stretcher_places else ""
    )
    head = tr("Driver card") + f" · {vehicle}"
    left = [[tr("Plate"), t0.plate], [tr("Driver"), ""], [tr("Driver's phone"), ""]]
    right = [[tr("Convoy leader's phone"), ct.convoy_leader_phone], [tr("Radio channel"), ct.radio_channel]]
    separated = tr("If separated from the convoy") + ":"
    blocks = [
        Text(head, 18, BOLD, leading=21, after=1),
        Text(f"{tr(t0.vehicle_type)}, {seats} · " + tr("rounds: {n}", n=len(trips)), 11, after=2),
        SideBySide([_blanks(left), _blanks(right)], gap=12, shares=(0.44, 0.56)),  # blanks left, numbers right
        Table(
            [Col(_label_w([separated]), font=BOLD), Col(None, wrap=True, ruled=not ct.if_separated)],
            [[separated, ct.if_separated or ""]],
            size=CARD_SIZE,
            min_row=19,
        ),
    ]
    shown = {}
    for n, t in enumerate(trips, 1):
        c = book.s.convoy(t.convoy)
        if c is None:
            continue
        page = book.convoy_page_no.get(c.id)
        blocks += [
            Text(
                tr("Round {n} of {m}", n=n, m=len(trips))
                + " · "
                + tr("convoy {id}", id=c.id)
                + (" · " + tr("page {n}", n=page) if page else ""),
                12,
                BOLD,
                before=6,
                after=1,
                keep_with_next=True,
            ),
            Text(
                tr("Latest safe departure: {t}", t=book.t(c.latest_safe_depart, latest=True)),
                CARD_SIZE + 1,
                BOLD,
                after=2,
                keep_with_next=True,
            ),
            Table([Col(44, font=BOLD), Col(None, wrap=True)], _card_rows(book, c, t), size=CARD_SIZE, pad=1.2),
            Space(5),
            Columns([book.round_map(c, map_h, _street_labels(book, c, 5))] + _turn_lists(book, c, n, shown)),
        ]
    return Section(blocks, [Text(head + " " + tr("(continued)"), 12, BOLD, after=4)])


def _label_w(labels, size=CARD_SIZE):
    return max(text_width(lb, BOLD, size) for lb in labels) + 8


def _blanks(rows):
    """Labels in bold with a ruled line to write on beside each."""
    return Table(
        [Col(_label_w([r[0] for r in rows]), font=BOLD), Col(None, ruled=True, wrap=True)],
        rows,
        size=CARD_SIZE,
        min_row=19,
    )


def _card_rows(book, c, trip):
    """The times of one round for one vehicle, with every wait spelled out."""
    tr = book.tr
    rules = book.plan.rules
    mine = {b.pickup: b for b in trip.boarded}
    rows = [[book.t(c.depart), tr("Leave {place} with convoy {id}", place=book.name(c.formation_place), id=c.id)]]
    on_board_from = None
    events = [(st.arrive, 0, st) for st in c.stops] + [(p.arrive, 1, p) for p in c.passages]
    for _, kind, ev in sorted(events, key=lambda e: (e[0], e[1])):
        if kind == 0 and not ev.boarded:
            rows.append(
                [book.t(ev.arrive), tr("Pass {place} without stopping: nobody boards here", place=book.name(ev.pickup))]
            )
        elif kind == 0:
            b = mine.get(ev.pickup)
            n = b.people if b else 0
            g = b.by_group if b else {}
            load = ", ".join(f"{g.get(k, 0)} {tr(GROUP_WORD[k])}" for k in GROUPS if g.get(k, 0))
            rows.append(
                [
                    book.t(ev.arrive),
                    (
                        tr("Arrive {place}, board {n} people", place=book.name(ev.pickup), n=n)
                        + (f" ({load})" if load else "")
                    )
                    if n
                    else tr("Arrive {place}: others board, this vehicle takes no one here", place=book.name(ev.pickup)),
                ]
            )
            if n and on_board_from is None:
                on_board_from = ev.arrive
            board_min = n * rules.loading_s_per_person / 60.0
            wait = minutes(ev.dwell) - int(np.ceil(board_min))
            if wait >= WAIT_NOTE_MIN:
                rows.append(["", _wait(book, wait, ev.pickup, on_board_from)])
            rows.append([book.t(ev.depart), tr("DEPART {place}", place=ev.pickup)])
        else:
            wait = minutes(ev.wait)
            label = tr("Checkpoint {place}", place=book.name(ev.checkpoint))
            rows.append([book.t(ev.arrive), label + ", " + tr("clear by {t}", t=book.t(ev.clear))])
            if wait >= WAIT_NOTE_MIN:
                rows.append(["", _wait(book, wait, ev.checkpoint, on_board_from if ev.direction == "out" else None)])
    for hl in c.halts:
        rows.append(
            [book.t(hl.start), tr("Overnight halt at {place} until {t}", place=book.name(hl.place), t=book.t(hl.end))]
        )
    rows.append([book.t(c.arrive), tr("Arrive {place}, unload", place=book.name(c.destination))])
    return rows


def _wait(book, m, place, on_board_from):
    tr = book.tr
    if on_board_from is not None:
        return tr("wait {m} min at {place}, people on board from {t}", m=m, place=place, t=book.t(on_board_from))
    return tr("wait {m} min at {place}", m=m, place=place)


def _turn_lists(book, c, n, shown):
    tr = book.tr
    out = []
    cps = {
        d: [(p.checkpoint, *book.point_xy(p.checkpoint)) for p in c.passages_in(d) if book.point_xy(p.checkpoint)]
        for d in ("in", "out")
    }
    cps["out"] += [(st.pickup, *book.point_xy(st.pickup)) for st in c.stops[1:] if book.point_xy(st.pickup)]
    empty = convoy_edges(book.net, c, "in")
    legs = [
        # ids only: the names stand in the timetable above, and a narrow column wraps a long heading
        (tr("to {place}, empty", place=c.stops[0].pickup if c.stops else ""), empty, cps["in"]),
        (tr("to {place}, with people", place=c.destination), convoy_edges(book.net, c, "out"), cps["out"]),
    ]
    for label, edges, cp in legs:
        if not len(edges):
            continue
        key = tuple(int(e) for e in edges)
        steps = street_steps(book.net, edges, tuple(cp))
        total = km(sum(st.length_m for st in steps), tr)
        if key in shown:
            out.append(
                Text(tr("Streets {leg} ({d}): as in round {n}", leg=label, d=total, n=shown[key]), CARD_SIZE, before=4)
            )
            continue
        shown[key] = n
        passed = {x.pickup for x in c.stops if not x.boarded}
        rows = []
        for st in steps:  # the turn word leads the street: one wide column wraps far less than two narrow ones
            if st.checkpoint:
                if st.checkpoint in book.checkpoint:
                    word = tr("CHECKPOINT")
                else:  # a stop nobody boards at is driven through
                    word = tr("PASS") if st.checkpoint in passed else tr("STOP")
                rows.append([km(st.start_m, tr), f"{word} {book.name(st.checkpoint)}", ""])
            else:
                street = _nbsp_refs(step_label(st, tr))
                rows.append([km(st.start_m, tr), f"{tr(TURN_WORDS[st.turn])} {street}", km(st.length_m, tr)])
        at_w = max(text_width(r[0], REGULAR, TURN_SIZE) for r in rows) + 7
        for_w = max(text_width(r[2], REGULAR, TURN_SIZE) for r in rows) + 7
        out += [
            Text(
                tr("Streets {leg}, {d}", leg=label, d=total.replace(" ", "\u00a0")),
                TURN_SIZE + 1,
                BOLD,
                before=4,
                after=1,
                keep_with_next=True,
            ),
            Table(
                [Col(at_w, "R"), Col(None, wrap=True), Col(for_w, "R")],
                rows,
                header=[tr("at"), tr("street"), tr("for")],
                size=TURN_SIZE,
                pad=1.2,
            ),
        ]
    return out


# ---------------------------------------------------------------- manifests


def manifest_sections(book, vehicle, trips) -> list:
    """One section per round of ``vehicle``: a row per place (stretcher places first) to fill in."""
    tr = book.tr
    out = []
    for n, t in enumerate(trips, 1):
        c = book.s.convoy(t.convoy)
        if c is None:
            continue
        head = tr("Passenger manifest") + f" · {vehicle}"
        sub = [tr("convoy {id}", id=c.id), tr("round {n} of {m}", n=n, m=len(trips))]
        if t.plate:
            sub.insert(0, tr("plate {p}", p=t.plate))
        boards = ", ".join(f"{book.name(b.pickup)} ({b.people})" for b in t.boarded)
        rows = [[f"S{i + 1}", tr("stretcher"), "", "", "", ""] for i in range(t.stretcher_places)]
        rows += [[str(i + 1), "", "", "", "", ""] for i in range(t.seats)]
        out.append(
            Section(
                [
                    h1(head),
                    Text(" · ".join(sub), 11, BOLD),
                    Text(
                        tr(
                            "Boards at {places}; to {place}; departs {t}",
                            places=boards or "–",
                            place=book.name(c.destination),
                            t=book.t(c.stops[0].depart if c.stops else c.depart),
                        ),
                        9.5,
                        after=4,
                    ),
                    Table(
                        [
                            Col(40, "R", BOLD),
                            Col(max(60, text_width(tr("stretcher"), REGULAR, 9) + 8)),
                            Col(None, ruled=True),
                            Col(105, ruled=True),
                            Col(90, ruled=True),
                            Col(75, ruled=True),
                        ],
                        rows,
                        header=[tr("place"), "", tr("full name"), tr("document"), tr("destination"), tr("signature")],
                        size=9,
                        min_row=17,
                    ),
                    Text(
                        tr(
                            "Planned: {n} people ({groups}). Fill in at the assembly point; one copy stays with the "
                            "convoy leader.",
                            n=t.passengers,
                            groups=", ".join(f"{t.passengers_by_group[g]} {tr(GROUP_WORD[g])}" for g in GROUPS),
                        ),
                        8.5,
                        before=3,
                    ),
                ],
                [Text(head + " " + tr("(continued)"), 12, BOLD, after=4)],
            )
        )
    return out
