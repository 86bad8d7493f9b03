"""LACE and HOSPITAL computed from what is stored about a stay, and stored with their inputs.

Where each input comes from:

- length of stay: admission date to discharge date (or planned discharge, at planning) in the
  hospital's zone;
- emergent / non-elective admission: ``admission_type`` other than elective;
- Charlson: the stay's ICD-10 and SNOMED diagnoses (codes of other systems count nothing);
- ED visits (6 months) and admissions (12 months): :func:`prior_utilization`;
- hemoglobin (LOINC 718-7) and sodium (LOINC 2951-2): the stay's latest result;
- oncology: hospital service ``ONC``;
- procedure during stay: no procedure record exists yet, so it is always *missing* (flagged,
  scored 0) rather than assumed absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import select

from transitions.db.followup_models import RiskAssessment
from transitions.db.models import Encounter
from transitions.domain.enums import AdmissionType, CodeSystem
from transitions.domain.followup import RiskStage, combined_tier
from transitions.domain.risk import (
    HospitalInput,
    LaceInput,
    RiskItem,
    charlson_index,
    hospital_score,
    lace_score,
)
from transitions.domain.risk.charlson import classify
from transitions.errors import ValidationError
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

HEMOGLOBIN_LOINC = "718-7"
SODIUM_LOINC = "2951-2"
ONCOLOGY_SERVICE = "ONC"


@dataclass(frozen=True)
class StayFacts:
    """The stored facts the scores use, as plain data."""

    los_days: int
    admission_type: AdmissionType
    hospital_service: str | None
    diagnoses: tuple[tuple[CodeSystem, str], ...]
    hemoglobin_g_dl: float | None
    sodium_mmol_l: float | None
    procedure: bool | None
    ed_visits_6mo: int
    admissions_12mo: int


@dataclass(frozen=True)
class RiskItemView:
    key: str
    label: str
    value: int | float | bool | None
    points: int
    rule: str
    missing: bool


@dataclass(frozen=True)
class RiskView:
    """A stored assessment: both scores with their tiers and item-by-item 'why'."""

    stage: str
    computed_at: datetime
    lace_score: int
    lace_tier: str
    hospital_score: int
    hospital_tier: str
    tier: str
    missing: tuple[str, ...]
    lace: tuple[RiskItemView, ...]
    hospital: tuple[RiskItemView, ...]
    charlson_categories: tuple[str, ...]
    inputs: dict[str, Any]

    def why(self) -> list[str]:
        """One line per item that scored or is missing: 'LACE L: 7 days -> 5 points'."""
        lines = []
        for name, items in (("LACE", self.lace), ("HOSPITAL", self.hospital)):
            for item in items:
                if item.missing:
                    lines.append(f"{name} {item.label}: not recorded (missing, counted 0)")
                elif item.points:
                    lines.append(f"{name} {item.label}: {item.rule} -> {item.points} points")
        return lines


_ITEM_FIELDS = tuple(f.name for f in fields(RiskItem))


def _items(items: Iterable[RiskItem]) -> list[dict[str, Any]]:
    # asdict() without its deep copy (the values are plain scalars): copying them was most of
    # the time the ADT feed spent scoring a discharge
    return [{name: getattr(item, name) for name in _ITEM_FIELDS} for item in items]


def charlson_of(diagnoses: Sequence[tuple[CodeSystem, str]]) -> tuple[int, tuple[str, ...]]:
    usable = []
    for system, code in diagnoses:
        if system is CodeSystem.OTHER:
            continue
        try:
            classify(system, code)
        except ValidationError:
            continue  # a malformed stored code counts nothing (validated on entry)
        usable.append((system, code))
    result = charlson_index(usable)
    return result.index, result.categories


def score_facts(facts: StayFacts) -> dict[str, Any]:
    """Both scores of ``facts`` as the JSON stored in ``risk_assessment.details`` + summary."""
    charlson, categories = charlson_of(facts.diagnoses)
    nonelective = facts.admission_type is not AdmissionType.ELECTIVE
    lace = lace_score(LaceInput(facts.los_days, nonelective, charlson, facts.ed_visits_6mo))
    hospital = hospital_score(
        HospitalInput(
            hemoglobin_g_dl=facts.hemoglobin_g_dl,
            sodium_mmol_l=facts.sodium_mmol_l,
            oncology=facts.hospital_service == ONCOLOGY_SERVICE,
            procedure=facts.procedure,
            nonelective=nonelective,
            admissions_12mo=facts.admissions_12mo,
            los_days=facts.los_days,
        )
    )
    inputs = {
        "los_days": facts.los_days,
        "admission_type": facts.admission_type.value,
        "hospital_service": facts.hospital_service,
        "diagnoses": [f"{system.value}:{code}" for system, code in facts.diagnoses],
        "hemoglobin_g_dl": facts.hemoglobin_g_dl,
        "sodium_mmol_l": facts.sodium_mmol_l,
        "procedure": facts.procedure,
        "ed_visits_6mo": facts.ed_visits_6mo,
        "admissions_12mo": facts.admissions_12mo,
        "charlson": charlson,
    }
    missing = [f"LACE.{k}" for k in lace.missing] + [f"HOSPITAL.{k}" for k in hospital.missing]
    return {
        "lace_score": lace.score,
        "lace_tier": lace.tier.value,
        "hospital_score": hospital.score,
        "hospital_tier": hospital.tier.value,
        "missing": missing,
        "details": {
            "inputs": inputs,
            "lace": _items(lace.items),
            "hospital": _items(hospital.items),
            "charlson_categories": list(categories),
        },
    }


def facts_of(uow: UnitOfWork, encounter: Encounter, stage: RiskStage) -> StayFacts:
    from transitions.services.encounters import length_of_stay_days, prior_utilization

    end = encounter.discharge_time
    if end is None:
        end = encounter.planned_discharge_time or uow.now()
    prior = prior_utilization(uow, encounter)
    latest: dict[str, float] = {}
    for lab in sorted(encounter.labs, key=lambda lab: lab.observed_at):
        latest[lab.loinc_code] = float(lab.value)
    return StayFacts(
        los_days=max(length_of_stay_days(encounter.admit_time, end, uow.tz), 0),
        admission_type=encounter.admission_type,
        hospital_service=encounter.hospital_service,
        diagnoses=tuple((d.code_system, d.code) for d in encounter.diagnoses),
        hemoglobin_g_dl=latest.get(HEMOGLOBIN_LOINC),
        sodium_mmol_l=latest.get(SODIUM_LOINC),
        procedure=None,
        ed_visits_6mo=prior.ed_visits_6_months,
        admissions_12mo=prior.admissions_12_months,
    )


def store_assessment(
    uow: UnitOfWork, encounter_id: int, stage: RiskStage, scored: dict[str, Any]
) -> RiskAssessment:
    """Insert or replace the stage's assessment (no commit, no audit: callers do both)."""
    row = uow.session.scalar(
        select(RiskAssessment).where(
            RiskAssessment.encounter_id == encounter_id, RiskAssessment.stage == stage
        )
    )
    if row is None:
        row = RiskAssessment(encounter_id=encounter_id, stage=stage)
        uow.session.add(row)
    row.computed_at = uow.now()
    row.lace_score = scored["lace_score"]
    row.lace_tier = scored["lace_tier"]
    row.hospital_score = scored["hospital_score"]
    row.hospital_tier = scored["hospital_tier"]
    row.missing = ",".join(scored["missing"])
    row.details = json.dumps(scored["details"])
    return row


def assess_stay(
    uow: UnitOfWork, actor: Actor, encounter: Encounter, stage: RiskStage
) -> RiskAssessment:
    """Compute and store both scores of a stay at ``stage``; audited; the caller commits."""
    scored = score_facts(facts_of(uow, encounter, stage))
    row = store_assessment(uow, encounter.id, stage, scored)
    uow.audit(
        actor,
        "assess_risk",
        "encounter",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details={
            "after": {
                "stage": stage.value,
                "lace": scored["lace_score"],
                "hospital": scored["hospital_score"],
                "missing": scored["missing"],
            }
        },
    )
    uow.session.flush()
    return row


def view_of(row: RiskAssessment) -> RiskView:
    details = json.loads(row.details)

    def items(key: str) -> tuple[RiskItemView, ...]:
        return tuple(RiskItemView(**item) for item in details[key])

    return RiskView(
        stage=row.stage.value,
        computed_at=row.computed_at,
        lace_score=row.lace_score,
        lace_tier=row.lace_tier,
        hospital_score=row.hospital_score,
        hospital_tier=row.hospital_tier,
        tier=combined_tier(row.lace_tier, row.hospital_tier),
        missing=tuple(m for m in row.missing.split(",") if m),
        lace=items("lace"),
        hospital=items("hospital"),
        charlson_categories=tuple(details.get("charlson_categories", ())),
        inputs=details["inputs"],
    )


def latest_assessment(uow: UnitOfWork, encounter_id: int) -> RiskAssessment | None:
    rows = uow.session.scalars(
        select(RiskAssessment).where(RiskAssessment.encounter_id == encounter_id)
    ).all()
    if not rows:
        return None
    return max(rows, key=lambda r: (r.stage is RiskStage.DISCHARGE, r.computed_at))


def recompute_risk(uow: UnitOfWork, actor: Actor, encounter_id: int, stage: RiskStage) -> RiskView:
    """Recompute a stay's scores now (e.g. after a lab arrived); commits."""
    require(actor, "stay.edit")
    from transitions.services.encounters import load_encounter

    encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=None)
    row = assess_stay(uow, actor, encounter, stage)
    view = view_of(row)
    uow.commit()
    return view


def risk_section(uow: UnitOfWork, encounter: Encounter) -> dict[str, Any]:
    """The ``risk`` section of ``encounter show --json``: every stored stage, latest first."""
    rows = uow.session.scalars(
        select(RiskAssessment).where(RiskAssessment.encounter_id == encounter.id)
    ).all()
    views = [view_of(r) for r in rows]
    views.sort(key=lambda v: (v.stage == RiskStage.DISCHARGE.value, v.computed_at), reverse=True)
    return {
        "assessments": [{**asdict(v), "why": v.why()} for v in views],
        "latest": ({**asdict(views[0]), "why": views[0].why()} if views else None),
    }
