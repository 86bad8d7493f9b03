"""When each demo patient was in hospital: the latest stay, an index stay it is a readmission of,
earlier admissions and ED visits in the past year.

Every patient's latest inpatient stay is either current (still on a ward) or discharged within
the last 90 days. Earlier admissions end more than 30 days before the next one, so the only
30-day readmissions are the ones that carry ``readmission_of``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from random import Random

from transitions.demo.data import DemoData, Profile, Weighted
from transitions.demo.people import PatientCase
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import AdmissionType, EncounterClass

CURRENT_SHARE = 0.27
#: Share of patients whose latest stay is a 30-day readmission. With the 73% of patients whose
#: latest stay is a past discharge, this makes ~15% of the last 90 days' discharges readmitted.
READMISSION_SHARE = 0.155
PAST_WINDOW_DAYS = 89  # discharged 1..89 days before today: inside "the last 90 days"
YEAR = 365

_ADMIT_HOURS = Weighted.of(
    (h, float(w))
    for h, w in enumerate([2, 2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7, 6, 6, 5, 4, 3])
)
_DISCHARGE_HOURS = Weighted.of(
    (h, float(w)) for h, w in zip(range(10, 18), [3, 5, 6, 6, 5, 4, 3, 2], strict=True)
)
#: The first current inpatients of every unit follow this pattern, so that even a small demo has
#: discharges planned today and tomorrow on each ward; later ones are drawn by weight.
PLANNED_PATTERN = ("today", "tomorrow", "today", "tomorrow", "later", "none", "tomorrow", "today")
_PLANNED_KIND = Weighted.of([("today", 22.0), ("tomorrow", 24.0), ("later", 24.0), ("none", 30.0)])
STANDARD_ROOMS = 32


@dataclass(frozen=True)
class Census:
    """How the generated patients spread over time.

    The default is the demo's: a hospital's last year seen through its recent patients, where
    27 % are on a ward today and every other patient's latest stay ended in the last 90 days, so
    that a small demo has full worklists and follow-up lists. :meth:`for_beds` spreads a large
    population over as many years as a hospital of that many beds needs to see it: the wards
    hold about ``occupancy`` of their beds today and the discharges per day are the beds in use
    divided by the mean length of stay (the benchmark databases at 100k and 1M encounters).
    """

    current_share: float = CURRENT_SHARE
    #: the latest discharges of patients not in hospital today fall 1..N days before today
    past_window_days: int = PAST_WINDOW_DAYS

    @classmethod
    def for_beds(
        cls, patients: int, beds: int, *, occupancy: float = 0.85, mean_los_days: float = 5.0
    ) -> Census:
        in_beds = beds * occupancy
        share = min(CURRENT_SHARE, in_beds / patients)
        per_day = in_beds / mean_los_days
        window = round(patients * (1 - share) / per_day)
        return cls(current_share=share, past_window_days=max(PAST_WINDOW_DAYS, window))

    @property
    def readmission_window_days(self) -> int:
        """Readmitted latest stays end at least 34 days after the window opens (room for the
        index stay and the gap before it: 55 days in the demo's 89)."""
        return self.past_window_days - 34


DEMO_CENSUS = Census()


def at(day: date, hour: int, minute: int, tz: tzinfo) -> datetime:
    """A local wall-clock time as an aware UTC datetime."""
    return datetime.combine(day, time(hour, minute), tzinfo=tz).astimezone(UTC)


def room_name(floor: int, number: int) -> str:
    return f"{floor}{number:02d}"


class Wards:
    """Hospital-wide state shared by all patients: free beds and the planned-discharge pattern."""

    def __init__(self, rng: Random, floors: dict[str, int]) -> None:
        self._rng = rng
        self._floors = floors
        self._free: dict[str, list[tuple[str, str]]] = {}
        self._overflow: dict[str, int] = {}
        self._placed: dict[str, int] = {}
        for code, floor in floors.items():
            beds = [
                (room_name(floor, n), bed) for n in range(1, STANDARD_ROOMS + 1) for bed in "AB"
            ]
            rng.shuffle(beds)
            self._free[code] = beds
            self._overflow[code] = 0

    def occupy(self, unit: str) -> tuple[str, str]:
        """A bed nobody else currently lies in (overflow rooms once the standard ones are full)."""
        free = self._free[unit]
        if free:
            return free.pop()
        extra = self._overflow[unit]
        self._overflow[unit] = extra + 1
        return room_name(self._floors[unit], STANDARD_ROOMS + 1 + extra // 2), "AB"[extra % 2]

    def any_bed(self, rng: Random, unit: str) -> tuple[str, str]:
        """A bed for a past stay (past stays may share beds)."""
        return room_name(self._floors[unit], rng.randint(1, STANDARD_ROOMS)), rng.choice("AB")

    def planned_kind(self, unit: str) -> str:
        count = self._placed.get(unit, 0)
        self._placed[unit] = count + 1
        if count < len(PLANNED_PATTERN):
            return PLANNED_PATTERN[count]
        return _PLANNED_KIND.pick(self._rng)


@dataclass
class Stay:
    """One encounter of a patient, before it gets its id and rows."""

    profile: Profile
    encounter_class: EncounterClass
    admit: datetime
    discharge: datetime | None
    planned: datetime | None
    status: EncounterStatus
    unit_code: str | None
    service: str
    room: str | None
    bed: str | None
    admission_type: AdmissionType
    disposition: str | None
    readmission_of: Stay | None = None
    ed_code: str | None = None
    current: bool = False
    id: int = 0

    @property
    def inpatient(self) -> bool:
        return self.encounter_class is EncounterClass.INPATIENT


def _los(rng: Random, profile: Profile) -> int:
    low, mode, high = profile.los
    days = round(rng.triangular(low, high, mode))
    if rng.random() < 0.04:  # waiting for a nursing-home bed, a complication...
        days += rng.randint(3, 10)
    return max(days, 1)


def _admit_time(rng: Random, day: date, kind: AdmissionType, tz: tzinfo) -> datetime:
    if kind is AdmissionType.ELECTIVE:
        return at(day, rng.choice((6, 7, 8)), rng.choice((0, 15, 30, 45)), tz)
    return at(day, _ADMIT_HOURS.pick(rng), rng.randrange(60), tz)


def _discharge_time(rng: Random, day: date, tz: tzinfo) -> datetime:
    return at(day, _DISCHARGE_HOURS.pick(rng), rng.randrange(0, 60, 5), tz)


def _related(rng: Random, profile: Profile, data: DemoData) -> Profile:
    if profile.related and rng.random() < 0.4:
        return data.profiles[rng.choice(profile.related)]
    return profile


def _past_stay(
    rng: Random,
    profile: Profile,
    wards: Wards,
    admit_day: date,
    discharge_day: date,
    tz: tzinfo,
    latest: bool,
) -> Stay:
    kind = profile.admission_type.pick(rng)
    unit, service = profile.placement.pick(rng)
    room, bed = wards.any_bed(rng, unit)
    discharge = _discharge_time(rng, discharge_day, tz)
    planned: datetime | None = None
    if rng.random() < 0.85:
        slip = 1 if rng.random() < 0.15 else 0  # the plan was a day earlier than it happened
        planned = at(discharge_day - timedelta(days=slip), 11, 0, tz)
    disposition = profile.disposition.pick(rng)
    while not latest and disposition in ("exp", "hosp"):
        disposition = profile.disposition.pick(rng)
    return Stay(
        profile=profile,
        encounter_class=EncounterClass.INPATIENT,
        admit=_admit_time(rng, admit_day, kind, tz),
        discharge=discharge,
        planned=planned,
        status=EncounterStatus.DISCHARGED,
        unit_code=unit,
        service=service,
        room=room,
        bed=bed,
        admission_type=kind,
        disposition=disposition,
    )


def _current_stay(
    rng: Random, profile: Profile, wards: Wards, today: date, tz: tzinfo, readmit: bool
) -> Stay:
    kind = profile.admission_type.pick(rng)
    unit, service = profile.placement.pick(rng)
    low, mode, high = profile.los
    days_in = round(rng.triangular(1, max(high, 3), max(mode - 1, 1)))
    if rng.random() < 0.06:
        days_in = rng.randint(8, 20)
    days_in = min(max(days_in, 1), 20 if not readmit else 12)
    room, bed = wards.occupy(unit)
    plan = wards.planned_kind(unit)
    planned: datetime | None
    if plan == "today":
        planned = at(today, rng.randint(10, 15), rng.choice((0, 30)), tz)
        status = EncounterStatus.READY if rng.random() < 0.5 else EncounterStatus.DISCHARGE_PLANNED
    elif plan == "tomorrow":
        planned = at(today + timedelta(days=1), rng.randint(10, 14), rng.choice((0, 30)), tz)
        status = (
            EncounterStatus.DISCHARGE_PLANNED if rng.random() < 0.75 else EncounterStatus.ADMITTED
        )
    elif plan == "later":
        planned = at(today + timedelta(days=rng.randint(2, 6)), 11, 0, tz)
        status = (
            EncounterStatus.DISCHARGE_PLANNED if rng.random() < 0.35 else EncounterStatus.ADMITTED
        )
    else:
        planned, status = None, EncounterStatus.ADMITTED
    return Stay(
        profile=profile,
        encounter_class=EncounterClass.INPATIENT,
        admit=_admit_time(rng, today - timedelta(days=days_in), kind, tz),
        discharge=None,
        planned=planned,
        status=status,
        unit_code=unit,
        service=service,
        room=room,
        bed=bed,
        admission_type=kind,
        disposition=None,
        current=True,
    )


def plan_stays(
    rng: Random,
    case: PatientCase,
    data: DemoData,
    wards: Wards,
    today: date,
    tz: tzinfo,
    census: Census = DEMO_CENSUS,
) -> list[Stay]:
    """All encounters of one patient in the year before their latest stay, oldest first."""
    profile = case.profile
    window = census.past_window_days
    current = rng.random() < census.current_share
    readmit = rng.random() < READMISSION_SHARE
    inpatient: list[Stay] = []
    if current:
        latest = _current_stay(rng, profile, wards, today, tz, readmit)
    else:
        back = rng.randint(1, census.readmission_window_days if readmit else window)
        discharge_day = today - timedelta(days=back)
        admit_day = discharge_day - timedelta(days=_los(rng, profile))
        latest = _past_stay(rng, profile, wards, admit_day, discharge_day, tz, latest=True)
    inpatient.append(latest)
    earliest_day = latest.admit.astimezone(tz).date()
    # the year before the latest stay (today's year for the demo's recent patients)
    horizon = today - timedelta(
        days=YEAR + max(0, (today - earliest_day).days - PAST_WINDOW_DAYS - 30)
    )
    if readmit:
        gap = round(rng.triangular(1, 29, 4))
        index_discharge = max(earliest_day - timedelta(days=gap), today - timedelta(days=window))
        index_profile = _related(rng, profile, data)
        index_admit = index_discharge - timedelta(days=_los(rng, index_profile))
        index = _past_stay(rng, index_profile, wards, index_admit, index_discharge, tz, False)
        latest.readmission_of = index
        inpatient.append(index)
        earliest_day = index_admit

    priors_weights, ed_weights = data.acuity[profile.acuity]
    if len(case.conditions) >= 5 and profile.acuity < 3:
        priors_weights, ed_weights = data.acuity[profile.acuity + 1]
    for _ in range(priors_weights.pick(rng)):
        discharge_day = earliest_day - timedelta(days=rng.randint(31, 120))
        prior_profile = _related(rng, profile, data)
        admit_day = discharge_day - timedelta(days=_los(rng, prior_profile))
        if admit_day < horizon:
            break
        inpatient.append(
            _past_stay(rng, prior_profile, wards, admit_day, discharge_day, tz, latest=False)
        )
        earliest_day = admit_day

    windows = [
        (s.admit - timedelta(days=1), (s.discharge or at(today, 23, 59, tz)) + timedelta(days=1))
        for s in inpatient
    ]
    if latest.disposition == "exp" and latest.discharge is not None:  # no visits after death
        windows.append((latest.discharge, at(today, 23, 59, tz)))
    stays = list(inpatient)
    for _ in range(ed_weights.pick(rng)):
        for _attempt in range(5):
            day = horizon + timedelta(days=YEAR - rng.randint(2, YEAR))
            arrival = at(day, _ADMIT_HOURS.pick(rng), rng.randrange(60), tz)
            leave = arrival + timedelta(minutes=rng.randint(120, 540))
            if any(start < leave and arrival < end for start, end in windows):
                continue
            windows.append((arrival, leave))
            ed_profile = _related(rng, profile, data)
            stays.append(
                Stay(
                    profile=ed_profile,
                    encounter_class=EncounterClass.EMERGENCY,
                    admit=arrival,
                    discharge=leave,
                    planned=None,
                    status=EncounterStatus.DISCHARGED,
                    unit_code=None,
                    service="EM",
                    room=None,
                    bed=None,
                    admission_type=AdmissionType.EMERGENCY,
                    disposition="aadvice" if rng.random() < 0.03 else "home",
                    ed_code=rng.choice(ed_profile.ed_codes),
                )
            )
            break
    stays.sort(key=lambda s: s.admit)
    return stays
