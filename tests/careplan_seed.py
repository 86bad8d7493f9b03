"""Test data for the care plan (issue 7 slice B): a stay with needs, and the demo resources."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from tests.conftest import FIXED_NOW
from tests.factories import make_patient, make_stay, make_unit
from transitions.db.assessment_models import Need
from transitions.db.models import User
from transitions.domain.assessment import NeedDomain, NeedStatus
from transitions.domain.encounter_status import EncounterStatus
from transitions.services import community_resources
from transitions.services.uow import Actor, UnitOfWork

UowFactory = Callable[[], UnitOfWork]

NEED_TEXT = {
    NeedDomain.FOOD: "Worried food would run out before money to buy more",
    NeedDomain.TRANSPORTATION: "No ride to medical appointments",
    NeedDomain.HOUSING: "Worried about losing housing",
    NeedDomain.LANGUAGE: "Limited English (Spanish preferred)",
    NeedDomain.SAFETY: "Afraid of a partner",
}


@dataclass(frozen=True)
class CarePlanStay:
    encounter_id: int
    visit: str
    patient_id: int
    needs: dict[NeedDomain, int]


def seed_stay(
    make_uow: UowFactory,
    *,
    language: str = "es",
    postal_code: str | None = "14695",
    domains: Sequence[NeedDomain] = (NeedDomain.FOOD, NeedDomain.TRANSPORTATION),
    unit_code: str = "4W",
    resources: bool = True,
) -> CarePlanStay:
    """A stay planned for discharge this afternoon whose patient has ``domains`` as open needs;
    with ``resources`` the demo community directory is loaded too."""
    with make_uow() as uow:
        s = uow.session
        patient = make_patient(s, "Quintero", "Marisol", language=language)
        patient.postal_code = postal_code
        stay = make_stay(
            s,
            patient,
            make_unit(s, unit_code),
            status=EncounterStatus.DISCHARGE_PLANNED,
            planned_discharge=FIXED_NOW + timedelta(hours=4),
        )
        needs = {}
        for domain in domains:
            need = Need(
                encounter_id=stay.id,
                domain=domain,
                source_question=f"hrsn.{domain.value}",
                description=NEED_TEXT.get(domain, domain.value),
                status=NeedStatus.OPEN,
                identified_at=FIXED_NOW - timedelta(days=1),
            )
            s.add(need)
            s.flush()
            needs[domain] = need.id
        result = CarePlanStay(stay.id, stay.visit_number, patient.id, needs)
        uow.commit()
    if resources:
        with make_uow() as uow:
            community_resources.import_demo_resources(uow, Actor.system("test"))
    return result


def user_actor(make_uow: UowFactory, role: str, username: str | None = None) -> Actor:
    """A signed-in user with ``role`` (a real account row, so audit and FKs work)."""
    name = username or role.replace("_", "")
    with make_uow() as uow:
        account = User(username=name, display_name=f"Test {role}", password_hash="x", roles=role)
        uow.session.add(account)
        uow.session.flush()
        actor = Actor(account.id, name, f"Test {role}", roles=frozenset({role}))
        uow.commit()
    return actor


def resource_id(make_uow: UowFactory, name: str) -> int:
    with make_uow() as uow:
        for row in community_resources.list_resources(uow, Actor.system("test")):
            if row.name == name:
                return row.id
    raise AssertionError(f"no resource {name}")
