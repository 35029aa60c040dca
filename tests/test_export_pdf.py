"""The PDF read back: no type under 8 pt, its sections in order, the negotiators' list, cards, languages.

On the bundled Neubrandenburg network, the demo plan (with contacts and plates)
and the real scheduler's output; the slow test on a 50-round schedule of the same
plan with a longer window.
"""

import re
from datetime import UTC, timedelta

import pytest

from planner.export import write_pdf
from planner.export.common import ceil_minute, clock, floor_minute
from planner.export.layout import MIN_SIZE
from planner.i18n import translator
from tests.conftest_export import CONTACTS, field_plan, field_schedule, many_rounds_plan
from tests.export_helpers import pdf_texts, smallest_type


@pytest.fixture(scope="module")
def export_plan(demo_plan_path):
    return field_plan(demo_plan_path)


@pytest.fixture(scope="module")
def export_schedule(export_plan, demo_net):
    return field_schedule(export_plan, demo_net)


@pytest.fixture(scope="module")
def pdfs(export_schedule, export_plan, demo_net, tmp_path_factory):
    out = {}
    for lang in ("en", "uk", "ru"):
        path = tmp_path_factory.mktemp("pdf") / f"demo-{lang}.pdf"
        seen = []
        write_pdf(
            export_schedule, export_plan, demo_net, path, lang=lang, progress=lambda f, m, seen=seen: seen.append(f)
        )
        assert seen[0] == 0.0 and seen[-1] == 1.0
        out[lang] = path
    return out


@pytest.fixture(scope="module")
def texts(pdfs):
    return {lang: pdf_texts(p) for lang, p in pdfs.items()}


def _first_lines(pages):
    return [p.strip().split("\n")[0] if p.strip() else "" for p in pages]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_no_text_under_8_pt_on_any_page(pdfs, lang):
    size, page, text = smallest_type(pdfs[lang])
    assert size >= MIN_SIZE - 1e-6, f"{lang}: {size:.2f} pt on page {page}: {text!r}"


def test_no_text_under_8_pt_pdfplumber_cross_check(pdfs, texts):
    import pdfplumber

    heads = _first_lines(texts["en"])
    pick = [0, 1] + [
        next(i for i, h in enumerate(heads) if h.startswith(k))
        for k in ("Checkpoint notification list", "Convoy C1 ", "Driver card", "Passenger manifest")
    ]
    with pdfplumber.open(str(pdfs["en"]), pages=[i + 1 for i in pick]) as pdf:
        sizes = [c["size"] for p in pdf.pages for c in p.chars]
    assert sizes and min(sizes) >= MIN_SIZE - 1e-6


def test_sections_in_order(texts, export_schedule):
    heads = _first_lines(texts["en"])
    assert heads[0] == export_schedule.plan_name
    kinds = []
    for h in heads:
        k = (
            "list"
            if h.startswith("Checkpoint notification list")
            else "convoy"
            if h.startswith("Convoy ")
            else "card"
            if h.startswith("Driver card")
            else "manifest"
            if h.startswith("Passenger manifest")
            else "cover"
        )
        if not kinds or kinds[-1] != k:
            kinds.append(k)
    assert kinds == ["cover", "list", "convoy", "card", "manifest"]
    # every convoy round has its section, every vehicle its card, every trip its manifest
    assert sum(bool(re.match(r"Convoy C\d+ · round \d+$", h)) for h in heads) == len(export_schedule.convoys)
    assert sum(bool(re.match(r"Driver card · \S+$", h)) for h in heads) == len(export_schedule.trips_by_vehicle())
    assert sum(bool(re.match(r"Passenger manifest · \S+$", h)) for h in heads) == len(export_schedule.trips)
    # a further page of a section is headed again
    assert any(h.endswith("(continued)") for h in heads)


def test_footer_counts_pages(texts):
    pages = texts["en"]
    assert f"page 1 of {len(pages)}" in pages[0] and f"page {len(pages)} of {len(pages)}" in pages[-1]


def test_checkpoint_list_one_row_per_passage(texts, export_schedule):
    pages = [p for p in texts["en"] if p.startswith("Checkpoint notification list")]
    body = "\n".join(pages)
    rows = re.findall(r"^\d+ (?:out, with people|in, empty) (C\d+)(?: |$)", body, flags=re.MULTILINE)
    passages = [p for q in export_schedule.checkpoint_queues for p in q.passages]
    assert len(rows) == len(passages)
    assert sorted(rows) == sorted(p.convoy for p in passages)
    # plates of the vehicles print next to them
    plated = next(t for t in export_schedule.trips if t.plate)
    assert f"{plated.vehicle} ({plated.plate})" in body.replace("\n", " ").replace("\xa0", " ")


def test_times_rounded_up_never_early():
    from datetime import datetime

    t = datetime(2022, 4, 30, 9, 41, 6, tzinfo=UTC)
    assert clock(t) == "09:42" and ceil_minute(t) >= t
    assert clock(t, latest=True) == "09:41" and floor_minute(t) <= t
    assert clock(t.replace(second=0)) == "09:41"
    assert clock(t + timedelta(days=1), t) == "09:42 +1d"


def test_convoy_page_times(texts, export_schedule):
    c = export_schedule.convoys[0]
    page = "\n".join(p for p in texts["en"] if p.startswith((f"Convoy {c.id} · round", f"Convoy {c.id} (continued)")))
    day0 = export_schedule.window_start
    assert clock(c.arrive, day0) in page and clock(c.latest_safe_depart, day0, latest=True) in page
    for p in c.passages:
        assert f"clear by {clock(p.clear, day0)}" in page
    assert CONTACTS["convoy_leader_phone"] in page and CONTACTS["radio_channel"] in page


def test_driver_cards(texts, export_schedule, export_plan):
    by_vehicle = export_schedule.trips_by_vehicle()
    vehicle, trips = max(by_vehicle.items(), key=lambda kv: len(kv[1]))
    card = "\n".join(p for p in texts["en"] if p.startswith(f"Driver card · {vehicle}"))
    assert f"Round {len(trips)} of {len(trips)}" in card
    for label in (
        "Plate",
        "Driver",
        "Driver's phone",
        "Convoy leader's phone",
        "Radio channel",
        "If separated from the convoy",
    ):
        assert label in card
    assert CONTACTS["convoy_leader_phone"] in card and CONTACTS["if_separated"] in card
    day0 = export_schedule.window_start
    for t in trips:
        c = export_schedule.convoy(t.convoy)
        assert f"Latest safe departure: {clock(c.latest_safe_depart, day0, latest=True)}" in card
    # the turn list: checkpoints at their km, no "straight on" line, no bare "unnamed" road
    assert "CHECKPOINT" in card
    assert "straight on" not in card
    assert not re.search(r"unnamed (service road|street|road)", card)


def test_waits_spelled_out(texts, export_schedule, export_plan):
    """A stop longer than its boarding prints as 'wait N min at P, people on board from HH:MM'."""
    body = "\n".join(texts["en"])
    waits = re.findall(r"wait (\d+) min at (\w+), people on board from (\d\d:\d\d)", body)
    rules = export_plan.rules
    expected = 0
    for t in export_schedule.trips:
        c = export_schedule.convoy(t.convoy)
        mine = {b.pickup: b.people for b in t.boarded}
        for st in c.stops:
            board = -(-mine.get(st.pickup, 0) * rules.loading_s_per_person // 60)
            if -(-st.dwell.total_seconds() // 60) - board >= 5 and mine.get(st.pickup):
                expected += 1
    assert len([w for w in waits if not w[1].startswith("CP")]) >= expected
    for m, _place, _t in waits:
        assert int(m) >= 5


def test_plate_on_card_and_manifest(texts, export_schedule):
    t = next(t for t in export_schedule.trips if t.plate)
    card = "\n".join(p for p in texts["en"] if p.startswith(f"Driver card · {t.vehicle}"))
    manifest = "\n".join(p for p in texts["en"] if p.startswith(f"Passenger manifest · {t.vehicle}"))
    assert t.plate in card and f"plate {t.plate}" in manifest


def test_manifest_one_row_per_place(texts, export_schedule):
    t = next(t for t in export_schedule.trips if t.stretcher_places)
    page = next(p for p in texts["en"] if p.startswith(f"Passenger manifest · {t.vehicle}"))
    for i in range(1, t.stretcher_places + 1):
        assert re.search(rf"^S{i} stretcher", page, flags=re.MULTILINE)
    numbered = re.findall(r"^(\d+)$", page, flags=re.MULTILINE)
    assert [int(n) for n in numbered[: t.seats]] == list(range(1, t.seats + 1))
    for label in ("full name", "document", "destination", "signature"):
        assert label in page


@pytest.mark.parametrize(
    "lang, words",
    [
        (
            "uk",
            [
                "Графік руху колон",
                "Повідомлення про проходження блокпостів",
                "Колона C1",
                "Картка водія",
                "Список пасажирів",
                "Найпізніший безпечний виїзд",
                "пункт збору",
                "пункт прийому",
                "блокпост",
                "на ношах",
                "Старший колони",
                "сторінка 1 з",
                "квітня 2022",
            ],
        ),
        (
            "ru",
            [
                "График движения колонн",
                "Уведомление о прохождении блокпостов",
                "Колонна C1",
                "Карточка водителя",
                "Список пассажиров",
                "Самый поздний безопасный выезд",
                "пункт сбора",
                "пункт приёма",
                "блокпост",
                "на носилках",
                "Старший колонны",
                "страница 1 из",
                "апреля 2022",
            ],
        ),
    ],
)
def test_languages(texts, lang, words, export_plan):
    body = "\n".join(texts[lang])
    for w in words:
        assert w in body, f"{lang}: {w!r} missing"
    english = "\n".join(texts["en"])
    for w in ("Driver card", "Checkpoint notification list", "Latest safe departure", "assembly point", "(continued)"):
        assert w in english and w not in body
    # plan names print as the plan has them
    assert export_plan.name in body and export_plan.pickups[0].name in body


def test_every_label_translated():
    """Every label the PDF code passes to the translator has a Ukrainian and a Russian entry."""
    import ast
    from pathlib import Path

    from planner.export.pdf import GROUP_WORD, LEGEND
    from planner.export.streets import CLASS_WORD, TURN_WORDS
    from planner.i18n import missing
    from planner.schedule.result import UNSERVED_REASONS

    labels = set(TURN_WORDS.values()) | set(CLASS_WORD.values()) | {t for _, t in LEGEND} | set(GROUP_WORD.values())
    labels |= set(UNSERVED_REASONS)
    for f in (Path(__file__).resolve().parent.parent / "planner" / "export").glob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                labels.add(node.args[0].value)
    assert len(labels) > 150
    assert missing(sorted(labels)) == []
    uk, ru = translator("uk"), translator("ru")
    assert uk("Convoy {id}", id="C7") == "Колона C7" and ru("Convoy {id}", id="C7") == "Колонна C7"
    assert uk.num(1545) == "1\u00a0545" and translator("en").num(1545) == "1,545"


def test_unknown_language_is_one_line_error():
    from planner.errors import EvacplanError

    with pytest.raises(EvacplanError, match="--lang: 'de' is not one of en, uk, ru"):
        translator("de")


@pytest.mark.slow
def test_fifty_round_schedule_no_text_under_8_pt(export_plan, demo_net, tmp_path):
    """A schedule of at least 50 convoy rounds (conftest_export.many_rounds_plan): every page at 8 pt or more."""
    from planner.compute import compute_plan

    plan = many_rounds_plan(export_plan)
    sched = compute_plan(plan, demo_net).schedule
    assert len(sched.convoys) >= 50
    path = write_pdf(sched, plan, demo_net, tmp_path / "fifty.pdf", lang="uk")
    size, page, text = smallest_type(path)
    assert size >= MIN_SIZE - 1e-6, f"{size:.2f} pt on page {page}: {text!r}"
    heads = _first_lines(pdf_texts(path))
    assert sum(h.startswith("Колона C") and "продовження" not in h for h in heads) == len(sched.convoys)


@pytest.mark.slow
def test_a_stop_nobody_boards_at_reads_as_driven_through(demo_plan_path, demo_net, tmp_path):
    """The 50 buses / 30 pickups / 20 checkpoints benchmark plan: its wave rounds drive through assembly points
    where nobody boards (the road out with fewer checkpoints); convoy page and driver card say so, in every
    language, and never 'others board' or a departure from there."""
    from planner.compute import compute_plan
    from tests.benchplans import plan50

    plan = plan50(demo_net)
    sched = compute_plan(plan, demo_net).schedule
    via = [(c, st) for c in sched.convoys for st in c.stops if st.boarded == 0]
    assert via, "no convoy drives through a stop on this plan any more: pick another plan"
    c, st = via[0]
    name = f"{st.pickup} {plan.element(st.pickup).name}"
    words = {
        "en": ("passes {p}, nobody boards", "Pass {p} without stopping: nobody boards here"),
        "uk": ("проїзд через {p}, без посадки", "Проїзд через {p} без зупинки: тут ніхто не сідає"),
        "ru": ("проезд через {p}, без посадки", "Проезд через {p} без остановки: здесь никто не садится"),
    }
    for lang, (page_line, card_line) in words.items():
        path = write_pdf(sched, plan, demo_net, tmp_path / f"via-{lang}.pdf", lang=lang)
        body = "\n".join(pdf_texts(path))
        assert page_line.format(p=name) in body
        assert card_line.format(p=name) in body
    # one such line on the card of every vehicle of every round that drives through it
    body = "\n".join(pdf_texts(tmp_path / "via-en.pdf"))
    n = sum(len(x.vehicles) for x, y in via if y.pickup == st.pickup)
    assert body.count(words["en"][1].format(p=name)) == n
    # and the GPX route point of a satnav says pass, not stop
    from planner.export import write_gpx

    gpx = write_gpx(sched, plan, demo_net, tmp_path / "via.gpx").read_text(encoding="utf-8")
    assert gpx.count(f"<desc>pass {name}</desc>") == sum(1 for _, y in via if y.pickup == st.pickup)


def test_cover_figures_read_as_the_gui_and_the_command_print_them(texts, export_schedule):
    # vehicle-km and the gap with one decimal, as the summary panel and `evacplan schedule` show them
    k = export_schedule.kpis
    cover = texts["en"][0].replace("\n", " ")
    assert f"{k.vehicle_km:,.1f} vehicle-km" in cover
    assert f"gap {100 * k.gap:.1f} %" in cover
    uk = texts["uk"][0].replace("\n", " ").replace("\xa0", " ")
    assert f"{k.vehicle_km:,.1f}".replace(",", " ").replace(".", ",") + " машино-км" in uk
