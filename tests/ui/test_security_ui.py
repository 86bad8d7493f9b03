"""Lock screen, forced password change, switching user at the lock, the conflict dialog."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import ADMIN_PASSWORD, ADMIN_USER, MessageBoxes, Ward
from tests.ui.test_startup import make_controller, sign_in  # noqa: F401,F811 - fixture
from transitions.db.engine import Database
from transitions.db.models import AuditEvent
from transitions.domain.encounter_status import EncounterStatus
from transitions.errors import ConflictError
from transitions.services import encounters, security
from transitions.services.uow import Actor, UnitOfWork
from ui.security.conflict import ConflictChoice, ConflictDialog
from ui.startup import StartupController

NURSE_TEMP = "tulip meadow river"
NURSE_OWN = "copper kettle song"


@pytest.fixture
def nurse(make_uow: Callable[[], UnitOfWork], ward: Ward) -> str:
    with make_uow() as uow:
        security.add_user(uow, Actor.system("t"), "ivy", "Ivy Nurse", ["nurse"], ["4W"], NURSE_TEMP)
    return "ivy"


def open_patient_and_type(controller: StartupController) -> QLineEdit:
    window = controller.main_window
    assert window is not None
    window.worklist.table.setCurrentIndex(window.worklist.proxy.index(0, 0))
    window.worklist.open_current()
    window.worklist.search_edit.setText("unsaved words")
    return window.worklist.search_edit


def test_idle_lock_covers_the_window_and_keeps_what_was_typed(
    qtbot: QtBot,
    make_controller: Callable[..., StartupController],  # noqa: F811
    admin: Actor,
    ward: Ward,
    database: Database,
) -> None:
    controller = make_controller()
    controller.start()
    sign_in(qtbot, controller, ADMIN_USER, ADMIN_PASSWORD)
    lock = controller.lock
    assert lock is not None and lock.idle_seconds == 10 * 60  # site default
    typed = open_patient_and_type(controller)
    now = [1000.0]
    lock._clock = lambda: now[0]
    lock.last_activity = now[0]
    now[0] += 599
    lock.check_idle()
    assert not lock.is_locked
    now[0] += 2
    lock.check_idle()
    window = controller.main_window
    assert window is not None and lock.is_locked
    assert lock.overlay.geometry() == window.rect()
    assert not window.find_action.isEnabled()  # shortcuts off behind the cover

    overlay = lock.overlay
    overlay.password_edit.setText("wrong password")
    qtbot.keyClick(overlay.password_edit, Qt.Key.Key_Return)
    assert lock.is_locked and "not right" in overlay.error_label.text()
    overlay.password_edit.setText(ADMIN_PASSWORD)
    qtbot.keyClick(overlay.password_edit, Qt.Key.Key_Return)
    assert not lock.is_locked
    assert controller.main_window is window and len(window.workspaces()) == 1
    assert typed.text() == "unsaved words"
    assert window.find_action.isEnabled()
    with database.session() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-3:] == ["lock", "sign_in_failed", "sign_in"]


@pytest.mark.parametrize("agree", [False, True])
def test_a_different_user_at_the_lock_is_asked_before_discarding(
    qtbot: QtBot,
    make_controller: Callable[..., StartupController],  # noqa: F811
    admin: Actor,
    nurse: str,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
    agree: bool,
) -> None:
    answer = QMessageBox.StandardButton.Yes if agree else QMessageBox.StandardButton.No
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    controller = make_controller()
    controller.start()
    sign_in(qtbot, controller, ADMIN_USER, ADMIN_PASSWORD)
    typed = open_patient_and_type(controller)
    first_window = controller.main_window
    assert controller.lock is not None
    controller.lock.lock()
    overlay = controller.lock.overlay
    overlay.username_edit.setText(nurse)
    overlay.password_edit.setText(NURSE_TEMP)
    qtbot.mouseClick(overlay.unlock_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Nadia Admin" in asked[0] and "discarded" in asked[0]
    if not agree:
        assert controller.main_window is first_window and controller.lock.is_locked
        assert typed.text() == "unsaved words"
        assert overlay.username_edit.text() == ADMIN_USER
        return
    # the nurse takes over; her password was set by the admin, so she must choose her own
    assert controller.main_window is None
    dialog = controller.password_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.edits["current"].setText(NURSE_TEMP)
    dialog.edits["password"].setText("password2026")
    dialog.edits["confirm"].setText("password2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "common or breached" in dialog.errors["password"].text()
    dialog.edits["password"].setText(NURSE_OWN)
    dialog.edits["confirm"].setText(NURSE_OWN)
    qtbot.keyClick(dialog.edits["confirm"], Qt.Key.Key_Return)
    window = controller.main_window
    assert window is not None and window is not first_window
    assert controller.ctx is not None and controller.ctx.actor is not None
    assert controller.ctx.actor.username == "ivy"
    assert window.worklist.proxy.rowCount() == 2  # 4W only: her unit


def test_conflict_dialog_shows_theirs_and_yours(
    qtbot: QtBot, make_uow: Callable[[], UnitOfWork], ward: Ward
) -> None:
    actor = Actor.system("ws")
    with make_uow() as uow:
        version = encounters.get_stay(uow, actor, encounter_id=ward.abernathy).version_id
    with make_uow() as uow:
        encounters.change_status(
            uow, actor, ward.abernathy, EncounterStatus.DISCHARGE_PLANNED, expected_version=version
        )
    with make_uow() as uow, pytest.raises(ConflictError) as info:
        encounters.change_status(
            uow, actor, ward.abernathy, EncounterStatus.CANCELLED, expected_version=version
        )
    dialog = ConflictDialog(info.value, {"status": "cancelled"}, {"status": "Status"})
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 0).text() == "Status"
    assert dialog.table.item(0, 1).text() == "discharge_planned"
    assert dialog.table.item(0, 2).text() == "cancelled"
    assert dialog.differences == 1
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is ConflictChoice.RELOAD
    again = ConflictDialog(info.value, {"status": "cancelled"})
    qtbot.addWidget(again)
    again.show()
    qtbot.keyClick(again, Qt.Key.Key_Return)  # the default: re-apply
    assert again.choice is ConflictChoice.REAPPLY
