"""Goals made with the patient: their own words, a measurable target and a target date, the
needs / education modules / appointments / referrals that serve each goal, and the status
(active, met, not met, revised) updated on follow-up calls. Every change is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from transitions.db.appointments_models import Appointment
from transitions.db.assessment_models import Need
from transitions.db.careplan_models import CommunityResource, Goal, GoalLink, Referral
from transitions.db.models import Encounter
from transitions.domain.careplan import GoalLinkKind, GoalStatus
from transitions.domain.education.catalog import load_catalog
from transitions.errors import ConflictError, NotFoundError, ValidationError
from transitions.packet.content import GoalLine
from transitions.services.encounters import register_stay_section
from transitions.services.permissions import allowed, require, require_stay
from transitions.services.uow import Actor, UnitOfWork

MAX_TEXT = 500
MAX_NOTE = 1000
#: Goals are for the weeks after discharge: a target date further ahead is a typing mistake.
MAX_TARGET_DAYS = 365


@dataclass(frozen=True)
class GoalLinkRef:
    """What a goal links to: an id (need, appointment, referral) or an education module id."""

    kind: GoalLinkKind
    ref: int | str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "ref": self.ref}


@dataclass(frozen=True)
class GoalLinkOption:
    """Something of the stay a goal can link to, with a label for the editor."""

    link: GoalLinkRef
    label: str
    #: a need's domain (the UI names it in its own language); None for the other kinds
    domain: str | None = None


@dataclass(frozen=True)
class GoalInput:
    patient_words: str
    target: str
    target_date: date
    links: tuple[GoalLinkRef, ...] = ()


@dataclass(frozen=True)
class GoalView:
    id: int
    version_id: int
    patient_words: str
    target: str
    target_date: date
    status: GoalStatus
    status_note: str | None
    status_changed_at: datetime
    status_changed_by: str
    created_by: str
    links: tuple[GoalLinkOption, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version_id": self.version_id,
            "patient_words": self.patient_words,
            "target": self.target,
            "target_date": self.target_date,
            "status": self.status.value,
            "status_note": self.status_note,
            "status_changed_at": self.status_changed_at,
            "status_changed_by": self.status_changed_by,
            "created_by": self.created_by,
            "links": [{**o.link.to_json(), "label": o.label} for o in self.links],
        }


def _encounter(uow: UnitOfWork, encounter_id: int) -> Encounter:
    encounter = uow.session.get(Encounter, encounter_id)
    if encounter is None:
        raise NotFoundError(f"no stay with id {encounter_id}")
    return encounter


def _goal(uow: UnitOfWork, goal_id: int, expected_version: int) -> Goal:
    goal = uow.session.get(Goal, goal_id)
    if goal is None:
        raise NotFoundError(f"no goal with id {goal_id}")
    if goal.version_id != expected_version:
        raise ConflictError(
            "this goal was changed by someone else since you opened it; reload it and try again",
            theirs={"status": goal.status.value, "target": goal.target},
        )
    return goal


# -- link options ----------------------------------------------------------------------------


def link_options(uow: UnitOfWork, encounter: Encounter) -> list[GoalLinkOption]:
    """Everything of the stay a goal can serve from: needs, education modules (the stay's
    plan), open appointments and referrals — labelled for a list (no permission check)."""
    # built once for the steps loaded together (UnitOfWork.reuse)
    return list(
        uow.reuse(("goal_link_options", encounter.id), lambda: _link_options(uow, encounter))
    )


def _link_options(uow: UnitOfWork, encounter: Encounter) -> tuple[GoalLinkOption, ...]:
    # education and appointments import many services
    from transitions.services.appointments import appointment_rows
    from transitions.services.education import plan_view

    options: list[GoalLinkOption] = []
    for need in uow.session.scalars(
        select(Need).where(Need.encounter_id == encounter.id).order_by(Need.id)
    ):
        ref = GoalLinkRef(GoalLinkKind.NEED, need.id)
        options.append(GoalLinkOption(ref, need.description, need.domain.value))
    for module in plan_view(uow, encounter).modules:
        ref = GoalLinkRef(GoalLinkKind.EDUCATION_MODULE, module.module_id)
        options.append(GoalLinkOption(ref, module.title_en))
    for appt in appointment_rows(uow, encounter.id):
        options.append(
            GoalLinkOption(GoalLinkRef(GoalLinkKind.APPOINTMENT, appt.id), _appt(uow, appt))
        )
    for referral_id, name in uow.session.execute(
        select(Referral.id, CommunityResource.name)
        .join(CommunityResource, Referral.resource_id == CommunityResource.id)
        .where(Referral.encounter_id == encounter.id)
        .order_by(Referral.id)
    ):
        options.append(GoalLinkOption(GoalLinkRef(GoalLinkKind.REFERRAL, referral_id), name))
    return tuple(options)


def _appt(uow: UnitOfWork, appt: Appointment) -> str:
    where = (
        appt.provider.display_name
        if appt.provider
        else appt.clinic.name
        if appt.clinic
        else appt.type.value.replace("_", " ")
    )
    when = appt.starts_at.astimezone(uow.tz)
    return f"{where}, {when:%Y-%m-%d %H:%M}"


def goal_link_options(uow: UnitOfWork, actor: Actor, encounter_id: int) -> list[GoalLinkOption]:
    require(actor, "stay.view")
    encounter = _encounter(uow, encounter_id)
    require_stay(actor, "stay.view", encounter.unit_id)
    return link_options(uow, encounter)


# -- reading ---------------------------------------------------------------------------------


def _view(goal: Goal, options: dict[tuple[str, str], GoalLinkOption]) -> GoalView:
    links = []
    for link in goal.links:
        ref = _ref_of(link)
        links.append(options.get((ref.kind.value, str(ref.ref)), GoalLinkOption(ref, str(ref.ref))))
    return GoalView(
        id=goal.id,
        version_id=goal.version_id,
        patient_words=goal.patient_words,
        target=goal.target,
        target_date=goal.target_date,
        status=goal.status,
        status_note=goal.status_note,
        status_changed_at=goal.status_changed_at,
        status_changed_by=goal.status_changed_by,
        created_by=goal.created_by_name,
        links=tuple(links),
    )


def _ref_of(link: GoalLink) -> GoalLinkRef:
    kind = link.kind
    value: int | str | None = {
        GoalLinkKind.NEED: link.need_id,
        GoalLinkKind.APPOINTMENT: link.appointment_id,
        GoalLinkKind.REFERRAL: link.referral_id,
        GoalLinkKind.EDUCATION_MODULE: link.module_id,
    }[kind]
    assert value is not None
    return GoalLinkRef(kind, value)


def goal_rows(uow: UnitOfWork, encounter_id: int) -> list[Goal]:
    """The stay's goals with their links, oldest first."""
    return list(
        uow.session.scalars(
            select(Goal)
            .where(Goal.encounter_id == encounter_id)
            .options(selectinload(Goal.links))
            .order_by(Goal.id)
        )
    )


def stay_goals(uow: UnitOfWork, encounter: Encounter, *, with_links: bool = True) -> list[GoalView]:
    """The stay's goals, oldest first (no permission check: for other services)."""
    goals = goal_rows(uow, encounter.id)
    labels: dict[tuple[str, str], GoalLinkOption] = {}
    if with_links and any(g.links for g in goals):
        labels = {(o.link.kind.value, str(o.link.ref)): o for o in link_options(uow, encounter)}
    return [_view(g, labels) for g in goals]


def list_goals(uow: UnitOfWork, actor: Actor, encounter_id: int) -> list[GoalView]:
    require(actor, "stay.view")
    encounter = _encounter(uow, encounter_id)
    require_stay(actor, "stay.view", encounter.unit_id)
    return stay_goals(uow, encounter)


# -- changes ---------------------------------------------------------------------------------


def _check(uow: UnitOfWork, data: GoalInput, *, old_target_date: date | None = None) -> None:
    if not data.patient_words.strip():
        raise ValidationError("write the goal in the patient's own words", field="patient_words")
    if not data.target.strip():
        raise ValidationError(
            "give a measurable target (what, how much or how often)", field="target"
        )
    for name, text in (("patient_words", data.patient_words), ("target", data.target)):
        if len(text) > MAX_TEXT:
            raise ValidationError(f"limited to {MAX_TEXT} characters", field=name)
    if data.target_date != old_target_date:
        if data.target_date < uow.today():
            raise ValidationError("the target date cannot be in the past", field="target_date")
        if data.target_date > uow.today() + timedelta(days=MAX_TARGET_DAYS):
            raise ValidationError(
                f"the target date must be within {MAX_TARGET_DAYS} days", field="target_date"
            )


def _links(uow: UnitOfWork, encounter: Encounter, refs: tuple[GoalLinkRef, ...]) -> list[GoalLink]:
    """Checked link rows: each target exists and belongs to this stay; duplicates dropped."""
    links: list[GoalLink] = []
    seen: set[tuple[str, str]] = set()
    modules = None
    for ref in refs:
        key = (ref.kind.value, str(ref.ref))
        if key in seen:
            continue
        seen.add(key)
        if ref.kind is GoalLinkKind.EDUCATION_MODULE:
            modules = modules or load_catalog()
            if not isinstance(ref.ref, str) or ref.ref not in modules:
                raise ValidationError(f"no education module '{ref.ref}'", field="links")
            links.append(GoalLink(kind=ref.kind, module_id=ref.ref))
            continue
        stay_id = _stay_of(uow, ref) if isinstance(ref.ref, int) else None
        if stay_id != encounter.id:
            raise ValidationError(
                f"the linked {ref.kind.value.replace('_', ' ')} is not part of this stay",
                field="links",
            )
        column = {
            GoalLinkKind.NEED: "need_id",
            GoalLinkKind.APPOINTMENT: "appointment_id",
            GoalLinkKind.REFERRAL: "referral_id",
        }[ref.kind]
        links.append(GoalLink(kind=ref.kind, **{column: ref.ref}))
    return links


def _stay_of(uow: UnitOfWork, ref: GoalLinkRef) -> int | None:
    """The stay a linked need, appointment or referral belongs to (None: no such row)."""
    if ref.kind is GoalLinkKind.NEED:
        return uow.session.scalar(select(Need.encounter_id).where(Need.id == ref.ref))
    if ref.kind is GoalLinkKind.APPOINTMENT:
        return uow.session.scalar(select(Appointment.encounter_id).where(Appointment.id == ref.ref))
    return uow.session.scalar(select(Referral.encounter_id).where(Referral.id == ref.ref))


def _snapshot(goal: Goal) -> dict[str, Any]:
    return {
        "patient_words": goal.patient_words,
        "target": goal.target,
        "target_date": goal.target_date.isoformat(),
        "status": goal.status.value,
        "status_note": goal.status_note,
        "links": sorted(f"{link.kind.value}:{_ref_of(link).ref}" for link in goal.links),
    }


def add_goal(uow: UnitOfWork, actor: Actor, encounter_id: int, data: GoalInput) -> int:
    """Set a goal with the patient; returns its id."""
    require(actor, "careplan.edit")
    encounter = _encounter(uow, encounter_id)
    require_stay(actor, "careplan.edit", encounter.unit_id)
    _check(uow, data)
    goal = Goal(
        encounter_id=encounter.id,
        patient_words=data.patient_words.strip(),
        target=data.target.strip(),
        target_date=data.target_date,
        status=GoalStatus.ACTIVE,
        status_changed_at=uow.now(),
        status_changed_by=actor.display_name,
        created_by_id=actor.user_id,
        created_by_name=actor.display_name,
    )
    goal.links = _links(uow, encounter, data.links)
    uow.session.add(goal)
    uow.session.flush()
    uow.audit(
        actor,
        "create",
        "goal",
        goal.id,
        patient_id=encounter.patient_id,
        details={"after": _snapshot(goal)},
    )
    uow.commit()
    return goal.id


def edit_goal(
    uow: UnitOfWork, actor: Actor, goal_id: int, data: GoalInput, *, expected_version: int
) -> GoalView:
    """Change a goal's words, target, date and links (its status: :func:`set_goal_status`)."""
    require(actor, "careplan.edit")
    goal = _goal(uow, goal_id, expected_version)
    encounter = _encounter(uow, goal.encounter_id)
    require_stay(actor, "careplan.edit", encounter.unit_id)
    _check(uow, data, old_target_date=goal.target_date)
    before = _snapshot(goal)
    goal.patient_words = data.patient_words.strip()
    goal.target = data.target.strip()
    goal.target_date = data.target_date
    new_links = _links(uow, encounter, data.links)
    if sorted(f"{lk.kind.value}:{_ref_of(lk).ref}" for lk in new_links) != before["links"]:
        goal.links = new_links
        goal.updated_at = uow.now()  # a links-only edit still bumps the goal's version
    after = _snapshot(goal)
    if after != before:
        uow.session.flush()
        uow.audit(
            actor,
            "update",
            "goal",
            goal.id,
            patient_id=encounter.patient_id,
            details={"before": before, "after": after},
        )
        uow.commit()
    return stay_goals_by_id(uow, encounter, goal.id)


def set_goal_status(
    uow: UnitOfWork,
    actor: Actor,
    goal_id: int,
    status: GoalStatus,
    *,
    expected_version: int,
    note: str | None = None,
    context: str = "care_plan",
) -> GoalView:
    """Record a goal's progress: met, not met, revised (or active again), with a note of what
    the patient said. ``context`` ("care_plan" or "followup_call") goes into the audit event.
    Allowed to whoever edits care plans or makes follow-up calls."""
    if not allowed(actor, "careplan.edit"):
        require(actor, "followup.call")
    status = GoalStatus(status)
    goal = _goal(uow, goal_id, expected_version)
    encounter = _encounter(uow, goal.encounter_id)
    permission = "careplan.edit" if allowed(actor, "careplan.edit") else "followup.call"
    require_stay(actor, permission, encounter.unit_id)
    text = (note or "").strip() or None
    if text is not None and len(text) > MAX_NOTE:
        raise ValidationError(f"the note is limited to {MAX_NOTE} characters", field="note")
    if status is goal.status and text == goal.status_note:
        return stay_goals_by_id(uow, encounter, goal.id)
    before = {"status": goal.status.value, "status_note": goal.status_note}
    goal.status = status
    goal.status_note = text
    goal.status_changed_at = uow.now()
    goal.status_changed_by = actor.display_name
    uow.session.flush()
    uow.audit(
        actor,
        "status",
        "goal",
        goal.id,
        patient_id=encounter.patient_id,
        details={
            "before": before,
            "after": {"status": status.value, "status_note": text},
            "context": context,
        },
    )
    uow.commit()
    return stay_goals_by_id(uow, encounter, goal.id)


def stay_goals_by_id(uow: UnitOfWork, encounter: Encounter, goal_id: int) -> GoalView:
    for goal in stay_goals(uow, encounter):
        if goal.id == goal_id:
            return goal
    raise NotFoundError(f"no goal with id {goal_id}")


def packet_goals(uow: UnitOfWork, encounter: Encounter) -> tuple[GoalLine, ...]:
    """The packet's "My goals": active goals, soonest target date first."""
    rows = uow.session.scalars(
        select(Goal)
        .where(Goal.encounter_id == encounter.id, Goal.status == GoalStatus.ACTIVE)
        .order_by(Goal.target_date, Goal.id)
    )
    return tuple(GoalLine(g.patient_words, g.target, g.target_date) for g in rows)


# -- encounter show --------------------------------------------------------------------------


def _section(uow: UnitOfWork, encounter: Encounter) -> list[dict[str, Any]]:
    return [g.to_json() for g in stay_goals(uow, encounter)]


register_stay_section("goals", _section)
