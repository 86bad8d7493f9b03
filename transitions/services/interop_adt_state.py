"""What a batch of ADT messages reads and writes, held in memory for the batch's transaction.

:class:`BatchState` loads, in a dozen indexed queries per batch, everything the batch's messages
can touch: their patients (by MRN within assigning authority) and stays (by visit number within
authority), every stay of those patients with its diagnoses, labs, follow-up tasks (not the
cancelled ones: an A13 cancels them), risk assessments and readmission links, the standing
discharge sign-offs of the discharged ones (an A13 voids them), their allergies, the local
MRNs / visit numbers new records would take, and the processed messages with the same digests.
The messages are then applied to these plain rows one after another
(:mod:`transitions.services.interop_adt`), and :meth:`BatchState.flush` writes the result with
one executemany statement per table, still in the batch's transaction. New patients and stays
get stand-in ids until the flush inserts them. Updates check ``version_id`` like the ORM does: a
row changed by someone else since it was read makes the flush fail with :class:`ConflictError`
(and the feed applies the batch's messages one at a time instead). Statements are built once per
process.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Executable,
    Insert,
    Select,
    Table,
    Update,
    bindparam,
    func,
    insert,
    select,
    update,
)

from transitions.db.base import utcnow
from transitions.db.discharge_models import DischargeSignoff
from transitions.db.followup_models import FollowupTask, ReadmissionLink, RiskAssessment
from transitions.db.interop_models import (
    InboundMessage,
    MessageStatus,
    PatientIdentifier,
    QuarantineEntry,
    VisitIdentifier,
)
from transitions.db.models import (
    Allergy,
    AuditEvent,
    Diagnosis,
    Encounter,
    LabResult,
    Patient,
)
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.followup import TaskStatus
from transitions.errors import ConflictError
from transitions.interop import LOCAL_MRN_SYSTEM, LOCAL_VISIT_SYSTEM
from transitions.interop.hl7v2 import AdtMessage
from transitions.services.interop_adt_rows import (
    ENTRY_COLUMNS,
    MESSAGE_COLUMNS,
    PATIENT_COLUMNS,
    RISK_COLUMNS,
    SIGNOFF_VOID_COLUMNS,
    STAY_COLUMNS,
    TASK_COLUMNS,
    DiagnosisRow,
    EntryRow,
    LabRow,
    PatientRow,
    RiskRow,
    SignoffRow,
    StayRow,
    StoredMessage,
    TaskRow,
    key_candidates,
    table_of,
)

#: Values per IN (...) list: well under SQLite's and PostgreSQL's bound-parameter limits.
IN_CHUNK = 500
#: Stand-in ids of patients and stays created by a batch, above any real id and in creation
#: order (as the real ones will be); :meth:`BatchState.flush` replaces them.
NEW_ID = 1 << 60

_VALUES = "values"


# -- statements (built once) ---------------------------------------------------------------------


def _in(column: ColumnElement[Any]) -> ColumnElement[bool]:
    return column.in_(bindparam(_VALUES, expanding=True))


@cache
def _select_in(table: Table, names: tuple[str, ...], key: str) -> Select[Any]:
    """SELECT names FROM table WHERE key IN (:values)"""
    return select(*(table.c[name] for name in names)).where(_in(table.c[key]))


@cache
def _processed() -> Select[Any]:
    table = table_of(InboundMessage)
    return (
        select(table.c.digest, func.min(table.c.id))
        .where(_in(table.c.digest), table.c.status == MessageStatus.PROCESSED)
        .group_by(table.c.digest)
    )


@cache
def _identifiers(table: Table, owner: str) -> Select[Any]:
    return select(table.c.value, table.c[owner]).where(
        table.c.authority == bindparam("authority"), _in(table.c.value)
    )


@cache
def _open_entries() -> Select[Any]:
    table = table_of(QuarantineEntry)
    names = ("id", "message_id", "quarantined_at", *ENTRY_COLUMNS, "version_id")
    return select(*(table.c[n] for n in names)).where(
        _in(table.c.message_id), table.c.resolved_at.is_(None)
    )


@cache
def _standing_signoffs() -> Select[Any]:
    table = table_of(DischargeSignoff)
    names = ("id", "encounter_id", "signed_at", "version_id")
    return select(*(table.c[n] for n in names)).where(
        _in(table.c.encounter_id), table.c.voided_at.is_(None)
    )


@cache
def _active_tasks() -> Select[Any]:
    """A stay's follow-up tasks that count (a cancelled discharge's cancelled ones do not)."""
    table = table_of(FollowupTask)
    names = ("id", "encounter_id", "kind", "status", "due_date", *TASK_COLUMNS[1:], "version_id")
    return select(*(table.c[n] for n in names)).where(
        _in(table.c.encounter_id), table.c.status != TaskStatus.CANCELLED
    )


@cache
def _insert(table: Table) -> Insert:
    return insert(table)


@cache
def _insert_returning(table: Table) -> Insert:
    return insert(table).returning(table.c.id, sort_by_parameter_order=True)


@cache
def _update(table: Table, names: tuple[str, ...]) -> Update:
    """UPDATE ... WHERE id = :b_id AND version_id = :b_version, each column from :v_column
    (with version_id and updated_at)."""
    return (
        update(table)
        .where(table.c.id == bindparam("b_id"), table.c.version_id == bindparam("b_version"))
        .values({name: bindparam(f"v_{name}") for name in (*names, "version_id", "updated_at")})
    )


def _rows(
    conn: Connection, statement: Executable, values: Iterable[Any], **params: Any
) -> Iterator[Any]:
    items = sorted(set(values))
    for start in range(0, len(items), IN_CHUNK):
        yield from conn.execute(statement, {**params, _VALUES: items[start : start + IN_CHUNK]})


# -- the batch's state ---------------------------------------------------------------------------


def _by_identifier(
    conn: Connection, table: Table, owner: str, keys: set[tuple[str, str]]
) -> dict[tuple[str, str], int]:
    """(authority, value) -> owner id, one indexed query per authority."""
    by_authority: dict[str, list[str]] = defaultdict(list)
    for authority, value in keys:
        by_authority[authority].append(value)
    found: dict[tuple[str, str], int] = {}
    statement = _identifiers(table, owner)
    for authority, values in by_authority.items():
        for value, owner_id in _rows(conn, statement, values, authority=authority):
            found[(authority, value)] = owner_id
    return found


def _taken(
    conn: Connection, table: Table, column: str, candidates: list[tuple[str, str]]
) -> set[str]:
    """Which of the candidate local keys are in use already."""
    values = {value for pair in candidates for value in pair}
    statement = _select_in(table, (column,), column)
    return {value for (value,) in _rows(conn, statement, values)}


class BatchState:
    """The rows a batch of messages works on, keyed the way the messages look them up."""

    def __init__(self) -> None:
        self.patients: dict[int, PatientRow] = {}
        self.stays: dict[int, StayRow] = {}
        self.patient_keys: dict[tuple[str, str], PatientRow] = {}
        self.stay_keys: dict[tuple[str, str], StayRow] = {}
        self.local_mrns: dict[str, PatientRow] = {}
        self.local_visits: dict[str, StayRow] = {}
        self.taken_mrns: set[str] = set()
        self.taken_visits: set[str] = set()
        #: digest -> id of a processed message with it
        self.processed: dict[str, int] = {}
        # written by flush, in this order
        self.new_identifiers: list[dict[str, Any]] = []
        self.new_allergies: list[dict[str, Any]] = []
        self.new_visit_identifiers: list[dict[str, Any]] = []
        self.dirty_patients: dict[int, PatientRow] = {}
        self.dirty_stays: dict[int, StayRow] = {}
        self.new_diagnoses: list[DiagnosisRow] = []
        self.dirty_diagnoses: dict[int, DiagnosisRow] = {}
        self.new_labs: list[LabRow] = []
        self.new_risks: list[RiskRow] = []
        self.dirty_risks: dict[int, RiskRow] = {}
        self.new_tasks: list[TaskRow] = []
        self.dirty_tasks: dict[int, TaskRow] = {}
        self.new_links: list[dict[str, Any]] = []
        self.voided_signoffs: list[SignoffRow] = []
        self.new_entries: list[EntryRow] = []
        self.dirty_entries: dict[int, EntryRow] = {}
        self.messages: list[StoredMessage] = []
        self.audits: list[dict[str, Any]] = []
        self.new_patients: list[tuple[PatientRow, bool]] = []  # with interpreter_needed
        self.new_stays: list[StayRow] = []
        self._new_ids = itertools.count(NEW_ID)
        #: stand-in id -> real id, once flushed
        self.ids: dict[int, int] = {}

    # -- look-ups (memory only) -----------------------------------------------------------------

    def find_patient(self, authority: str, mrn: str) -> PatientRow | None:
        if authority == LOCAL_MRN_SYSTEM and mrn in self.local_mrns:
            return self.local_mrns[mrn]
        return self.patient_keys.get((authority, mrn))

    def find_stay(self, authority: str, value: str) -> StayRow | None:
        if authority == LOCAL_VISIT_SYSTEM and value in self.local_visits:
            return self.local_visits[value]
        return self.stay_keys.get((authority, value))

    def duplicate_of(self, message: StoredMessage) -> int | None:
        found = self.processed.get(message.digest)
        return found if found is not None and found != message.id else None

    # -- loading --------------------------------------------------------------------------------

    def load(self, conn: Connection, adts: Iterable[AdtMessage], digests: Iterable[str]) -> None:
        """Read everything the messages can touch (see the module docstring)."""
        patient_keys: set[tuple[str, str]] = set()
        visit_keys: set[tuple[str, str]] = set()
        for adt in adts:
            patient_keys.add((adt.patient.authority, adt.patient.mrn))
            if adt.visit is not None:
                visit_keys.add((adt.visit.authority, adt.visit.visit_number))
        self.processed = dict(_rows(conn, _processed(), digests))
        patient_ids = _by_identifier(conn, table_of(PatientIdentifier), "patient_id", patient_keys)
        table = table_of(Patient)
        local_mrns = {m for a, m in patient_keys if a == LOCAL_MRN_SYSTEM}
        local_patients = dict(_rows(conn, _select_in(table, ("mrn", "id"), "mrn"), local_mrns))
        stay_ids = _by_identifier(conn, table_of(VisitIdentifier), "encounter_id", visit_keys)
        table = table_of(Encounter)
        local_visits = {v for a, v in visit_keys if a == LOCAL_VISIT_SYSTEM}
        statement = _select_in(table, ("visit_number", "id"), "visit_number")
        local_stays = dict(_rows(conn, statement, local_visits))
        found = set(stay_ids.values()) | set(local_stays.values())
        statement = _select_in(table, ("patient_id",), "id")
        owners = {patient_id for (patient_id,) in _rows(conn, statement, found)}
        self._load_patients(conn, set(patient_ids.values()) | set(local_patients.values()) | owners)
        self.patient_keys = {key: self.patients[pid] for key, pid in patient_ids.items()}
        self.local_mrns = {mrn: self.patients[pid] for mrn, pid in local_patients.items()}
        self.stay_keys = {key: self.stays[sid] for key, sid in stay_ids.items()}
        self.local_visits = {value: self.stays[sid] for value, sid in local_stays.items()}
        mrns = [key_candidates(m, a) for a, m in patient_keys if self.find_patient(a, m) is None]
        visits = [key_candidates(v, a) for a, v in visit_keys if self.find_stay(a, v) is None]
        self.taken_mrns = _taken(conn, table_of(Patient), "mrn", mrns)
        self.taken_visits = _taken(conn, table_of(Encounter), "visit_number", visits)

    def _load_patients(self, conn: Connection, patient_ids: set[int]) -> None:
        if not patient_ids:
            return
        table = table_of(Patient)
        statement = _select_in(table, ("id", "mrn", *PATIENT_COLUMNS, "version_id"), "id")
        for row in _rows(conn, statement, patient_ids):
            patient = PatientRow(*row)
            self.patients[patient.id] = patient
        statement = _select_in(table_of(Allergy), ("patient_id", "substance"), "patient_id")
        for patient_id, substance in _rows(conn, statement, patient_ids):
            self.patients[patient_id].allergies.add(substance.lower())
        names = ("id", "visit_number", "patient_id", "encounter_class", *STAY_COLUMNS)
        statement = _select_in(table_of(Encounter), (*names, "version_id"), "patient_id")
        stays = sorted(
            (StayRow(*row) for row in _rows(conn, statement, patient_ids)), key=lambda s: s.id
        )
        for stay in stays:
            self.stays[stay.id] = stay
            self.patients[stay.patient_id].stays.append(stay)
        self._load_stay_details(conn, [stay.id for stay in stays])

    def _load_stay_details(self, conn: Connection, stay_ids: list[int]) -> None:
        if not stay_ids:
            return
        stays = self.stays
        key = "encounter_id"
        names: tuple[str, ...] = (
            "id",
            key,
            "code_system",
            "code",
            "description",
            "principal",
            "rank",
        )
        statement = _select_in(table_of(Diagnosis), (*names, "version_id"), key)
        for row in sorted(_rows(conn, statement, stay_ids)):
            diagnosis = DiagnosisRow(*row)
            stays[diagnosis.encounter_id].diagnoses.append(diagnosis)
        names = ("id", key, "loinc_code", "name", "value", "unit", "observed_at")
        for row in sorted(_rows(conn, _select_in(table_of(LabResult), names, key), stay_ids)):
            lab = LabRow(*row)
            stays[lab.encounter_id].labs.append(lab)
        for row in _rows(conn, _active_tasks(), stay_ids):
            task = TaskRow(*row)
            stays[task.encounter_id].tasks[task.kind] = task
        names = ("id", key, "stage", *RISK_COLUMNS, "version_id")
        for row in _rows(conn, _select_in(table_of(RiskAssessment), names, key), stay_ids):
            risk = RiskRow(*row)
            stays[risk.encounter_id].risks[risk.stage] = risk
        statement = _select_in(table_of(ReadmissionLink), (key,), key)
        for (stay_id,) in _rows(conn, statement, stay_ids):
            stays[stay_id].linked = True
        # only a discharged stay has a standing sign-off (an A13 voids it on the way back)
        discharged = [s for s in stay_ids if stays[s].status is EncounterStatus.DISCHARGED]
        for row in _rows(conn, _standing_signoffs(), discharged):
            signoff = SignoffRow(*row)
            stays[signoff.encounter_id].signoff = signoff

    def load_entries(self, conn: Connection, messages: list[StoredMessage]) -> None:
        """Open quarantine entries of messages stored earlier (reprocessing)."""
        todo = {m.id: m for m in messages if m.entries is None}
        if not todo:
            return
        for message in todo.values():
            message.entries = []
        for row in sorted(_rows(conn, _open_entries(), todo)):
            entry = EntryRow(*row)
            entries = todo[entry.message_id].entries
            assert entries is not None
            entries.append(entry)

    # -- new rows ---------------------------------------------------------------------------------

    def new_id(self) -> int:
        """A stand-in id for a row inserted by :meth:`flush` (which swaps in the real one)."""
        return next(self._new_ids)

    def insert_patient(self, mrn: str, values: dict[str, Any]) -> PatientRow:
        columns: dict[str, Any] = {name: values.get(name) for name in PATIENT_COLUMNS}
        patient = PatientRow(id=self.new_id(), mrn=mrn, version_id=1, **columns)
        self.patients[patient.id] = patient
        self.new_patients.append((patient, values["interpreter_needed"]))
        self.taken_mrns.add(mrn)
        return patient

    def insert_stay(
        self, patient: PatientRow, visit_number: str, values: dict[str, Any]
    ) -> StayRow:
        columns: dict[str, Any] = {name: values.get(name) for name in STAY_COLUMNS}
        stay = StayRow(
            id=self.new_id(),
            visit_number=visit_number,
            patient_id=patient.id,
            encounter_class=values["encounter_class"],
            version_id=1,
            **columns,
        )
        self.stays[stay.id] = stay
        self.new_stays.append(stay)
        patient.stays.append(stay)
        self.taken_visits.add(visit_number)
        return stay

    # -- writing ----------------------------------------------------------------------------------

    def flush(self, conn: Connection) -> None:
        """Write everything the batch changed (inside the caller's transaction): new patients
        and stays first, then every other row with their real ids in place of the stand-ins."""
        ids = self.ids
        now = utcnow()  # created_at / updated_at of every row written (one value per batch)
        new = {"version_id": 1, "created_at": now, "updated_at": now}
        table = table_of(Patient)
        rows = [
            {
                "mrn": patient.mrn,
                **{name: getattr(patient, name) for name in PATIENT_COLUMNS},
                "interpreter_needed": interpreter,
                **new,
            }
            for patient, interpreter in self.new_patients
        ]
        self._insert_new(conn, table, [p.id for p, _ in self.new_patients], rows)
        table = table_of(Encounter)
        names = ("visit_number", "patient_id", "encounter_class", *STAY_COLUMNS)
        rows = [
            {name: _real(ids, name, getattr(s, name)) for name in names} for s in self.new_stays
        ]
        later = []  # readmission of a stay inserted in the same statement: set afterwards
        for stay, row in zip(self.new_stays, rows, strict=True):
            row.update(new)
            if (row["readmission_of_id"] or 0) >= NEW_ID:
                row["readmission_of_id"] = None
                later.append(stay)
        self._insert_new(conn, table, [s.id for s in self.new_stays], rows)
        _insert_dicts(conn, table_of(PatientIdentifier), self.new_identifiers, ids, new)
        _insert_dicts(conn, table_of(Allergy), self.new_allergies, ids, new)
        _insert_dicts(conn, table_of(VisitIdentifier), self.new_visit_identifiers, ids, new)
        patients = [p for p in self.dirty_patients.values() if p.id < NEW_ID]
        _update_rows(conn, table_of(Patient), PATIENT_COLUMNS, patients, ids, now)
        stays = [s for s in self.dirty_stays.values() if s.id < NEW_ID] + later
        _update_rows(conn, table_of(Encounter), STAY_COLUMNS, stays, ids, now)
        diagnosis = ("encounter_id", "code_system", "code", "description", "principal", "rank")
        _insert_rows(conn, table_of(Diagnosis), diagnosis, self.new_diagnoses, ids, new)
        _update_rows(
            conn, table_of(Diagnosis), ("principal",), self.dirty_diagnoses.values(), ids, now
        )
        lab = ("encounter_id", "loinc_code", "name", "value", "unit", "observed_at")
        _insert_rows(conn, table_of(LabResult), lab, self.new_labs, ids, new)
        risk = ("encounter_id", "stage", *RISK_COLUMNS)
        _insert_rows(conn, table_of(RiskAssessment), risk, self.new_risks, ids, new)
        _update_rows(
            conn, table_of(RiskAssessment), RISK_COLUMNS, self.dirty_risks.values(), ids, now
        )
        # changed tasks first: an A13 cancels a stay's open task and a later A03 of the batch
        # inserts its successor (one task of a kind that is not cancelled: a unique index)
        _update_rows(
            conn, table_of(FollowupTask), TASK_COLUMNS, self.dirty_tasks.values(), ids, now
        )
        task = ("encounter_id", "kind", "due_date", *TASK_COLUMNS)
        _insert_rows(conn, table_of(FollowupTask), task, self.new_tasks, ids, new)
        _insert_dicts(conn, table_of(ReadmissionLink), self.new_links, ids, new)
        _update_rows(
            conn,
            table_of(DischargeSignoff),
            SIGNOFF_VOID_COLUMNS,
            self.voided_signoffs,
            ids,
            now,
        )
        entry = ("message_id", "quarantined_at", *ENTRY_COLUMNS)
        _insert_rows(conn, table_of(QuarantineEntry), entry, self.new_entries, ids, new)
        _update_rows(
            conn, table_of(QuarantineEntry), ENTRY_COLUMNS, self.dirty_entries.values(), ids, now
        )
        _update_rows(conn, table_of(InboundMessage), MESSAGE_COLUMNS, self.messages, ids, now)
        for row in self.audits:
            row["patient_id"] = ids.get(row["patient_id"], row["patient_id"])
            if isinstance(row["details"], dict):  # stay ids in the details (readmission links)
                details = {
                    k: ids.get(v, v) if isinstance(v, int) else v for k, v in row["details"].items()
                }
                row["details"] = json.dumps(details, default=str)
        if self.audits:
            conn.execute(_insert(table_of(AuditEvent)), self.audits)

    def _insert_new(
        self, conn: Connection, table: Table, stand_ins: list[int], rows: list[dict[str, Any]]
    ) -> None:
        if rows:
            real = conn.execute(_insert_returning(table), rows).scalars()
            self.ids.update(zip(stand_ins, real, strict=True))


#: Columns holding the id of a patient or a stay (a stand-in until the flush inserts it).
_REFERENCES = frozenset({"patient_id", "encounter_id", "index_encounter_id", "readmission_of_id"})


def _real(ids: dict[int, int], name: str, value: Any) -> Any:
    return ids.get(value, value) if name in _REFERENCES and value is not None else value


def _insert_dicts(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    ids: dict[int, int],
    new: dict[str, Any],
) -> None:
    if rows:
        values = [{**{k: _real(ids, k, v) for k, v in row.items()}, **new} for row in rows]
        conn.execute(_insert(table), values)


def _insert_rows(
    conn: Connection,
    table: Table,
    names: Sequence[str],
    rows: list[Any],
    ids: dict[int, int],
    new: dict[str, Any],
) -> None:
    if rows:
        values = [
            {**{name: _real(ids, name, getattr(row, name)) for name in names}, **new}
            for row in rows
        ]
        conn.execute(_insert(table), values)


def _update_rows(
    conn: Connection,
    table: Table,
    names: tuple[str, ...],
    rows: Iterable[Any],
    ids: dict[int, int],
    now: datetime,
) -> None:
    """UPDATE ... WHERE id = ? AND version_id = ? for each row, versions bumped as the ORM does;
    a row someone else changed meanwhile matches nothing and fails the batch."""
    params = []
    for row in rows:
        values = {f"v_{name}": _real(ids, name, getattr(row, name)) for name in names}
        values.update(b_version=row.version_id, v_version_id=row.version_id + 1)
        values["b_id"] = ids.get(row.id, row.id)  # a stay inserted by this flush: its real id
        values["v_updated_at"] = now
        params.append(values)
    if not params:
        return
    matched = conn.execute(_update(table, names), params).rowcount
    if matched != len(params):
        raise ConflictError(
            f"{table.name}: a record was changed by someone else while this batch was applied"
        )
