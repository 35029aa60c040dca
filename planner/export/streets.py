"""The streets a driver follows: real turns only, named roads, checkpoints at their kilometre.

:func:`street_steps` turns a leg (consecutive network edges) into the lines of a
driver card's turn list:

- consecutive edges of one street merge; a short unnamed piece, a short piece of
  the same road under its bare ref, or a short piece between two stretches of one
  street fold into the street before it;
- a change of street name without a turn (under 25°) is no new line: the street
  before it reads "A, then B";
- an unnamed road is named after where it leads: "service road to <next street>"
  (or "from <previous street>" at the end of a leg);
- the checkpoints the convoy passes are lines of their own at their kilometre.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from planner.export.common import _net_cache, edges_xy

#: Unnamed pieces shorter than this (m) are folded into the street before them.
SHORT_UNNAMED_M = 120.0

#: Street names on one line of the turn list at most ("A, then B, then C").
MAX_NAMES = 3

#: How an unnamed road of an OSM highway class is called (English; translated by planner.i18n).
CLASS_WORD = {
    "motorway": "motorway",
    "trunk": "trunk road",
    "primary": "main road",
    "secondary": "road",
    "tertiary": "road",
    "residential": "street",
    "living_street": "street",
    "service": "service road",
    "unclassified": "road",
}
#: Turn keys, English words (translated by planner.i18n).
TURN_WORDS = {
    "start": "start on",
    "straight": "straight on",
    "bear_left": "bear left",
    "bear_right": "bear right",
    "left": "turn left",
    "right": "turn right",
    "sharp_left": "sharp left",
    "sharp_right": "sharp right",
    "uturn": "U-turn",
    "checkpoint": "checkpoint",
}


@dataclass
class Step:
    """One line of a turn list.

    ``turn``: a key of :data:`TURN_WORDS`; ``names``: the street names driven on
    this line (one, or "A, then B" when a name changes without a turn); an unnamed
    road has ``names == []`` and ``road`` its class word with ``toward``/``away``
    the named street it leads to or comes from. ``checkpoint``: the checkpoint id
    of a checkpoint line. Distances in metres from the start of the leg.
    """

    turn: str
    start_m: float
    length_m: float
    names: list = field(default_factory=list)
    road: str = "road"
    toward: str = ""
    away: str = ""
    checkpoint: str = ""

    @property
    def street(self) -> str:
        """The line's street in English ("A, then B", "service road to A", "checkpoint CP1")."""
        return step_label(self, lambda s, **kw: s.format(**kw) if kw else s)


def step_label(step: Step, tr) -> str:
    """The street of ``step`` as printed, with ``tr`` (a :class:`planner.i18n.Translator`) for the words."""
    if step.checkpoint:
        return step.checkpoint
    if step.names:
        return tr(", then ").join(step.names)
    road = tr(step.road)
    if step.toward:
        return tr("{road} to {street}", road=road, street=step.toward)
    if step.away:
        return tr("{road} from {street}", road=road, street=step.away)
    return tr("unnamed {road}", road=road)


def _label(net, e: int) -> tuple:
    """``(name, class word)`` of edge ``e``: ``"Name (ref)"``, the name or the ref; ``""`` when unnamed."""
    name = str(net.edge_name[e]) if len(net.edge_name) else ""
    ref = str(net.edge_ref[e]) if getattr(net, "edge_ref", None) is not None and len(net.edge_ref) else ""
    label = f"{name} ({ref})" if name and ref else (name or ref)
    hw = str(net.edge_highway[e]).replace("_link", "")
    return label, CLASS_WORD.get(hw, "road"), ref


def _heading(xy, at_end: bool, reach=25.0) -> float | None:
    """Direction (radians) of a polyline over its first/last ``reach`` metres."""
    if len(xy) < 2:
        return None
    pts = xy[::-1] if at_end else xy
    p0 = pts[0]
    d = np.hypot(*(pts[1:] - p0).T)
    j = min(int(np.searchsorted(d, reach)), len(d) - 1)
    v = pts[j + 1] - p0
    if at_end:
        v = -v
    return math.atan2(v[1], v[0])


def turn_key(h_in, h_out) -> str:
    """The turn from heading ``h_in`` to ``h_out`` (radians, counter-clockwise from east)."""
    if h_in is None or h_out is None:
        return "straight"
    a = math.degrees((h_out - h_in + math.pi) % (2 * math.pi) - math.pi)  # >0: left
    side = "left" if a > 0 else "right"
    a = abs(a)
    if a < 25:
        return "straight"
    if a < 60:
        return f"bear_{side}"
    if a < 140:
        return side
    if a < 170:
        return f"sharp_{side}"
    return "uturn"


def street_steps(net, edges, checkpoints=()) -> list:
    """The turn list of consecutive ``edges`` (see the module docstring).

    Parameters
    ----------
    net : planner.network.RoadNetwork
    edges : array of int
        Edge indices of the leg, in driving order.
    checkpoints : sequence of (id, x, y)
        Checkpoints the convoy passes on this leg, with their projected position (m);
        each becomes a line at the kilometre of the route point nearest it.

    Returns
    -------
    list of Step
        In driving order; the first line's turn is ``"start"``.
    """
    edges = [int(e) for e in np.asarray(edges, dtype=np.int64)]
    if not edges:
        return []
    cache = _net_cache(net)
    key = ("steps2", tuple(edges), tuple(checkpoints))
    if key in cache:
        return cache[key]
    runs = []  # [name, class word, first pos, last pos, length]
    refs = {}
    for j, e in enumerate(edges):
        name, word, ref = _label(net, e)
        refs[name] = ref
        ln = float(net.edge_length[e])
        if runs and runs[-1][0] == name and (name or runs[-1][1] == word):
            runs[-1][3] = j
            runs[-1][4] += ln
        else:
            runs.append([name, word, j, j, ln])
    merged = []
    for k, r in enumerate(runs):
        nxt = runs[k + 1][0] if k + 1 < len(runs) else None
        prev = merged[-1][0] if merged else None
        short = (
            r[4] < SHORT_UNNAMED_M
            and merged
            and (not r[0] or (prev and (r[0] in prev or prev in r[0])) or (nxt is not None and nxt == prev))
        )
        if merged and (short or (prev == r[0] and r[0])):
            merged[-1][3] = r[3]
            merged[-1][4] += r[4]
        else:
            merged.append(list(r))
    if len(merged) > 1 and not merged[0][0] and merged[0][4] < SHORT_UNNAMED_M:  # a short unnamed start
        merged[1][2] = merged[0][2]
        merged[1][4] += merged[0][4]
        merged.pop(0)
    steps, at, prev_last = [], 0.0, None
    for name, word, a, b, ln in merged:
        turn = (
            "start"
            if prev_last is None
            else turn_key(_heading(net.edge_coords(prev_last), True), _heading(net.edge_coords(edges[a]), False))
        )
        if turn == "straight" and steps and name and steps[-1].names:
            # the road goes on under another name: no new line; one numbered road (B 96) stays one name
            last = steps[-1]
            same_ref = refs.get(name) and refs.get(name) == refs.get(last.names[0])
            if not same_ref and last.names[-1] != name and len(last.names) < MAX_NAMES:
                last.names.append(name)
            elif not same_ref and len(last.names) >= MAX_NAMES:
                last.names[-1] = name  # the name the driver reads at the end of this line
            last.length_m += ln
        elif turn == "straight" and steps and not name and not steps[-1].names and steps[-1].road == word:
            steps[-1].length_m += ln
        else:
            steps.append(Step(turn, at, ln, [name] if name else [], word))
        at += ln
        prev_last = edges[b]
    for k, st in enumerate(steps):  # unnamed roads are named after where they lead
        if not st.names:
            st.toward = next((s.names[0] for s in steps[k + 1 :] if s.names), "")
            if not st.toward:
                st.away = next((s.names[-1] for s in reversed(steps[:k]) if s.names), "")
    if checkpoints:
        steps = _with_checkpoints(net, edges, steps, checkpoints)
    cache[key] = steps
    return steps


def _with_checkpoints(net, edges, steps, checkpoints) -> list:
    xy = edges_xy(net, edges)
    if len(xy) < 2:
        return steps
    cum = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(xy, axis=0).T))])
    total = sum(float(net.edge_length[e]) for e in edges)
    scale = total / cum[-1] if cum[-1] > 0 else 1.0  # geometry length vs edge lengths
    out = list(steps)
    for cid, x, y in checkpoints:
        j = int(np.argmin(np.hypot(xy[:, 0] - x, xy[:, 1] - y)))
        out.append(Step("checkpoint", float(cum[j] * scale), 0.0, checkpoint=cid))
    out.sort(key=lambda s: (s.start_m, s.turn != "checkpoint"))
    return out


def main_streets(steps, n=4) -> list:
    """The ``n`` longest named streets of a leg, in driving order (for a one-line route summary)."""
    named = [s for s in steps if s.names]
    top = {id(s) for s in sorted(named, key=lambda s: -s.length_m)[:n]}
    out = []
    for s in named:
        if id(s) in top and s.names[0] not in out:
            out.append(s.names[0])
    return out
