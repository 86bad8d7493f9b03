"""The Education step, driven with the keyboard alone, on both databases."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import MessageBoxes, Ward
from transitions.db.models import AuditEvent
from transitions.services import education
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.workspace.education.step import EducationStep

HF_ITEMS = ["daily-weight", "salt-fluid", "symptoms", "hf-medicines", "hf-activity"]


@pytest.fixture
def nurse_ctx(ctx: AppContext, admin: Actor) -> AppContext:
    ctx.actor = Actor(admin.user_id, admin.username, "Nadia Nurse", roles=frozenset({"nurse"}))
    return ctx


def open_step(qtbot: QtBot, ctx: AppContext, encounter_id: int) -> EducationStep:
    step = EducationStep(ctx, encounter_id)
    qtbot.addWidget(step)
    step.resize(1300, 800)
    step.show()
    qtbot.waitExposed(step)
    step.activateWindow()
    qtbot.waitUntil(step.isActiveWindow)
    step.reload()
    return step


def focused() -> object:
    return QApplication.focusWidget()


def current_key(step: EducationStep) -> tuple[str, str]:
    return step.items_model.row_at(step.items_table.currentIndex().row()).key


def teach_current_with_keys(qtbot: QtBot, step: EducationStep, result_steps: int = 1) -> None:
    """From the items table: Enter, Tab to the result, choose it with arrows, Ctrl+Enter."""
    panel = step.teach_panel
    if focused() is step.items_table:
        qtbot.keyClick(step.items_table, Qt.Key.Key_Return)
    assert focused() is panel.learner
    qtbot.keyClick(panel.learner, Qt.Key.Key_Tab)
    assert focused() is panel.method
    qtbot.keyClick(panel.method, Qt.Key.Key_Tab)
    assert focused() is panel.result
    for _ in range(result_steps):
        qtbot.keyClick(panel.result, Qt.Key.Key_Down)
    qtbot.keyClick(panel.result, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_nurse_teaches_the_heart_failure_module_with_the_keyboard(
    qtbot: QtBot,
    nurse_ctx: AppContext,
    ward: Ward,
    make_uow: Callable[[], UnitOfWork],
    message_boxes: MessageBoxes,
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    assert step.progress_label.text() == "Education: 0 of 11 items done"
    modules = [m.module_id for m in step.view.modules] if step.view else []
    assert modules == ["general", "heart-failure"]
    step.items_table.setFocus()
    assert current_key(step) == ("general", "medicines")
    for _ in range(6):  # past the six general items
        qtbot.keyClick(step.items_table, Qt.Key.Key_Down)
    assert current_key(step) == ("heart-failure", "daily-weight")
    assert "Weigh yourself each morning" in step.teach_panel.text_view.toPlainText()
    assert "Call your doctor if:" in step.teach_panel.text_view.toPlainText()

    for expected in HF_ITEMS:
        assert current_key(step) == ("heart-failure", expected)
        teach_current_with_keys(qtbot, step)

    assert step.view is not None
    hf = step.view.module("heart-failure")
    assert (hf.progress.done, hf.progress.required) == (5, 5)
    assert step.progress_label.text() == "Education: 5 of 11 items done"
    # after the module the keyboard flow wraps to the first open item
    assert current_key(step) == ("general", "medicines")
    assert message_boxes.calls == []
    with make_uow() as uow:
        rows = uow.session.execute(
            select(AuditEvent.action, AuditEvent.username).where(AuditEvent.action == "teach")
        ).all()
    assert len(rows) == 5 and {r.username for r in rows} == {"nurse.admin"}


def test_missing_result_is_shown_next_to_the_field(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    step.items_table.setFocus()
    qtbot.keyClick(step.items_table, Qt.Key.Key_Return)
    qtbot.keyClick(step.teach_panel.learner, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    error = step.teach_panel.errors["result"]
    assert error.isVisible() and error.text() == "Choose the teach-back result."
    assert step.view is not None and step.view.progress.done == 0


def test_reteaching_shows_history_and_reinforcement_count(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    step.items_table.setFocus()
    teach_current_with_keys(qtbot, step, result_steps=2)  # needs reinforcement
    assert "1 need reinforcement" in step.progress_label.text()
    step.items_table.setFocus()
    qtbot.keyClick(step.items_table, Qt.Key.Key_Up)  # back to the item just taught
    assert current_key(step) == ("general", "medicines")
    teach_current_with_keys(qtbot, step, result_steps=1)
    step._select_row(0)
    assert step.teach_panel.history_model.rowCount() == 2
    assert step.items_model.index(0, 3).data() == "✓ Understood"
    assert "reinforcement" not in step.progress_label.text()


def test_spanish_patient_needs_the_interpreter_recorded(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quintero)
    panel = step.teach_panel
    assert "Teaching in Spanish" in step.language_label.text()
    assert "Tome sus medicamentos" in panel.text_view.toPlainText()
    assert panel.interpreter.isVisible()
    panel.result.setCurrentIndex(1)
    panel.submit()
    assert panel.errors["interpreter_used"].isVisible()
    panel.interpreter.setCurrentIndex(1)  # yes
    panel.submit()
    assert panel.errors["interpreter_id"].isVisible()
    panel.interpreter_id.setText("INT-220")
    panel.submit()
    assert step.view is not None and step.view.progress.done == 1
    record = step.view.module("general").items[0].history[0]
    assert (record.interpreter_used, record.interpreter_id, record.language) == (
        True,
        "INT-220",
        "es",
    )


def test_remove_module_needs_a_reason(qtbot: QtBot, nurse_ctx: AppContext, ward: Ward) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    step._select_row(6)  # heart failure
    step._ask_remove()
    dialog = step.remove_dialog
    assert dialog is not None
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error_label.text() == "Say why the module is removed."
    qtbot.keyClicks(dialog.reason_edit, "taught last week")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert step.view is not None
    assert [m.module_id for m in step.view.modules] == ["general"]
    assert "Removed: Heart failure (taught last week)" in step.modules_label.text()
    index = step.add_combo.findData("heart-failure")
    step.add_combo.setCurrentIndex(index)
    step.add_button.click()
    assert [m.module_id for m in step.view.modules] == ["general", "heart-failure"]


def test_boost_and_instructions(
    qtbot: QtBot,
    nurse_ctx: AppContext,
    ward: Ward,
    make_uow: Callable[[], UnitOfWork],
    message_boxes: MessageBoxes,
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    step.tabs.setCurrentIndex(1)
    step.boost_panel.combos["poor_health_literacy"].setCurrentIndex(1)
    step.boost_panel.combos["polypharmacy"].setCurrentIndex(1)
    step.boost_panel.save_button.click()
    assert step.literacy_banner.isVisible()
    assert step.view is not None and "fall-prevention" in [m.module_id for m in step.view.modules]
    assert all(i.teach_back_required for m in step.view.modules for i in m.items)

    step.tabs.setCurrentIndex(2)
    panel = step.instructions_panel
    qtbot.keyClicks(panel.editor, "Walk each day. Call us if you feel worse.")
    panel.update_level()
    assert panel.level_label.text().startswith("Reading level: grade")
    assert not panel.warning_label.isVisible()
    panel.editor.setPlainText(
        "Administer anticoagulation consistently, monitoring for hemorrhagic complications "
        "and gastrointestinal manifestations necessitating immediate evaluation."
    )
    panel.update_level()
    assert panel.warning_label.isVisible()
    panel.save_button.click()
    assert step.view.instructions.startswith("Administer")

    # someone else saves first: a conflict offers a reload
    with make_uow() as uow:
        assert step.view.plan_version is not None
        education.save_instructions(
            uow,
            Actor.system("other"),
            ward.quigley,
            "Other text.",
            expected_version=step.view.plan_version,
        )
    panel.save_button.click()
    assert message_boxes.kinds() == ["question"]
    assert step.instructions_panel.editor.toPlainText() == "Other text."
