"""A stay taken step by step to the point of discharge, through the real services (synthetic
names only): the database, CLI and UI tests of the guided discharge share it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.conftest import FIXED_NOW
from tests.factories import make_patient, make_stay, make_unit
from transitions.db.models import Clinic, MedicationEntry, Provider, User
from transitions.domain.appointments import AppointmentType
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import MedicationList, MedicationSource
from transitions.domain.medrec.workflow import DecisionKind
from transitions.services import appointments, education, medrec, packets
from transitions.services.appointments import AppointmentInput
from transitions.services.education import TeachingEntry
from transitions.services.uow import Actor, UnitOfWork

MakeUow = Callable[[], UnitOfWork]
NY = ZoneInfo("America/New_York")


def nurse(user_id: int = 1) -> Actor:
    return Actor(user_id, "rn.lee", "Dana Lee, RN", frozenset({"nurse"}))


@dataclass(frozen=True)
class Stay:
    id: int
    visit: str
    pcp: int
    home_med: int


def seed_stay(
    make_uow: MakeUow,
    *,
    status: EncounterStatus = EncounterStatus.DISCHARGE_PLANNED,
    visit: str = "V7000001",
    unit_code: str = "4W",
    with_user: bool = True,
) -> Stay:
    """A patient going home Thu 26 Nov 2026 (planned), one home medicine (furosemide), a PCP
    at a weekday clinic, a phone number and a pharmacy on file."""
    with make_uow() as uow:
        s = uow.session
        if with_user:
            s.add(User(username="rn.lee", display_name="Dana Lee, RN", password_hash="x",
                       roles="nurse"))  # fmt: skip
            s.flush()
        clinic = Clinic(name="Riverside Primary Care", opening_hours="Mon-Fri 08:00-17:00")
        pcp = Provider(family_name="Harrowgate", given_name="Celestine", credentials="MD")
        pcp.clinic = clinic
        s.add_all([clinic, pcp])
        patient = make_patient(s, "Quigley", "Maren")
        patient.pcp = pcp
        patient.phone = "(555) 010-7788"
        patient.preferred_pharmacy = "Riverside Pharmacy, 12 Elm St"
        stay = make_stay(
            s,
            patient,
            make_unit(s, unit_code),
            status=status,
            planned_discharge=FIXED_NOW + timedelta(days=1),
            visit_number=visit,
        )
        med = MedicationEntry(
            list_kind=MedicationList.HOME, drug_name="furosemide", dose="40 mg", route="oral",
            frequency="daily", source=MedicationSource.PATIENT, recorded_at=stay.admit_time,
        )  # fmt: skip
        stay.medications.append(med)
        s.flush()
        result = Stay(stay.id, stay.visit_number, pcp.id, med.id)
        uow.commit()
    return result


def sign_medrec(make_uow: MakeUow, stay: Stay, actor: Actor | None = None) -> None:
    actor = actor or nurse()
    with make_uow() as uow:
        medrec.decide(uow, actor, stay.home_med, DecisionKind.CONTINUE)
    with make_uow() as uow:
        view = medrec.get_reconciliation(uow, actor, stay.id)
    with make_uow() as uow:
        medrec.sign(uow, actor, stay.id, expected_version=view.version_id)


def book_pcp(make_uow: MakeUow, stay: Stay, actor: Actor | None = None) -> None:
    start = datetime(2026, 12, 1, 10, 0, tzinfo=NY)  # a Tuesday, 5 days after discharge
    data = AppointmentInput(
        type=AppointmentType.PCP_FOLLOW_UP, starts_at=start, provider_id=stay.pcp
    )
    with make_uow() as uow:
        appointments.book_appointment(uow, actor or nurse(), stay.id, data)


def teach_all(make_uow: MakeUow, stay: Stay, actor: Actor | None = None) -> None:
    actor = actor or nurse()
    with make_uow() as uow:
        view = education.get_education(uow, actor, stay.id)
    for module in view.modules:
        for item in module.items:
            entry = TeachingEntry(module.module_id, item.item_id, "patient", "verbal", "understood")
            with make_uow() as uow:
                education.record_teaching(uow, actor, stay.id, entry)


def print_packet(
    make_uow: MakeUow, stay: Stay, actor: Actor | None = None, *, output: bool = True
) -> None:
    """Make the packet and print it (``output=False``: only preview it)."""
    actor = actor or nurse()
    with make_uow() as uow:
        stored = packets.generate_packet(uow, actor, encounter_id=stay.id)
    if output:
        with make_uow() as uow:
            packets.record_output(uow, actor, stored.info.id, "print", "Ward printer")


def make_ready(make_uow: MakeUow, stay: Stay, actor: Actor | None = None) -> None:
    """Every step done (the PCP summary aside, which is not part of this branch)."""
    sign_medrec(make_uow, stay, actor)
    book_pcp(make_uow, stay, actor)
    teach_all(make_uow, stay, actor)
    print_packet(make_uow, stay, actor)
