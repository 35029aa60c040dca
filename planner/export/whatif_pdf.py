"""The what-if PDF: a comparison page (KPIs side by side, changed routes) and one chart page per sweep.

A4 landscape, DejaVu Sans embedded (:mod:`planner.export.fonts`), charts drawn
with reportlab graphics. Reads only the JSON report of
:func:`planner.whatif.run_whatif`, so it can also be made from a saved report.
"""

from __future__ import annotations

from planner.export.common import atomic_path
from planner.export.fonts import BOLD, REGULAR, register_fonts
from planner.whatif.compare import (
    format_delta,
    format_value,
    route_change_text,
    sweep_sentence,
)

#: Run columns per table block (more runs continue in a second block).
COLUMNS_PER_BLOCK = 6


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=9.6),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=9.5, alignment=2),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=8, leading=9.5, alignment=2),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=15, leading=19, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3),
    }


def _esc(text) -> str:
    from xml.sax.saxutils import escape

    return escape(str(text))


def _comparison_tables(cmp, st):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    rows = cmp["rows"] + cmp["unserved"]
    out = []
    cols = cmp["columns"]
    for start in range(0, len(cols), COLUMNS_PER_BLOCK):
        idx = list(range(start, min(len(cols), start + COLUMNS_PER_BLOCK)))
        if start and 0 not in idx:
            idx = [0] + idx  # the base column in every block
        data = [[Paragraph("", st["head"])] + [Paragraph(_esc(cols[i]), st["head"]) for i in idx]]
        for row in rows:
            key = row.get("key", "")
            line = [Paragraph(_esc(row["label"]), st["body"])]
            for i in idx:
                text = format_value(key, row["values"][i])
                d = format_delta(key, row["deltas"][i]) if i else ""
                if d:
                    text += f"<br/><font size=8 color='#555555'>{_esc(d)}</font>"
                line.append(Paragraph(text, st["cell"]))
            data.append(line)
        label_w = 150
        col_w = min(105, (770 - label_w) / len(idx))
        t = Table(data, colWidths=[label_w] + [col_w] * len(idx), repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f0f0f0")]),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (1, 1), (1, -1), colors.HexColor("#e4ecf7")),
                ]
            )
        )
        out.append(t)
    return out


def sweep_chart(curve, width=720, height=300):
    """A reportlab Drawing: people out (and upper bound) against the swept value, with the demand as a line."""
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Drawing, Line, String
    from reportlab.lib import colors

    pts = [(float(v), float(e)) for v, e in zip(curve["values"], curve["evacuated"]) if e is not None]
    ub = [(float(v), float(b)) for v, b in zip(curve["values"], curve["upper_bound"]) if b is not None]
    d = Drawing(width, height)
    if not pts:
        d.add(String(10, height / 2, "every run of this sweep failed", fontName=REGULAR, fontSize=10))
        return d
    pts.sort()
    ub.sort()
    lp = LinePlot()
    lp.x, lp.y, lp.width, lp.height = 60, 45, width - 90, height - 70
    lp.data = [pts, ub] if ub else [pts]
    lp.lines[0].strokeColor = colors.HexColor("#1f5fa8")
    lp.lines[0].strokeWidth = 2
    lp.lines[0].symbol = _marker()
    if ub:
        lp.lines[1].strokeColor = colors.HexColor("#999999")
        lp.lines[1].strokeDashArray = (4, 3)
    demand = curve.get("demand") or 0
    top = max([demand] + [p[1] for p in pts] + [b[1] for b in ub])
    lp.yValueAxis.valueMin = 0
    lp.yValueAxis.valueMax = top * 1.08 if top else 1
    xs = [p[0] for p in pts]
    lp.xValueAxis.valueMin, lp.xValueAxis.valueMax = min(xs), max(xs) if max(xs) > min(xs) else min(xs) + 1
    for axis in (lp.xValueAxis, lp.yValueAxis):
        axis.labels.fontName = REGULAR
        axis.labels.fontSize = 8
    d.add(lp)
    if demand and lp.yValueAxis.valueMax:
        y = lp.y + lp.height * demand / lp.yValueAxis.valueMax
        d.add(Line(lp.x, y, lp.x + lp.width, y, strokeColor=colors.HexColor("#c0392b"), strokeDashArray=(2, 2)))
        d.add(
            String(
                lp.x + lp.width - 4,
                y + 3,
                f"demand {demand}",
                fontName=REGULAR,
                fontSize=8,
                fillColor=colors.HexColor("#c0392b"),
                textAnchor="end",
            )
        )
    d.add(String(lp.x + lp.width / 2, 12, curve["label"], fontName=REGULAR, fontSize=9, textAnchor="middle"))
    d.add(
        String(lp.x + 4, lp.y + lp.height + 8, "people out (solid), upper bound (dashed)", fontName=REGULAR, fontSize=8)
    )
    return d


def _marker():
    from reportlab.graphics.widgets.markers import makeMarker

    m = makeMarker("FilledCircle")
    m.size = 4
    return m


def _sweep_table(curve, st):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    head = ["value", "people out", "upper bound", "finish", "buses used"]
    data = [[Paragraph(h, st["head"]) for h in head]]
    for i, v in enumerate(curve["values"]):
        cells = [
            str(v),
            format_value("evacuated", curve["evacuated"][i]),
            format_value("upper_bound", curve["upper_bound"][i]),
            format_value("finish", curve["finish"][i]),
            format_value("buses_used", (curve.get("buses_used") or [None] * (i + 1))[i]),
        ]
        data.append([Paragraph(_esc(c), st["cell"]) for c in cells])
    t = Table(data, colWidths=[80] * 5, repeatRows=1)
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]))
    return t


def build_story(report):
    """The flowables of the what-if PDF (comparison page, then one page per sweep)."""
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    st = _styles()
    cmp = report["comparison"]
    net = report.get("network") or {}
    story = [
        Paragraph(f"What-if: {_esc(report['plan'])}", st["h1"]),
        Paragraph(
            f"Road network {_esc(net.get('name'))} (sha256 {_esc((net.get('sha256') or '')[:12])}). "
            "Changes against the base in brackets; finish changes in minutes. "
            "Map data © OpenStreetMap contributors.",
            st["small"],
        ),
        Spacer(1, 6),
    ]
    story += _comparison_tables(cmp, st)
    changed = [(name, chs) for name, chs in cmp["routes"].items() if chs]
    if changed:
        story.append(Paragraph("Routes that changed", st["h2"]))
        for name, chs in changed:
            story.append(Paragraph(f"<b>{_esc(name)}</b>", st["body"]))
            for ch in chs:
                story.append(Paragraph("&nbsp;&nbsp;" + _esc(route_change_text(ch)), st["body"]))
    if cmp["errors"]:
        story.append(Paragraph("Variants that could not be computed", st["h2"]))
        for name, err in cmp["errors"].items():
            story.append(Paragraph(f"<b>{_esc(name)}</b>: {_esc(err)}", st["body"]))
    for curve in report.get("sweeps", []):
        story += [
            PageBreak(),
            Paragraph(f"Sweep: {_esc(curve['name'])}", st["h1"]),
            Paragraph(_esc(sweep_sentence(curve)), st["body"]),
            Spacer(1, 6),
            sweep_chart(curve),
            Spacer(1, 8),
            _sweep_table(curve, st),
        ]
    return story


def write_whatif_pdf(report, path):
    """Write the what-if report as a PDF (A4 landscape) atomically; return the path.

    Raises
    ------
    planner.export.common.ExportError
        When the file cannot be written (the message names the path).
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()

    def footer(canv, doc):
        canv.saveState()
        canv.setFont(REGULAR, 8)
        canv.drawString(12 * mm, 7 * mm, f"evacplan what-if · {report['plan']} · page {doc.page}")
        canv.restoreState()

    with atomic_path(path) as tmp:
        doc = SimpleDocTemplate(
            tmp,
            pagesize=landscape(A4),
            leftMargin=12 * mm,
            rightMargin=12 * mm,
            topMargin=12 * mm,
            bottomMargin=12 * mm,
            title=f"What-if: {report['plan']}",
            author="evacplan",
        )
        doc.build(build_story(report), onFirstPage=footer, onLaterPages=footer)
    return path
