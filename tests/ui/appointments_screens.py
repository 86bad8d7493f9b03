"""Render the Appointments step and its calendar to PNG files for review (not a test).

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.appointments_screens [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication

from tests.conftest import FIXED_NOW
from tests.ui.conftest import create_admin, seed_ward
from tests.ui.test_appointments_step import add_pcp
from transitions.config import load_site_config
from transitions.db import migrate
from transitions.db.engine import Database
from transitions.domain.appointments import (
    AppointmentStatus,
    AppointmentType,
    HomeServiceKind,
    PatientNotification,
)
from transitions.services import appointments, followup_items
from transitions.services.appointments import AppointmentInput
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.tasks import SynchronousRunner
from ui.workspace.appointments import AppointmentsStep

NY = ZoneInfo("America/New_York")


def at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, NY)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[2] / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        site_file = Path(tmp) / "site.toml"
        site_file.write_text(
            '[hospital]\nname = "Riverside General"\ntimezone = "America/New_York"\n',
            encoding="utf-8",
        )
        site = load_site_config(site_file)
        db = Database.open(f"sqlite:///{tmp}/screens.db")
        migrate.upgrade(db.engine)

        def make_uow() -> UnitOfWork:
            return UnitOfWork(db, site, now=lambda: FIXED_NOW)

        ward = seed_ward(make_uow)
        admin = create_admin(make_uow)
        actor = replace(admin, roles=frozenset({"nurse"}))
        pcp = add_pcp(make_uow, ward.quigley)
        bookings = [
            AppointmentInput(
                AppointmentType.PCP_FOLLOW_UP,
                at(date(2026, 12, 1), time(10, 0)),
                provider_id=pcp,
                status=AppointmentStatus.CONFIRMED,
                patient_notes="Bring all your medicine bottles.",
            ),
            AppointmentInput(
                AppointmentType.LAB,
                at(date(2026, 11, 27), time(9, 0)),
                clinic_id=1,
                transport_needed=True,
            ),
            AppointmentInput(
                AppointmentType.SPECIALIST,
                at(date(2026, 12, 4), time(14, 30)),
                clinic_id=2,
                duration_minutes=45,
            ),
            AppointmentInput(
                AppointmentType.IMAGING, at(date(2026, 12, 4), time(15, 30)), clinic_id=1
            ),
        ]
        for data in bookings:
            with make_uow() as uow:
                appointments.book_appointment(uow, actor, ward.quigley, data)
        with make_uow() as uow:
            followup_items.add_pending_test(
                uow,
                actor,
                ward.quigley,
                test_name="Blood culture x2",
                notify_by=PatientNotification.PHONE,
                ordered_by="Ada Okafor, MD",
                expected_on=date(2026, 11, 27),
                responsible_id=pcp,
            )
        with make_uow() as uow:
            followup_items.add_home_service(
                uow,
                actor,
                ward.quigley,
                kind=HomeServiceKind.OXYGEN,
                description="Home oxygen concentrator, 2 L/min",
                vendor="Valley Medical Supply",
                vendor_phone="(555) 010-7700",
                starts_on=date(2026, 11, 25),
            )
        ctx = AppContext(db, site, SynchronousRunner(), now=lambda: FIXED_NOW, actor=actor)
        step = AppointmentsStep(ctx, ward.quigley)
        step.resize(1400, 1000)
        step.show()
        step.reload()
        step.select_appointment(1)
        for _ in range(5):
            app.processEvents()
        step.grab().save(str(out / "appointments-step.png"))
        step.calendar.grab().save(str(out / "appointments-calendar.png"))
        dialog = step.edit_selected()
        assert dialog is not None
        dialog.show()
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(out / "appointments-dialog.png"))
        dialog.close()
        step.close()
        db.dispose()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
