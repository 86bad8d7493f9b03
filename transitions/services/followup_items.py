"""Pending tests at discharge and home services / equipment of a stay (Project RED 3-4)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from transitions.db.appointments_models import HomeService, PendingTest
from transitions.db.models import Encounter, Provider
from transitions.domain.appointments import HomeServiceKind, PatientNotification
from transitions.errors import ConflictError, NotFoundError, ValidationError
from transitions.services.encounters import register_stay_section
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork


@dataclass(frozen=True)
class PendingTestView:
    id: int
    version_id: int
    test_name: str
    ordered_by: str | None
    expected_on: date | None
    responsible_id: int | None
    responsible: str | None
    notify_by: PatientNotification
    recorded_by: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class HomeServiceView:
    id: int
    version_id: int
    kind: HomeServiceKind
    description: str
    vendor: str | None
    vendor_phone: str | None
    starts_on: date | None
    recorded_by: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _encounter(uow: UnitOfWork, encounter_id: int) -> Encounter:
    encounter = uow.session.get(Encounter, encounter_id)
    if encounter is None:
        raise NotFoundError(f"no stay with id {encounter_id}")
    return encounter


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def pending_tests(uow: UnitOfWork, encounter_id: int) -> list[PendingTestView]:
    rows = uow.session.scalars(
        select(PendingTest)
        .where(PendingTest.encounter_id == encounter_id)
        .options(selectinload(PendingTest.responsible))
        .order_by(PendingTest.expected_on, PendingTest.id)
    )
    return [
        PendingTestView(
            t.id,
            t.version_id,
            t.test_name,
            t.ordered_by,
            t.expected_on,
            t.responsible_id,
            t.responsible.display_name if t.responsible else None,
            t.notify_by,
            t.recorded_by,
        )
        for t in rows
    ]


def home_services(uow: UnitOfWork, encounter_id: int) -> list[HomeServiceView]:
    rows = uow.session.scalars(
        select(HomeService)
        .where(HomeService.encounter_id == encounter_id)
        .order_by(HomeService.starts_on, HomeService.id)
    )
    return [
        HomeServiceView(
            s.id,
            s.version_id,
            s.kind,
            s.description,
            s.vendor,
            s.vendor_phone,
            s.starts_on,
            s.recorded_by,
        )
        for s in rows
    ]


def add_pending_test(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    *,
    test_name: str,
    notify_by: PatientNotification,
    ordered_by: str | None = None,
    expected_on: date | None = None,
    responsible_id: int | None = None,
) -> int:
    require(actor, "appointments.edit")
    encounter = _encounter(uow, encounter_id)
    name = _text(test_name)
    if name is None:
        raise ValidationError("enter the test whose result is pending", field="test_name")
    if responsible_id is None:
        raise ValidationError(
            "choose the clinician responsible for following up the result", field="responsible"
        )
    if uow.session.get(Provider, responsible_id) is None:
        raise ValidationError("the chosen clinician is not in the directory", field="responsible")
    test = PendingTest(
        encounter_id=encounter.id,
        test_name=name,
        ordered_by=_text(ordered_by),
        expected_on=expected_on,
        responsible_id=responsible_id,
        notify_by=notify_by,
        recorded_by=actor.username,
    )
    uow.session.add(test)
    uow.session.flush()
    after = {
        "test": name,
        "expected_on": expected_on,
        "responsible_id": responsible_id,
        "notify_by": notify_by.value,
    }
    uow.audit(actor, "add", "pending_test", test.id, encounter.patient_id, details={"after": after})
    uow.commit()
    return test.id


def add_home_service(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    *,
    kind: HomeServiceKind,
    description: str,
    vendor: str | None = None,
    vendor_phone: str | None = None,
    starts_on: date | None = None,
) -> int:
    require(actor, "appointments.edit")
    encounter = _encounter(uow, encounter_id)
    text = _text(description)
    if text is None:
        raise ValidationError("describe the service or equipment", field="description")
    if _text(vendor) is None:
        raise ValidationError("enter the vendor or agency", field="vendor")
    service = HomeService(
        encounter_id=encounter.id,
        kind=kind,
        description=text,
        vendor=_text(vendor),
        vendor_phone=_text(vendor_phone),
        starts_on=starts_on,
        recorded_by=actor.username,
    )
    uow.session.add(service)
    uow.session.flush()
    after = {"kind": kind.value, "description": text, "vendor": vendor, "starts_on": starts_on}
    uow.audit(
        actor, "add", "home_service", service.id, encounter.patient_id, details={"after": after}
    )
    uow.commit()
    return service.id


def remove_item(
    uow: UnitOfWork,
    actor: Actor,
    kind: type[PendingTest] | type[HomeService],
    item_id: int,
    *,
    expected_version: int,
) -> None:
    """Remove a pending test or a home service (the audit event keeps what it said)."""
    require(actor, "appointments.edit")
    item: PendingTest | HomeService | None = (
        uow.session.get(PendingTest, item_id)
        if kind is PendingTest
        else uow.session.get(HomeService, item_id)
    )
    if item is None:
        raise NotFoundError(f"no {kind.__tablename__.replace('_', ' ')} with id {item_id}")
    if item.version_id != expected_version:
        raise ConflictError("someone else changed this item; reload and try again")
    patient_id = _encounter(uow, item.encounter_id).patient_id
    if isinstance(item, PendingTest):
        before: dict[str, Any] = {"test": item.test_name, "expected_on": item.expected_on}
    else:
        before = {"kind": item.kind.value, "description": item.description}
    uow.session.delete(item)
    uow.audit(actor, "remove", kind.__tablename__, item_id, patient_id, {"before": before})
    uow.commit()


register_stay_section(
    "pending_tests", lambda uow, enc: [t.to_json() for t in pending_tests(uow, enc.id)]
)
register_stay_section(
    "home_services", lambda uow, enc: [s.to_json() for s in home_services(uow, enc.id)]
)
