"""The needs the assessment found (positive screens and barriers): a table, and the buttons to
mark one resolved, declined by the patient, or open again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.assessment import NeedStatus
from transitions.domain.assessment_form import load_form
from transitions.services.assessment import NeedView
from ui import formatting as fmt
from ui.widgets.style import set_muted
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn
from ui.workspace.assessment import labels


class NeedsPanel(QWidget):
    def __init__(
        self,
        tz: tzinfo,
        today: Callable[[], date],
        on_status: Callable[[NeedView, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tz = tz
        self._today = today
        self._on_status = on_status
        self.language = labels.form_language()
        title = QLabel(self.tr("&Needs"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        self.summary = set_muted(QLabel())
        self.summary.setWordWrap(True)
        self.model: PlainTableModel[NeedView] = PlainTableModel(
            [
                TableColumn(
                    self.tr("Need"), lambda n: labels.domain_label(n.domain), self._tooltip
                ),
                TableColumn(self.tr("Status"), lambda n: labels.status_label(n.status)),
                TableColumn(self.tr("Since"), self._since, self._tooltip, stretch=True),
            ],
            self,
        )
        self.table = EmptyStateTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Needs"))
        self.table.set_empty_text(self.tr("No needs: nothing has screened positive"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        title.setBuddy(self.table)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.resolve_button = QPushButton(self.tr("Mark &resolved"))
        self.decline_button = QPushButton(self.tr("Patient decl&ined help"))
        self.reopen_button = QPushButton(self.tr("Re&open"))
        self.resolve_button.clicked.connect(lambda: self._set(NeedStatus.RESOLVED))
        self.decline_button.clicked.connect(lambda: self._set(NeedStatus.DECLINED))
        self.reopen_button.clicked.connect(lambda: self._set(NeedStatus.OPEN))
        buttons = QHBoxLayout()
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self._update_buttons()

    def _since(self, need: NeedView) -> str:
        return fmt.format_moment(need.identified_at, self._tz, self._today())

    def _tooltip(self, need: NeedView) -> str:
        rule = load_form().rule(need.domain)
        lines = [rule.text(self.language) if rule else need.description]
        question = load_form().by_key.get(need.source_question)
        what = question.label.get(self.language) if question else need.source_question
        lines.append(self.tr("From: {question}").format(question=what))
        if need.identified_by:
            lines.append(self.tr("Identified by {who}").format(who=need.identified_by))
        if need.referenced:
            lines.append(self.tr("A referral or goal refers to this need"))
        return "\n".join(lines)

    def show_needs(self, needs: tuple[NeedView, ...]) -> None:
        current = self.current()
        self.model.set_rows(list(needs))
        self.table.resizeColumnsToContents()
        open_count = sum(1 for n in needs if n.status == NeedStatus.OPEN.value)
        self.summary.setText(
            self.tr("Open needs: {n}. They follow the answers each time you save.").format(
                n=open_count
            )
        )
        ids = [n.id for n in needs]
        row = ids.index(current.id) if current is not None and current.id in ids else 0
        if needs:
            self.table.selectRow(row)
        self._update_buttons()

    def current(self) -> NeedView | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def _update_buttons(self) -> None:
        need = self.current()
        status = need.status if need is not None else None
        self.resolve_button.setEnabled(status == NeedStatus.OPEN.value)
        self.decline_button.setEnabled(status == NeedStatus.OPEN.value)
        self.reopen_button.setEnabled(status not in (None, NeedStatus.OPEN.value))
        self.detail.setText(self._tooltip(need) if need is not None else "")

    def _set(self, status: NeedStatus) -> None:
        need = self.current()
        if need is not None:
            self._on_status(need, status.value)
