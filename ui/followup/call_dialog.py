"""The call log of one discharge: tasks, attempts, risk 'why', and a keyboard-first call form.

Keys: type or pick the number, Space toggles "Reached", Tab through the answers, Ctrl+Enter
logs the call; Ctrl+U closes the contact as unable to reach (after 2 failed attempts); Esc.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.followup import (
    Appointment,
    CallAnswers,
    MedicationProblem,
    TaskKind,
    Understanding,
    VisitOutcome,
    ctm3,
)
from transitions.errors import ConflictError, TransitionsError
from transitions.services import followup, followup_calls
from transitions.services.followup import CallLog
from transitions.services.permissions import allowed
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.errors import user_message
from ui.followup.goals_panel import CallGoalsPanel
from ui.tasks import bound_to


class CallLogDialog(QDialog):
    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.encounter_id = encounter_id
        self.log: CallLog | None = None
        self.changed = False
        self.setWindowTitle(self.tr("Follow-up call log"))
        self.resize(820, 860)

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.tasks_label = QLabel()
        self.tasks_label.setWordWrap(True)
        self.attempts_label = QLabel()
        self.attempts_label.setWordWrap(True)
        self.why_label = QLabel()
        self.why_label.setWordWrap(True)

        self.number = QComboBox()
        self.number.setEditable(True)
        self.reached = QCheckBox(self.tr("&Reached the patient or caregiver"))
        self.symptoms = QLineEdit()
        self.symptoms.setPlaceholderText(self.tr("new or worse symptoms, in their words"))
        self.med_boxes = {
            MedicationProblem.CANT_GET: QCheckBox(self.tr("can't get")),
            MedicationProblem.CANT_AFFORD: QCheckBox(self.tr("can't afford")),
            MedicationProblem.CONFUSED: QCheckBox(self.tr("confused")),
        }
        self.appointment = QComboBox()
        self.appointment.addItem(self.tr("—"), None)
        for value, text in (
            (Appointment.KEPT, self.tr("kept")),
            (Appointment.BOOKED, self.tr("booked")),
            (Appointment.NOT_BOOKED, self.tr("not booked")),
        ):
            self.appointment.addItem(text, value)
        self.understanding = QComboBox()
        self.understanding.addItem(self.tr("—"), None)
        for u, text in (
            (Understanding.GOOD, self.tr("good")),
            (Understanding.PARTIAL, self.tr("partial")),
            (Understanding.POOR, self.tr("poor")),
        ):
            self.understanding.addItem(text, u)
        self.ctm3_boxes: dict[str, QComboBox] = {}
        for question in ctm3()["questions"]:
            box = QComboBox()
            box.addItem(self.tr("— not asked"), None)
            for answer in ctm3()["answers"]:
                box.addItem(self.tr(answer["label"]), answer["value"])
            box.setToolTip(self.tr(question["text"]))
            self.ctm3_boxes[question["key"]] = box
        self.escalate = QCheckBox(self.tr("&Escalate to a clinician"))
        self.escalation_reason = QLineEdit()
        self.escalation_reason.setPlaceholderText(self.tr("reason for escalation"))
        self.note = QLineEdit()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b71c1c")
        self.error_label.hide()

        self.visit_date = QDateEdit()
        self.visit_date.setCalendarPopup(True)
        self.visit_date.setDisplayFormat("yyyy-MM-dd")
        self.visit_kept_button = QPushButton(self.tr("Visit &kept on"))
        self.visit_missed_button = QPushButton(self.tr("Visit &missed"))
        self.check_button = QPushButton(self.tr("&Not readmitted in 30 days"))
        self.owner_combo = QComboBox()
        self.reassign_button = QPushButton(self.tr("&Reassign"))
        self.log_button = QPushButton(self.tr("&Log call (Ctrl+Enter)"))
        self.unable_button = QPushButton(self.tr("&Unable to reach (Ctrl+U)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.goals_panel = CallGoalsPanel(ctx, encounter_id)
        self._layout()
        self.reached.toggled.connect(self._update_enabled)
        self.escalate.toggled.connect(self._update_enabled)
        self.log_button.clicked.connect(self.log_call)
        self.unable_button.clicked.connect(self.unable_to_reach)
        self.close_button.clicked.connect(self.accept)
        self.visit_kept_button.clicked.connect(self.visit_kept)
        self.visit_missed_button.clicked.connect(self.visit_missed)
        self.check_button.clicked.connect(self.close_check)
        self.reassign_button.clicked.connect(self.reassign)
        self.close_button.setAutoDefault(False)
        self.log_button.setAutoDefault(False)
        self._update_enabled()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Number called"), self.number)
        form.addRow("", self.reached)
        form.addRow(self.tr("&Symptoms"), self.symptoms)
        meds = QHBoxLayout()
        for box in self.med_boxes.values():
            meds.addWidget(box)
        meds.addStretch()
        form.addRow(self.tr("Medication problems"), meds)
        form.addRow(self.tr("&Appointment"), self.appointment)
        form.addRow(self.tr("U&nderstanding"), self.understanding)
        for n, box in enumerate(self.ctm3_boxes.values(), start=1):
            form.addRow(self.tr("CTM-3 question %1").replace("%1", str(n)), box)
        form.addRow("", self.escalate)
        form.addRow(self.tr("Escalation reason"), self.escalation_reason)
        form.addRow(self.tr("N&ote"), self.note)
        form.addRow("", self.error_label)
        call_box = QGroupBox(self.tr("Log a call"))
        call_box.setLayout(form)
        tasks_row = QHBoxLayout()
        for widget in (
            self.visit_kept_button,
            self.visit_date,
            self.visit_missed_button,
            self.check_button,
        ):
            tasks_row.addWidget(widget)
        tasks_row.addStretch()
        tasks_row.addWidget(QLabel(self.tr("Owner")))
        tasks_row.addWidget(self.owner_combo)
        tasks_row.addWidget(self.reassign_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unable_button)
        buttons.addStretch()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (self.header, self.tasks_label, self.attempts_label, self.why_label):
            layout.addWidget(widget)
        layout.addLayout(tasks_row)
        layout.addWidget(self.goals_panel)
        layout.addWidget(call_box)
        layout.addLayout(buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.log_call()
            return
        if ctrl and event.key() == Qt.Key.Key_U:
            self.unable_to_reach()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # plain Enter never closes the form by accident
        super().keyPressEvent(event)

    def _update_enabled(self) -> None:
        reached = self.reached.isChecked()
        for widget in (self.symptoms, self.appointment, self.understanding, self.escalate):
            widget.setEnabled(reached)
        for box in [*self.med_boxes.values(), *self.ctm3_boxes.values()]:
            box.setEnabled(reached)
        self.escalation_reason.setEnabled(reached and self.escalate.isChecked())

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id

        def work(uow: UnitOfWork) -> tuple[CallLog, list[tuple[str, str]]]:
            return followup.get_call_log(uow, actor, encounter_id), followup.list_owners(uow)

        self.ctx.submit(work, bound_to(self, self._loaded), bound_to(self, self._failed))
        self.goals_panel.reload()

    def _loaded(self, data: tuple[CallLog, list[tuple[str, str]]]) -> None:
        log, owners = data
        self.set_owners(owners)
        self.show_log(log)

    def show_log(self, log: CallLog) -> None:
        self.log = log
        readmit = ""
        if log.readmitted_as:
            readmit = self.tr(" · readmitted as %1").replace("%1", log.readmitted_as)
        self.header.setText(
            f"<b>{log.patient_name}</b> · MRN {log.mrn} · {log.unit_code or ''} · "
            + self.tr("discharged %1").replace("%1", log.discharged.isoformat())
            + readmit
        )
        lines = []
        for t in log.tasks:
            color = "#b71c1c" if t.overdue else "inherit"
            lines.append(
                f"<span style='color:{color}'>{self.tr(t.kind.label)}: {t.status.value} · "
                + self.tr("due %1").replace("%1", t.due_date.isoformat())
                + f" · {t.owner}{' · ' + t.outcome if t.outcome else ''}</span>"
            )
        self.tasks_label.setText("<br>".join(lines))
        attempts = [
            f"{a.called_at.astimezone(self.ctx.tz):%Y-%m-%d %H:%M} {a.caller} · {a.number} · "
            + (self.tr("reached") if a.reached else self.tr("no answer"))
            for a in log.attempts
        ]
        self.attempts_label.setText(
            self.tr("Calls: ") + ("; ".join(attempts) if attempts else self.tr("none yet"))
        )
        if log.risk is not None:
            why = "; ".join(log.risk.why()) or self.tr("no item scored")
            self.why_label.setText(
                self.tr("LACE %1 (%2), HOSPITAL %3 (%4). Why: %5")
                .replace("%1", str(log.risk.lace_score))
                .replace("%2", log.risk.lace_tier)
                .replace("%3", str(log.risk.hospital_score))
                .replace("%4", log.risk.hospital_tier)
                .replace("%5", why)
            )
        current = self.number.currentText()
        self.number.clear()
        for label, number in log.numbers:
            self.number.addItem(f"{number}", number)
            self.number.setItemData(self.number.count() - 1, label)
        if current:
            self.number.setEditText(current)
        contact = log.task(TaskKind.CONTACT)
        open_contact = contact is not None and contact.status.is_open
        self.log_button.setEnabled(open_contact)
        self.unable_button.setEnabled(open_contact and log.unsuccessful_attempts >= 2)
        visit = log.task(TaskKind.VISIT)
        open_visit = visit is not None and visit.status.is_open
        self.visit_kept_button.setEnabled(open_visit)
        self.visit_missed_button.setEnabled(open_visit)
        self.visit_date.setEnabled(open_visit)
        self.visit_date.setDateRange(
            QDate(log.discharged.year, log.discharged.month, log.discharged.day),
            QDate(self.ctx.today().year, self.ctx.today().month, self.ctx.today().day),
        )
        self.visit_date.setDate(self.visit_date.maximumDate())  # today, the usual answer
        check = log.task(TaskKind.READMISSION)
        self.check_button.setEnabled(
            check is not None and check.status.is_open and check.due_date <= self.ctx.today()
        )
        actor = self.ctx.require_actor()
        may_reassign = allowed(actor, "followup.reassign")
        self.owner_combo.setEnabled(may_reassign)
        self.reassign_button.setEnabled(may_reassign)
        self.number.setFocus()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ConflictError):
            QMessageBox.information(self, self.tr("Changed elsewhere"), user_message(exc))
            self.reload()
            return
        field = exc.field if isinstance(exc, TransitionsError) and hasattr(exc, "field") else None
        self.error_label.setText(user_message(exc, "logging a call"))
        self.error_label.show()
        target = {"number": self.number, "escalation_reason": self.escalation_reason}.get(
            field or ""
        )
        if target is not None:
            target.setFocus()

    def _saved(self, log: CallLog) -> None:
        self.changed = True
        self.error_label.hide()
        self.reached.setChecked(False)
        self.symptoms.clear()
        self.note.clear()
        self.show_log(log)

    # -- actions ----------------------------------------------------------------------------
    def answers(self) -> CallAnswers | None:
        if not self.reached.isChecked():
            return None
        ctm = {
            k: int(b.currentData())
            for k, b in self.ctm3_boxes.items()
            if b.currentData() is not None
        }
        return CallAnswers(
            symptoms=self.symptoms.text().strip(),
            medication_problems=frozenset(p for p, b in self.med_boxes.items() if b.isChecked()),
            appointment=self.appointment.currentData(),
            understanding=self.understanding.currentData(),
            escalate=self.escalate.isChecked(),
            escalation_reason=self.escalation_reason.text(),
            ctm3=ctm,
        )

    def log_call(self) -> None:
        if self.log is None or not self.log_button.isEnabled():
            return
        contact = self.log.task(TaskKind.CONTACT)
        assert contact is not None
        actor = self.ctx.require_actor()
        number, reached, note = (
            self.number.currentText(),
            self.reached.isChecked(),
            self.note.text(),
        )
        answers = self.answers()
        task_id, version = contact.task_id, contact.version_id

        def work(uow: UnitOfWork) -> CallLog:
            return followup_calls.log_call(
                uow,
                actor,
                task_id,
                expected_version=version,
                number=number,
                reached=reached,
                answers=answers,
                note=note,
            )

        self.ctx.submit(work, bound_to(self, self._saved), bound_to(self, self._failed))

    def unable_to_reach(self) -> None:
        if self.log is None or not self.unable_button.isEnabled():
            return
        contact = self.log.task(TaskKind.CONTACT)
        assert contact is not None
        actor = self.ctx.require_actor()
        task_id, version = contact.task_id, contact.version_id

        def work(uow: UnitOfWork) -> CallLog:
            return followup_calls.close_unable_to_reach(
                uow, actor, task_id, expected_version=version
            )

        self.ctx.submit(work, bound_to(self, self._saved), bound_to(self, self._failed))

    def _task(self, kind: TaskKind) -> tuple[int, int] | None:
        task = self.log.task(kind) if self.log is not None else None
        return (task.task_id, task.version_id) if task is not None else None

    def visit_kept(self) -> None:
        self.record_visit(VisitOutcome.KEPT)

    def visit_missed(self) -> None:
        self.record_visit(VisitOutcome.MISSED)

    def record_visit(self, outcome: VisitOutcome) -> None:
        found = self._task(TaskKind.VISIT)
        if found is None or not self.visit_kept_button.isEnabled():
            return
        actor = self.ctx.require_actor()
        task_id, version = found
        day = self.visit_date.date().toPython() if outcome is VisitOutcome.KEPT else None

        def work(uow: UnitOfWork) -> CallLog:
            return followup_calls.record_visit(
                uow, actor, task_id, expected_version=version, outcome=outcome, visit_date=day
            )

        self.ctx.submit(work, bound_to(self, self._saved), bound_to(self, self._failed))

    def close_check(self) -> None:
        found = self._task(TaskKind.READMISSION)
        if found is None or not self.check_button.isEnabled():
            return
        actor = self.ctx.require_actor()
        task_id, version = found

        def work(uow: UnitOfWork) -> CallLog:
            return followup_calls.close_readmission_check(
                uow, actor, task_id, expected_version=version
            )

        self.ctx.submit(work, bound_to(self, self._saved), bound_to(self, self._failed))

    def set_owners(self, owners: list[tuple[str, str]]) -> None:
        self.owner_combo.clear()
        self.owner_combo.addItem(self.tr("Unit team (default)"), None)
        for username, name in owners:
            self.owner_combo.addItem(name, username)

    def reassign(self) -> None:
        """Give every open task of this discharge to the chosen owner (or back to the team)."""
        if self.log is None or not self.reassign_button.isEnabled():
            return
        actor = self.ctx.require_actor()
        owner = self.owner_combo.currentData()
        encounter_id = self.encounter_id
        versions = {t.task_id: t.version_id for t in self.log.tasks if t.status.is_open}

        def work(uow: UnitOfWork) -> CallLog:
            return followup_calls.reassign_open_tasks(
                uow, actor, encounter_id, expected_versions=versions, owner_username=owner
            )

        self.ctx.submit(work, bound_to(self, self._saved), bound_to(self, self._failed))
