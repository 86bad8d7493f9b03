"""The Medications step driven with the keyboard and mouse on both databases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import MessageBoxes, Ward
from transitions.db.medrec_models import MedrecDecision
from transitions.db.models import Encounter, MedicationEntry
from transitions.domain.enums import MedicationList, MedicationSource
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.workspace.medrec.dialogs import MedicationDialog, ReasonDialog
from ui.workspace.medrec.page import MedicationsStep


def add_orders(make_uow: Callable[[], UnitOfWork], stay_id: int) -> None:
    with make_uow() as uow:
        stay = uow.session.get(Encounter, stay_id)
        assert stay is not None
        at = stay.admit_time + timedelta(hours=3)
        stay.medications.append(
            MedicationEntry(list_kind=MedicationList.INPATIENT, drug_name="Lovenox",
                            dose="40 mg", route="subq", frequency="daily",
                            source=MedicationSource.ORDER, recorded_at=at)
        )  # fmt: skip
        uow.commit()


def make_page(qtbot: QtBot, ctx: AppContext, stay_id: int) -> MedicationsStep:
    assert ctx.actor is not None
    ctx.actor = replace(ctx.actor, roles=frozenset({"nurse"}))
    page = MedicationsStep(ctx, stay_id)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.reload()
    return page


def test_keyboard_reconciliation_to_signature(
    qtbot: QtBot, ctx: AppContext, ward: Ward, make_uow: Callable[[], UnitOfWork]
) -> None:
    add_orders(make_uow, ward.quigley)
    page = make_page(qtbot, ctx, ward.quigley)
    assert [line.drug for line in page.view.home] == ["furosemide", "metformin"]  # type: ignore[union-attr]
    assert page.home_model.index(0, 1).data() == "40 mg oral daily"
    assert page.home_model.index(0, 3).data().startswith("Patient, ")  # source + when
    assert page.problem_model.rowCount() == 2  # two omissions
    assert "2 warning(s) need action" in page.status_label.text()

    table = page.home_table
    table.setFocus()
    table.setCurrentIndex(page.home_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_C)  # continue furosemide
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_S)  # stop metformin -> reason dialog
    dialog = page.dialog
    assert isinstance(dialog, ReasonDialog)
    dialog.try_accept()  # no reason chosen
    assert not dialog.errors.labels["reason"].isHidden()
    assert "choose a reason" in dialog.errors.labels["reason"].text().lower()
    assert dialog.reason is not None
    dialog.reason.combo.setCurrentIndex(dialog.reason.combo.findData("contraindicated"))
    dialog.text.setPlainText("eGFR 28")
    dialog.try_accept()
    assert page.dialog is None
    assert [d.drug for d in page.view.discharge] == ["furosemide"]  # type: ignore[union-attr]

    inpatient = page.inpatient_table
    inpatient.setFocus()
    inpatient.setCurrentIndex(page.inpatient_model.index(0, 0))
    qtbot.keyClick(inpatient, Qt.Key.Key_N)  # Lovenox home as new -> high-alert info
    kinds = [p.kind for p in page.view.problems]  # type: ignore[union-attr]
    assert kinds == ["high_alert"]
    assert "ready to sign" in page.status_label.text()
    assert not page.boost_label.isHidden()

    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert page.view is not None and page.view.status == "signed"
    assert "read-only" in page.status_label.text()
    assert not page.add_button.isEnabled() and page.reopen_button.isEnabled()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C)
    assert "reopen" in page.error_label.text().lower()


def test_add_medicine_with_field_errors_and_warning_selection(
    qtbot: QtBot, ctx: AppContext, ward: Ward, make_uow: Callable[[], UnitOfWork],
    message_boxes: MessageBoxes,
) -> None:  # fmt: skip
    page = make_page(qtbot, ctx, ward.quigley)
    page.add_medicine()
    dialog = page.dialog
    assert isinstance(dialog, MedicationDialog)
    assert "Augmentin (amoxicillin/clavulanate)" in page.drug_names or (
        "Augmentin" in page.drug_names
    )
    dialog.try_accept()
    assert dialog.errors.labels["drug"].text() == "Enter the drug name."
    dialog.drug.setText("Augmentin")
    dialog.dose.setText("ten")
    dialog.route.setText("po")
    dialog.frequency.setText("bid")
    dialog.try_accept()
    assert "'ten' is not a dose" in dialog.errors.labels["dose"].text()
    assert dialog.errors.labels["drug"].isHidden()
    dialog.dose.setText("875 mg")
    dialog.route.setText("by nose tube")
    dialog.try_accept()
    assert "is not a route" in dialog.errors.labels["route"].text()
    dialog.route.setText("")
    dialog.sig.setText("1 tab po q12h x 10 days with food")
    dialog.read_directions()
    assert (dialog.route.text(), dialog.frequency.text(), dialog.duration.value()) == (
        "oral", "every 12 hours", 10,
    )  # fmt: skip
    dialog.try_accept()
    assert page.dialog is None

    allergy_row = next(
        r for r in range(page.problem_model.rowCount())
        if page.problem_model.row_at(r).kind == "allergy"
    )  # fmt: skip
    index = page.problem_model.index(allergy_row, 2)
    page.problem_table.setCurrentIndex(index)
    added = page.view.discharge[0].key  # type: ignore[union-attr]
    assert page.selected_keys() == {added}
    assert page.discharge_table.selectionModel().isRowSelected(0)

    # accept the allergy warning with a reason, from the keyboard
    page.problem_table.setFocus()
    qtbot.keyClick(page.problem_table, Qt.Key.Key_Return)
    dialog2 = page.dialog
    assert isinstance(dialog2, ReasonDialog)
    dialog2.text.setPlainText("tolerated amoxicillin 2024")
    dialog2.try_accept()
    problem = next(p for p in page.view.problems if p.kind == "allergy")  # type: ignore[union-attr]
    assert problem.acknowledged is not None
    with make_uow() as uow:
        stored = uow.session.scalars(select(MedrecDecision.duration_days)).all()
    assert stored == [10]
    assert message_boxes.calls == []
