"""The content of a stay's discharge packet, one builder function per section.

Each builder reads only what the database holds today. Medication reconciliation (issue 4),
appointments, pending results and home services (issue 5) and education (issue 6) arrive with
their own issues: swap their builders in :data:`SECTION_BUILDERS` (or edit the function) after
merging. An empty result prints no heading. Until reconciliation exists the medicines section
says the list is not final and shows the home list as recorded, never invented groups.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from transitions.config import SiteConfig
from transitions.db.models import Encounter
from transitions.domain.enums import MedicationList
from transitions.domain.medrec.sig import parse_frequency, parse_route
from transitions.domain.medrec.terms import default_terms
from transitions.domain.tcm import tcm_deadlines
from transitions.errors import ValidationError
from transitions.packet.content import (
    AllergyLine,
    Appointment,
    Calendar30,
    CalendarInputs,
    CoverInfo,
    EducationModule,
    GoalLine,
    HomeService,
    Medicine,
    MedicineGroup,
    MedicinesSection,
    PacketContent,
    PacketOptions,
    PendingResult,
    build_calendar,
)
from transitions.packet.i18n import Messages
from transitions.services.encounters import load_encounter
from transitions.services.uow import UnitOfWork


def discharge_day(encounter: Encounter, site: SiteConfig) -> date | None:
    """The day the patient leaves: the actual discharge, else the planned one, else None."""
    moment = encounter.discharge_time or encounter.planned_discharge_time
    return moment.astimezone(site.timezone).date() if moment else None


def cover_section(uow: UnitOfWork, encounter: Encounter) -> CoverInfo:
    patient = encounter.patient
    pcp = patient.pcp
    pcp_phone = None
    if pcp is not None:
        pcp_phone = pcp.phone or (pcp.clinic.phone if pcp.clinic else None)
    clinician = None
    if encounter.discharged_by is not None:
        clinician = encounter.discharged_by.display_name
    elif encounter.attending is not None:
        clinician = encounter.attending.display_name
    reasons = tuple(d.description for d in encounter.diagnoses if d.description)[:3]
    return CoverInfo(
        patient_name=f"{patient.given_name} {patient.family_name}",
        mrn=patient.mrn,
        visit_number=encounter.visit_number,
        birth_date=patient.birth_date,
        discharge_date=discharge_day(encounter, uow.site),
        hospital_name=uow.site.hospital_name,
        unit_name=encounter.unit.name if encounter.unit else None,
        unit_phone=encounter.unit.phone if encounter.unit else None,
        callback_phone=uow.site.callback_phone or None,
        discharge_clinician=clinician,
        pcp_name=pcp.display_name if pcp else None,
        pcp_phone=pcp_phone,
        reasons_for_stay=reasons,
    )


def how_and_when(
    route: str | None, frequency: str | None, msg: Messages
) -> tuple[str | None, tuple[str, ...], str | None]:
    """(how and when in plain words, schedule slots, PRN reason) of a medicine's directions."""
    terms = default_terms()
    parts: list[str] = []
    times: tuple[str, ...] = ()
    reason = None
    if route:
        try:
            code = parse_route(route, terms)
            parts.append(msg.route(code, terms.routes[code].label))
        except ValidationError:
            parts.append(route)
    if frequency:
        try:
            sig = parse_frequency(frequency, terms)
        except ValidationError:
            parts.append(frequency)
        else:
            assert sig.frequency is not None
            if sig.frequency.code != "prn":
                parts.append(msg.frequency(sig.frequency.code, sig.frequency.label))
            times = sig.frequency.times
            reason = sig.indication
    return (", ".join(parts) or None), times, reason


def medicines_section(uow: UnitOfWork, encounter: Encounter, msg: Messages) -> MedicinesSection:
    """The medicines: the signed reconciliation's NEW / CHANGED / KEEP / STOP groups; until the
    reconciliation is signed the list is not final, and the home medicines are shown as
    recorded, in no group."""
    from transitions.services.packet_sections import reconciled_medicines

    reconciled = reconciled_medicines(uow, encounter, msg)
    if reconciled is not None:
        return reconciled
    home = [m for m in encounter.medications if m.list_kind is MedicationList.HOME]
    medicines = []
    for entry in home:
        how, times, reason = how_and_when(entry.route, entry.frequency, msg)
        medicines.append(
            Medicine(
                group=MedicineGroup.KEEP,
                name=entry.drug_name,
                purpose=entry.indication,
                dose=entry.dose,
                how=how,
                times=() if entry.prn else times,
                prn=entry.prn,
                prn_reason=reason,
            )
        )
    return MedicinesSection(final=False, medicines=tuple(medicines))


def appointments_section(
    uow: UnitOfWork, encounter: Encounter, msg: Messages
) -> tuple[Appointment, ...]:
    """Follow-up appointments and tests still booked (requested, booked or confirmed)."""
    from transitions.services.packet_sections import booked_appointments

    return booked_appointments(uow, encounter, msg)


def calendar_section(
    uow: UnitOfWork, encounter: Encounter, appointments: tuple[Appointment, ...]
) -> Calendar30 | None:
    """The 30 days after discharge, printed when there is something to put on them
    (appointments): holidays of the site calendar and the day-2 follow-up call are added."""
    start = discharge_day(encounter, uow.site)
    if start is None or not appointments:
        return None
    calendar = uow.site.holiday_calendar
    call_day = tcm_deadlines(start, calendar).contact_due
    return build_calendar(CalendarInputs(start, appointments, call_day=call_day), calendar)


def pending_results_section(
    uow: UnitOfWork, encounter: Encounter, msg: Messages
) -> tuple[PendingResult, ...]:
    """Results not back at discharge and who tells the patient."""
    from transitions.services.packet_sections import pending_results

    return pending_results(uow, encounter, msg)


def home_services_section(
    uow: UnitOfWork, encounter: Encounter, msg: Messages
) -> tuple[HomeService, ...]:
    """Home health, oxygen, equipment arranged for home."""
    from transitions.services.packet_sections import arranged_home_services

    return arranged_home_services(uow, encounter, msg)


def education_section(
    uow: UnitOfWork, encounter: Encounter, language: str
) -> tuple[EducationModule, ...]:
    """Taught education modules with their warning signs, in ``language``."""
    from transitions.services.packet_sections import taught_education

    return taught_education(uow, encounter, language)


def goals_section(uow: UnitOfWork, encounter: Encounter) -> tuple[GoalLine, ...]:
    """ "My goals": the stay's active goals (patient's words, target, date)."""
    from transitions.services.goals import packet_goals

    return packet_goals(uow, encounter)


def allergies_section(uow: UnitOfWork, encounter: Encounter) -> tuple[AllergyLine, ...]:
    return tuple(
        AllergyLine(a.substance, a.reaction, a.severity.value) for a in encounter.patient.allergies
    )


#: The builders, by section, for the lead to swap in other issues' services after merging.
SECTION_BUILDERS: dict[str, Callable[..., Any]] = {
    "cover": cover_section,
    "medicines": medicines_section,
    "appointments": appointments_section,
    "calendar": calendar_section,
    "pending_results": pending_results_section,
    "home_services": home_services_section,
    "education": education_section,
    "allergies": allergies_section,
    "goals": goals_section,
}


def build_packet_content(
    uow: UnitOfWork, encounter_id: int, options: PacketOptions
) -> PacketContent:
    """Everything the stay has for the packet, section by section (no permission check: the
    public functions below check and audit)."""
    encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=None)
    return build_content(uow, encounter, options)


def build_content(uow: UnitOfWork, encounter: Encounter, options: PacketOptions) -> PacketContent:
    msg = Messages(options.language)
    b = SECTION_BUILDERS
    appointments = b["appointments"](uow, encounter, msg)
    return PacketContent(
        cover=b["cover"](uow, encounter),
        medicines=b["medicines"](uow, encounter, msg),
        appointments=appointments,
        calendar=b["calendar"](uow, encounter, appointments),
        pending_results=b["pending_results"](uow, encounter, msg),
        home_services=b["home_services"](uow, encounter, msg),
        education=b["education"](uow, encounter, options.language),
        allergies=b["allergies"](uow, encounter),
        goals=b["goals"](uow, encounter),
    )
