"""Admin > Interface quarantine on both databases: lists raw text and reason, reprocesses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.interop.messages import adt
from transitions.services import interop
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.interop.quarantine import QuarantineDialog
from ui.main_window import MainWindow

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def test_admin_menu_lists_and_reprocesses(
    qtbot: QtBot, ctx: AppContext, make_uow: Callable[[], UnitOfWork]
) -> None:
    feed = interop.adt_actor()
    early = interop.receive_hl7(make_uow, feed, adt("A03", control_id="EARLY").encode(), "mllp")
    interop.receive_hl7(make_uow, feed, b"MSH|^~\\&|X|Y|Z|W|2026||ORU^R01|LAB1|P|2.5", "mllp")
    assert early.ack_code == "AE"

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.quarantine_action.text() == "Interface &quarantine…"

    dialog = QuarantineDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.refresh()
    assert dialog.model.rowCount() == 2
    assert dialog.status.text() == "2 message(s) in quarantine"
    controls = {dialog.model.row_at(i).control_id for i in range(2)}
    assert controls == {"EARLY", "LAB1"}
    row = next(i for i in range(2) if dialog.model.row_at(i).control_id == "EARLY")
    dialog.table.selectRow(row)
    assert "has not been admitted" in dialog.reason.text()
    assert "MSH|^~\\&|ADT" in dialog.raw.toPlainText()
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "interop-quarantine.png"))

    # the reference data arrives (the admission), then the admin reprocesses the discharge
    interop.receive_hl7(make_uow, feed, adt("A01", control_id="ADMIT").encode(), "mllp")
    dialog.table.selectRow(row)
    dialog.reprocess_button.click()
    assert dialog.status.text() == "Message processed. 1 message(s) in quarantine"
    assert [dialog.model.row_at(0).control_id] == ["LAB1"]
    dialog.reprocess_button.click()  # an order message stays rejected, with its reason
    assert dialog.model.rowCount() == 1
    assert dialog.status.text().startswith("Still in quarantine: message type ORU^R01")


def test_admin_menu_hidden_from_nurses(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.actor = Actor(5, "nurse.n", "Nurse N", frozenset({"nurse"}))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    titles = [action.text() for action in window.menuBar().actions()]
    assert "&Admin" not in titles
