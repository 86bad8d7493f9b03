"""Dialogs of the Medications step: a discharge medicine (add / change), a reason, a note.

Each dialog hands its input to ``submit`` (which runs the service through ``ctx.submit``); a
:class:`ValidationError` comes back as a message next to the field it names, anything else via
``on_other_error``; success closes the dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.medrec.sig import parse_sig
from transitions.domain.medrec.workflow import reasons
from transitions.errors import ValidationError
from transitions.services.medrec import MedInput
from ui.dialogs.common import error_label, set_error
from ui.errors import sentence


class _FieldErrors:
    """Red labels under form rows, keyed by the service's field names."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.general = error_label()

    def add(self, form: QFormLayout, field: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        self.labels[field] = error_label()
        layout.addWidget(self.labels[field])
        form.addRow(label, box)

    def clear(self) -> None:
        for label in (*self.labels.values(), self.general):
            set_error(label, None)

    def show(self, exc: ValidationError) -> str | None:
        """Show the message at its field (or at the bottom); returns the field shown."""
        target = self.labels.get(exc.field or "")
        set_error(target or self.general, sentence(str(exc)))
        return exc.field if target else None


class ReasonFields:
    """Reason pick-list + free text for a change or a stop."""

    def __init__(self, kind: str) -> None:
        self.combo = QComboBox()
        self.combo.addItem("", "")
        for code, label in reasons()[kind].items():
            self.combo.addItem(label, code)
        self.text = QLineEdit()
        self.text.setPlaceholderText(
            QCoreApplication.translate("Medications", "Details (required for 'Other')")
        )

    @property
    def code(self) -> str:
        return str(self.combo.currentData() or "")


class MedicationDialog(QDialog):
    """A discharge medicine: drug (type-ahead), structured sig, or free-text directions."""

    def __init__(
        self,
        title: str,
        drug_names: Sequence[str],
        submit: Callable[[MedInput, str, str], None],
        *,
        initial: MedInput | None = None,
        reason_kind: str | None = None,
        drug_editable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self.drug = QLineEdit()
        completer = QCompleter(list(drug_names), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        self.drug.setCompleter(completer)
        self.drug.setReadOnly(not drug_editable)
        self.sig = QLineEdit()
        self.sig.setPlaceholderText(
            self.tr("e.g. 1 tab po bid, 10 units subq at bedtime, q6h prn pain")
        )
        self.read_button = QPushButton(self.tr("&Read directions"))
        self.read_button.setAutoDefault(False)
        self.sig_note = QLabel()
        self.sig_note.setWordWrap(True)
        self.dose = QLineEdit()
        self.dose.setPlaceholderText(self.tr("e.g. 10 mg, 0.5 mg, 1-2 tablets, 10 units"))
        self.route = QLineEdit()
        self.route.setPlaceholderText(self.tr("e.g. oral, subcutaneous, inhaled"))
        self.frequency = QLineEdit()
        self.frequency.setPlaceholderText(self.tr("e.g. daily, BID, q6h, at bedtime"))
        self.form_field = QLineEdit()
        self.form_field.setPlaceholderText(self.tr("e.g. tablet, ER tablet, pen"))
        self.prn = QCheckBox(self.tr("As needed (PRN)"))
        self.indication = QLineEdit()
        self.duration = QSpinBox()
        self.duration.setRange(0, 366)
        self.duration.setSpecialValueText(self.tr("ongoing"))
        self.duration.setSuffix(self.tr(" days"))
        self.instructions = QLineEdit()

        self.errors = _FieldErrors()
        form = QFormLayout()
        self.errors.add(form, "drug", self.tr("&Drug:"), self.drug)
        self.errors.add(form, "sig", self.tr("D&irections:"), self.sig)
        form.addRow("", self.read_button)
        form.addRow("", self.sig_note)
        self.errors.add(form, "dose", self.tr("D&ose:"), self.dose)
        self.errors.add(form, "route", self.tr("R&oute:"), self.route)
        self.errors.add(form, "frequency", self.tr("&Frequency:"), self.frequency)
        self.errors.add(form, "form", self.tr("Fo&rm:"), self.form_field)
        form.addRow("", self.prn)
        self.errors.add(form, "indication", self.tr("Indication:"), self.indication)
        self.errors.add(form, "duration_days", self.tr("Duration:"), self.duration)
        self.errors.add(form, "instructions", self.tr("Instructions:"), self.instructions)
        self.reason: ReasonFields | None = None
        if reason_kind is not None:
            self.reason = ReasonFields(reason_kind)
            self.errors.add(form, "reason", self.tr("Re&ason:"), self.reason.combo)
            self.errors.add(form, "reason_text", self.tr("Details:"), self.reason.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.read_button.clicked.connect(self.read_directions)
        if initial is not None:
            self._fill(initial)
        (self.drug if drug_editable else self.dose).setFocus()
        self.resize(560, self.sizeHint().height())

    def _fill(self, med: MedInput) -> None:
        self.drug.setText(med.drug)
        self.dose.setText(med.dose)
        self.route.setText(med.route)
        self.frequency.setText(med.frequency)
        self.form_field.setText(med.form)
        self.prn.setChecked(med.prn)
        self.indication.setText(med.indication)
        self.duration.setValue(med.duration_days or 0)
        self.instructions.setText(med.instructions)
        self.sig.setText(med.sig)

    def read_directions(self) -> None:
        """Fill the structured fields from the free text; say what was not understood."""
        sig = parse_sig(self.sig.text())
        if sig.dose:
            self.dose.setText(sig.dose.display)
        if sig.route:
            self.route.setText(sig.route)
        if sig.frequency:
            self.frequency.setText(sig.frequency.label)
        if sig.prn:
            self.prn.setChecked(True)
        if sig.indication:
            self.indication.setText(sig.indication)
        if sig.duration_days:
            self.duration.setValue(sig.duration_days)
        if sig.instructions:
            self.instructions.setText("; ".join(sig.instructions))
        if sig.flagged:
            self.sig_note.setText(
                self.tr("Not understood (kept with the medicine): %1").replace(
                    "%1", sig.unparsed or sig.text
                )
            )
            self.sig_note.setStyleSheet("color: #8a4b00;")
        else:
            self.sig_note.setText(self.tr("Directions read into the fields below."))
            self.sig_note.setStyleSheet("")

    def value(self) -> MedInput:
        return MedInput(
            drug=self.drug.text(),
            dose=self.dose.text(),
            route=self.route.text(),
            frequency=self.frequency.text(),
            form=self.form_field.text(),
            prn=self.prn.isChecked(),
            indication=self.indication.text(),
            duration_days=self.duration.value() or None,
            instructions=self.instructions.text(),
            sig=self.sig.text(),
        )

    def try_accept(self) -> None:
        self.errors.clear()
        reason_code = self.reason.code if self.reason else ""
        reason_text = self.reason.text.text() if self.reason else ""
        self._submit(self.value(), reason_code, reason_text)

    def failed(self, exc: ValidationError) -> None:
        self.errors.show(exc)


class ReasonDialog(QDialog):
    """A reason: from the pick-list (stop) or free text only (acknowledge, reopen)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        submit: Callable[[str, str], None],
        *,
        pick_list: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self.errors = _FieldErrors()
        prompt_label = QLabel(prompt)
        prompt_label.setWordWrap(True)
        form = QFormLayout()
        self.reason: ReasonFields | None = None
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().height() * 4)
        if pick_list is not None:
            self.reason = ReasonFields(pick_list)
            self.errors.add(form, "reason", self.tr("Re&ason:"), self.reason.combo)
            self.errors.add(form, "reason_text", self.tr("Details:"), self.text)
        else:
            self.errors.add(form, "reason", self.tr("Re&ason:"), self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt_label)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def try_accept(self) -> None:
        self.errors.clear()
        self._submit(self.reason.code if self.reason else "", self.text.toPlainText())

    def failed(self, exc: ValidationError) -> None:
        self.errors.show(exc)
