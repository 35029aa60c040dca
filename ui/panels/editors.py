"""Field editors of the Properties panel that guard their values.

Numbers are spin boxes held to the physical range of their field
(:data:`planner.limits.RANGES`: no −50 people, no lane count of 0), dates and
times are pickers (a calendar, hours and minutes) rather than free text, and
optional values have a check box ("set") instead of an empty string that
means something. A value the plan already holds outside the range (a file
written by hand) is still shown as it is, so the form never hides what
validation complains about.
"""

from __future__ import annotations

from datetime import datetime, time, tzinfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QSize, QTime, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStyledItemDelegate,
    QTimeEdit,
    QWidget,
)

from planner.limits import RANGES

#: Fields whose range is named differently in :data:`planner.limits.RANGES`.
RANGE_ALIASES = {"general": "people", "reduced_mobility": "people", "stretcher": "people"}
DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def field_range(path: str, fallback=None, decimals: int = 2) -> tuple[float, float]:
    """``(minimum, maximum)`` a spin box offers for the plan field ``path`` ("people.general", "rules.lanes").

    An open lower bound (``snap_limit_m > 0``) becomes the smallest step above it
    (``10**-decimals``);
    a field without a physical range takes ``fallback`` ``(lo, hi, ...)``.
    """
    key = path.rsplit(".", 1)[-1].split("]")[-1]
    r = RANGES.get(RANGE_ALIASES.get(key, key))
    if r is None:
        lo, hi = (fallback or (0, 1e9))[:2]
        return float(lo), float(hi)
    lo = 0.0 if r.lo is None else float(r.lo)
    hi = 1e9 if r.hi is None else float(r.hi)
    if r.lo_open:
        lo += 1.0 if r.whole else 10.0**-decimals
    return lo, hi


def int_box(path: str, fallback=None) -> QSpinBox:
    """A spin box for a whole-number field, held to its physical range."""
    w = QSpinBox()
    lo, hi = field_range(path, fallback)
    w.setRange(int(lo), int(min(hi, 2**31 - 1)))
    w.setGroupSeparatorShown(True)
    w.setKeyboardTracking(False)
    w.setProperty("physical", (int(lo), int(min(hi, 2**31 - 1))))
    return w


def float_box(path: str, fallback=None, decimals: int = 1) -> QDoubleSpinBox:
    """A spin box for a decimal field, held to its physical range."""
    w = QDoubleSpinBox()
    w.setDecimals(decimals)
    lo, hi = field_range(path, fallback, decimals)
    w.setRange(lo, hi)
    w.setKeyboardTracking(False)
    w.setProperty("physical", (lo, hi))
    return w


def show_number(box, value) -> None:
    """Show ``value`` in a range-held spin box, widening the range only as far as a value the plan holds."""
    lo, hi = box.property("physical")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        box.setRange(lo, hi)
        box.clear()
        return
    box.setRange(min(lo, value), max(hi, value))
    box.setValue(value)


def qdatetime(value: datetime, tz: tzinfo | None) -> QDateTime:
    """The wall-clock time of an aware ``value`` in ``tz``, as a QDateTime without a zone."""
    if tz is not None and value.tzinfo is not None:
        value = value.astimezone(tz)
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def pydatetime(q: QDateTime, tz: tzinfo | None) -> datetime:
    """A QDateTime read as wall-clock time in ``tz``."""
    d, t = q.date(), q.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=tz)


def utc_offset_text(tz: tzinfo | None, when: datetime | None) -> str:
    """``"UTC+02:00"`` for ``tz`` at ``when`` (the zone the pickers show)."""
    if tz is None:
        return ""
    off = (when or datetime.now()).replace(tzinfo=tz).utcoffset()
    if off is None:
        return ""
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _min_width(w: QWidget) -> int:
    """The width a layout gives ``w`` at least: its set minimum, else its minimum size hint."""
    return w.minimumWidth() or w.minimumSizeHint().width()


class WrapRow(QWidget):
    """Widgets side by side when the row is wide enough for them, else one under another.

    Its minimum width is its widest part's: in the narrow left column (1366x768) a
    date picker and its "UTC+02:00" side by side ran past the panel's right edge.
    """

    def __init__(self, parts, stretch=(), parent=None):
        super().__init__(parent)
        self.parts = list(parts)
        lay = QBoxLayout(QBoxLayout.LeftToRight, self)
        lay.setContentsMargins(0, 0, 0, 0)
        for i, part in enumerate(self.parts):
            lay.addWidget(part, 1 if i in stretch else 0)

    def _wide_width(self) -> int:
        shown = [w for w in self.parts if not w.isHidden()]
        widths = [w._wide_width() if isinstance(w, WrapRow) else _min_width(w) for w in shown]
        return sum(widths) + self.layout().spacing() * max(0, len(shown) - 1)

    def minimumSizeHint(self) -> QSize:
        narrow = max((_min_width(w) for w in self.parts if not w.isHidden()), default=0)
        return QSize(narrow, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        wide = event.size().width() >= self._wide_width()
        direction = QBoxLayout.LeftToRight if wide else QBoxLayout.TopToBottom
        if self.layout().direction() != direction:
            self.layout().setDirection(direction)
        super().resizeEvent(event)


class OptionalField(QWidget):
    """A check box and a date-time (or time) picker: unchecked means "not set" (``None``).

    ``committed`` is emitted when the planner finishes an edit (picker left or
    Enter, check box toggled).
    """

    committed = Signal()

    def __init__(self, editor, unset_text: str, set_text: str, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.check = QCheckBox(set_text)
        self.unset_text = unset_text
        self.zone = QLabel()
        self.zone.setStyleSheet("color:#666")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(WrapRow([WrapRow([self.check, editor], stretch=(1,)), self.zone], stretch=(0,)))
        self.check.toggled.connect(self._toggled)
        editor.editingFinished.connect(self._finished)
        self._toggled(False)

    def _toggled(self, on: bool) -> None:
        self.editor.setEnabled(on)
        self.editor.setToolTip("" if on else self.unset_text)
        if self.signalsBlocked():
            return
        self.committed.emit()

    def _finished(self) -> None:
        if self.check.isChecked():
            self.committed.emit()

    def is_set(self) -> bool:
        return self.check.isChecked()

    def set_checked(self, on: bool) -> None:
        self.check.blockSignals(True)
        self.check.setChecked(on)
        self.check.blockSignals(False)
        self.editor.setEnabled(on)


def datetime_edit() -> QDateTimeEdit:
    """A date-time picker with a calendar, minutes resolution."""
    w = QDateTimeEdit()
    w.setCalendarPopup(True)
    w.setDisplayFormat(DATETIME_FORMAT)
    w.setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31))  # planner.limits MIN_YEAR, MAX_YEAR
    w.setKeyboardTracking(False)
    # Qt's minimum leaves room for wider digits than these: the date, its time and the calendar button fit in
    # less, and the narrow left column of a 1366x768 screen has no more
    room = w.fontMetrics().horizontalAdvance("8888-88-88 88:88") + 36
    w.setMinimumWidth(min(w.minimumSizeHint().width(), room))
    return w


def time_edit() -> QTimeEdit:
    """An hours:minutes picker."""
    w = QTimeEdit()
    w.setDisplayFormat("HH:mm")
    w.setKeyboardTracking(False)
    return w


class DateTimeField(QWidget):
    """A required date and time: picker plus the zone it is shown in."""

    committed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editor = datetime_edit()
        self.zone = QLabel()
        self.zone.setStyleSheet("color:#666")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(WrapRow([self.editor, self.zone], stretch=(0,)))
        self.editor.editingFinished.connect(self.committed)


def optional_datetime(unset_text: str) -> OptionalField:
    return OptionalField(datetime_edit(), unset_text, QCoreApplication.translate("OptionalField", "at"))


def optional_time(unset_text: str) -> OptionalField:
    return OptionalField(time_edit(), unset_text, QCoreApplication.translate("OptionalField", "at"))


def qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def pytime(q: QTime) -> time:
    return time(q.hour(), q.minute())


class RangeDelegate(QStyledItemDelegate):
    """Spin boxes held to the physical range for the number columns of a table (the vehicle types)."""

    def __init__(self, columns, parent=None):
        super().__init__(parent)
        self.columns = columns  # [(attr, label, type)]

    def createEditor(self, parent, option, index):
        attr, _label, typ = self.columns[index.column()]
        if typ is int:
            return _parented(int_box(attr), parent)
        if typ is float:
            return _parented(float_box(attr, decimals=1), parent)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        if isinstance(editor, (QSpinBox, QDoubleSpinBox)):
            text = str(index.data() or "").replace(",", "")
            try:
                value = int(text) if isinstance(editor, QSpinBox) else float(text)
            except ValueError:
                value = editor.minimum()
            show_number(editor, value)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QSpinBox):
            model.setData(index, str(editor.value()))
        elif isinstance(editor, QDoubleSpinBox):
            model.setData(index, f"{editor.value():g}")
        else:
            super().setModelData(editor, model, index)


def _parented(w, parent):
    w.setParent(parent)
    return w
