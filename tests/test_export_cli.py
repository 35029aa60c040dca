"""`evacplan schedule PLAN --pdf --csv --geojson --gpx`: every file written, readable, consistent with the JSON."""

import json

from planner.cli import main
from planner.export import page_count


def test_schedule_cli_writes_every_export(demo_net, demo_plan_path, tmp_path, capsys):
    out = tmp_path / "s"
    rc = main(["--quiet", "schedule", str(demo_plan_path), "--json", f"{out}.json", "--pdf", f"{out}.pdf",
               "--csv", f"{out}.csv", "--geojson", f"{out}.geojson", "--gpx", f"{out}.gpx"])
    assert rc == 0
    printed = capsys.readouterr().out
    sched = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    names = ["s.pdf", "s-trips.csv", "s-manifests.csv", "s.geojson", "s-pickups.geojson", "s.gpx"]
    for name in names:
        assert (tmp_path / name).stat().st_size > 0
        assert f"wrote {tmp_path / name}" in printed
    from pypdf import PdfReader

    assert len(PdfReader(str(tmp_path / "s.pdf")).pages) == page_count(sched)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_schedule_cli_unwritable_export_exits_1(demo_net, demo_plan_path, tmp_path, capsys):
    missing = tmp_path / "no-such-folder" / "out.gpx"
    rc = main(["--quiet", "schedule", str(demo_plan_path), "--gpx", str(missing)])
    assert rc == 1
    err = capsys.readouterr().err
    assert str(missing) in err and "does not exist" in err
