"""Admin > Users: list accounts (roles, units, active, locked), add, edit, disable, reset password.

Edits carry the row's ``version_id``; if another administrator saved first the conflict dialog
shows theirs vs. yours and nothing is overwritten.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transitions.errors import ConflictError, ValidationError
from transitions.services import encounters, security
from transitions.services.permissions import role_labels
from transitions.services.security import UserRow
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs.common import error_label, set_error
from ui.errors import show_error, user_message
from ui.security.conflict import ConflictChoice, ConflictDialog
from ui.tasks import bound_to
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn

FIELD_LABELS = {"display_name": "Full name", "roles": "Roles", "units": "Units", "active": "Active"}


def _checklist(items: list[tuple[str, str]], checked: tuple[str, ...], name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    for key, label in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(widget.sizeHintForRow(0) * min(len(items), 6) + 8)
    return widget


def _checked(widget: QListWidget) -> list[str]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def _set_checked(widget: QListWidget, keys: tuple[str, ...] | list[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in keys
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class UserEditDialog(QDialog):
    """Add (``user`` None: user name and temporary password asked) or edit an account."""

    def __init__(
        self,
        ctx: AppContext,
        units: list[tuple[str, str]],
        user: UserRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.saved: UserRow | None = None
        self.setWindowTitle(self.tr("Add user") if user is None else self.tr("Edit user"))
        self.username_edit = QLineEdit(user.username if user else "")
        self.username_edit.setReadOnly(user is not None)
        self.name_edit = QLineEdit(user.display_name if user else "")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        roles = sorted(role_labels().items(), key=lambda item: item[1])
        self.roles_list = _checklist(roles, user.roles if user else (), self.tr("Roles"))
        unit_items = [(code, f"{code} — {name}") for code, name in units]
        self.units_list = _checklist(unit_items, user.unit_codes if user else (), self.tr("Units"))
        self.errors = {key: error_label() for key in ("username", "display_name", "roles", "units")}
        self.errors["password"] = error_label()
        self.message = error_label()

        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username_edit)
        form.addRow("", self.errors["username"])
        form.addRow(self.tr("&Full name"), self.name_edit)
        form.addRow("", self.errors["display_name"])
        if user is None:
            form.addRow(self.tr("&Temporary password"), self.password_edit)
            form.addRow("", self.errors["password"])
        form.addRow(self.tr("&Roles"), self.roles_list)
        form.addRow("", self.errors["roles"])
        form.addRow(self.tr("U&nits (none = all units)"), self.units_list)
        form.addRow("", self.errors["units"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.name_edit if user else self.username_edit).setFocus()

    def form_values(self) -> dict[str, str]:
        return {
            "display_name": self.name_edit.text().strip(),
            "roles": ", ".join(sorted(_checked(self.roles_list))),
            "units": ", ".join(sorted(_checked(self.units_list))),
            "active": "yes" if self.user is None or self.user.active else "no",
        }

    def save(self) -> None:
        for label in [*self.errors.values(), self.message]:
            set_error(label, None)
        actor = self.ctx.require_actor()
        name, roles, units = (
            self.name_edit.text(),
            _checked(self.roles_list),
            _checked(self.units_list),
        )
        user = self.user
        if user is None:
            username, password = self.username_edit.text(), self.password_edit.text()

            def work(uow: UnitOfWork) -> UserRow:
                return security.add_user(uow, actor, username, name, roles, units, password)
        else:

            def work(uow: UnitOfWork) -> UserRow:
                return security.update_user(
                    uow,
                    actor,
                    user.id,
                    expected_version=user.version_id,
                    display_name=name,
                    roles=roles,
                    units=units,
                    active=user.active,
                )

        self.ctx.submit(work, bound_to(self, self._saved), bound_to(self, self._failed))

    def _saved(self, row: UserRow) -> None:
        self.saved = row
        self.accept()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ConflictError) and self.user is not None:
            choice = ConflictDialog.ask(self, exc, self.form_values(), FIELD_LABELS)
            if choice is ConflictChoice.CANCEL:
                return
            self._reload(keep_form=choice is ConflictChoice.REAPPLY)
            return
        if isinstance(exc, ValidationError) and exc.field in self.errors:
            set_error(self.errors[exc.field], user_message(exc))
            return
        set_error(self.message, user_message(exc, "saving a user"))

    def _reload(self, *, keep_form: bool) -> None:
        """Take the saved version (its new version_id); with ``keep_form`` keep my edits."""
        actor = self.ctx.require_actor()
        user_id = self.user.id if self.user else -1

        def work(uow: UnitOfWork) -> UserRow | None:
            return next((u for u in security.list_users(uow, actor) if u.id == user_id), None)

        def show(row: UserRow | None) -> None:
            if row is None:
                return
            self.user = row
            if not keep_form:
                self.name_edit.setText(row.display_name)
                _set_checked(self.roles_list, row.roles)
                _set_checked(self.units_list, row.unit_codes)
            set_error(self.message, self.tr("Loaded the saved version. Review and save again."))

        self.ctx.submit(work, bound_to(self, show), bound_to(self, self._failed))


class UsersDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.units: list[tuple[str, str]] = []
        self.setWindowTitle(self.tr("Users"))
        labels = role_labels()
        tz = ctx.tz
        yes, no = self.tr("yes"), self.tr("no")

        def locked(row: UserRow) -> str:
            if row.locked_until is not None and row.locked_until > ctx.now():
                return self.tr("until %1").replace(
                    "%1", row.locked_until.astimezone(tz).strftime("%H:%M")
                )
            return self.tr("must change password") if row.must_change_password else ""

        self.model: PlainTableModel[UserRow] = PlainTableModel(
            [
                TableColumn(self.tr("User name"), lambda r: r.username),
                TableColumn(self.tr("Name"), lambda r: r.display_name),
                TableColumn(
                    self.tr("Roles"), lambda r: ", ".join(labels.get(x, x) for x in r.roles)
                ),
                TableColumn(self.tr("Units"), lambda r: ", ".join(r.unit_codes) or self.tr("all")),
                TableColumn(self.tr("Active"), lambda r: yes if r.active else no),
                TableColumn(self.tr("Locked / password"), locked),
            ],
            self,
        )
        self.table = EmptyStateTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(EmptyStateTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(EmptyStateTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.add_button = QPushButton(self.tr("&Add user…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_current)
        self.disable_button.clicked.connect(self.disable_current)
        self.reset_button.clicked.connect(self.reset_current)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.disable_button, self.reset_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 70, 420)

    def refresh(self) -> None:
        actor = self.ctx.require_actor()

        def work(uow: UnitOfWork) -> tuple[list[UserRow], list[tuple[str, str]]]:
            return security.list_users(uow, actor), encounters.list_units(uow)

        def show(result: tuple[list[UserRow], list[tuple[str, str]]]) -> None:
            rows, self.units = result
            self.model.set_rows(rows)
            if rows and not self.table.currentIndex().isValid():
                self.table.selectRow(0)

        self.ctx.submit(work, bound_to(self, show), bound_to(self, self._failed))

    def _failed(self, exc: Exception) -> None:
        show_error(self, exc, "managing users")

    def current(self) -> UserRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _edit(self, user: UserRow | None) -> None:
        dialog = UserEditDialog(self.ctx, self.units, user, self)
        if dialog.exec() and dialog.saved is not None:
            self.status.setText(self.tr("Saved %1.").replace("%1", dialog.saved.username))
            self.refresh()

    def add_user(self) -> None:
        self._edit(None)

    def edit_current(self) -> None:
        if (user := self.current()) is not None:
            self._edit(user)

    def disable_current(self) -> None:
        user = self.current()
        if user is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Disable user"),
            self.tr("Disable the account %1? They can no longer sign in.").replace(
                "%1", user.username
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.ctx.require_actor()

        def work(uow: UnitOfWork) -> UserRow:
            return security.disable_user(
                uow, actor, user.username, expected_version=user.version_id
            )

        self.ctx.submit(work, bound_to(self, self._done_disable), bound_to(self, self._failed))

    def _done_disable(self, row: UserRow) -> None:
        self.status.setText(self.tr("Disabled %1.").replace("%1", row.username))
        self.refresh()

    def reset_current(self) -> None:
        user = self.current()
        if user is None:
            return
        dialog = ResetPasswordDialog(user.username, self)
        if not dialog.exec():
            return
        actor = self.ctx.require_actor()
        password = dialog.password_edit.text()

        def work(uow: UnitOfWork) -> UserRow:
            return security.reset_password(
                uow, actor, user.username, password, expected_version=user.version_id
            )

        self.ctx.submit(work, bound_to(self, self._done_reset), bound_to(self, self._failed))

    def _done_reset(self, row: UserRow) -> None:
        self.status.setText(
            self.tr(
                "Password of %1 reset. Give them the temporary password; they must choose a new "
                "one at their next sign-in."
            ).replace("%1", row.username)
        )
        self.refresh()


class ResetPasswordDialog(QDialog):
    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset password"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(
            self.tr("&Temporary password for %1").replace("%1", username), self.password_edit
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The user must choose a new password at next sign-in.")))
        layout.addWidget(buttons)
