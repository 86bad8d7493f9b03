"""The Appointments step: booking, editing, cancelling, rebooking, and the warnings firing live."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import MessageBoxes, Ward
from transitions.db.models import AuditEvent, Clinic, Encounter, Provider
from transitions.domain.appointments import AppointmentStatus, AppointmentType
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.workspace.appointments import AppointmentsStep
from ui.workspace.appointments.dialogs import AppointmentDialog


def add_pcp(make_uow: Callable[[], UnitOfWork], encounter_id: int) -> int:
    """Give the stay's patient a PCP at a weekday clinic, and a cardiology clinic."""
    with make_uow() as uow:
        clinic = Clinic(name="Riverside Primary Care", opening_hours="Mon-Fri 08:00-17:00")
        pcp = Provider(family_name="Harrowgate", given_name="Celestine", credentials="MD")
        pcp.clinic = clinic
        heart = Clinic(name="Heart Failure Clinic", opening_hours="Mon, Wed, Fri 08:00-15:00")
        uow.session.add_all([clinic, pcp, heart])
        encounter = uow.session.get(Encounter, encounter_id)
        assert encounter is not None
        encounter.patient.pcp = pcp
        uow.commit()
        return pcp.id


def open_step(
    qtbot: QtBot, ctx: AppContext, encounter_id: int, *, role: str = "nurse"
) -> AppointmentsStep:
    """The step on its own (the workspace hosting it is tested in test_workspace.py).

    Built directly rather than through the main window: PySide6 6.12 drops a reference to
    ``True`` on each Python-side ``Signal.emit()`` (window ``closed``, worklist
    ``open_requested``); fewer emits keep the suite clear of the interpreter's bool_dealloc
    abort at exit. See the issue note.
    """
    ctx.actor = replace(ctx.require_actor(), roles=frozenset({role}))
    step = AppointmentsStep(ctx, encounter_id)
    qtbot.addWidget(step)
    step.resize(1300, 900)
    step.show()
    step.reload()
    return step


def warnings(step: AppointmentsStep) -> list[str]:
    return [step.warnings.item(i).text() for i in range(step.warnings.count())]


def book(
    qtbot: QtBot, step: AppointmentsStep, day: date, at: time, **kw: object
) -> AppointmentDialog:
    dialog = step.open_book()
    assert dialog is not None
    if "type" in kw:
        dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(kw["type"]))
    if "place" in kw:
        dialog.place_combo.setCurrentIndex(
            next(
                i
                for i in range(dialog.place_combo.count())
                if dialog.place_combo.itemText(i).startswith(str(kw["place"]))
            )
        )
    dialog.set_when(day, at)
    if kw.get("transport"):
        dialog.transport_needed.setChecked(True)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    return dialog


def test_warnings_fire_as_the_plan_changes(
    qtbot: QtBot, ctx: AppContext, ward: Ward, make_uow: Callable[[], UnitOfWork]
) -> None:
    add_pcp(make_uow, ward.quigley)
    step = open_step(qtbot, ctx, ward.quigley)
    # planned discharge Wed 25 Nov 2026 14:00 (New York)
    assert warnings(step) == ["No PCP follow-up booked: due by Wed 9 Dec (moderate risk)."]
    assert "TCM contact by Mon 30 Nov" in step.deadlines_label.text()
    assert step.table.is_showing_empty_text()
    days = step.calendar.days
    assert len(days) == 30 and days[1].holiday == "Thanksgiving Day"

    # Ctrl+B opens the booking form with the PCP preselected; book it on Thanksgiving
    assert step.book_action.shortcut().toString() == "Ctrl+B"
    step.book_action.trigger()
    dialog = step.dialog
    assert isinstance(dialog, AppointmentDialog)
    assert dialog.place_combo.currentText().startswith("Celestine Harrowgate, MD")
    dialog.set_when(date(2026, 11, 26), time(10, 0))
    assert dialog.isVisible()
    qtbot.keyClick(dialog.time_edit, Qt.Key.Key_Return)
    assert dialog.general_error.text() == ""
    assert not dialog.isVisible()
    assert step.model.rowCount() == 1
    assert warnings(step) == [
        "PCP follow-up, Celestine Harrowgate, MD, Thu 26 Nov 10:00: on a holiday "
        "(Thanksgiving Day)."
    ]
    assert step.calendar.days[1].appointments[0].type is AppointmentType.PCP_FOLLOW_UP

    # a lab before discharge, overlapping nothing; a Saturday imaging with transport needed
    book(qtbot, step, date(2026, 11, 25), time(9, 0), type=AppointmentType.LAB)
    book(
        qtbot,
        step,
        date(2026, 11, 28),
        time(9, 0),
        type=AppointmentType.IMAGING,
        place="Heart Failure Clinic",
        transport=True,
    )
    found = warnings(step)
    assert any("before discharge" in w for w in found)
    assert any("Sat 28 Nov 09:00: on a weekend" in w for w in found)
    assert any("outside the clinic's hours (Mon, Wed, Fri 08:00-15:00)" in w for w in found)
    assert any("transport needed but not arranged" in w for w in found)

    # move the PCP visit past the 14-day deadline, late in the day: two more warnings
    step.select_appointment(
        next(a.id for a in step.data.plan.appointments if a.type is AppointmentType.PCP_FOLLOW_UP)  # type: ignore[union-attr]
    )
    edit = step.edit_selected()
    assert edit is not None
    edit.set_when(date(2026, 12, 10), time(16, 45))
    edit.buttons.button(edit.buttons.StandardButton.Save).click()
    found = warnings(step)
    assert (
        "PCP follow-up on Thu 10 Dec is after the visit deadline Wed 9 Dec (moderate risk)."
        in found
    )
    assert any("Thu 10 Dec 16:45: outside the clinic's hours" in w for w in found)

    # a second appointment 10 minutes after the PCP visit ends overlaps (30 min travel buffer)
    book(qtbot, step, date(2026, 12, 10), time(17, 25), type=AppointmentType.LAB)
    assert any(
        "overlaps another appointment or leaves less than 30 min" in w for w in warnings(step)
    )


def test_validation_message_next_to_the_field(
    qtbot: QtBot, ctx: AppContext, ward: Ward, make_uow: Callable[[], UnitOfWork]
) -> None:
    add_pcp(make_uow, ward.quigley)
    step = open_step(qtbot, ctx, ward.quigley)
    dialog = book(
        qtbot, step, date(2026, 12, 1), time(10, 0), type=AppointmentType.SPECIALIST, place="(none"
    )
    assert dialog.isVisible()
    assert dialog.errors["provider"].isVisibleTo(dialog)
    assert dialog.errors["provider"].text() == "Choose a provider or a clinic."
    assert step.model.rowCount() == 0


def test_interpreter_preset_and_cancel_rebook_keep_history(
    qtbot: QtBot,
    ctx: AppContext,
    ward: Ward,
    make_uow: Callable[[], UnitOfWork],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_pcp(make_uow, ward.quintero)
    step = open_step(qtbot, ctx, ward.quintero)
    dialog = book(qtbot, step, date(2026, 12, 2), time(11, 0))
    assert dialog.interpreter_needed.isChecked()  # the patient needs one
    assert any("interpreter needed but not arranged" in w for w in warnings(step))

    step.select_appointment(step.model.row_at(0).id)
    rebook = step.rebook_selected()
    assert rebook is not None
    rebook.interpreter_arranged.setChecked(True)
    rebook.set_when(date(2026, 12, 3), time(9, 30))
    rebook.buttons.button(rebook.buttons.StandardButton.Save).click()
    rows = [step.model.row_at(r) for r in range(step.model.rowCount())]
    assert [r.status for r in rows] == [AppointmentStatus.CANCELLED, AppointmentStatus.BOOKED]
    assert rows[1].rebooked_from_id == rows[0].id
    assert not any("interpreter" in w for w in warnings(step))

    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("family will drive her", True))
    )
    step.select_appointment(rows[1].id)
    step.cancel_selected()
    assert [step.model.row_at(r).status for r in range(2)] == [AppointmentStatus.CANCELLED] * 2
    assert warnings(step)[0].startswith("No PCP follow-up booked")
    step.select_appointment(rows[1].id)
    assert "cancel (family will drive her)" in step.history_label.text()
    with ctx.db.session() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "appointment")
        ).all()
    assert list(actions) == ["book", "cancel", "rebook", "cancel"]


def test_stale_edit_offers_reload(
    qtbot: QtBot,
    ctx: AppContext,
    ward: Ward,
    make_uow: Callable[[], UnitOfWork],
    message_boxes: MessageBoxes,
) -> None:
    add_pcp(make_uow, ward.quigley)
    step = open_step(qtbot, ctx, ward.quigley)
    book(qtbot, step, date(2026, 12, 1), time(10, 0))
    step.select_appointment(step.model.row_at(0).id)
    first = step.edit_selected()
    assert first is not None
    second = step.edit_selected()  # a second form open on the same version
    assert second is not None
    first.duration.setValue(45)
    first.buttons.button(first.buttons.StandardButton.Save).click()
    second.duration.setValue(60)
    second.buttons.button(second.buttons.StandardButton.Save).click()
    assert message_boxes.kinds() == ["question"]
    assert "changed by someone else" in message_boxes.texts()[0]
    assert step.model.row_at(0).duration_minutes == 45


def test_pending_tests_and_home_services(
    qtbot: QtBot, ctx: AppContext, ward: Ward, make_uow: Callable[[], UnitOfWork]
) -> None:
    add_pcp(make_uow, ward.quigley)
    step = open_step(qtbot, ctx, ward.quigley)
    dialog = step.open_pending_test()
    assert dialog is not None
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.errors["test_name"].text() == "Enter the test whose result is pending."
    qtbot.keyClicks(dialog.test_edit, "Blood culture x2")
    qtbot.keyClicks(dialog.ordered_edit, "Dr Okafor")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert step.pending.model.row_at(0).responsible == "Celestine Harrowgate, MD"

    service = step.open_home_service()
    assert service is not None
    qtbot.keyClicks(service.description_edit, "Home oxygen 2 L/min")
    service.buttons.button(service.buttons.StandardButton.Save).click()
    assert service.errors["vendor"].isVisibleTo(service)
    qtbot.keyClicks(service.vendor_edit, "Valley Medical Supply")
    service.buttons.button(service.buttons.StandardButton.Save).click()
    assert step.services.model.rowCount() == 1

    step.services.table.setCurrentIndex(step.services.model.index(0, 0))
    step.remove_service_button.click()
    assert step.services.model.rowCount() == 0


def test_roles_without_booking_see_read_only_buttons(
    qtbot: QtBot, ctx: AppContext, ward: Ward
) -> None:
    step = open_step(qtbot, ctx, ward.quigley, role="admin")  # may view, not book
    assert not step.book_button.isEnabled() and not step.book_action.isEnabled()
    assert warnings(step)[0].startswith("No PCP follow-up booked")
