"""Properties of the selected element (or of the plan when nothing is selected).

Each edit is one :class:`ui.commands.EditElementCommand` (plan settings:
:class:`ui.commands.EditPlanCommand`; coordinates: :class:`ui.commands.MoveElementCommand`).
After every change the plan is validated and snapped (``planner.plan.check.plan_problems``) and the
messages for the shown element appear under the field they name.
"""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.plan import ERROR, VehicleType
from planner.plan.check import plan_problems
from ui.commands import EditElementCommand, EditPlanCommand, MoveElementCommand, get_field
from ui.i18n import describe_element, kind_name
from ui.messages import problem_text
from ui.panels.editors import (
    DateTimeField,
    RangeDelegate,
    WrapRow,
    float_box,
    int_box,
    optional_datetime,
    optional_time,
    pydatetime,
    pytime,
    qdatetime,
    qtime,
    show_number,
    utc_offset_text,
)
from ui.panels.fields import FIELDS, PLAN_FIELDS, VEHICLE_COLUMNS, format_dt, parse_dt

MESSAGES_HEIGHT = 64  # px: about four lines of messages, scrolled beyond


class _Row:
    """One field editor: how to read the model into it and what it last showed."""

    def __init__(self, path, kind, editor, message: QLabel, options=None):
        self.path, self.kind, self.editor, self.message, self.options = path, kind, editor, message, options


class PropertiesPanel(QScrollArea):
    """Form for the single selected element, or plan settings when nothing is selected."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._rows: list[_Row] = []
        self._editor_errors: dict[str, str] = {}  # path -> what an editor could not read
        self._element_id = None  # None: plan settings
        self._loading = False
        doc.selectionChanged.connect(self._on_selection)
        doc.planReset.connect(self.rebuild)
        doc.planChanged.connect(self._on_plan_changed)
        doc.elementChanged.connect(self._on_element_changed)
        doc.elementRemoved.connect(self._on_element_removed)
        doc.elementAdded.connect(lambda _i: self._show_problems())
        self.rebuild()

    # ------------------------------------------------------------ build

    def _on_selection(self, ids) -> None:
        new = ids[0] if len(ids) == 1 else None
        if new != self._element_id or len(ids) > 1:
            self._element_id = new
            self._multi = len(ids) > 1
            self.rebuild()

    def _on_element_changed(self, element_id) -> None:
        if element_id == self._element_id:
            self._load_values()
        self._show_problems()

    def _on_element_removed(self, element_id) -> None:
        if element_id == self._element_id:
            self._element_id = None
            self.rebuild()
        else:
            self._show_problems()

    def _on_plan_changed(self) -> None:
        if self._element_id is None:
            self._load_values()
        self._show_problems()

    def target(self):
        return self.doc.plan if self._element_id is None else self.doc.element(self._element_id)

    def rebuild(self) -> None:
        self._rows = []
        self._editor_errors = {}
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(6, 8, 6, 8)  # 6: the narrow column (1366x768) holds a date picker and its marker
        el = self.doc.element(self._element_id) if self._element_id else None
        if self._element_id and el is None:
            self._element_id = None
        title = QLabel()
        title.setWordWrap(True)
        title.setTextFormat(Qt.RichText)
        if el is None:
            hint = (
                self.tr("Select an element on the map or in the tree to edit it.")
                if not getattr(self, "_multi", False)
                else self.tr("Several elements are selected: select one to edit it.")
            )
            heading = self.tr("Plan settings")
            title.setText(f"<b>{heading}</b><br><span style='color:#666'>{hint}</span>")
            specs = PLAN_FIELDS
        else:
            title.setText(f"<b>{kind_name(el.KIND)} {el.id}</b>")
            specs = FIELDS[el.KIND]
        outer.addWidget(title)
        # every message of the shown element in one box of fixed height: fields never move when one comes or goes
        self._messages = QLabel()
        self._messages.setWordWrap(True)
        self._messages.setTextFormat(Qt.PlainText)
        self._messages.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self._messages.setTextInteractionFlags(Qt.TextSelectableByMouse)
        box = QScrollArea()
        box.setWidget(self._messages)
        box.setWidgetResizable(True)
        box.setFixedHeight(MESSAGES_HEIGHT)
        box.setFrameShape(QScrollArea.StyledPanel)
        box.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        outer.addWidget(box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        for path, label, kind, options in specs:
            editor = self._make_editor(path, kind, options)
            message = QLabel()  # a marker beside the field; its tooltip holds the field's messages
            message.setFixedWidth(16)
            policy = message.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            message.setSizePolicy(policy)
            message.hide()
            box = QWidget()
            lay = QHBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(3)
            lay.addWidget(editor, 1)
            lay.addWidget(message, 0, Qt.AlignTop)
            caption = QLabel(self.tr(label))
            caption.setWordWrap(True)  # a long caption takes two lines in a narrow column, not its width
            form.addRow(caption, box)
            self._rows.append(_Row(path, kind, editor, message, options))
        outer.addLayout(form)
        if el is None:
            net = self.doc.plan.network
            loaded = self.tr("loaded") if self.doc.network is not None else self.tr("not in the store")
            info = QLabel(self.tr("Network: <b>{name}</b> ({state})").format(name=net.name, state=loaded))
            info.setTextFormat(Qt.RichText)
            info.setWordWrap(True)
            outer.addWidget(info)
        outer.addStretch(1)
        self.setWidget(page)
        self._load_values()
        self._show_problems()

    def _make_editor(self, path, kind, options):
        if kind == "text":
            w = QLineEdit()
            w.editingFinished.connect(lambda p=path, w=w: self._commit(p, w.text().strip()))
        elif kind == "int":
            w = int_box(path, options)
            w.editingFinished.connect(lambda p=path, w=w: self._commit(p, w.value()))
        elif kind == "float":
            w = float_box(path, options, options[2])
            w.editingFinished.connect(lambda p=path, w=w: self._commit(p, float(w.value())))
        elif kind == "bool":
            w = QCheckBox()
            w.toggled.connect(lambda on, p=path: self._commit(p, bool(on)))
        elif kind == "choice":
            w = QComboBox()
            for option in options:
                w.addItem(self.tr(option), option)
            w.activated.connect(lambda _i, p=path, w=w: self._commit(p, w.currentData()))
        elif kind == "reference":
            w = QComboBox()
            w.activated.connect(lambda _i, p=path, w=w: self._commit(p, w.currentData()))
        elif kind == "optint":  # 0 shows as "unlimited" and means None
            w = int_box(path)
            w.setMinimum(0)
            w.setProperty("physical", (0, w.maximum()))
            w.setSpecialValueText(self.tr("unlimited"))
            w.editingFinished.connect(lambda p=path, w=w: self._commit(p, w.value() or None))
        elif kind == "datetime":
            w = DateTimeField()
            w.committed.connect(lambda p=path, w=w: self._commit(p, pydatetime(w.editor.dateTime(), self._tz())))
        elif kind == "optdatetime":
            w = optional_datetime(self.tr("not set: from the window start"))
            w.committed.connect(
                lambda p=path, w=w: self._commit(p, pydatetime(w.editor.dateTime(), self._tz()) if w.is_set() else None)
            )
        elif kind == "opttime":
            w = optional_time(self.tr("not set: always open"))
            w.committed.connect(lambda p=path, w=w: self._commit(p, pytime(w.editor.time()) if w.is_set() else None))
        elif kind == "point":
            w = QWidget()
            lay = QVBoxLayout(w)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            w.lon = QDoubleSpinBox()
            w.lat = QDoubleSpinBox()
            for sb, rng, pre in ((w.lon, 180, self.tr("lon") + " "), (w.lat, 90, self.tr("lat") + " ")):
                sb.setMinimumWidth(60)
                sb.setRange(-rng, rng)
                sb.setDecimals(6)
                sb.setPrefix(pre)
                sb.setSingleStep(0.0005)
                sb.editingFinished.connect(self._commit_point)
                lay.addWidget(sb)
        elif kind == "vertices":
            w = QLabel()
            w.setStyleSheet("color:#444")
            w.setWordWrap(True)
        elif kind == "notes":
            w = QPlainTextEdit()
            w.setFixedHeight(70)
            w.focusOutEvent = lambda ev, w=w, p=path: (
                self._commit(p, w.toPlainText()),
                QPlainTextEdit.focusOutEvent(w, ev),
            )
        elif kind == "vehicles":
            w = self._vehicles_editor()
        else:  # pragma: no cover
            raise ValueError(kind)
        return w

    def _vehicles_editor(self):
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        table = QTableWidget(0, len(VEHICLE_COLUMNS))
        table.setHorizontalHeaderLabels([self.tr(c[1]) for c in VEHICLE_COLUMNS])
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(22)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setMinimumHeight(110)
        table.setItemDelegate(RangeDelegate(VEHICLE_COLUMNS, table))
        table.cellChanged.connect(self._commit_vehicle_cell)
        add = QPushButton(self.tr("Add vehicle type"))
        add.clicked.connect(self._add_vehicle)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self._remove_vehicle(table.currentRow()))
        lay.addWidget(table)
        lay.addWidget(WrapRow([add, remove]))  # one under the other in a narrow column
        box.table = table
        return box

    # ------------------------------------------------------------ model -> editors

    def _load_values(self) -> None:
        target = self.target()
        if target is None:
            return
        self._loading = True
        try:
            for row in self._rows:
                self._load_row(row, target)
        finally:
            self._loading = False

    def _load_row(self, row, target) -> None:
        w, kind = row.editor, row.kind
        if kind == "point":
            for sb, v in ((w.lon, target.lon), (w.lat, target.lat)):
                sb.blockSignals(True)
                sb.setValue(v)
                sb.blockSignals(False)
            return
        if kind == "vehicles":
            self._load_vehicles(w.table, target.vehicles)
            return
        value = get_field(target, row.path)
        w.blockSignals(True)
        try:
            if kind == "text":
                if w.text() != value:
                    w.setText(value)
                    w.setCursorPosition(0)
            elif kind in ("int", "float", "optint"):
                show_number(w, 0 if value is None else value)
            elif kind == "bool":
                w.setChecked(bool(value))
            elif kind == "choice":
                w.setCurrentIndex(max(w.findData(value), 0))
            elif kind == "reference":
                w.clear()
                w.addItem(self.tr("any destination"), None)
                for el in getattr(self.doc.plan, row.options):
                    w.addItem(f"{el.id}  {el.name}", el.id)
                i = w.findData(value)
                w.setCurrentIndex(max(i, 0))
            elif kind in ("datetime", "optdatetime"):
                shown = value if isinstance(value, datetime) else self.doc.plan.window.start
                if isinstance(shown, datetime):
                    w.editor.setDateTime(qdatetime(shown, self._tz()))
                w.zone.setText(utc_offset_text(self._tz(), shown if isinstance(shown, datetime) else None))
                if kind == "optdatetime":
                    w.set_checked(isinstance(value, datetime))
            elif kind == "opttime":
                w.editor.setTime(qtime(value) if isinstance(value, time) else QTime(8, 0))
                w.set_checked(isinstance(value, time))
            elif kind == "vertices":
                if not value:
                    w.setText(self.tr("no vertices yet: draw on the map"))
                else:
                    first, last = value[0], value[-1]
                    w.setText(
                        self.tr(
                            "{n} vertices, from {lat0}, {lon0} to {lat1}, {lon1} (edit by dragging on the map)"
                        ).format(
                            n=len(value),
                            lat0=f"{first[1]:.5f}",
                            lon0=f"{first[0]:.5f}",
                            lat1=f"{last[1]:.5f}",
                            lon1=f"{last[0]:.5f}",
                        )
                    )
            elif kind == "notes":
                if w.toPlainText() != value:
                    w.setPlainText(value)
        finally:
            w.blockSignals(False)

    def _load_vehicles(self, table, vehicles) -> None:
        table.blockSignals(True)
        table.setRowCount(len(vehicles))
        for r, vt in enumerate(vehicles):
            for c, (attr, _label, typ) in enumerate(VEHICLE_COLUMNS):
                v = getattr(vt, attr)
                text = format_dt(v) if typ == "dt" else (f"{v:g}" if isinstance(v, float) else str(v))
                item = QTableWidgetItem(text)
                if typ in (int, float):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                table.setItem(r, c, item)
        table.blockSignals(False)

    # ------------------------------------------------------------ editors -> commands

    def _push(self, changes: dict) -> None:
        if self._element_id is None:
            self.doc.undo_stack.push(EditPlanCommand(self.doc, changes))
        else:
            self.doc.undo_stack.push(EditElementCommand(self.doc, self._element_id, changes))

    def _commit(self, path, value) -> None:
        if self._loading:
            return
        target = self.target()
        if target is None:
            return
        self._row_error(path, None)
        if get_field(target, path) == value:
            return
        self._push({path: value})

    def _tz(self):
        """The zone dates are shown and typed in: the window start's."""
        start = self.doc.plan.window.start
        return start.tzinfo if isinstance(start, datetime) else None

    def _commit_point(self) -> None:
        if self._loading or self._element_id is None:
            return
        row = next(r for r in self._rows if r.kind == "point")
        el = self.target()
        new = (float(row.editor.lon.value()), float(row.editor.lat.value()))
        if (round(el.lon, 6), round(el.lat, 6)) != (round(new[0], 6), round(new[1], 6)):
            self.doc.undo_stack.push(MoveElementCommand(self.doc, self._element_id, new))

    def _commit_vehicle_cell(self, r, c) -> None:
        if self._loading or self._element_id is None:
            return
        table = self.sender()
        attr, label, typ = VEHICLE_COLUMNS[c]
        text = table.item(r, c).text().strip()
        try:
            if typ == "dt":
                value = parse_dt(text, self.doc.plan.window.tzinfo)
            elif typ is str:
                value = text
            else:
                value = typ(text)
        except ValueError:
            name = self.tr(label)
            self._row_error(
                "vehicles",
                self.tr("vehicle row {row}, {column}: {text} is not a valid value").format(
                    row=r + 1, column=name, text=repr(text)
                ),
            )
            self._load_values()
            return
        self._row_error("vehicles", None)
        path = f"vehicles[{r}].{attr}"
        if get_field(self.target(), path) != value:
            self._push({path: value})

    def _add_vehicle(self) -> None:
        el = self.target()
        if el is None or self._element_id is None:
            return
        self._push({"vehicles": list(el.vehicles) + [VehicleType()]})

    def _remove_vehicle(self, r) -> None:
        el = self.target()
        if el is None or self._element_id is None or not 0 <= r < len(el.vehicles):
            return
        self._push({"vehicles": [v for i, v in enumerate(el.vehicles) if i != r]})

    # ------------------------------------------------------------ validation messages

    def _row_error(self, path, text) -> None:
        """A message the editor itself has for ``path`` (an unreadable cell), until the next commit."""
        if text:
            self._editor_errors[path] = text
        else:
            self._editor_errors.pop(path, None)
        self._show_problems()

    def _show_problems(self) -> None:
        """Validate the plan; mark each field the shown target's messages name and list them all in the box."""
        if not self._rows:
            return
        problems = plan_problems(self.doc.plan, self.doc.network)
        mine = [p for p in problems if p.element_id == self._element_id]
        if self._element_id is None:  # plan settings: the plan-wide problems
            mine = [p for p in problems if p.element_id is None]
        entries = [(ERROR, path, text) for path, text in self._editor_errors.items()]
        entries += [(p.severity, p.field, problem_text(p, self.doc)) for p in mine]
        per_row: dict[int, list[tuple[str, str]]] = {}
        lines = []
        for severity, field, message in entries:
            mark = "✖" if severity == ERROR else "⚠"
            lines.append(f"{mark} {message}")
            idx = self._row_for(field)
            if idx is not None:
                per_row.setdefault(idx, []).append((mark, message))
        for i, row in enumerate(self._rows):
            msgs = per_row.get(i, [])
            error = any(m == "✖" for m, _ in msgs)
            row.message.setText("✖" if error else "⚠" if msgs else "")
            row.message.setStyleSheet("color:#b00020" if error else "color:#8a6100")
            row.message.setToolTip("\n".join(f"{m} {text}" for m, text in msgs))
            row.message.setVisible(bool(msgs))
        if lines:
            self._messages.setText("\n".join(lines))
            self._messages.setStyleSheet(
                "color:#b00020" if any(s == ERROR for s, _f, _m in entries) else "color:#8a6100"
            )
        else:
            self._messages.setText(self.tr("No problems here."))
            self._messages.setStyleSheet("color:#1a7f37")

    def _row_for(self, field: str):
        field = field or ""
        best, best_len = None, -1
        for i, row in enumerate(self._rows):
            keys = [row.path]
            if row.kind == "point":
                keys = ["lon", "lat", "point"]
            for key in keys:
                if (field == key or field.startswith((key + ".", key + "["))) and len(key) > best_len:
                    best, best_len = i, len(key)
        return best


def describe_selection(doc) -> str:
    """One line for the status bar: what is selected."""
    if not doc.selection:
        return ""
    if len(doc.selection) == 1:
        el = doc.element(doc.selection[0])
        return describe_element(el) if el else ""
    return QCoreApplication.translate("PropertiesPanel", "{n} elements selected").format(n=len(doc.selection))
