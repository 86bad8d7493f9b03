"""The follow-up list's and dashboard's reading: inpatient discharges in a window of days (one
ward or all) and each related table in one query over the same window (no chunked lists of ids,
no ORM objects: ~10x less time, benchmarks/lists.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, Integer, Select, any_, bindparam, select
from sqlalchemy.orm import aliased

from transitions.db.base import raw
from transitions.db.followup_models import (
    CallAttempt,
    FollowupTask,
    ReadmissionLink,
    RiskAssessment,
)
from transitions.db.models import Encounter, Patient, Unit
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import AdmissionType, EncounterClass
from transitions.domain.followup import RiskStage, TaskKind, TaskStatus
from transitions.errors import NotFoundError
from transitions.services.encounters import local_day_bounds
from transitions.services.followup import KIND_ORDER
from transitions.services.uow import UnitOfWork

_OPEN = TaskStatus.OPEN.value
_CONTACT = TaskKind.CONTACT.value
_ELECTIVE = AdmissionType.ELECTIVE.value
_AT_DISCHARGE = RiskStage.DISCHARGE.value
_KIND_ORDER = {kind.value: n for kind, n in KIND_ORDER.items()}


@dataclass(frozen=True)
class DischargeWindow:
    """Inpatient discharges from ``first`` to ``last`` (local days), of one unit or all."""

    conditions: tuple[ColumnElement[bool], ...]

    @classmethod
    def of(cls, uow: UnitOfWork, unit_code: str | None, first: date, last: date) -> DischargeWindow:
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

    def stays(self, uow: UnitOfWork, *, raw_times: bool = False) -> list[Any]:
        """(id, visit_number, discharge_time, family_name, given_name, mrn, phone, unit code),
        by discharge time; ``raw_times``: the discharge time as the driver returns it"""
        query = (
            select(
                Encounter.id,
                Encounter.visit_number,
                raw(Encounter.discharge_time) if raw_times else Encounter.discharge_time,
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

    def readmissions(
        self, uow: UnitOfWork, until: date, stay_ids: list[int] | None = None
    ) -> dict[int, tuple[str, bool]]:
        """Index stay id -> (visit number, planned) of its readmission (the first, by admission).

        ``stay_ids``: the window's stays when the caller has read them already."""
        _, end = local_day_bounds(until, uow.tz)
        later = aliased(Encounter)
        connection = uow.session.connection()
        in_window: ColumnElement[bool] = later.readmission_of_id.in_(self.ids())
        if stay_ids is not None and connection.dialect.name == "postgresql":
            # PostgreSQL merge-joined the window with every readmission of the hospital's
            # history (EXPLAIN ANALYZE at 1M encounters: 48,000 index entries, 100-380 ms);
            # with the ids as one array parameter it looks up the window's stays (2 ms).
            in_window = later.readmission_of_id == any_(
                bindparam("window_stays", stay_ids, type_=ARRAY(Integer))
            )
        rows = connection.execute(
            select(later.readmission_of_id, later.visit_number, raw(later.admission_type))
            .add_columns(raw(ReadmissionLink.planned))
            .outerjoin(ReadmissionLink, ReadmissionLink.encounter_id == later.id)
            .where(in_window, later.admit_time < end)
            .order_by(later.admit_time.desc())
        ).all()
        found: dict[int, tuple[str, bool]] = {}
        for index_id, visit, admission_type, link_planned in rows:
            # no link row (outer join): planned when the readmission was elective
            planned = admission_type == _ELECTIVE if link_planned is None else bool(link_planned)
            found[index_id] = (visit, planned)
        return found

    # -- the list's reading: raw values, one pass per table, what each stay needs
    def task_summaries(self, uow: UnitOfWork) -> dict[int, list[Any]]:
        """Stay id -> [next open task, contact task] (each (id, kind, status, raw due date,
        owner id) or None). The next open task is the earliest due, then by kind
        (:data:`KIND_ORDER`), the first read on a tie, as sorting a stay's open tasks gives;
        the contact task is the first read."""
        query = select(
            FollowupTask.id,
            FollowupTask.encounter_id,
            raw(FollowupTask.kind),
            raw(FollowupTask.status),
            raw(FollowupTask.due_date),
            FollowupTask.owner_id,
        ).where(
            # a cancelled discharge's cancelled tasks are not this discharge's (ADT A13)
            FollowupTask.encounter_id.in_(self.ids()),
            FollowupTask.status != TaskStatus.CANCELLED,
        )
        found: dict[int, list[Any]] = {}
        order = _KIND_ORDER
        for task in uow.session.connection().execute(query).all():
            _, stay_id, kind, status, due, _ = task
            summary = found.get(stay_id)
            if summary is None:
                summary = found[stay_id] = [None, None]
            if status == _OPEN:
                # ISO dates (SQLite's text) order as the dates do
                nxt = summary[0]
                if nxt is None or (due, order[kind]) < (nxt[4], order[nxt[2]]):
                    summary[0] = task
            if kind == _CONTACT and summary[1] is None:
                summary[1] = task
        return found

    def risks(self, uow: UnitOfWork) -> dict[int, Any]:
        """Stay id -> its risk assessment at discharge, else its first (lace_score, lace_tier,
        hospital_score, hospital_tier, missing at index 2-6)."""
        query = select(
            RiskAssessment.encounter_id,
            raw(RiskAssessment.stage),
            RiskAssessment.lace_score,
            RiskAssessment.lace_tier,
            RiskAssessment.hospital_score,
            RiskAssessment.hospital_tier,
            RiskAssessment.missing,
        ).where(RiskAssessment.encounter_id.in_(self.ids()))
        found: dict[int, Any] = {}
        for risk in uow.session.connection().execute(query).all():
            kept = found.get(risk[0])
            if kept is None or (kept[1] != _AT_DISCHARGE and risk[1] == _AT_DISCHARGE):
                found[risk[0]] = risk
        return found

    def calls(self, uow: UnitOfWork) -> dict[int, tuple[int, bool]]:
        """Task id -> (call attempts, whether the last reached someone)."""
        counts: dict[int, tuple[int, bool]] = {}
        for task_id, reached in self._attempt_rows(uow):
            before = counts.get(task_id)
            counts[task_id] = (1 if before is None else before[0] + 1, bool(reached))
        return counts

    def _attempt_rows(self, uow: UnitOfWork) -> list[Any]:
        tasks = select(FollowupTask.id).where(FollowupTask.encounter_id.in_(self.ids()))
        return list(
            uow.session.connection()
            .execute(
                select(CallAttempt.task_id, CallAttempt.reached)
                .where(CallAttempt.task_id.in_(tasks))
                .order_by(CallAttempt.called_at, CallAttempt.id)
            )
            .all()
        )


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
