"""Dialogs of the main window: a new plan."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from planner.plan import NetworkRef, Plan, Window


class NewPlanDialog(QDialog):
    """Plan name, network from the store, window start and length."""

    def __init__(self, networks: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("New plan")
        form = QFormLayout(self)
        self.name = QLineEdit("New evacuation plan")
        self.network = QComboBox()
        self.network.addItems(networks)
        tomorrow = (datetime.now().astimezone() + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)
        self.start = QLineEdit(tomorrow.isoformat(sep=" ", timespec="minutes"))
        self.hours = QLineEdit("10")
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020")
        form.addRow("Name", self.name)
        form.addRow("Road network", self.network)
        form.addRow("Window start", self.start)
        form.addRow("Window length (h)", self.hours)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.plan = None

    def _accept(self):
        try:
            start = datetime.fromisoformat(self.start.text().strip())
            if start.tzinfo is None:
                start = start.astimezone()
            hours = float(self.hours.text())
            if not 0 < hours <= 24 * 14:
                raise ValueError("window length must be between 0 and 336 hours")
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        if not self.network.currentText():
            self.error.setText("choose a road network (import one first: Networks → Import OSM file…)")
            return
        self.plan = Plan(
            name=self.name.text().strip() or "New plan",
            network=NetworkRef(self.network.currentText(), None),
            window=Window(start=start, end=start + timedelta(hours=hours)),
        )
        self.accept()
