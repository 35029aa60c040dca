"""The convoy schedule as a printable PDF (design section 8): A4, black and white, Unicode.

Page order and count (every section is exactly one page; content taller than
a page is drawn scaled down to fit, so the count never depends on text lengths):

1. cover, page 1: plan, network and data date, window, the KPIs (people out of
   demand, upper bound and gap, finish, convoys, vehicles, buses needed for
   everyone), a map of all routes with checkpoints, pickups, destinations and
   depots, and a legend;
2. cover, page 2: the hourly table of people arrived, on the road and waiting,
   the assembly points with what is left behind and why, and an index of convoys
   with their page numbers;
3. one page per convoy, in departure order: route map, departure and latest
   safe departure, checkpoint timetable (first arrival, service start, last
   clear), vehicles with seats and passengers per pickup and group, and ruled
   blanks for drivers' names, phone numbers and contacts;
4. one driver card per vehicle with at least one trip, in order of first
   departure: trips in order with times, and the streets to follow with turns
   and distances, in large type.

Total pages = 2 + convoys + vehicles with trips (:func:`page_count`). Every page
has a footer with the plan name, the generation time and "page i of n". Text is
DejaVu Sans (:mod:`planner.export.fonts`), so Cyrillic street names print.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from planner.export.common import (
    GROUP_LABEL,
    GROUPS,
    atomic_path,
    clock,
    edges_xy,
    element_names,
    group_counts,
    km,
    leg_edges,
    main_streets,
    parse_time,
    schedule_dict,
    street_steps,
    trip_edges,
    trips_by_convoy,
    trips_by_vehicle,
)
from planner.export.fonts import BOLD, REGULAR, register_fonts
from planner.export.layout import Boxes, Col, Drawing, SideBySide, Space, Table, Text, draw_page, draw_text, fit, text_width
from planner.export.maps import ATTRIBUTION, base_map, MapContent, Marker, RouteLine, draw_legend, draw_map, fit_extent
from planner.progress import null_progress
from planner.schedule.report import hourly_rows

COVER_PAGES = 2
#: Up to this many convoys, the cover's index has one wide table; more go in two narrow columns.
INDEX_ONE_COLUMN = 40
MARGIN = 36.0  # pt on every side; the footer sits in the bottom margin
PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in pt
BODY_W = PAGE_W - 2 * MARGIN
BODY_H = PAGE_H - 2 * MARGIN

LEGEND = [
    ("route", "route with passengers"), ("empty", "empty run"), ("corridor", "corridor"), ("hazard", "hazard"),
    ("pickup", "assembly point"), ("destination", "reception"), ("depot", "depot"), ("checkpoint", "checkpoint"),
]


def page_count(schedule) -> int:
    """Pages :func:`write_pdf` writes for ``schedule``: 2 cover pages + one per convoy + one per vehicle with trips."""
    d = schedule_dict(schedule)
    return COVER_PAGES + len(d.get("convoys", [])) + len(trips_by_vehicle(d))


def write_pdf(schedule, plan, net, path, *, routes=None, progress=None) -> Path:
    """Write the convoy schedule as a PDF for convoy leaders, drivers and negotiators.

    Parameters
    ----------
    schedule : planner.schedule.Schedule or dict
        The schedule, or its contract dict (design section 10).
    plan : planner.plan.Plan
    net : planner.network.RoadNetwork
        The network the schedule was computed on (routes are read from the trips' OSM node ids).
    path : str or Path
        The PDF to write; written to a temporary file in the same folder, then renamed.
    routes : planner.routing.PlanRoutes, optional
        The plan's routes, for the empty runs (depot or destination to pickup)
        on the maps and driver cards. Computed here when omitted.
    progress : callable, optional
        ``progress(fraction, message)``; may raise ``Cancelled``.

    Returns
    -------
    Path
        ``path``.
    """
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    progress = progress or null_progress
    progress(0.0, "PDF: preparing")
    register_fonts()
    sched = schedule_dict(schedule)
    if routes is None and sched.get("trips"):
        from planner.routing import route_plan

        routes = route_plan(plan, net)
    book = _Book(sched, plan, net, routes)
    total = book.n_pages
    generated = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
    footer = fit(plan.name, REGULAR, 7.5, 230)
    pages = [book.cover1, book.cover2]
    pages += [(lambda c=c: book.convoy_page(c)) for c in book.convoys]
    pages += [(lambda v=v, t=t: book.card(v, t)) for v, t in book.by_vehicle.items()]

    path = Path(path)
    old_a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary streams: ASCII85 is pure Python in reportlab and slow
    try:
        with atomic_path(path) as tmp:
            canv = Canvas(tmp, pagesize=(PAGE_W, PAGE_H), pageCompression=1, invariant=0, initialFontName=REGULAR)
            canv.setTitle(f"Convoy schedule: {plan.name}")
            canv.setAuthor("evacplan")
            canv.setSubject(ATTRIBUTION)
            canv.setCreator("evacplan")
            for n, make in enumerate(pages, 1):
                draw_page(canv, make(), MARGIN, PAGE_H - MARGIN, BODY_W, BODY_H)
                canv.setFont(REGULAR, 7.5)
                canv.setFillGray(0.25)
                canv.drawString(MARGIN, MARGIN * 0.5, footer)
                canv.drawCentredString(PAGE_W / 2 + 30, MARGIN * 0.5, f"generated {generated}")
                canv.setFont(BOLD, 7.5)
                canv.drawRightString(PAGE_W - MARGIN, MARGIN * 0.5, f"page {n} of {total}")
                canv.showPage()
                progress(0.02 + 0.9 * n / total, f"PDF page {n} of {total}")
            progress(0.95, "PDF: writing the file")
            canv.save()
    finally:
        rl_config.useA85 = old_a85
    progress(1.0, f"PDF written: {total} pages")
    return path


# ---------------------------------------------------------------- the document


def _h1(text):
    return Text(text, 22, BOLD, leading=26)


def _h2(text):
    return Text(text, 12, BOLD, before=9, after=3)


class _Book:
    """The schedule, plan and network arranged into pages (lists of layout blocks)."""

    def __init__(self, sched, plan, net, routes):
        self.sched = sched
        self.plan = plan
        self.net = net
        self.routes = routes
        self.names = element_names(plan)
        self.day0 = (sched.get("window") or {}).get("start") or plan.window.start.isoformat()
        self.convoys = list(sched.get("convoys", []))
        self.by_convoy = trips_by_convoy(sched)
        self.by_vehicle = trips_by_vehicle(sched)
        self.n_pages = COVER_PAGES + len(self.convoys) + len(self.by_vehicle)
        self.convoy_page_no = {c["id"]: COVER_PAGES + 1 + i for i, c in enumerate(self.convoys)}
        self._base = None
        self._points = {}
        for layer, kind in (("pickups", "pickup"), ("destinations", "destination"),
                            ("depots", "depot"), ("checkpoints", "checkpoint")):
            els = getattr(plan, layer)
            if els:
                x, y = net.to_projected(np.array([e.lon for e in els]), np.array([e.lat for e in els]))
                for e, xx, yy in zip(els, np.atleast_1d(x), np.atleast_1d(y)):
                    self._points[e.id] = (float(xx), float(yy), kind)
        self._cp = {c.id: c for c in plan.checkpoints}
        self._layers = None

    @property
    def base(self):
        if self._base is None:
            self._base = base_map(self.net)
        return self._base

    def t(self, s):
        return clock(s, self.day0)

    def name(self, eid):
        return f"{eid} {self.names.get(eid, '')}".strip() if eid else "–"

    # ---- maps

    def _plan_layers(self):
        """Corridors and hazards of the plan in projected metres (computed once)."""
        if self._layers is None:
            net, cor, haz = self.net, [], []
            for c in self.plan.corridors:
                if len(c.line) >= 2:
                    a = np.asarray(c.line, dtype=float)
                    x, y = net.to_projected(a[:, 0], a[:, 1])
                    cor.append((np.column_stack((x, y)), float(c.width_m)))
            for h in self.plan.hazards:
                if len(h.polygon) >= 3:
                    a = np.asarray(h.polygon, dtype=float)
                    x, y = net.to_projected(a[:, 0], a[:, 1])
                    haz.append((np.column_stack((x, y)), h.effect, h.id))
            self._layers = (cor, haz)
        return self._layers

    def _map(self, content, h):
        cor, haz = self._plan_layers()
        content.corridors, content.hazards = cor, haz

        def fn(canv, x, y, w, hh):
            content.extent = _aspect(content.extent, w, hh)
            draw_map(canv, self.base, content, x, y, w, hh)

        return Drawing(h, fn)

    def _cover_map(self, h):
        lines, empty, pts = [], [], []
        seen = set()
        for t in self.sched.get("trips", []):
            key = tuple(t.get("route_nodes") or ()) or (t["pickup"], t["destination"])
            if key not in seen:
                seen.add(key)
                xy = edges_xy(self.net, trip_edges(self.net, t, self.routes))
                if len(xy):
                    lines.append(RouteLine(xy, width=2.4))
                    pts.append(xy)
        for a, b in sorted({(t.get("leave_from") or "", t["pickup"]) for t in self.sched.get("trips", [])}):
            e = leg_edges(self.routes, a, b)
            if e is not None and len(e):
                xy = edges_xy(self.net, e)
                empty.append(RouteLine(xy, width=1.3, dash=(4, 2.5), casing=False))
                pts.append(xy)
        pts += [np.array([[x, y]]) for x, y, _ in self._points.values()]
        content = MapContent(fit_extent(np.concatenate(pts) if pts else np.zeros((0, 2)), margin=0.04))
        content.routes = empty + lines
        content.markers = [Marker(x, y, kind, eid) for eid, (x, y, kind) in self._points.items()]
        return self._map(content, h)

    def _convoy_map(self, convoy, trips, h):
        """The whole route (left) and the first kilometres around the pickup (right), with the empty runs in."""
        t = trips[0] if trips else {}
        xy = edges_xy(self.net, trip_edges(self.net, t, self.routes)) if t else np.zeros((0, 2))
        ids = [convoy.get("pickup"), convoy.get("destination")] + [c["id"] for c in t.get("checkpoints", [])]
        empty = []
        for a in sorted({tr.get("leave_from") or "" for tr in trips}):
            e = leg_edges(self.routes, a, convoy.get("pickup"))
            if e is not None and len(e):
                empty.append(RouteLine(edges_xy(self.net, e), width=1.5, dash=(4, 2.5), casing=False))
                ids.append(a)
        ids = list(dict.fromkeys(i for i in ids if i in self._points))
        markers = [Marker(*self._points[i][:2], self._points[i][2], i) for i in ids]
        pts = [xy] + [np.array([self._points[i][:2]]) for i in ids[:2] + [c["id"] for c in t.get("checkpoints", [])]
                      if i in self._points]
        whole = MapContent(fit_extent(np.concatenate(pts), margin=0.1, min_size_m=2000.0))
        # the start: the first 3 km of the route around the pickup
        near = xy[: max(2, int(np.searchsorted(np.concatenate([[0], np.cumsum(np.hypot(*np.diff(xy, axis=0).T))]),
                                                3000.0)))] if len(xy) else xy
        p0 = self._points.get(convoy.get("pickup"))
        start_pts = np.concatenate([near] + ([np.array([p0[:2]])] if p0 else []))
        start = MapContent(fit_extent(start_pts, margin=0.12, min_size_m=2200.0))
        for content in (whole, start):
            content.routes = list(empty) + ([RouteLine(xy, width=3.0)] if len(xy) else [])
            content.markers = markers
            content.corridors, content.hazards = self._plan_layers()
        title = f"Start: {self.name(convoy.get('pickup'))}"

        def fn(canv, x, y, w, hh):
            w1 = w * 0.56
            w2 = w - w1 - 6
            whole.extent = _aspect(whole.extent, w1, hh)
            start.extent = _aspect(start.extent, w2, hh)
            draw_map(canv, self.base, whole, x, y, w1, hh)
            draw_map(canv, self.base, start, x + w1 + 6, y, w2, hh)
            tw = fit(title, BOLD, 8, w2 - 10)
            canv.setFillGray(1)
            canv.rect(x + w1 + 6.5, y + hh - 13, text_width(tw, BOLD, 8) + 8, 12.5, stroke=0, fill=1)
            canv.setFillGray(0)
            draw_text(canv, x + w1 + 10, y + hh - 9.5, tw, BOLD, 8)

        return Drawing(h, fn)

    # ---- cover

    def cover1(self):
        s, plan, net = self.sched, self.plan, self.net
        k = s.get("kpis", {})
        w = s.get("window", {})
        start = parse_time(w.get("start")) or plan.window.start
        end = parse_time(w.get("end")) or plan.window.end
        off = start.strftime("%z")
        off = f"UTC{off[:3]}:{off[3:]}" if off else "local time"
        night = "no driving at night" if plan.window.no_night else "driving at night allowed"
        meta = getattr(net, "meta", {}) or {}
        demand = int(k.get("demand", plan.total_people))
        evacuated = int(k.get("evacuated", 0))
        bound, gap = k.get("upper_bound"), k.get("gap")
        if gap is None and bound:
            gap = max(0.0, (float(bound) - evacuated) / float(bound))
        share = f" ({100 * evacuated / demand:.0f} %)" if demand else ""
        vehicles = list(self.by_vehicle)
        kinds = _vehicle_kinds(plan, vehicles)
        fleet = sum(d.n_vehicles for d in plan.depots)
        need = s.get("buses_needed") or {}
        if need.get("buses"):
            needed, note = f"{int(need['buses'])}", "buses needed to move everyone in this window"
        elif need:
            needed, note = "not possible", "buses for everyone: " + (need.get("reason") or "no fleet size moves everyone")
        else:
            needed, note = "–", "buses for everyone: not computed"
        extra = []
        if k.get("vehicle_km") is not None:
            extra.append(f"{float(k['vehicle_km']):,.0f} vehicle-km")
        if k.get("seat_use") is not None:
            extra.append(f"seat use {100 * float(k['seat_use']):.0f} %")
        by = k.get("by_group") or {}
        if by:
            extra.append("out by group: " + ", ".join(f"{GROUP_LABEL[g]} {int(by.get(g, 0)):,}" for g in GROUPS))
        blocks = [
            Text(plan.name, 19, BOLD, leading=23),
            Text(f"Convoy schedule · {start:%a %d %b %Y, %H:%M} – {self.t(end.isoformat())} ({off}), {night}", 11,
                 after=6),
            Table([Col(80, font=BOLD), Col(None, wrap=True)], [
                ["Road network", f"{net.name} · {_data_date(meta)} · sha256 {str(getattr(net, 'sha256', ''))[:12]}"],
                ["Map data", meta.get("licence") or ATTRIBUTION],
            ], size=8.5, pad=1.5),
            Space(6),
            Boxes([
                (f"{evacuated:,}", f"people out of {demand:,}{share}"),
                (f"{int(bound):,}" if bound is not None else "–",
                 "upper bound on people out" + (f", gap {100 * float(gap):.0f} %" if gap is not None else "")),
                (self.t(k.get("finish")), "last arrival (finish)"),
                (f"{len(self.convoys)}", "convoys"),
                (f"{len(vehicles)}", f"vehicles used of {fleet}" + (f": {kinds}" if kinds else "")),
                (needed, note),
            ]),
        ]
        if extra:
            blocks.append(Text(" · ".join(extra), 7.5, before=3))
        blocks += [
            _h2("Routes"),
            self._cover_map(515),
            Drawing(14, lambda canv, x, y, w, h: draw_legend(canv, x, y + 3, LEGEND)),
        ]
        return blocks

    def cover2(self):
        s = self.sched
        hourly = s.get("hourly") or _hourly(s, self.plan)
        blocks = [
            _h2("Hour by hour"),
            Table([Col(70), Col(120, "R"), Col(90, "R"), Col(90, "R")],
                  [[self.t(h.get("time")), f"{int(h.get('evacuated', 0)):,}", f"{int(h.get('in_transit', 0)):,}",
                    f"{int(h.get('waiting', 0)):,}"] for h in hourly],
                  header=["time", "people arrived (total)", "on the road", "still waiting"], size=9, pad=1.8),
        ]
        taken = {}
        for t in s.get("trips", []):
            taken[t["pickup"]] = taken.get(t["pickup"], 0) + int(t.get("passengers", 0))
        why = {}
        for u in s.get("unserved", []):
            why.setdefault(u["pickup"], []).append(u)
        why = {pid: [(f"{int(u.get('people', 0)):,}: " if len(us) > 1 else "") + str(u.get("reason", ""))
                     + (f" ({u['detail']})" if u.get("detail") else "") for u in us] for pid, us in why.items()}
        rows = []
        for p in self.plan.pickups:
            rows.append([p.id, p.name, f"{p.people.total:,}", f"{taken.get(p.id, 0):,}",
                         f"{p.people.total - taken.get(p.id, 0):,}", "; ".join(why.get(p.id, []))])
        blocks += [
            _h2("Assembly points"),
            Table([Col(26, font=BOLD), Col(130, wrap=True), Col(40, "R"), Col(40, "R"), Col(40, "R"), Col(None, wrap=True)],
                  rows, header=["id", "name", "people", "out", "left", "why left behind"], size=8.5, pad=1.8),
        ]
        passes = {}
        for t in s.get("trips", []):
            for cp in t.get("checkpoints", []):
                passes.setdefault(cp["id"], []).append(cp)
        rows = []
        for c in self.plan.checkpoints:
            ps = passes.get(c.id, [])
            hours = "always" if c.open_from is None and c.open_to is None else (
                f"{c.open_from.strftime('%H:%M') if c.open_from else '00:00'}–"
                f"{c.open_to.strftime('%H:%M') if c.open_to else '24:00'}")
            rows.append([c.id, c.name, f"{c.minutes_per_vehicle:g}", str(c.lanes), f"{c.hold_min:g}", hours,
                         str(len(ps)), self.t(min(p["arrive"] for p in ps)) if ps else "–",
                         self.t(max(p["clear"] for p in ps)) if ps else "–"])
        blocks += [
            _h2("Checkpoints"),
            Table([Col(30, font=BOLD), Col(None, wrap=True), Col(52, "R"), Col(34, "R"), Col(36, "R"), Col(66, "R"),
                   Col(48, "R"), Col(46, "R"), Col(46, "R")], rows,
                  header=["id", "name", "min/veh.", "lanes", "hold", "open", "vehicles", "first", "last clear"],
                  size=8.5, pad=1.5),
        ]
        rows = []
        for c in self.convoys:
            people = sum(int(t.get("passengers", 0)) for t in self.by_convoy.get(c["id"], []))
            rows.append([c["id"], self.name(c.get("pickup")), self.name(c.get("destination")),
                         str(len(c.get("vehicles", []))), f"{int(c.get('passengers', people)):,}",
                         self.t(c.get("depart")), self.t(c.get("latest_safe_depart")), self.t(c.get("arrive")),
                         str(self.convoy_page_no[c["id"]])])
        blocks.append(_h2("Convoys"))
        if not rows:
            blocks.append(Text("No convoy leaves in this window: no convoy pages, no driver cards.", 10))
        if 0 < len(rows) <= INDEX_ONE_COLUMN:
            blocks.append(Table([Col(36, font=BOLD), Col(None), Col(None), Col(42, "R"), Col(40, "R"),
                                 Col(40, "R", BOLD), Col(56, "R"), Col(40, "R"), Col(30, "R")], rows,
                                header=["convoy", "from", "to", "vehicles", "people", "depart", "latest safe",
                                        "arrive", "page"], size=8.5, pad=1.5))
        elif rows:  # many convoys: ids only, in two columns, so the index stays readable on one page
            rows = [[r[0], r[1].split(" ")[0], r[2].split(" ")[0]] + r[3:] for r in rows]
            half = (len(rows) + 1) // 2
            blocks.append(SideBySide([
                Table([Col(34, font=BOLD), Col(24), Col(22), Col(22, "R"), Col(32, "R"), Col(34, "R", BOLD),
                       Col(32, "R"), Col(32, "R"), Col(None, "R")], part,
                      header=["convoy", "from", "to", "veh.", "people", "depart", "latest", "arrive", "page"],
                      size=8, header_size=6.5, pad=1.2)
                for part in (rows[:half], rows[half:])]))
        probs = s.get("routing_problems") or []
        if probs:
            blocks.append(_h2("Routing warnings"))
            for pr in probs[:12]:
                blocks.append(Text("• " + str(pr.get("message", pr) if isinstance(pr, dict) else pr), 7.5))
        blocks.append(Text("Times are local (the window's UTC offset), truncated to the minute. Convoy pages follow "
                           "in departure order, then one driver card per vehicle.", 7.5, before=8))
        return blocks

    # ---- convoy page

    def convoy_page(self, c):
        trips = self.by_convoy.get(c["id"], [])
        pick, dest = c.get("pickup"), c.get("destination")
        people = sum(int(t.get("passengers", 0)) for t in trips)
        blocks = [
            _h1(f"Convoy {c['id']}"),
            Text(f"{self.name(pick)} → {self.name(dest)}", 13, BOLD, after=5),
            Boxes([(self.t(c.get("depart")), f"depart {pick}"),
                   (self.t(c.get("latest_safe_depart")), "latest safe departure"),
                   (self.t(c.get("arrive")), f"arrive {dest}"),
                   (str(len(trips)), "vehicles"), (f"{people:,}", "people")],
                  per_row=5, value_size=17, label_above=True),
            Space(6),
            self._convoy_map(c, trips, 250),
        ]
        if trips:
            steps = street_steps(self.net, trip_edges(self.net, trips[0], self.routes))
            via = ", ".join(main_streets(steps))
            blocks.append(Text(f"Route {km(sum(st.length_m for st in steps))}" + (f" via {via}" if via else ""),
                               9, before=3))
        # the convoy's checkpoint times are its vehicles' in order
        rows = []
        for k, cp in enumerate(trips[0].get("checkpoints", []) if trips else []):
            passes = [t["checkpoints"][k] for t in trips if len(t.get("checkpoints", [])) > k]
            spec = self._cp.get(cp["id"])
            svc = ""
            if spec is not None:
                svc = f"{spec.minutes_per_vehicle:g} min/vehicle, {spec.lanes} lane{'s' if spec.lanes != 1 else ''}"
                if spec.hold_min:
                    svc += f", hold {spec.hold_min:g} min"
            rows.append([cp["id"], self.names.get(cp["id"], ""), self.t(min(p["arrive"] for p in passes)),
                         self.t(min(p.get("start_service", p["arrive"]) for p in passes)),
                         self.t(max(p["clear"] for p in passes)), svc])
        rows.append([dest, self.names.get(dest, ""), self.t(c.get("arrive")), "", "", "arrival"])
        blocks += [
            _h2("Checkpoints"),
            Table([Col(34, font=BOLD), Col(None, wrap=True), Col(66, "R", BOLD), Col(68, "R", BOLD), Col(62, "R", BOLD),
                   Col(118, wrap=True)], rows,
                  header=["", "checkpoint", "first arrives", "service starts", "last clears", "service"], size=10),
        ]
        rows, tot = [], {g: 0 for g in GROUPS}
        for i, t in enumerate(trips, 1):
            g = group_counts(t)
            for kk in GROUPS:
                tot[kk] += g[kk]
            seats = str(t.get("seats", "")) + (f"+{t['stretcher_places']}s" if t.get("stretcher_places") else "")
            rows.append([str(i), t["vehicle"], seats, t.get("pickup", ""), str(g["general"]),
                         str(g["reduced_mobility"]), str(g["stretcher"]), str(sum(g.values())), "", ""])
        rows.append(["", "total", "", "", str(tot["general"]), str(tot["reduced_mobility"]), str(tot["stretcher"]),
                     str(sum(tot.values())), "", ""])
        blocks += [
            _h2("Vehicles"),
            Table([Col(18, "R"), Col(96), Col(36, "R"), Col(36), Col(42, "R"), Col(52, "R"), Col(48, "R"),
                   Col(32, "R", BOLD), Col(104, ruled=True), Col(None, ruled=True)], rows,
                  header=["#", "vehicle", "seats", "pickup", "general", "red. mob.", "stretcher", "total",
                          "driver's name", "phone"], size=9, min_row=19, bold_last=True),
            Text("seats: s = stretcher places. Fill in drivers' names and phone numbers before departure.", 7.5,
                 before=3),
            _h2("Contacts"),
            Table([Col(130, font=BOLD), Col(190, ruled=True), Col(40), Col(None, ruled=True)],
                  [[lab, "", "phone", ""] for lab in ("Convoy leader", "Deputy / last vehicle", f"Liaison at {pick}",
                                                     f"Reception {dest}", "Escort / negotiator")],
                  size=9, min_row=21),
        ]
        return blocks

    # ---- driver card

    def card(self, vehicle, trips):
        first = trips[0]
        kind = _vehicle_kinds(self.plan, [vehicle]) or "vehicle"
        seats = f"{first.get('seats', '')} seats" + (
            f" + {first['stretcher_places']} stretcher places" if first.get("stretcher_places") else "")
        blocks = [
            _h1(f"Driver card · {vehicle}"),
            Text(f"{kind}, {seats} · starts at {self.name(first.get('leave_from'))}", 13),
            Space(4),
            Table([Col(60, font=BOLD), Col(230, ruled=True), Col(60, font=BOLD), Col(None, ruled=True)],
                  [["Driver", "", "Phone", ""]], size=13, min_row=24),
        ]
        shown = {}  # edges -> trip number whose streets were listed
        for n, t in enumerate(trips, 1):
            g = group_counts(t)
            load = ", ".join(f"{g[k]} {GROUP_LABEL[k]}" for k in ("stretcher", "reduced_mobility", "general") if g[k])
            conv = t.get("convoy")
            page = f" (page {self.convoy_page_no[conv]})" if conv in self.convoy_page_no else ""
            rows = [
                [self.t(t.get("leave_at")), f"Leave {self.name(t.get('leave_from'))}"],
                [self.t(t.get("arrive_pickup")), f"Arrive {self.name(t['pickup'])}, load "
                 f"{int(t.get('passengers', 0))} people" + (f" ({load})" if load else "")],
                [self.t(t.get("depart_pickup")), f"DEPART with convoy {conv or '–'}"],
            ]
            for cp in t.get("checkpoints", []):
                rows.append([self.t(cp.get("arrive")), f"Checkpoint {self.name(cp['id'])}, "
                             f"clear by {self.t(cp.get('clear'))}"])
            rows.append([self.t(t.get("arrive_destination")), f"Arrive {self.name(t['destination'])}, unload"])
            blocks += [
                _h2(f"Trip {n} of {len(trips)} · convoy {conv or '–'}{page}"),
                Table([Col(58, font=BOLD), Col(None, wrap=True)], rows, size=12.5, pad=2),
            ]
            for label, edges in (
                (f"to {self.name(t['pickup'])}, empty", leg_edges(self.routes, t.get("leave_from"), t["pickup"])),
                (f"to {self.name(t['destination'])}, with passengers", trip_edges(self.net, t, self.routes)),
            ):
                if edges is None or not len(edges):
                    continue
                key = tuple(int(e) for e in edges)
                steps = street_steps(self.net, edges)
                total = km(sum(st.length_m for st in steps))
                if key in shown:
                    blocks.append(Text(f"Streets {label} ({total}): as in trip {shown[key]}.", 12, before=4))
                    continue
                shown[key] = n
                blocks += [
                    Text(f"Streets {label}, {total}", 12, BOLD, before=6, after=1),
                    Table([Col(62, "R"), Col(92), Col(None, wrap=True), Col(62, "R")],
                          [[km(st.start_m), "start on" if st.turn == "start" else st.turn, st.street, km(st.length_m)]
                           for st in steps],
                          header=["at", "", "street", "for"], size=11.5, pad=1.6),
                ]
        return blocks


# ---------------------------------------------------------------- helpers


def _aspect(extent, w, h):
    """Grow ``extent`` so it has the aspect ratio of a ``w`` × ``h`` box."""
    x0, y0, x1, y1 = extent
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    if dx / dy < w / h:
        dx = dy * w / h
    else:
        dy = dx * h / w
    return (cx - dx / 2, cy - dy / 2, cx + dx / 2, cy + dy / 2)


def _data_date(meta: dict) -> str:
    """The date of the network's OSM data as the store's metadata tells it."""
    for key in ("data_date", "osm_timestamp", "timestamp"):
        if meta.get(key):
            return f"OSM data of {str(meta[key])[:10]}"
    m = re.search(r"(\d{4}-\d{2}-\d{2})", str(meta.get("source", "")))
    if m:
        return f"OSM data of {m.group(1)}"
    if meta.get("created"):
        return f"imported {str(meta['created'])[:10]}"
    return "data date unknown"


def _vehicle_kinds(plan, vehicle_ids) -> str:
    """"20 bus, 3 ambulance": vehicle types named in the vehicle ids (the scheduler's ``DP1-bus-03``)."""
    types = sorted({vt.type for d in plan.depots for vt in d.vehicles}, key=len, reverse=True)
    counts = {}
    for v in vehicle_ids:
        for ty in types:
            if f"-{ty}-" in f"-{v}-":
                counts[ty] = counts.get(ty, 0) + 1
                break
    if len(vehicle_ids) == 1:
        return next(iter(counts), "")
    return ", ".join(f"{n} {ty}" for ty, n in counts.items())


def _hourly(sched, plan):
    """Hourly rows from the trips, when the schedule carries none."""
    w = sched.get("window") or {}
    start = parse_time(w.get("start")) or plan.window.start
    end = parse_time(w.get("end")) or plan.window.end
    demand = int((sched.get("kpis") or {}).get("demand", plan.total_people))
    trips = [(parse_time(t["depart_pickup"]), parse_time(t["arrive_destination"]), int(t.get("passengers", 0)))
             for t in sched.get("trips", [])]
    return hourly_rows(trips, demand, start, end, timedelta(hours=1), lambda t: t.isoformat())
