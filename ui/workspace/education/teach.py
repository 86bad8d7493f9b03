"""The teach panel: one item's text in the patient's language, the teaching form, history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from transitions.services.education import ItemState, TeachingEntry, TeachingRecordView
from ui import formatting as fmt
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn
from ui.workspace.education import labels

ERROR_STYLE = "color: #b00020;"


def _combo(pairs: list[tuple[str, str]], placeholder: str | None = None) -> QComboBox:
    combo = QComboBox()
    if placeholder is not None:
        combo.addItem(placeholder, None)
    for value, text in pairs:
        combo.addItem(text, value)
    return combo


class TeachPanel(QWidget):
    """Shows :class:`ItemState` and collects a :class:`TeachingEntry` (validated here first)."""

    def __init__(
        self,
        tz: tzinfo,
        today: Callable[[], date],
        on_record: Callable[[TeachingEntry], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tz = tz
        self._on_record = on_record
        self.item: ItemState | None = None
        self.interpreter_expected = False

        self.text_view = QTextBrowser()
        self.text_view.setOpenLinks(False)
        self.text_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text_view.setAccessibleName(self.tr("What to teach"))

        self.learner = _combo(labels.learners())
        self.method = _combo(labels.methods())
        self.result = _combo(labels.results(), self.tr("— choose the teach-back result —"))
        self.interpreter = _combo(
            [("yes", self.tr("Yes")), ("no", self.tr("No"))], self.tr("— choose —")
        )
        self.interpreter_id = QLineEdit()
        self.interpreter_id.setPlaceholderText(self.tr("Interpreter ID number"))
        self.interpreter_id.setMaxLength(40)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        self.errors: dict[str, QLabel] = {}
        form = self.form = QFormLayout()
        for key, text, widget in (
            ("learner", self.tr("&Learner:"), self.learner),
            ("method", self.tr("&Method:"), self.method),
            ("result", self.tr("&Teach-back:"), self.result),
            ("interpreter_used", self.tr("&Interpreter used:"), self.interpreter),
            ("interpreter_id", self.tr("Interpreter I&D:"), self.interpreter_id),
            ("notes", self.tr("N&otes:"), self.notes),
        ):
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            self.errors[key] = error
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(widget)
            cell.addWidget(error)
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, cell)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        self._interpreter_rows = [self.interpreter, self.interpreter_id]
        self.interpreter.currentIndexChanged.connect(self._interpreter_changed)

        self.record_button = QPushButton(self.tr("&Record teaching"))
        self.record_button.setToolTip(self.tr("Ctrl+Enter"))
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.submit)
        self.required_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.required_label, 1)
        buttons.addWidget(self.record_button)

        self.history_model: PlainTableModel[TeachingRecordView] = PlainTableModel(
            [
                TableColumn(
                    self.tr("When"),
                    lambda r: fmt.format_moment(r.taught_at, tz, today()),
                    lambda r: fmt.format_full_moment(r.taught_at, tz),
                ),
                TableColumn(self.tr("By"), lambda r: r.taught_by),
                TableColumn(
                    self.tr("Learner"), lambda r: labels.label_of(labels.learners(), r.learner)
                ),
                TableColumn(
                    self.tr("Method"), lambda r: labels.label_of(labels.methods(), r.method)
                ),
                TableColumn(
                    self.tr("Result"), lambda r: labels.label_of(labels.results(), r.result)
                ),
                TableColumn(self.tr("Interpreter"), self._interpreter_text),
                TableColumn(self.tr("Notes"), lambda r: r.notes or "", stretch=True),
            ],
            self,
        )
        self.history = EmptyStateTableView()
        self.history.setModel(self.history_model)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMinimumHeight(self.fontMetrics().height() * 6)
        self.history.set_empty_text(self.tr("Not taught yet"))
        self.history.setAccessibleName(self.tr("Teaching history"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_view, 3)
        layout.addLayout(form)
        layout.addLayout(buttons)
        history_title = QLabel(self.tr("History"))
        font = history_title.font()
        font.setBold(True)
        history_title.setFont(font)
        layout.addWidget(history_title)
        layout.addWidget(self.history, 1)
        chain = [self.learner, self.method, self.result, self.interpreter]
        chain += [self.interpreter_id, self.notes, self.record_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.setEnabled(False)

    def _interpreter_text(self, record: TeachingRecordView) -> str:
        if record.interpreter_used is None:
            return ""
        if record.interpreter_used:
            return self.tr("Yes, {id}").format(id=record.interpreter_id or "")
        return self.tr("No")

    def _interpreter_changed(self) -> None:
        self.interpreter_id.setEnabled(self.interpreter.currentData() == "yes")

    def set_interpreter_expected(self, expected: bool) -> None:
        self.interpreter_expected = expected
        for widget in self._interpreter_rows:
            self.form.setRowVisible(self._row_of(self.form, widget), expected)
        self._interpreter_changed()

    @staticmethod
    def _row_of(form: QFormLayout, widget: QWidget) -> int:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            cell = item.layout() if item is not None else None
            if cell is not None and cell.indexOf(widget) >= 0:
                return row
        return -1

    def show_item(self, item: ItemState | None) -> None:
        """Show ``item``; the form keeps learner, method and interpreter for the next item."""
        self.item = item
        self.clear_errors()
        self.setEnabled(item is not None)
        if item is None:
            self.text_view.clear()
            self.history_model.set_rows([])
            self.required_label.clear()
            return
        self.text_view.setHtml(self._html(item))
        self.history_model.set_rows(list(item.history))
        self.history.resizeColumnsToContents()
        self.result.setCurrentIndex(0)
        self.notes.clear()
        self.required_label.setText(
            self.tr("Teach-back required")
            if item.teach_back_required
            else self.tr("Teach-back optional")
        )

    def _html(self, item: ItemState) -> str:
        heading = escape(item.title)
        if item.title != item.title_en:
            heading += f" <small>({escape(item.title_en)})</small>"
        parts = [f"<h3>{heading}</h3>", f"<p>{escape(item.text)}</p>"]
        caption = escape(self.tr("Teach-back:"))
        parts.append(f"<p><b>{caption}</b> <i>{escape(item.teach_back)}</i></p>")
        for title, lines in (
            (self.tr("Call your doctor if:"), item.call_doctor),
            (self.tr("Call 911 if:"), item.call_911),
        ):
            if lines:
                bullets = "".join(f"<li>{escape(line)}</li>" for line in lines)
                parts.append(f"<p><b>{escape(title)}</b></p><ul>{bullets}</ul>")
        return "".join(parts)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()

    def show_error(self, field: str | None, message: str) -> bool:
        """Show ``message`` next to ``field``; False when the field is not on this form."""
        label = self.errors.get(field or "")
        if label is None:
            return False
        label.setText(message)
        label.show()
        return True

    def entry(self) -> TeachingEntry | None:
        """The form as an entry, or None (with messages shown) when something is missing."""
        assert self.item is not None
        self.clear_errors()
        problems: list[tuple[str, str]] = []
        if self.result.currentData() is None:
            problems.append(("result", self.tr("Choose the teach-back result.")))
        interpreter_used: bool | None = None
        if self.interpreter_expected:
            choice = self.interpreter.currentData()
            if choice is None:
                problems.append(
                    ("interpreter_used", self.tr("Say whether an interpreter was used."))
                )
            interpreter_used = None if choice is None else choice == "yes"
            if interpreter_used and not self.interpreter_id.text().strip():
                problems.append(("interpreter_id", self.tr("Enter the interpreter's ID.")))
        for field, message in problems:
            self.show_error(field, message)
        if problems:
            return None
        interpreter_id = self.interpreter_id.text().strip() if interpreter_used else ""
        return TeachingEntry(
            module_id=self.item.module_id,
            item_id=self.item.item_id,
            learner=self.learner.currentData(),
            method=self.method.currentData(),
            result=self.result.currentData(),
            interpreter_used=interpreter_used,
            interpreter_id=interpreter_id or None,
            notes=self.notes.toPlainText().strip() or None,
        )

    def submit(self) -> None:
        if self.item is None:
            return
        entry = self.entry()
        if entry is not None:
            self._on_record(entry)
