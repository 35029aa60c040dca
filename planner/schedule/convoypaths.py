"""Shortest rounds and paths of ``k``-vehicle convoys over a problem's legs, for the bound's LPs (:mod:`.cuts`).

A leg's weight for a ``k``-vehicle convoy is its drive plus the passages of ``k`` vehicles at the checkpoints
on it (on a first, empty leg only where the checkpoint checks empty vehicles): :func:`leg_service_s`, here
summed for every leg at once from one array of each leg's checkpoints (:func:`leg_checkpoints`), passage by
passage in the order the leg passes them, so the sums are the same floats. Results are kept in the bound's
memo (keys ``("leg weights", k)``, ``("round_min", k)``, ``("paths", k)``, ``"_leg_checkpoints"``; they depend
on the legs and checkpoints only, :data:`.bound.SHARED_KEYS`).
"""

from __future__ import annotations

import numpy as np

from planner.schedule.model import INF
from planner.schedule.shortest import dijkstra


def leg_service_s(P, lg, k, loaded, people=0):
    """Seconds a ``k``-vehicle convoy carrying ``people`` spends at the checkpoints of leg ``lg`` (no queue;
    empty legs: only where checked)."""
    return sum(
        P.checkpoints[c].service_s(k, people)
        for c, _ in lg.checkpoints
        if c in P.checkpoints and (loaded or P.checkpoints[c].checks_empty)
    )


def leg_checkpoints(P):
    """Per lead profile ``(ends, loaded, drive s, checkpoint columns)`` of its loaded legs (pickup to pickup or
    destination) and first legs (anywhere else to a pickup): the columns (into ``sorted(P.checkpoints)``,
    padded with one past the last) of the checkpoints a convoy is served at on the leg, in order (on a first
    leg only those checking empty vehicles)."""
    pk = {p.id for p in P.pickups}
    dests = {d.id for d in P.destinations}
    col = {c: i for i, c in enumerate(sorted(P.checkpoints))}
    empty_ok = {c: cp.checks_empty for c, cp in P.checkpoints.items()}
    out = {}
    for b, legs in P.legs.items():
        ends, loaded, drive, cols = [], [], [], []
        for (a, y), lg in legs.items():
            if a in pk and (y in pk or y in dests):
                ld = True
            elif y in pk:
                ld = False
            else:
                continue
            ends.append((a, y))
            loaded.append(ld)
            drive.append(lg.time_s)
            cols.append([col[c] for c, _ in lg.checkpoints if c in col and (ld or empty_ok[c])])
        m = max((len(x) for x in cols), default=0)
        idx = np.full((len(cols), m), len(col), dtype=np.int64)
        for i, x in enumerate(cols):
            idx[i, : len(x)] = x
        out[b] = (ends, loaded, np.array(drive, dtype=float), idx)
    return out


def leg_weights(P, k, memo):
    """Per lead profile ``[(from, to, loaded, s)]``: each loaded and first leg's drive plus its ``k``-vehicle
    passages (:func:`leg_service_s`, the same sums in the same order), kept in ``memo``."""
    key = ("leg weights", k)
    got = memo.get(key)
    if got is not None:
        return got
    base = memo.get("_leg_checkpoints")
    if base is None:
        base = memo["_leg_checkpoints"] = leg_checkpoints(P)
    svc = np.array([P.checkpoints[c].service_s(k, 0) for c in sorted(P.checkpoints)] + [0.0])
    got = {}
    for b, (ends, loaded, drive, idx) in base.items():
        acc = np.zeros(len(drive))
        for j in range(idx.shape[1]):  # passage by passage, as the sum along the leg adds them
            acc = acc + svc[idx[:, j]]
        got[b] = [(a, y, ld, w) for (a, y), ld, w in zip(ends, loaded, (drive + acc).tolist())]
    memo[key] = got
    return got


def round_min(P, k, memo):
    """Shortest round (s) of a ``k``-vehicle convoy, per formation place: drives and ``k``-vehicle passages."""
    key = ("round_min", k)
    if key in memo:
        return memo[key]
    dests = {d.id for d in P.destinations}
    out: dict = {}
    for edges in leg_weights(P, k, memo).values():
        rev: dict = {}
        first: dict = {}
        for a, b, loaded, w in edges:
            if loaded:
                rev.setdefault(b, []).append((a, w))
            else:
                first.setdefault(a, []).append((b, w))
        dist = dijkstra(dict.fromkeys(dests, 0.0), rev)
        for f, edges in first.items():
            best = min((w + dist.get(p, INF) for p, w in edges), default=INF)
            out[f] = min(out.get(f, INF), best)
    memo[key] = out
    return out


def round_mins(P, ks, memo):
    """:func:`round_min` for every convoy size of ``ks`` at once (kept in ``memo`` as it keeps them): the
    shortest loaded paths of all sizes by one Bellman-Ford over arrays (sizes x places), whose fixpoint is
    the one Dijkstra's search reaches (the same sums, ``dist[b] + w``, the same least)."""
    ks = [k for k in ks if ("round_min", k) not in memo]
    if not ks:
        return
    base = memo.get("_leg_checkpoints")
    if base is None:
        base = memo["_leg_checkpoints"] = leg_checkpoints(P)
    cids = sorted(P.checkpoints)
    svc = np.array([[P.checkpoints[c].service_s(k, 0) for c in cids] + [0.0] for k in ks])  # (sizes, cps + 1)
    dests = [d.id for d in P.destinations]
    outs: list = [{} for _ in ks]
    for ends, loaded, drive, idx in base.values():
        acc = np.zeros((len(ks), len(drive)))
        for j in range(idx.shape[1]):  # passage by passage, as :func:`leg_weights`
            acc = acc + svc[:, idx[:, j]]
        W = drive[None, :] + acc
        places = sorted({x for e in ends for x in e} | set(dests))
        at = {x: i for i, x in enumerate(places)}
        src = np.array([at[a] for a, _ in ends], dtype=np.int64)
        dst = np.array([at[b] for _, b in ends], dtype=np.int64)
        ld = np.array(loaded, dtype=bool)
        dist = np.full((len(places), len(ks)), np.inf)  # (places, sizes): s to a destination, loaded
        dist[[at[d] for d in dests]] = 0.0
        ls, lt, lw = src[ld], dst[ld], W[:, ld].T
        for _ in range(len(places) + 1):
            new = dist.copy()
            np.minimum.at(new, ls, dist[lt] + lw)
            if np.array_equal(new, dist):
                break
            dist = new
        fs, ft, fw = src[~ld], dst[~ld], W[:, ~ld].T
        best = np.full((len(places), len(ks)), np.inf)
        np.minimum.at(best, fs, fw + dist[ft])
        for f in sorted(set(fs.tolist())):
            name = places[f]
            for i in range(len(ks)):
                outs[i][name] = min(outs[i].get(name, INF), float(best[f, i]))
    for k, out in zip(ks, outs):
        memo[("round_min", k)] = out


def paths_k(P, k, memo):
    """``(out, into)`` for ``k``-vehicle convoys over every profile's legs: ``out[p]`` s from pickup ``p`` loaded
    to a destination, ``into[f][p]`` s from formation place ``f`` to pickup ``p`` (empty first leg, loaded after),
    each leg with its ``k``-vehicle passages."""
    key = ("paths", k)
    if key in memo:
        return memo[key]
    pk = {p.id for p in P.pickups}
    dests = {d.id for d in P.destinations}
    out: dict = {}
    into: dict = {}
    for edges in leg_weights(P, k, memo).values():
        rev: dict = {}
        fwd: dict = {}
        first: dict = {}
        for a, b, loaded, w in edges:
            if loaded:
                rev.setdefault(b, []).append((a, w))
                if b in pk:
                    fwd.setdefault(a, []).append((b, w))
            else:
                first.setdefault(a, []).append((b, w))
        od = dijkstra(dict.fromkeys(dests, 0.0), rev)
        for p, d in od.items():
            if p in pk:
                out[p] = min(out.get(p, INF), d)
        for f, edges in first.items():
            start: dict = {}
            for y, w in edges:
                start[y] = min(start.get(y, INF), w)
            dist = dijkstra(start, fwd)
            acc = into.setdefault(f, {})
            for p, d in dist.items():
                acc[p] = min(acc.get(p, INF), d)
    memo[key] = (out, into)
    return memo[key]
