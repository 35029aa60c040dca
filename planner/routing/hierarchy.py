"""A core contraction hierarchy of the turn graph, for many-to-many travel-time matrices.

The edge states of :class:`planner.turngraph.TurnGraph` are contracted one
by one, cheapest first (a lazy priority: shortcuts added minus arcs removed),
until a small core is left. Each contracted state keeps its arcs to the
states still left ("up" arcs forwards, "down" arcs backwards), and a shortcut
``p -> q`` replaces every ``p -> x -> q`` through it unless an arc ``p -> q``
is as fast already (no witness search: the hierarchy stays exact, only
larger). The core keeps its own arcs.

A matrix query (:func:`hierarchy_matrix`) is then one ``csgraph.dijkstra``
call on the up arcs and the core from every source, one on the down arcs and
the core from every target, and the best meeting: at a contracted state both
reach (a sparse join) or at a core state (a dense minimum over the core).
The searches cover a few dozen states each (run on the few thousand the
sources can reach at all), against the twelve thousand of the turn graph.

Every arc carries, beside its search weight (seconds with the destination
penalty), the seconds and metres of the edges it stands for, so the matrix
reports the same times (penalties left out) and lengths as the full search.
Building takes about 0.2 s on the Neubrandenburg bus graph (Python loops),
so :func:`planner.routing.travel_matrix` builds it only for larger matrices
and keeps it on the turn graph.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import breadth_first_order, dijkstra

#: Contraction stops when this many states are left (the dense meeting is over the core)...
MIN_CORE = 64
#: ... or when the cheapest state left would add more shortcuts than this.
MAX_SHORTCUT_GAIN = 1000
#: A core larger than this makes the dense meeting (sources x targets x core) cost more than
#: the tree search: no hierarchy then.
MAX_CORE = 256
#: Turn graphs with more edge states than this get no hierarchy: without witness searches the
#: contraction fills in too much (Neubrandenburg with every highway class, 29,000 states, stops
#: at a core of 2,190 after 7 s). The bus graphs of the bundled and test extracts have 3,000-9,000.
MAX_STATES = 20_000


@dataclass
class Hierarchy:
    """A core contraction hierarchy over the edge states of a turn graph.

    Attributes
    ----------
    n : int
        Edge states (``tg.source0``); sources and sinks are added per query.
    up : csr_matrix
        (n, n) seconds with penalties: the arcs from each contracted state to
        states contracted later or in the core.
    down : csr_matrix
        (n, n) the same backwards: ``down[x, y]`` is the arc ``y -> x``.
    up_t, up_l, down_t, down_l : np.ndarray
        Seconds without penalty and metres of each stored arc of ``up`` / ``down``.
    core : np.ndarray
        Core states; ``core_pos[state]`` is a state's place in ``core`` (``-1`` if contracted).
    core_w, core_t, core_l : np.ndarray
        (K, K) least weight from core state to core state, and the seconds and metres along it.
    state_t, state_l : np.ndarray
        Seconds and metres of each state's own edge (what an arc into it costs, penalty aside).
    """

    n: int
    up: csr_matrix
    up_t: np.ndarray
    up_l: np.ndarray
    down: csr_matrix
    down_t: np.ndarray
    down_l: np.ndarray
    core: np.ndarray
    core_pos: np.ndarray
    core_w: np.ndarray
    core_t: np.ndarray
    core_l: np.ndarray
    state_t: np.ndarray
    state_l: np.ndarray


def _arcs(graph, n, sec_t, sec_l):
    """(tail, head, weight, seconds, metres) of the arcs among the first ``n`` states of a csr graph."""
    g = graph[:n, :n].tocoo()
    return g.row.astype(np.int64), g.col.astype(np.int64), g.data, sec_t[g.col], sec_l[g.col]


def build_hierarchy(tg, edge_length) -> Hierarchy | None:
    """Contract the edge states of ``tg`` (a :class:`~planner.turngraph.TurnGraph`).

    Parameters
    ----------
    tg : TurnGraph
    edge_length : np.ndarray
        Metres of every network edge.

    Returns
    -------
    Hierarchy, or ``None`` when the graph is too large for one (:data:`MAX_STATES`,
    :data:`MAX_CORE`): the tree search is the faster way there.
    """
    n = tg.source0
    if n > MAX_STATES:
        return None
    se = tg.state_edge[:n]
    sec_t = np.where(se >= 0, tg.edge_time[se], 0.0)
    sec_l = np.where(se >= 0, edge_length[se], 0.0)
    a, b, w, t, ln = _arcs(tg.graph, n, sec_t, sec_l)
    # out[x][y] and inn[y][x] share one [weight, seconds, metres] list per arc.
    out: list[dict[int, list]] = [{} for _ in range(n)]
    inn: list[dict[int, list]] = [{} for _ in range(n)]
    for x, y, ww, tt, ll in zip(a.tolist(), b.tolist(), w.tolist(), t.tolist(), ln.tolist()):
        if x == y:
            continue
        arc = [ww, tt, ll]
        out[x][y] = arc
        inn[y][x] = arc

    def gain(x):
        i, o = len(inn[x]), len(out[x])
        return i * o - i - o

    heap = [(gain(x), x) for x in range(n)]
    heapq.heapify(heap)
    done = np.zeros(n, dtype=bool)
    up_rows, down_rows = [], []
    left = n
    while heap and left > MIN_CORE:
        _, x = heapq.heappop(heap)
        if done[x]:
            continue
        g1 = gain(x)
        if heap and g1 > heap[0][0]:
            heapq.heappush(heap, (g1, x))
            continue
        if g1 > MAX_SHORTCUT_GAIN:
            heapq.heappush(heap, (g1, x))
            break
        ins, outs = inn[x], out[x]
        for q, arc in outs.items():
            up_rows.append((x, q, arc[0], arc[1], arc[2]))
            del inn[q][x]
        for p, arc in ins.items():
            down_rows.append((x, p, arc[0], arc[1], arc[2]))
            del out[p][x]
        for p, a1 in ins.items():
            op = out[p]
            w1, t1, l1 = a1
            for q, a2 in outs.items():
                if p == q:
                    continue
                ww = w1 + a2[0]
                cur = op.get(q)
                if cur is None:
                    arc = [ww, t1 + a2[1], l1 + a2[2]]
                    op[q] = arc
                    inn[q][p] = arc
                elif ww < cur[0]:
                    cur[0], cur[1], cur[2] = ww, t1 + a2[1], l1 + a2[2]
        out[x], inn[x] = {}, {}
        done[x] = True
        left -= 1
    core = np.flatnonzero(~done)
    if len(core) > MAX_CORE:
        return None
    core_pos = np.full(n, -1, dtype=np.int64)
    core_pos[core] = np.arange(len(core))
    up, up_t, up_l = _csr(up_rows, n)
    down, down_t, down_l = _csr(down_rows, n)
    # The core's own arcs (dense: a third of a search's work if searched) give its table.
    rows = [(int(core_pos[x]), int(core_pos[y]), *arc) for x in core.tolist() for y, arc in out[x].items()]
    cw, ct, cl = _core_tables(rows, len(core))
    return Hierarchy(n, up, up_t, up_l, down, down_t, down_l, core, core_pos, cw, ct, cl, sec_t, sec_l)


def _core_tables(rows, k):
    """(K, K) least weight among the core states, and the seconds and metres along each path."""
    g, gt, gl = _csr(rows, k)
    w, pred = dijkstra(g, directed=True, return_predecessors=True)
    r, c, tt, tl = _tree_sums(pred, _flat_keys(g), k, gt, gl)
    t = np.full((k, k), np.inf)
    ln = np.full((k, k), np.inf)
    t[r, c], ln[r, c] = tt, tl
    np.fill_diagonal(t, 0.0)
    np.fill_diagonal(ln, 0.0)
    return w, t, ln


def _csr(rows, n):
    """csr graph of (tail, head, weight, seconds, metres) rows, and its seconds and metres in csr order."""
    if not rows:
        z = np.zeros(0)
        return csr_matrix((n, n)), z, z
    arr = np.array(rows, dtype=float)
    r, c = arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64)
    order = np.lexsort((c, r))
    r, c, arr = r[order], c[order], arr[order]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(r, minlength=n), out=indptr[1:])
    return csr_matrix((arr[:, 2], c.astype(np.int32), indptr), shape=(n, n)), arr[:, 3].copy(), arr[:, 4].copy()


def _tree_sums(pred, flat, graph_n, sec_t, sec_l):
    """Seconds and metres from each row's start to every state it reached, summed up ``pred`` (rows, n).

    ``flat`` is ``tail * n + head`` of the graph's arcs, sorted, and ``sec_t``,
    ``sec_l`` their seconds and metres in that order. Returns (rows, states,
    seconds, metres) of the states reached (starts excluded).
    """
    n = graph_n
    pred = pred.ravel().astype(np.int64)
    k = np.flatnonzero(pred >= 0)
    r, c = np.divmod(k, n)
    if not len(k):
        return r, c, np.zeros(0), np.zeros(0)
    # The arc into each reached state, then sums up the trees by pointer jumping
    # (a handful of steps over the reached states, however deep the trees).
    a = np.searchsorted(flat, pred[k] * n + c)
    acc_t, acc_l = sec_t[a], sec_l[a]
    # Parent of each reached state among the reached ones (k is sorted); -1 for a start.
    parent = r * n + pred[k]
    anc = np.searchsorted(k, parent)
    anc[k[np.minimum(anc, len(k) - 1)] != parent] = -1
    live = np.flatnonzero(anc >= 0)
    while len(live):
        up = anc[live]
        acc_t[live] += acc_t[up]
        acc_l[live] += acc_l[up]
        anc[live] = anc[up]
        live = live[anc[live] >= 0]
    return r, c, acc_t, acc_l


def _flat_keys(graph):
    """``tail * n + head`` of every stored arc of a csr graph with sorted indices (sorted)."""
    tail = np.repeat(np.arange(graph.shape[0], dtype=np.int64), np.diff(graph.indptr))
    return tail * graph.shape[1] + graph.indices


def _search(graph, sec_t, sec_l, starts, start_t, start_l):
    """Dijkstra on ``graph`` (n, n) from extra start states, one csr row each (S, n).

    Runs on the states the starts can reach only (a few thousand of the
    twelve thousand): ``csgraph.dijkstra`` spends time on every state of its
    graph for every start. ``start_t``, ``start_l``: seconds and metres per
    stored arc of ``starts``. Returns (row, state, weight, seconds, metres) of
    the states reached.
    """
    n, s = graph.shape[0], starts.shape[0]
    # graph, the start rows, and a super start (row n + s) with an arc to each start.
    indptr = np.concatenate([graph.indptr, graph.nnz + starts.indptr[1:], [graph.nnz + starts.nnz + s]])
    indices = np.concatenate([graph.indices, starts.indices, n + np.arange(s)]).astype(np.int32)
    data = np.concatenate([graph.data, starts.data, np.ones(s)])
    g = csr_matrix((data, indices, indptr), shape=(n + s + 1, n + s + 1))
    keep = np.sort(breadth_first_order(g, n + s, directed=True, return_predecessors=False)[1:])
    # Every arc of a reached state leads to a reached state: take the kept rows whole.
    pos = np.zeros(n + s + 1, dtype=np.int32)
    pos[keep] = np.arange(len(keep), dtype=np.int32)
    lens = indptr[keep + 1] - indptr[keep]
    sub_ptr = np.zeros(len(keep) + 1, dtype=np.int64)
    np.cumsum(lens, out=sub_ptr[1:])
    arc = np.repeat(indptr[keep] - sub_ptr[:-1], lens) + np.arange(sub_ptr[-1])
    sub = csr_matrix((data[arc], pos[indices[arc]], sub_ptr), shape=(len(keep), len(keep)))
    at = np.concatenate([sec_t, start_t])[arc]
    al = np.concatenate([sec_l, start_l])[arc]
    first = np.searchsorted(keep, n + np.arange(s))
    w, pred = dijkstra(sub, directed=True, indices=first, return_predecessors=True)
    r, c, t, ln = _tree_sums(pred, _flat_keys(sub), sub.shape[0], at, al)
    return r, keep[c], w.ravel()[r * sub.shape[0] + c], t, ln


def hierarchy_matrix(h: Hierarchy, tg, sources, targets):
    """(S, T) seconds, metres and search weights from each source node to each target node.

    Parameters
    ----------
    h : Hierarchy
        Of ``tg``.
    tg : TurnGraph
    sources, targets : np.ndarray of int
        Node indices.
    """
    n = h.n
    S, T = len(sources), len(targets)
    # Forward: from each node's source state, over its arcs into the edge states.
    fr = tg.graph[tg.source0 + sources][:, :n].tocsr()
    fr.sort_indices()
    fs, fk, fw, ft, fl = _search(h.up, h.up_t, h.up_l, fr, h.state_t[fr.indices], h.state_l[fr.indices])
    # Backward: from a sink per target node, reached from the node's in-states. csgraph takes
    # explicit zeros for missing arcs, so the sink arcs weigh 1 s, taken off after.
    cnt = tg.in_ptr[targets + 1] - tg.in_ptr[targets]
    cols = tg.in_states[np.concatenate([np.arange(tg.in_ptr[j], tg.in_ptr[j + 1]) for j in targets.tolist()])]
    ptr = np.zeros(T + 1, dtype=np.int64)
    np.cumsum(cnt, out=ptr[1:])
    br = csr_matrix((np.ones(len(cols)), cols.astype(np.int32), ptr), shape=(T, n))
    br.sort_indices()
    z = np.zeros(br.nnz)
    bt, bk, bw, bt_s, bl = _search(h.down, h.down_t, h.down_l, br, z, z)
    bw -= 1.0

    best_w = np.full(S * T, np.inf)
    best_t = np.full(S * T, np.inf)
    best_l = np.full(S * T, np.inf)
    in_core = h.core_pos >= 0

    # Meeting at a contracted state both searches reach.
    f_nc, b_nc = np.flatnonzero(~in_core[fk]), np.flatnonzero(~in_core[bk])
    o = b_nc[np.argsort(bk[b_nc], kind="stable")]
    cb = np.bincount(bk[o], minlength=n)
    first_b = np.cumsum(cb) - cb
    m = cb[fk[f_nc]]
    total = int(m.sum())
    if total:
        i_f = np.repeat(f_nc, m)
        within = np.arange(total) - np.repeat(np.cumsum(m) - m, m)
        i_b = o[np.repeat(first_b[fk[f_nc]], m) + within]
        cand = fw[i_f] + bw[i_b]
        key = fs[i_f] * T + bt[i_b]
        np.minimum.at(best_w, key, cand)
        hit = cand == best_w[key]
        kh = key[hit]
        best_t[kh] = ft[i_f[hit]] + bt_s[i_b[hit]]
        best_l[kh] = fl[i_f[hit]] + bl[i_b[hit]]

    # Through the core: source -> entry c1 -> (core table) -> exit c2 -> target, as dense
    # minima: first over the entries (S, K, K), then over the exits (S, T, K).
    K = len(h.core)
    f_c, b_c = np.flatnonzero(in_core[fk]), np.flatnonzero(in_core[bk])
    if len(f_c) and len(b_c):
        # Seconds and metres are read only where the weight is finite.
        cw_f, ct_f, cl_f = np.full((S, K), np.inf), np.zeros((S, K)), np.zeros((S, K))
        cw_b, ct_b, cl_b = np.full((T, K), np.inf), np.zeros((T, K)), np.zeros((T, K))
        i, j = fs[f_c], h.core_pos[fk[f_c]]
        cw_f[i, j], ct_f[i, j], cl_f[i, j] = fw[f_c], ft[f_c], fl[f_c]
        i, j = bt[b_c], h.core_pos[bk[b_c]]
        cw_b[i, j], ct_b[i, j], cl_b[i, j] = bw[b_c], bt_s[b_c], bl[b_c]
        rows = np.flatnonzero(np.isfinite(cw_f).any(axis=1))
        cols = np.flatnonzero(np.isfinite(cw_b).any(axis=1))
        # (rows, K to, K from), minimum over the last axis (contiguous): the best entry per core state.
        cand = cw_f[rows][:, None, :] + np.ascontiguousarray(h.core_w.T)[None, :, :]
        c1 = np.argmin(cand, axis=2)
        r_ = np.arange(len(rows))[:, None]
        kk = np.arange(K)[None, :]
        xw = cand[r_, kk, c1]
        xt = ct_f[rows[:, None], c1] + h.core_t[c1, kk]
        xl = cl_f[rows[:, None], c1] + h.core_l[c1, kk]
        step = max(1, 250_000 // max(1, len(cols) * K))  # chunks of a few MB, kept in cache
        for lo in range(0, len(rows), step):
            r = slice(lo, lo + step)
            cand = xw[r][:, None, :] + cw_b[cols][None, :, :]
            k = np.argmin(cand, axis=2)
            mw = np.take_along_axis(cand, k[:, :, None], axis=2)[:, :, 0]
            key = (rows[r][:, None] * T + cols[None, :]).ravel()
            mw, k = mw.ravel(), k.ravel()
            better = mw < best_w[key]
            kb, kk2 = key[better], k[better]
            si, ti = kb // T, kb % T
            xi = np.searchsorted(rows, si)
            best_w[kb] = mw[better]
            best_t[kb] = xt[xi, kk2] + ct_b[ti, kk2]
            best_l[kb] = xl[xi, kk2] + cl_b[ti, kk2]

    same = (sources[:, None] == targets[None, :]).ravel()
    out_w, out_t, out_l = (np.where(same, 0.0, a).reshape(S, T) for a in (best_w, best_t, best_l))
    return out_t, out_l, out_w
