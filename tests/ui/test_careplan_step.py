"""The Care plan step and the follow-up call screen, driven through their real widgets: refer a
transport and a food need, set three goals, the warning for an unreferred need and its end, and
a goal's status updated during the follow-up call."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.careplan_seed import UowFactory, seed_stay
from transitions.db.models import AuditEvent, Encounter
from transitions.domain.assessment import NeedDomain
from transitions.domain.careplan import GoalStatus, ReferralStatus
from transitions.domain.encounter_status import EncounterStatus
from transitions.services import encounters, goals
from transitions.services.uow import Actor
from ui.context import AppContext
from ui.followup.call_dialog import CallLogDialog
from ui.workspace.careplan.dialogs import GoalDialog, ReferDialog, ReferralDialog
from ui.workspace.careplan.step import WARNING_MARK, CarePlanStep

TODAY = date(2026, 11, 25)
SCREENSHOTS = Path(os.environ.get("CAREPLAN_SCREENSHOTS", "/tmp/careplan-screens"))


def open_step(qtbot: QtBot, ctx: AppContext, encounter_id: int, role: str) -> CarePlanStep:
    ctx.actor = replace(ctx.require_actor(), roles=frozenset({role}), units=None)
    step = CarePlanStep(ctx, encounter_id)
    qtbot.addWidget(step)
    step.resize(1280, 900)
    step.show()
    activate(qtbot, step)
    step.reload()
    return step


def activate(qtbot: QtBot, step: CarePlanStep) -> None:
    """Shortcuts reach the active window only (a closed dialog may leave none active)."""
    step.activateWindow()
    qtbot.waitUntil(step.isActiveWindow)


def need_row(step: CarePlanStep, domain: NeedDomain) -> int:
    return next(
        i for i in range(step.needs_model.rowCount())
        if step.needs_model.row_at(i).domain == domain.value
    )  # fmt: skip


def marks(step: CarePlanStep) -> dict[str, str]:
    return {
        step.needs_model.row_at(i).domain: step.needs_model.index(i, 0).data()
        for i in range(step.needs_model.rowCount())
    }


def refer(qtbot: QtBot, step: CarePlanStep, domain: NeedDomain, resource: str) -> ReferDialog:
    activate(qtbot, step)
    step.needs_table.setFocus()
    step.needs_table.setCurrentIndex(step.needs_model.index(need_row(step, domain), 1))
    qtbot.keyClick(step.needs_table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = step.dialog
    assert isinstance(dialog, ReferDialog) and dialog.isVisible()
    dialog.select_resource(resource)
    dialog.follow_up.check.setChecked(True)
    qtbot.keyClicks(dialog.notes, "Intake by phone")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)
    return dialog


def screenshot(widget: object, name: str, database_url: str) -> None:
    if "sqlite" in database_url:
        QApplication.processEvents()  # let the layouts settle before grabbing
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SCREENSHOTS / name))  # type: ignore[attr-defined]


def test_refer_set_goals_and_update_during_the_call(
    qtbot: QtBot, ctx: AppContext, make_uow: UowFactory, database_url: str
) -> None:
    stay = seed_stay(
        make_uow,
        domains=[NeedDomain.FOOD, NeedDomain.TRANSPORTATION, NeedDomain.LANGUAGE],
    )
    step = open_step(qtbot, ctx, stay.encounter_id, "case_manager")
    # two warnings (food, transport); none for the language need (met by an interpreter)
    assert step.warning_texts() == [
        f"{WARNING_MARK} Food need has no referral: Worried food would run out before money "
        "to buy more",
        f"{WARNING_MARK} Transportation need has no referral: No ride to medical appointments",
    ]
    assert marks(step) == {"food": WARNING_MARK, "transportation": WARNING_MARK, "language": ""}
    language = step.needs_model.row_at(need_row(step, NeedDomain.LANGUAGE))
    assert step.needs_model.index(need_row(step, NeedDomain.LANGUAGE), 3).data() == (
        "Met by an interpreter and translated materials (Education step)"
    )
    assert language.need_status == "open"
    assert "2 of 2 open needs still need a community referral" in step.summary_label.text()
    screenshot(step, "careplan-warnings.png", database_url)

    # transport: the Spanish-speaking services first, closest first from the patient's ZIP
    dialog = refer(qtbot, step, NeedDomain.TRANSPORTATION, "County Ride Connect")
    assert not dialog.isVisible()
    first = dialog.model.row_at(0)
    assert first.speaks_language and first.resource.category == "medical_transport"
    assert dialog.model.index(0, 2).data().startswith("✓ ")
    assert dialog.model.index(0, 3).data().endswith(" mi")
    assert "patient's ZIP code" in dialog.origin_label.text()
    assert marks(step)["transportation"] == "" and len(step.warning_texts()) == 1

    # food: show every category, then back; pick a meals programme; Enter accepts
    step.needs_table.setCurrentIndex(step.needs_model.index(need_row(step, NeedDomain.FOOD), 1))
    food = step.refer_selected()
    assert isinstance(food, ReferDialog)
    food_only = food.model.rowCount()
    food.all_categories.setChecked(True)
    assert food.model.rowCount() == 18 > food_only
    food.all_categories.setChecked(False)
    assert food.model.rowCount() == food_only
    food.select_resource("Riverside Senior Meals Program")
    screenshot(food, "careplan-refer.png", database_url)
    qtbot.keyClick(food.table, Qt.Key.Key_Return)
    assert not food.isVisible()
    assert step.warning_texts() == [] and step.warnings.isHidden()
    assert set(marks(step).values()) == {""}
    assert "Every open need that calls for a community referral has one" in (
        step.summary_label.text()
    )
    assert [step.referrals_model.row_at(i).resource_name for i in range(2)] == [
        "County Ride Connect",
        "Riverside Senior Meals Program",
    ]

    # the ride service called back: accepted, follow-up on Monday
    step.referrals_table.setCurrentIndex(step.referrals_model.index(0, 0))
    edit = step.edit_referral()
    assert isinstance(edit, ReferralDialog)
    edit.status.setCurrentIndex(edit.status.findData(ReferralStatus.ACCEPTED))
    edit.follow_up.edit.setDate(edit.follow_up.edit.date().addDays(2))
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert not edit.isVisible()
    assert step.referrals_model.index(0, 2).data() == "Accepted"

    # three goals, typed with the keyboard; the first served by the ride referral
    for words, target, link in (
        ("I want to get to my appointments", "Go to every visit this month", "Referral"),
        ("Eat a hot meal every day", "Meals delivered 5 days a week", "Need: Food —"),
        ("Weigh myself", "Every morning; call if up 2 lb in a day or 5 lb in a week", None),
    ):
        activate(qtbot, step)
        qtbot.keyClick(step.needs_table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
        goal = step.dialog
        assert isinstance(goal, GoalDialog) and goal.isVisible()
        qtbot.keyClicks(goal.words, words)
        qtbot.keyClicks(goal.target, target)
        if link:
            goal.set_link(link)
        qtbot.keyClick(goal.target, Qt.Key.Key_Return)
        assert not goal.isVisible(), goal.general_error.text()
    assert step.goals_table.goals.rowCount() == 3
    assert step.goals_table.goals.index(0, 4).data() == "County Ride Connect"
    assert "Goals: 3." in step.summary_label.text()

    # a goal with no target is refused next to the field
    step.new_goal()
    bad = step.dialog
    assert isinstance(bad, GoalDialog)
    qtbot.keyClicks(bad.words, "Feel better")
    qtbot.keyClick(bad.words, Qt.Key.Key_Return)
    assert bad.isVisible() and bad.errors["target"].isVisibleTo(bad)
    assert "measurable target" in bad.errors["target"].text()
    bad.reject()
    screenshot(step, "careplan-step.png", database_url)

    # discharge, then the follow-up call: the caller marks the weight goal met
    with make_uow() as uow:
        for target in (EncounterStatus.READY, EncounterStatus.DISCHARGED):
            version = uow.session.get_one(Encounter, stay.encounter_id).version_id
            encounters.change_status(
                uow, Actor.system("test"), stay.encounter_id, target,
                expected_version=version, disposition="home",
            )  # fmt: skip
    ctx.actor = replace(ctx.require_actor(), roles=frozenset({"unit_manager"}), units=None)
    ctx.now = lambda: ctx_now_plus(days=2)
    call = CallLogDialog(ctx, stay.encounter_id)
    qtbot.addWidget(call)
    call.show()
    call.reload()
    panel = call.goals_panel
    assert panel.table.goals.rowCount() == 3
    panel.table.setCurrentIndex(panel.table.goals.index(2, 0))
    assert panel.editor.goal is not None and panel.editor.goal.patient_words == "Weigh myself"
    panel.editor.status.setCurrentIndex(panel.editor.status.findData(GoalStatus.MET))
    qtbot.keyClicks(panel.editor.note, "Weighs every morning, writes it down")
    screenshot(call, "careplan-call.png", database_url)
    qtbot.keyClick(panel.editor.note, Qt.Key.Key_Return)
    assert panel.error_label.isHidden()
    assert panel.table.goals.index(2, 3).data() == "Met"
    with make_uow() as uow:
        stored = goals.list_goals(uow, Actor.system("test"), stay.encounter_id)
        details = uow.session.scalars(
            select(AuditEvent.details).where(
                AuditEvent.entity == "goal", AuditEvent.action == "status"
            )
        ).all()
    assert [g.status for g in stored] == [GoalStatus.ACTIVE, GoalStatus.ACTIVE, GoalStatus.MET]
    assert stored[2].status_note == "Weighs every morning, writes it down"
    assert len(details) == 1 and '"followup_call"' in (details[0] or "")


def ctx_now_plus(days: int):  # type: ignore[no-untyped-def]
    from tests.conftest import FIXED_NOW

    return FIXED_NOW + timedelta(days=days)


def test_pharmacist_sees_but_cannot_change(
    qtbot: QtBot, ctx: AppContext, make_uow: UowFactory
) -> None:
    stay = seed_stay(make_uow, domains=[NeedDomain.HOUSING])
    step = open_step(qtbot, ctx, stay.encounter_id, "pharmacist")
    assert step.needs_model.rowCount() == 1 and len(step.warning_texts()) == 1
    assert not step.refer_button.isEnabled() and not step.new_goal_button.isEnabled()
    assert step.refer_selected() is None and step.new_goal() is None
    assert not step.status_editor.isEnabled()
    assert ctx.today() == TODAY
