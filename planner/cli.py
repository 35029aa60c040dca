"""The ``evacplan`` command (design section 10).

Exit codes: 0 success, 1 invalid input (the message names what and where),
2 usage. Progress goes to stderr; ``--quiet`` silences it. Each command's
handler is a small function ``cmd_<name>(args) -> int`` that calls the engine.
"""

import argparse
import json
import os
import sys

from planner.errors import EvacplanError
from planner.progress import null_progress, stderr_progress


def _progress(args):
    return null_progress if getattr(args, "quiet", False) else stderr_progress


def _print_json(obj):
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _check_output_folder(path):
    """Refuse an output path whose folder does not exist before any long work."""
    if path:
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise EvacplanError(f"{path}: folder {folder} does not exist")


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
        c = e.get("counts", {})
        print(f"{e['name']:<24} {c.get('nodes', '?'):>7} {c.get('edges', '?'):>7}  {e.get('source', '')}")
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

    bbox = network.parse_bbox(args.bbox) if args.bbox else None
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
    plan = load_plan(args.plan)
    net = network_for_plan(plan, args.plan, progress=_progress(args))
    validate_or_raise(plan, net)
    routes = route_plan(plan, net, alternatives=args.alternatives, progress=_progress(args))
    print(format_routes(plan, routes))
    if args.json:
        out = {"plan": plan.name, **routes.to_dict()}
        write_text_atomic(args.json, json.dumps(out, ensure_ascii=False, indent=1), what="the routes")
    return 0


def cmd_schedule(args):
    """Compute the convoy schedule; print the summary; write the JSON contract (design section 10)."""
    from planner.compute import compute_plan, network_for_plan, raise_for_errors
    from planner.plan import load_plan

    plan = load_plan(args.plan)
    for out in (args.json, args.pdf, args.csv, args.xlsx, args.geojson, args.gpkg, args.gpx):
        _check_output_folder(out)
    net = network_for_plan(plan, args.plan, progress=_progress(args))
    result = compute_plan(plan, net, progress=_progress(args))
    raise_for_errors(result, args.plan)
    sched = result.schedule
    k = sched.to_json()["kpis"]
    print(f"{plan.name}: {sched.evacuated} of {sched.demand} people out "
          f"(upper bound {sched.upper_bound}, gap {100 * sched.gap:.1f} %)")
    print(f"  finish {k['finish'] or '-'}; {len(sched.convoys)} convoys, {len(sched.trips)} trips; "
          f"{k['vehicle_km']} vehicle-km; seat use {100 * k['seat_use']:.0f} %")
    need = sched.buses_needed
    if need.get("buses") is not None:
        print(f"  buses needed to move everyone in this window: {need['buses']} (plan has {need['current_buses']})")
    elif need:
        print(f"  buses needed to move everyone: {need.get('reason') or 'search ran out of time'}")
    alt = sched.without_stretcher_rule
    if alt:
        print(f"  priority rule (stretcher cases, reduced mobility, then everyone; by pickup priority): "
              f"{sched.by_group.get('stretcher', 0)} stretcher cases out; for comparison, without the rule "
              f"(most people as the only aim) {alt['evacuated']} people ({alt['by_group']['stretcher']} stretcher cases), "
              f"its bound {alt['upper_bound']}")
    for u in sched.unserved:
        print(f"  left at {u['pickup']}: {u['people']} ({u['reason']}: {u['detail']})")
    if args.json:
        sched.save_json(args.json)
    # ---- exports (planner.export; every file written atomically)
    if args.pdf or args.csv or args.xlsx or args.geojson or args.gpkg or args.gpx:
        from planner import export
        from planner.export.legacy import typed_schedule

        typed = typed_schedule(sched, plan, net, result.routes)
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

    plan = load_plan(args.plan)
    vset = load_variants(args.variants)
    for out in (args.json, args.pdf):
        _check_output_folder(out)
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
    return run_gui(plan=args.plan, screenshot=args.screenshot)


# ---------------------------------------------------------------- parser


def build_parser():
    p = argparse.ArgumentParser(prog="evacplan", description="Offline evacuation convoy planner.")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    sub = p.add_subparsers(dest="command", required=True)

    data = sub.add_parser("data", help="road networks: list, info, import, fetch")
    dsub = data.add_subparsers(dest="data_command", required=True)
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

    r = sub.add_parser("route", help="compute routes for a plan")
    r.add_argument("plan")
    r.add_argument("--alternatives", type=int, default=1, metavar="K")
    r.add_argument("--json", metavar="OUT")
    r.set_defaults(func=cmd_route)

    s = sub.add_parser("schedule", help="compute the convoy schedule")
    s.add_argument("plan")
    for flag in ("json", "pdf", "csv", "xlsx", "geojson", "gpkg", "gpx"):
        s.add_argument(f"--{flag}", metavar="OUT")
    s.add_argument("--lang", choices=("en", "uk", "ru"), default="en", help="language of the PDF (default en)")
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
    gui.add_argument("--screenshot", metavar="PNG")
    gui.set_defaults(func=cmd_gui)
    return p


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
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
