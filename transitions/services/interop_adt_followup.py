"""The follow-up work of ADT events on a batch's rows: a discharged inpatient stay is scored and
given its follow-up tasks (:func:`transitions.services.followup.create_followup_tasks`), and
readmissions are linked (:func:`interop_records.link_readmissions` with
:func:`followup.link_readmission`), with the same results and audit events, from the same pure
rules (:func:`followup_risk.score_facts`, :func:`plan_tasks`)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import AdmissionType, EncounterClass
from transitions.domain.followup import (
    READMISSION_WINDOW_DAYS,
    PlannedTask,
    RiskStage,
    TaskKind,
    TaskStatus,
    combined_tier,
    plan_tasks,
)
from transitions.services.encounters import ED_VISIT_LEADING_TO_ADMISSION, length_of_stay_days
from transitions.services.followup_risk import (
    HEMOGLOBIN_LOINC,
    SODIUM_LOINC,
    StayFacts,
    score_facts,
)
from transitions.services.interop_adt_rows import PatientRow, RiskRow, StayRow, TaskRow
from transitions.services.interop_records import READMISSION_WINDOW

if TYPE_CHECKING:
    from transitions.services.interop_adt import AdtApplier

SOURCE = "adt"
# the windows of encounters.prior_utilization
_SIX_MONTHS = relativedelta(months=6)
_TWELVE_MONTHS = relativedelta(months=12)


# -- follow-up at discharge (followup.create_followup_tasks) ------------------------------------


def _facts(applier: AdtApplier, stay: StayRow) -> StayFacts:
    """:func:`followup_risk.facts_of` at discharge, from the batch's rows."""
    assert stay.discharge_time is not None
    admit = stay.admit_time
    stays = applier.state.patients[stay.patient_id].stays
    ed_from = admit - _SIX_MONTHS
    ed_before = admit - ED_VISIT_LEADING_TO_ADMISSION
    admissions_from = admit - _TWELVE_MONTHS
    ed_visits = sum(
        1
        for s in stays
        if s.encounter_class is EncounterClass.EMERGENCY and ed_from <= s.admit_time < ed_before
    )
    admissions = sum(
        1
        for s in stays
        if s.encounter_class is EncounterClass.INPATIENT
        and s.id != stay.id
        and s.status is not EncounterStatus.CANCELLED
        and admissions_from <= s.admit_time < admit
    )
    latest: dict[str, float] = {}
    for lab in sorted(stay.labs, key=lambda lab: lab.observed_at):
        latest[lab.loinc_code] = float(lab.value)
    # the order the stay's diagnoses are read in: principal first, then by rank
    diagnoses = sorted(stay.diagnoses, key=lambda d: (not d.principal, d.rank))
    return StayFacts(
        los_days=max(length_of_stay_days(admit, stay.discharge_time, applier.uow.tz), 0),
        admission_type=stay.admission_type,
        hospital_service=stay.hospital_service,
        diagnoses=tuple((d.code_system, d.code) for d in diagnoses),
        hemoglobin_g_dl=latest.get(HEMOGLOBIN_LOINC),
        sodium_mmol_l=latest.get(SODIUM_LOINC),
        procedure=None,
        ed_visits_6mo=ed_visits,
        admissions_12mo=admissions,
    )


def followup_at_discharge(applier: AdtApplier, stay: StayRow) -> None:
    assert stay.discharge_time is not None
    scored = score_facts(_facts(applier, stay))
    risk = stay.risks.get(RiskStage.DISCHARGE)
    if risk is None:
        risk = stay.risks[RiskStage.DISCHARGE] = RiskRow(None, stay.id, RiskStage.DISCHARGE)
        applier.state.new_risks.append(risk)
    elif risk.id is not None:
        applier.state.dirty_risks[risk.id] = risk
    risk.computed_at = applier.uow.now()
    risk.lace_score = scored["lace_score"]
    risk.lace_tier = scored["lace_tier"]
    risk.hospital_score = scored["hospital_score"]
    risk.hospital_tier = scored["hospital_tier"]
    risk.missing = ",".join(scored["missing"])
    risk.details = json.dumps(scored["details"])
    applier.audit(
        "assess_risk",
        "encounter",
        stay.visit_number,
        stay.patient_id,
        {
            "after": {
                "stage": RiskStage.DISCHARGE.value,
                "lace": scored["lace_score"],
                "hospital": scored["hospital_score"],
                "missing": scored["missing"],
            }
        },
    )
    planned = _plan_tasks(
        applier,
        applier.local_date(stay.discharge_time),
        combined_tier(risk.lace_tier, risk.hospital_tier),
    )
    created = []
    for task in planned:
        if task.kind in stay.tasks:
            continue
        row = TaskRow(None, stay.id, task.kind, TaskStatus.OPEN, task.due)
        stay.tasks[task.kind] = row
        applier.state.new_tasks.append(row)
        created.append(row)
    if created:
        applier.audit(
            "create_tasks",
            "followup_task",
            stay.visit_number,
            stay.patient_id,
            {"after": {t.kind.value: t.due_date.isoformat() for t in created}},
        )


def _plan_tasks(applier: AdtApplier, discharged: date, tier: str) -> list[PlannedTask]:
    """:func:`plan_tasks` (pure), remembered for the feed's life: working out business
    days on the site's holiday calendar is the slow part of a discharge."""
    site = applier.uow.site
    deadlines = site.visit_deadline_days
    key = (discharged, tier, site.holiday_country, site.holiday_subdivision, deadlines)
    planned = applier.task_plans.get(key)
    if planned is None:
        planned = plan_tasks(
            discharged, tier=tier, calendar=site.holiday_calendar, visit_deadlines=deadlines
        )
        applier.task_plans[key] = planned
    return planned


# -- readmissions (interop_records.link_readmissions + followup.link_readmission) --------------


def link_readmissions(applier: AdtApplier, patient: PatientRow) -> None:
    stays = sorted(
        (s for s in patient.stays if s.encounter_class is EncounterClass.INPATIENT),
        key=lambda s: (s.admit_time, s.id),
    )
    counted = [s for s in stays if s.status is not EncounterStatus.CANCELLED]
    linked: list[StayRow] = []
    for stay in stays:
        index = None
        if stay.status is not EncounterStatus.CANCELLED:
            for earlier in counted:
                if (
                    earlier.id != stay.id
                    and earlier.discharge_time is not None
                    and earlier.discharge_time <= stay.admit_time
                    and stay.admit_time - earlier.discharge_time <= READMISSION_WINDOW
                ):
                    index = earlier  # the latest such discharge wins (ordered by admission)
        new_id = index.id if index is not None else None
        if stay.readmission_of_id != new_id:
            row = applier.uow.audit_row(
                applier.actor, "link_readmission", "encounter", stay.visit_number, patient.id
            )
            # stay ids, maybe of stays not inserted yet: the flush writes the JSON
            row["details"] = {
                "source": SOURCE,
                "before": stay.readmission_of_id,
                "after": new_id,
            }
            applier.state.audits.append(row)
            stay.readmission_of_id = new_id
            applier.state.dirty_stays[stay.id] = stay
        if new_id is not None:
            linked.append(stay)
    for stay in linked:
        _link_readmission(applier, patient, stay)


def _index_stay(applier: AdtApplier, patient: PatientRow, stay: StayRow) -> StayRow | None:
    """:func:`followup.find_index_stay`: the latest discharge 0-30 local days before."""
    earliest = stay.admit_time - timedelta(days=READMISSION_WINDOW_DAYS + 1)
    candidates = sorted(
        (
            s
            for s in patient.stays
            if s.id != stay.id
            and s.encounter_class is EncounterClass.INPATIENT
            and s.status is EncounterStatus.DISCHARGED
            and s.discharge_time is not None
            and earliest <= s.discharge_time <= stay.admit_time
        ),
        key=lambda s: s.discharge_time or stay.admit_time,
        reverse=True,
    )
    admit_day = applier.local_date(stay.admit_time)
    for candidate in candidates:
        assert candidate.discharge_time is not None
        if 0 <= (admit_day - applier.local_date(candidate.discharge_time)).days <= 30:
            return candidate
    return None


def _link_readmission(applier: AdtApplier, patient: PatientRow, stay: StayRow) -> None:
    if stay.linked:
        return
    index = _index_stay(applier, patient, stay)
    if index is None:
        return
    assert index.discharge_time is not None
    planned = stay.admission_type is AdmissionType.ELECTIVE
    admit_day = applier.local_date(stay.admit_time)
    days_after = (admit_day - applier.local_date(index.discharge_time)).days
    applier.state.new_links.append(
        {
            "encounter_id": stay.id,
            "index_encounter_id": index.id,
            "planned": planned,
            "days_after": days_after,
        }
    )
    stay.linked = True
    if stay.readmission_of_id != index.id:
        stay.readmission_of_id = index.id
        applier.state.dirty_stays[stay.id] = stay
    check = index.tasks.get(TaskKind.READMISSION)
    if check is not None and check.status is TaskStatus.OPEN:
        check.status = TaskStatus.DONE
        check.outcome = "readmitted"
        check.event_date = admit_day
        check.closed_at = applier.uow.now()
        check.closed_by = applier.actor.username
        if check.id is not None:
            applier.state.dirty_tasks[check.id] = check
    applier.audit(
        "link_readmission",
        "encounter",
        stay.visit_number,
        stay.patient_id,
        {"after": {"index": index.visit_number, "planned": planned, "days_after": days_after}},
    )
