"""Discharge readiness of a stay: one status per workspace step and the Project RED checklist,
computed from the data every time (never typed by hand).

Steps plug in: a module calls :func:`register_readiness_step` at import and is listed in
:data:`READINESS_MODULES` (like ``STAY_SECTION_MODULES``). Steps come out in the order of their
module in that tuple (workspace order), then in the order they were registered. A step gives a
function of one stay (``fn(uow, encounter) -> StepReadiness``, with the problems spelled out as
keyed messages, :mod:`transitions.services.readiness_messages`)
and, for the ward worklist, a ``bulk`` function of many stays (``bulk(uow, actor, ids) ->
{id: status}``, called after ``stay.view`` was checked) that runs a few queries whatever the
number of stays. The RED checklist is in
:mod:`transitions.services.red_checklist`; the sign-off that uses both in
:mod:`transitions.services.discharge`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from sqlalchemy import select

from transitions.db.models import Encounter
from transitions.errors import NotFoundError
from transitions.services.permissions import require, require_stay, unit_condition
from transitions.services.readiness_messages import Message, texts
from transitions.services.uow import Actor, UnitOfWork

#: step and checklist statuses
DONE, IN_PROGRESS, MISSING, WARNING = "done", "in_progress", "missing", "warning"
STEP_STATUSES = (DONE, IN_PROGRESS, MISSING, WARNING)
ACKNOWLEDGED = "acknowledged"
ITEM_STATUSES = (DONE, MISSING, ACKNOWLEDGED)


@dataclass(frozen=True)
class StepReadiness:
    key: str
    status: str  # "done" | "in_progress" | "missing" | "warning"
    #: what is left, as keyed messages (the UI translates them)
    messages: tuple[Message, ...] = ()

    @property
    def problems(self) -> tuple[str, ...]:
        """What is left, in English (the CLI, the JSON contract, the frozen record)."""
        return texts(self.messages)

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "problems": list(self.problems)}


@dataclass(frozen=True)
class RedItem:
    """One component of the Project RED checklist, filled from the stay's data."""

    key: str
    label: str
    status: str  # "done" | "missing" | "acknowledged"
    #: the workspace step where it is done
    where: str
    #: site policy: a missing blocking item stops the discharge (it cannot be acknowledged)
    blocking: bool
    #: what the data says, in a sentence (keyed: the UI translates it)
    message: Message
    #: the acknowledgement's reason when status is "acknowledged"
    reason: str | None = None

    @property
    def detail(self) -> str:
        """What the data says, in English."""
        return self.message.text

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.key,
            "status": self.status,
            "where": self.where,
            "label": self.label,
            "blocking": self.blocking,
            "detail": self.detail,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Readiness:
    encounter_id: int
    visit_number: str
    #: every checklist item is done or acknowledged (so nothing stops the sign-off)
    ready: bool
    steps: dict[str, StepReadiness]
    red_checklist: tuple[RedItem, ...]

    @property
    def blocking_items(self) -> tuple[RedItem, ...]:
        """Missing items that site policy says block discharge (cannot be acknowledged)."""
        return tuple(i for i in self.red_checklist if i.status == MISSING and i.blocking)

    @property
    def unacknowledged_items(self) -> tuple[RedItem, ...]:
        """Missing items that may go ahead once acknowledged with a reason."""
        return tuple(i for i in self.red_checklist if i.status == MISSING and not i.blocking)

    def item(self, key: str) -> RedItem:
        for item in self.red_checklist:
            if item.key == key:
                return item
        raise KeyError(key)

    def to_json(self) -> dict[str, Any]:
        """The headless contract of ``transitions encounter readiness --json``."""
        return {
            "ready": self.ready,
            "steps": {key: step.to_json() for key, step in self.steps.items()},
            "red_checklist": [item.to_json() for item in self.red_checklist],
        }


# -- the step registry ---------------------------------------------------------------------------

StepFn = Callable[[UnitOfWork, Encounter], StepReadiness]
BulkStepFn = Callable[[UnitOfWork, Actor, Sequence[int]], dict[int, str]]


@dataclass(frozen=True)
class _Step:
    key: str
    fn: StepFn
    bulk: BulkStepFn | None
    module: str
    seq: int


_STEPS: dict[str, _Step] = {}

#: Modules that register readiness steps, in workspace order.
READINESS_MODULES: tuple[str, ...] = (
    "transitions.services.readiness_careplan",
    "transitions.services.readiness_steps",
)

#: The workspace step that shows a readiness step whose key is not itself a workspace step.
STEP_PAGES: dict[str, str] = {"risk": "discharge"}


def register_readiness_step(key: str, fn: StepFn, *, bulk: BulkStepFn | None = None) -> None:
    """Add a readiness step. ``bulk`` (statuses of many stays in a few queries) is what the
    worklist uses; without it the worklist computes the step stay by stay."""
    existing = _STEPS.get(key)
    if existing is not None and existing.fn is not fn:
        raise ValueError(f"readiness step '{key}' is registered twice")
    _STEPS[key] = _Step(key, fn, bulk, fn.__module__, len(_STEPS))


def _ordered_steps() -> list[_Step]:
    for module in READINESS_MODULES:
        import_module(module)
    order = {name: index for index, name in enumerate(READINESS_MODULES)}
    return sorted(_STEPS.values(), key=lambda s: (order.get(s.module, len(order)), s.seq))


def readiness_step_keys() -> list[str]:
    """The registered step keys in workspace order."""
    return [step.key for step in _ordered_steps()]


def step_page(key: str) -> str:
    """The workspace step that opens for readiness step (or checklist ``where``) ``key``."""
    return STEP_PAGES.get(key, key)


# -- one stay ------------------------------------------------------------------------------------


def readiness_of(uow: UnitOfWork, encounter: Encounter) -> Readiness:
    """Readiness for other services (the sign-off): no permission check, no audit."""
    from transitions.services import (  # noqa: PLC0415 - they import this module
        readiness_facts,
        red_checklist,
    )

    try:
        steps = {step.key: step.fn(uow, encounter) for step in _ordered_steps()}
        checklist = red_checklist.checklist(uow, encounter)
    finally:
        readiness_facts.forget(uow, encounter.id)
    return Readiness(
        encounter_id=encounter.id,
        visit_number=encounter.visit_number,
        ready=all(item.status != MISSING for item in checklist),
        steps=steps,
        red_checklist=checklist,
    )


def stay_readiness(uow: UnitOfWork, actor: Actor, encounter_id: int) -> Readiness:
    """The readiness of one stay with every problem spelled out (audited as a view)."""
    require(actor, "stay.view")
    encounter = uow.session.get(Encounter, encounter_id)
    if encounter is None:
        raise NotFoundError(f"no stay with id {encounter_id}")
    require_stay(actor, "stay.view", encounter.unit_id)
    result = readiness_of(uow, encounter)
    uow.audit(actor, "view", "readiness", encounter.visit_number, patient_id=encounter.patient_id)
    uow.commit()
    return result


def encounter_id_of(uow: UnitOfWork, visit_number: str) -> int:
    found = uow.session.scalar(select(Encounter.id).where(Encounter.visit_number == visit_number))
    if found is None:
        raise NotFoundError(f"no stay with visit number '{visit_number}'")
    return found


# -- many stays ----------------------------------------------------------------------------------


def worklist_readiness(
    uow: UnitOfWork, actor: Actor, encounter_ids: Sequence[int]
) -> dict[int, dict[str, str]]:
    """Step key -> status for each stay (the worklist's indicators): a few queries per step
    whatever the number of stays. Statuses only, no patient text: no audit event of its own
    (the list it decorates is audited). Stays outside the actor's units, or unknown, are left
    out."""
    from transitions.services import readiness_facts  # noqa: PLC0415 - off the start path

    require(actor, "stay.view")
    ids = list(dict.fromkeys(encounter_ids))
    if not ids:
        return {}
    query = select(Encounter.id).where(Encounter.id.in_(ids))
    condition = unit_condition(actor, Encounter.unit_id)
    if condition is not None:
        query = query.where(condition)
    visible = set(uow.session.scalars(query))
    ids = [i for i in ids if i in visible]
    result: dict[int, dict[str, str]] = {i: {} for i in ids}
    for step in _ordered_steps():
        if step.bulk is not None:
            statuses = step.bulk(uow, actor, ids)
        else:
            statuses = {}
            for encounter_id in ids:
                encounter = uow.session.get(Encounter, encounter_id)
                assert encounter is not None
                try:
                    statuses[encounter_id] = step.fn(uow, encounter).status
                finally:
                    readiness_facts.forget(uow, encounter_id)
        for encounter_id in ids:
            result[encounter_id][step.key] = statuses.get(encounter_id, MISSING)
    return result
