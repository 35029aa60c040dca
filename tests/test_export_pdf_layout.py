"""The PDF's layout read back (pdfplumber): a driver card on one page, no lone contacts row, no cut header.

A user trial found two-page driver cards, the Russian C3 sheet spilling its
last contacts row onto a page of its own, cut column headers ("расстоя…") and
headings wrapping "km" alone onto a line. Read back from the real PDFs of the
demo plan as the CLI prints it (no contacts, no plates) and with the field
contacts and plates, in every language.
"""

import re

import pytest

from planner.export import write_pdf
from planner.export.blocks import Columns
from planner.export.layout import Section, Text, flow, wrap
from planner.export.tables import Col, Table
from planner.i18n import translator
from tests.conftest_export import field_plan, field_schedule

LANGS = ("en", "uk", "ru")


@pytest.fixture(scope="module", params=["demo", "field"])
def plan_and_schedule(request, demo_plan_path, demo_net):
    from planner.plan import load_plan

    plan = load_plan(demo_plan_path) if request.param == "demo" else field_plan(demo_plan_path)
    return plan, field_schedule(plan, demo_net)


@pytest.fixture(scope="module")
def pages(plan_and_schedule, demo_net, tmp_path_factory):
    """``{lang: [text lines of each page]}`` (pdfplumber)."""
    import pdfplumber

    plan, sched = plan_and_schedule
    out = {}
    for lang in LANGS:
        path = write_pdf(sched, plan, demo_net, tmp_path_factory.mktemp("pdf") / f"{lang}.pdf", lang=lang)
        with pdfplumber.open(str(path)) as pdf:
            out[lang] = [(p.extract_text() or "").split("\n") for p in pdf.pages]
    return out


def _body(lines):
    """A page's lines without its heading and its footer."""
    return lines[1:-1]


@pytest.mark.parametrize("lang", LANGS)
def test_every_driver_card_is_one_page(pages, plan_and_schedule, lang):
    tr = translator(lang)
    _, sched = plan_and_schedule
    card = tr("Driver card")
    heads = [p[0] for p in pages[lang]]
    cards = [h for h in heads if h.startswith(card)]
    assert len(cards) == len(sched.trips_by_vehicle())
    assert not [h for h in cards if h.endswith(tr("(continued)"))], "a driver card runs onto a second page"
    # and a card still carries its turn lists, checkpoints at their km
    for p in pages[lang]:
        if p[0].startswith(card):
            text = "\n".join(p)
            assert tr("CHECKPOINT") in text and tr("Latest safe departure: {t}", t="")[:10] in text


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_stay_with_their_convoy_sheet(pages, lang):
    """The contacts block is whole on one page, and no page holds only a few trailing lines of a section."""
    tr = translator(lang)
    labels = [tr(w) for w in ("Convoy leader", "Radio channel", "Operations", "Deputy / last vehicle")]
    labels.append(tr("Escort / negotiator"))
    for n, p in enumerate(pages[lang], 1):
        text = "\n".join(p)
        if tr("Contacts") in _body(p):
            for lb in labels:
                assert lb in text, f"{lang} page {n}: contacts row {lb!r} not on the contacts page"
        if p[0].endswith(tr("(continued)")):
            assert len(_body(p)) > 2, f"{lang} page {n} holds only {_body(p)!r}"
            assert not any(lb in text for lb in labels) or tr("Contacts") in text


@pytest.mark.parametrize("lang", LANGS)
def test_no_header_or_cell_cut(pages, lang):
    """Nothing prints cut with an ellipsis, and every column header word prints whole."""
    tr = translator(lang)
    for n, p in enumerate(pages[lang], 1):
        cut = [ln for ln in p if "…" in ln]
        assert not cut, f"{lang} page {n}: {cut}"
    text = "\n".join("\n".join(p) for p in pages[lang])
    words = ("passages", "vehicles", "latest safe", "boards at", "why left behind", "for", "street", "stretcher")
    for w in words:
        for part in tr(w).split():
            assert part in text, f"{lang}: header {tr(w)!r} not printed whole"


@pytest.mark.parametrize("lang", LANGS)
def test_no_unit_or_road_number_alone_on_a_line(pages, lang):
    tr = translator(lang)
    streets = tr("Streets {leg}, {d}").split("{")[0]
    for n, p in enumerate(pages[lang], 1):
        for prev, ln in zip([""] + p, p):
            s = ln.strip()
            assert s not in (tr("km"), tr("m")), f"{lang} page {n}: a unit alone on its line"
            # a heading's distance wrapped off its text (a map's scale bar "2 km" stands alone by design)
            alone = re.fullmatch(r"[\d.,\s\u00a0]+(km|км)", s) and prev.startswith(streets)
            assert not alone, f"{lang} page {n}: {s!r} alone on its line after {prev!r}"
            assert not re.match(r"\d+\)", s), f"{lang} page {n}: a road number cut from its letter: {s!r}"


def test_boards_at_header_on_one_line(pages):
    header = [ln for p in pages["en"] for ln in p if ln.startswith("# vehicle id")]
    assert header and all("boards at" in ln for ln in header)


# ---------------------------------------------------------------- the layout itself


def test_wrap_holds_no_break_spaces():
    from planner.export.fonts import REGULAR, register_fonts

    register_fonts()
    lines = wrap("to D1, with people, 19.5\u00a0km via Friedrich-Engels-Ring (B\u00a096)", REGULAR, 9, 120)
    assert any(ln.endswith("19.5\u00a0km") or "19.5\u00a0km" in ln for ln in lines)
    assert any("(B\u00a096)" in ln for ln in lines)
    assert "".join(lines).replace(" ", "") == "toD1,withpeople,19.5\u00a0kmviaFriedrich-Engels-Ring(B\u00a096)"


def test_header_word_never_cut():
    """A fixed column narrower than its header's longest word grows; the free column gives the room."""
    from planner.export.fonts import BOLD, register_fonts
    from planner.export.layout import text_width

    register_fonts()
    t = Table([Col(20, "R"), Col(None)], [["1", "x"]], header=["расстояние", "улица"], header_size=8.5)
    ws = t._widths(300)
    assert ws[0] >= text_width("расстояние", BOLD, 8.5) + 6 and abs(sum(ws) - 300) < 1e-6


def test_columns_split_across_pages_keeps_every_row():
    from planner.export.fonts import register_fonts

    register_fonts()
    rows = [[str(i), f"street {i}", "100 m"] for i in range(300)]
    cols = Columns(
        [Text("Streets", 10, keep_with_next=True), Table([Col(40), Col(None), Col(40)], rows, ["a", "b", "c"])]
    )
    pages = flow(Section([Text("card", 18), cols]), 520, 700)
    assert len(pages) >= 2
    seen = []
    for page in pages:
        for b in page:
            if isinstance(b, Columns):
                assert b.height(520) <= 700 + 1e-6
                seen += [r[0] for col in b._columns(520) for blk in col if isinstance(blk, Table) for r in blk.rows]
    assert seen == [str(i) for i in range(300)]
    # balanced: a short list takes two columns of about half its height
    short = Columns([Table([Col(40), Col(None)], rows[:40], ["a", "b"])])
    one = Table([Col(40), Col(None)], rows[:40], ["a", "b"]).height(254)
    assert short.height(520) < 0.6 * one


def test_a_fixed_column_grows_to_its_widest_cell():
    """A time on a later day fits its column ("06:06 +1d", not "06:06 +…"); the free column gives the room."""
    from planner.export.fonts import BOLD, register_fonts
    from planner.export.layout import text_width

    register_fonts()
    t = Table([Col(22, "R"), Col(None, wrap=True), Col(56, "R", BOLD)], [["1", "DP1-bus-01", "06:06 +1d"]], size=9)
    ws = t._widths(300)
    assert ws[2] >= text_width("06:06 +1d", BOLD, 9) + 6 and abs(sum(ws) - 300) < 1e-6
    _, _, cells, _, _ = t._layout(300)
    assert cells[0][2][0] == ["06:06 +1d"]
    # where the free columns would be squeezed below their room to wrap, the fixed widths stay (and cut)
    narrow = Table([Col(40), Col(None, wrap=True)], [["a much longer text than forty points", "x"]], size=9)
    assert narrow._widths(100)[0] == 40


@pytest.mark.slow  # a schedule and a PDF of 160 pages
@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_window_over_two_days_prints_every_time_whole(demo_plan_path, demo_net, tmp_path, lang):
    """Seen on the demo plan with its window from 16:00 to 14:00 the next day: "05:33…", "04:00 +…" and
    "06:06 +…" in the hour-by-hour table, the convoy list and the negotiators' checkpoint list."""
    import dataclasses
    from datetime import timedelta

    import pdfplumber

    from planner.export.common import clock
    from planner.plan import load_plan

    plan = load_plan(demo_plan_path)
    w = plan.window
    plan = dataclasses.replace(
        plan, window=dataclasses.replace(w, start=w.start + timedelta(hours=8), end=w.end + timedelta(days=1))
    )
    sched = field_schedule(plan, demo_net)
    day0 = sched.window_start
    later = [p for c in sched.convoys for p in c.passages if p.arrive.date() != day0.date()]
    assert later, "passages on the second day"
    path = write_pdf(sched, plan, demo_net, tmp_path / "two-days.pdf", lang=lang)
    with pdfplumber.open(str(path)) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    cut = [(n, ln) for n, p in enumerate(pages, 1) for ln in p.split("\n") if "…" in ln]
    assert not cut, cut[:5]
    heading = translator(lang)("Checkpoint notification list")
    listing = "\n".join(p for p in pages if p.startswith(heading)).replace("\xa0", " ")
    tr = translator(lang)
    for p in later:
        hhmm, days = clock(p.arrive, day0).split(" +")
        assert f"{hhmm} {tr('+{n}d', n=days[:-1])}" in listing  # "06:06 +1d", "06:06 +1 дн."
    assert (" +1d" in listing) == (lang == "en")
