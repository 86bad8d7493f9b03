"""Referrals of a stay's needs to community resources, and the care plan's discharge warnings.

A need (from the assessment, table ``need``) counts as referred when one of its referrals is
referred, accepted, completed or declined by the patient (see
:data:`~transitions.domain.careplan.REFERRED_STATUSES`). Open needs of a domain that expects a
community referral (``resources/careplan/community.toml``) without one are warnings at
discharge: :func:`careplan_warnings`, :func:`careplan_readiness`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from transitions.db.assessment_models import Need
from transitions.db.careplan_models import CommunityResource, Referral
from transitions.db.models import Encounter
from transitions.domain.assessment import NeedStatus
from transitions.domain.assessment_form import load_form
from transitions.domain.careplan import REFERRED_STATUSES, ReferralStatus, vocabulary
from transitions.errors import ConflictError, NotFoundError, ValidationError
from transitions.services.encounters import register_stay_section
from transitions.services.permissions import require, require_stay
from transitions.services.readiness_messages import Message, MessageKey, say
from transitions.services.uow import Actor, UnitOfWork

MAX_NOTES = 2000
#: A follow-up date further ahead than this is almost certainly a typing mistake.
MAX_FOLLOW_UP_DAYS = 365


@dataclass(frozen=True)
class ReferralView:
    id: int
    version_id: int
    need_id: int
    need_domain: str
    resource_id: int
    resource_name: str
    resource_category: str
    resource_phone: str | None
    status: ReferralStatus
    referred_on: date
    follow_up_on: date | None
    notes: str | None
    created_by: str
    status_changed_at: datetime
    status_changed_by: str

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.value
        return data


@dataclass(frozen=True)
class NeedReferrals:
    """One need of the stay with its referrals (newest first) and whether it is referred."""

    need_id: int
    domain: str
    description: str
    source_question: str
    need_status: str
    #: the need's domain is met by a community referral (else: ``met_by`` says how)
    expects_referral: bool
    met_by: str | None
    referrals: tuple[ReferralView, ...]

    @property
    def referred(self) -> bool:
        return any(r.status in REFERRED_STATUSES for r in self.referrals)

    @property
    def needs_referral(self) -> bool:
        """Open, expects a referral, and has none yet: a warning at discharge."""
        return (
            self.need_status == NeedStatus.OPEN.value
            and self.expects_referral
            and (not self.referred)
        )

    def warning(self) -> str | None:
        message = self.warning_message()
        return message.text if message is not None else None

    def warning_message(self) -> Message | None:
        """The warning as a keyed message (the need's domain and description as values)."""
        if not self.needs_referral:
            return None
        if any(r.status is ReferralStatus.UNABLE_TO_REACH for r in self.referrals):
            key = MessageKey.CAREPLAN_NEED_UNREACHABLE
        elif any(r.status is ReferralStatus.SUGGESTED for r in self.referrals):
            key = MessageKey.CAREPLAN_NEED_SUGGESTED
        else:
            key = MessageKey.CAREPLAN_NEED_NO_REFERRAL
        return say(
            key,
            need=self.domain.replace("_", " "),
            domain=self.domain,
            description=self.description,
            description_es=load_form().description_es(self.domain, self.description),
        )


@dataclass(frozen=True)
class ReferralInput:
    resource_id: int
    status: ReferralStatus = ReferralStatus.REFERRED
    #: default: today at the hospital
    referred_on: date | None = None
    follow_up_on: date | None = None
    notes: str | None = None


def view_of(referral: Referral) -> ReferralView:
    resource = referral.resource
    return ReferralView(
        id=referral.id,
        version_id=referral.version_id,
        need_id=referral.need_id,
        need_domain=referral.need.domain.value,
        resource_id=resource.id,
        resource_name=resource.name,
        resource_category=resource.category,
        resource_phone=resource.phone,
        status=referral.status,
        referred_on=referral.referred_on,
        follow_up_on=referral.follow_up_on,
        notes=referral.notes,
        created_by=referral.created_by_name,
        status_changed_at=referral.status_changed_at,
        status_changed_by=referral.status_changed_by,
    )


def _encounter(uow: UnitOfWork, encounter_id: int) -> Encounter:
    encounter = uow.session.get(Encounter, encounter_id)
    if encounter is None:
        raise NotFoundError(f"no stay with id {encounter_id}")
    return encounter


def stay_referrals(uow: UnitOfWork, encounter_id: int) -> list[ReferralView]:
    """Every referral of a stay, oldest first (no permission check: for other services)."""
    rows = uow.session.scalars(
        select(Referral)
        .where(Referral.encounter_id == encounter_id)
        .options(selectinload(Referral.resource), selectinload(Referral.need))
        .order_by(Referral.referred_on, Referral.id)
    )
    return [view_of(r) for r in rows]


def stay_needs(uow: UnitOfWork, encounter_id: int) -> list[NeedReferrals]:
    """The stay's needs with their referrals (no permission check: for other services)."""
    # built once for the steps loaded together (UnitOfWork.reuse)
    return list(uow.reuse(("stay_needs", encounter_id), lambda: _stay_needs(uow, encounter_id)))


def _stay_needs(uow: UnitOfWork, encounter_id: int) -> tuple[NeedReferrals, ...]:
    vocab = vocabulary()
    by_need: dict[int, list[ReferralView]] = {}
    for referral in reversed(stay_referrals(uow, encounter_id)):
        by_need.setdefault(referral.need_id, []).append(referral)
    needs = uow.session.scalars(
        select(Need).where(Need.encounter_id == encounter_id).order_by(Need.id)
    )
    return tuple(
        NeedReferrals(
            need_id=n.id,
            domain=n.domain.value,
            description=n.description,
            source_question=n.source_question,
            need_status=n.status.value,
            expects_referral=vocab.expects_referral(n.domain.value),
            met_by=vocab.met_by.get(n.domain.value),
            referrals=tuple(by_need.get(n.id, ())),
        )
        for n in needs
    )


def list_need_referrals(uow: UnitOfWork, actor: Actor, encounter_id: int) -> list[NeedReferrals]:
    """The care plan step's list: every need of the stay with its referrals."""
    require(actor, "stay.view")
    encounter = _encounter(uow, encounter_id)
    require_stay(actor, "stay.view", encounter.unit_id)
    return stay_needs(uow, encounter_id)


# -- changes ---------------------------------------------------------------------------------


def _check(uow: UnitOfWork, data: ReferralInput, referred_on: date) -> None:
    if referred_on > uow.today():
        raise ValidationError("the referral date cannot be in the future", field="referred_on")
    if data.follow_up_on is not None:
        if data.follow_up_on < referred_on:
            raise ValidationError(
                "the follow-up date cannot be before the referral date", field="follow_up_on"
            )
        if data.follow_up_on > uow.today() + timedelta(days=MAX_FOLLOW_UP_DAYS):
            raise ValidationError(
                f"the follow-up date must be within {MAX_FOLLOW_UP_DAYS} days",
                field="follow_up_on",
            )
    if data.notes is not None and len(data.notes) > MAX_NOTES:
        raise ValidationError(f"notes are limited to {MAX_NOTES} characters", field="notes")


def _snapshot(referral: Referral) -> dict[str, Any]:
    return {
        "status": referral.status.value,
        "referred_on": referral.referred_on.isoformat(),
        "follow_up_on": referral.follow_up_on.isoformat() if referral.follow_up_on else None,
        "notes": referral.notes,
    }


def add_referral(uow: UnitOfWork, actor: Actor, need_id: int, data: ReferralInput) -> int:
    """Refer (or only suggest) an open need to an active resource; returns the referral id."""
    require(actor, "careplan.edit")
    need = uow.session.get(Need, need_id)
    if need is None:
        raise NotFoundError(f"no need with id {need_id}")
    encounter = _encounter(uow, need.encounter_id)
    require_stay(actor, "careplan.edit", encounter.unit_id)
    if need.status is not NeedStatus.OPEN:
        raise ValidationError(
            f"this need is {need.status.value}; only open needs are referred", field="need"
        )
    resource = uow.session.get(CommunityResource, data.resource_id)
    if resource is None or not resource.active:
        raise ValidationError("choose an active community resource", field="resource")
    duplicate = uow.session.scalar(
        select(func.count(Referral.id)).where(
            Referral.need_id == need.id,
            Referral.resource_id == resource.id,
            Referral.status.in_(
                [ReferralStatus.SUGGESTED, ReferralStatus.REFERRED, ReferralStatus.ACCEPTED]
            ),
        )
    )
    if duplicate:
        raise ValidationError(
            f"this need is already referred to {resource.name}; update that referral",
            field="resource",
        )
    referred_on = data.referred_on or uow.today()
    _check(uow, data, referred_on)
    referral = Referral(
        encounter_id=encounter.id,
        need_id=need.id,
        resource_id=resource.id,
        status=ReferralStatus(data.status),
        referred_on=referred_on,
        follow_up_on=data.follow_up_on,
        notes=(data.notes or "").strip() or None,
        created_by_id=actor.user_id,
        created_by_name=actor.display_name,
        status_changed_at=uow.now(),
        status_changed_by=actor.display_name,
    )
    uow.session.add(referral)
    uow.session.flush()
    details = {"after": _snapshot(referral), "need_id": need.id, "resource_id": resource.id}
    uow.audit(
        actor, "create", "referral", referral.id, patient_id=encounter.patient_id, details=details
    )
    uow.commit()
    return referral.id


def update_referral(
    uow: UnitOfWork,
    actor: Actor,
    referral_id: int,
    *,
    expected_version: int,
    status: ReferralStatus,
    follow_up_on: date | None,
    notes: str | None,
) -> ReferralView:
    """Change a referral's status, follow-up date and notes (optimistic lock on its version)."""
    require(actor, "careplan.edit")
    status = ReferralStatus(status)
    referral = uow.session.get(Referral, referral_id)
    if referral is None:
        raise NotFoundError(f"no referral with id {referral_id}")
    encounter = _encounter(uow, referral.encounter_id)
    require_stay(actor, "careplan.edit", encounter.unit_id)
    if referral.version_id != expected_version:
        raise ConflictError(
            "this referral was changed by someone else since you opened it; reload it and try "
            "again",
            theirs={"status": referral.status.value},
        )
    data = ReferralInput(referral.resource_id, status, referral.referred_on, follow_up_on, notes)
    _check(uow, data, referral.referred_on)
    before = _snapshot(referral)
    if referral.status is not status:
        referral.status_changed_at = uow.now()
        referral.status_changed_by = actor.display_name
    referral.status = status
    referral.follow_up_on = follow_up_on
    referral.notes = (notes or "").strip() or None
    after = _snapshot(referral)
    if after == before:
        return view_of(referral)
    uow.session.flush()
    uow.audit(
        actor,
        "update",
        "referral",
        referral.id,
        patient_id=encounter.patient_id,
        details={"before": before, "after": after},
    )
    uow.commit()
    return view_of(referral)


# -- discharge readiness ---------------------------------------------------------------------


def careplan_warnings(uow: UnitOfWork, encounter: Encounter) -> list[str]:
    """One line per open need that should have a community referral and has none (no
    permission check or audit: the caller, e.g. the guided discharge, does both)."""
    return [w.text for w in careplan_warning_messages(uow, encounter)]


def careplan_warning_messages(uow: UnitOfWork, encounter: Encounter) -> list[Message]:
    """:func:`careplan_warnings` as keyed messages."""
    return [
        w for need in stay_needs(uow, encounter.id) if (w := need.warning_message()) is not None
    ]


def careplan_readiness(uow: UnitOfWork, encounter: Encounter) -> tuple[str, list[Message]]:
    """The care plan's state for the discharge checklist, with its problems:

    - ``missing``: no goal set and no referral made yet;
    - ``warning``: open needs without a referral (:func:`careplan_warnings`);
    - ``in_progress``: referrals in hand but no goal set with the patient yet;
    - ``done``: at least one goal and every referable open need referred.
    """
    from transitions.services.goals import goal_rows  # goals' links name referrals

    warnings = careplan_warning_messages(uow, encounter)
    # the rows the care plan step reads (counted here, not counted again by the database)
    goals = len(goal_rows(uow, encounter.id))
    referrals = len(stay_referrals(uow, encounter.id))
    problems = list(warnings)
    if not goals:
        problems.append(say(MessageKey.CAREPLAN_NO_GOAL))
    if not goals and not referrals:
        return "missing", problems
    if warnings:
        return "warning", problems
    if not goals:
        return "in_progress", problems
    return "done", problems


# -- encounter show --------------------------------------------------------------------------


def _section(uow: UnitOfWork, encounter: Encounter) -> list[dict[str, Any]]:
    return [r.to_json() for r in stay_referrals(uow, encounter.id)]


register_stay_section("referrals", _section)
