"""One discharge from the ward worklist to "Discharge patient" with key presses only, through
every step of the workspace, with a screenshot of each step (``$TRANSITIONS_SHOTS`` or
/tmp/discharge-shots). Both databases."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import MessageBoxes, Ward
from transitions.db.followup_models import FollowupTask
from transitions.db.models import Clinic, Encounter, Provider
from transitions.domain.encounter_status import EncounterStatus
from transitions.services.followup_list import FollowupFilter, list_followups
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.workspace.appointments import AppointmentsStep
from ui.workspace.discharge import DischargeStep
from ui.workspace.education.step import EducationStep
from ui.workspace.medrec.page import MedicationsStep
from ui.workspace.packet import PacketStep
from ui.workspace.page import PatientWorkspace

MakeUow = Callable[[], UnitOfWork]
SHOTS = Path(os.environ.get("TRANSITIONS_SHOTS", "/tmp/discharge-shots"))


def prepare(make_uow: MakeUow, stay_id: int) -> None:
    """What the demo hospital gives a patient: a PCP at a weekday clinic, a phone, a pharmacy."""
    with make_uow() as uow:
        clinic = Clinic(name="Riverside Primary Care", opening_hours="Mon-Fri 08:00-17:00")
        pcp = Provider(family_name="Harrowgate", given_name="Celestine", credentials="MD")
        pcp.clinic = clinic
        uow.session.add_all([clinic, pcp])
        encounter = uow.session.get(Encounter, stay_id)
        assert encounter is not None
        encounter.patient.pcp = pcp
        encounter.patient.phone = "(555) 010-7788"
        encounter.patient.preferred_pharmacy = "Riverside Pharmacy, 12 Elm St"
        uow.commit()


def focus() -> QWidget | None:
    return QApplication.focusWidget()


NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    widget = focus()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 40) -> None:
    """Press Tab until ``target`` has the focus (as a nurse would)."""
    for _ in range(limit):
        if focus() is target:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r}; focus is on {focus()!r}")


def next_step(qtbot: QtBot, workspace: PatientWorkspace, key: str) -> QWidget:
    """F6 to the list of steps, Down to the next one, Tab into it."""
    press(qtbot, Qt.Key.Key_F6)
    assert focus() is workspace.navigator
    press(qtbot, Qt.Key.Key_Down)
    assert workspace.step_keys()[workspace.navigator.currentRow()] == key
    press(qtbot, Qt.Key.Key_Tab)
    return workspace.steps[key]


def shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(SHOTS / f"discharge-{name}.png"))


def alt(qtbot: QtBot, key: Qt.Key) -> None:
    """A mnemonic (Alt+letter); the button 'animates' its click, so give it a moment."""
    press(qtbot, key, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(250)


@pytest.fixture
def nurse_ctx(ctx: AppContext, admin: Actor) -> AppContext:
    ctx.actor = Actor(admin.user_id, admin.username, "Dana Lee, RN", roles=frozenset({"nurse"}))
    return ctx


def test_keyboard_alone_from_worklist_to_discharge(
    qtbot: QtBot,
    nurse_ctx: AppContext,
    ward: Ward,
    make_uow: MakeUow,
    message_boxes: MessageBoxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    prepare(make_uow, ward.quigley)
    saved = tmp_path / "packet.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), "PDF"))
    )
    window = MainWindow(nurse_ctx)
    qtbot.addWidget(window)
    window.resize(1440, 960)
    window.start()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    db = request.node.callspec.params["database"]

    # the worklist: arrows to Quigley, Enter opens her workspace
    table, proxy = window.worklist.table, window.worklist.proxy
    table.setFocus()
    for _ in range(proxy.rowCount()):
        if proxy.index(table.currentIndex().row(), 0).data() == "Quigley, Maren":
            break
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    workspace = window.tabs.currentWidget()
    assert isinstance(workspace, PatientWorkspace)
    assert workspace.step_keys()[-1] == "discharge"
    qtbot.waitUntil(lambda: focus() is workspace.navigator)
    if db == "sqlite":
        shot(workspace, "0-assessment")
    for key in ("careplan", "summary"):  # the assessment is done earlier in the stay
        next_step(qtbot, workspace, key)
        if db == "sqlite":
            shot(workspace, f"1-{key}")

    # Medications: C continues each home medicine, Alt+S signs
    medications = next_step(qtbot, workspace, "medications")
    assert isinstance(medications, MedicationsStep)
    tab_to(qtbot, medications.home_table)
    for _ in range(medications.home_model.rowCount()):
        press(qtbot, Qt.Key.Key_C)
        press(qtbot, Qt.Key.Key_Down)
    alt(qtbot, Qt.Key.Key_S)
    assert medications.view is not None and medications.view.status == "signed"
    if db == "sqlite":
        shot(workspace, "2-medications")

    # Appointments: Ctrl+B books the PCP (preselected); Alt+W to the date, Up twice to Monday
    appointments = next_step(qtbot, workspace, "appointments")
    assert isinstance(appointments, AppointmentsStep)
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = appointments.dialog
    assert dialog is not None and dialog.place_combo.currentText().startswith("Celestine")
    qtbot.waitUntil(dialog.isActiveWindow)
    tab_to(qtbot, dialog.date_edit)  # Sat 28 Nov (3 days after discharge): Down to Friday
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.date_edit.date().toString("yyyy-MM-dd") == "2026-11-27"
    press(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert appointments.model.rowCount() == 1
    window.activateWindow()  # the offscreen platform does not return it when a dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    if db == "sqlite":
        shot(workspace, "3-appointments")

    # Education: Enter on an item, Tab, Tab, Down (understood), Ctrl+Enter; until all done
    education = next_step(qtbot, workspace, "education")
    assert isinstance(education, EducationStep)
    tab_to(qtbot, education.items_table)
    assert education.view is not None
    for _ in range(education.view.progress.required):
        if focus() is education.items_table:
            press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Tab)
        assert focus() is education.teach_panel.result
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert education.view.progress.complete
    if db == "sqlite":
        shot(workspace, "4-education")

    # Packet: Alt+P previews (and stores) it, Alt+S saves it as PDF (the patient's copy)
    packet = next_step(qtbot, workspace, "packet")
    assert isinstance(packet, PacketStep)
    alt(qtbot, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: packet.current is not None)
    alt(qtbot, Qt.Key.Key_S)
    qtbot.waitUntil(saved.exists)
    if db == "sqlite":
        shot(workspace, "5-packet")

    # Discharge: the checklist; acknowledge the PCP summary (another branch sends it),
    # choose Home, Alt+P, confirm
    final = next_step(qtbot, workspace, "discharge")
    assert isinstance(final, DischargeStep)
    assert final.view is not None
    missing = [i.key for i in final.view.readiness.red_checklist if i.status == "missing"]
    assert missing == ["pcp_summary"]
    assert final.view.readiness.steps["appointments"].status == "done"
    assert final.view.readiness.steps["risk"].status == "missing"
    if db == "sqlite":
        shot(workspace, "6-checklist")
    assert focus() in (final.steps_table, final.items_table)
    alt(qtbot, Qt.Key.Key_R)  # score the readmission risk now
    qtbot.waitUntil(lambda: final.view is not None and final.view.risk is not None)
    assert final.view.readiness.steps["risk"].status == "done"
    tab_to(qtbot, final.items_table)
    for _ in range(final.items_model.rowCount()):
        if final.selected_item() is not None and final.selected_item().key == "pcp_summary":  # type: ignore[union-attr]
            break
        press(qtbot, Qt.Key.Key_Down)
    alt(qtbot, Qt.Key.Key_K)
    assert final.dialog is not None
    qtbot.keyClicks(final.dialog.reason_edit, "summary faxed to Dr Harrowgate by the ward clerk")
    press(qtbot, Qt.Key.Key_Return)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    alt(qtbot, Qt.Key.Key_D)  # the disposition box
    assert focus() is final.disposition_combo
    press(qtbot, Qt.Key.Key_Down)
    assert final.disposition_combo.currentData() == "home"
    assert final.discharge_button.isEnabled()
    if db == "sqlite":
        shot(workspace, "7-ready")
    alt(qtbot, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: final.view is not None and final.view.record is not None)
    assert message_boxes.kinds() == ["question"]
    assert final.banner.text().startswith("Discharged to Home")
    assert workspace.header.facts["status"].text() == "Discharged"  # the workspace reloaded
    if db == "sqlite":
        shot(workspace, "8-discharged")
    # each checklist item opens the step where it is done: Enter on "reconciled" -> Medications
    tab_to(qtbot, final.items_table)
    while final.selected_item() is not None and final.selected_item().key != "medrec_signed":  # type: ignore[union-attr]
        press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Return)
    assert workspace.step_keys()[workspace.navigator.currentRow()] == "medications"

    with make_uow() as uow:
        status = uow.session.scalar(select(Encounter.status).where(Encounter.id == ward.quigley))
        kinds = sorted(
            t.kind.value
            for t in uow.session.scalars(
                select(FollowupTask).where(FollowupTask.encounter_id == ward.quigley)
            )
        )
    assert status is EncounterStatus.DISCHARGED
    assert kinds == ["contact", "readmission", "visit"]
    manager = Actor(None, "um", "Unit Manager", frozenset({"unit_manager"}))
    with make_uow() as uow:
        rows = list_followups(uow, manager, FollowupFilter(unit_code="4W"))
    assert "MRN100001" in [r.mrn for r in rows]  # beside the ward's earlier discharge
