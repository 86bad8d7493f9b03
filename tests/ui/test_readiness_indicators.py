"""Per-step readiness indicators in the ward worklist (marks, tooltips, least ready first) and in
the workspace header (each opens its step, by mouse or keyboard), on both databases."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from tests.discharge_helpers import make_ready, seed_stay, sign_medrec
from tests.ui.conftest import Ward
from tests.ui.test_worklist import make_page
from transitions.services import readiness
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.widgets import readiness as ready
from ui.widgets.readiness import StatusesRole
from ui.worklist.model import Column, RowRole
from ui.workspace.page import PatientWorkspace

STEPS = ["assessment", "careplan", "medications", "appointments", "education", "packet", "risk"]


def rows_by_visit(page: object) -> dict[str, int]:
    proxy = page.proxy  # type: ignore[attr-defined]
    return {proxy.index(r, 0).data(RowRole).visit_number: r for r in range(proxy.rowCount())}


def test_marks_are_told_apart_without_colour() -> None:
    assert len(set(ready.GLYPHS.values())) == len(ready.GLYPHS) == 4
    statuses = {"medications": "done", "appointments": "missing", "education": "in_progress"}
    assert ready.compact_text(statuses) == "M✓ A○ E◐"
    assert ready.summary_tooltip({"packet": "warning"}) == "⚠ Discharge packet: needs attention"
    assert ready.sort_key({"a": "done", "b": "missing"}) < ready.sort_key({"a": "done"})
    assert ready.sort_key(None) == float("inf")


def test_worklist_column_tooltips_and_least_ready_first(
    qtbot: QtBot, ctx: AppContext, ward: Ward, make_uow: Callable[[], UnitOfWork]
) -> None:
    stay = seed_stay(make_uow, unit_code="6N", visit="V7000001")
    make_ready(make_uow, stay)
    with ctx.uow() as uow:
        expected = readiness.worklist_readiness(uow, ctx.require_actor(), [stay.id])[stay.id]
    assert list(expected) == STEPS and expected["medications"] == "done"

    page = make_page(qtbot, ctx)
    qtbot.waitUntil(  # the last load's readiness, for every row
        lambda: all(
            page.model.readiness_of(page.model.row_at(r)) is not None
            for r in range(page.model.rowCount())
        )
    )
    proxy = page.proxy
    ready_row = rows_by_visit(page)["V7000001"]
    cell = proxy.index(ready_row, Column.READINESS)
    assert cell.data(StatusesRole).items == tuple(expected.items())  # workspace order
    assert cell.data() == ready.compact_text(expected)
    assert cell.data().startswith("S○ C○ M✓ A✓ E✓ P✓")
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "✓ Medications: done" in tooltip and "Discharge packet: done" in tooltip
    legend = proxy.headerData(Column.READINESS, Qt.Orientation.Horizontal, 3)
    assert "M Medications" in legend and "○ missing" in legend
    by_id = {proxy.index(r, 0).data(RowRole).encounter_id: r for r in range(proxy.rowCount())}
    untouched = proxy.index(by_id[ward.abernathy], Column.READINESS).data(StatusesRole)
    assert untouched.as_dict()["medications"] == "missing"

    # least ready first: the ready stay goes to the bottom, the button selects the top row
    page.least_ready_button.click()
    assert page.table.horizontalHeader().sortIndicatorSection() == Column.READINESS
    order = [proxy.index(r, 0).data(RowRole).visit_number for r in range(proxy.rowCount())]
    assert order[-1] == "V7000001"
    assert page.table.currentIndex().row() == 0

    # the delegate names the step under the mouse
    option = QStyleOptionViewItem()
    option.rect = page.table.visualRect(proxy.index(proxy.rowCount() - 1, Column.READINESS))
    option.font = page.table.font()
    chips = page.readiness_delegate._chips(option, expected)
    assert [key for _rect, key, _status in chips] == STEPS
    assert all(a[0].right() < b[0].left() for a, b in zip(chips, chips[1:], strict=False))
    page.resize(1500, 400)
    qtbot.wait(50)
    page.grab().save("/tmp/pcp-worklist-readiness.png")


def test_header_indicators_open_their_step(
    qtbot: QtBot, ctx: AppContext, ward: Ward, make_uow: Callable[[], UnitOfWork]
) -> None:
    page = make_page(qtbot, ctx)
    row = page.proxy.index(0, 0).data(RowRole)
    workspace = PatientWorkspace(ctx, row)
    qtbot.addWidget(workspace)
    workspace.resize(1200, 800)
    workspace.show()
    workspace.reload()
    bar = workspace.header.readiness_bar
    assert list(bar.buttons) == STEPS
    medications = bar.buttons["medications"]
    assert medications.text() == "○ Medications"
    assert medications.toolTip().startswith("Medications: missing\n")
    assert bar.overall.text().endswith("checklist items open")

    bar.buttons["education"].click()
    assert workspace.stack.currentWidget() is workspace.steps["education"]

    # keyboard: Tab reaches the indicators, Space opens the step
    medications.setFocus()
    qtbot.keyClick(medications, Qt.Key.Key_Space)
    assert workspace.stack.currentWidget() is workspace.steps["medications"]

    # a readiness step without a page of its own here (risk) opens the stay summary
    bar.buttons["risk"].click()
    expected = "discharge" if "discharge" in workspace.steps else "summary"
    assert workspace.stack.currentWidget() is workspace.steps[expected]
    qtbot.wait(50)  # indicators added to a visible header show on the next event loop pass
    assert all(button.isVisible() for button in bar.buttons.values())
    workspace.grab().save("/tmp/pcp-workspace-readiness.png")


def test_header_readiness_follows_work_done_when_the_nurse_moves_on(
    qtbot: QtBot, ctx: AppContext, ward: Ward, make_uow: Callable[[], UnitOfWork]
) -> None:
    stay = seed_stay(make_uow, unit_code="6N", visit="V7000002")
    page = make_page(qtbot, ctx)
    row = next(
        page.proxy.index(r, 0).data(RowRole)
        for r in range(page.proxy.rowCount())
        if page.proxy.index(r, 0).data(RowRole).encounter_id == stay.id
    )
    workspace = PatientWorkspace(ctx, row)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.reload()
    bar = workspace.header.readiness_bar
    assert bar.buttons["medications"].text() == "○ Medications"
    sign_medrec(make_uow, stay)  # the work of the Medications step
    workspace.show_step("appointments")  # ...and the nurse moves on
    assert bar.buttons["medications"].text() == "✓ Medications"
