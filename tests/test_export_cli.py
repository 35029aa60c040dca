"""`evacplan schedule PLAN --pdf --lang --csv --xlsx --geojson --gpkg --gpx`: every file written and readable."""

import json

from planner.cli import main
from tests.export_helpers import pdf_texts


def test_schedule_cli_writes_every_export(demo_net, demo_plan_path, tmp_path, capsys):
    out = tmp_path / "s"
    rc = main(
        [
            "schedule",
            str(demo_plan_path),
            "--quiet",  # after the subcommand too (it was a usage error there)
            "--json",
            f"{out}.json",
            "--pdf",
            f"{out}.pdf",
            "--lang",
            "uk",
            "--csv",
            f"{out}.csv",
            "--xlsx",
            f"{out}.xlsx",
            "--geojson",
            f"{out}.geojson",
            "--gpkg",
            f"{out}.gpkg",
            "--gpx",
            f"{out}.gpx",
        ]
    )
    assert rc == 0
    captured = capsys.readouterr()
    printed = captured.out
    assert captured.err == ""  # --quiet after the subcommand silences the progress
    names = [
        "s.json",
        "s.pdf",
        "s-trips.csv",
        "s-manifests.csv",
        "s-checkpoints.csv",
        "s.xlsx",
        "s.geojson",
        "s-pickups.geojson",
        "s.gpkg",
        "s.gpx",
    ]
    for name in names:
        assert (tmp_path / name).stat().st_size > 0
        assert f"wrote {tmp_path / name}" in printed
    pages = pdf_texts(tmp_path / "s.pdf")
    assert pages[0].startswith(json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["plan"])
    assert "Картка водія" in "\n".join(pages)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_schedule_cli_unwritable_export_exits_1(demo_net, demo_plan_path, tmp_path, capsys):
    missing = tmp_path / "no-such-folder" / "out.gpkg"
    rc = main(["--quiet", "schedule", str(demo_plan_path), "--gpkg", str(missing)])
    assert rc == 1
    err = capsys.readouterr().err
    assert str(missing) in err and "does not exist" in err


def test_schedule_cli_unknown_language_is_a_usage_error(demo_plan_path, capsys):
    import pytest

    with pytest.raises(SystemExit) as exc:
        main(["schedule", str(demo_plan_path), "--pdf", "x.pdf", "--lang", "de"])
    assert exc.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_schedule_summary_finish_is_the_pdfs_finish(demo_net, demo_plan_path, tmp_path, capsys):
    # the command's "finish" line and the PDF cover's finish (rounded up to the minute) are the same minute
    from datetime import datetime

    from planner.export.common import ceil_minute

    out = tmp_path / "s"
    assert main(["--quiet", "schedule", str(demo_plan_path), "--json", f"{out}.json", "--pdf", f"{out}.pdf"]) == 0
    printed = capsys.readouterr().out
    finish = datetime.fromisoformat(json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["kpis"]["finish"])
    assert finish.second, "the demo finishes at a time with seconds"
    assert f"finish {ceil_minute(finish).isoformat(timespec='minutes')};" in printed
    assert ceil_minute(finish).strftime("%H:%M") in pdf_texts(tmp_path / "s.pdf")[0]
