"""The unit manager's follow-up list and dashboard, and the backfill of existing discharges."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import aliased, selectinload

from transitions.db.followup_models import (
    CallAttempt,
    FollowupTask,
    ReadmissionLink,
    RiskAssessment,
)
from transitions.db.models import Encounter, Patient, Unit
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import AdmissionType, EncounterClass
from transitions.domain.followup import (
    READMISSION_WINDOW_DAYS,
    DashboardCell,
    DischargeOutcome,
    RiskStage,
    TaskKind,
    TaskStatus,
    combined_tier,
    dashboard,
)
from transitions.errors import NotFoundError, ValidationError
from transitions.services.encounters import _jsonable, local_day_bounds
from transitions.services.followup import (
    KIND_ORDER,
    create_followup_tasks,
    link_readmission,
    owner_label,
    owner_names,
)
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

TEAM = "team"  # owner filter value: tasks nobody was assigned (the unit's team)


@dataclass(frozen=True)
class FollowupFilter:
    unit_code: str | None = None
    as_of: date | None = None
    tier: str | None = None  # low / moderate / high (combined)
    overdue_only: bool = False
    owner: str | None = None  # a username, or TEAM
    search: str | None = None


@dataclass(frozen=True)
class FollowupRow:
    encounter_id: int
    visit_number: str
    patient_name: str
    mrn: str
    phone: str | None
    unit: str | None
    discharged: date
    days_since: int
    lace_score: int | None
    lace_tier: str | None
    hospital_score: int | None
    hospital_tier: str | None
    tier: str | None
    risk_missing: tuple[str, ...]
    next_task: str | None
    next_task_id: int | None
    next_due: date | None
    overdue: bool
    owner: str | None
    last_call: str | None
    call_attempts: int
    readmitted: str | None  # visit number of the readmission
    readmission_planned: bool | None
    #: The ward's name and phone number (site file ``[[units]]``), for the list and its export.
    unit_name: str | None = None
    unit_phone: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = _jsonable(asdict(self))
        return data


CSV_COLUMNS = (
    "patient_name",
    "mrn",
    "unit",
    "unit_phone",
    "visit_number",
    "discharged",
    "days_since",
    "lace_score",
    "lace_tier",
    "hospital_score",
    "hospital_tier",
    "next_task",
    "next_due",
    "overdue",
    "owner",
    "last_call",
    "readmitted",
    "readmission_planned",
)


def rows_to_csv(rows: list[FollowupRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        data = row.to_json()
        writer.writerow(
            [
                ""
                if data[c] is None
                else str(data[c]).lower()
                if isinstance(data[c], bool)
                else data[c]
                for c in CSV_COLUMNS
            ]
        )
    return out.getvalue()


def _discharged_in(uow: UnitOfWork, unit_code: str | None, first: date, last: date) -> Any:
    start, _ = local_day_bounds(first, uow.tz)
    _, end = local_day_bounds(last, uow.tz)
    query = (
        select(Encounter, Patient, Unit.code)
        .join(Patient, Encounter.patient_id == Patient.id)
        .outerjoin(Unit, Encounter.unit_id == Unit.id)
        .where(
            Encounter.encounter_class == EncounterClass.INPATIENT,
            Encounter.status == EncounterStatus.DISCHARGED,
            Encounter.discharge_time >= start,
            Encounter.discharge_time < end,
        )
    )
    if unit_code:
        if uow.session.scalar(select(Unit.id).where(Unit.code == unit_code)) is None:
            raise NotFoundError(f"no unit with code '{unit_code}'")
        query = query.where(Unit.code == unit_code)
    return uow.session.execute(query.order_by(Encounter.discharge_time, Encounter.id)).all()


def _by_encounter(uow: UnitOfWork, model: Any, ids: list[int]) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = {}
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        for row in uow.session.scalars(select(model).where(model.encounter_id.in_(chunk))):
            found.setdefault(row.encounter_id, []).append(row)
    return found


# -- the lists' loading: each related table in one query over the same window of discharges
# (no chunked lists of ids, no ORM objects: ~10x less time, benchmarks/lists.py)


@dataclass(frozen=True)
class _Window:
    """Inpatient discharges from ``first`` to ``last`` (local days), of one unit or all."""

    conditions: tuple[ColumnElement[bool], ...]

    @classmethod
    def of(cls, uow: UnitOfWork, unit_code: str | None, first: date, last: date) -> _Window:
        start, _ = local_day_bounds(first, uow.tz)
        _, end = local_day_bounds(last, uow.tz)
        conditions = [
            Encounter.encounter_class == EncounterClass.INPATIENT,
            Encounter.status == EncounterStatus.DISCHARGED,
            Encounter.discharge_time >= start,
            Encounter.discharge_time < end,
        ]
        if unit_code:
            unit_id = uow.session.scalar(select(Unit.id).where(Unit.code == unit_code))
            if unit_id is None:
                raise NotFoundError(f"no unit with code '{unit_code}'")
            conditions.append(Encounter.unit_id == unit_id)
        return cls(tuple(conditions))

    def ids(self) -> Select[int]:
        return select(Encounter.id).where(*self.conditions)

    def stays(self, uow: UnitOfWork) -> list[Any]:
        """(id, visit_number, discharge_time, family_name, given_name, mrn, phone, unit code)"""
        query = (
            select(
                Encounter.id,
                Encounter.visit_number,
                Encounter.discharge_time,
                Patient.family_name,
                Patient.given_name,
                Patient.mrn,
                Patient.phone,
                Unit.code,
            )
            .join(Patient, Encounter.patient_id == Patient.id)
            .outerjoin(Unit, Encounter.unit_id == Unit.id)
            .where(*self.conditions)
            .order_by(Encounter.discharge_time, Encounter.id)
        )
        return list(uow.session.connection().execute(query).all())

    def tasks(self, uow: UnitOfWork) -> dict[int, list[Any]]:
        # a cancelled discharge's cancelled tasks are not this discharge's (ADT A13)
        query = select(*(FollowupTask.__table__.c[name] for name in _TASK_COLUMNS)).where(
            FollowupTask.encounter_id.in_(self.ids()), FollowupTask.status != TaskStatus.CANCELLED
        )
        found: dict[int, list[Any]] = {}
        for task in uow.session.connection().execute(query).all():
            found.setdefault(task.encounter_id, []).append(task)
        return found

    def assessments(self, uow: UnitOfWork) -> dict[int, list[Any]]:
        query = select(
            RiskAssessment.encounter_id,
            RiskAssessment.stage,
            RiskAssessment.lace_score,
            RiskAssessment.lace_tier,
            RiskAssessment.hospital_score,
            RiskAssessment.hospital_tier,
            RiskAssessment.missing,
        ).where(RiskAssessment.encounter_id.in_(self.ids()))
        found: dict[int, list[Any]] = {}
        for risk in uow.session.connection().execute(query).all():
            found.setdefault(risk.encounter_id, []).append(risk)
        return found

    def readmissions(self, uow: UnitOfWork, until: date) -> dict[int, tuple[str, bool]]:
        """Index stay id -> (visit number, planned) of its readmission (the first, by admission)."""
        _, end = local_day_bounds(until, uow.tz)
        later = aliased(Encounter)
        rows = (
            uow.session.connection()
            .execute(
                select(later.readmission_of_id, later.visit_number, later.admission_type)
                .add_columns(ReadmissionLink.planned)
                .outerjoin(ReadmissionLink, ReadmissionLink.encounter_id == later.id)
                .where(later.readmission_of_id.in_(self.ids()), later.admit_time < end)
                .order_by(later.admit_time.desc())
            )
            .all()
        )
        found: dict[int, tuple[str, bool]] = {}
        for index_id, visit, admission_type, link_planned in rows:
            planned: bool | None = link_planned  # None: no link row (outer join)
            if planned is None:
                planned = admission_type is AdmissionType.ELECTIVE
            found[index_id] = (visit, planned)
        return found

    def attempts(self, uow: UnitOfWork) -> dict[int, list[bool]]:
        """Task id -> whether each call attempt reached someone, in call order."""
        tasks = select(FollowupTask.id).where(FollowupTask.encounter_id.in_(self.ids()))
        rows = (
            uow.session.connection()
            .execute(
                select(CallAttempt.task_id, CallAttempt.reached)
                .where(CallAttempt.task_id.in_(tasks))
                .order_by(CallAttempt.called_at, CallAttempt.id)
            )
            .all()
        )
        found: dict[int, list[bool]] = {}
        for task_id, reached in rows:
            found.setdefault(task_id, []).append(reached)
        return found


#: The task columns the list and the dashboard read.
_TASK_COLUMNS = (
    "id",
    "version_id",
    "encounter_id",
    "kind",
    "status",
    "due_date",
    "owner_id",
    "outcome",
    "event_date",
    "closed_at",
)


def list_followups(uow: UnitOfWork, actor: Actor, flt: FollowupFilter) -> list[FollowupRow]:
    """Everyone discharged 0-30 days before ``as_of``, most urgent (overdue, due first) first."""
    require(actor, "followup.view")
    if flt.tier and flt.tier not in ("low", "moderate", "high"):
        raise ValidationError("tier must be low, moderate or high", field="tier")
    as_of = flt.as_of or uow.today()
    window = _Window.of(uow, flt.unit_code, as_of - timedelta(days=READMISSION_WINDOW_DAYS), as_of)
    found = window.stays(uow)
    tasks = window.tasks(uow)
    assessments = window.assessments(uow)
    readmitted = window.readmissions(uow, as_of)
    attempts = window.attempts(uow)
    owners = owner_names(uow, {t.owner_id for ts in tasks.values() for t in ts if t.owner_id})
    term = (flt.search or "").strip().lower()
    wards = {
        code: (name, phone)
        for code, name, phone in uow.session.execute(select(Unit.code, Unit.name, Unit.phone))
    }
    tz = uow.tz
    rows = []
    for stay_id, visit_number, discharge_time, family, given, mrn, phone, unit_code in found:
        if term and not (
            term in family.lower() or term in given.lower() or mrn.lower().startswith(term)
        ):
            continue
        discharged = discharge_time.astimezone(tz).date()
        # the task rows straight (TaskView objects for thousands of stays cost a third of it)
        stay_tasks = tasks.get(stay_id, [])
        open_tasks = sorted(
            (t for t in stay_tasks if t.status is TaskStatus.OPEN),
            key=lambda t: (t.due_date, KIND_ORDER[t.kind]),
        )
        nxt = open_tasks[0] if open_tasks else None
        stored = assessments.get(stay_id, [])
        risk = max(stored, key=lambda r: r.stage is RiskStage.DISCHARGE) if stored else None
        tier = combined_tier(risk.lace_tier, risk.hospital_tier) if risk else None
        contact = next((t for t in stay_tasks if t.kind is TaskKind.CONTACT), None)
        calls = attempts.get(contact.id, []) if contact else []
        last_call = None
        if contact is not None and contact.status is TaskStatus.UNABLE_TO_REACH:
            last_call = "unable to reach"
        elif calls:
            last_call = "reached" if calls[-1] else f"no answer ({len(calls)})"
        readmission = readmitted.get(stay_id)
        overdue = nxt is not None and nxt.due_date < as_of  # the earliest open task
        owner: str | None = None
        owner_username: str | None = None
        if nxt is not None:
            assigned = owners.get(nxt.owner_id) if nxt.owner_id is not None else None
            owner, owner_username = owner_label(assigned, unit_code)
        if flt.tier and tier != flt.tier:
            continue
        if flt.overdue_only and not overdue:
            continue
        if flt.owner and (owner_username or TEAM) != flt.owner:
            continue
        rows.append(
            FollowupRow(
                encounter_id=stay_id,
                visit_number=visit_number,
                patient_name=f"{family}, {given}",
                mrn=mrn,
                phone=phone,
                unit=unit_code,
                discharged=discharged,
                days_since=(as_of - discharged).days,
                lace_score=risk.lace_score if risk else None,
                lace_tier=risk.lace_tier if risk else None,
                hospital_score=risk.hospital_score if risk else None,
                hospital_tier=risk.hospital_tier if risk else None,
                tier=tier,
                risk_missing=tuple(m for m in risk.missing.split(",") if m) if risk else (),
                next_task=nxt.kind.value if nxt else None,
                next_task_id=nxt.id if nxt else None,
                next_due=nxt.due_date if nxt else None,
                overdue=overdue,
                owner=owner,
                last_call=last_call,
                call_attempts=len(calls),
                readmitted=readmission[0] if readmission else None,
                readmission_planned=readmission[1] if readmission else None,
                unit_name=wards[unit_code][0] if unit_code in wards else None,
                unit_phone=wards[unit_code][1] if unit_code in wards else None,
            )
        )
    rows.sort(key=lambda r: (not r.overdue, r.next_due or date.max, r.patient_name))
    uow.audit(
        actor,
        "view",
        "followup_list",
        flt.unit_code or "all",
        details={"as_of": as_of.isoformat(), "rows": len(rows)},
    )
    uow.commit()
    return rows


# -- dashboard -------------------------------------------------------------------------------


def dashboard_cells(
    uow: UnitOfWork, actor: Actor, *, first: date, last: date, unit_code: str | None = None
) -> list[DashboardCell]:
    """Per unit, month (of discharge) and tier, for discharges from ``first`` to ``last``."""
    require(actor, "dashboard.view")
    if last < first:
        raise ValidationError("the period ends before it starts", field="last")
    window = _Window.of(uow, unit_code, first, last)
    found = window.stays(uow)
    tasks = window.tasks(uow)
    assessments = window.assessments(uow)
    # a readmission counts whenever it happened (the window may end after ``last``)
    readmitted = window.readmissions(uow, uow.today())
    outcomes = []
    for stay in found:
        by_kind = {t.kind: t for t in tasks.get(stay.id, [])}
        contact = by_kind.get(TaskKind.CONTACT)
        visit = by_kind.get(TaskKind.VISIT)
        stored = assessments.get(stay.id, [])
        risk = max(stored, key=lambda r: r.stage is RiskStage.DISCHARGE) if stored else None
        readmission = readmitted.get(stay.id)
        outcomes.append(
            DischargeOutcome(
                unit=stay.code or "-",
                discharged=stay.discharge_time.astimezone(uow.tz).date(),
                tier=combined_tier(risk.lace_tier, risk.hospital_tier) if risk else "low",
                contact_date=(
                    contact.event_date
                    if contact is not None and contact.status is TaskStatus.DONE
                    else None
                ),
                contact_due=contact.due_date if contact is not None else None,
                visit_kept_date=(
                    visit.event_date if visit is not None and visit.outcome == "kept" else None
                ),
                visit_due=visit.due_date if visit is not None else None,
                readmitted_unplanned=readmission is not None and not readmission[1],
            )
        )
    cells = dashboard(outcomes, uow.site.holiday_calendar, uow.today())
    uow.audit(
        actor,
        "view",
        "followup_dashboard",
        unit_code or "all",
        details={"first": first.isoformat(), "last": last.isoformat()},
    )
    uow.commit()
    return cells


# -- backfill --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackfillResult:
    stays: int
    tasks_created: int
    readmissions_linked: int


#: Stays per transaction in :func:`backfill` (bounded session size; the backfill is idempotent).
BACKFILL_CHUNK = 300


def backfill(uow: UnitOfWork, actor: Actor, *, days: int = 90) -> BackfillResult:
    """Scores, tasks and readmission links for stays discharged in the last ``days`` days that
    have none yet (e.g. a database filled before follow-up existed).

    Commits every ``BACKFILL_CHUNK`` stays so that the session stays small; re-running it after
    an interruption carries on where it stopped (stays with tasks or links are skipped).
    """
    require(actor, "followup.reassign")
    if days < 1:
        raise ValidationError("days must be at least 1", field="days")
    today = uow.today()
    found = _discharged_in(uow, None, today - timedelta(days=days), today)
    ids = [e.id for e, _, _ in found]
    have_tasks = {
        stay_id
        for stay_id, tasks in _by_encounter(uow, FollowupTask, ids).items()
        if any(t.status is not TaskStatus.CANCELLED for t in tasks)
    }
    todo = [i for i in ids if i not in have_tasks]
    stays = created = linked = 0
    uow.session.expunge_all()
    for start in range(0, len(todo), BACKFILL_CHUNK):
        chunk = todo[start : start + BACKFILL_CHUNK]
        loaded = uow.session.scalars(
            select(Encounter)
            .options(selectinload(Encounter.diagnoses), selectinload(Encounter.labs))
            .where(Encounter.id.in_(chunk))
            .order_by(Encounter.id)
        ).all()
        for encounter in loaded:
            created += len(create_followup_tasks(uow, actor, encounter))
            stays += 1
        uow.commit()
        uow.session.expunge_all()
    # every inpatient stay admitted in the window: link it to its index discharge
    start_at, _ = local_day_bounds(today - timedelta(days=days), uow.tz)
    linked_ids = set(uow.session.scalars(select(ReadmissionLink.encounter_id)))
    candidates = [
        i
        for i in uow.session.scalars(
            select(Encounter.id)
            .where(
                Encounter.encounter_class == EncounterClass.INPATIENT,
                Encounter.status != EncounterStatus.CANCELLED,
                Encounter.admit_time >= start_at,
            )
            .order_by(Encounter.admit_time)
        )
        if i not in linked_ids
    ]
    for start in range(0, len(candidates), BACKFILL_CHUNK):
        chunk = candidates[start : start + BACKFILL_CHUNK]
        for stay in uow.session.scalars(select(Encounter).where(Encounter.id.in_(chunk))):
            if link_readmission(uow, actor, stay) is not None:
                linked += 1
        uow.commit()
        uow.session.expunge_all()
    return BackfillResult(stays, created, linked)
