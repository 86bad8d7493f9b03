"""The Assessment step with real widgets, on both databases: a positive food answer opens a food
need, a declined answer is recorded, a save round-trips, errors and conflicts are shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import MessageBoxes, Ward
from transitions.db.assessment_models import AssessmentAnswer
from transitions.services import assessment
from transitions.services.assessment import AnswerEntry
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.i18n import install_translators, remove_translators
from ui.workspace.assessment.answers import ChoiceField, MultiField, TextField
from ui.workspace.assessment.step import AssessmentStep

KATZ = ["bathing", "dressing", "toileting", "transferring", "continence", "feeding"]


@pytest.fixture
def nurse_ctx(ctx: AppContext, admin: Actor) -> AppContext:
    ctx.actor = Actor(admin.user_id, admin.username, "Nadia Nurse", roles=frozenset({"nurse"}))
    return ctx


def open_step(qtbot: QtBot, ctx: AppContext, encounter_id: int) -> AssessmentStep:
    step = AssessmentStep(ctx, encounter_id)
    qtbot.addWidget(step)
    step.resize(1400, 900)
    step.show()
    qtbot.waitExposed(step)
    step.activateWindow()
    qtbot.waitUntil(step.isActiveWindow)
    step.reload()
    return step


def choice(step: AssessmentStep, key: str) -> ChoiceField:
    field = step.field(key)
    assert isinstance(field, ChoiceField)
    return field


def need_rows(step: AssessmentStep) -> list[tuple[str, str]]:
    model = step.needs_panel.model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def test_food_insecurity_answered_with_the_keyboard_opens_a_food_need(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward, make_uow: Callable[[], UnitOfWork]
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    assert step.progress_label.text() == "Assessment: 0 of 45 questions answered"
    assert step.saved_label.text() == "Not assessed yet"
    assert need_rows(step) == []
    assert not step.save_button.isEnabled()

    qtbot.keyClick(step.tabs, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Social nee&ds
    assert step.tabs.currentIndex() == 2
    page = step.pages[2]
    page.source.setFocus()
    qtbot.keyClick(page.source, Qt.Key.Key_Down)  # Caregiver or proxy
    assert page.source.currentData() == "caregiver"
    food = choice(step, "hrsn_food_worry")
    food.combo.setFocus()
    qtbot.keyClick(food.combo, Qt.Key.Key_Down)  # Often true
    qtbot.keyClick(food.combo, Qt.Key.Key_Down)  # Sometimes true
    assert food.combo.currentText() == "Sometimes true"
    assert food.info.text() == "Changed, not saved yet"
    assert step.saved_label.text() == "Unsaved answers: 1"
    assert step.save_button.isEnabled()
    qtbot.keyClick(food.combo, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is choice(step, "hrsn_food_ran_out").combo

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # Quigley has no primary care provider in her record: that need opens too
    assert need_rows(step) == [("Food", "Open"), ("Primary care", "Open")]
    assert page.group_labels["food"].text() == "Food: positive screen"
    assert food.info.text() == "Caregiver or proxy · Nadia Nurse · Today 10:00"
    assert step.saved_label.text() == "Last saved by Nadia Nurse, Today 10:00"
    assert step.progress_label.text() == "Assessment: 1 of 45 questions answered"
    with make_uow() as uow:
        row = uow.session.execute(
            select(AssessmentAnswer.value, AssessmentAnswer.source, AssessmentAnswer.declined)
        ).one()
    assert (row.value, row.source.value, row.declined) == ("sometimes", "caregiver", False)


def test_declined_is_recorded_and_shown(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward, make_uow: Callable[[], UnitOfWork]
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    step.tabs.setCurrentIndex(2)
    utilities = choice(step, "hrsn_utilities")
    utilities.combo.setFocus()
    qtbot.keyClick(utilities.combo, Qt.Key.Key_End)
    assert utilities.combo.currentText() == "Declined to answer"
    problems = step.field("hrsn_housing_problems")
    assert isinstance(problems, MultiField)
    problems.boxes["mold"].setChecked(True)
    problems.boxes["none"].setChecked(True)  # "None of the above" clears the others
    assert not problems.boxes["mold"].isChecked()
    step.save_button.click()
    assert utilities.info.text() == "Declined to answer · Patient · Nadia Nurse · Today 10:00"
    assert need_rows(step) == [("Primary care", "Open")]
    with make_uow() as uow:
        rows = uow.session.execute(
            select(AssessmentAnswer.question_key, AssessmentAnswer.declined).order_by(
                AssessmentAnswer.question_key
            )
        ).all()
    assert [tuple(r) for r in rows] == [("hrsn_housing_problems", False), ("hrsn_utilities", True)]


def test_functional_status_round_trips_with_totals(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    page = step.pages[0]
    page.source.setCurrentIndex(2)  # chart
    first = choice(step, "katz_bathing_before")
    first.combo.setFocus()
    for index, item in enumerate(KATZ):
        field = choice(step, f"katz_{item}_before")
        assert QApplication.focusWidget() is field.combo, item  # Tab goes down the column
        qtbot.keyClick(field.combo, Qt.Key.Key_Down)  # Independent
        qtbot.keyClick(field.combo, Qt.Key.Key_Tab)
        if index == len(KATZ) - 1:
            assert QApplication.focusWidget() is choice(step, "katz_bathing_discharge").combo
    for item in KATZ:
        choice(step, f"katz_{item}_discharge").choose("independent")
    choice(step, "katz_feeding_discharge").choose("dependent")
    assert page.totals[("katz", "before")].text() == "6 of 6 · full function"
    assert page.totals[("katz", "discharge")].text() == "5 of 6 · mild impairment"
    step.save()
    assert ("Daily activities", "Open") in need_rows(step)

    again = open_step(qtbot, nurse_ctx, ward.quigley)
    feeding = choice(again, "katz_feeding_discharge")
    assert feeding.combo.currentText() == "Needs help (dependent)"
    assert feeding.info.text() == "Chart · Nadia Nurse · Today 10:00"
    assert again.pages[0].totals[("katz", "discharge")].text() == "5 of 6 · mild impairment"
    assert again.pages[0].totals[("lawton", "before")].text() == "not answered"
    assert not again.save_button.isEnabled()


def test_bad_phone_is_shown_under_the_field(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    step.tabs.setCurrentIndex(0)
    phone = step.field("caregiver_phone")
    assert isinstance(phone, TextField)
    phone.edit.setFocus()
    qtbot.keyClicks(phone.edit, "call her")
    step.save()
    assert step.tabs.currentIndex() == 1  # moved to the field's tab
    assert phone.error.isVisibleTo(step)
    assert "'call her' is not a phone number" in phone.error.text()
    assert QApplication.focusWidget() is phone.edit
    assert step.view is not None and step.view.version is None  # nothing saved


def test_caregiver_from_the_record_fills_the_fields(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward, make_uow: Callable[[], UnitOfWork]
) -> None:
    from transitions.db.models import Encounter

    with make_uow() as uow:
        stay = uow.session.get(Encounter, ward.quigley)
        assert stay is not None
        stay.patient.caregiver_name = "Rosa Quigley"
        stay.patient.caregiver_relation = "daughter"
        uow.commit()
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    button = step.pages[1].caregiver_button
    assert button is not None and not button.isHidden()
    button.click()
    name = step.field("caregiver_name")
    assert isinstance(name, TextField) and name.edit.text() == "Rosa Quigley"
    step.save()
    assert step.view is not None and step.view.caregiver.relation == "daughter"
    assert button.isHidden()


def test_conflict_offers_to_reload(
    qtbot: QtBot,
    nurse_ctx: AppContext,
    ward: Ward,
    make_uow: Callable[[], UnitOfWork],
    message_boxes: MessageBoxes,
    actor: Actor,
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    with make_uow() as uow:  # another workstation saves first
        assessment.record_answers(
            uow, actor, ward.quigley, [AnswerEntry("lives_with", "alone")], expected_version=None
        )
    choice(step, "lives_with").choose("family")
    step.save()
    assert message_boxes.kinds() == ["question"]
    assert "changed by someone else" in message_boxes.texts()[0]
    # the box answered Yes: reloaded, the other workstation's answer is shown
    assert choice(step, "lives_with").combo.currentText() == "Alone"
    assert step.view is not None and step.view.version == 1


def test_need_status_buttons(qtbot: QtBot, nurse_ctx: AppContext, ward: Ward) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    choice(step, "hrsn_transportation").choose("yes")
    step.save()
    assert need_rows(step)[0] == ("Transportation", "Open")
    panel = step.needs_panel
    assert "From: In the past 12 months, has lack of reliable transportation" in (
        panel.detail.text()
    )
    assert panel.decline_button.isEnabled() and not panel.reopen_button.isEnabled()
    panel.decline_button.click()
    assert need_rows(step) == [
        ("Primary care", "Open"),
        ("Transportation", "Patient declined help"),
    ]
    assert panel.current() is not None and panel.current().domain == "transportation"  # kept
    assert panel.reopen_button.isEnabled()
    panel.reopen_button.click()
    assert dict(need_rows(step))["Transportation"] == "Open"


def test_pharmacist_cannot_save(qtbot: QtBot, ctx: AppContext, ward: Ward, admin: Actor) -> None:
    ctx.actor = Actor(admin.user_id, admin.username, "Pat Pharm", roles=frozenset({"pharmacist"}))
    step = open_step(qtbot, ctx, ward.quigley)
    choice(step, "lives_with").choose("alone")
    step.save()
    assert step.error_label.isVisibleTo(step)
    assert "assessment.edit" in step.error_label.text()


@pytest.fixture
def spanish_ui(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    from tests.ui.test_translations import TS, ut

    directory = tmp_path_factory.mktemp("qm-assess")
    ut.lrelease(TS, directory / "transitions_es.qm")
    assert install_translators(qapp, "es", directory=str(directory))
    yield
    remove_translators(qapp)


def test_the_step_in_spanish_shows_the_spanish_form(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward, spanish_ui: None
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quintero)
    assert step.tabs.tabText(2) == "Necesida&des sociales"
    food = choice(step, "hrsn_food_worry")
    assert food.combo.itemText(2) == "A veces es cierto"  # from the data file
    english = choice(step, "limited_english")
    assert english.combo.currentText() == "Sí"
    assert english.info.text() == "Del expediente del paciente"
    food.choose("sometimes")
    assert food.info.text() == "Cambiado, sin guardar"
    step.save()
    assert food.info.text().startswith("Paciente · Nadia Nurse · ")
    rows = dict(need_rows(step))
    assert rows == {"Alimentación": "Abierta", "Idioma": "Abierta", "Atención primaria": "Abierta"}
    assert step.needs_panel.detail.text().startswith("Inseguridad alimentaria (tamizaje AHC)")
