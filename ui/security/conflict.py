"""The conflict dialog: someone else saved this record first. Theirs vs yours; reload or re-apply.

Any page that saves with ``expected_version`` can use it::

    def _save_failed(self, exc):
        if isinstance(exc, ConflictError):
            choice = ConflictDialog.ask(self, exc, yours=self.form_values(), labels=LABELS)
            if choice is ConflictChoice.REAPPLY: self.reload_keeping_form()   # then save again
            elif choice is ConflictChoice.RELOAD: self.reload()               # drop my edits

Nothing is ever saved over the other person's change without the user seeing both.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from transitions.errors import ConflictError
from ui.dialogs.common import heading
from ui.errors import sentence


class ConflictChoice(Enum):
    RELOAD = "reload"  # take their version, drop my edits
    REAPPLY = "reapply"  # load their version and put my edits back on top, to review and save
    CANCEL = "cancel"  # leave the form as it is


class ConflictDialog(QDialog):
    def __init__(
        self,
        exc: ConflictError,
        yours: dict[str, str],
        labels: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Someone else saved first — Transitions"))
        self.choice = ConflictChoice.CANCEL
        theirs = exc.theirs or {}
        labels = labels or {}
        keys = list(dict.fromkeys([*yours, *theirs]))

        message = QLabel(sentence(str(exc)))
        message.setWordWrap(True)
        self.table = QTableWidget(len(keys), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Theirs (saved)"), self.tr("Yours (not saved)")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Their values and yours"))
        self.differences = 0
        for row, key in enumerate(keys):
            mine, saved = yours.get(key, ""), theirs.get(key, "")
            cells = [labels.get(key, key.replace("_", " ").capitalize()), saved, mine]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if mine != saved and key in theirs:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setBackground(QColor("#fff4d6"))
                self.table.setItem(row, column, item)
            self.differences += int(mine != saved and key in theirs)
        self.table.resizeRowsToContents()

        buttons = QDialogButtonBox()
        self.reapply_button: QPushButton = buttons.addButton(
            self.tr("&Re-apply my change…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reapply_button.setToolTip(
            self.tr("Load their version, put your change back in the form, and review it")
        )
        self.reload_button: QPushButton = buttons.addButton(
            self.tr("Re&load theirs (discard mine)"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.cancel_button: QPushButton = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.reapply_button.setDefault(True)
        self.reapply_button.clicked.connect(lambda: self._done(ConflictChoice.REAPPLY))
        self.reload_button.clicked.connect(lambda: self._done(ConflictChoice.RELOAD))
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Someone else saved this record first")))
        layout.addWidget(message)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Nothing was overwritten. Choose what to do with your change."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 48, self.sizeHint().height())
        self.reapply_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _done(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        exc: ConflictError,
        yours: dict[str, str],
        labels: dict[str, str] | None = None,
    ) -> ConflictChoice:
        dialog = cls(exc, yours, labels, parent)
        dialog.exec()
        return dialog.choice
