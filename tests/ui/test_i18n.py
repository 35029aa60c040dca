"""GUI translations: the compiled Ukrainian and Russian translations load and the views speak them.

Reads the real .ts sources (every message translated, the key terms used
consistently) and the compiled .qm through a real QTranslator.
"""

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QLocale, QSettings

from ui.i18n import (
    LANGUAGES,
    TRANSLATIONS_DIR,
    effective_language,
    install_translator,
    preferred_language,
    qm_path,
    set_preferred_language,
    system_language,
)

pytestmark = pytest.mark.gui

PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d")


def _messages(lang):
    root = ET.parse(TRANSLATIONS_DIR / f"evacplan_{lang}.ts").getroot()
    for ctx in root.findall("context"):
        for m in ctx.findall("message"):
            tr = m.find("translation")
            if tr.get("type") in ("vanished", "obsolete"):
                continue
            yield ctx.find("name").text, m.find("source").text, tr


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_every_message_is_translated_and_compiled(lang):
    msgs = list(_messages(lang))
    assert len(msgs) > 50
    unfinished = [(c, s) for c, s, tr in msgs if tr.get("type") == "unfinished" or not (tr.text or "").strip()]
    assert unfinished == []
    for _c, src, tr in msgs:  # placeholders survive translation
        assert sorted(PLACEHOLDER.findall(src)) == sorted(PLACEHOLDER.findall(tr.text)), src
    qm = qm_path(lang)
    assert qm.is_file()
    assert qm.stat().st_mtime >= (TRANSLATIONS_DIR / f"evacplan_{lang}.ts").stat().st_mtime - 1, "run lrelease"


# the glossary of the key terms (issue: native-quality check of convoy, checkpoint, assembly point, ...)
GLOSSARY = {
    "uk": {
        "Convoy": "Колона",
        "Checkpoint": "Блокпост",
        "Assembly point": "Пункт збору",
        "Reception point": "Пункт прийому",
        "Latest safe departure": "Найпізніший безпечний виїзд",
    },
    "ru": {
        "Convoy": "Колонна",
        "Checkpoint": "Блокпост",
        "Assembly point": "Пункт сбора",
        "Reception point": "Пункт приёма",
        "Latest safe departure": "Последний безопасный выезд",
    },
}
# one word for a convoy in each language: never the other
AVOID = {"uk": ("конвой", "колонна"), "ru": ("конвой", "колона ")}


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_key_terms_are_translated_consistently(lang):
    msgs = {src: tr.text for _c, src, tr in _messages(lang)}
    for src, want in GLOSSARY[lang].items():
        if src in msgs:
            assert msgs[src] == want
    for text in msgs.values():
        low = text.lower()
        assert not any(bad in low for bad in AVOID[lang]), text
    if "Stretcher" in msgs:
        assert msgs["Stretcher"] == {"uk": "Ноші", "ru": "Носилки"}[lang]


@pytest.mark.parametrize(
    "lang,header,kpi",
    [("uk", "Колона", "Вивезено людей"), ("ru", "Колонна", "Вывезено людей"), ("en", "Convoy", "People out")],
)
def test_the_schedule_views_speak_the_language(qapp, demo_doc, lang, header, kpi):
    from ui.convoys.slider import TimeSlider
    from ui.panels.convoys import SchedulePanel
    from ui.panels.kpis import KpiPanel

    try:
        assert install_translator(qapp, lang) == lang
        panel = SchedulePanel(demo_doc)
        assert panel.table.horizontalHeaderItem(0).text() == header
        kpis = KpiPanel(demo_doc)
        cards = [w.text() for w in kpis.findChildren(type(kpis.hint))]
        assert kpi in cards
        slider = TimeSlider()
        assert slider.caption.text() == {"uk": "Час:", "ru": "Время:", "en": "Time:"}[lang]
    finally:
        install_translator(qapp, "en")


def test_language_preference_defaults_to_the_system_locale(tmp_path, monkeypatch):
    monkeypatch.delenv("EVACPLAN_LANG", raising=False)
    s = QSettings(str(tmp_path / "prefs.ini"), QSettings.IniFormat)
    assert preferred_language(s) == ""
    assert effective_language(s, QLocale("uk_UA")) == "uk"
    assert effective_language(s, QLocale("de_DE")) == "en"
    set_preferred_language("ru", s)
    assert QSettings(str(tmp_path / "prefs.ini"), QSettings.IniFormat).value("language") == "ru"
    assert effective_language(s, QLocale("uk_UA")) == "ru"
    set_preferred_language("", s)
    assert effective_language(s, QLocale("ru_RU")) == "ru"
    assert system_language(QLocale("en_US")) == "en"
    with pytest.raises(ValueError, match="language 'fr'"):
        set_preferred_language("fr", s)
    assert set(LANGUAGES) == {"en", "uk", "ru"}


def test_preferences_dialog_stores_the_language_and_autosave(qapp, tmp_path, qtbot):
    from ui.settings import PreferencesDialog, autosave_interval_ms

    s = QSettings(str(tmp_path / "prefs.ini"), QSettings.IniFormat)
    dlg = PreferencesDialog(s)
    qtbot.addWidget(dlg)
    assert dlg.language.currentData() == ""  # the system's language until one is chosen
    assert [dlg.language.itemData(i) for i in range(dlg.language.count())] == ["", "en", "uk", "ru"]
    dlg.language.setCurrentIndex(dlg.language.findData("uk"))
    dlg.autosave.setValue(5)
    dlg.accept()
    again = QSettings(str(tmp_path / "prefs.ini"), QSettings.IniFormat)
    assert preferred_language(again) == "uk" and autosave_interval_ms(again) == 5 * 60_000
    assert PreferencesDialog(again).language.currentData() == "uk"


@pytest.mark.parametrize(
    "lang,page,heading",
    [("uk", "index.uk.html", "Перший план"), ("ru", "index.ru.html", "Первый план"), ("en", "index.html", "A first")],
)
def test_the_user_guide_opens_in_the_language(qapp, lang, page, heading):
    from ui.window.guide import UserGuide, guide_path

    try:
        assert install_translator(qapp, lang) == lang
        guide = UserGuide()
        assert guide.browser.source().fileName() == page
        assert heading in guide.browser.toPlainText()
        # every anchor of the English guide is in the translation too (links between its sections work)
        ids = set(re.findall(r'id="(\w+)"', guide_path("en").read_text(encoding="utf-8")))
        assert ids == set(re.findall(r'id="(\w+)"', guide_path(lang).read_text(encoding="utf-8")))
    finally:
        install_translator(qapp, "en")
    assert guide_path("fr").name == "index.html"  # no guide in a language: the English one
