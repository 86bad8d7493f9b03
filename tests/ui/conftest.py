"""GUI test fixtures: a seeded ward on both databases, a synchronous task runner, fake boxes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.conftest import FIXED_NOW
from tests.factories import add_clinical_details, make_patient, make_provider, make_stay, make_unit
from transitions.config import SiteConfig
from transitions.db.engine import Database
from transitions.domain.encounter_status import EncounterStatus
from transitions.services import auth
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.tasks import SynchronousRunner

ADMIN_USER = "nurse.admin"
ADMIN_PASSWORD = "correct horse battery"


@dataclass
class MessageBoxes:
    """What the code under test tried to show in a QMessageBox (never a real modal box)."""

    calls: list[tuple[str, str, str]] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.calls]

    def texts(self) -> list[str]:
        return [text for _kind, _title, text in self.calls]


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()

    def fake(kind: str, answer: Any) -> Callable[..., Any]:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            boxes.calls.append((kind, title, text))
            return answer

        return staticmethod(show)

    ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "warning", fake("warning", ok))
    monkeypatch.setattr(QMessageBox, "critical", fake("critical", ok))
    monkeypatch.setattr(QMessageBox, "information", fake("information", ok))
    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "about", fake("about", None))
    return boxes


@dataclass(frozen=True)
class Ward:
    """Ids of the seeded stays: 'quigley' (4W, planned today, allergies, diagnoses, labs, meds),
    'abernathy' (5E, tomorrow), 'quintero' (4W, Spanish, interpreter, no plan)."""

    quigley: int
    abernathy: int
    quintero: int


def seed_ward(make_uow: Callable[[], UnitOfWork]) -> Ward:
    with make_uow() as uow:
        s = uow.session
        w4 = make_unit(s, "4W", "4 West Medicine")
        e5 = make_unit(s, "5E", "5 East Cardiology")
        attending = make_provider(s)
        quigley = make_stay(
            s,
            make_patient(s, "Quigley", "Maren", mrn="MRN100001", birth_date=date(1948, 3, 14)),
            w4,
            status=EncounterStatus.DISCHARGE_PLANNED,
            planned_discharge=FIXED_NOW + timedelta(hours=4),  # 14:00 New York, today
        )
        quigley.attending_id = attending.id
        abernathy = make_stay(
            s,
            make_patient(s, "Abernathy", "Joel", mrn="MRN100002", birth_date=date(1990, 6, 1)),
            e5,
            planned_discharge=FIXED_NOW + timedelta(days=1),
            room="501",
        )
        quintero = make_stay(
            s,
            make_patient(
                s, "Quintero", "Lucía", mrn="MRN200003", birth_date=date(1960, 1, 2), language="es"
            ),
            w4,
            room="415",
        )
        make_stay(  # discharged: never on the worklist
            s,
            make_patient(s, "Gone", "Home", mrn="MRN300004"),
            w4,
            status=EncounterStatus.DISCHARGED,
            discharged=FIXED_NOW - timedelta(days=2),
        )
        add_clinical_details(s, quigley)
        ward = Ward(quigley.id, abernathy.id, quintero.id)
        uow.commit()
    return ward


def create_admin(make_uow: Callable[[], UnitOfWork]) -> Actor:
    with make_uow() as uow:
        return auth.create_first_admin(
            uow, ADMIN_USER, "Nadia Admin", ADMIN_PASSWORD, ADMIN_PASSWORD
        )


@pytest.fixture
def ward(make_uow: Callable[[], UnitOfWork]) -> Ward:
    return seed_ward(make_uow)


@pytest.fixture
def admin(make_uow: Callable[[], UnitOfWork]) -> Actor:
    return create_admin(make_uow)


@pytest.fixture
def ctx(
    database: Database, site: SiteConfig, clock: Callable[[], datetime], admin: Actor
) -> Iterator[AppContext]:
    """A signed-in session on the test database; tasks run synchronously."""
    yield AppContext(database, site, SynchronousRunner(), now=clock, actor=admin)
