"""The linear programs of the bound (:mod:`.cuts`, :mod:`.bound`, :mod:`.flowcut`).

Most are small (tens to a few thousand columns) and solved in milliseconds;
what cost was loading a solver and feeding it: ``scipy.optimize`` takes 0.3 to
0.5 s to import, OR-Tools a tenth of it, and a program passed one coefficient
at a time through ``pywraplp`` took longer to fill than to solve. So every
program goes to GLOP (OR-Tools' deterministic simplex) through its model
builder, which takes the whole sparse matrix in one call
(``fill_model_from_sparse_data``): on the benchmark plans four times faster
than before (``pywraplp``, and HiGHS through :func:`scipy.optimize.linprog`
above 30,000 coefficients), with the same floored optima. The callers floor
the optimum (people) after a small tolerance.
"""

from __future__ import annotations

import math
from typing import Any

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
    return lp_solution(c, A, hi, lo, upper)[0]


def lp_solution(c, A, hi, lo=None, upper=None) -> tuple:
    """:func:`lp_min`'s program: ``(optimum, x, row duals)``, all ``None`` when it is not solved."""
    from ortools.linear_solver.python import model_builder_helper as mbh
    from scipy.sparse import csr_matrix

    c = np.asarray(c, dtype=float)
    n = len(c)
    A = csr_matrix(A, dtype=float)
    A.sum_duplicates()
    hi = np.asarray(hi, dtype=float)
    lo = np.full(len(hi), -np.inf) if lo is None else np.asarray(lo, dtype=float)
    ub = np.full(n, np.inf)
    if upper is not None:
        ub = np.array([np.inf if u is None or not math.isfinite(u) else float(u) for u in upper], dtype=float)
    model: Any = mbh.ModelBuilderHelper()  # its stubs type the arrays oddly (``ndarray[float64, ...]``)
    model.fill_model_from_sparse_data(np.zeros(n), ub, c, lo, hi, A)
    solver = mbh.ModelSolverHelper("glop")
    solver.solve(model)
    if solver.status() != mbh.SolveStatus.OPTIMAL:
        return None, None, None
    return float(solver.objective_value()), np.asarray(solver.variable_values()), np.asarray(solver.dual_values())


__all__ = ["lp_min", "lp_solution"]
