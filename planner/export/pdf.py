"""The convoy schedule as a printable PDF (design section 8): A4, black and white, Unicode.

Sections, each starting on a new page and flowing onto as many pages as it needs
(tables split between rows under their header again; every further page of a
section is headed again), so no text is ever shrunk below 8 pt
(:data:`planner.export.layout.MIN_SIZE`):

1. the cover: plan, network and data date, window, KPIs, a map of every route
   with its legend; the hourly table, the assembly points with what is left and
   why, the checkpoints, and an index of convoys with their page numbers
   (:mod:`planner.export.cover`);
2. the negotiators' checkpoint notification list: per checkpoint every convoy
   passage (direction, convoy, vehicles and plates, people, expected arrival and
   clearance) (:mod:`planner.export.checkpoint_list`);
3. one section per convoy round, in departure order (:mod:`planner.export.sheets`);
4. one driver card per vehicle (:mod:`planner.export.sheets`);
5. one per-seat passenger manifest per vehicle and round (:mod:`planner.export.sheets`).

Every page has a footer with the plan name, the generation time and "page i of n".
Labels are in English, Ukrainian or Russian (``lang``, :mod:`planner.i18n`); plan
names print as the plan has them. Times are rounded up to the minute (a latest
safe departure down). Text is DejaVu Sans (:mod:`planner.export.fonts`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np

from planner.export.blocks import Drawing
from planner.export.common import (
    as_schedule,
    atomic_path,
    clock,
    convoy_edges,
    edges_xy,
    element_names,
    vehicle_plates,
)
from planner.export.fonts import BOLD, REGULAR, register_fonts
from planner.export.layout import Section, Text, draw_text, fit, flow, text_width
from planner.export.maps import (
    ATTRIBUTION,
    MapContent,
    Marker,
    RouteLine,
    base_map,
    draw_legend,
    draw_map,
    fit_extent,
    legend_width,
)
from planner.i18n import translator
from planner.progress import null_progress

MARGIN = 36.0  # pt on every side; the footer sits in the bottom margin
PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in pt
BODY_W = PAGE_W - 2 * MARGIN
BODY_H = PAGE_H - 2 * MARGIN
FOOTER_SIZE = 8.0

LEGEND = [
    ("route", "route with passengers"),
    ("empty", "empty run"),
    ("corridor", "corridor"),
    ("hazard", "hazard zone"),
    ("pickup", "assembly point"),
    ("destination", "reception point"),
    ("depot", "staging area"),
    ("checkpoint", "checkpoint"),
]
GROUP_WORD = {"general": "general", "reduced_mobility": "reduced mobility", "stretcher": "stretcher"}


def write_pdf(schedule, plan, net, path, *, lang: str = "en", routes=None, progress=None) -> Path:
    """Write the convoy schedule as a PDF for convoy leaders, drivers and negotiators.

    Parameters
    ----------
    schedule : planner.schedule.result.Schedule or dict
        The schedule, or its contract dict (design section 10).
    plan : planner.plan.Plan
    net : planner.network.RoadNetwork
        The network the schedule was computed on (routes are read from the convoys' OSM node ids).
    path : str or Path
        The PDF to write; written to a temporary file in the same folder, then renamed.
    lang : {"en", "uk", "ru"}
        Language of every label, heading, unit and date.
    routes : ignored
        Kept for the exporters' shared signature; the convoys carry their roads.
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
    book = Book(as_schedule(schedule, plan, net, routes), plan, net, lang)
    pages = book.pages()
    total = len(pages)
    tr = book.tr
    generated = datetime.now().astimezone()
    gen = tr("generated {when}", when=f"{tr.date(generated, weekday=False)} {generated:%H:%M}")
    footer = fit(plan.name, REGULAR, FOOTER_SIZE, 200)
    path = Path(path)
    old_a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary streams: ASCII85 is pure Python in reportlab and slow
    try:
        with atomic_path(path) as tmp:
            canv = Canvas(tmp, pagesize=(PAGE_W, PAGE_H), pageCompression=1, invariant=0, initialFontName=REGULAR)
            canv.setTitle(f"{tr('Convoy schedule')}: {plan.name}")
            canv.setAuthor("evacplan")
            canv.setSubject(ATTRIBUTION)
            canv.setCreator("evacplan")
            for n, blocks in enumerate(pages, 1):
                y = PAGE_H - MARGIN
                for b in blocks:
                    h = b.height(BODY_W)
                    b.draw(canv, MARGIN, y, BODY_W)
                    y -= h
                canv.setFillGray(0.25)
                draw_text(canv, MARGIN, MARGIN * 0.5, footer, REGULAR, FOOTER_SIZE)
                draw_text(canv, PAGE_W / 2 + 20, MARGIN * 0.5, gen, REGULAR, FOOTER_SIZE, "C")
                draw_text(
                    canv,
                    PAGE_W - MARGIN,
                    MARGIN * 0.5,
                    tr("page {n} of {total}", n=n, total=total),
                    BOLD,
                    FOOTER_SIZE,
                    "R",
                )
                canv.showPage()
                progress(0.02 + 0.9 * n / total, f"PDF page {n} of {total}")
            progress(0.95, "PDF: writing the file")
            canv.save()
    finally:
        rl_config.useA85 = old_a85
    progress(1.0, f"PDF written: {total} pages")
    return path


def page_count(schedule, plan, net, lang: str = "en") -> int:
    """Pages :func:`write_pdf` writes for ``schedule`` (the sections laid out, nothing drawn)."""
    register_fonts()
    return len(Book(as_schedule(schedule, plan, net), plan, net, lang).pages())


def h1(text):
    return Text(text, 20, BOLD, leading=24, after=2)


def h2(text):
    return Text(text, 12, BOLD, before=8, after=3, keep_with_next=True)


class Book:
    """The schedule, plan and network arranged into sections of layout blocks."""

    def __init__(self, sched, plan, net, lang="en"):
        self.s = sched
        self.plan = plan
        self.net = net
        self.tr = translator(lang)
        self.names = element_names(plan)
        self.day0 = sched.window_start
        self.convoys = sorted(sched.convoys, key=lambda c: (c.depart, c.id))
        self.by_vehicle = sched.trips_by_vehicle()
        self.plates = vehicle_plates(sched)
        self.convoy_page_no = {c.id: 0 for c in self.convoys}
        self.card_page_no = dict.fromkeys(self.by_vehicle, 0)
        self._base = None
        self._points = {}
        for layer, kind in (
            ("pickups", "pickup"),
            ("destinations", "destination"),
            ("depots", "depot"),
            ("checkpoints", "checkpoint"),
        ):
            els = getattr(plan, layer)
            if els:
                x, y = net.to_projected(np.array([e.lon for e in els]), np.array([e.lat for e in els]))
                for e, xx, yy in zip(els, np.atleast_1d(x), np.atleast_1d(y)):
                    self._points[e.id] = (float(xx), float(yy), kind)
        self.checkpoint = {c.id: c for c in plan.checkpoints}
        self._layers = None

    # ---- the whole document

    def sections(self) -> list:
        """``[(key, Section)]`` in page order; ``key`` names what the page numbers index."""
        from planner.export.checkpoint_list import checkpoint_list_section
        from planner.export.sheets import (
            card_section,
            convoy_section,
            manifest_sections,
        )

        out = [("cover", self.cover())]
        if self.s.checkpoint_queues:
            out.append(("checkpoints", checkpoint_list_section(self)))
        out += [(("convoy", c.id), convoy_section(self, c)) for c in self.convoys]
        out += [(("card", v), card_section(self, v, trips)) for v, trips in self.by_vehicle.items()]
        for v, trips in self.by_vehicle.items():
            out += [(("manifest", v), sec) for sec in manifest_sections(self, v, trips)]
        return out

    def pages(self) -> list:
        """Every page as a list of blocks; the cover's index and the cards carry the real page numbers.

        The sections are laid out once; the cover and the driver cards, which name
        page numbers, are built again with them (their lengths do not depend on them
        but for a rare wrap, checked once more).
        """
        from planner.export.sheets import card_section

        laid = [(key, flow(sec, BODY_W, BODY_H)) for key, sec in self.sections()]
        for _ in range(3):
            n, changed = 1, False
            for key, pages in laid:
                if isinstance(key, tuple) and key[0] == "convoy":
                    changed |= self.convoy_page_no[key[1]] != n
                    self.convoy_page_no[key[1]] = n
                elif isinstance(key, tuple) and key[0] == "card":
                    self.card_page_no[key[1]] = n
                n += len(pages)
            if not changed:
                break
            laid = [
                (
                    key,
                    flow(self.cover(), BODY_W, BODY_H)
                    if key == "cover"
                    else flow(card_section(self, key[1], self.by_vehicle[key[1]]), BODY_W, BODY_H)
                    if isinstance(key, tuple) and key[0] == "card"
                    else pages,
                )
                for key, pages in laid
            ]
        return [p for _, pages in laid for p in pages]

    # ---- small helpers

    def t(self, when, latest=False):
        # the day marker in the document's language ("09:30 +1 дн."), not an English "d" in a Ukrainian list
        return clock(when, self.day0, latest=latest, later_day=lambda n: self.tr("+{n}d", n=n))

    def name(self, eid):
        return f"{eid} {self.names.get(eid, '')}".strip() if eid else "–"

    def plate(self, vehicle):
        return self.plates.get(vehicle, "")

    def vehicle_label(self, vehicle):
        p = self.plate(vehicle)
        # no-break spaces: a plate never wraps apart from its vehicle ("NB-EV" / "101)")
        return f"{vehicle}\u00a0({p.replace(' ', chr(0xA0))})" if p else vehicle

    def point_xy(self, eid):
        p = self._points.get(eid)
        return None if p is None else (p[0], p[1])

    @property
    def base(self):
        if self._base is None:
            self._base = base_map(self.net)
        return self._base

    # ---- maps

    def plan_layers(self):
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

    def legend(self, kinds=None):
        """A legend block (translated), broken into lines that fit the page width."""
        items = [(k, self.tr(t)) for k, t in LEGEND if kinds is None or k in kinds]
        lines, line = [], []
        for it in items:
            if line and legend_width(line + [it]) > BODY_W:
                lines.append(line)
                line = []
            line.append(it)
        if line:
            lines.append(line)

        def fn(canv, x, y, w, h):
            for i, ln in enumerate(lines):
                draw_legend(canv, x, y + h - 11 - 13 * i, ln)

        return Drawing(13 * len(lines) + 3, fn)

    def map_block(self, content, h, with_hazards=True):
        """A map of ``content`` (extent grown to the box's aspect, and to the hazards it touches)."""
        cor, haz = self.plan_layers()
        content.corridors = cor
        content.hazards = haz if with_hazards else []
        content.units = (self.tr("m"), self.tr("km"))

        def fn(canv, x, y, w, hh):
            content.extent = _aspect(_with_hazards(content.extent, haz), w, hh)
            draw_map(canv, self.base, content, x, y, w, hh)

        return Drawing(h, fn)

    def convoy_lines(self, c):
        """``(empty xy, loaded xy)`` of a convoy round (projected m)."""
        return (
            edges_xy(self.net, convoy_edges(self.net, c, "in")),
            edges_xy(self.net, convoy_edges(self.net, c, "out")),
        )

    def round_map(self, c, h, streets=()):
        """A map of one convoy round: the empty run dashed, the loaded run solid, its places, street names."""
        empty, loaded = self.convoy_lines(c)
        ids = [c.formation_place] + c.pickups + [c.destination] + [p.checkpoint for p in c.passages]
        ids = list(dict.fromkeys(i for i in ids if i in self._points))
        pts = [a for a in (empty, loaded) if len(a)] + [np.array([self._points[i][:2]]) for i in ids]
        content = MapContent(
            fit_extent(np.concatenate(pts) if pts else np.zeros((0, 2)), margin=0.08, min_size_m=2000.0)
        )
        content.routes = ([RouteLine(empty, width=1.6, dash=(4, 2.5), casing=False)] if len(empty) else []) + (
            [RouteLine(loaded, width=3.0)] if len(loaded) else []
        )
        content.markers = [Marker(*self._points[i][:2], self._points[i][2], i) for i in ids]
        content.streets = list(streets)
        return self.map_block(content, h)

    def cover_map(self, h):
        empty, loaded, pts, seen = [], [], [], set()
        for c in self.convoys:
            for d, out in (("in", empty), ("out", loaded)):
                key = (d, tuple(c.route_nodes.get(d) or ()))
                if key in seen or len(key[1]) < 2:
                    continue
                seen.add(key)
                xy = edges_xy(self.net, convoy_edges(self.net, c, d))
                if len(xy):
                    out.append(
                        RouteLine(xy, width=2.4)
                        if d == "out"
                        else RouteLine(xy, width=1.3, dash=(4, 2.5), casing=False)
                    )
                    pts.append(xy)
        pts += [np.array([[x, y]]) for x, y, _ in self._points.values()]
        content = MapContent(fit_extent(np.concatenate(pts) if pts else np.zeros((0, 2)), margin=0.04))
        content.routes = empty + loaded
        content.markers = [Marker(x, y, kind, eid) for eid, (x, y, kind) in self._points.items()]
        return self.map_block(content, h)

    # ---- cover

    def cover(self) -> Section:
        """The cover section (:func:`planner.export.cover.cover_section`)."""
        from planner.export.cover import cover_section

        return cover_section(self)


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


def _with_hazards(extent, hazards, limit=2.5):
    """``extent`` grown to hold the hazard zones it touches whole (unless that makes it ``limit`` × larger)."""
    x0, y0, x1, y1 = extent
    gx0, gy0, gx1, gy1 = extent
    for ring, _effect, _label in hazards:
        rx0, ry0 = ring.min(axis=0)
        rx1, ry1 = ring.max(axis=0)
        if rx1 < x0 or rx0 > x1 or ry1 < y0 or ry0 > y1:
            continue
        gx0, gy0, gx1, gy1 = min(gx0, rx0), min(gy0, ry0), max(gx1, rx1), max(gy1, ry1)
    area = max((x1 - x0) * (y1 - y0), 1.0)
    if (gx1 - gx0) * (gy1 - gy0) > limit * area:
        return extent
    pad = 0.04 * max(gx1 - gx0, gy1 - gy0)
    if (gx0, gy0, gx1, gy1) == tuple(extent):
        return extent
    return (gx0 - pad, gy0 - pad, gx1 + pad, gy1 + pad)


def title_box(canv, x, y, text, size=8.0):
    """A bold title on a white box (top-left of a map)."""
    canv.setFillGray(1)
    canv.rect(x, y - size - 4, text_width(text, BOLD, size) + 8, size + 4.5, stroke=0, fill=1)
    canv.setFillGray(0)
    draw_text(canv, x + 4, y - size - 1, text, BOLD, size)
