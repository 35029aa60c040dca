"""The linear programs of the bound (:mod:`.cuts`, :mod:`.bound`), solved with GLOP (OR-Tools).

They are small (tens to a few thousand columns) and solved in milliseconds; what
cost was loading a solver: ``scipy.optimize`` takes 0.2 to 0.4 s to import,
OR-Tools' linear solver a third of that, so a schedule computed once (the command
line, the first one in the GUI) is that much sooner. GLOP is a deterministic
primal-dual simplex; the callers floor the optimum (people) after adding 1e-6.
"""

from __future__ import annotations

import math

import numpy as np


def lp_min(c, A, hi, lo=None, upper=None) -> float | None:
    """The least ``c @ x`` subject to ``lo <= A @ x <= hi`` and ``0 <= x <= upper``.

    Parameters
    ----------
    c : array_like, shape (n,)
    A : array_like or scipy.sparse matrix, shape (m, n)
    hi, lo : array_like, shape (m,)
        Row bounds (``lo`` default: no lower bound; ``-inf``/``inf`` for none).
    upper : sequence, optional
        Column upper bounds, ``None`` for none (default: none).

    Returns
    -------
    float or None
        The optimum, or ``None`` when the program is infeasible, unbounded or not solved.
    """
    from ortools.linear_solver import pywraplp

    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:  # pragma: no cover - GLOP is part of every OR-Tools build
        return None
    inf = solver.infinity()
    c = np.asarray(c, dtype=float)
    n = len(c)
    ub = [inf] * n if upper is None else [inf if u is None or not math.isfinite(u) else float(u) for u in upper]
    x = [solver.NumVar(0.0, ub[j], "") for j in range(n)]
    if hasattr(A, "tocsr"):
        A = A.tocsr()
        A.sum_duplicates()
        indptr, indices, data = A.indptr, A.indices, A.data
        rows = [(indices[indptr[i] : indptr[i + 1]], data[indptr[i] : indptr[i + 1]]) for i in range(A.shape[0])]
    else:
        A = np.asarray(A, dtype=float)
        rows = []
        for r in A:
            nz = np.flatnonzero(r)
            rows.append((nz, r[nz]))
    m = len(rows)
    lo = [-inf] * m if lo is None else list(lo)
    for i, (cols, vals) in enumerate(rows):
        a = float(lo[i])
        b = float(hi[i])
        ct = solver.RowConstraint(a if math.isfinite(a) else -inf, b if math.isfinite(b) else inf, "")
        for j, v in zip(cols.tolist(), vals.tolist()):
            ct.SetCoefficient(x[j], v)
    obj = solver.Objective()
    for j in np.flatnonzero(c).tolist():
        obj.SetCoefficient(x[j], float(c[j]))
    obj.SetMinimization()
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return None
    return float(obj.Value())


__all__ = ["lp_min"]
