"""The patient banner at the top of a workspace: who, allergies, why here, where in the stay."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from transitions.services.encounters import StayDetail, StayRow
from transitions.services.readiness import Readiness
from transitions.services.worklist_flags import StayFlags
from ui import formatting as fmt
from ui.context import AppContext
from ui.widgets.style import set_muted
from ui.workspace.readiness_bar import ReadinessBar

ALLERGY_RED = "#b00020"
MAX_DIAGNOSES_SHOWN = 4


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PatientHeader(QFrame):
    """Filled first from the worklist row (instantly), then from the full :class:`StayDetail`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("patientHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#patientHeader { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 4px; }"
        )

        self.name_label = _selectable(QLabel())
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.identity_label = _selectable(QLabel())
        self.language_label = QLabel()
        self.interpreter_badge = QLabel(self.tr("Interpreter needed"))
        self.interpreter_badge.setStyleSheet(
            "background: #ffe08a; color: #3d2b00; border-radius: 3px; padding: 1px 6px;"
            " font-weight: bold;"
        )
        self.interpreter_badge.hide()
        self.allergy_label = _selectable(QLabel())
        self.allergy_label.setWordWrap(True)
        self.diagnosis_label = _selectable(QLabel())
        self.diagnosis_label.setWordWrap(True)
        self.diagnosis_label.setTextFormat(Qt.TextFormat.RichText)
        # per-step readiness; a click opens the step (the workspace connects step_requested)
        self.readiness_bar = ReadinessBar()

        self.facts: dict[str, QLabel] = {}
        facts_grid = QGridLayout()
        facts_grid.setHorizontalSpacing(10)
        facts_grid.setVerticalSpacing(2)
        fact_titles = [
            ("status", self.tr("Status")),
            ("location", self.tr("Unit / room")),
            ("admitted", self.tr("Admitted")),
            ("planned", self.tr("Planned discharge")),
            ("los", self.tr("Length of stay")),
            ("attending", self.tr("Attending")),
            ("education", self.tr("Education")),
            ("flags", self.tr("Flags")),
        ]
        for position, (key, title) in enumerate(fact_titles):
            caption = QLabel(title)
            set_muted(caption)
            value = _selectable(QLabel("—"))
            self.facts[key] = value
            facts_grid.addWidget(caption, position, 0, Qt.AlignmentFlag.AlignRight)
            facts_grid.addWidget(value, position, 1)

        name_row = QHBoxLayout()
        name_row.addWidget(self.name_label)
        name_row.addSpacing(12)
        name_row.addWidget(self.identity_label)
        name_row.addStretch(1)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.interpreter_badge)
        language_row.addStretch(1)

        left = QVBoxLayout()
        left.setSpacing(4)
        left.addLayout(name_row)
        left.addLayout(language_row)
        left.addWidget(self.allergy_label)
        left.addWidget(self.diagnosis_label)
        left.addStretch(1)
        left.addWidget(self.readiness_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(left, 1)
        layout.addSpacing(24)
        layout.addLayout(facts_grid)

    # -- filling ----------------------------------------------------------------------------
    def show_row(self, row: StayRow) -> None:
        """What the worklist already knows, while the full record loads."""
        self.name_label.setText(row.patient_name)
        self._identity(row.mrn, row.age, row.sex, row.birth_date)
        self._language(row.preferred_language, row.interpreter_needed)
        self.allergy_label.setText(self.tr("Loading allergies…"))
        self.allergy_label.setStyleSheet("")
        self.diagnosis_label.setText("")

    def show_detail(self, detail: StayDetail) -> None:
        patient = detail.patient
        tz, today = self.ctx.tz, self.ctx.today()
        self.name_label.setText(patient.display_name)
        self._identity(patient.mrn, patient.age, patient.sex, patient.birth_date)
        self._language(patient.preferred_language, patient.interpreter_needed)
        self._allergies(detail)
        self._diagnoses(detail)
        location = " / ".join(p for p in (detail.unit_name or detail.unit_code, detail.room) if p)
        planned = detail.discharge_time or detail.planned_discharge_time
        self.facts["status"].setText(fmt.status_label(detail.status))
        self.facts["location"].setText(location or "—")
        self.facts["admitted"].setText(fmt.format_moment(detail.admit_time, tz, today))
        self.facts["admitted"].setToolTip(fmt.format_full_moment(detail.admit_time, tz))
        self.facts["planned"].setText(
            fmt.format_moment(planned, tz, today) if planned else self.tr("not planned yet")
        )
        self.facts["planned"].setToolTip(fmt.format_full_moment(planned, tz))
        self.facts["los"].setText(fmt.format_los(detail.length_of_stay_days))
        self.facts["attending"].setText(detail.attending or "—")

    def show_readiness(self, readiness: Readiness) -> None:
        """The same per-step indicators as the worklist, each opening its step."""
        self.readiness_bar.show_readiness(readiness)

    def show_flags(self, flags: StayFlags | None) -> None:
        """Education progress and BOOST flags (the same as the worklist's columns)."""
        progress = flags.education if flags else None
        self.facts["education"].setText(
            self.tr("%1 taught").replace("%1", progress.label()) if progress else "—"
        )
        parts = []
        tips = []
        if flags is not None and flags.pharmacist_review_suggested:
            parts.append(self.tr("Pharmacist review suggested"))
            assert flags.pharmacist_review is not None
            tips.append(flags.pharmacist_review.reason)
        if flags is not None and flags.boost_positive:
            parts.append(
                self.tr("BOOST: %1 positive").replace("%1", str(len(flags.boost_positive)))
            )
            tips.extend(flags.boost_labels())
        self.facts["flags"].setText(" · ".join(parts) or "—")
        self.facts["flags"].setToolTip("\n".join(tips))

    def _identity(self, mrn: str, age: int, sex: str, birth: date) -> None:
        born = fmt.format_date(birth)
        parts = [
            self.tr("MRN %1").replace("%1", mrn),
            f"{fmt.format_age(age)} · {fmt.sex_label(sex)}",
            self.tr("DOB %1").replace("%1", born),
        ]
        self.identity_label.setText("   ".join(parts))

    def _language(self, code: str, interpreter: bool) -> None:
        name = fmt.language_name(code)
        self.language_label.setText(self.tr("Language: %1").replace("%1", name))
        self.interpreter_badge.setVisible(interpreter)

    def _allergies(self, detail: StayDetail) -> None:
        if not detail.allergies:
            self.allergy_label.setText(self.tr("No allergies recorded"))
            self.allergy_label.setStyleSheet("")
            return
        items = [
            f"{a.substance} ({a.reaction})" if a.reaction else a.substance for a in detail.allergies
        ]
        self.allergy_label.setText(self.tr("Allergies: %1").replace("%1", ", ".join(items)))
        self.allergy_label.setStyleSheet(f"color: {ALLERGY_RED}; font-weight: bold;")

    def _diagnoses(self, detail: StayDetail) -> None:
        ordered = sorted(detail.diagnoses, key=lambda d: not d.principal)  # principal first
        if not ordered:
            self.diagnosis_label.setText(escape(self.tr("No diagnoses recorded")))
            return
        shown = ordered[:MAX_DIAGNOSES_SHOWN]
        lines = []
        for diagnosis in shown:
            text = f"{escape(diagnosis.code)} {escape(diagnosis.description or '')}".strip()
            lines.append(f"<b>{text}</b>" if diagnosis.principal else text)
        more = len(ordered) - len(shown)
        if more:
            lines.append(escape(self.tr("and %1 more (see Stay summary)").replace("%1", str(more))))
        self.diagnosis_label.setText("<br>".join(lines))
        self.diagnosis_label.setToolTip(
            "\n".join(f"{d.code} {d.description or ''}" for d in ordered)
        )
