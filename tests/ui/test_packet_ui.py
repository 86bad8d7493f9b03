"""Packet step (preview, print to a PDF printer, save, reprint) and batch printing."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import FIXED_NOW
from tests.ui.conftest import Ward
from transitions.config import SiteConfig
from transitions.db.engine import Database
from transitions.db.models import AuditEvent, User
from transitions.services import encounters, packet_batch, packets
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.tasks import SynchronousRunner
from ui.workspace.packet import PacketStep
from ui.workspace.packet_batch import BatchPrintDialog


def make_ctx(
    database: Database, site: SiteConfig, clock: Callable[[], datetime], roles: str
) -> AppContext:
    with UnitOfWork(database, site, now=clock) as uow:
        user = User(username=f"u-{roles}", display_name=f"Una {roles}", password_hash="x",
                    roles=roles)  # fmt: skip
        uow.session.add(user)
        uow.session.flush()
        actor = Actor(user.id, user.username, user.display_name, frozenset(roles.split(",")))
        uow.commit()
    return AppContext(database, site, SynchronousRunner(), now=clock, actor=actor)


@pytest.fixture
def nurse_ctx(
    database: Database, site: SiteConfig, clock: Callable[[], datetime], ward: Ward
) -> AppContext:
    return make_ctx(database, site, clock, "nurse,case_manager")


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def pages_of(path: Path) -> int:
    return len(PdfReader(io.BytesIO(path.read_bytes())).pages)


def open_step(qtbot: QtBot, ctx: AppContext, encounter_id: int) -> PacketStep:
    step = PacketStep(ctx, encounter_id)
    qtbot.addWidget(step)
    with ctx.uow() as uow:
        step.set_detail(encounters.get_stay(uow, ctx.require_actor(), encounter_id=encounter_id))
    step.resize(1100, 800)
    step.show()
    return step


def audit_actions(ctx: AppContext) -> list[str]:
    with ctx.uow() as uow:
        return list(
            uow.session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.entity == "discharge_packet")
                .order_by(AuditEvent.id)
            )
        )


def test_preview_print_save_and_reprint(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward, tmp_path: Path
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quigley)
    assert not step.print_button.isEnabled()
    assert step.language_combo.currentData() == "en"
    step.generate_button.click()
    assert step.current is not None and step.current.info.version == 1
    assert step.preview_pages == step.current.info.page_count >= 2
    assert step.view.page_count() == step.current.info.page_count
    qtbot.waitUntil(lambda: not step.view.page_image(0).isNull())  # rendered when in view
    assert step.view.page_image(0).width() == step.view.viewport().width() - 2 * step.view.MARGIN
    assert step.versions_model.rowCount() == 1
    assert step.print_button.isEnabled() and step.save_button.isEnabled()

    printed = tmp_path / "printed.pdf"
    assert step.print_current(pdf_printer(printed))
    assert pages_of(printed) == step.current.info.page_count

    saved = tmp_path / "saved.pdf"
    assert step.save_as(str(saved))
    assert saved.read_bytes() == step.current.pdf
    first = step.current

    # another language: a new version; the first stays listed and reprints byte-identically
    step.language_combo.setCurrentIndex(step.language_combo.findData("es"))
    step.large_print_check.setChecked(True)
    step.generate_button.click()
    assert step.current.info.version == 2 and step.current.info.language == "es"
    assert step.versions_model.rowCount() == 2
    step.versions.selectRow(1)  # newest first: row 1 is version 1
    reprinted = tmp_path / "reprint.pdf"
    step.reprint_selected(pdf_printer(reprinted))
    assert step.current.info.version == 1 and step.current.pdf == first.pdf
    assert pages_of(reprinted) == first.info.page_count
    assert audit_actions(nurse_ctx) == ["generate", "print", "export", "generate", "reprint"]


def test_spanish_patient_defaults_to_spanish(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward
) -> None:
    step = open_step(qtbot, nurse_ctx, ward.quintero)
    assert step.language_combo.currentData() == "es"


def test_role_without_packet_permission(
    qtbot: QtBot,
    database: Database,
    site: SiteConfig,
    clock: Callable[[], datetime],
    ward: Ward,
) -> None:
    ctx = make_ctx(database, site, clock, "pharmacist")
    step = open_step(qtbot, ctx, ward.quigley)
    assert not step.generate_button.isEnabled()
    assert "cannot print" in step.status_label.text()


def _batch(qtbot: QtBot, ctx: AppContext, out: Path) -> BatchPrintDialog:
    dialog = BatchPrintDialog(ctx, printer_factory=lambda: pdf_printer(out))
    qtbot.addWidget(dialog)
    dialog.set_choice("4W", FIXED_NOW.date())
    dialog.find_discharges()
    return dialog


def test_batch_print_reports_progress(
    qtbot: QtBot, nurse_ctx: AppContext, ward: Ward, tmp_path: Path
) -> None:
    out = tmp_path / "batch.pdf"
    dialog = _batch(qtbot, nurse_ctx, out)
    # 4W today: Quigley (planned today) and 'Gone, Home' (discharged two days ago: not today)
    assert [r.patient_name for r in dialog.rows] == ["Quigley, Maren"]
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    dialog.print_button.click()
    assert dialog.printed == 1 and not dialog.failures
    assert values[-1] == dialog.progress.maximum() == 1
    assert "1 of 1 packets printed" in dialog.status_label.text()
    assert pages_of(out) >= 2
    assert audit_actions(nurse_ctx) == ["generate", "print"]


def test_batch_lists_failures_prints_the_rest_and_cancels(
    qtbot: QtBot,
    nurse_ctx: AppContext,
    ward: Ward,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "batch.pdf"
    dialog = _batch(qtbot, nurse_ctx, out)
    rows = dialog.rows
    # three stays: the real one, one that fails, then the real one again
    broken = packet_batch.DischargeRow(999999, "V-BROKEN", "Broken, Record", "en")
    dialog._show_rows([rows[0], broken, rows[0]])
    dialog.print_button.click()
    assert dialog.printed == 2
    assert len(dialog.failures) == 1 and "V-BROKEN" in dialog.failures[0]
    assert dialog.failure_list.count() == 1 and not dialog.failure_list.isHidden()
    assert "2 of 3 packets printed. 1 failed" in dialog.status_label.text()
    first_pages = pages_of(out)

    # Cancel after the first packet: the rest are not printed
    real_print = dialog._print

    def print_then_cancel(row: packet_batch.DischargeRow, stored: packets.StoredPacket) -> None:
        dialog.cancel()
        real_print(row, stored)

    monkeypatch.setattr(dialog, "_print", print_then_cancel)
    dialog.print_button.click()
    assert dialog.printed == 1 and "Cancelled" in dialog.status_label.text()
    assert pages_of(out) == first_pages // 2
