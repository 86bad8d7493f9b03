"""One section of the assessment form (a tab): who is answering, the scales as a grid (before
admission | at discharge, with totals) and the other questions, question text above answer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.assessment import NeedDomain, ScaleTotal, Screen
from transitions.domain.assessment_form import Scale, Section, Text
from transitions.services.assessment import AssessmentView, CaregiverView
from ui.widgets.style import set_muted
from ui.workspace.assessment import labels
from ui.workspace.assessment.answers import AnswerField, TextField, make_field

POSITIVE_STYLE = "color: #9a4a00; font-weight: bold;"
DOMAINS = {d.value for d in NeedDomain}
# answer widths (px): long enough for the longest answers, not the whole window
CHOICE_WIDTH = 640
TEXT_WIDTH = 420


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = label.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class SectionPage(QScrollArea):
    """The questions of one :class:`Section`; ``fields`` maps question keys to their inputs."""

    def __init__(
        self,
        section: Section,
        tz: tzinfo,
        today: date,
        on_change: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.language = labels.form_language()
        self.fields: dict[str, AnswerField] = {}
        self.totals: dict[tuple[str, str], QLabel] = {}
        self.group_labels: dict[str, QLabel] = {}
        self.record_caregiver: CaregiverView | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)

        intro = QLabel(section.intro.get(self.language))
        intro.setWordWrap(True)
        self.source = QComboBox()
        for value, text in labels.sources():
            self.source.addItem(text, value)
        self.source.setAccessibleName(self.tr("Answers given by"))
        source_label = QLabel(self.tr("&Answers given by:"))
        source_label.setBuddy(self.source)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addSpacing(12)
        top.addWidget(source_label)
        top.addWidget(self.source)
        layout.addLayout(top)

        # one width for the first column of every scale, so the grids line up
        probe = _bold(QLabel(), 1.1)
        self._label_width = 24 + max(
            [
                probe.fontMetrics().horizontalAdvance(s.title.get(self.language))
                for s in section.scales
            ]
            + [
                self.fontMetrics().horizontalAdvance(i.label.get(self.language))
                for s in section.scales
                for i in s.items
            ],
            default=0,
        )
        for scale in section.scales:
            layout.addWidget(self._scale_grid(scale, tz, today, on_change))
        self.caregiver_button: QPushButton | None = None
        group: str | None = None
        for question in section.questions:
            if question.scale is not None:
                continue
            if section.key == "hrsn" and question.group != group and question.group in DOMAINS:
                heading = _bold(QLabel(labels.domain_label(question.group)), 1.1)
                self.group_labels[question.group] = heading
                layout.addSpacing(8)
                layout.addWidget(heading)
            group = question.group
            if question.key == "caregiver_name":
                self.caregiver_button = QPushButton(self.tr("Use the caregiver in the &record"))
                self.caregiver_button.clicked.connect(self.use_record_caregiver)
                self.caregiver_button.hide()
                layout.addWidget(self.caregiver_button, 0, Qt.AlignmentFlag.AlignLeft)
            field = make_field(question, tz, today)
            field.changed.connect(on_change)
            width = TEXT_WIDTH if question.kind in ("text", "phone") else CHOICE_WIDTH
            if question.kind != "multi":
                field.setMaximumWidth(width)
            text = QLabel(question.label.get(self.language))
            text.setWordWrap(True)
            if question.help is not None:
                text.setToolTip(question.help.get(self.language))
            text.setBuddy(field)
            layout.addSpacing(4)
            layout.addWidget(text)
            layout.addWidget(field)
            self.fields[question.key] = field
        sources = set_muted(QLabel(self.tr("Sources: ") + "; ".join(section.sources)))
        sources.setWordWrap(True)
        layout.addSpacing(8)
        layout.addWidget(sources)
        layout.addStretch(1)
        self.setWidget(body)

    def _scale_grid(
        self, scale: Scale, tz: tzinfo, today: date, on_change: Callable[[], None]
    ) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 8, 0, 8)
        grid.setHorizontalSpacing(16)
        grid.addWidget(_bold(QLabel(scale.title.get(self.language)), 1.1), 0, 0)
        for column, timepoint in enumerate(scale.timepoints, start=1):
            grid.addWidget(_bold(QLabel(labels.timepoint_label(timepoint))), 0, column)
            grid.setColumnStretch(column, 1)
        for row, item in enumerate(scale.items, start=1):
            name = QLabel(item.label.get(self.language))
            if item.help is not None:
                name.setToolTip(item.help.get(self.language))
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(name, row, 0)
        # column by column, so Tab goes down "before admission" first, then "at discharge"
        form = self.section
        by_key = {q.key: q for q in form.questions}
        for column, timepoint in enumerate(scale.timepoints, start=1):
            for row, item in enumerate(scale.items, start=1):
                question = by_key[scale.question_key(item.key, timepoint)]
                field = make_field(question, tz, today)
                field.changed.connect(self._recount)
                field.changed.connect(on_change)
                grid.addWidget(field, row, column)
                self.fields[question.key] = field
            total = _bold(QLabel())
            grid.addWidget(total, len(scale.items) + 1, column)
            self.totals[(scale.key, timepoint)] = total
        grid.addWidget(_bold(QLabel(self.tr("Total"))), len(scale.items) + 1, 0)
        grid.setColumnMinimumWidth(0, self._label_width)
        return box

    def _recount(self) -> None:
        """Live totals while answering (before saving), from the chosen answers' scores."""
        for scale in self.section.scales:
            for timepoint in scale.timepoints:
                scores = []
                for item in scale.items:
                    field = self.fields[scale.question_key(item.key, timepoint)]
                    value, _declined = field.value()
                    choice = field.question.choice(value) if value else None
                    if choice is not None and choice.score is not None:
                        scores.append(choice.score)
                band = scale.band(sum(scores)) if len(scores) == len(scale.items) else None
                self._show_total(scale, timepoint, sum(scores), len(scores), band)

    def _show_total(
        self, scale: Scale, timepoint: str, total: int, answered: int, band: Text | None
    ) -> None:
        label = self.totals[(scale.key, timepoint)]
        if answered == len(scale.items):
            text = self.tr("{total} of {maximum}").format(total=total, maximum=scale.maximum)
            if band is not None:
                text += f" · {band.get(self.language)}"
        elif answered == 0:
            text = self.tr("not answered")
        else:
            text = self.tr("{total} so far ({answered} of {items} answered)").format(
                total=total, answered=answered, items=len(scale.items)
            )
        label.setText(text)

    # -- loading --------------------------------------------------------------------------------
    def show_view(self, view: AssessmentView) -> None:
        for key, field in self.fields.items():
            field.set_answer(view.answer(key))
        totals: dict[tuple[str, str], ScaleTotal] = {(t.scale, t.timepoint): t for t in view.totals}
        for scale in self.section.scales:
            for timepoint in scale.timepoints:
                t = totals[(scale.key, timepoint)]
                self._show_total(scale, timepoint, t.total, t.answered, t.band)
        self.show_screens(view.screens)
        self.record_caregiver = view.record_caregiver
        if self.caregiver_button is not None:
            record = view.record_caregiver
            offer = bool(record.name) and not view.caregiver.name
            self.caregiver_button.setVisible(offer)
            if offer:
                self.caregiver_button.setToolTip(
                    ", ".join(x for x in (record.name, record.relation, record.phone) if x)
                )

    def show_screens(self, screens: tuple[Screen, ...]) -> None:
        for screen in screens:
            heading = self.group_labels.get(screen.domain.value)
            if heading is None:
                continue
            name = labels.domain_label(screen.domain.value)
            if screen.positive:
                heading.setText(self.tr("{name}: positive screen").format(name=name))
                heading.setStyleSheet(POSITIVE_STYLE)
            else:
                heading.setText(name)
                heading.setStyleSheet("")

    def use_record_caregiver(self) -> None:
        record = self.record_caregiver
        if record is None:
            return
        for key, value in (
            ("caregiver_name", record.name),
            ("caregiver_relation", record.relation),
            ("caregiver_phone", record.phone),
        ):
            field = self.fields.get(key)
            if isinstance(field, TextField) and value:
                field.fill(value)
        self.fields["caregiver_name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def dirty_fields(self) -> list[AnswerField]:
        return [f for f in self.fields.values() if f.is_dirty()]
