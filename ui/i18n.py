"""The GUI's languages: English (the source strings), Ukrainian and Russian through Qt translations.

Strings in ``ui/`` are wrapped in ``self.tr()`` or
``QCoreApplication.translate(context, text)``; ``pyside6-lupdate`` collects
them into ``resources/translations/evacplan_<lang>.ts`` (the translators'
sources) and ``pyside6-lrelease`` compiles those to ``.qm``, which
:func:`install_translator` loads at start. The language is a preference
(``QSettings`` key ``language``: ``en``, ``uk``, ``ru``, or empty for the
system's); it takes effect when the application next starts.

To refresh the sources after changing strings (keeps every translation made)::

    /work/venv/bin/pyside6-lupdate $(git ls-files 'ui/*.py') \\
        -ts resources/translations/evacplan_uk.ts resources/translations/evacplan_ru.ts
    /work/venv/bin/pyside6-lrelease resources/translations/evacplan_uk.ts resources/translations/evacplan_ru.ts
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from planner.resources import resources_dir

#: Languages offered, by code, with their names in their own language.
LANGUAGES = {"en": "English", "uk": "Українська", "ru": "Русский"}
SOURCE_LANGUAGE = "en"
TRANSLATIONS_DIR = resources_dir() / "translations"
SETTINGS_KEY = "language"


def qm_path(lang: str) -> Path:
    """The compiled translation of ``lang`` (``resources/translations/evacplan_<lang>.qm``)."""
    return TRANSLATIONS_DIR / f"evacplan_{lang}.qm"


def system_language(locale: QLocale | None = None) -> str:
    """The offered language of the system locale (``uk_UA`` -> ``uk``), English when not offered."""
    name = (locale or QLocale.system()).name()  # e.g. "uk_UA"
    code = name.split("_")[0].lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def preferred_language(settings: QSettings | None = None) -> str:
    """The stored preference (``""`` when the system's language is wanted, or an unknown value)."""
    if settings is None:
        from ui.settings import app_settings

        settings = app_settings()
    value = settings.value(SETTINGS_KEY, "")
    return value if isinstance(value, str) and value in LANGUAGES else ""


def set_preferred_language(lang: str, settings: QSettings | None = None) -> None:
    """Store ``lang`` (``""`` for the system's language); it applies at the next start."""
    if lang and lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    if settings is None:
        from ui.settings import app_settings

        settings = app_settings()
    settings.setValue(SETTINGS_KEY, lang)
    settings.sync()


def effective_language(settings: QSettings | None = None, locale: QLocale | None = None) -> str:
    """The language the GUI starts in: ``EVACPLAN_LANG`` when set (scripts, screenshots), else the
    preference, else the system locale's, else English."""
    env = os.environ.get("EVACPLAN_LANG", "")
    if env in LANGUAGES:
        return env
    return preferred_language(settings) or system_language(locale)


def install_translator(app=None, lang: str | None = None, settings: QSettings | None = None) -> str:
    """Load the translation of ``lang`` (default :func:`effective_language`) into the application.

    Also loads Qt's own translation of its standard dialogs when Qt ships one,
    and sets the default ``QLocale`` (dates, numbers) to the language. Calling
    it again replaces the translators installed before.

    Returns
    -------
    str
        The language in effect (``en`` when the ``.qm`` of ``lang`` is missing).
    """
    app = app or QCoreApplication.instance()
    lang = lang or effective_language(settings)
    for old in getattr(app, "_evacplan_translators", []):
        app.removeTranslator(old)
    app._evacplan_translators = []
    app._evacplan_language = SOURCE_LANGUAGE
    if lang == SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedKingdom))
        return SOURCE_LANGUAGE
    ours = QTranslator(app)
    if not ours.load(str(qm_path(lang))):
        return SOURCE_LANGUAGE
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        app._evacplan_translators.append(qt)
    app.installTranslator(ours)
    app._evacplan_translators.append(ours)
    QLocale.setDefault(QLocale(lang))
    app._evacplan_language = lang
    return lang


def current_language(app=None) -> str:
    """The language :func:`install_translator` put in effect (``en`` before it ran)."""
    app = app or QCoreApplication.instance()
    return getattr(app, "_evacplan_language", SOURCE_LANGUAGE)


def ui_locale() -> QLocale:
    """The locale numbers are written in: the language's (set by :func:`install_translator`); British English
    while none is set and the process runs in the C locale (which groups no digits)."""
    loc = QLocale()
    return QLocale(QLocale.English, QLocale.UnitedKingdom) if loc.language() == QLocale.C else loc


def group_digits(n: int | float) -> str:
    """A whole number with the language's digit grouping ("1,424" in English, "1 424" in Ukrainian)."""
    return ui_locale().toString(int(round(n)))


def passage_minutes(cp) -> str:
    """A checkpoint's minutes of a passage in short: per convoy + per vehicle ("20+2"), the per-vehicle minutes
    alone when a convoy costs nothing more (the map badge and the elements tree say "{n} min" around it)."""
    per = f"{cp.minutes_per_vehicle:g}"
    return f"{cp.minutes_per_convoy:g}+{per}" if cp.minutes_per_convoy else per


#: Element kinds as shown in titles (translated where shown, context PropertiesPanel).
KIND_NAMES = {
    "pickup": QT_TRANSLATE_NOOP("PropertiesPanel", "Pickup"),
    "destination": QT_TRANSLATE_NOOP("PropertiesPanel", "Destination"),
    "depot": QT_TRANSLATE_NOOP("PropertiesPanel", "Depot"),
    "corridor": QT_TRANSLATE_NOOP("PropertiesPanel", "Corridor"),
    "checkpoint": QT_TRANSLATE_NOOP("PropertiesPanel", "Checkpoint"),
    "hazard": QT_TRANSLATE_NOOP("PropertiesPanel", "Hazard"),
    "closure": QT_TRANSLATE_NOOP("PropertiesPanel", "Closure"),
}


def kind_name(kind: str) -> str:
    """The translated name of an element kind (``pickup`` -> "Pickup")."""
    return QCoreApplication.translate("PropertiesPanel", KIND_NAMES.get(kind, kind.capitalize()))


def describe_element(el) -> str:
    """``planner.plan.describe`` with the kind in the GUI's language ("pickup P1 'ZOB'" -> "Пункт збору P1 'ZOB'")."""
    from planner.plan import describe

    text = describe(el)
    kind = getattr(el, "KIND", "")
    name = kind_name(kind)
    if not kind or not text.startswith(kind) or name == KIND_NAMES.get(kind):
        return text  # English: the planner's own words
    return name + text[len(kind) :]
