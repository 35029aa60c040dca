"""One optional slot of the flow-shop cut (:mod:`.seqcut`): its CP-SAT variables and the constraints on them alone."""

from __future__ import annotations


def slot(M, P, sp, i, kmax, cap_max, dem_s, dem_o, served, pk) -> dict:
    """One optional round of kind ``sp``: presence, lead, vehicles by class, people by class and by pickup, and
    ``m`` the most people one vehicle carries (each class's people at most ``m`` times its vehicles)."""
    s: dict = {"kind": sp["name"], "i": i}
    pres = M.NewBoolVar("")
    s["pres"] = pres
    if sp.get("fixed"):
        M.Add(pres == 1)
    # the lead profile: every member must be able to follow it
    leads = {b: M.NewBoolVar("") for b in sp["lead"]}
    M.Add(sum(leads.values()) == pres)
    m = M.NewIntVar(0, cap_max, "")
    x, ys_all, yt_all = {}, [], []
    # several classes: each class's people at most m times its own vehicles (this implies m * n >= y)
    multi = sum(1 for c in sp["cls"] if any(P.follows(c[2], b) for b in leads)) > 1
    for c, cnt in sp["cls"].items():
        ok = [v for b, v in leads.items() if P.follows(c[2], b)]
        if not ok:
            continue
        top = min(kmax, cnt)
        x[c] = M.NewIntVar(0, top, "")
        M.Add(x[c] <= top * sum(ok))
        yc = []
        if c[0] > 0:
            ys_c = M.NewIntVar(0, max(0, min(dem_o, top * c[0])), "")
            M.Add(ys_c <= c[0] * x[c])
            ys_all.append(ys_c)
            yc.append(ys_c)
        if c[1] > 0:
            yt_c = M.NewIntVar(0, max(0, min(dem_s, top * c[1])), "")
            M.Add(yt_c <= c[1] * x[c])
            yt_all.append(yt_c)
            yc.append(yt_c)
        if yc and multi:
            # no vehicle of the class carries more than m: its people at most m times its vehicles
            prod = M.NewIntVar(0, top * cap_max, "")
            M.AddMultiplicationEquality(prod, [m, x[c]])
            M.Add(prod >= sum(yc))
    s["x"] = x
    bk = [M.NewBoolVar("") for _ in range(kmax)]
    M.Add(sum(bk) == pres)
    n = sum((k + 1) * bk[k] for k in range(kmax))
    M.Add(sum(x.values()) == n)
    ys, yt = sum(ys_all), sum(yt_all)
    y = ys + yt
    if sp.get("fixed"):
        # people at most m times the vehicles, n enumerated: m = sum w_k, w_k nonzero only for n = k + 1 (the
        # LP's hull of the disjunction: full vehicles need m full whatever mix of n the LP takes). Only per
        # structure (.seqsplit): on the normal path it slows CP-SAT's search (cp-person-s: 180 -> 296)
        w = [M.NewIntVar(0, cap_max, "") for _ in range(kmax)]
        for k in range(kmax):
            M.Add(w[k] <= cap_max * bk[k])
        M.Add(sum(w) == m)
        M.Add(sum((k + 1) * w[k] for k in range(kmax)) >= y)
    elif not multi:
        # one class: its people at most m times the vehicles, enumerated by n
        for k in range(kmax):
            M.Add((k + 1) * m >= y).OnlyEnforceIf(bk[k])
    s.update(pres=pres, leads=leads, bk=bk, ys=ys, yt=yt, y=y, m=m, n=n)
    # people by pickup, seated and stretcher cases apart: a pickup a slot takes people from lies on its way
    yp, ypt, used = {}, {}, {}
    if served:
        for p in served:
            top = min(pk[p].people - pk[p].stretcher, kmax * cap_max)
            top_t = min(pk[p].stretcher, kmax * cap_max)
            used[p] = M.NewBoolVar("")
            M.AddImplication(used[p], pres)
            yp[p] = M.NewIntVar(0, top, "")
            M.Add(yp[p] <= top * used[p])
            if top_t > 0:
                ypt[p] = M.NewIntVar(0, top_t, "")
                M.Add(ypt[p] <= top_t * used[p])
        M.Add(sum(yp.values()) == ys)
        M.Add(sum(ypt.values()) == yt)
    s["yp"], s["ypt"], s["used"] = yp, ypt, used
    return s
