"""Live refresh: a change saved by another workstation shows up without user action."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from tests.ui.conftest import Ward
from transitions.domain.encounter_status import EncounterStatus
from transitions.services import encounters
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.workspace.steps import workspace_steps


def status_of(window: MainWindow, encounter_id: int) -> EncounterStatus | None:
    proxy = window.worklist.proxy
    for i in range(proxy.rowCount()):
        row = proxy.row_at(i)
        if row is not None and row.encounter_id == encounter_id:
            return row.status
    return None


def selected_id(window: MainWindow) -> int | None:
    index = window.worklist.table.currentIndex()
    row = window.worklist.proxy.row_at(index.row()) if index.isValid() else None
    return row.encounter_id if row is not None else None


def other_workstation_plans(make_uow: Callable[[], UnitOfWork], admin: Actor, stay: int) -> None:
    nurse = Actor(admin.user_id, admin.username, admin.display_name, frozenset({"admin", "nurse"}))
    with make_uow() as uow:
        version = encounters.get_stay(uow, admin, encounter_id=stay).version_id
    with make_uow() as uow:
        encounters.change_status(
            uow, nurse, stay, EncounterStatus.DISCHARGE_PLANNED, expected_version=version
        )


def test_worklist_and_workspace_follow_another_workstations_change(
    qtbot: QtBot,
    ctx: AppContext,
    ward: Ward,
    admin: Actor,
    make_uow: Callable[[], UnitOfWork],
) -> None:
    summary = [spec for spec in workspace_steps() if spec.key == "summary"]
    window = MainWindow(ctx, steps=summary)
    qtbot.addWidget(window)
    window.start()
    assert window.live is not None
    window.live.timer.setInterval(50)
    worklist = window.worklist
    assert status_of(window, ward.quintero) is EncounterStatus.ADMITTED
    # the user's state: a search term and a selected stay (not the first row)
    worklist.search_edit.setText("Q")
    for i in range(worklist.proxy.rowCount()):
        row = worklist.proxy.row_at(i)
        if row is not None and row.encounter_id == ward.quintero:
            worklist.table.selectRow(i)
    assert selected_id(window) == ward.quintero
    page = window.open_stay(worklist.proxy.row_at(worklist.table.currentIndex().row()))  # type: ignore[arg-type]
    window.show_worklist()
    assert page.detail is not None and page.detail.status is EncounterStatus.ADMITTED

    other_workstation_plans(make_uow, admin, ward.quintero)

    qtbot.waitUntil(
        lambda: status_of(window, ward.quintero) is EncounterStatus.DISCHARGE_PLANNED,
        timeout=5000,
    )
    assert worklist.search_edit.text() == "Q"
    assert selected_id(window) == ward.quintero
    qtbot.waitUntil(
        lambda: page.detail is not None and page.detail.status is EncounterStatus.DISCHARGE_PLANNED,
        timeout=5000,
    )
    window.close()
    assert not window.live.timer.isActive()


def test_views_do_not_trigger_a_refresh(
    qtbot: QtBot, ctx: AppContext, ward: Ward, admin: Actor, make_uow: Callable[[], UnitOfWork]
) -> None:
    window = MainWindow(ctx, steps=[])
    qtbot.addWidget(window)
    window.start()
    assert window.live is not None
    window.live.timer.stop()
    with make_uow() as uow:  # another workstation only looks
        encounters.get_stay(uow, admin, encounter_id=ward.quigley)
    qtbot.wait(200)  # NOTIFY travels asynchronously on PostgreSQL
    assert window.live.feed.poll() == set()
    other_workstation_plans(make_uow, admin, ward.abernathy)
    qtbot.waitUntil(lambda: bool(window.live and window.live.feed.poll()), timeout=5000)
    window.close()
