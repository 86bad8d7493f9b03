"""One editable answer: the input (a choice list, check boxes or a line of text) with, under it,
who gave the answer, the source and when — or that it changed and is not saved yet — and the
error for it, if saving refused it."""

from __future__ import annotations

from datetime import date, tzinfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.assessment_form import Question
from transitions.services.assessment import AnswerEntry, AnswerView
from ui import formatting as fmt
from ui.widgets.style import set_muted
from ui.workspace.assessment import labels

DECLINED = "__declined__"
DIRTY_STYLE = "color: #7a4f00;"
# (value, declined) of an answer; (None, False) = not answered
Value = tuple[str | None, bool]


class AnswerField(QWidget):
    """Base class: the loaded answer, the info line and the error line. (Its strings use the
    "AnswerField" context explicitly: ``self.tr`` in a subclass instance would look them up
    under the subclass's name.)"""

    changed = Signal()

    def __init__(
        self, question: Question, tz: tzinfo, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.language = labels.form_language()
        self._tz = tz
        self._today = today
        self._loaded: Value = (None, False)
        self._answer: AnswerView | None = None
        self.info = set_muted(QLabel())
        self.info.setWordWrap(True)
        font = self.info.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.info.setFont(font)
        self.info.setMinimumHeight(self.info.fontMetrics().height())
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(2)

    def _finish(self, editor: QWidget) -> None:
        self.layout_.addWidget(editor)
        self.layout_.addWidget(self.info)
        self.layout_.addWidget(self.error)
        self.setFocusProxy(editor)

    # -- subclasses ---------------------------------------------------------------------------
    def value(self) -> Value:
        raise TypeError("subclasses return their value")

    def _show_value(self, value: Value) -> None:
        raise TypeError("subclasses show a value")

    # -- common -------------------------------------------------------------------------------
    def set_answer(self, answer: AnswerView | None) -> None:
        self._answer = answer
        self._loaded = (answer.value, answer.declined) if answer is not None else (None, False)
        self.blockSignals(True)
        try:
            self._show_value(self._loaded)
        finally:
            self.blockSignals(False)
        self.error.hide()
        self._update_info()

    def is_dirty(self) -> bool:
        return self.value() != self._loaded

    def entry(self, source: str) -> AnswerEntry:
        value, declined = self.value()
        return AnswerEntry(self.question.key, value, declined, source)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _on_edit(self) -> None:
        self.error.hide()
        self._update_info()
        self.changed.emit()

    def _update_info(self) -> None:
        if self.is_dirty():
            self.info.setText(QCoreApplication.translate("AnswerField", "Changed, not saved yet"))
            self.info.setStyleSheet(DIRTY_STYLE)
            return
        self.info.setStyleSheet("")
        self.info.setText(self.describe(self._answer))
        self.info.setToolTip(self.history_tooltip())

    def describe(self, answer: AnswerView | None) -> str:
        if answer is None:
            return ""
        if answer.derived:
            return QCoreApplication.translate("AnswerField", "From the patient record")
        when = fmt.format_moment(answer.recorded_at, self._tz, self._today)
        text = QCoreApplication.translate("AnswerField", "{source} · {who} · {when}").format(
            source=labels.source_label(answer.source), who=answer.recorded_by or "", when=when
        )
        if answer.declined:
            text = QCoreApplication.translate("AnswerField", "Declined to answer") + " · " + text
        if len(answer.history) > 1:
            text += " " + QCoreApplication.translate("AnswerField", "({n} changes)").format(
                n=len(answer.history) - 1
            )
        return text

    def history_tooltip(self) -> str:
        if self._answer is None or not self._answer.history:
            return ""
        lines = []
        for record in self._answer.history:
            shown = (
                QCoreApplication.translate("AnswerField", "declined")
                if record.declined
                else (record.value or QCoreApplication.translate("AnswerField", "cleared"))
            )
            when = fmt.format_full_moment(record.recorded_at, self._tz)
            lines.append(
                f"{when}: {shown} ({labels.source_label(record.source)}, {record.recorded_by})"
            )
        return "\n".join(lines)


class ChoiceField(AnswerField):
    """One answer from a list; "Declined to answer" at the end when the patient may decline."""

    def __init__(
        self, question: Question, tz: tzinfo, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, tz, today, parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName(question.label.get(self.language))
        self.combo.addItem(self.tr("— not answered —"), None)
        for choice in question.choices:
            self.combo.addItem(choice.label.get(self.language), choice.key)
        if question.declinable:
            self.combo.addItem(self.tr("Declined to answer"), DECLINED)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.view().setMinimumWidth(self.combo.view().sizeHintForColumn(0) + 24)
        self.combo.currentIndexChanged.connect(self._on_edit)
        self.combo.currentTextChanged.connect(self.combo.setToolTip)
        self._finish(self.combo)

    def value(self) -> Value:
        data = self.combo.currentData()
        if data == DECLINED:
            return None, True
        return data, False

    def _show_value(self, value: Value) -> None:
        key, declined = value
        index = self.combo.findData(DECLINED if declined else key)
        self.combo.setCurrentIndex(max(index, 0))

    def choose(self, key: str | None) -> None:
        """Select the answer ``key`` (None: not answered; DECLINED)."""
        self.combo.setCurrentIndex(max(self.combo.findData(key), 0))


class MultiField(AnswerField):
    """Several answers as check boxes (an exclusive one, "None of the above", clears the others)
    and "Declined to answer"."""

    def __init__(
        self, question: Question, tz: tzinfo, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, tz, today, parent)
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        keys = [c.key for c in question.choices] + ([DECLINED] if question.declinable else [])
        texts = [c.label.get(self.language) for c in question.choices]
        if question.declinable:
            texts.append(self.tr("Declined to answer"))
        rows = (len(keys) + 1) // 2
        for index, (key, text) in enumerate(zip(keys, texts, strict=True)):
            check = QCheckBox(text)
            check.toggled.connect(lambda on, k=key: self._toggled(k, on))
            grid.addWidget(check, index % rows, index // rows)
            self.boxes[key] = check
        self._exclusive = {c.key for c in question.choices if c.exclusive} | {DECLINED}
        self._finish(box)
        self.setFocusProxy(self.boxes[keys[0]])

    def _toggled(self, key: str, on: bool) -> None:
        if on:
            for other, check in self.boxes.items():
                if other != key and (key in self._exclusive or other in self._exclusive):
                    check.blockSignals(True)
                    check.setChecked(False)
                    check.blockSignals(False)
        self._on_edit()

    def value(self) -> Value:
        if self.boxes.get(DECLINED) is not None and self.boxes[DECLINED].isChecked():
            return None, True
        chosen = [c.key for c in self.question.choices if self.boxes[c.key].isChecked()]
        return (",".join(chosen) or None), False

    def _show_value(self, value: Value) -> None:
        text, declined = value
        chosen = set((text or "").split(",")) if text else set()
        for key, check in self.boxes.items():
            check.blockSignals(True)
            check.setChecked(key == DECLINED and declined or key in chosen)
            check.blockSignals(False)


class TextField(AnswerField):
    def __init__(
        self, question: Question, tz: tzinfo, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, tz, today, parent)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(question.label.get(self.language))
        self.edit.setMaxLength(question.max_length)
        self.edit.textEdited.connect(lambda _text: self._on_edit())
        self._finish(self.edit)

    def value(self) -> Value:
        text = " ".join(self.edit.text().split())
        return (text or None), False

    def _show_value(self, value: Value) -> None:
        self.edit.setText(value[0] or "")

    def fill(self, text: str) -> None:
        self.edit.setText(text)
        self._on_edit()


def make_field(question: Question, tz: tzinfo, today: date) -> AnswerField:
    if question.kind == "multi":
        return MultiField(question, tz, today)
    if question.kind in ("text", "phone"):
        return TextField(question, tz, today)
    field = ChoiceField(question, tz, today)
    field.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return field
