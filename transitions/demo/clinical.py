"""Rows of one demo stay: diagnoses, labs, home medication list and inpatient orders."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from random import Random
from typing import Any

from transitions.demo.data import DemoData, LabSpec, OrderSpec
from transitions.demo.people import PatientCase, add_code
from transitions.demo.timeline import Stay, at
from transitions.domain.enums import CodeSystem, MedicationList, MedicationSource

MAX_DIAGNOSES = 12
MISSING_SODIUM_SHARE = 0.04
#: share of stays with a hyponatremia not explained by the profile (drugs, SIADH, poor intake)
EXTRA_HYPONATREMIA_SHARE = 0.05
_SOURCES_WITH_CAREGIVER = (
    (MedicationSource.PATIENT.value, 35),
    (MedicationSource.CAREGIVER.value, 25),
    (MedicationSource.PHARMACY.value, 22),
    (MedicationSource.PRIOR_RECORD.value, 18),
)
_SOURCES_ALONE = (
    (MedicationSource.PATIENT.value, 50),
    (MedicationSource.PHARMACY.value, 28),
    (MedicationSource.PRIOR_RECORD.value, 22),
)


def _tracked(at_time: datetime, updated: datetime | None = None) -> dict[str, Any]:
    return {"created_at": at_time, "updated_at": updated or at_time, "version_id": 1}


def diagnosis_codes(rng: Random, case: PatientCase, stay: Stay) -> list[str]:
    """Principal first, then the profile's usual companions, then the chronic conditions."""
    if stay.ed_code is not None:
        return [stay.ed_code]
    profile = stay.profile
    codes = [profile.principal.pick(rng)]
    for code in profile.with_codes:
        add_code(codes, code)
    for code, p in profile.secondary:
        if rng.random() < p:
            add_code(codes, code)
    for code in case.chronic_codes:
        add_code(codes, code)
    return codes[:MAX_DIAGNOSES]


def diagnosis_rows(
    codes: list[str], encounter_id: int, data: DemoData, when: datetime
) -> list[dict[str, Any]]:
    return [
        {
            "encounter_id": encounter_id,
            "code_system": CodeSystem.ICD10CM.value,
            "code": code,
            "description": data.descriptions[code],
            "principal": n == 0,
            "rank": n + 1,
            **_tracked(when),
        }
        for n, code in enumerate(codes)
    ]


def _lab_value(rng: Random, spec: LabSpec, case: PatientCase, stay: Stay) -> Decimal:
    mean, sd = spec.female if case.female else spec.male
    shift = stay.profile.labs.get(spec.key, 0.0)
    extra = [c.labs.get(spec.key, 0.0) for c in case.conditions]
    if spec.multiplicative:
        factor = max(shift, 1.0) * max([1.0, *extra])
        value = rng.gauss(mean, sd) * factor * rng.uniform(0.85, 1.15)
        if case.age >= 80:
            value += 0.1
    else:
        value = rng.gauss(mean + shift + sum(extra), sd)
        if spec.key == "hemoglobin" and case.age >= 80:
            value -= 0.4
        if spec.key == "sodium" and rng.random() < EXTRA_HYPONATREMIA_SHARE:
            value -= rng.uniform(5, 11)
    value = min(max(value, spec.low), spec.high)
    return Decimal(f"{value:.{spec.decimals}f}")


def lab_rows(
    rng: Random, case: PatientCase, stay: Stay, data: DemoData, today: date, tz: tzinfo
) -> list[dict[str, Any]]:
    """The last basic labs of a stay: on the discharge morning, or this morning if still in."""
    day = stay.discharge.astimezone(tz).date() if stay.discharge else today
    observed = at(day, rng.choice((4, 5, 5, 6)), rng.randrange(60), tz)
    observed = max(observed, stay.admit + timedelta(hours=1))
    rows = []
    for spec in data.labs:
        if spec.key == "sodium" and rng.random() < MISSING_SODIUM_SHARE:
            continue
        rows.append(
            {
                "encounter_id": stay.id,
                "loinc_code": spec.loinc,
                "name": spec.name,
                "value": _lab_value(rng, spec, case, stay),
                "unit": spec.unit,
                "observed_at": observed,
                **_tracked(observed),
            }
        )
    return rows


def _pick_source(rng: Random, case: PatientCase) -> str:
    table = _SOURCES_WITH_CAREGIVER if case.has_caregiver else _SOURCES_ALONE
    roll = rng.random() * sum(w for _, w in table)
    for source, weight in table:
        roll -= weight
        if roll < 0:
            return source
    return table[-1][0]


def home_med_rows(rng: Random, case: PatientCase, stay: Stay, latest: bool) -> list[dict[str, Any]]:
    """The home list taken at admission (earlier stays miss drugs started since)."""
    recorded = stay.admit + timedelta(minutes=rng.randint(45, 240))
    rows = []
    for med in case.home_meds:
        if not latest and rng.random() < 0.12:
            continue
        rows.append(
            {
                "encounter_id": stay.id,
                "list_kind": MedicationList.HOME.value,
                "drug_name": med.drug.name,
                "dose": med.dose,
                "route": med.drug.route,
                "frequency": med.frequency,
                "prn": med.drug.prn,
                "indication": med.drug.indication,
                "source": _pick_source(rng, case),
                "recorded_at": recorded,
                **_tracked(recorded),
            }
        )
    return rows


def _allowed(spec: OrderSpec, case: PatientCase) -> OrderSpec | None:
    if spec.drug not in case.avoid:
        return spec
    if spec.instead is not None and spec.instead.drug not in case.avoid:
        return spec.instead
    return None


def inpatient_orders(rng: Random, case: PatientCase, stay: Stay, data: DemoData) -> list[OrderSpec]:
    """What a current inpatient has been ordered: the profile's treatment plus routine orders."""
    chosen: list[OrderSpec] = []
    for group in stay.profile.orders:
        if rng.random() < group.p:
            spec = _allowed(group.options.pick(rng), case)
            if spec is not None:
                chosen.append(spec)
    key = stay.profile.key
    classes = case.home_classes
    conditions = case.condition_keys
    for order in data.general_orders:
        if order.unless_profile and key in order.unless_profile:
            continue
        if order.only_profile and key not in order.only_profile:
            continue
        if order.only_condition and not (order.only_condition & conditions):
            continue
        if order.unless_home_class & classes or rng.random() >= order.p:
            continue
        spec = _allowed(order.spec, case)
        if spec is not None:
            chosen.append(spec)
    seen: set[str] = set()
    unique = []
    for spec in chosen:
        if spec.drug not in seen:
            seen.add(spec.drug)
            unique.append(spec)
    return unique


def order_rows(rng: Random, case: PatientCase, stay: Stay, data: DemoData) -> list[dict[str, Any]]:
    recorded = stay.admit + timedelta(minutes=rng.randint(60, 180))
    return [
        {
            "encounter_id": stay.id,
            "list_kind": MedicationList.INPATIENT.value,
            "drug_name": spec.drug,
            "dose": spec.dose,
            "route": spec.route,
            "frequency": spec.frequency,
            "prn": spec.prn,
            "indication": spec.indication,
            "source": MedicationSource.ORDER.value,
            "recorded_at": recorded,
            **_tracked(recorded),
        }
        for spec in inpatient_orders(rng, case, stay, data)
    ]
