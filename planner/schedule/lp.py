"""The linear programs of the bound (:mod:`.cuts`, :mod:`.bound`, :mod:`.flowcut`).

Most are small (tens to a few thousand columns) and solved in milliseconds;
what cost was loading a solver: ``scipy.optimize`` takes 0.2 to 0.4 s to import,
OR-Tools' linear solver (GLOP, a deterministic simplex) a third of it, so a
schedule computed once (the command line, the first one in the GUI) is that much
sooner. Programs of more than :data:`LARGE_NONZEROS` coefficients (plans of
hundreds of buses and pickups, seconds of scheduling) go to HiGHS
(:func:`scipy.optimize.linprog`), faster there than GLOP fed one coefficient at
a time. The callers floor the optimum (people) after a small tolerance; both
solvers give the same figures on the benchmark plans (optima within 1e-9).
"""

from __future__ import annotations

import math

import numpy as np

#: Coefficients above which a program is solved with HiGHS rather than GLOP.
LARGE_NONZEROS = 30_000


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
    nnz = A.nnz if hasattr(A, "nnz") else int(np.count_nonzero(A))
    if nnz > LARGE_NONZEROS:
        return _highs_min(c, A, hi, lo, upper)
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


def _highs_min(c, A, hi, lo, upper) -> float | None:
    """:func:`lp_min` with HiGHS: rows with equal bounds as equations, the others as ``<=`` rows (a lower
    bound negated)."""
    from scipy.optimize import linprog
    from scipy.sparse import csr_matrix, vstack

    A = csr_matrix(A)
    hi = np.asarray(hi, dtype=float)
    lo = np.full(len(hi), -np.inf) if lo is None else np.asarray(lo, dtype=float)
    eq = np.isfinite(lo) & (lo == hi)
    up = np.isfinite(hi) & ~eq
    down = np.isfinite(lo) & ~eq
    A_ub = vstack([A[up], -A[down]]).tocsr()
    b_ub = np.concatenate([hi[up], -lo[down]])
    bounds = (0, None) if upper is None else [(0, None if u is None or not math.isfinite(u) else u) for u in upper]
    res = linprog(
        np.asarray(c, dtype=float),
        A_ub=A_ub if A_ub.shape[0] else None,
        b_ub=b_ub if A_ub.shape[0] else None,
        A_eq=A[eq] if eq.any() else None,
        b_eq=hi[eq] if eq.any() else None,
        bounds=bounds,
        method="highs",
    )
    if res.status != 0:
        return None
    return float(res.fun)


__all__ = ["LARGE_NONZEROS", "lp_min"]
