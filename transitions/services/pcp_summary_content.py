"""The content of a stay's summary to the primary care provider, from what the workflows stored.

Each part reuses the workflow's own service: the reconciliation view (medicines, changes and
reasons), pending tests and home services, the follow-up plan (appointments, TCM deadlines), the
stored LACE/HOSPITAL assessment (or the same scores computed now when none is stored), the
education plan. No permission check and no audit here: :mod:`transitions.services.pcp_summary`
checks and audits.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

from transitions.db.models import Encounter, Provider
from transitions.db.pcp_summary_models import PcpSummary
from transitions.domain.codes import discharge_dispositions
from transitions.domain.followup import RiskStage, combined_tier
from transitions.domain.medrec.workflow import ReconciliationStatus
from transitions.packet.summary_content import (
    Recipient,
    SummaryAllergy,
    SummaryAppointment,
    SummaryContent,
    SummaryDiagnosis,
    SummaryEducation,
    SummaryHomeService,
    SummaryLab,
    SummaryMedication,
    SummaryMedications,
    SummaryPatient,
    SummaryPendingResult,
    SummaryRisk,
    SummaryStay,
    TransitionalCare,
)
from transitions.packet.summary_i18n import SummaryMessages
from transitions.services import appointments, education, followup_items, followup_risk
from transitions.services.encounters import age_on, length_of_stay_days
from transitions.services.medrec_view import SourceLine, build_view
from transitions.services.uow import UnitOfWork

_FINAL = {ReconciliationStatus.SIGNED.value, ReconciliationStatus.VERIFIED.value}


def _local(uow: UnitOfWork, moment: datetime | None) -> datetime | None:
    return moment.astimezone(uow.tz) if moment else None


def pcp_recipient(pcp: Provider | None) -> Recipient:
    """The patient's PCP on record: name, practice, phone and fax (the provider's own numbers,
    else the practice's)."""
    if pcp is None:
        return Recipient(name=None)
    clinic = pcp.clinic
    return Recipient(
        name=pcp.display_name,
        practice=clinic.name if clinic else None,
        phone=pcp.phone or (clinic.phone if clinic else None),
        fax=pcp.fax or (clinic.fax if clinic else None),
        address=clinic.address if clinic else None,
    )


def _patient(uow: UnitOfWork, encounter: Encounter, msg: SummaryMessages) -> SummaryPatient:
    p = encounter.patient
    caregiver = None
    if p.caregiver_name:
        caregiver = ", ".join(
            part for part in (p.caregiver_name, p.caregiver_relation, p.caregiver_phone) if part
        )
    middle = f" {p.middle_name}" if p.middle_name else ""
    return SummaryPatient(
        name=f"{p.family_name}, {p.given_name}{middle}",
        mrn=p.mrn,
        birth_date=p.birth_date,
        age=age_on(p.birth_date, uow.today()),
        sex=p.sex.value,
        language=msg.keyed("languages", p.preferred_language),
        interpreter_needed=p.interpreter_needed,
        phone=p.phone,
        caregiver=caregiver,
        pharmacy=p.preferred_pharmacy,
    )


def _stay(uow: UnitOfWork, encounter: Encounter) -> SummaryStay:
    discharge = encounter.discharge_time or encounter.planned_discharge_time
    end = encounter.discharge_time or encounter.planned_discharge_time or uow.now()
    unit = encounter.unit.name if encounter.unit else None
    room = f"{encounter.room}-{encounter.bed}" if encounter.room and encounter.bed else None
    disposition = encounter.discharge_disposition
    return SummaryStay(
        visit_number=encounter.visit_number,
        admitted=encounter.admit_time.astimezone(uow.tz),
        discharge=_local(uow, discharge),
        discharge_planned=encounter.discharge_time is None,
        length_of_stay_days=max(length_of_stay_days(encounter.admit_time, end, uow.tz), 0),
        unit=" ".join(part for part in (unit, room) if part) or None,
        admission_type=encounter.admission_type.value,
        service=encounter.hospital_service,
        attending=encounter.attending.display_name if encounter.attending else None,
        disposition=(
            discharge_dispositions().get(disposition, disposition) if disposition else None
        ),
        discharged_by=encounter.discharged_by.display_name if encounter.discharged_by else None,
    )


def _before(line: SourceLine | None) -> str | None:
    if line is None:
        return None
    return " ".join(part for part in (line.dose, line.route, line.frequency) if part) or None


def _medications(uow: UnitOfWork, encounter: Encounter) -> SummaryMedications:
    view = build_view(uow, encounter)
    if view.status not in _FINAL:
        recorded = tuple(
            SummaryMedication("recorded", h.drug, h.dose, h.route, h.frequency, h.prn, h.indication)
            for h in view.home
        )
        return SummaryMedications(final=False, medications=recorded)
    sources = {line.key: line for line in (*view.home, *view.inpatient)}
    meds: list[SummaryMedication] = []
    for d in view.discharge:
        if d.decision == "continue":
            group, previous = "continued", None
        elif d.decision == "change":
            group, previous = "changed", _before(sources.get(d.from_key or ""))
        else:  # new: an inpatient order going home, or added at discharge
            group, previous = "new", None
        meds.append(
            SummaryMedication(
                group=group,
                name=d.drug,
                dose=d.dose,
                route=d.route,
                frequency=d.frequency,
                prn=d.prn,
                indication=d.indication,
                previous=previous,
                reason=d.reason,
            )
        )
    for home in view.home:
        if home.decision == "stop":
            meds.append(
                SummaryMedication(
                    "stopped", home.drug, home.dose, home.route, home.frequency, home.prn,
                    home.indication, reason=home.reason,
                )
            )  # fmt: skip
    return SummaryMedications(
        final=True,
        signed_by=view.signed_by,
        signed_at=_local(uow, view.signed_at),
        verified_by=view.second_signed_by,
        verified_at=_local(uow, view.second_signed_at),
        medications=tuple(meds),
    )


def _appointments(
    uow: UnitOfWork, encounter: Encounter
) -> tuple[tuple[SummaryAppointment, ...], TransitionalCare]:
    plan = appointments.follow_up_plan_of(uow, encounter)
    booked = tuple(
        SummaryAppointment(
            starts=a.starts_at.astimezone(uow.tz),
            kind=a.type.value,
            with_whom=a.provider,
            place=a.clinic,
            phone=a.clinic_phone,
            status=a.status.value,
        )
        for a in plan.appointments
        if a.is_open
    )
    tcm = TransitionalCare(plan.deadlines.contact_due, plan.visit_due, plan.risk_tier.value)
    return booked, tcm


def _risk(uow: UnitOfWork, encounter: Encounter) -> SummaryRisk:
    row = followup_risk.latest_assessment(uow, encounter.id)
    if row is not None:
        view = followup_risk.view_of(row)
        missing = tuple(item.label for item in (*view.lace, *view.hospital) if item.missing)
        return SummaryRisk(
            view.lace_score, view.lace_tier, view.hospital_score, view.hospital_tier, view.tier,
            missing, view.stage, view.computed_at.astimezone(uow.tz),
        )  # fmt: skip
    # nothing stored yet: the same scores from today's data, said to be computed for the summary
    scored = followup_risk.score_facts(followup_risk.facts_of(uow, encounter, RiskStage.DISCHARGE))
    items = [*scored["details"]["lace"], *scored["details"]["hospital"]]
    return SummaryRisk(
        lace_score=scored["lace_score"],
        lace_tier=scored["lace_tier"],
        hospital_score=scored["hospital_score"],
        hospital_tier=scored["hospital_tier"],
        tier=combined_tier(scored["lace_tier"], scored["hospital_tier"]),
        missing=tuple(str(item["label"]) for item in items if item["missing"]),
        stage=None,
        computed_at=uow.now().astimezone(uow.tz),
    )


def _labs(uow: UnitOfWork, encounter: Encounter) -> tuple[SummaryLab, ...]:
    """The latest result of each test (LOINC code), in the order first measured."""
    latest: dict[str, SummaryLab] = {}
    for lab in sorted(encounter.labs, key=lambda lab: lab.observed_at):
        value = format(lab.value.normalize(), "f")
        latest[lab.loinc_code] = SummaryLab(
            lab.name, value, lab.unit, lab.observed_at.astimezone(uow.tz)
        )
    return tuple(latest.values())


def _education(uow: UnitOfWork, encounter: Encounter) -> tuple[SummaryEducation, ...]:
    view = education.plan_view(uow, encounter)
    return tuple(
        SummaryEducation(
            m.title_en,
            m.progress.done,
            m.progress.required,
            m.progress.needs_reinforcement,
        )
        for m in view.modules
        if any(item.history for item in m.items)
    )


def build_summary_content(
    uow: UnitOfWork,
    encounter: Encounter,
    summary: PcpSummary | None,
    language: str,
    recipient_name: str | None = None,
) -> SummaryContent:
    """Everything the summary says about the stay. ``recipient_name`` replaces the PCP's name
    (a covering or new provider); the practice and numbers then come only from the PCP record
    when the name is the PCP's own."""
    msg = SummaryMessages(language)
    recipient = pcp_recipient(encounter.patient.pcp)
    if recipient_name and recipient_name != recipient.name:
        recipient = Recipient(name=recipient_name)
    booked, tcm = _appointments(uow, encounter)
    patient = encounter.patient
    return SummaryContent(
        hospital=uow.site.hospital_name,
        hospital_phone=uow.site.callback_phone or None,
        patient=_patient(uow, encounter, msg),
        stay=_stay(uow, encounter),
        recipient=recipient,
        diagnoses=tuple(
            SummaryDiagnosis(d.code, d.code_system.value, d.description, d.principal)
            for d in encounter.diagnoses
        ),
        allergies=tuple(
            SummaryAllergy(a.substance, a.reaction, a.severity.value) for a in patient.allergies
        ),
        hospital_course=summary.hospital_course if summary else "",
        course_by=summary.course_updated_by if summary else None,
        course_at=_local(uow, summary.course_updated_at) if summary else None,
        medications=_medications(uow, encounter),
        pending_results=tuple(
            SummaryPendingResult(
                t.test_name, t.ordered_by, t.expected_on, t.responsible, t.notify_by.value
            )
            for t in followup_items.pending_tests(uow, encounter.id)
        ),
        appointments=booked,
        transitional_care=tcm,
        home_services=tuple(
            SummaryHomeService(h.kind.value, h.description, h.vendor, h.vendor_phone, h.starts_on)
            for h in followup_items.home_services(uow, encounter.id)
        ),
        labs=_labs(uow, encounter),
        risk=_risk(uow, encounter),
        education=_education(uow, encounter),
    )


def content_fingerprint(content: SummaryContent) -> str:
    """SHA-256 of what the summary says about the stay, leaving out when the risk was computed
    for the summary (that changes at every rendering, the stay does not)."""
    stable = content
    if content.risk is not None and content.risk.stage is None:
        stable = replace(content, risk=replace(content.risk, computed_at=content.stay.admitted))
    return hashlib.sha256(repr(stable).encode("utf-8")).hexdigest()
