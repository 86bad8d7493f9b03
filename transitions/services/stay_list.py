"""The ward worklist's stays: who is in which bed, in the worklist's order (first page from an
index in display order, then the rest), as rows of columns, not ORM objects; and the date
arithmetic the lists and the stay record share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, NamedTuple

from sqlalchemy import BindParameter, Select, bindparam, func, or_, select

from transitions.db.base import date_reader, enum_values, gc_paused, raw, utc_reader
from transitions.db.models import Encounter, Patient, Unit
from transitions.domain.encounter_status import ACTIVE_STATUSES, EncounterStatus
from transitions.domain.enums import EncounterClass, Sex
from transitions.errors import NotFoundError
from transitions.services.json_values import jsonable
from transitions.services.permissions import require, scope_to_units
from transitions.services.uow import Actor, UnitOfWork


def age_on(birth_date: date, day: date) -> int:
    """Completed years (a 29 February birthday counts on 1 March in other years)."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def length_of_stay_days(admit: datetime, end: datetime, tz: tzinfo) -> int:
    """Calendar days between admission and discharge (or now), in the hospital's zone."""
    return (end.astimezone(tz).date() - admit.astimezone(tz).date()).days


def local_day_bounds(day: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants at which a local calendar day starts and ends."""
    start = datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz).astimezone(UTC)
    return start, end


@dataclass(frozen=True)
class StayFilter:
    unit_code: str | None = None
    statuses: frozenset[EncounterStatus] | None = None
    #: stays whose planned discharge (active stays) or actual discharge falls on this local day
    discharge_date: date | None = None
    #: part of a patient's family or given name, or the start of an MRN
    search: str | None = None

    @classmethod
    def worklist(
        cls, unit_code: str | None = None, discharge_date: date | None = None
    ) -> StayFilter:
        return cls(unit_code=unit_code, statuses=ACTIVE_STATUSES, discharge_date=discharge_date)


class StayRow(NamedTuple):
    """One stay as a list shows it. Plain data: safe to hand to a Qt model. A named tuple, not
    a dataclass: a list holds thousands (up to every current stay of a hospital), and a tuple
    is made in a fraction of a frozen dataclass's time (which sets each field through
    ``object.__setattr__``) and takes less memory."""

    encounter_id: int
    version_id: int
    visit_number: str
    patient_name: str
    mrn: str
    birth_date: date
    age: int
    sex: str
    preferred_language: str
    interpreter_needed: bool
    unit_code: str | None
    room: str | None
    admit_time: datetime
    planned_discharge_time: datetime | None
    discharge_time: datetime | None
    length_of_stay_days: int
    status: EncounterStatus

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(self._asdict())
        return data


def list_units(uow: UnitOfWork) -> list[tuple[str, str]]:
    """(code, name) of the active wards, by code."""
    rows = uow.session.execute(select(Unit.code, Unit.name).where(Unit.active).order_by(Unit.code))
    return [(code, name) for code, name in rows]


#: Only the columns a list shows: loading whole ORM objects made the worklist 2.4x slower.
#: ``list_stays`` unpacks them in this order. Timestamps, dates and enums are read raw and
#: converted by ``list_stays`` (each distinct value once): SQLAlchemy's per-value processing of
#: them cost more than the query.
_STAY_COLUMNS = (
    Encounter.id,
    Encounter.version_id,
    Encounter.visit_number,
    Encounter.room,
    Encounter.bed,
    raw(Encounter.admit_time),
    raw(Encounter.planned_discharge_time),
    raw(Encounter.discharge_time),
    raw(Encounter.status),
    Patient.family_name,
    Patient.given_name,
    Patient.mrn,
    raw(Patient.birth_date),
    raw(Patient.sex),
    Patient.preferred_language,
    raw(Patient.interpreter_needed),
    Unit.code,
)
_STATUSES = enum_values(EncounterStatus)
_SEXES = {value: value for value in enum_values(Sex)}  # StayRow.sex is the stored value
_new_tuple = tuple.__new__


def _stay_query(uow: UnitOfWork, flt: StayFilter) -> Select[*tuple[Any, ...]]:
    query = (
        select(*_STAY_COLUMNS)
        .join(Patient, Encounter.patient_id == Patient.id)
        .outerjoin(Unit, Encounter.unit_id == Unit.id)
        .where(Encounter.encounter_class == EncounterClass.INPATIENT)
    )
    if flt.unit_code:
        unit_id = uow.session.scalar(select(Unit.id).where(Unit.code == flt.unit_code))
        if unit_id is None:
            raise NotFoundError(f"no unit with code '{flt.unit_code}'")
        query = query.where(Encounter.unit_id == unit_id)
    if flt.statuses is not None:
        # Literal values, not bound parameters: SQLite uses the partial index of current stays
        # (ix_encounter_current_unit_planned) only when the query's condition is its condition.
        statuses: BindParameter[list[EncounterStatus]] = bindparam(
            "statuses", sorted(flt.statuses), expanding=True, literal_execute=True
        )
        query = query.where(Encounter.status.in_(statuses))
    if flt.discharge_date is not None:
        start, end = local_day_bounds(flt.discharge_date, uow.tz)
        planned = Encounter.planned_discharge_time
        actual = Encounter.discharge_time
        query = query.where(
            or_(
                (actual >= start) & (actual < end),
                actual.is_(None) & (planned >= start) & (planned < end),
            )
        )
    if flt.search and flt.search.strip():
        term = flt.search.strip().lower()
        like = f"%{_escape_like(term)}%"
        query = query.where(
            or_(
                func.lower(Patient.family_name).like(like, escape="\\"),
                func.lower(Patient.given_name).like(like, escape="\\"),
                func.lower(Patient.mrn).like(f"{_escape_like(term)}%", escape="\\"),
            )
        )
    # No date last on both databases (SQLite puts NULLs first by default), as the worklist sorts.
    return query.order_by(Encounter.planned_discharge_time.asc().nulls_last(), Encounter.id)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_stays(
    uow: UnitOfWork, actor: Actor, flt: StayFilter, *, limit: int | None = None
) -> list[StayRow]:
    """Stays matching the filter, earliest planned discharge first (none planned last);
    ``limit``: only the first rows (a screenful, shown while the rest loads)."""
    require(actor, "stay.view")
    today = uow.today()
    tz = uow.tz
    until = uow.now().astimezone(tz).date()  # length of stay of current stays: until today
    query = scope_to_units(_stay_query(uow, flt), actor, Encounter.unit_id)
    if limit is not None:
        query = query.limit(limit)
    # Core execution and tuple unpacking (the columns of _STAY_COLUMNS, in order): the ORM's
    # result layer and per-column attribute lookups cost more than the query (benchmarks/).
    with gc_paused():
        connection = uow.session.connection()
        utc = utc_reader(connection.dialect)
        day = date_reader(connection.dialect)
        local_days: dict[datetime, date] = {}  # the zone conversion once per distinct moment
        ages: dict[date, int] = {}
        statuses = _STATUSES
        sexes = _SEXES
        new_tuple = _new_tuple
        rows: list[StayRow] = []
        append = rows.append
        for (
            stay_id,
            version_id,
            visit_number,
            room,
            bed,
            admit_raw,
            planned_raw,
            discharged_raw,
            status,
            family_name,
            given_name,
            mrn,
            born_raw,
            sex,
            language,
            interpreter,
            unit_code,
        ) in connection.execute(query).all():
            admit_time: datetime = utc(admit_raw)  # type: ignore[assignment] # never NULL
            discharged = None if discharged_raw is None else utc(discharged_raw)
            birth_date: date = day(born_raw)  # type: ignore[assignment] # never NULL
            age = ages.get(birth_date)
            if age is None:
                age = ages[birth_date] = age_on(birth_date, today)
            admitted_on = local_days.get(admit_time)
            if admitted_on is None:
                admitted_on = local_days[admit_time] = admit_time.astimezone(tz).date()
            end = until if discharged is None else discharged.astimezone(tz).date()
            # the tuple StayRow(...) makes, without its __new__'s call (in the fields' order)
            row = new_tuple(
                StayRow,
                (
                    stay_id,
                    version_id,
                    visit_number,
                    f"{family_name}, {given_name}",
                    mrn,
                    birth_date,
                    age,
                    sexes[sex],
                    language,
                    bool(interpreter),
                    unit_code,
                    f"{room}-{bed}" if room and bed else room,
                    admit_time,
                    None if planned_raw is None else utc(planned_raw),
                    discharged,
                    (end - admitted_on).days,
                    statuses[status],
                ),
            )
            append(row)
    return rows


def room_label(room: str | None, bed: str | None) -> str | None:
    """ "412-B" (room and bed), or the room alone."""
    return f"{room}-{bed}" if room and bed else room
