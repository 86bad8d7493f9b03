"""Packet sections filled from the workflows: the signed medication reconciliation and the
education that was taught. Kept apart from ``packet_content`` so each workflow's mapping to
plain-language packet content is read in one place."""

from __future__ import annotations

from transitions.db.models import Encounter
from transitions.domain.education.catalog import load_catalog
from transitions.domain.medrec.workflow import ReconciliationStatus
from transitions.packet.content import (
    Appointment,
    EducationModule,
    HomeService,
    Medicine,
    MedicineGroup,
    MedicinesSection,
    PendingResult,
)
from transitions.packet.i18n import Messages
from transitions.services import appointments as appointment_service
from transitions.services import education, followup_items
from transitions.services.drugs import site_knowledge
from transitions.services.medrec_view import DischargeLine, SourceLine, build_view
from transitions.services.packet_content import how_and_when
from transitions.services.uow import UnitOfWork

_FINAL = {ReconciliationStatus.SIGNED.value, ReconciliationStatus.VERIFIED.value}


def _dose_and_when(line: SourceLine | DischargeLine) -> str:
    return " ".join(part for part in (line.dose, line.frequency) if part)


def reconciled_medicines(
    uow: UnitOfWork, encounter: Encounter, msg: Messages
) -> MedicinesSection | None:
    """NEW / CHANGED (before -> now, why) / KEEP TAKING / STOP TAKING (why) from the signed
    reconciliation; None while it is not signed (the packet then says the list is not final)."""
    view = build_view(uow, encounter)
    if view.status not in _FINAL:
        return None
    kb = site_knowledge(uow)
    home_by_key = {line.key: line for line in view.home}

    def safety(line: DischargeLine) -> str | None:
        match = kb.vocabulary.resolve(line.drug)
        if match is None:
            return None
        for entry in kb.high_alert:
            if entry.matches(match, line.route):
                return msg.high_alert(entry.key, entry.patient_line)
        return None

    medicines: list[Medicine] = []
    for line in view.discharge:
        source = home_by_key.get(line.from_key or "")
        if line.decision == "continue":
            group, previous, why = MedicineGroup.KEEP, None, None
        elif line.decision == "change":
            group = MedicineGroup.CHANGED
            previous = _dose_and_when(source) if source else None
            why = line.reason
        else:  # new at discharge, or added by the nurse
            group, previous, why = MedicineGroup.NEW, None, line.reason
        how, times, prn_reason = how_and_when(line.route, line.frequency, msg)
        medicines.append(
            Medicine(
                group=group,
                name=line.drug,
                purpose=line.indication,
                dose=line.dose,
                how=how,
                times=() if line.prn else (line.times or times),
                prn=line.prn,
                prn_reason=(line.indication or prn_reason) if line.prn else None,
                previous=previous,
                why=why,
                safety_line=safety(line),
            )
        )
    for home in view.home:
        if home.decision == "stop":
            medicines.append(
                Medicine(
                    group=MedicineGroup.STOP,
                    name=home.drug,
                    dose=home.dose,
                    how=_dose_and_when(home) or None,
                    why=home.reason,
                )
            )
    return MedicinesSection(final=True, medicines=tuple(medicines))


def taught_education(
    uow: UnitOfWork, encounter: Encounter, language: str
) -> tuple[EducationModule, ...]:
    """Modules with at least one item taught: every taught item's key point, and the warning
    signs ("call your doctor if", "call 911 if") of those items, in the packet's language."""
    view = education.plan_view(uow, encounter)
    catalog = load_catalog()
    modules: list[EducationModule] = []
    for state in view.modules:
        taught = [item for item in state.items if item.history]
        if not taught:
            continue
        module = catalog.get(state.module_id)
        items = [module.item(item.item_id) for item in taught]
        doctor: list[str] = []
        emergency: list[str] = []
        for item in items:
            doctor.extend(s for s in item.call_doctor.get(language) if s not in doctor)
            emergency.extend(s for s in item.call_911.get(language) if s not in emergency)
        modules.append(
            EducationModule(
                title=module.title.get(language),
                key_points=tuple(item.text.get(language) for item in items),
                call_doctor_if=tuple(doctor),
                call_911_if=tuple(emergency),
            )
        )
    return tuple(modules)


def booked_appointments(
    uow: UnitOfWork, encounter: Encounter, msg: Messages
) -> tuple[Appointment, ...]:
    """Appointments still to happen (not cancelled, completed or missed), soonest first."""
    plan = appointment_service.follow_up_plan_of(uow, encounter)
    result = []
    for appt in sorted(plan.appointments, key=lambda a: a.starts_at):
        if not appt.is_open:
            continue
        local = appt.starts_at.astimezone(uow.tz)
        result.append(
            Appointment(
                day=local.date(),
                time=local.time().replace(second=0, microsecond=0),
                with_whom=appt.provider or appt.clinic or msg.appointment_type(appt.type.value),
                purpose=msg.appointment_type(appt.type.value),
                place=appt.clinic,
                phone=appt.clinic_phone,
            )
        )
    return tuple(result)


def pending_results(
    uow: UnitOfWork, encounter: Encounter, msg: Messages
) -> tuple[PendingResult, ...]:
    return tuple(
        PendingResult(
            test=item.test_name,
            expected=msg.date_short(item.expected_on) if item.expected_on else None,
            who_tells=" ".join(
                part for part in (item.responsible, msg.notify(item.notify_by.value)) if part
            ),
        )
        for item in followup_items.pending_tests(uow, encounter.id)
    )


def arranged_home_services(
    uow: UnitOfWork, encounter: Encounter, msg: Messages
) -> tuple[HomeService, ...]:
    return tuple(
        HomeService(
            service=msg.home_service(item.kind.value),
            provider=item.vendor,
            phone=item.vendor_phone,
            start=item.starts_on,
            notes=item.description,
        )
        for item in followup_items.home_services(uow, encounter.id)
    )
