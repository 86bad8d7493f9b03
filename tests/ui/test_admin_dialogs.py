"""Admin > Users and Admin > Audit trail: shown by permission, edits with conflict handling,
audited searches and CSV export."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import ADMIN_USER, MessageBoxes, Ward
from tests.ui.screenshots import save
from transitions.db.engine import Database
from transitions.db.models import AuditEvent, User
from transitions.services import encounters, security
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.security import users as users_ui
from ui.security.audit_viewer import AuditViewerDialog
from ui.security.conflict import ConflictChoice, ConflictDialog
from ui.security.users import UserEditDialog, UsersDialog, _set_checked

TEMP = "tulip meadow river"
SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def shot(widget: QDialog, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.show()
    save(widget, SHOTS, name)


@pytest.fixture
def ivy(make_uow: Callable[[], UnitOfWork], ward: Ward, admin: Actor) -> None:
    with make_uow() as uow:
        security.add_user(uow, admin, "ivy", "Ivy Nurse", ["nurse"], ["4W"], TEMP)


def nurse_actor(make_uow: Callable[[], UnitOfWork]) -> Actor:
    with make_uow() as uow:
        user = uow.session.scalar(select(User).where(User.username == "ivy"))
        assert user is not None
        return Actor(user.id, user.username, user.display_name, user.role_set)


def test_admin_menu_is_shown_by_permission(
    qtbot: QtBot, ctx: AppContext, ivy: None, make_uow: Callable[[], UnitOfWork]
) -> None:
    window = MainWindow(ctx, steps=[])
    qtbot.addWidget(window)
    assert hasattr(window, "users_action") and hasattr(window, "audit_action")
    ctx.actor = nurse_actor(make_uow)
    nurse_window = MainWindow(ctx, steps=[])
    qtbot.addWidget(nurse_window)
    assert not hasattr(nurse_window, "users_action")
    assert not hasattr(nurse_window, "audit_action")
    titles = [a.text() for a in nurse_window.menuBar().actions()]
    assert "&Admin" not in titles


def test_users_dialog_lists_adds_and_resets(
    qtbot: QtBot,
    ctx: AppContext,
    ivy: None,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.refresh()
    names = [dialog.model.row_at(i).username for i in range(dialog.model.rowCount())]
    assert names == ["ivy", ADMIN_USER]
    assert dialog.model.data(dialog.model.index(0, 3)) == "4W"
    assert dialog.model.data(dialog.model.index(0, 5)) == "must change password"

    # add: a field error next to the field first, then a good save
    def fake_exec(self: UserEditDialog) -> int:
        self.username_edit.setText("bo")
        self.name_edit.setText("")
        self.password_edit.setText(TEMP)
        _set_checked(self.roles_list, ["pharmacist"])
        self.save()
        assert "full name" in self.errors["display_name"].text()
        assert not self.errors["display_name"].isHidden()
        self.name_edit.setText("Bo Pharmacist")
        self.save()
        return int(self.result())

    monkeypatch.setattr(UserEditDialog, "exec", fake_exec)
    dialog.add_user()
    assert "bo" in [dialog.model.row_at(i).username for i in range(dialog.model.rowCount())]

    # reset ivy's password
    dialog.table.setCurrentIndex(
        dialog.model.index(
            [dialog.model.row_at(i).username for i in range(dialog.model.rowCount())].index("ivy"),
            0,
        )
    )

    def fake_reset_exec(self: users_ui.ResetPasswordDialog) -> int:
        self.password_edit.setText("new temporary phrase")
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(users_ui.ResetPasswordDialog, "exec", fake_reset_exec)
    dialog.reset_current()
    assert "must choose a new one at their next sign-in" in dialog.status.text()
    # disable ivy
    dialog.table.setCurrentIndex(
        dialog.model.index(
            [dialog.model.row_at(i).username for i in range(dialog.model.rowCount())].index("ivy"),
            0,
        )
    )
    dialog.disable_current()
    with database.session() as session:
        ivy_user = session.scalar(select(User).where(User.username == "ivy"))
        assert ivy_user is not None and not ivy_user.active and ivy_user.must_change_password
        actions = set(session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "user")))
    assert {"add", "reset_password", "disable"} <= actions
    assert message_boxes.kinds() == ["question"]
    shot(dialog, "admin_users.png")


def test_user_edit_conflict_shows_theirs_and_keeps_mine(
    qtbot: QtBot,
    ctx: AppContext,
    ivy: None,
    admin: Actor,
    make_uow: Callable[[], UnitOfWork],
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with make_uow() as uow:
        row = next(u for u in security.list_users(uow, admin) if u.username == "ivy")
        units = encounters.list_units(uow)
    edit = UserEditDialog(ctx, units, row)
    qtbot.addWidget(edit)
    edit.name_edit.setText("Ivy Mine")
    with make_uow() as uow:  # the other administrator saves first
        security.update_user(
            uow,
            admin,
            row.id,
            expected_version=row.version_id,
            display_name="Ivy Theirs",
            roles=["nurse", "pharmacist"],
            units=["4W"],
            active=True,
        )
    seen: list[dict[str, str]] = []

    def ask(_parent: object, exc: object, yours: dict[str, str], labels: object) -> ConflictChoice:
        seen.append({**getattr(exc, "theirs", {}), "yours": yours["display_name"]})
        return ConflictChoice.REAPPLY

    monkeypatch.setattr(ConflictDialog, "ask", staticmethod(ask))
    edit.save()
    assert seen and seen[0]["display_name"] == "Ivy Theirs" and seen[0]["yours"] == "Ivy Mine"
    assert edit.name_edit.text() == "Ivy Mine"  # my edit kept, version refreshed
    assert edit.user is not None and edit.user.version_id != row.version_id
    edit.save()  # saving again now goes through
    assert edit.saved is not None and edit.saved.display_name == "Ivy Mine"
    with database.session() as session:
        user = session.scalar(select(User).where(User.username == "ivy"))
        assert user is not None and user.display_name == "Ivy Mine"


def test_audit_viewer_filters_exports_and_is_audited(
    qtbot: QtBot,
    ctx: AppContext,
    ward: Ward,
    admin: Actor,
    make_uow: Callable[[], UnitOfWork],
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with make_uow() as uow:  # a view of Quigley's record
        encounters.get_stay(uow, admin, encounter_id=ward.quigley)
    dialog = AuditViewerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.refresh()
    assert dialog.model.rowCount() >= 2
    assert dialog.action_combo.findData("view") >= 0
    dialog.mrn_edit.setText("MRN100001")
    dialog.search()
    rows = [dialog.model.row_at(i) for i in range(dialog.model.rowCount())]
    assert rows and all(r.patient_mrn == "MRN100001" for r in rows)
    dialog.mrn_edit.setText("")
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("view"))
    dialog.user_edit.setText(ADMIN_USER)
    dialog.dates_check.setChecked(True)
    dialog.search()
    rows = [dialog.model.row_at(i) for i in range(dialog.model.rowCount())]
    assert rows and all(r.action == "view" for r in rows)
    shot(dialog, "admin_audit.png")

    out = tmp_path / "audit.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.export_csv()
    with out.open(encoding="utf-8") as f:
        exported = list(csv.DictReader(f))
    assert exported and {r["action"] for r in exported} == {"view"}
    assert "Exported" in dialog.status.text()
    with database.session() as session:
        audit_actions = list(
            session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "audit"))
        )
    assert audit_actions.count("view") >= 3 and "export" in audit_actions
