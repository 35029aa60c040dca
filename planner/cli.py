"""The ``evacplan`` command (design section 10).

Exit codes: 0 success, 1 invalid input (the message names what and where),
2 usage. Progress goes to stderr; ``--quiet`` silences it. Each command's
handler is a small function ``cmd_<name>(args) -> int`` that calls the engine.
"""

import argparse
import json
import logging
import os
import sys

from planner import __version__
from planner.errors import EvacplanError
from planner.log import configure_logging
from planner.progress import ProgressFn, StderrProgress, null_progress

log = logging.getLogger(__name__)


def _progress(args: argparse.Namespace) -> ProgressFn:
    """A progress callback for one step of a command: lines on stderr, none with ``--quiet``."""
    return null_progress if getattr(args, "quiet", False) else StderrProgress()


def _print_json(obj):
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _check_output_folder(path):
    """Refuse an output path whose folder does not exist before any long work."""
    if path:
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise EvacplanError(f"{path}: folder {folder} does not exist")


def _check_outputs(inputs, outputs):
    """Refuse, before any work, an output that is an input, is given twice, or is a folder or device.

    ``inputs`` and ``outputs``: ``(option, path)`` pairs (path ``None`` when not given).
    A symbolic link is fine: the writers write through it to its target.
    """
    from planner.fileio import same_file

    seen = []
    for opt, out in outputs:
        if not out:
            continue
        for what, path in inputs:
            if path and same_file(out, path):
                raise EvacplanError(f"{out}: {opt} would overwrite the {what}; give another output path")
        for opt2, out2 in seen:
            if same_file(out, out2):
                raise EvacplanError(f"{out}: given to both {opt2} and {opt}; give each output its own path")
        folder_ok = opt in ("--csv", "--geojson") and os.path.isdir(out)  # these write several files into it
        if os.path.exists(out) and not os.path.isfile(out) and not folder_ok:
            raise EvacplanError(f"{out}: {opt} must be a file path, it is a folder or a device")
        _check_output_folder(out)
        seen.append((opt, out))


def _check_dask_address(address):
    """A Dask scheduler address like ``tcp://10.0.0.5:8786`` (or ``host:port``), checked before any work."""
    import re

    m = re.fullmatch(r"(?:(tcp|tls|ws|wss|ucx|inproc)://)?([A-Za-z0-9._\-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})/?", address)
    if not m or not 0 < int(m.group(3)) < 65536:
        from planner.errors import quote

        raise EvacplanError(
            f"--dask {quote(address)}: not a Dask scheduler address (like tcp://10.0.0.5:8786 or 10.0.0.5:8786)"
        )


def _check_polygon_file(path):
    """Refuse a ``--polygon`` file that is not a regular file of sane size, or holds an invalid polygon.

    A self-intersecting ring (a bow tie) has no well-defined inside: clipping
    with it would keep an arbitrary part of the extract.
    """
    import json

    import shapely
    import shapely.validation
    from shapely.geometry import shape

    from planner.fileio import read_input_bytes
    from planner.limits import MAX_AUX_BYTES

    raw = read_input_bytes(path, "the polygon file", MAX_AUX_BYTES)
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
        feats = doc.get("features") if doc.get("type") == "FeatureCollection" else [doc]
        geoms = [shape(f["geometry"] if f.get("type") == "Feature" else f) for f in feats]
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError, shapely.errors.GEOSException) as exc:
        raise EvacplanError(f"{path}: not a GeoJSON polygon ({str(exc)[:80]})") from None
    for i, g in enumerate(geoms):
        if g.geom_type in ("Polygon", "MultiPolygon") and not g.is_valid:
            why = shapely.validation.explain_validity(g)
            where = f"polygon {i + 1}: " if len(geoms) > 1 else ""
            raise EvacplanError(f"{path}: {where}not a valid polygon ({why[:80]}); draw its outline without crossings")


# ---------------------------------------------------------------- data


def cmd_data_list(args):
    from planner import network

    entries = network.list_networks(progress=_progress(args))
    if args.json:
        _print_json(entries)
        return 0
    if not entries:
        print("No networks in the store.")
        return 0
    print(f"{'name':<24} {'nodes':>7} {'edges':>7}  source")
    for e in entries:
        if "error" in e:  # listed, not fatal to the others
            print(f"{e['name']:<24} {'-':>7} {'-':>7}  broken: {e['error']}")
            continue
        c = e["counts"]
        print(f"{e['name']:<24} {c['nodes']:>7} {c['edges']:>7}  {e['source']}")
    return 0


def cmd_data_info(args):
    from planner import network

    info = network.network_info(args.name, verify=True)
    if args.json:
        _print_json(info)
        return 0
    for key in ("name", "source", "licence", "bbox", "crs", "counts", "dropped", "sha256", "created", "path"):
        if key in info:
            print(f"{key:>8}: {info[key]}")
    return 0


def cmd_data_import(args):
    from planner import network
    from planner.fileio import check_input_file

    check_input_file(args.file, "the OSM file")
    # The name first: a bad one fails at once, not after the import's work.
    network.validate_name(network.default_name(args.file) if args.name is None else args.name)
    network.store_dir()
    bbox = network.parse_bbox(args.bbox) if args.bbox else None
    if args.polygon:
        _check_polygon_file(args.polygon)
    polygon = network.read_polygon(args.polygon) if args.polygon else None
    net = network.import_osm(args.file, name=args.name, bbox=bbox, polygon=polygon, progress=_progress(args))
    network.save_network(net)
    m = net.meta
    print(
        f"Imported {m['name']}: {m['counts']['nodes']} nodes, {m['counts']['edges']} edges "
        f"({m['dropped']['nodes']} cut-off nodes dropped), sha256 {m['sha256'][:12]}"
    )
    return 0


def cmd_data_fetch(args):
    from planner import network

    if args.name is not None:
        network.validate_name(args.name)
    net = network.fetch(preset=args.preset, place=args.place, name=args.name, progress=_progress(args))
    network.save_network(net)
    m = net.meta
    print(f"Fetched {m['name']}: {m['counts']['nodes']} nodes, {m['counts']['edges']} edges")
    return 0


# ---------------------------------------------------------------- plan and compute


def cmd_check(args):
    """Validate a plan and report where its points snap; exit 0 when it can be computed."""
    from planner.plan.check import check_plan, format_check

    result = check_plan(args.plan, progress=_progress(args))
    if args.json:
        _print_json(result)
    elif result["missing_network"] and not result["problems"]:
        # The one thing wrong: say it in one line (design section 3).
        print(f"evacplan: {result['missing_network']}", file=sys.stderr)
    else:
        print(format_check(result))
    return 0 if result["computable"] else 1


def cmd_route(args):
    """Routes for every pickup of a plan: a table on stdout, the full result as JSON with --json."""
    from planner.compute import network_for_plan
    from planner.fileio import write_text_atomic
    from planner.plan import load_plan, validate_or_raise
    from planner.routing import format_routes, route_plan

    if args.alternatives < 1:
        raise EvacplanError(f"--alternatives must be at least 1, got {args.alternatives}")
    if args.between or args.pairs or args.network:
        return _route_adhoc(args)
    if not args.plan:
        raise EvacplanError("route needs a plan, or --network NAME with --between LON,LAT LON,LAT or --pairs FILE.csv")
    _check_outputs([("plan", args.plan)], [("--json", args.json)])
    plan = load_plan(args.plan)
    net = network_for_plan(plan, args.plan, progress=_progress(args))
    validate_or_raise(plan, net)
    routes = route_plan(plan, net, alternatives=args.alternatives, progress=_progress(args))
    print(format_routes(plan, routes))
    if args.json:
        out = {"plan": plan.name, **routes.to_dict()}
        write_text_atomic(args.json, json.dumps(out, ensure_ascii=False, indent=1), what="the routes")
    return 0


def _route_adhoc(args):
    """``route --network NAME --between A B`` / ``--pairs FILE``: routes without a plan."""
    from planner import network
    from planner.adhoc import parse_point, read_pairs, route_between
    from planner.fileio import write_text_atomic

    if args.plan:
        raise EvacplanError("route: give a plan or --network with --between/--pairs, not both")
    if not args.network or bool(args.between) == bool(args.pairs):
        raise EvacplanError("route --network NAME needs one of --between LON,LAT LON,LAT or --pairs FILE.csv")
    _check_outputs([("--pairs", args.pairs)] if args.pairs else [], [("--json", args.json)])
    if args.between:
        pairs = [(parse_point(args.between[0], "--between from"), parse_point(args.between[1], "--between to"))]
    else:
        from planner.fileio import check_input_file
        from planner.limits import MAX_AUX_BYTES

        check_input_file(args.pairs, "the pairs file", MAX_AUX_BYTES)  # no FIFO, device or endless file
        pairs = read_pairs(args.pairs)
    net = network.load_network(args.network)
    results = route_between(net, pairs, vehicle=args.vehicle)
    for i, r in enumerate(results, 1):
        if r.route is None:
            print(r.problem)
        else:
            print(
                f"{i}: {r.origin[0]:.6f},{r.origin[1]:.6f} -> {r.target[0]:.6f},{r.target[1]:.6f}: "
                f"{r.route.time_s / 60:.1f} min, {r.route.length_m / 1000:.2f} km, {len(r.route.route_nodes)} OSM nodes"
            )
    if args.json:
        out = {
            "network": {"name": net.name, "sha256": net.sha256},
            "vehicle": args.vehicle,
            "licence": net.meta["licence"],
            "routes": [r.to_dict() for r in results],
        }
        write_text_atomic(args.json, json.dumps(out, ensure_ascii=False, indent=1), what="the routes")
    return 0


_SCHEDULE_OUTPUTS = ("json", "pdf", "csv", "xlsx", "geojson", "gpkg", "gpx")


def _bound_seconds(text: str) -> float:
    """``--bound-seconds``: a number of seconds from 0 to 3600."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0.0 <= value <= 3600.0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text}: must be from 0 to 3600 seconds")
    return value


def cmd_schedule(args):
    """Compute the convoy schedule; print the summary; write the JSON contract (design section 10)."""
    from planner.compute import compute_plan, network_for_plan, raise_for_errors
    from planner.plan import load_plan

    _check_outputs([("plan", args.plan)], [(f"--{k}", getattr(args, k, None)) for k in _SCHEDULE_OUTPUTS])
    plan = load_plan(args.plan)
    net = network_for_plan(plan, args.plan, progress=_progress(args))
    result = compute_plan(plan, net, progress=_progress(args), bound_effort_s=args.bound_seconds)
    raise_for_errors(result, args.plan)
    sched = result.schedule
    from planner.export.common import ceil_minute
    from planner.schedule.report import convoy_sizes

    k = sched.kpis
    print(
        f"{plan.name}: {sched.evacuated} of {sched.demand} people out "
        f"(upper bound {sched.upper_bound}, gap {100 * sched.gap:.1f} %)"
    )
    sizes = ", ".join(f"{n}x{v}" for v, n in convoy_sizes(sched).items())
    print(
        f"  finish {ceil_minute(k.finish).isoformat(timespec='minutes') if k.finish else '-'}; {k.convoys} convoys "
        f"({k.mean_convoy_size:.1f} vehicles each on average; sizes {sizes or '-'}), {k.trips_total} vehicle trips; "
        f"{k.vehicle_km:.1f} vehicle-km; seat use {100 * k.seat_use:.0f} %"
    )
    need = sched.buses_needed
    if need.get("buses") is not None:
        print(f"  buses needed to move everyone in this window: {need['buses']} (plan has {need['current_buses']})")
    elif need:
        print(f"  buses needed to move everyone: {need.get('reason') or 'search ran out of time'}")
    alt = sched.without_priority_rule
    if alt:
        print(
            f"  priority rule (stretcher cases, reduced mobility, then everyone; by pickup priority): "
            f"{sched.by_group.get('stretcher', 0)} stretcher cases out; for comparison, without the rule "
            f"(most people as the only aim) {alt['evacuated']} people ({alt['by_group']['stretcher']} stretcher cases)"
        )
    for u in sched.unserved:
        print(f"  left at {u.pickup}: {u.people} ({u.reason}: {u.detail})")
    if args.json:
        sched.save_json(args.json)
        print(f"  wrote {args.json}")
    # ---- exports (planner.export; every file written atomically)
    if args.pdf or args.csv or args.xlsx or args.geojson or args.gpkg or args.gpx:
        from planner import export

        typed = sched
        written = []
        if args.pdf:
            written.append(export.write_pdf(typed, plan, net, args.pdf, lang=args.lang, progress=_progress(args)))
        if args.csv:
            written += export.write_csv(typed, plan, args.csv)
        if args.xlsx:
            written.append(export.write_xlsx(typed, plan, args.xlsx))
        if args.geojson:
            written += export.write_geojson(typed, plan, net, args.geojson)
        if args.gpkg:
            written.append(export.write_gpkg(typed, plan, net, args.gpkg))
        if args.gpx:
            written.append(export.write_gpx(typed, plan, net, args.gpx))
        for path in written:
            print(f"  wrote {path}")
    # ---- end of exports
    return 0


def cmd_whatif(args):
    """Run a plan's variants and sweeps (process pool, or a Dask cluster with --dask); print the comparison."""
    from planner.compute import network_for_plan
    from planner.plan import load_plan, validate_or_raise
    from planner.whatif import format_report, load_variants, run_whatif

    inputs = [("plan", args.plan), ("variants file", args.variants)]
    _check_outputs(inputs, [("--json", args.json), ("--pdf", args.pdf)])
    if args.dask:
        _check_dask_address(args.dask)
    plan = load_plan(args.plan)
    vset = load_variants(args.variants)
    net = network_for_plan(plan, args.plan, progress=_progress(args))
    validate_or_raise(plan, net)
    mode = "dask" if args.dask else "process"
    report = run_whatif(plan, net, vset, mode=mode, address=args.dask, progress=_progress(args))
    print(format_report(report))
    if args.json:
        from planner.export.common import write_text_atomic

        write_text_atomic(args.json, json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    if args.pdf:
        from planner.export.whatif_pdf import write_whatif_pdf

        write_whatif_pdf(report, args.pdf)
    return 0


def cmd_gui(args):
    """Open the desktop planner; ``--screenshot PNG`` computes, saves the window and exits."""
    try:
        from ui.app import run_gui
    except ImportError as exc:  # PySide6 missing or broken: say so in one line
        raise EvacplanError(f"evacplan gui: the desktop planner cannot start ({exc})") from None
    size = (1600, 1000)
    if args.size:
        try:
            w, h = (int(v) for v in args.size.lower().split("x"))
        except ValueError:
            raise EvacplanError(f"evacplan gui: --size {args.size!r} is not WIDTHxHEIGHT (e.g. 1366x768)") from None
        size = (w, h)
    return run_gui(plan=args.plan, screenshot=args.screenshot, size=size, display=args.display, before=args.before)


# ---------------------------------------------------------------- parser


class _Subparsers:
    """``add_subparsers`` whose every subcommand also takes the ``parents`` options (--quiet, --verbose)."""

    def __init__(self, action, *parents: argparse.ArgumentParser):
        self.action, self.parents = action, list(parents)

    def add_parser(self, name: str, **kwargs) -> argparse.ArgumentParser:
        return self.action.add_parser(name, parents=self.parents, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="evacplan", description="Offline evacuation convoy planner.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    p.add_argument("--verbose", "-v", action="store_true", help="diagnostic log (DEBUG) on stderr")
    # the same two options after a subcommand; SUPPRESS keeps a subcommand that omits them from resetting
    # what was given before it (``evacplan -q schedule PLAN`` and ``evacplan schedule PLAN -q`` alike)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--quiet", "-q", action="store_true", default=argparse.SUPPRESS, help="no progress on stderr")
    common.add_argument(
        "--verbose", "-v", action="store_true", default=argparse.SUPPRESS, help="diagnostic log (DEBUG) on stderr"
    )
    sub = _Subparsers(p.add_subparsers(dest="command", required=True), common)

    data = sub.add_parser("data", help="road networks: list, info, import, fetch")
    dsub = _Subparsers(data.add_subparsers(dest="data_command", required=True), common)
    d = dsub.add_parser("list", help="networks in the store")
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=cmd_data_list)
    d = dsub.add_parser("info", help="details of one stored network")
    d.add_argument("name")
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=cmd_data_info)
    d = dsub.add_parser("import", help="import an OSM file (.osm, .osm.bz2, .osm.gz, .osm.pbf, .graphml)")
    d.add_argument("file")
    d.add_argument("--name")
    g = d.add_mutually_exclusive_group()
    g.add_argument("--bbox", help="W,S,E,N in degrees")
    g.add_argument("--polygon", help="GeoJSON file with a polygon (WGS84)")
    d.set_defaults(func=cmd_data_import)
    d = dsub.add_parser("fetch", help="download from OpenStreetMap (needs a network)")
    g = d.add_mutually_exclusive_group(required=True)
    g.add_argument("preset", nargs="?", help="mariupol or mariupol-zaporizhzhia")
    g.add_argument("--place", help="a place name osmnx can geocode")
    d.add_argument("--name")
    d.set_defaults(func=cmd_data_fetch)

    c = sub.add_parser("check", help="validate a plan and report snapping")
    c.add_argument("plan")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_check)

    r = sub.add_parser("route", help="compute routes for a plan, or between points of a stored network")
    r.add_argument("plan", nargs="?")
    r.add_argument("--alternatives", type=int, default=1, metavar="K")
    r.add_argument("--json", metavar="OUT")
    r.add_argument("--network", metavar="NAME", help="stored network for --between/--pairs")
    r.add_argument("--between", nargs=2, metavar=("LON,LAT", "LON,LAT"))
    r.add_argument("--pairs", metavar="FILE.csv", help="columns from_lon,from_lat,to_lon,to_lat")
    r.add_argument("--vehicle", choices=("bus", "ambulance"), default="bus")
    r.set_defaults(func=cmd_route)

    s = sub.add_parser("schedule", help="compute the convoy schedule")
    s.add_argument("plan")
    for flag in ("json", "pdf", "csv", "xlsx", "geojson", "gpkg", "gpx"):
        s.add_argument(f"--{flag}", metavar="OUT")
    s.add_argument("--lang", choices=("en", "uk", "ru"), default="en", help="language of the PDF (default en)")
    s.add_argument(
        "--bound-seconds",
        type=_bound_seconds,
        metavar="N",
        help="prove the upper bound harder: its flow-shop cut once per convoy structure, N s of one core a run "
        "(0 to 3600; the whole proof takes many times N; default: a small budget)",
    )
    s.set_defaults(func=cmd_schedule)

    w = sub.add_parser("whatif", help="compare variants of a plan")
    w.add_argument("plan")
    w.add_argument("variants")
    w.add_argument("--json", metavar="OUT")
    w.add_argument("--pdf", metavar="OUT")
    w.add_argument("--dask", metavar="ADDRESS")
    w.set_defaults(func=cmd_whatif)

    gui = sub.add_parser("gui", help="open the desktop planner")
    gui.add_argument("plan", nargs="?")
    gui.add_argument("--screenshot", metavar="PNG", help="compute the plan, save the window as PNG and exit")
    gui.add_argument("--before", metavar="PNG", help="with --screenshot: also save the window before the compute")
    gui.add_argument("--size", metavar="WxH", help="with --screenshot: the window's size (default 1600x1000)")
    gui.add_argument(
        "--display",
        action="store_true",
        help="with --screenshot: grab the window from the real display (an X server, e.g. under xvfb-run), "
        "not an offscreen rendering",
    )
    gui.set_defaults(func=cmd_gui)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the ``evacplan`` command with ``argv`` (``sys.argv[1:]`` when None); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    configure_logging(verbose=args.verbose)
    log.debug("evacplan %s: %s", __version__, " ".join(sys.argv[1:] if argv is None else argv))
    try:
        return args.func(args)
    except EvacplanError as exc:
        print(f"evacplan: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("evacplan: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
