"""Synthetic demo patients: who they are, what chronic conditions they live with, what they take.

Everything is drawn from one ``random.Random`` per patient, so a patient depends only on the
seed and its position — never on chunk sizes or on the patients generated before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import Any

from transitions.demo.data import Condition, DemoData, Drug, Profile, RegimenGroup
from transitions.domain.enums import AllergySeverity, Sex

#: Ordinal of the ICD-10-CM chapters (A..N) whose codes we keep one per 3-character category.
_DISEASE_CHAPTERS = frozenset("ABCDEFGHIJKLMN")
MAX_HOME_MEDS = 15


@dataclass(frozen=True)
class Directory:
    """Ids of the reference rows a patient or stay points at."""

    unit_ids: dict[str, int]
    unit_floors: dict[str, int]
    pcp_ids: tuple[int, ...]
    pcp_ids_by_language: dict[str, tuple[int, ...]]
    attending_ids: dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class HomeMed:
    drug: Drug
    dose: str
    frequency: str


@dataclass
class PatientCase:
    """One demo patient before rows are written: demographics plus clinical background."""

    patient_id: int
    profile: Profile
    sex: Sex
    age: int
    language: str
    has_caregiver: bool
    row: dict[str, Any]
    conditions: list[Condition] = field(default_factory=list)
    chronic_codes: list[str] = field(default_factory=list)
    home_meds: list[HomeMed] = field(default_factory=list)
    allergies: list[tuple[str, str, AllergySeverity]] = field(default_factory=list)
    avoid: frozenset[str] = frozenset()

    @property
    def female(self) -> bool:
        return self.sex is not Sex.MALE

    @property
    def home_classes(self) -> frozenset[str]:
        return frozenset(m.drug.drug_class for m in self.home_meds)

    @property
    def condition_keys(self) -> frozenset[str]:
        return frozenset(c.key for c in self.conditions)


def mrn_for(index: int) -> str:
    """'M' + 7 digits; a fixed permutation of the patient index, unique below 9,000,000."""
    return f"M{1_000_000 + (index * 7_654_321) % 9_000_000:07d}"


def phone(rng: Random, data: DemoData) -> str:
    """A number in the reserved fictional range NXX-555-0100..0199."""
    return f"({rng.choice(data.area_codes)}) 555-01{rng.randrange(100):02d}"


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def birth_date_for(rng: Random, age: int, today: date) -> date:
    """A birth date that makes the patient exactly ``age`` on ``today``."""
    latest = years_before(today, age)
    earliest = years_before(today, age + 1) + timedelta(days=1)
    return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))


def add_code(codes: list[str], code: str) -> None:
    """Append unless present; disease chapters keep one code per 3-character category."""
    if code in codes:
        return
    if code[0] in _DISEASE_CHAPTERS and any(c[:3] == code[:3] for c in codes):
        return
    codes.append(code)


def make_patient(
    rng: Random, index: int, patient_id: int, data: DemoData, directory: Directory, today: date
) -> PatientCase:
    profile = data.profile_choice.pick(rng)
    roll = rng.random()
    if roll < 0.002:
        sex = Sex.OTHER
    elif roll < 0.002 + profile.female * 0.998:
        sex = Sex.FEMALE
    else:
        sex = Sex.MALE
    low, mode, high = profile.age
    age = min(max(round(rng.triangular(low, high, mode)), 18), 104)
    language = data.languages.pick(rng)
    interpreter = rng.random() < data.interpreter_share.get(language, 0.0)
    names = data.names[language]
    female_names = sex is Sex.FEMALE or (sex is Sex.OTHER and rng.random() < 0.5)
    given_pool = names.female if female_names else names.male
    given = rng.choice(given_pool)
    middle = rng.choice(given_pool) if rng.random() < 0.4 else None
    if middle == given:
        middle = None
    family = rng.choice(names.family)
    if language == "es" and rng.random() < 0.35:
        family = f"{family} {rng.choice(names.family)}"
    city = data.cities.pick(rng)
    unit = rng.choice(data.address_units)
    address = f"{rng.randint(1, 9800)} {rng.choice(data.streets)}"
    caregiver_p = 0.45 if age < 65 else 0.62 if age < 80 else 0.8
    has_caregiver = rng.random() < caregiver_p
    caregiver: dict[str, Any] = {"name": None, "relation": None, "phone": None}
    if has_caregiver:
        relation = (data.relations_older if age >= 70 else data.relations_younger).pick(rng)
        cg_female = relation in ("daughter", "mother", "sister", "niece") or (
            relation not in ("son", "brother") and rng.random() < 0.6
        )
        cg_given = rng.choice(names.female if cg_female else names.male)
        same_family = relation in ("spouse", "son", "daughter", "brother", "sister")
        cg_family = family if same_family and rng.random() < 0.7 else rng.choice(names.family)
        caregiver = {
            "name": f"{cg_given} {cg_family}",
            "relation": relation,
            "phone": phone(rng, data),
        }
    pcp_id: int | None = None
    if rng.random() < 0.88:
        speakers = directory.pcp_ids_by_language.get(language, ())
        pool = speakers if speakers and rng.random() < 0.7 else directory.pcp_ids
        pcp_id = rng.choice(pool)
    row: dict[str, Any] = {
        "id": patient_id,
        "mrn": mrn_for(index),
        "family_name": family,
        "given_name": given,
        "middle_name": middle,
        "birth_date": birth_date_for(rng, age, today),
        "sex": sex.value,
        "preferred_language": language,
        "interpreter_needed": interpreter,
        "phone": phone(rng, data) if rng.random() < 0.97 else None,
        "address_line": f"{address}, {unit}" if unit else address,
        "city": city.name,
        "state": data.state,
        "postal_code": rng.choice(city.zips),
        "caregiver_name": caregiver["name"],
        "caregiver_relation": caregiver["relation"],
        "caregiver_phone": caregiver["phone"],
        "pcp_id": pcp_id,
        "preferred_pharmacy": rng.choice(data.pharmacies) if rng.random() < 0.92 else None,
        "version_id": 1,
    }
    case = PatientCase(patient_id, profile, sex, age, language, has_caregiver, row)
    _add_background(rng, case, data)
    return case


def _add_background(rng: Random, case: PatientCase, data: DemoData) -> None:
    """Chronic conditions, allergies and the home medication list."""
    female = case.female
    for key, condition in data.conditions.items():
        if condition.sex == "male" and case.sex is not Sex.MALE:
            continue
        if condition.sex == "female" and case.sex is not Sex.FEMALE:
            continue
        p = max(case.profile.conditions.get(key, 0.0), condition.probability(case.age, female))
        if rng.random() < p:
            case.conditions.append(condition)
            add_code(case.chronic_codes, condition.codes.pick(rng))

    count = 0 if rng.random() < data.allergy_none_share else data.allergy_count.pick(rng)
    avoid: set[str] = set()
    seen: set[str] = set()
    for _ in range(count):
        spec = data.allergies.pick(rng)
        if spec.substance in seen:
            continue
        seen.add(spec.substance)
        reaction, severity = spec.reactions.pick(rng)
        case.allergies.append((spec.substance, reaction, severity))
        avoid |= spec.avoid
    case.avoid = frozenset(avoid)

    groups: list[RegimenGroup] = [g for c in case.conditions for g in c.regimen]
    groups += case.profile.regimen
    groups += data.general_regimen
    classes: set[str] = set()
    meds: list[HomeMed] = []
    for group in groups:
        if case.age < group.min_age or rng.random() >= group.p:
            continue
        names = [n for n in group.options.pick(rng) if n not in case.avoid] if group.options else []
        if group.code and (group.options is None or names):
            add_code(case.chronic_codes, group.code)
        for name in names:
            drug = data.drugs[name]
            if drug.drug_class not in classes:
                classes.add(drug.drug_class)
                meds.append(HomeMed(drug, rng.choice(drug.doses), rng.choice(drug.frequencies)))
    while len(meds) > MAX_HOME_MEDS:
        meds.pop(rng.randrange(len(meds)))
    case.home_meds = meds
