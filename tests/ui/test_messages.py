"""What the engine says reaches the planner in their language: plan problems, the refusal of a compute, unserved
reasons and details, progress steps and what-if rows, translated from their codes (ui/messages.py).

Reads the real .ts sources and the compiled .qm through a real QTranslator; the real engine on the bundled
Neubrandenburg network; a real main window and real key presses.
"""

import re
import xml.etree.ElementTree as ET
from collections import Counter

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from planner.messages import Message, catalogues, template_fields
from planner.plan import load_plan
from planner.plan.check import check_plan, plan_problems
from planner.progress import STEPS, parse_step, step
from tests.ui.test_refusal import _off_road
from ui.i18n import TRANSLATIONS_DIR, install_translator
from ui.messages import (
    CATALOGUES,
    ROUTING_PARTS,
    UNITS,
    problem_text,
    route_change_text,
    step_text,
    sweep_sentence,
    whatif_delta,
    whatif_label,
    whatif_value,
)

pytestmark = pytest.mark.gui

CYRILLIC = re.compile("[а-яіїєґё]", re.I)


def _ts(lang):
    """``(context, source) -> translation`` of the finished messages of ``evacplan_<lang>.ts``."""
    out = {}
    root = ET.parse(TRANSLATIONS_DIR / f"evacplan_{lang}.ts").getroot()
    for ctx in root.findall("context"):
        for m in ctx.findall("message"):
            tr = m.find("translation")
            if tr.get("type") not in ("unfinished", "vanished", "obsolete") and (tr.text or "").strip():
                out[(ctx.find("name").text, m.find("source").text)] = tr.text
    return out


@pytest.fixture
def uk(qapp):
    assert install_translator(qapp, "uk") == "uk"
    yield
    install_translator(qapp, "en")


# ---------------------------------------------------------------- the catalogues


def test_the_gui_lists_every_code_of_the_engine():
    """ui/messages.py repeats the engine's catalogues literally (what lupdate reads): none missing, none stale."""
    engine = catalogues()
    assert set(engine) == set(CATALOGUES)
    for ctx, cat in engine.items():
        assert CATALOGUES[ctx] == cat, ctx
    assert sum(len(c) for c in engine.values()) > 120


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_no_message_code_lacks_a_translation(lang):
    ts = _ts(lang)
    missing, broken = [], []
    texts = [(ctx, code, t) for ctx, cat in catalogues().items() for code, t in cat.items()]
    texts += [("Unit", unit, t) for unit, t in UNITS.items() if unit not in ("m", "km")]
    texts += [("RoutingWhy", part, t) for part, t in ROUTING_PARTS.items()]
    for ctx, code, template in texts:
        tr = ts.get((ctx, template))
        if tr is None:
            missing.append(f"{ctx}/{code}")
        elif Counter(template_fields(tr)) != Counter(template_fields(template)):
            broken.append(f"{ctx}/{code}: {tr}")
    assert missing == [] and broken == []
    qm = TRANSLATIONS_DIR / f"evacplan_{lang}.qm"
    assert qm.stat().st_mtime >= (TRANSLATIONS_DIR / f"evacplan_{lang}.ts").stat().st_mtime - 1, "run lrelease"


def test_the_json_of_a_check_carries_the_codes(demo_plan_path):
    result = check_plan(demo_plan_path)
    assert result["problems"] == [] or all("code" in p and "params" in p for p in result["problems"])
    plan = load_plan(demo_plan_path)
    plan.checkpoints[0].lanes = 0
    plan.window.end = plan.window.start
    probs = plan_problems(plan)
    got = {p.code: p for p in probs}
    assert {"below_whole", "window_order"} <= set(got)
    lanes = got["below_whole"]
    assert lanes.params == {"field": "lanes", "lo": 1, "value": "0"}
    again = Message("below_whole", CATALOGUES["Problem"]["below_whole"], lanes.params)
    assert lanes.message.endswith(": " + again.text)


# ---------------------------------------------------------------- the Problems tab and the refusal


def test_problems_tab_and_refusal_in_ukrainian(uk, window, qtbot):
    w = window
    far = _off_road(w.doc)
    w.map.setFocus()
    with qtbot.waitSignal(w.computeFinished, timeout=120_000):
        QTest.keyClick(w.map, Qt.Key_F5)
    qtbot.waitUntil(lambda: w.problems.topLevelItemCount() >= 2, timeout=5000)
    rows = [(w.problems.topLevelItem(i).text(1), w.problems.topLevelItem(i).text(2)) for i in range(2)]
    snap = next(m for e, m in rows if e == "CP1" and "прив’язки" in m)
    # the element by its Ukrainian kind and its name, the distance and the limit with Ukrainian units
    assert snap.startswith("Блокпост CP1 'Tannenkrug (city exit)': стоїть за ")
    assert f"за {far:.0f} м від найближчого вузла дороги" in snap and "межу прив’язки 300 м" in snap
    assert "перетягніть точку на дорогу" in snap and not re.search(r"\b(lies|road|drag|limit)\b", snap)
    corridor = next(m for e, m in rows if e == "CP1" and "коридору" in m)
    assert re.search(r"стоїть за \d+,\d км від найближчого коридору$", corridor)  # decimal comma
    status = w.statusBar().currentMessage()
    assert status.startswith("Не розраховано: Блокпост CP1 'Tannenkrug (city exit)': стоїть за ")
    # the properties panel of the selected checkpoint says the same
    assert w.doc.selection == ["CP1"]
    qtbot.waitUntil(lambda: "межу прив’язки 300 м" in w.properties._messages.text(), timeout=5000)


def test_english_stays_the_engines_words(qapp, demo_doc):
    """In English the GUI shows exactly what the engine (and the CLI) says."""
    install_translator(qapp, "en")
    _off_road(demo_doc)
    plan = demo_doc.plan
    plan.pickups[0].people.general = -5
    plan.depots[0].vehicles[0].plates = ["X"] * 99
    problems = plan_problems(plan, demo_doc.network)
    assert len(problems) >= 4 and all(p.code for p in problems)
    for p in problems:
        assert problem_text(p, demo_doc) == p.message


# ---------------------------------------------------------------- unserved, progress, what-if


@pytest.mark.slow  # a compute
def test_unserved_table_after_compute_in_ukrainian(uk, demo_doc):
    from planner.compute import compute_plan
    from ui.panels.kpis import KpiPanel

    steps = []
    result = compute_plan(demo_doc.plan, demo_doc.network, progress=lambda f, m: steps.append(m))
    demo_doc.set_results(result)
    panel = KpiPanel(demo_doc)
    t = panel.unserved
    assert t.rowCount() == len(result.schedule.unserved) > 0
    for i, u in enumerate(result.schedule.unserved):
        reason, detail = t.item(i, 2).text(), t.item(i, 2).toolTip()
        assert CYRILLIC.search(reason) and CYRILLIC.search(detail), (reason, detail)
        assert u.code and u.detail != detail
        assert not re.search(r"\b(vehicle|convoy|window|checkpoint|busy|stand)\b", detail), detail
    # the headline figures with Ukrainian digits
    assert panel.values["evacuated"].text() == f"{result.schedule.kpis.evacuated:,}".replace(",", "\u00a0")
    assert re.fullmatch(r"\d+,\d %", panel.values["seat_use"].text())
    assert "пропускна здатність блокпостів" in [t.item(i, 2).text() for i in range(t.rowCount())]
    # the idle vehicles the engine counted (English detail) are counted in the Ukrainian one too
    idle = next(
        m.group(1) for u in result.schedule.unserved if (m := re.search(r"(\d+) vehicle\(s\) stand unused", u.detail))
    )
    assert any(f"машин без діла: {idle}" in t.item(i, 2).toolTip() for i in range(t.rowCount()))
    # every step a compute reports is a known step, and says itself in Ukrainian
    assert len(set(steps)) > 8
    for m in set(steps):
        assert parse_step(m) is not None, m
        assert CYRILLIC.search(step_text(m)), m
    assert step_text("1424 of 3254 people out") == "вивезено 1\u00a0424 з 3\u00a0254 осіб"


def _brunner_pickup(plan, net):
    """Pickup P99 at Brunner Straße's far end, where every edge in has maxweight 3 t: coaches cannot reach it."""
    from planner.plan.model import People, Pickup

    ends = [int(net.edge_v[e]) for e in np.flatnonzero(net.edge_maxweight == 3.0)]
    end = next(n for n in ends if (net.edge_maxweight[net.edge_v == n] == 3.0).all())
    plan.pickups.append(
        Pickup(
            id="P99",
            name="Brunner Straße",
            lon=float(net.node_lon[end]),
            lat=float(net.node_lat[end]),
            people=People(general=40),
        )
    )


@pytest.mark.slow  # a compute
def test_pickup_unreachable_for_coaches_in_ukrainian(uk, demo_doc):
    """The routing remark on P99 is said in Ukrainian: in the unserved table's detail and in the Problems tab."""
    from planner.compute import compute_plan
    from ui.panels.kpis import KpiPanel
    from ui.panels.problems import ProblemsPanel

    _brunner_pickup(demo_doc.plan, demo_doc.network)
    result = compute_plan(demo_doc.plan, demo_doc.network)
    [u] = [u for u in result.schedule.unserved if u.pickup == "P99"]
    # the first thing routing said of P99: its people cannot get out (the way back in is the other remark)
    assert u.code == "routing" and u.params["remark"] == "no_destination"
    assert u.detail.startswith("pickup P99 'Brunner Straße' cannot reach any destination: every way out crosses ")
    problems = ProblemsPanel(demo_doc)  # listens for the results
    demo_doc.set_results(result)
    panel = KpiPanel(demo_doc)
    t = panel.unserved
    [row] = [i for i in range(t.rowCount()) if "P99" in t.item(i, 0).text() or "Brunner" in t.item(i, 0).text()]
    detail = t.item(row, 2).toolTip()
    assert detail.startswith("Пункт збору P99 'Brunner Straße': немає шляху до жодного пункту прийому; кожен виїзд ")
    assert "Brunner Straße (maxweight 3 t)" in detail
    assert not re.search(r"\b(pickup|cannot|reached|coaches|every|crosses)\b", detail), detail
    texts = [problems.topLevelItem(i).text(2) for i in range(problems.topLevelItemCount())]
    assert detail in texts, texts


def test_routing_remarks_in_english_and_ukrainian(qapp, demo_net, demo_plan_path):
    """Every routing remark of a plan reads in English as the engine wrote it, and in Ukrainian without English."""
    from planner.routing import route_plan

    plan = load_plan(demo_plan_path)
    _brunner_pickup(plan, demo_net)
    routes = route_plan(plan, demo_net)
    mine = [p for p in routes.problems if p.element_id == "P99"]
    assert {p.code for p in mine} == {"no_destination", "not_reached_by"}
    install_translator(qapp, "en")
    assert [problem_text(p) for p in mine] == [p.message for p in mine]
    assert install_translator(qapp, "uk") == "uk"
    try:
        for p in mine:
            text = problem_text(p)
            assert CYRILLIC.search(text) and "P99 'Brunner Straße'" in text, text
            assert not re.search(r"\b(pickup|cannot|every|crosses|way)\b", text), text
        [by] = [problem_text(p) for p in mine if p.code == "not_reached_by"]
        assert by.startswith("Пункт збору P99 'Brunner Straße' недосяжний для автобусів: кожен в’їзд перетинає: ")
    finally:
        install_translator(qapp, "en")


def test_every_step_reads_back_to_its_code():
    samples = {"pickup": "P1", "destination": "D1", "n": 12, "out": 1424, "demand": 3254, "file": "a b.osm.pbf"}
    samples |= {"name": "big fleet", "nodes": 5, "edges": 9, "place": "Mariupol", "done": 3, "path": "/tmp/x.pdf"}
    samples |= {"total": 13}
    for code, template in STEPS.items():
        params = {k: samples[k] for k, _ in template_fields(template)}
        m = parse_step(step(code, **params))
        assert (m.code, m.params) == (code, params)
    assert parse_step("something else") is None


def test_whatif_rows_in_ukrainian(uk):
    from planner.whatif.compare import KPI_ROWS

    labels = [whatif_label({"key": k, "label": label}) for k, label in KPI_ROWS]
    assert all(CYRILLIC.search(x) for x in labels) and len(set(labels)) == len(labels)
    assert whatif_label({"reason": "escorts", "label": "Unserved: escorts"}) == "Не вивезено: супровід"
    ch = {"pickup": "P1", "destination": "D1", "status": "slower", "base_min": 17.5, "variant_min": 21.0}
    ch |= {"extra_min": 3.5, "checkpoints": {"base": ["CP1"], "variant": []}}
    assert route_change_text(ch) == "P1 → D1: повільніше, 17,5 → 21,0 хв (+3,5 хв), блокпости CP1 → немає"
    curve = {"name": "fleet", "label": "vehicles", "everyone_at": 40, "more_is_better": True, "demand": 3254}
    assert sweep_sentence(curve) == "fleet: за vehicles = 40 і більше вивозять усіх (3\u00a0254 осіб)"
    # the cells: the language's digits, and minutes in Ukrainian
    assert [whatif_value("seat_use", 1.0), whatif_value("vehicle_km", 970.1), whatif_value("demand", 3254)] == [
        "100,0 %",
        "970,1",
        "3\u00a0254",
    ]
    assert [whatif_delta("finish", 1.0), whatif_delta("evacuated", -508), whatif_delta("vehicle_km", 4.9)] == [
        "+1 хв",
        "−508",
        "+4,9",
    ]
