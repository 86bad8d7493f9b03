"""Readiness of the assessment and care-plan steps (issue 7) for the guided discharge.

The assessment step is done when its questions are answered; open needs with nothing planned
for them are the care plan's warning (one place, so the checklist does not list a need twice).
The care plan step is :func:`transitions.services.referrals.careplan_readiness`. The worklist's
bulk functions answer most stays from counts and compute only stays with open needs one by one.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from transitions.db.assessment_models import AssessmentAnswer, Need
from transitions.db.careplan_models import Goal, Referral
from transitions.db.models import Encounter
from transitions.domain.assessment import NeedStatus
from transitions.services.assessment import assessment_readiness
from transitions.services.readiness import (
    DONE,
    IN_PROGRESS,
    MISSING,
    WARNING,
    StepReadiness,
    register_readiness_step,
)
from transitions.services.referrals import careplan_readiness
from transitions.services.uow import Actor, UnitOfWork


def assessment_step(uow: UnitOfWork, encounter: Encounter) -> StepReadiness:
    status, problems = assessment_readiness(uow, encounter)
    if status == WARNING:  # complete; unplanned needs are reported by the care plan step
        return StepReadiness("assessment", DONE, ())
    return StepReadiness("assessment", status, tuple(problems))


def careplan_step(uow: UnitOfWork, encounter: Encounter) -> StepReadiness:
    status, problems = careplan_readiness(uow, encounter)
    return StepReadiness("careplan", status, tuple(problems))


def _stays(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, Encounter]:
    if not ids:
        return {}
    rows = uow.session.scalars(select(Encounter).where(Encounter.id.in_(ids)))
    return {row.id: row for row in rows}


def _assessment_bulk(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> dict[int, str]:
    answered = set(
        uow.session.scalars(
            select(AssessmentAnswer.encounter_id)
            .where(AssessmentAnswer.encounter_id.in_(ids))
            .distinct()
        )
    )
    result = {i: MISSING for i in ids if i not in answered}
    for encounter in _stays(uow, sorted(answered)).values():
        result[encounter.id] = assessment_step(uow, encounter).status
    return result


def _goal_counts(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, int]:
    rows = uow.session.execute(
        select(Goal.encounter_id, func.count())
        .where(Goal.encounter_id.in_(ids))
        .group_by(Goal.encounter_id)
    )
    return {encounter_id: count for encounter_id, count in rows}


def _referral_counts(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, int]:
    rows = uow.session.execute(
        select(Referral.encounter_id, func.count())
        .where(Referral.encounter_id.in_(ids))
        .group_by(Referral.encounter_id)
    )
    return {encounter_id: count for encounter_id, count in rows}


def _careplan_bulk(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> dict[int, str]:
    goals = _goal_counts(uow, ids)
    referrals = _referral_counts(uow, ids)
    with_open_needs = set(
        uow.session.scalars(
            select(Need.encounter_id)
            .where(Need.encounter_id.in_(ids), Need.status == NeedStatus.OPEN)
            .distinct()
        )
    )
    result: dict[int, str] = {}
    for i in ids:
        if i in with_open_needs:
            continue
        if not goals.get(i) and not referrals.get(i):
            result[i] = MISSING
        else:
            result[i] = DONE if goals.get(i) else IN_PROGRESS
    for encounter in _stays(uow, sorted(with_open_needs)).values():
        result[encounter.id] = careplan_step(uow, encounter).status
    return result


register_readiness_step("assessment", assessment_step, bulk=_assessment_bulk)
register_readiness_step("careplan", careplan_step, bulk=_careplan_bulk)
