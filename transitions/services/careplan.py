"""The care plan of a stay (issue 7, slice B) in one place for other areas: importing this
module registers the ``referrals`` and ``goals`` stay sections and the FHIR export contributor.

Public: :func:`careplan_warnings` and :func:`careplan_readiness` (guided discharge), and the
services of :mod:`.community_resources`, :mod:`.referrals` and :mod:`.goals`.
"""

from __future__ import annotations

from dataclasses import dataclass

from transitions.db.models import Encounter
from transitions.errors import NotFoundError
from transitions.services import goals, interop_careplan, referrals
from transitions.services.goals import GoalLinkOption, GoalView
from transitions.services.permissions import require, require_stay
from transitions.services.referrals import (
    NeedReferrals,
    ReferralView,
    careplan_readiness,
    careplan_warnings,
)
from transitions.services.uow import Actor, UnitOfWork

__all__ = [
    "CarePlanView",
    "careplan_readiness",
    "careplan_warnings",
    "get_care_plan",
    "goals",
    "interop_careplan",
    "referrals",
]


@dataclass(frozen=True)
class CarePlanView:
    """Everything the Care plan step shows: needs with referrals, goals, link choices."""

    encounter_id: int
    needs: tuple[NeedReferrals, ...]
    referrals: tuple[ReferralView, ...]
    goals: tuple[GoalView, ...]
    link_options: tuple[GoalLinkOption, ...]

    @property
    def unreferred(self) -> tuple[NeedReferrals, ...]:
        """Open needs that should have a community referral and have none."""
        return tuple(n for n in self.needs if n.needs_referral)


def get_care_plan(uow: UnitOfWork, actor: Actor, encounter_id: int) -> CarePlanView:
    """The stay's care plan for the workspace step (audited as a view of the record)."""
    require(actor, "stay.view")
    encounter = uow.session.get(Encounter, encounter_id)
    if encounter is None:
        raise NotFoundError(f"no stay with id {encounter_id}")
    require_stay(actor, "stay.view", encounter.unit_id)
    view = CarePlanView(
        encounter_id=encounter.id,
        needs=tuple(referrals.stay_needs(uow, encounter.id)),
        referrals=tuple(referrals.stay_referrals(uow, encounter.id)),
        goals=tuple(goals.stay_goals(uow, encounter)),
        link_options=tuple(goals.link_options(uow, encounter)),
    )
    uow.audit(actor, "view", "care_plan", encounter.visit_number, patient_id=encounter.patient_id)
    uow.commit()
    return view
