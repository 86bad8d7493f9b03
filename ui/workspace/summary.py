"""Step "Stay summary": what the record says about this stay, read-only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.enums import MedicationList
from transitions.services.encounters import (
    AllergyView,
    DiagnosisView,
    LabView,
    MedicationView,
    StayDetail,
)
from ui import formatting as fmt
from ui.context import AppContext
from ui.widgets.style import set_muted
from ui.widgets.tables import CompactTableView, PlainTableModel, TableColumn
from ui.workspace.steps import StepPage

R = TypeVar("R")


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


class TableSection(QWidget, Generic[R]):
    """A titled read-only table, or a quiet line saying there is nothing recorded."""

    def __init__(
        self,
        title: str,
        columns: Sequence[TableColumn[R]],
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model: PlainTableModel[R] = PlainTableModel(columns, self)
        self.table = CompactTableView()
        self.table.set_plain_model(self.model)
        self.table.setAccessibleName(title)
        self.empty_label = QLabel(empty_text)
        set_muted(self.empty_label)  # absence, not an alert
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(title))
        layout.addWidget(self.table)
        layout.addWidget(self.empty_label)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        self.table.fit_to_rows()


class FormSection(QWidget):
    """A titled list of label: value lines."""

    def __init__(
        self, title: str, labels: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for key, text in labels:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(text, value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(title))
        layout.addLayout(form)

    def set_value(self, key: str, text: str | None, missing: str) -> None:
        label = self.values[key]
        label.setText(text or missing)
        set_muted(label, not text)


class StaySummaryStep(StepPage):
    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, encounter_id, parent)
        tz = ctx.tz
        self.diagnoses = TableSection[DiagnosisView](
            self.tr("Diagnoses"),
            [
                TableColumn(self.tr("Code"), lambda d: d.code, lambda d: d.code_system.upper()),
                TableColumn(self.tr("Description"), lambda d: d.description or "", stretch=True),
                TableColumn(
                    self.tr("Principal"), lambda d: self.tr("Principal") if d.principal else ""
                ),
            ],
            self.tr("No diagnoses recorded"),
        )
        self.allergies = TableSection[AllergyView](
            self.tr("Allergies"),
            [
                TableColumn(self.tr("Substance"), lambda a: a.substance),
                TableColumn(self.tr("Reaction"), lambda a: a.reaction or "", stretch=True),
                TableColumn(self.tr("Severity"), lambda a: fmt.severity_label(a.severity)),
            ],
            self.tr("No allergies recorded"),
        )
        self.labs = TableSection[LabView](
            self.tr("Labs at discharge"),
            [
                TableColumn(self.tr("Test"), lambda lab: lab.name, self._loinc),
                TableColumn(
                    self.tr("Value"), lambda lab: _number(lab), self._loinc, align_right=True
                ),
                TableColumn(self.tr("Unit"), lambda lab: lab.unit),
                TableColumn(
                    self.tr("Time"),
                    lambda lab: fmt.format_moment(lab.observed_at, tz, ctx.today()),
                    lambda lab: fmt.format_full_moment(lab.observed_at, tz),
                ),
            ],
            self.tr("No lab results recorded"),
        )
        self.home_meds = TableSection[MedicationView](
            self.tr("Home medications as recorded"),
            [
                TableColumn(self.tr("Drug"), lambda m: m.drug_name, lambda m: m.indication),
                TableColumn(self.tr("Dose"), lambda m: m.dose or ""),
                TableColumn(self.tr("Route"), lambda m: m.route or ""),
                TableColumn(self.tr("Frequency"), lambda m: m.frequency or ""),
                TableColumn(self.tr("PRN"), lambda m: self.tr("PRN") if m.prn else ""),
                TableColumn(self.tr("Source"), lambda m: fmt.medication_source_label(m.source)),
                TableColumn(
                    self.tr("Recorded"),
                    lambda m: fmt.format_moment(m.recorded_at, tz, ctx.today()),
                    lambda m: fmt.format_full_moment(m.recorded_at, tz),
                ),
            ],
            self.tr("No home medications recorded"),
        )
        self.utilization = FormSection(
            self.tr("Prior use of the hospital"),
            [
                ("ed", self.tr("ED visits, last 6 months:")),
                ("admissions", self.tr("Admissions, last 12 months:")),
                ("readmission_of", self.tr("Readmission after:")),
                ("readmitted", self.tr("Readmitted in:")),
            ],
        )
        self.contact = FormSection(
            self.tr("Patient contact"),
            [
                ("phone", self.tr("Phone:")),
                ("address", self.tr("Address:")),
                ("caregiver", self.tr("Caregiver:")),
                ("pcp", self.tr("Primary care:")),
                ("pharmacy", self.tr("Pharmacy:")),
            ],
        )
        self._build_layout()

    def _build_layout(self) -> None:
        left_sections: list[QWidget] = [self.diagnoses, self.home_meds, self.labs]
        right_sections: list[QWidget] = [self.allergies, self.contact, self.utilization]
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, sections in ((left, left_sections), (right, right_sections)):
            for section in sections:
                column.addWidget(section)
                column.addSpacing(8)
            column.addStretch(1)

        body = QWidget()
        columns = QHBoxLayout(body)
        columns.addLayout(left, 3)
        columns.addSpacing(16)
        columns.addLayout(right, 2)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _readmission(
        self, visit: str | None, planned: bool | None, admitted: datetime | None = None
    ) -> str | None:
        if visit is None:
            return None
        if planned is None:
            kind = self.tr("not classified")
        else:
            kind = self.tr("planned") if planned else self.tr("unplanned")
        when = ""
        if admitted is not None:
            when = fmt.format_date(admitted.astimezone(self.ctx.tz).date()) + ", "
        text = self.tr("stay %1 (%2%3)")
        return text.replace("%1", visit).replace("%2", when).replace("%3", kind)

    @staticmethod
    def _loinc(lab: LabView) -> str:
        return f"LOINC {lab.loinc_code}"

    def set_detail(self, detail: StayDetail) -> None:
        self.diagnoses.set_rows(detail.diagnoses)
        self.allergies.set_rows(detail.allergies)
        self.labs.set_rows(detail.labs)
        home = [m for m in detail.medications if m.list_kind == MedicationList.HOME.value]
        self.home_meds.set_rows(home)
        self.utilization.set_value("ed", str(detail.prior.ed_visits_6_months), "0")
        self.utilization.set_value("admissions", str(detail.prior.admissions_12_months), "0")
        self.utilization.set_value(
            "readmission_of",
            self._readmission(detail.readmission_of, detail.readmission_planned),
            self.tr("no (not within 30 days of a discharge)"),
        )
        self.utilization.set_value(
            "readmitted",
            "; ".join(
                self._readmission(r.visit_number, r.planned, r.admit_time)
                for r in detail.readmitted
            ),
            self.tr("not within 30 days"),
        )
        missing = self.tr("not recorded")
        patient = detail.patient
        self.contact.set_value("phone", patient.phone, missing)
        self.contact.set_value("address", patient.address, missing)
        self.contact.set_value("caregiver", patient.caregiver, missing)
        self.contact.set_value("pcp", patient.primary_care_provider, missing)
        self.contact.set_value("pharmacy", patient.preferred_pharmacy, missing)


def _number(lab: LabView) -> str:
    """Decimal as stored (Numeric(12, 4)) without trailing zeros: 11.2000 -> 11.2."""
    return format(lab.value.normalize(), "f")
