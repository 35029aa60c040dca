"""What-if variants compared with the base plan: the table, the sweep chart, a variant's routes.

The table and the chart say what to do while they have nothing to show (the
hints, in English, translated where shown in the ``VariantsPanel`` context);
:func:`nice_ticks` gives the chart's round axis steps; :func:`variant_routes` routes the base plan
and one variant for the map (run in a worker).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QTableWidget, QWidget

from planner.progress import null_progress, scaled
from planner.routing import route_plan
from planner.whatif import apply_variant
from planner.whatif.compare import route_changes
from planner.whatif.run import route_fingerprint
from ui.i18n import group_digits

__all__ = [
    "NO_VARIANTS_HINT",
    "RUN_HINT",
    "SWEEP_HINT",
    "ComparisonTable",
    "SweepChart",
    "nice_ticks",
    "variant_routes",
]

# hints in English (translated where shown, context VariantsPanel)
RUN_HINT = QT_TRANSLATE_NOOP("VariantsPanel", "Run all (Shift+F5) to compare the variants with the base plan.")
NO_VARIANTS_HINT = QT_TRANSLATE_NOOP(
    "VariantsPanel",
    "New variant, or Open… a variants file; then run all (Shift+F5) to compare the variants with the base plan.",
)
SWEEP_HINT = QT_TRANSLATE_NOOP(
    "VariantsPanel",
    "Open a variants file with a sweep and run all (Shift+F5) to compare the variants with the "
    "base plan — the sweep's curve shows here.",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("VariantsPanel", text)


def nice_ticks(top: float, intervals: int = 4) -> list:
    """Axis ticks 0, s, 2 s, … up to the first at or above ``top``, with a round step s (1, 2 or 5 × 10^k).

    About ``intervals`` intervals; ``top <= 0`` gives ``[0, 1]``.
    """
    if not top > 0:
        return [0.0, 1.0]
    raw = top / intervals
    mag = 10.0 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw * (1 - 1e-9))
    n = max(1, math.ceil(top / step - 1e-9))
    return [round(i * step, 12) for i in range(n + 1)]


class ComparisonTable(QTableWidget):
    """The comparison table; while empty it says what to do (``placeholder``)."""

    def __init__(self, parent=None):
        super().__init__(0, 0, parent)
        self.placeholder = RUN_HINT

    def set_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.viewport().update()

    def paintEvent(self, event):
        super().paintEvent(event)
        if self.rowCount() == 0 and self.placeholder:
            p = QPainter(self.viewport())
            p.setPen(QColor("#777"))
            p.drawText(
                QRectF(self.viewport().rect()).adjusted(12, 12, -12, -12),
                Qt.AlignCenter | Qt.TextWordWrap,
                _tr(self.placeholder),
            )


class SweepChart(QWidget):
    """People out against the swept value (solid), the upper bound (dashed) and the demand (red line)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.curve = None
        self.setMinimumHeight(80)

    def set_curve(self, curve) -> None:
        self.curve = curve
        self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        c = self.curve
        if not c:
            p.setPen(QColor("#777"))
            p.drawText(
                self.rect(),
                Qt.AlignCenter,
                _tr(SWEEP_HINT),
            )
            return
        pts = sorted((float(v), float(e)) for v, e in zip(c["values"], c["evacuated"]) if e is not None)
        ub = sorted((float(v), float(b)) for v, b in zip(c["values"], c["upper_bound"]) if b is not None)
        if not pts:
            p.drawText(
                self.rect(),
                Qt.AlignCenter,
                QCoreApplication.translate("VariantsPanel", "Every run of this sweep failed."),
            )
            return
        area = QRectF(self.rect()).adjusted(56, 14, -14, -34)
        x0, x1 = pts[0][0], pts[-1][0]
        x1 = x1 if x1 > x0 else x0 + 1
        ticks = nice_ticks(max([c.get("demand") or 0] + [y for _, y in pts] + [y for _, y in ub]) * 1.03)
        top = ticks[-1]

        def at(x, y):
            return QPointF(area.left() + area.width() * (x - x0) / (x1 - x0), area.bottom() - area.height() * y / top)

        p.setPen(QPen(QColor("#444"), 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        p.drawLine(area.bottomLeft(), area.topLeft())
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        p.setFont(small)
        whole = ticks[1] >= 1
        for y in ticks:
            q = at(x0, y)
            if y:
                p.setPen(QPen(QColor("#e4e4e4"), 1))
                p.drawLine(q, QPointF(area.right(), q.y()))
            p.setPen(QColor("#444"))
            p.drawText(
                QRectF(0, q.y() - 8, area.left() - 6, 16),
                Qt.AlignRight | Qt.AlignVCenter,
                f"{y:,.0f}" if whole else f"{y:g}",
            )
        right = -1e9  # skip a value label that would overlap the previous one
        for x, _ in pts:
            q = at(x, 0)
            if q.x() - 30 >= right:
                p.drawText(QRectF(q.x() - 30, area.bottom() + 4, 60, 14), Qt.AlignCenter, f"{x:g}")
                right = q.x() + 30
        p.drawText(QRectF(area.left(), area.bottom() + 18, area.width(), 14), Qt.AlignCenter, c["label"])
        demand = c.get("demand")
        if demand:
            p.setPen(QPen(QColor("#c0392b"), 1, Qt.DashLine))
            p.drawLine(at(x0, demand), at(x1, demand))
            p.drawText(
                at(x0, demand) + QPointF(4, -4),
                QCoreApplication.translate("VariantsPanel", "demand {n}").format(n=group_digits(demand)),
            )
        for series, pen in ((ub, QPen(QColor("#999"), 1.5, Qt.DashLine)), (pts, QPen(QColor("#1f5fa8"), 2.5))):
            if not series:
                continue
            path = QPainterPath(at(*series[0]))
            for x, y in series[1:]:
                path.lineTo(at(x, y))
            p.setPen(pen)
            p.drawPath(path)
        p.setBrush(QColor("#1f5fa8"))
        for x, y in pts:
            p.drawEllipse(at(x, y), 3, 3)


def variant_routes(base_plan, variant, net, progress=None) -> dict:
    """Routes of the base plan and of one variant (for drawing one over the other); runs in a worker.

    ``progress`` may raise :class:`planner.errors.Cancelled` (the planner clicked another variant meanwhile).
    """
    progress = progress or null_progress
    plan = apply_variant(base_plan, variant)
    base = route_plan(base_plan, net, progress=scaled(progress, 0.0, 0.5))
    routes = route_plan(plan, net, progress=scaled(progress, 0.5, 1.0))

    def summary(pr):
        return {
            f"{p}->{d}": {
                "pickup": p,
                "destination": d,
                "time_s": r.time_s,
                "checkpoints": r.checkpoint_ids,
                "nodes": route_fingerprint(r.route_nodes),
            }
            for (p, d), r in pr.routes.items()
        }

    changed = route_changes({"routes": summary(base)}, {"routes": summary(routes)})
    return {"variant": variant.name, "base": base, "routes": routes, "changed": changed}
