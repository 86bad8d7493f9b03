"""The summary-to-the-PCP panel: write the hospital course, preview, send to the outbox, print
with a fax cover, see what was sent (both databases, synchronous tasks, offscreen)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from tests.db.test_medrec import nurse, pharmacist
from tests.db.test_pcp_summary import Seeded, seed_summary
from tests.ui.conftest import MessageBoxes
from transitions.config import SiteConfig
from transitions.db.engine import Database
from transitions.services import encounters, pcp_summary
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.tasks import SynchronousRunner
from ui.workspace.packet import PacketStep
from ui.workspace.pcp_summary import PcpSummaryDialog, PcpSummaryPanel


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    folder = tmp_path / "outbox"
    folder.mkdir()
    return folder


@pytest.fixture
def configured(site: SiteConfig, outbox: Path) -> SiteConfig:
    return replace(site, summary_outbox=str(outbox), summary_fax="(555) 010-2499")


@pytest.fixture
def seeded(database: Database, configured: SiteConfig, clock: Callable[[], datetime]) -> Seeded:
    return seed_summary(lambda: UnitOfWork(database, configured, now=clock))


def make_ctx(
    database: Database, site: SiteConfig, clock: Callable[[], datetime], actor: Actor
) -> AppContext:
    return AppContext(database, site, SynchronousRunner(), now=clock, actor=actor)


def open_panel(qtbot: QtBot, ctx: AppContext, stay: int) -> PcpSummaryPanel:
    panel = PcpSummaryPanel(ctx, stay)
    qtbot.addWidget(panel)
    panel.resize(1200, 820)
    panel.show()
    panel.reload()
    return panel


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_write_preview_send_and_print(
    qtbot: QtBot,
    database: Database,
    configured: SiteConfig,
    clock: Callable[[], datetime],
    seeded: Seeded,
    outbox: Path,
    tmp_path: Path,
    message_boxes: MessageBoxes,
) -> None:
    ctx = make_ctx(database, configured, clock, nurse())
    panel = open_panel(qtbot, ctx, seeded.stay)
    assert "Not sent yet" in panel.status_label.text()
    assert panel.to_edit.text() == "Celestine Harrowgate, MD"
    assert panel.fax_edit.text() == "(555) 010-3301"
    assert "Riverside Family Medicine" in panel.practice_label.text()
    assert panel.outbox_button.isEnabled() and not panel.save_button.isEnabled()
    assert panel.sent_view.is_showing_empty_text()

    # typing the course, then Preview saves it first
    panel.course_edit.setFocus()
    qtbot.keyClicks(panel.course_edit, "Diuresed 4 kg; discharged on oral furosemide.")
    assert panel.save_button.isEnabled()
    panel.preview_button.click()
    assert panel.state is not None and panel.state.version_id == 1
    assert panel.state.hospital_course == "Diuresed 4 kg; discharged on oral furosemide."
    assert not panel.save_button.isEnabled()
    assert "Written by Dana Lee, RN" in panel.course_info.text()
    assert panel.document is not None and panel.view.page_count() == panel.document.page_count
    qtbot.waitUntil(lambda: not panel.view.page_image(0).isNull())

    # send to the outbox (confirmed)
    panel.outbox_button.click()
    assert message_boxes.kinds() == ["question"]
    assert "Celestine Harrowgate, MD" in message_boxes.texts()[0]
    assert len(list(outbox.glob("*.json"))) == 1
    assert "Sent to the interface outbox for Celestine Harrowgate, MD by Dana Lee" in (
        panel.status_label.text()
    )
    assert panel.sent_model.rowCount() == 1

    # print with a fax cover to a PDF "printer"
    printed = tmp_path / "fax.pdf"
    with qtbot.waitSignal(panel.delivered):
        panel.print_with_cover(pdf_printer(printed))
    reader = PdfReader(io.BytesIO(printed.read_bytes()))
    assert panel.document is not None and len(reader.pages) == panel.document.page_count
    assert panel.sent_model.rowCount() == 2
    assert panel.sent_model.data(panel.sent_model.index(0, 1)) == "Printed, fax cover"
    assert "Printed with a fax cover" in panel.status_label.text()
    with ctx.uow() as uow:
        status = pcp_summary.pcp_summary_status(uow, seeded.stay)
    assert status is not None and status.method == "print" and status.sequence == 2

    # what was sent can be shown again, byte for byte
    panel.sent_view.selectRow(1)
    panel.show_sent_button.click()
    assert panel.view.page_count() >= 1
    panel.grab().save("/tmp/pcp-summary-panel.png")


def test_errors_show_near_the_fields(
    qtbot: QtBot,
    database: Database,
    site: SiteConfig,
    clock: Callable[[], datetime],
    seeded: Seeded,
) -> None:
    ctx = make_ctx(database, site, clock, nurse())  # no outbox configured
    panel = open_panel(qtbot, ctx, seeded.stay)
    assert not panel.outbox_button.isEnabled()
    assert "pcp_summary.outbox" in panel.outbox_button.toolTip()
    panel.fax_edit.setText("call me")
    panel.fax_edit.setModified(True)
    panel.print_with_cover(pdf_printer(Path("/nonexistent/never.pdf")))
    assert panel.error_label.isVisible() and "not a fax number" in panel.error_label.text()
    assert panel.focusWidget() is panel.fax_edit
    with ctx.uow() as uow:
        assert pcp_summary.pcp_summary_status(uow, seeded.stay) is None


def test_conflicting_course_keeps_the_nurses_text_when_asked(
    qtbot: QtBot,
    database: Database,
    configured: SiteConfig,
    clock: Callable[[], datetime],
    seeded: Seeded,
    message_boxes: MessageBoxes,
) -> None:
    ctx = make_ctx(database, configured, clock, nurse())
    panel = open_panel(qtbot, ctx, seeded.stay)
    with ctx.uow() as uow:  # another workstation saves first
        pcp_summary.save_hospital_course(uow, nurse(2), seeded.stay, "Theirs.", expected_version=0)
    panel.course_edit.setPlainText("Mine.")
    panel.course_edit.document().setModified(True)
    panel.save_button.click()
    assert message_boxes.kinds() == ["question"]  # answered Yes: keep mine
    assert "Theirs." in message_boxes.texts()[0]
    assert panel.state is not None and panel.state.hospital_course == "Mine."
    assert panel.state.version_id == 2


def test_read_only_roles(
    qtbot: QtBot,
    database: Database,
    configured: SiteConfig,
    clock: Callable[[], datetime],
    seeded: Seeded,
) -> None:
    ctx = make_ctx(database, configured, clock, pharmacist())
    panel = open_panel(qtbot, ctx, seeded.stay)
    assert panel.course_edit.isReadOnly()
    assert not panel.outbox_button.isEnabled() and not panel.print_button.isEnabled()
    assert panel.preview_button.isEnabled()


def test_packet_step_opens_the_summary(
    qtbot: QtBot,
    database: Database,
    configured: SiteConfig,
    clock: Callable[[], datetime],
    seeded: Seeded,
    tmp_path: Path,
) -> None:
    ctx = make_ctx(database, configured, clock, nurse())
    step = PacketStep(ctx, seeded.stay)
    qtbot.addWidget(step)
    with ctx.uow() as uow:
        step.set_detail(encounters.get_stay(uow, nurse(), encounter_id=seeded.stay))
    dialog = step.open_pcp_summary()
    assert isinstance(dialog, PcpSummaryDialog)
    assert dialog.panel.state is not None and dialog.focusWidget() is dialog.panel.course_edit
    assert dialog.panel.to_edit.text() == "Celestine Harrowgate, MD"
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    with qtbot.waitSignal(step.stay_changed):  # the workspace reloads its header
        dialog.panel.print_with_cover(pdf_printer(tmp_path / "fax.pdf"))
    dialog.close()
