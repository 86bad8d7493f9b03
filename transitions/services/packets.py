"""Discharge packets: build the content of a stay, render it, store it, reprint it, audit output.

Content is assembled by one builder function per section (:data:`SECTION_BUILDERS`), each
reading only what the database holds today. Medication reconciliation, appointments and
education arrive with their own issues; their builders here return nothing until then, and the
packet prints no heading for an empty section. When no reconciliation exists the medicines
section says the list is not final and shows the home list as recorded, never invented groups.

Every generated packet is stored (PDF bytes, SHA-256, options, who, when). Generating again for
an unchanged stay with the same options returns the latest stored version; a changed stay (or
other options) makes the next version. A reprint returns the stored bytes unchanged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from transitions.config import SiteConfig
from transitions.db.models import Encounter, MedicationEntry, Patient, Unit
from transitions.db.packet_models import DischargePacket
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import MedicationList
from transitions.domain.medrec.sig import parse_frequency, parse_route
from transitions.domain.medrec.terms import default_terms
from transitions.domain.tcm import tcm_deadlines
from transitions.errors import NotFoundError, ValidationError
from transitions.packet.content import (
    AllergyLine,
    Appointment,
    Branding,
    Calendar30,
    CalendarInputs,
    CoverInfo,
    EducationModule,
    HomeService,
    Medicine,
    MedicineGroup,
    MedicinesSection,
    PacketContent,
    PacketOptions,
    PendingResult,
    build_calendar,
)
from transitions.packet.i18n import DEFAULT_LANGUAGE, Messages, languages
from transitions.packet.render import Rendered, render
from transitions.services.encounters import local_day_bounds, register_stay_section
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

#: output actions written to the audit trail
OUTPUT_ACTIONS = ("print", "export", "reprint")


# -- the sections: one builder each -------------------------------------------------------------


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


def _how(entry: MedicationEntry, msg: Messages) -> tuple[str | None, tuple[str, ...], str | None]:
    """(how and when in plain words, schedule slots, PRN reason) of a recorded medication."""
    terms = default_terms()
    parts: list[str] = []
    times: tuple[str, ...] = ()
    reason = None
    if entry.route:
        try:
            code = parse_route(entry.route, terms)
            parts.append(msg.route(code, terms.routes[code].label))
        except ValidationError:
            parts.append(entry.route)
    if entry.frequency:
        try:
            sig = parse_frequency(entry.frequency, terms)
        except ValidationError:
            parts.append(entry.frequency)
        else:
            assert sig.frequency is not None
            if sig.frequency.code != "prn":
                parts.append(msg.frequency(sig.frequency.code, sig.frequency.label))
            times = sig.frequency.times
            reason = sig.indication
    return (", ".join(parts) or None), times, reason


def medicines_section(uow: UnitOfWork, encounter: Encounter, msg: Messages) -> MedicinesSection:
    """The medicines. Until medication reconciliation (issue 4) records decisions, the list is
    not final: the home medicines are shown as recorded, in no NEW/CHANGED/STOP group."""
    home = [m for m in encounter.medications if m.list_kind is MedicationList.HOME]
    medicines = []
    for entry in home:
        how, times, reason = _how(entry, msg)
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


def appointments_section(uow: UnitOfWork, encounter: Encounter) -> tuple[Appointment, ...]:
    """Follow-up appointments and tests (issue 5 fills this in)."""
    return ()


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


def pending_results_section(uow: UnitOfWork, encounter: Encounter) -> tuple[PendingResult, ...]:
    """Results not back at discharge and who tells the patient (issue 5)."""
    return ()


def home_services_section(uow: UnitOfWork, encounter: Encounter) -> tuple[HomeService, ...]:
    """Home health, equipment (issue 5)."""
    return ()


def education_section(
    uow: UnitOfWork, encounter: Encounter, language: str
) -> tuple[EducationModule, ...]:
    """Taught education modules with their warning signs, in ``language`` (issue 6)."""
    return ()


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
}


def _load(uow: UnitOfWork, encounter_id: int | None, visit_number: str | None) -> Encounter:
    query = select(Encounter).options(
        selectinload(Encounter.patient).selectinload(Patient.allergies),
        selectinload(Encounter.patient).selectinload(Patient.pcp),
        selectinload(Encounter.unit),
        selectinload(Encounter.attending),
        selectinload(Encounter.discharged_by),
        selectinload(Encounter.diagnoses),
        selectinload(Encounter.medications),
    )
    if encounter_id is not None:
        query = query.where(Encounter.id == encounter_id)
    else:
        query = query.where(Encounter.visit_number == visit_number)
    encounter = uow.session.scalar(query)
    if encounter is None:
        what = f"visit number '{visit_number}'" if visit_number else f"id {encounter_id}"
        raise NotFoundError(f"no stay with {what}")
    return encounter


def build_packet_content(
    uow: UnitOfWork, encounter_id: int, options: PacketOptions
) -> PacketContent:
    """Everything the stay has for the packet, section by section (no permission check: the
    public functions below check and audit)."""
    return _content(uow, _load(uow, encounter_id, None), options)


def _content(uow: UnitOfWork, encounter: Encounter, options: PacketOptions) -> PacketContent:
    msg = Messages(options.language)
    b = SECTION_BUILDERS
    appointments = b["appointments"](uow, encounter)
    return PacketContent(
        cover=b["cover"](uow, encounter),
        medicines=b["medicines"](uow, encounter, msg),
        appointments=appointments,
        calendar=b["calendar"](uow, encounter, appointments),
        pending_results=b["pending_results"](uow, encounter),
        home_services=b["home_services"](uow, encounter),
        education=b["education"](uow, encounter, options.language),
        allergies=b["allergies"](uow, encounter),
    )


# -- options, branding ------------------------------------------------------------------------


def branding_of(site: SiteConfig) -> Branding:
    return Branding(
        hospital_name=site.hospital_name,
        callback_phone=site.callback_phone or None,
        logo_path=site.packet_logo or None,
        primary_colour=site.packet_primary_colour,
        accent_colour=site.packet_accent_colour,
    )


def packet_language(preferred: str | None) -> str:
    """The patient's preferred language when the packet has it, else English."""
    code = (preferred or "").strip().lower()
    return code if code in languages() else DEFAULT_LANGUAGE


def resolve_options(
    site: SiteConfig, *, language: str | None, large_print: bool, preferred: str | None = None
) -> PacketOptions:
    chosen = language or packet_language(preferred)
    Messages(chosen)  # raises ValidationError for an unknown language
    return PacketOptions(language=chosen, large_print=large_print, paper=site.packet_paper)


# -- stored packets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PacketJob:
    """A packet ready to render (picklable: rendering may run in another process)."""

    encounter_id: int
    visit_number: str
    patient_id: int
    content: PacketContent
    options: PacketOptions
    branding: Branding
    printed_at: datetime
    content_sha256: str


@dataclass(frozen=True)
class PacketVersion:
    id: int
    encounter_id: int
    version: int
    language: str
    large_print: bool
    paper: str
    sha256: str
    size_bytes: int
    page_count: int
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class StoredPacket:
    info: PacketVersion
    pdf: bytes
    #: False when an unchanged stay returned its latest stored version
    new: bool = True


def _fingerprint(content: PacketContent, options: PacketOptions, branding: Branding) -> str:
    text = repr((content, options, branding))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def plan_packet(
    uow: UnitOfWork, encounter: Encounter, options: PacketOptions | None = None
) -> PacketJob:
    options = options or resolve_options(
        uow.site, language=None, large_print=False, preferred=encounter.patient.preferred_language
    )
    content = _content(uow, encounter, options)
    branding = branding_of(uow.site)
    return PacketJob(
        encounter_id=encounter.id,
        visit_number=encounter.visit_number,
        patient_id=encounter.patient_id,
        content=content,
        options=options,
        branding=branding,
        printed_at=uow.now().astimezone(uow.tz),
        content_sha256=_fingerprint(content, options, branding),
    )


def render_job(job: PacketJob) -> Rendered:
    """Pure: the job's PDF (runs in a worker process for batches)."""
    return render(job.content, job.options, job.branding, job.printed_at)


def _version(row: DischargePacket) -> PacketVersion:
    return PacketVersion(
        id=row.id,
        encounter_id=row.encounter_id,
        version=row.version,
        language=row.language,
        large_print=row.large_print,
        paper=row.paper,
        sha256=row.sha256,
        size_bytes=row.size_bytes,
        page_count=row.page_count,
        created_at=row.created_at,
        created_by=row.created_by,
    )


def _latest(uow: UnitOfWork, encounter_id: int) -> DischargePacket | None:
    return uow.session.scalar(
        select(DischargePacket)
        .where(DischargePacket.encounter_id == encounter_id)
        .order_by(DischargePacket.version.desc())
        .limit(1)
    )


def _store(uow: UnitOfWork, actor: Actor, job: PacketJob, rendered: Rendered) -> DischargePacket:
    latest = _latest(uow, job.encounter_id)
    options = {**job.options.to_json(), "branding": job.branding.__dict__}
    row = DischargePacket(
        encounter_id=job.encounter_id,
        version=(latest.version + 1) if latest else 1,
        language=job.options.language,
        large_print=job.options.large_print,
        paper=job.options.paper,
        options=json.dumps(options, sort_keys=True),
        content_sha256=job.content_sha256,
        pdf=rendered.pdf,
        sha256=hashlib.sha256(rendered.pdf).hexdigest(),
        size_bytes=len(rendered.pdf),
        page_count=rendered.pages,
        created_at=job.printed_at,
        created_by_id=actor.user_id,
        created_by=actor.display_name,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit(
        actor,
        "generate",
        "discharge_packet",
        f"{job.visit_number}#{row.version}",
        patient_id=job.patient_id,
        details={"after": {"version": row.version, "sha256": row.sha256, **job.options.to_json()}},
    )
    return row


def generate_packet(
    uow: UnitOfWork,
    actor: Actor,
    *,
    encounter_id: int | None = None,
    visit_number: str | None = None,
    language: str | None = None,
    large_print: bool = False,
) -> StoredPacket:
    """The packet of a stay: the latest stored version if nothing changed, else a new one.

    ``language`` None means the patient's preferred language (English when unsupported).
    """
    require(actor, "packet.print")
    encounter = _load(uow, encounter_id, visit_number)
    options = resolve_options(
        uow.site,
        language=language,
        large_print=large_print,
        preferred=encounter.patient.preferred_language,
    )
    job = plan_packet(uow, encounter, options)
    latest = _latest(uow, encounter.id)
    if latest is not None and latest.content_sha256 == job.content_sha256:
        uow.audit(
            actor, "view", "discharge_packet", f"{encounter.visit_number}#{latest.version}",
            patient_id=encounter.patient_id,
        )  # fmt: skip
        uow.commit()
        return StoredPacket(_version(latest), latest.pdf, new=False)
    row = _store(uow, actor, job, render_job(job))
    result = StoredPacket(_version(row), row.pdf)
    uow.commit()
    return result


def unchanged_packet(uow: UnitOfWork, job: PacketJob) -> StoredPacket | None:
    """The latest stored packet of the job's stay when it has the same content and options."""
    latest = _latest(uow, job.encounter_id)
    if latest is not None and latest.content_sha256 == job.content_sha256:
        return StoredPacket(_version(latest), latest.pdf, new=False)
    return None


def store_rendered(
    uow: UnitOfWork, actor: Actor, job: PacketJob, rendered: Rendered
) -> StoredPacket:
    """Store a packet rendered elsewhere (batch) and commit."""
    require(actor, "packet.batch_print")
    row = _store(uow, actor, job, rendered)
    result = StoredPacket(_version(row), row.pdf)
    uow.commit()
    return result


def list_packets(uow: UnitOfWork, actor: Actor, encounter_id: int) -> list[PacketVersion]:
    """The stored versions of a stay's packet, newest first (no PDF bytes)."""
    require(actor, "packet.print")
    rows = uow.session.scalars(
        select(DischargePacket)
        .where(DischargePacket.encounter_id == encounter_id)
        .order_by(DischargePacket.version.desc())
    )
    return [_version(row) for row in rows]


def get_packet(uow: UnitOfWork, actor: Actor, packet_id: int) -> StoredPacket:
    """A stored packet with its exact bytes (a reprint is byte-identical)."""
    require(actor, "packet.print")
    row = uow.session.get(DischargePacket, packet_id)
    if row is None:
        raise NotFoundError(f"no stored packet with id {packet_id}")
    return StoredPacket(_version(row), row.pdf, new=False)


def record_output(
    uow: UnitOfWork, actor: Actor, packet_id: int, action: str, target: str | None = None
) -> None:
    """Audit that a stored packet was printed, exported (saved as PDF) or reprinted."""
    require(actor, "packet.print")
    if action not in OUTPUT_ACTIONS:
        raise ValidationError(f"unknown packet output '{action}'", field="action")
    row = uow.session.get(DischargePacket, packet_id)
    if row is None:
        raise NotFoundError(f"no stored packet with id {packet_id}")
    encounter = uow.session.get(Encounter, row.encounter_id)
    assert encounter is not None
    uow.audit(
        actor,
        action,
        "discharge_packet",
        f"{encounter.visit_number}#{row.version}",
        patient_id=encounter.patient_id,
        # the target is a printer name or "file"; file paths may name the patient: not logged
        details={"after": {"sha256": row.sha256, "target": target or ""}},
    )
    uow.commit()


# -- batch: a unit's discharges of a day ------------------------------------------------------


@dataclass(frozen=True)
class DischargeRow:
    encounter_id: int
    visit_number: str
    patient_name: str
    language: str


def _unit(uow: UnitOfWork, unit_code: str) -> Unit:
    unit = uow.session.scalar(select(Unit).where(func.upper(Unit.code) == unit_code.upper()))
    if unit is None:
        raise NotFoundError(f"no unit with code '{unit_code}'")
    return unit


def discharges_on(uow: UnitOfWork, actor: Actor, unit_code: str, day: date) -> list[DischargeRow]:
    """A unit's stays leaving on ``day`` (site time): discharged that day, or planned for that
    day and not discharged yet. Cancelled stays are left out."""
    require(actor, "packet.batch_print")
    unit = _unit(uow, unit_code)
    start, end = local_day_bounds(day, uow.tz)
    rows = uow.session.execute(
        select(
            Encounter.id,
            Encounter.visit_number,
            Patient.given_name,
            Patient.family_name,
            Patient.preferred_language,
        )
        .join(Patient, Patient.id == Encounter.patient_id)
        .where(
            Encounter.unit_id == unit.id,
            Encounter.status != EncounterStatus.CANCELLED,
            or_(
                (Encounter.discharge_time >= start) & (Encounter.discharge_time < end),
                Encounter.discharge_time.is_(None)
                & (Encounter.planned_discharge_time >= start)
                & (Encounter.planned_discharge_time < end),
            ),
        )
        .order_by(Patient.family_name, Patient.given_name, Encounter.visit_number)
    ).all()
    return [
        DischargeRow(r.id, r.visit_number, f"{r.family_name}, {r.given_name}",
                     packet_language(r.preferred_language))
        for r in rows
    ]  # fmt: skip


def plan_batch(
    uow: UnitOfWork, actor: Actor, encounter_ids: list[int], *, large_print: bool = False
) -> list[PacketJob]:
    """Jobs for several stays, each in its patient's language."""
    require(actor, "packet.batch_print")
    jobs = []
    for encounter_id in encounter_ids:
        encounter = _load(uow, encounter_id, None)
        options = resolve_options(
            uow.site, language=None, large_print=large_print,
            preferred=encounter.patient.preferred_language,
        )  # fmt: skip
        jobs.append(plan_packet(uow, encounter, options))
    return jobs


def _packets_section(uow: UnitOfWork, encounter: Encounter) -> list[dict[str, Any]]:
    """``encounter show --json``: the stored packet versions (no PDF bytes)."""
    rows = uow.session.scalars(
        select(DischargePacket)
        .where(DischargePacket.encounter_id == encounter.id)
        .order_by(DischargePacket.version.desc())
    )
    return [asdict(_version(row)) for row in rows]


register_stay_section("packets", _packets_section)
