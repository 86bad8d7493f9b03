"""Forms of the Care plan step: refer a need, update a referral, set or edit a goal.

Each dialog calls its ``on_submit`` callback with plain input when the user presses Enter /
Save; the step does the database work and either closes the dialog or calls ``show_error`` so
the message appears next to the offending field. The dialogs never touch the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from html import escape
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.careplan import ReferralStatus
from transitions.services.community_resources import ResourceSuggestion, Suggestions
from transitions.services.goals import GoalInput, GoalLinkOption, GoalLinkRef, GoalView
from transitions.services.referrals import NeedReferrals, ReferralInput, ReferralView
from ui import formatting as fmt
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn
from ui.workspace.careplan import labels

ERROR_STYLE = "color: #b00020;"
#: Statuses a new referral can start in (the others come later, on follow-up).
NEW_REFERRAL_STATUSES = (
    ReferralStatus.REFERRED,
    ReferralStatus.SUGGESTED,
    ReferralStatus.ACCEPTED,
    ReferralStatus.DECLINED,
)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(day: date, *, minimum: date | None = None, maximum: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if minimum is not None:
        edit.setMinimumDate(fmt.qdate(minimum))
    if maximum is not None:
        edit.setMaximumDate(fmt.qdate(maximum))
    edit.setDate(fmt.qdate(day))
    return edit


class FormDialog(QDialog):
    """A form with one error label under each field and Save / Cancel buttons."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.on_submit: Callable[[Any], None] | None = None
        self.form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.general_error = self._error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    @property
    def save_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def add_row(self, key: str, text: str, widget: QWidget | QHBoxLayout) -> None:
        error = self._error_label()
        self.errors[key] = error
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        if isinstance(widget, QHBoxLayout):
            column.addLayout(widget)
        else:
            column.addWidget(widget)
        column.addWidget(error)
        label = QLabel(text)
        buddy = widget if isinstance(widget, QWidget) else widget.itemAt(0).widget()
        label.setBuddy(buddy)
        self.form.addRow(label, box)

    def show_error(self, message: str, field: str | None = None) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.hide()
        target = self.errors.get(field or "", self.general_error)
        target.setText(message)
        target.show()

    def _submit(self) -> None:
        if self.on_submit is not None:
            self.on_submit(self.value())

    def value(self) -> Any:
        """The form's contents; every dialog overrides this (the base form has none)."""
        return None


class _FollowUp(QHBoxLayout):
    """An optional follow-up date: a check box and its date."""

    def __init__(self, text: str, day: date | None, default: date, minimum: date) -> None:
        super().__init__()
        self.check = QCheckBox(text)
        self.edit = date_edit(day or default, minimum=minimum)
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        self.addWidget(self.check)
        self.addWidget(self.edit)
        self.addStretch(1)

    def value(self) -> date | None:
        return to_date(self.edit.date()) if self.check.isChecked() else None


class ReferDialog(FormDialog):
    """Suggested resources for a need (the patient's language first, closest first); the
    chosen one is referred with a date, status, optional follow-up date and notes."""

    def __init__(
        self,
        need: NeedReferrals,
        suggestions: Suggestions,
        today: date,
        on_all_categories: Callable[[bool], None],
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Refer: {need} need").format(need=labels.domain_label(need.domain))
        super().__init__(title, parent)
        self.need = need
        self.resize(980, 620)
        self.save_button.setText(self.tr("&Refer"))
        what = QLabel(
            f"<b>{escape(labels.domain_label(need.domain))}</b>: {escape(need.description)}"
        )
        what.setWordWrap(True)
        self.origin_label = QLabel()
        self.origin_label.setWordWrap(True)
        self.model: PlainTableModel[ResourceSuggestion] = PlainTableModel(
            [
                TableColumn(self.tr("Resource"), lambda s: s.resource.name, self._address),
                TableColumn(self.tr("Category"), lambda s: labels.category_label(
                    s.resource.category)),
                TableColumn(self.tr("Languages"), self._languages),
                TableColumn(self.tr("Distance"), lambda s: labels.miles(s.distance_miles),
                            align_right=True),
                TableColumn(self.tr("Phone"), lambda s: s.resource.phone or ""),
                TableColumn(self.tr("Hours"), lambda s: s.resource.hours or "",
                            lambda s: s.resource.hours),
            ],
            self,
        )  # fmt: skip
        self.table = EmptyStateTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Suggested resources"))
        self.table.set_empty_text(
            self.tr("No resource of these categories in the directory. Tick “Show every category”.")
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.table.activated.connect(lambda *_: self._submit())
        resources_label = QLabel(self.tr("Sugg&ested resources:"))
        resources_label.setBuddy(self.table)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.all_categories = QCheckBox(self.tr("Show every &category"))
        self.all_categories.toggled.connect(on_all_categories)
        self.resource_error = self._error_label()
        self.errors["resource"] = self.resource_error
        top = QHBoxLayout()
        top.addWidget(resources_label)
        top.addStretch(1)
        top.addWidget(self.all_categories)
        for widget in (what, self.origin_label):
            self.body.addWidget(widget)
        self.body.addLayout(top)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.details)
        self.body.addWidget(self.resource_error)

        self.status = QComboBox()
        for status in NEW_REFERRAL_STATUSES:
            self.status.addItem(labels.referral_status_label(status), status)
        self.referred_on = date_edit(today, maximum=today)
        self.follow_up = _FollowUp(
            self.tr("Chec&k progress on"), None, today + timedelta(days=3), today
        )
        self.notes = QLineEdit()
        self.notes.setMaxLength(2000)
        self.notes.setPlaceholderText(self.tr("e.g. intake appointment Monday 10:00; bring ID"))
        self.add_row("status", self.tr("&Status:"), self.status)
        self.add_row("referred_on", self.tr("Referral &date:"), self.referred_on)
        self.add_row("follow_up_on", self.tr("Follow-&up:"), self.follow_up)
        self.add_row("notes", self.tr("&Notes:"), self.notes)
        self.set_suggestions(suggestions)
        self.table.setFocus()

    def set_suggestions(self, suggestions: Suggestions) -> None:
        self.suggestions = suggestions
        language = fmt.language_name(suggestions.language)
        origin = {
            "home": self.tr("Closest first from the patient's ZIP code."),
            "hospital": self.tr(
                "Closest first from the hospital (the patient's ZIP code is not "
                "in the service area)."
            ),
        }.get(suggestions.origin or "", self.tr("Distances unknown: no location for the patient."))
        self.origin_label.setText(
            self.tr("Resources in the patient's language ({language}) come first. {origin}").format(
                language=language, origin=origin
            )
        )  # fmt: skip
        self.model.set_rows(suggestions.items)
        if suggestions.items:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._show_details()

    def _languages(self, s: ResourceSuggestion) -> str:
        codes = ", ".join(s.resource.languages)
        return ("✓ " + codes) if s.speaks_language else codes

    def _address(self, s: ResourceSuggestion) -> str:
        return s.resource.address or ""

    def selected(self) -> ResourceSuggestion | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_resource(self, name: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).resource.name == name:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return
        raise LookupError(name)

    def _show_details(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.details.clear()
            return
        r = chosen.resource
        parts = [p for p in (r.address, r.phone, r.hours) if p]
        text = " · ".join(parts)
        if r.eligibility:
            text += "\n" + self.tr("Who can use it: {text}").format(text=r.eligibility)
        self.details.setText(text)

    def value(self) -> ReferralInput | None:
        chosen = self.selected()
        if chosen is None:
            return None
        return ReferralInput(
            resource_id=chosen.resource.id,
            status=ReferralStatus(self.status.currentData()),
            referred_on=to_date(self.referred_on.date()),
            follow_up_on=self.follow_up.value(),
            notes=self.notes.text().strip() or None,
        )

    def _submit(self) -> None:
        if self.selected() is None:
            self.show_error(self.tr("Choose a resource to refer to."), "resource")
            return
        super()._submit()


class ReferralDialog(FormDialog):
    """Update a referral: its status, follow-up date and notes."""

    def __init__(self, referral: ReferralView, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Referral to {resource}").format(resource=referral.resource_name), parent
        )
        self.referral = referral
        self.resize(560, 260)
        info = QLabel(
            self.tr("{need} need · referred {day} by {who}").format(
                need=labels.domain_label(referral.need_domain),
                day=labels.short_date(referral.referred_on),
                who=referral.created_by,
            )
        )
        self.body.addWidget(info)
        self.status = QComboBox()
        for status in ReferralStatus:
            self.status.addItem(labels.referral_status_label(status), status)
        self.status.setCurrentIndex(self.status.findData(referral.status))
        self.follow_up = _FollowUp(
            self.tr("Chec&k progress on"),
            referral.follow_up_on,
            max(today, referral.referred_on) + timedelta(days=3),
            referral.referred_on,
        )
        self.notes = QLineEdit(referral.notes or "")
        self.notes.setMaxLength(2000)
        self.add_row("status", self.tr("&Status:"), self.status)
        self.add_row("follow_up_on", self.tr("Follow-&up:"), self.follow_up)
        self.add_row("notes", self.tr("&Notes:"), self.notes)
        self.status.setFocus()

    def value(self) -> dict[str, Any]:
        return {
            "status": ReferralStatus(self.status.currentData()),
            "follow_up_on": self.follow_up.value(),
            "notes": self.notes.text().strip() or None,
        }


class GoalDialog(FormDialog):
    """A goal in the patient's own words, a measurable target and date, and what serves it."""

    def __init__(
        self,
        options: Sequence[GoalLinkOption],
        today: date,
        existing: GoalView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit goal") if existing else self.tr("New goal with the patient")
        super().__init__(title, parent)
        self.resize(720, 480)
        self.words = QLineEdit(existing.patient_words if existing else "")
        self.words.setMaxLength(500)
        self.words.setPlaceholderText(self.tr("e.g. “I want to walk to church again”"))
        self.target = QLineEdit(existing.target if existing else "")
        self.target.setMaxLength(500)
        self.target.setPlaceholderText(
            self.tr("e.g. walk 10 minutes twice a day; weigh every morning, call if up 2 lb")
        )
        default = existing.target_date if existing else today + timedelta(days=14)
        self.target_date = date_edit(default, minimum=min(default, today))
        self.links = QListWidget()
        self.links.setAccessibleName(self.tr("What serves this goal"))
        chosen = {(o.link.kind, str(o.link.ref)) for o in existing.links} if existing else set()
        for option in options:
            text = labels.link_text(option)
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = (option.link.kind, str(option.link.ref)) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, option.link)
            self.links.addItem(item)
        self.add_row("patient_words", self.tr("In the patient's &words:"), self.words)
        self.add_row("target", self.tr("Measurable &target:"), self.target)
        self.add_row("target_date", self.tr("&By:"), self.target_date)
        self.add_row("links", self.tr("&Served by:"), self.links)
        hint = QLabel(self.tr("Space ticks the highlighted need, module, appointment or referral."))
        fmt_hint = hint.font()
        fmt_hint.setPointSizeF(fmt_hint.pointSizeF() * 0.9)
        hint.setFont(fmt_hint)
        self.form.addRow("", hint)
        self.words.setFocus()

    def set_link(self, kind_label: str, checked: bool = True) -> None:
        """Tick the first link whose text starts with ``kind_label`` (tests, shortcuts)."""
        for row in range(self.links.count()):
            item = self.links.item(row)
            if item.text().startswith(kind_label):
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise LookupError(kind_label)

    def value(self) -> GoalInput:
        refs: list[GoalLinkRef] = []
        for row in range(self.links.count()):
            item = self.links.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                refs.append(item.data(Qt.ItemDataRole.UserRole))
        return GoalInput(
            patient_words=self.words.text(),
            target=self.target.text(),
            target_date=to_date(self.target_date.date()),
            links=tuple(refs),
        )
