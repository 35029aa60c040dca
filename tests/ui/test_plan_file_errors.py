"""A broken plan file opened in the GUI is named in the GUI's language (planner.plan.fileformat's codes, said by
ui/messages.py): not JSON, not a plan, a field of the wrong type, a newer format version; a field out of range
opens and the Problems tab says it. English stays the engine's (and the CLI's) words.

Real files in tmp_path, the real main window on the bundled demo plan, the real modal message box (read and
answered from a timer while it runs), real .qm translations.
"""

import json
import re

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.errors import PlanError
from planner.plan import load_plan
from ui.i18n import install_translator

pytestmark = pytest.mark.gui

CYRILLIC = re.compile("[а-яіїєґё]", re.I)


def _demo(demo_plan_path) -> dict:
    return json.loads(demo_plan_path.read_text(encoding="utf-8"))


def _not_json(d):
    return '{"format": "evacplan", oops}'


def _not_a_plan(d):
    return json.dumps({"format": "geojson", "features": []})


def _wrong_type(d):
    d["checkpoints"][0]["lanes"] = "two"
    d["pickups"][0]["ready_time"] = "soon"
    return json.dumps(d)


def _newer(d):
    d["version"] = 99
    return json.dumps(d)


#: case -> (file text from the demo dict, the codes the PlanError carries, English words its template says).
CASES = {
    "not_json": (_not_json, "not_json", r"not valid|line|column"),
    "not_a_plan": (_not_a_plan, "not_plan", r"not an|expected|object"),
    "wrong_type": (_wrong_type, "problems", r"pickup|must|date and time|like|got|more problems|and"),
    "newer": (_newer, "version_newer", r"made by|newer|format version|reads up"),
}


def _answer_box(seen: list, png=None) -> None:
    """Read the message box once it runs (its text, and a PNG of it), then press its button."""

    def look():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen.append((box.windowTitle(), box.text()))
        if png is not None:
            box.grab().save(str(png))
        box.accept()

    QTimer.singleShot(0, look)


@pytest.fixture(params=["en", "uk", "ru"])
def lang(request, qapp):
    assert install_translator(qapp, request.param) == request.param
    yield request.param
    install_translator(qapp, "en")


@pytest.mark.parametrize("case", list(CASES))
def test_a_broken_plan_file_is_named_in_the_gui_language(lang, case, window, demo_plan_path, tmp_path):
    make, code, english = CASES[case]
    path = tmp_path / f"broken-{case}.evacplan.json"
    path.write_text(make(_demo(demo_plan_path)), encoding="utf-8")
    with pytest.raises(PlanError) as err:
        load_plan(path)
    assert err.value.code == code and err.value.where == str(path)
    before = window.doc.plan
    seen = []
    _answer_box(seen, tmp_path / f"box-{lang}-{case}.png")
    assert window.open_path(path) is False
    assert window.doc.plan is before  # the open plan stays
    [(title, text)] = seen
    head, body = text.split("\n\n", 1)
    assert path.name in head
    if lang == "en":
        assert (title, head) == ("Cannot open plan", f"Cannot open {path.name}:")
        assert body == str(err.value)  # the engine's (the CLI's) words, as before
        return
    assert body.startswith(f"{path}: ") and CYRILLIC.search(body) and CYRILLIC.search(title + head)
    said = body[len(str(path)) + 2 :]
    if case == "not_json":  # json's own words stay inside the translated sentence
        assert "Expecting property name enclosed in double quotes" in said
        said = said.replace("Expecting property name enclosed in double quotes", "")
        assert "1" in said and "24" in said  # line and column
    if case == "newer":
        assert "99" in said and "3" in said
    if case == "wrong_type":  # the element's kind in the language; its id, name and the file's keys stay
        assert said.startswith({"uk": "Пункт збору P1 ", "ru": "Пункт сбора P1 "}[lang])
        assert "ready_time" in said and '"soon"' in said
        assert re.search(r"\(\D+ 1\)$", said)  # "(and 1 more problems)", translated
    assert not re.search(rf"\b({english})\b", said, re.I), said


def test_a_field_out_of_range_opens_and_the_problems_tab_says_it(lang, window, demo_plan_path, tmp_path, qtbot):
    """Out of range is not a broken file: it opens, and the Problems tab names the field in the GUI's language."""
    d = _demo(demo_plan_path)
    d["checkpoints"][0]["lanes"] = 0
    path = tmp_path / "lanes0.evacplan.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    assert window.open_path(path) is True
    p = window.problems
    rows = lambda: [p.topLevelItem(i).text(2) for i in range(p.topLevelItemCount())]  # noqa: E731
    qtbot.waitUntil(lambda: any("lanes" in r for r in rows()), timeout=10_000)
    [row] = [r for r in rows() if "lanes" in r]
    if lang == "en":
        assert "lanes must be a whole number" in row
    else:
        assert CYRILLIC.search(row) and not re.search(r"\b(must|whole|number|got)\b", row), row
    p.resize(1100, 120)  # behind another tab it has no size of its own
    p.grab().save(str(tmp_path / f"problems-{lang}.png"))
