"""Route maps for the PDF, drawn with the reportlab canvas in projected metres.

The road network is simplified once per zoom level and drawn into a PDF Form
XObject (a reusable piece of page content): every map at that zoom level
places the same form, so a 50-convoy PDF stores the streets a few times, not
50 times. Overlays (corridors, hazards, routes, plan points, scale bar,
attribution) are drawn per map. Everything prints in black and white: roads
are greys by class, the loaded route is a thick black line with a white
casing, empty runs are dashed, plan points have distinct shapes.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass, field

import numpy as np

from planner.export.fonts import BOLD, REGULAR

ATTRIBUTION = "© OpenStreetMap contributors"

#: Road classes drawn from the network: (name, highway values, grey level, line width in pt).
ROAD_CLASSES = (
    ("minor", None, 0.80, 0.35),
    ("middle", ("secondary", "secondary_link", "tertiary", "tertiary_link"), 0.62, 0.8),
    ("major", ("motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link"), 0.45, 1.4),
)
#: Below this map scale (pt per metre) minor roads are left out (they would grey the map over).
MINOR_MIN_SCALE = 0.012
#: Simplification tolerance on paper (pt).
SIMPLIFY_PT = 0.3

#: Line styles for routes drawn together (dash pattern in pt, width): tell routes apart without colour.
ROUTE_DASHES = ((), (6, 2), (2, 2), (8, 2, 2, 2), (4, 4), (1, 3))


@dataclass
class RouteLine:
    """A line to draw on a map: projected ``xy`` (m), width (pt), dash pattern, grey (0 black .. 1 white)."""

    xy: np.ndarray
    width: float = 2.6
    dash: tuple = ()
    gray: float = 0.0
    casing: bool = True


@dataclass
class Marker:
    """A plan point: projected ``x``, ``y`` (m), ``kind`` (pickup, destination, depot, checkpoint), label."""

    x: float
    y: float
    kind: str
    label: str = ""


@dataclass
class MapContent:
    """What one map shows, in projected metres; ``extent`` is ``(xmin, ymin, xmax, ymax)``."""

    extent: tuple
    routes: list = field(default_factory=list)
    markers: list = field(default_factory=list)
    corridors: list = field(default_factory=list)  # (xy, width_m)
    hazards: list = field(default_factory=list)  # (xy ring, effect, label)
    streets: list = field(default_factory=list)  # (x, y, name): street names along the route
    units: tuple = ("m", "km")  # the scale bar's units, as the document's language writes them


def fit_extent(points_xy, margin=0.08, min_size_m=1500.0) -> tuple:
    """Bounding box of points (projected m), grown by ``margin`` of its size and to at least ``min_size_m``."""
    pts = np.asarray(points_xy, dtype=float).reshape(-1, 2)
    pts = pts[np.isfinite(pts).all(axis=1)]
    if len(pts) == 0:
        return (0.0, 0.0, min_size_m, min_size_m)
    x0, y0 = pts.min(axis=0)
    x1, y1 = pts.max(axis=0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w = max((x1 - x0) * (1 + 2 * margin), min_size_m)
    h = max((y1 - y0) * (1 + 2 * margin), min_size_m)
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


_BASEMAPS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def base_map(net) -> BaseMap:
    """The :class:`BaseMap` of ``net``, built once per network object."""
    try:
        bm = _BASEMAPS.get(net)
        if bm is None:
            bm = _BASEMAPS[net] = BaseMap(net)
        return bm
    except TypeError:  # not weak-referenceable
        return BaseMap(net)


class BaseMap:
    """The road network of one ``RoadNetwork``, ready to draw at any zoom level.

    Each two-way road is drawn once. Per zoom level (a factor of √2 in scale)
    the lines are simplified with shapely to :data:`SIMPLIFY_PT` on paper and
    written once per PDF canvas as a form.
    """

    def __init__(self, net):
        import shapely

        self.net = net
        u, v = np.asarray(net.edge_u), np.asarray(net.edge_v)
        length = np.round(np.asarray(net.edge_length), 0)
        # one of each pair of opposite edges (same end nodes, same length)
        key = np.stack([np.minimum(u, v), np.maximum(u, v), length.astype(np.int64)], axis=1)
        _, first = np.unique(key, axis=0, return_index=True)
        edges = np.sort(first)
        self.x0 = float(np.min(net.geom_x))
        self.y0 = float(np.min(net.geom_y))
        self.width_m = float(np.max(net.geom_x)) - self.x0
        self.height_m = float(np.max(net.geom_y)) - self.y0
        hw = np.asarray(net.edge_highway)[edges].astype(str)
        ptr = np.asarray(net.geom_ptr)
        counts = ptr[edges + 1] - ptr[edges]
        idx = np.concatenate([np.arange(ptr[e], ptr[e + 1]) for e in edges])
        coords = np.column_stack((np.asarray(net.geom_x)[idx] - self.x0, np.asarray(net.geom_y)[idx] - self.y0))
        line_of = np.repeat(np.arange(len(edges)), counts)
        self._lines = shapely.linestrings(coords, indices=line_of)
        self._class = np.zeros(len(edges), dtype=np.int8)
        for k, (_, values, _, _) in enumerate(ROAD_CLASSES):
            if values:
                self._class[np.isin(hw, values)] = k
        self._ops = {}  # zoom level -> PDF path operators per class (bytes of text)

    @staticmethod
    def level(scale: float) -> int:
        """Zoom level of a map scale (pt per metre): steps of √2."""
        return int(round(2 * math.log2(max(scale, 1e-9) * 1000.0)))

    @staticmethod
    def level_scale(level: int) -> float:
        return 2.0 ** (level / 2.0) / 1000.0

    def _path_ops(self, level: int) -> list:
        """PDF drawing operators of the simplified roads at ``level``, one string per class."""
        if level in self._ops:
            return self._ops[level]
        import shapely

        s0 = self.level_scale(level)
        simple = shapely.simplify(self._lines, SIMPLIFY_PT / s0, preserve_topology=False)
        out = []
        for k, (name, _, gray, width) in enumerate(ROAD_CLASSES):
            if name == "minor" and s0 < MINOR_MIN_SCALE:
                out.append("")
                continue
            sel = simple[self._class == k]
            if len(sel) == 0:
                out.append("")
                continue
            xy, which = shapely.get_coordinates(sel, return_index=True)
            xy = xy * s0
            starts = np.ones(len(which), dtype=bool)
            starts[1:] = which[1:] != which[:-1]
            # "x y m" for a line's first point, "x y l" for the others
            op = np.where(starts, "m", "l")
            body = "\n".join(f"{a:.1f} {b:.1f} {o}" for (a, b), o in zip(xy.tolist(), op.tolist()))
            out.append(f"{gray:.2f} G {width:.2f} w 1 J 1 j\n{body}\nS")
        self._ops[level] = out
        return out

    def form_name(self, canv, level: int) -> str:
        """Name of the form holding the roads at ``level`` on this canvas (defined on first use)."""
        done = canv.__dict__.setdefault("_evacplan_forms", set())
        name = f"roads{level + 100}"
        if name not in done:
            s0 = self.level_scale(level)
            canv.beginForm(name, 0, 0, self.width_m * s0 + 1, self.height_m * s0 + 1)
            for ops in self._path_ops(level):
                if ops:
                    canv._code.append(ops)
            canv.endForm()
            done.add(name)
        return name


def draw_map(canv, base: BaseMap, content: MapContent, x, y, w, h):
    """Draw a map of ``content`` into the box ``(x, y, w, h)`` (pt, lower left corner) of ``canv``."""
    ex0, ey0, ex1, ey1 = content.extent
    # the extent fits above the bottom strip that holds the scale bar and the attribution
    strip = min(16.0, 0.1 * h)
    scale = min(w / max(ex1 - ex0, 1.0), (h - strip) / max(ey1 - ey0, 1.0))  # pt per metre
    cx, cy = (ex0 + ex1) / 2, (ey0 + ey1) / 2
    ox, oy = x + w / 2 - cx * scale, y + strip + (h - strip) / 2 - cy * scale  # page = o + scale * projected

    def page(xy):
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        return np.column_stack((ox + scale * xy[:, 0], oy + scale * xy[:, 1]))

    canv.saveState()
    p = canv.beginPath()
    p.rect(x, y, w, h)
    canv.clipPath(p, stroke=0, fill=0)
    canv.setFillGray(1)
    canv.rect(x, y, w, h, stroke=0, fill=1)

    # corridors: pale bands as wide as agreed
    for xy, width_m in content.corridors:
        _polyline(canv, page(xy), width=max(width_m * scale, 3.0), gray=0.90)
    # hazards: light fill with hatching and a dashed outline
    for ring, effect, label in content.hazards:
        _hazard(canv, page(ring), effect)

    # the road network, placed from its form
    level = base.level(scale)
    s0 = base.level_scale(level)
    name = base.form_name(canv, level)
    canv.saveState()
    canv.translate(ox + base.x0 * scale, oy + base.y0 * scale)
    canv.scale(scale / s0, scale / s0)
    canv.doForm(name)
    canv.restoreState()

    # routes simplified to what the paper shows (a quarter point)
    lines = [page(_simplify(r.xy, 0.25 / scale)) for r in content.routes]
    for r, pts in zip(content.routes, lines):
        if r.casing:
            _polyline(canv, pts, width=r.width + 2.2, gray=1.0)
    for r, pts in zip(content.routes, lines):
        _polyline(canv, pts, width=r.width, gray=r.gray, dash=r.dash)
    taken = []
    for ring, effect, label in content.hazards:
        if label:
            spot = _inside_label_spot(page(ring), label, x, y, w, h, canv)
            if spot is not None:
                _label(canv, spot[0], spot[1], label, size=8)
                taken.append((spot[0] - 1, spot[1] - 2, spot[0] + canv.stringWidth(label, REGULAR, 8) + 1, spot[1] + 7))
    shown = []
    for m in sorted(content.markers, key=lambda m: _MARKER_ORDER.get(m.kind, 9)):
        px, py = page([[m.x, m.y]])[0]
        if x - 20 <= px <= x + w + 20 and y - 20 <= py <= y + h + 20:
            draw_marker(canv, m.kind, px, py)
            shown.append((m, px, py))
    # labels where they overlap neither another label nor a symbol: right, left, above, below
    taken += [(px - 5, py - 5, px + 5, py + 5) for _, px, py in shown]
    for m, px, py in shown:
        if not m.label:
            continue
        tw = canv.stringWidth(m.label, BOLD, 8)
        spots = [
            (px + 6.5, py + 3.5),
            (px - 6.5 - tw, py + 3.5),
            (px + 6.5, py - 9.5),
            (px - 6.5 - tw, py - 9.5),
            (px - tw / 2, py + 7.5),
            (px - tw / 2, py - 14.5),
        ]
        for lx, ly in spots:
            box = (lx - 1, ly - 2, lx + tw + 1, ly + 7)
            if not any(_overlap(box, b) for b in taken):
                break
        else:
            lx, ly = spots[0]
            box = (lx - 1, ly - 2, lx + tw + 1, ly + 7)
        taken.append(box)
        _label(canv, lx, ly, m.label, size=8, bold=True)
    # street names along the route, where they fit inside the frame and clear of other labels
    for sx, sy, name in content.streets:
        px, py = page([[sx, sy]])[0]
        tw = canv.stringWidth(name, REGULAR, 8)
        lx, ly = px - tw / 2, py + 4
        box = (lx - 1, ly - 2, lx + tw + 1, ly + 7.5)
        if box[0] < x + 2 or box[2] > x + w - 2 or box[1] < y + 16 or box[3] > y + h - 2:
            continue
        if any(_overlap(box, b) for b in taken):
            continue
        taken.append(box)
        _label(canv, lx, ly, name, size=8)

    _scale_bar(canv, x + 8, y + 8, scale, w, content.units)
    _north(canv, x + w - 14, y + h - 26)
    # attribution, bottom right on a white strip
    canv.setFont(REGULAR, 8)
    tw = canv.stringWidth(ATTRIBUTION, REGULAR, 8)
    canv.setFillGray(1)
    canv.rect(x + w - tw - 8, y + 1, tw + 7, 11, stroke=0, fill=1)
    canv.setFillGray(0)
    canv.drawRightString(x + w - 4, y + 4, ATTRIBUTION)
    canv.restoreState()
    canv.setStrokeGray(0)
    canv.setLineWidth(0.8)
    canv.rect(x, y, w, h, stroke=1, fill=0)
    return scale


def _inside_label_spot(ring_pt, label, x, y, w, h, canv):
    """Where to put a hazard's label: inside the part of its polygon within the frame, never cut at it."""
    import shapely

    tw = canv.stringWidth(label, REGULAR, 8)
    poly = shapely.Polygon(ring_pt)
    if not poly.is_valid:
        poly = poly.buffer(0)
    frame = shapely.box(x + 4, y + 18, x + w - 4, y + h - 12)
    vis = poly.intersection(frame)
    if vis.is_empty:
        return None
    c = vis.representative_point() if vis.area > 0 else vis.centroid
    lx = min(max(c.x - tw / 2, x + 4), x + w - 4 - tw)
    ly = min(max(c.y - 3, y + 18), y + h - 12)
    return lx, ly


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _simplify(xy, tol):
    """Douglas-Peucker of a projected polyline (m) to ``tol`` metres."""
    import shapely

    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if len(xy) < 3:
        return xy
    return shapely.get_coordinates(shapely.simplify(shapely.linestrings(xy), tol, preserve_topology=False))


_MARKER_ORDER = {"depot": 0, "destination": 1, "pickup": 2, "checkpoint": 3}


def draw_marker(canv, kind, px, py, r=4.5):
    """A plan point symbol at page point ``(px, py)``: pickup ○, destination ■, depot ◆, checkpoint ▲ with a bar."""
    canv.saveState()
    canv.setLineWidth(1.2)
    canv.setStrokeGray(0)
    if kind == "pickup":
        canv.setFillGray(1)
        canv.circle(px, py, r, stroke=1, fill=1)
        canv.setFillGray(0)
        canv.circle(px, py, r * 0.35, stroke=0, fill=1)
    elif kind == "destination":
        canv.setFillGray(0)
        canv.rect(px - r, py - r, 2 * r, 2 * r, stroke=1, fill=1)
        canv.setFillGray(1)
        canv.rect(px - r * 0.4, py - r * 0.4, r * 0.8, r * 0.8, stroke=0, fill=1)
    elif kind == "depot":
        canv.setFillGray(0.55)
        p = canv.beginPath()
        p.moveTo(px, py + r)
        p.lineTo(px + r, py)
        p.lineTo(px, py - r)
        p.lineTo(px - r, py)
        p.close()
        canv.drawPath(p, stroke=1, fill=1)
    else:  # checkpoint: a black triangle
        canv.setFillGray(0)
        canv.setStrokeGray(1)
        canv.setLineWidth(0.8)
        p = canv.beginPath()
        p.moveTo(px, py + r * 1.25)
        p.lineTo(px + r * 1.15, py - r * 0.8)
        p.lineTo(px - r * 1.15, py - r * 0.8)
        p.close()
        canv.drawPath(p, stroke=1, fill=1)
    canv.restoreState()


def _polyline(canv, pts, width, gray, dash=()):
    if len(pts) < 2:
        return
    canv.saveState()
    canv.setLineWidth(width)
    canv.setStrokeGray(gray)
    canv.setLineCap(1)
    canv.setLineJoin(1)
    if dash:
        canv.setDash(list(dash), 0)
        canv.setLineCap(0)
    body = " ".join(f"{a:.2f} {b:.2f} {'m' if i == 0 else 'l'}" for i, (a, b) in enumerate(pts.tolist()))
    canv._code.append(body + " S")
    canv.restoreState()


def _hazard(canv, ring, effect):
    if len(ring) < 3:
        return
    canv.saveState()
    p = canv.beginPath()
    p.moveTo(*ring[0])
    for q in ring[1:]:
        p.lineTo(*q)
    p.close()
    canv.setFillGray(0.93)
    canv.setStrokeGray(0.2)
    canv.setLineWidth(0.8)
    canv.setDash([3, 2], 0)
    canv.drawPath(p, stroke=1, fill=1)
    # hatching inside the polygon: blocked is cross-hatched, slow is single
    canv.clipPath(p, stroke=0, fill=0)
    x0, y0 = ring.min(axis=0)
    x1, y1 = ring.max(axis=0)
    canv.setDash([], 0)
    canv.setLineWidth(0.4)
    canv.setStrokeGray(0.35)
    span = (x1 - x0) + (y1 - y0)
    step = 4.0
    t = 0.0
    while t <= span:
        canv.line(x0 + t, y0, x0 + t - (y1 - y0), y1)
        if effect == "blocked":
            canv.line(x0 + t - (y1 - y0), y0, x0 + t, y1)
        t += step
    canv.restoreState()


def _label(canv, px, py, text, size=8, bold=False, align="left"):
    """Text with a white halo so it stays readable over roads."""
    font = BOLD if bold else REGULAR
    if align == "centre":
        px -= canv.stringWidth(text, font, size) / 2
    t = canv.beginText(px, py)
    t.setFont(font, size)
    t.setTextRenderMode(1)  # stroke only: the halo
    canv.saveState()
    canv.setStrokeGray(1)
    canv.setLineWidth(2.2)
    canv.setLineJoin(1)
    t.textOut(text)
    canv.drawText(t)
    canv.restoreState()
    t = canv.beginText(px, py)
    t.setFont(font, size)
    t.textOut(text)
    canv.setFillGray(0)
    canv.drawText(t)


def nice_length(m: float) -> float:
    """The largest 1, 2 or 5 × 10^k metres not above ``m``."""
    if m <= 0:
        return 1.0
    k = 10 ** math.floor(math.log10(m))
    for f in (5, 2, 1):
        if f * k <= m:
            return f * k
    return k


def _scale_bar(canv, x, y, scale, w, units=("m", "km")):
    length_m = nice_length(0.22 * w / scale)
    bar = length_m * scale
    canv.saveState()
    canv.setFillGray(1)
    canv.rect(x - 3, y - 3, bar + 40, 17, stroke=0, fill=1)
    canv.setLineWidth(0.6)
    canv.setStrokeGray(0)
    for i in range(4):
        canv.setFillGray(0 if i % 2 == 0 else 1)
        canv.rect(x + i * bar / 4, y, bar / 4, 3.5, stroke=1, fill=1)
    canv.setFillGray(0)
    canv.setFont(REGULAR, 8)
    label = f"{length_m / 1000:g} {units[1]}" if length_m >= 1000 else f"{length_m:g} {units[0]}"
    canv.drawString(x, y + 5.5, "0")
    canv.drawString(x + bar + 3, y + 0.5, label)
    canv.restoreState()


def _north(canv, x, y):
    canv.saveState()
    canv.setFillGray(0)
    p = canv.beginPath()
    p.moveTo(x, y + 14)
    p.lineTo(x + 4.5, y + 2)
    p.lineTo(x, y + 5)
    p.lineTo(x - 4.5, y + 2)
    p.close()
    canv.drawPath(p, stroke=0, fill=1)
    canv.setFont(BOLD, 8)
    canv.drawCentredString(x, y - 7, "N")
    canv.restoreState()


def draw_legend(canv, x, y, items, size=8.0):
    """A one-line legend at ``(x, y)``: ``items`` is a list of (kind, text); kind a marker kind or
    ``"route"``/``"empty"``/``"corridor"``/``"hazard"``."""
    canv.saveState()
    canv.setFont(REGULAR, size)
    cx = x
    for kind, text in items:
        if kind == "route":
            _polyline(canv, np.array([[cx, y + 3], [cx + 18, y + 3]]), width=2.6, gray=0)
            cx += 22
        elif kind == "empty":
            _polyline(canv, np.array([[cx, y + 3], [cx + 18, y + 3]]), width=1.6, gray=0, dash=(4, 2))
            cx += 22
        elif kind == "corridor":
            _polyline(canv, np.array([[cx + 3, y + 3], [cx + 15, y + 3]]), width=7, gray=0.88)
            cx += 22
        elif kind == "hazard":
            _hazard(canv, np.array([[cx, y - 1], [cx + 14, y - 1], [cx + 14, y + 7], [cx, y + 7]]), "slow")
            cx += 18
        else:
            draw_marker(canv, kind, cx + 5, y + 3, r=3.6)
            cx += 12
        canv.setFillGray(0)
        canv.setFont(REGULAR, size)
        canv.drawString(cx, y, text)
        cx += canv.stringWidth(text, REGULAR, size) + 9
    canv.restoreState()


def legend_width(items, size=8.0) -> float:
    """Width (pt) of :func:`draw_legend` of ``items``, to break a legend into lines."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    sym = {"route": 22, "empty": 22, "corridor": 22, "hazard": 18}
    return sum(sym.get(k, 12) + stringWidth(t, REGULAR, size) + 9 for k, t in items)
