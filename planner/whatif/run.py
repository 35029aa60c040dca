"""Running variants: one deterministic evaluation, three ways to run many.

:func:`evaluate` turns (base plan dict, changes) into a small JSON-ready
result: the schedule's KPIs, unserved people by reason and a fingerprint of
every loaded route. :func:`run_jobs` runs a list of jobs

- ``"inprocess"``: one after the other in this process;
- ``"process"``: in a ``concurrent.futures.ProcessPoolExecutor`` (spawned
  workers; each loads the road network from the store by name, once);
- ``"dask"``: on an existing ``dask.distributed`` cluster (its workers need
  this package and the network in their store).

Workers get the plan as its JSON dict and the network's store name and
hash, never pickled objects from files. The scheduler has no wall-clock
budget (its work is limited by counts that depend on the plan's size), so the
numbers are identical whichever way they ran.
"""

from __future__ import annotations

import hashlib
import os
import signal
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from planner.errors import Cancelled, EvacplanError, NetworkError
from planner.plan import ERROR, plan_from_dict, validate
from planner.progress import null_progress
from planner.whatif.changes import apply_changes

MODES = ("inprocess", "process", "dask")

#: Engine options a job may set; all keep the evaluation deterministic.
DEFAULT_ENGINE = {"improve": True, "buses_needed": True}


# ---------------------------------------------------------------- one evaluation


def schedule_deterministic(plan, net, *, improve=True, buses_needed=True, progress=None):
    """:func:`planner.schedule.schedule_plan` (a pure function of its input: no wall-clock budget), and its routes.

    Returns
    -------
    (Schedule, dict)
        The schedule and ``profile key -> PlanRoutes`` (routed once, passed to the scheduler).
    """
    from planner.progress import scaled
    from planner.schedule import schedule_plan
    from planner.schedule.build import plan_fleet, route_all

    progress = progress or null_progress
    routes = route_all(plan, net, plan_fleet(plan), scaled(progress, 0.0, 0.3))
    sched = schedule_plan(
        plan,
        net,
        progress=scaled(progress, 0.3, 1.0),
        improve=improve,
        buses_needed=buses_needed,
        routes_by_profile=routes,
    )
    return sched, routes


def _route_profile(plan, routes_by_profile):
    """The profile whose routes a variant's route comparison uses: the fleet's most common, else the first."""
    from planner.schedule.build import plan_fleet, profile_key

    keys = [profile_key(v.profile) for v in plan_fleet(plan)]
    known = [k for k in keys if k in routes_by_profile]
    if known:
        return max(sorted(set(known)), key=known.count)
    return sorted(routes_by_profile)[0]


def route_fingerprint(route_nodes) -> str:
    """A short hash of a route's OSM node sequence: equal fingerprints, same route."""
    h = hashlib.sha1(",".join(str(int(n)) for n in route_nodes).encode())
    return h.hexdigest()[:16]


def summarize(job, plan, sched, routes_by_profile) -> dict:
    """The JSON-ready result of one job: KPIs, unserved by reason, route fingerprints, problems."""
    k = sched.kpis
    vehicles = {t.vehicle for t in sched.trips}
    buses = {t.vehicle for t in sched.trips if not t.stretcher_places}
    unserved = {}
    for u in sched.unserved:
        unserved[u.reason] = unserved.get(u.reason, 0) + int(u.people)
    key = _route_profile(plan, routes_by_profile)
    pr = routes_by_profile[key]
    routes = {}
    for p in plan.pickups:
        for d in plan.destinations:
            r = pr.routes.get((p.id, d.id))
            routes[f"{p.id}->{d.id}"] = {
                "pickup": p.id,
                "destination": d.id,
                "time_s": None if r is None else round(float(r.time_s), 1),
                "length_m": None if r is None else round(float(r.length_m), 1),
                "checkpoints": [] if r is None else list(r.checkpoint_ids),
                "nodes": None if r is None else route_fingerprint(r.route_nodes),
            }
    return {
        **_job_head(job),
        "error": None,
        "kpis": {
            "demand": int(k.demand),
            "evacuated": int(k.evacuated),
            "upper_bound": int(k.upper_bound),
            "gap": round(k.gap, 4),
            "finish": None if k.finish is None else k.finish.isoformat(timespec="seconds"),
            "vehicle_km": round(k.vehicle_km, 1),
            "seat_use": round(k.seat_use, 3),
            "convoys": int(k.convoys),
            "mean_convoy_size": round(k.mean_convoy_size, 2),
            "trips": len(sched.trips),
            "vehicles_used": len(vehicles),
            "buses_used": len(buses),
            "fleet": sum(d.n_vehicles for d in plan.depots),
        },
        "unserved": dict(sorted(unserved.items())),
        "buses_needed": dict(sched.buses_needed) or None,
        "window": {
            "start": sched.window_start.isoformat(timespec="seconds"),
            "end": sched.window_end.isoformat(timespec="seconds"),
        },
        "route_profile": key,
        "routes": routes,
        "problems": [p["message"] for p in sched.routing_problems],
    }


def _job_head(job) -> dict:
    return {k: job.get(k) for k in ("name", "kind", "sweep", "value")}


def evaluate(plan_dict, job, net, *, progress=None) -> dict:
    """Evaluate one job on the base plan dict: apply its changes to a fresh plan, schedule, summarise.

    Parameters
    ----------
    plan_dict : dict
        The base plan as :func:`planner.plan.plan_to_dict` gives it (never modified).
    job : dict
        ``name``, ``kind`` (base, variant or sweep), ``sweep``, ``value``,
        ``changes`` (list of change dicts) and ``engine`` options.
    net : planner.network.RoadNetwork

    Returns
    -------
    dict
        See :func:`summarize`; a plan the changes make invalid (or that cannot
        be computed) gives ``{"error": message, ...}`` instead of KPIs.
    """
    engine = {**DEFAULT_ENGINE, **(job.get("engine") or {})}
    try:
        plan = plan_from_dict(plan_dict)
        apply_changes(plan, job.get("changes", []), variant_name=job.get("name", "variant"))
        errors = [p.message for p in validate(plan) if p.severity == ERROR]
        if errors:
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise EvacplanError(f"the plan of variant {job.get('name')!r} is not valid: {errors[0]}{more}")
        sched, routes_by_speed = schedule_deterministic(
            plan, net, improve=engine["improve"], buses_needed=engine["buses_needed"], progress=progress
        )
    except Cancelled:
        raise
    except EvacplanError as exc:
        return {**_job_head(job), "error": str(exc)}
    return summarize(job, plan, sched, routes_by_speed)


# ---------------------------------------------------------------- workers

_NETWORKS: dict = {}  # per worker process: store name -> RoadNetwork


def worker_network(name, sha256=None):
    """The network ``name`` from this process's store, loaded once per process; checks the hash."""
    net = _NETWORKS.get(name)
    if net is None:
        from planner.network import demo_network, load_network
        from planner.store import DEMO_NAME

        try:
            net = load_network(name)
        except NetworkError:
            if name != DEMO_NAME:
                raise
            net = demo_network()
        _NETWORKS[name] = net
    if sha256 and net.sha256 != sha256:
        raise NetworkError(
            f"network {name!r} in the store of worker {os.getpid()} has hash {net.sha256[:12]}, "
            f"the base plan's runs used {sha256[:12]}: import the same extract on every worker"
        )
    return net


def evaluate_in_worker(plan_dict, network_name, sha256, job) -> dict:
    """Worker entry point (process pool and Dask): load the network by name, then :func:`evaluate`."""
    return evaluate(plan_dict, job, worker_network(network_name, sha256))


# ---------------------------------------------------------------- runners


def run_jobs(plan_dict, jobs, net, *, mode="process", workers=None, address=None, progress=None) -> list:
    """Evaluate every job; results in job order, identical whichever ``mode`` ran them.

    Parameters
    ----------
    plan_dict : dict
        The base plan's file dict.
    jobs : list of dict
        See :func:`evaluate`.
    net : planner.network.RoadNetwork
        Used as is in-process; workers load the store entry of the same name and hash.
    mode : {"inprocess", "process", "dask"}
    workers : int, optional
        Worker processes for ``"process"`` (default: the machine's cores, at most one per job).
    address : str or object, optional
        Dask scheduler address (``"tcp://host:8786"``) or a cluster object, for ``"dask"``.
    progress : callable, optional
        ``progress(fraction, message)``; may raise ``Cancelled`` (pending jobs are dropped).
    """
    progress = progress or null_progress
    if mode not in MODES:
        raise EvacplanError(f"unknown run mode {mode!r} (one of {', '.join(MODES)})")
    if not jobs:
        return []
    if mode == "inprocess":
        out = []
        for i, job in enumerate(jobs):
            progress(i / len(jobs), f"variant {job['name']}")
            out.append(evaluate(plan_dict, job, net))
        progress(1.0, f"{len(jobs)} runs done")
        return out
    if mode == "process":
        return _run_pool(plan_dict, jobs, net, workers, progress)
    return _run_dask(plan_dict, jobs, net, address, progress)


def _collect(futures, jobs, progress, completed):
    """Results of ``futures`` (one per job) in job order; ``completed`` yields them as they finish."""
    out = [None] * len(jobs)
    index = {f: i for i, f in enumerate(futures)}
    progress(0.0, f"{len(jobs)} runs started")
    for n, f in enumerate(completed, 1):
        out[index[f]] = f.result()
        progress(n / len(jobs), f"{n} of {len(jobs)} runs done")
    return out


def _run_pool(plan_dict, jobs, net, workers, progress):
    import multiprocessing

    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    # Spawned, not forked: the GUI calls this from a Qt process with threads.
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
    try:
        # The workers start with Ctrl+C blocked (they inherit the mask): the terminal's SIGINT goes to the
        # whole process group, and a worker hit while it is still starting prints a fatal error; this
        # process handles Ctrl+C and stops them (below). A Ctrl+C meanwhile arrives when unblocked.
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            futures = [pool.submit(evaluate_in_worker, plan_dict, net.name, net.sha256, job) for job in jobs]
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
        return _collect(futures, jobs, progress, as_completed(futures))
    except BrokenProcessPool as exc:
        pool.shutdown(wait=False, cancel_futures=True)
        raise EvacplanError(f"a what-if worker process stopped unexpectedly (out of memory?): {exc}") from None
    except BaseException:
        # Ctrl+C or Cancel: stop the runs in progress now rather than wait for them (tens of seconds);
        # the processes are taken before shutdown() forgets them.
        procs = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            proc.terminate()
        raise
    finally:
        pool.shutdown(wait=True)


def _run_dask(plan_dict, jobs, net, address, progress):
    try:
        from dask.distributed import Client
        from dask.distributed import as_completed as dask_completed
    except ImportError:  # Dask is an optional extra
        raise EvacplanError("--dask needs Dask, which is not installed: pip install 'evacplan[dask]'") from None
    if address is None:
        raise EvacplanError("give the Dask scheduler address (like tcp://10.0.0.5:8786)")
    try:
        client = Client(address, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise EvacplanError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    futures = []
    try:
        [plan_f] = client.scatter([plan_dict], broadcast=True)  # a list: a dict would scatter per key
        futures = [client.submit(evaluate_in_worker, plan_f, net.name, net.sha256, job, pure=False) for job in jobs]
        with client.as_current():  # as_completed looks for the current client
            return _collect(futures, jobs, progress, dask_completed(futures))
    except BaseException:
        client.cancel(futures)
        raise
    finally:
        client.close()
