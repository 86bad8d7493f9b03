"""The Discharge step: blocking and acknowledged items per site policy, "Discharge patient",
the frozen record and addenda, an ADT-discharged stay (both databases)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.discharge_helpers import Stay, make_ready, seed_stay
from tests.ui.conftest import MessageBoxes
from transitions.db.models import Encounter
from transitions.domain.encounter_status import EncounterStatus
from transitions.services import discharge
from transitions.services.discharge_void import A13_REASON
from transitions.services.interop_records import apply_adt_status
from transitions.services.red_checklist import item_specs
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.workspace.discharge import DischargeStep, labels
from ui.workspace.discharge.dialogs import AcknowledgeDialog, AddendumDialog
from ui.workspace.pcp_summary import PcpSummaryDialog

MakeUow = Callable[[], UnitOfWork]


@pytest.fixture
def nurse_ctx(ctx: AppContext, admin: Actor) -> AppContext:
    ctx.actor = Actor(admin.user_id, admin.username, "Dana Lee, RN", roles=frozenset({"nurse"}))
    return ctx


@pytest.fixture
def stay(make_uow: MakeUow) -> Stay:
    return seed_stay(make_uow, with_user=False)


def open_step(qtbot: QtBot, ctx: AppContext, encounter_id: int) -> DischargeStep:
    step = DischargeStep(ctx, encounter_id)
    qtbot.addWidget(step)
    step.resize(1200, 860)
    step.show()
    qtbot.waitExposed(step)
    step.activateWindow()
    qtbot.waitUntil(step.isActiveWindow)
    step.reload()
    return step


def select_item(step: DischargeStep, key: str) -> None:
    row = next(
        r for r in range(step.items_model.rowCount()) if step.items_model.row_at(r).key == key
    )
    step.items_table.setFocus()
    step.items_table.setCurrentIndex(step.items_model.index(row, 0))


def cell(step: DischargeStep, key: str, column: int) -> str:
    row = next(
        r for r in range(step.items_model.rowCount()) if step.items_model.row_at(r).key == key
    )
    return str(step.items_model.index(row, column).data())


def test_labels_match_the_checklist_data_and_vocabulary() -> None:
    assert {s.key: s.label for s in item_specs()} == labels.ITEM_LABELS
    assert set(labels.ITEM_HINTS) == set(labels.ITEM_LABELS)
    from transitions.domain.codes import discharge_dispositions

    assert discharge_dispositions() == labels.DISPOSITIONS
    assert set(labels.VOID_REASONS) == {A13_REASON}


def test_blocking_items_disable_discharge_and_open_their_step(
    qtbot: QtBot, nurse_ctx: AppContext, stay: Stay
) -> None:
    step = open_step(qtbot, nurse_ctx, stay.id)
    assert step.items_model.rowCount() == 12 and step.steps_model.rowCount() == 7
    assert step.banner.text().startswith("Not ready yet:")
    assert cell(step, "medrec_signed", 1) == "✖ Missing · blocks"
    assert cell(step, "medrec_signed", 2) == "Medications"
    assert cell(step, "language", 1) == "✔ Done"
    assert not step.discharge_button.isEnabled()
    assert step.explain_label.text() == (
        "Blocked by site policy until done: Medicines reconciled with guidelines (nurse "
        "attests), Written discharge plan taught."
    )
    assert step.discharge_button.toolTip() == step.explain_label.text()
    select_item(step, "medrec_signed")
    assert not step.ack_button.isEnabled()  # a blocking item cannot be acknowledged
    opened: list[str] = []
    step.open_step.connect(opened.append)
    qtbot.keyClick(step.items_table, Qt.Key.Key_Return)
    select_item(step, "teach_back")
    assert step.ack_button.isEnabled()
    qtbot.keyClick(step.items_table, Qt.Key.Key_Return)
    step.steps_table.setFocus()
    keys = [step.steps_model.row_at(r).key for r in range(step.steps_model.rowCount())]
    assert keys[:2] == ["assessment", "careplan"]
    step.steps_table.setCurrentIndex(step.steps_model.index(keys.index("risk"), 0))
    qtbot.keyClick(step.steps_table, Qt.Key.Key_Return)
    assert opened == ["medications", "education", "discharge"]


def test_summary_to_the_pcp_is_sent_from_the_checklist(
    qtbot: QtBot, nurse_ctx: AppContext, stay: Stay, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    nurse_ctx.site = replace(nurse_ctx.site, summary_outbox=str(outbox))
    step = open_step(qtbot, nurse_ctx, stay.id)
    assert cell(step, "pcp_summary", 1).startswith("✖")
    select_item(step, "pcp_summary")
    opened: list[str] = []
    step.open_step.connect(opened.append)
    qtbot.keyClick(step.items_table, Qt.Key.Key_Return)  # the summary opens, not another step
    dialog = next(w for w in step.findChildren(PcpSummaryDialog) if w.isVisible())
    assert opened == []
    panel = dialog.panel
    with qtbot.waitSignal(step.stay_changed):
        panel.send_to_outbox()
    assert message_boxes.kinds() == ["question"]
    assert len(list(outbox.glob("*.pdf"))) == 1
    assert cell(step, "pcp_summary", 1) == "✔ Done"
    dialog.close()


def test_acknowledge_then_discharge_then_frozen(
    qtbot: QtBot,
    nurse_ctx: AppContext,
    stay: Stay,
    make_uow: MakeUow,
    message_boxes: MessageBoxes,
) -> None:
    make_ready(make_uow, stay)
    step = open_step(qtbot, nurse_ctx, stay.id)
    assert step.explain_label.text().startswith("1 missing item(s): complete each")
    select_item(step, "pcp_summary")
    qtbot.keyClick(step.items_table, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: step.dialog is not None)  # a mnemonic "animates" the click
    dialog = step.dialog
    assert isinstance(dialog, AcknowledgeDialog)
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # no reason: stays open, says why
    assert dialog.isVisible() and "Say why" in dialog.error_label.text()
    qtbot.keyClicks(dialog.reason_edit, "summary faxed by the ward clerk")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    step.activateWindow()  # the offscreen platform does not give it back when a dialog closes
    qtbot.waitUntil(step.isActiveWindow)
    assert cell(step, "pcp_summary", 1) == "✓ Acknowledged"
    assert cell(step, "pcp_summary", 3) == "summary faxed by the ward clerk"
    assert step.banner.text().startswith("Ready to discharge")
    # the checklist is complete, but the steps that do not stop the sign-off are named
    assert step.banner.text().endswith(
        " Steps with work left: Assessment, Care plan, Readmission risk."
    )
    assert step.explain_label.text() == "Choose where the patient is discharged to."
    assert not step.discharge_button.isEnabled()
    step.disposition_combo.setFocus()
    qtbot.keyClick(step.disposition_combo, Qt.Key.Key_Down)  # Home
    assert step.disposition_combo.currentData() == "home"
    assert step.discharge_button.isEnabled() and step.explain_label.isHidden()
    qtbot.keyClick(step.disposition_combo, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: message_boxes.kinds() == ["question"])
    assert "Discharge this patient to Home now?" in message_boxes.texts()[0]
    assert step.view is not None and step.view.record is not None
    assert step.banner.text().startswith("Discharged to Home on ")
    assert "frozen" in step.banner.text()
    for widget in (step.discharge_button, step.ack_button, step.disposition_combo):
        assert not widget.isEnabled()
    assert step.addendum_button.isVisible() and step.addendum_button.isEnabled()
    with make_uow() as uow:
        status = uow.session.scalar(select(Encounter.status).where(Encounter.id == stay.id))
    assert status is EncounterStatus.DISCHARGED

    step.add_addendum()
    addendum = step.dialog
    assert isinstance(addendum, AddendumDialog)
    addendum.activateWindow()
    qtbot.waitUntil(addendum.isActiveWindow)
    qtbot.keyClicks(addendum.text_edit, "Daughter confirmed the pharmacy pick-up.")
    qtbot.keyClick(addendum.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Daughter confirmed the pharmacy pick-up." in step.addenda_label.text()
    assert step.addenda_label.isVisible()


def test_site_policy_makes_an_item_blocking(
    qtbot: QtBot, nurse_ctx: AppContext, stay: Stay, make_uow: MakeUow
) -> None:
    make_ready(make_uow, stay)
    nurse_ctx.site = replace(nurse_ctx.site, discharge_blocking=("pcp_summary",))
    step = open_step(qtbot, nurse_ctx, stay.id)
    select_item(step, "pcp_summary")
    assert cell(step, "pcp_summary", 1) == "✖ Missing · blocks"
    assert not step.ack_button.isEnabled()
    assert step.explain_label.text() == (
        "Blocked by site policy until done: Discharge summary sent to the primary care provider."
    )
    assert cell(step, "medrec_signed", 1) == "✔ Done"


def test_adt_discharged_stay_is_completed_by_the_sign_off(
    qtbot: QtBot, nurse_ctx: AppContext, make_uow: MakeUow, message_boxes: MessageBoxes
) -> None:
    stay = seed_stay(make_uow, status=EncounterStatus.READY, with_user=False)
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        apply_adt_status(
            uow, Actor.system("adt"), encounter, EncounterStatus.DISCHARGED, source="hl7",
            event="A03",
        )  # fmt: skip
        uow.commit()
    make_ready(make_uow, stay)
    step = open_step(qtbot, nurse_ctx, stay.id)
    assert step.banner.text().startswith("The hospital system discharged this patient on ")
    assert "Sign the discharge off to complete the record." in step.banner.text()


def test_role_without_sign_off(qtbot: QtBot, ctx: AppContext, stay: Stay) -> None:
    ctx.actor = replace(ctx.require_actor(), roles=frozenset({"case_manager"}), units=None)
    step = open_step(qtbot, ctx, stay.id)
    assert step.explain_label.text() == "Your role cannot sign a discharge off."
    assert not step.discharge_button.isEnabled()


def test_a13_voided_sign_off_is_noticed_and_the_stay_signed_off_again(
    qtbot: QtBot,
    nurse_ctx: AppContext,
    stay: Stay,
    make_uow: MakeUow,
    message_boxes: MessageBoxes,
) -> None:
    make_ready(make_uow, stay)
    nurse = nurse_ctx.require_actor()
    with make_uow() as uow:
        ack = [("pcp_summary", "summary faxed by the ward clerk")]
        discharge.discharge_patient(uow, nurse, stay.id, "snf", ack)
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        apply_adt_status(
            uow, Actor.system("adt"), encounter, EncounterStatus.ADMITTED, source="hl7",
            event="A13",
        )  # fmt: skip
        uow.commit()
    step = open_step(qtbot, nurse_ctx, stay.id)
    # not signed off any more: the live checklist, the sign-off open again, and why
    assert step.view is not None and step.view.record is None
    assert step.banner.text().startswith("Ready to discharge")
    assert step.voided_label.isVisible()
    text = step.voided_label.text()
    assert text.startswith("An earlier sign-off by Dana Lee, RN on ")
    assert text.endswith(" was voided: discharge cancelled by the hospital's ADT feed (A13).")
    assert step.discharge_button.isVisible() and not step.addendum_button.isVisible()
    assert step.disposition_combo.isEnabled()
    assert cell(step, "pcp_summary", 1) == "✓ Acknowledged"  # still acknowledged for the stay
    step.disposition_combo.setFocus()
    qtbot.keyClick(step.disposition_combo, Qt.Key.Key_Down)  # Home
    assert step.discharge_button.isEnabled()
    qtbot.keyClick(step.disposition_combo, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: message_boxes.kinds() == ["question"])
    qtbot.waitUntil(lambda: step.view is not None and step.view.record is not None)
    assert step.banner.text().startswith("Discharged to Home on ")
    assert step.voided_label.isHidden()
    assert step.addendum_button.isVisible() and not step.discharge_button.isVisible()
