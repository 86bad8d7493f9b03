"""The unit manager's follow-up list and dashboard, and the backfill of existing discharges."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from transitions.db.base import date_reader, gc_paused, utc_reader
from transitions.db.followup_models import (
    FollowupTask,
    ReadmissionLink,
)
from transitions.db.models import Encounter, Patient, Unit
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import EncounterClass
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
from transitions.services.followup import (
    create_followup_tasks,
    link_readmission,
    owner_label,
    owner_names,
)
from transitions.services.followup_window import DischargeWindow
from transitions.services.json_values import jsonable
from transitions.services.permissions import require
from transitions.services.stay_list import local_day_bounds
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
        data: dict[str, Any] = jsonable(asdict(self))
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


_UNABLE_TO_REACH = TaskStatus.UNABLE_TO_REACH.value
_TASK_KINDS = {kind.value: kind.value for kind in TaskKind}
_new_row = object.__new__
_set_attribute = object.__setattr__


def list_followups(uow: UnitOfWork, actor: Actor, flt: FollowupFilter) -> list[FollowupRow]:
    """Everyone discharged 0-30 days before ``as_of``, most urgent (overdue, due first) first."""
    require(actor, "followup.view")
    if flt.tier and flt.tier not in ("low", "moderate", "high"):
        raise ValidationError("tier must be low, moderate or high", field="tier")
    as_of = flt.as_of or uow.today()
    window = DischargeWindow.of(
        uow, flt.unit_code, as_of - timedelta(days=READMISSION_WINDOW_DAYS), as_of
    )
    with gc_paused():  # thousands of rows from five queries
        found = window.stays(uow, raw_times=True)
        tasks = window.task_summaries(uow)
        risks = window.risks(uow)
        readmitted = window.readmissions(uow, as_of, [stay[0] for stay in found])
        calls = window.calls(uow)
        owners = owner_names(
            uow, {task[5] for summary in tasks.values() if (task := summary[0]) and task[5]}
        )
        term = (flt.search or "").strip().lower()
        wards = {
            code: (name, phone)
            for code, name, phone in uow.session.execute(select(Unit.code, Unit.name, Unit.phone))
        }
        dialect = uow.session.connection().dialect
        utc = utc_reader(dialect)
        day = date_reader(dialect)
        tz = uow.tz
        local_days: dict[Any, date] = {}  # raw discharge time -> local day, once per distinct value
        tiers: dict[tuple[str | None, str | None], str] = {}
        no_summary = [None, None]
        rows = []
        for stay_id, visit_number, discharge_raw, family, given, mrn, phone, unit_code in found:
            if term and not (
                term in family.lower() or term in given.lower() or mrn.lower().startswith(term)
            ):
                continue
            discharged = local_days.get(discharge_raw)
            if discharged is None:
                moment: datetime = utc(discharge_raw)  # type: ignore[assignment] # never NULL here
                discharged = local_days[discharge_raw] = moment.astimezone(tz).date()
            nxt, contact = tasks.get(stay_id, no_summary)
            risk = risks.get(stay_id)
            tier = None
            if risk is not None:
                tier = tiers.get((risk[3], risk[5]))
                if tier is None:
                    tier = tiers[(risk[3], risk[5])] = combined_tier(risk[3], risk[5])
            attempts, reached = (0, False) if contact is None else calls.get(contact[0], (0, False))
            last_call = None
            if contact is not None and contact[3] == _UNABLE_TO_REACH:
                last_call = "unable to reach"
            elif attempts:
                last_call = "reached" if reached else f"no answer ({attempts})"
            readmission = readmitted.get(stay_id)
            next_due: date | None = None
            overdue = False
            owner: str | None = None
            owner_username: str | None = None
            if nxt is not None:
                next_due = day(nxt[4])
                overdue = next_due < as_of  # type: ignore[operator] # the earliest open task
                assigned = owners.get(nxt[5]) if nxt[5] is not None else None
                owner, owner_username = owner_label(assigned, unit_code)
            if flt.tier and tier != flt.tier:
                continue
            if flt.overdue_only and not overdue:
                continue
            if flt.owner and (owner_username or TEAM) != flt.owner:
                continue
            ward = wards.get(unit_code) if unit_code is not None else None
            # A frozen dataclass's __init__ sets each field through object.__setattr__: the same
            # object with its fields set at once (test_followup_rows_are_whole)
            row = _new_row(FollowupRow)
            _set_attribute(
                row,
                "__dict__",
                {
                    "encounter_id": stay_id,
                    "visit_number": visit_number,
                    "patient_name": f"{family}, {given}",
                    "mrn": mrn,
                    "phone": phone,
                    "unit": unit_code,
                    "discharged": discharged,
                    "days_since": (as_of - discharged).days,
                    "lace_score": risk[2] if risk else None,
                    "lace_tier": risk[3] if risk else None,
                    "hospital_score": risk[4] if risk else None,
                    "hospital_tier": risk[5] if risk else None,
                    "tier": tier,
                    "risk_missing": tuple(m for m in risk[6].split(",") if m) if risk else (),
                    "next_task": _TASK_KINDS[nxt[2]] if nxt else None,
                    "next_task_id": nxt[0] if nxt else None,
                    "next_due": next_due,
                    "overdue": overdue,
                    "owner": owner,
                    "last_call": last_call,
                    "call_attempts": attempts,
                    "readmitted": readmission[0] if readmission else None,
                    "readmission_planned": readmission[1] if readmission else None,
                    "unit_name": ward[0] if ward else None,
                    "unit_phone": ward[1] if ward else None,
                },
            )
            rows.append(row)
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
    window = DischargeWindow.of(uow, unit_code, first, last)
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
