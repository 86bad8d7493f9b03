"""The discharge sign-off: acknowledged checklist items, "Discharge patient", the frozen record
and its addenda.

- :func:`acknowledge` / :func:`withdraw_acknowledgement`: a Project RED item that site policy
  lets go (not in ``[discharge] blocking``) is accepted with a reason — who, when, audited.
- :func:`discharge_patient`: refuses with :class:`DischargeBlockedError` (one line per item)
  while a blocking item is missing or a non-blocking one is missing without an acknowledgement;
  otherwise records the disposition (FHIR discharge-disposition) and time, walks the stay through
  the state machine to ``discharged`` (:func:`transitions.services.encounters.apply_status_change`
  — which scores the risk and creates the follow-up tasks) and freezes the readiness as it stood.
  When the ADT feed discharged the stay first, the sign-off completes that record: no second
  status change, no second set of follow-up tasks.
- :func:`add_addendum`: after the sign-off nothing in the record changes; notes are addenda.

When the hospital cancels the discharge (ADT A13) the sign-off is voided, kept on record
(:mod:`transitions.services.discharge_void`): everything here reads the standing sign-off only,
so the stay is "not signed off" again and can be signed off when it is discharged again. The
voided ones are listed (:attr:`DischargeView.voided`, the ``voided_signoffs`` section of
``encounter show``). Addenda belong to the stay and stay with it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from transitions.config import red_item_keys
from transitions.db.discharge_models import (
    DischargeAcknowledgement,
    DischargeAddendum,
    DischargeSignoff,
)
from transitions.db.models import Encounter
from transitions.domain.codes import check_discharge_disposition, discharge_dispositions
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.followup import RiskStage
from transitions.errors import ConflictError, NotFoundError, ValidationError
from transitions.services.encounters import (
    apply_status_change,
    load_encounter,
    register_stay_section,
)
from transitions.services.followup_risk import (
    RiskView,
    latest_assessment,
    recompute_risk,
    view_of,
)
from transitions.services.permissions import require, require_stay
from transitions.services.readiness import (
    Readiness,
    RedItem,
    StepReadiness,
    readiness_of,
)
from transitions.services.readiness_messages import text_only
from transitions.services.uow import Actor, UnitOfWork

PERMISSION = "discharge.signoff"
MAX_REASON = 400
MAX_ADDENDUM = 4000

#: the way through the state machine from each active status to ``discharged``
_PATH = {
    EncounterStatus.ADMITTED: (
        EncounterStatus.DISCHARGE_PLANNED,
        EncounterStatus.READY,
        EncounterStatus.DISCHARGED,
    ),
    EncounterStatus.DISCHARGE_PLANNED: (EncounterStatus.READY, EncounterStatus.DISCHARGED),
    EncounterStatus.READY: (EncounterStatus.DISCHARGED,),
}


class DischargeBlockedError(ValidationError):
    """The checklist stops the discharge. ``lines``: one sentence per item that stops it."""

    def __init__(self, items: tuple[RedItem, ...]) -> None:
        self.items = items
        self.lines = tuple(_blocked_line(item) for item in items)
        super().__init__(
            f"cannot discharge: {len(items)} checklist item(s) stop it — " + "; ".join(self.lines),
            field="checklist",
        )


def _blocked_line(item: RedItem) -> str:
    if item.blocking:
        return f"{item.key}: {item.label} — blocks discharge (site policy): {item.detail}"
    return f"{item.key}: {item.label} — missing, acknowledge it with a reason: {item.detail}"


@dataclass(frozen=True)
class AddendumView:
    text: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class VoidedSignoff:
    """A sign-off that no longer stands: the discharge it signed was cancelled."""

    disposition: str
    discharge_time: datetime
    signed_by: str
    signed_at: datetime
    voided_at: datetime
    voided_by: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "disposition": self.disposition,
            "discharge_time": self.discharge_time,
            "signed_by": self.signed_by,
            "signed_at": self.signed_at,
            "voided_at": self.voided_at,
            "voided_by": self.voided_by,
            "voided_reason": self.reason,
        }


@dataclass(frozen=True)
class DischargeRecord:
    """A signed discharge, frozen: what was decided and the readiness as it stood."""

    encounter_id: int
    visit_number: str
    disposition: str
    disposition_display: str
    discharge_time: datetime
    signed_by: str
    signed_at: datetime
    #: the ADT feed discharged the stay first; this sign-off completed the record
    completed_adt: bool
    readiness: Readiness
    addenda: tuple[AddendumView, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "disposition": self.disposition,
            "disposition_display": self.disposition_display,
            "discharge_time": self.discharge_time,
            "signed_by": self.signed_by,
            "signed_at": self.signed_at,
            "completed_adt": self.completed_adt,
            "readiness": self.readiness.to_json(),
            "addenda": [
                {"text": a.text, "added_by": a.added_by, "added_at": a.added_at}
                for a in self.addenda
            ],
        }


# -- loading -------------------------------------------------------------------------------------


def _stay(uow: UnitOfWork, actor: Actor, encounter_id: int) -> Encounter:
    encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=None)
    require_stay(actor, PERMISSION, encounter.unit_id)
    return encounter


def _signoff(uow: UnitOfWork, encounter_id: int) -> DischargeSignoff | None:
    """The stay's standing sign-off (not voided), if any."""
    return uow.session.scalar(
        select(DischargeSignoff).where(
            DischargeSignoff.encounter_id == encounter_id, DischargeSignoff.voided_at.is_(None)
        )
    )


def _signoffs(
    uow: UnitOfWork, encounter_id: int
) -> tuple[DischargeSignoff | None, tuple[VoidedSignoff, ...]]:
    """(the standing sign-off or None, the voided ones oldest first), in one query."""
    rows = uow.session.scalars(
        select(DischargeSignoff)
        .where(DischargeSignoff.encounter_id == encounter_id)
        .order_by(DischargeSignoff.signed_at, DischargeSignoff.id)
    )
    standing: DischargeSignoff | None = None
    voided: list[VoidedSignoff] = []
    for row in rows:
        if row.voided_at is None:
            standing = row
        else:
            voided.append(
                VoidedSignoff(
                    disposition=row.disposition,
                    discharge_time=row.discharge_time,
                    signed_by=row.signed_by_name,
                    signed_at=row.signed_at,
                    voided_at=row.voided_at,
                    voided_by=row.voided_by_name or "",
                    reason=row.voided_reason or "",
                )
            )
    return standing, tuple(voided)


def _not_signed(uow: UnitOfWork, encounter: Encounter) -> None:
    signoff = _signoff(uow, encounter.id)
    if signoff is not None:
        raise ValidationError(
            f"stay {encounter.visit_number} was signed off by {signoff.signed_by_name}; the "
            "record is frozen — add an addendum instead",
            field="signoff",
        )


def readiness_from_json(encounter_id: int, visit_number: str, data: dict[str, Any]) -> Readiness:
    """A frozen readiness (as stored at sign-off) back as a :class:`Readiness`. The record keeps
    the English sentences only: their messages have no key (the UI shows them as written)."""
    return Readiness(
        encounter_id=encounter_id,
        visit_number=visit_number,
        ready=bool(data["ready"]),
        steps={
            key: StepReadiness(key, step["status"], tuple(map(text_only, step["problems"])))
            for key, step in data["steps"].items()
        },
        red_checklist=tuple(
            RedItem(
                key=i["item"],
                label=i["label"],
                status=i["status"],
                where=i["where"],
                blocking=bool(i["blocking"]),
                message=text_only(i["detail"]),
                reason=i.get("reason"),
            )
            for i in data["red_checklist"]
        ),
    )


def _record(uow: UnitOfWork, encounter: Encounter, row: DischargeSignoff) -> DischargeRecord:
    addenda = uow.session.scalars(
        select(DischargeAddendum)
        .where(DischargeAddendum.encounter_id == encounter.id)
        .order_by(DischargeAddendum.added_at, DischargeAddendum.id)
    )
    return DischargeRecord(
        encounter_id=encounter.id,
        visit_number=encounter.visit_number,
        disposition=row.disposition,
        disposition_display=discharge_dispositions().get(row.disposition, row.disposition),
        discharge_time=row.discharge_time,
        signed_by=row.signed_by_name,
        signed_at=row.signed_at,
        completed_adt=row.completed_adt,
        readiness=readiness_from_json(encounter.id, encounter.visit_number, json.loads(row.record)),
        addenda=tuple(AddendumView(a.text, a.added_by_name, a.added_at) for a in addenda),
    )


def discharge_record(uow: UnitOfWork, actor: Actor, encounter_id: int) -> DischargeRecord | None:
    """The frozen sign-off of a stay, or None before it or once the discharge it signed was
    cancelled (reading: ``stay.view``)."""
    encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=None)
    require_stay(actor, "stay.view", encounter.unit_id)
    row = _signoff(uow, encounter.id)
    return _record(uow, encounter, row) if row is not None else None


@dataclass(frozen=True)
class DischargeView:
    """What the "Discharge" step shows: live readiness, the frozen record once signed, the
    risk scores, and the stay's status and version (for the sign-off's conflict check)."""

    readiness: Readiness
    #: the standing sign-off (None before it, and after a cancelled discharge voided it)
    record: DischargeRecord | None
    risk: RiskView | None
    status: EncounterStatus
    version_id: int
    #: when the ADT feed (not a sign-off) discharged the stay
    discharge_time: datetime | None
    #: earlier sign-offs voided by a cancelled discharge, oldest first
    voided: tuple[VoidedSignoff, ...] = ()


def discharge_view(uow: UnitOfWork, actor: Actor, encounter_id: int) -> DischargeView:
    """Load the step (audited as a view of the stay's readiness)."""
    require(actor, "stay.view")
    encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=None)
    require_stay(actor, "stay.view", encounter.unit_id)
    row, voided = _signoffs(uow, encounter.id)
    assessment = latest_assessment(uow, encounter.id)
    result = DischargeView(
        readiness=readiness_of(uow, encounter),
        record=_record(uow, encounter, row) if row is not None else None,
        risk=view_of(assessment) if assessment is not None else None,
        status=encounter.status,
        version_id=encounter.version_id,
        discharge_time=encounter.discharge_time,
        voided=voided,
    )
    uow.audit(actor, "view", "readiness", encounter.visit_number, patient_id=encounter.patient_id)
    uow.commit()
    return result


def score_risk(uow: UnitOfWork, actor: Actor, encounter_id: int) -> RiskView:
    """Score LACE and HOSPITAL now (discharge-planning stage); audited, commits."""
    encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=None)
    require_stay(actor, "stay.edit", encounter.unit_id)
    return recompute_risk(uow, actor, encounter_id, RiskStage.PLANNING)


# -- acknowledgements ----------------------------------------------------------------------------


def _check_item(uow: UnitOfWork, item: str) -> str:
    item = item.strip()
    known = red_item_keys()
    if item not in known:
        raise ValidationError(
            f"unknown checklist item '{item}' (use one of: {', '.join(known)})", field="item"
        )
    if item in uow.site.discharge_blocking:
        raise ValidationError(
            f"'{item}' blocks discharge under site policy: it must be done, not acknowledged",
            field="item",
        )
    return item


def _check_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("say why this item can be left as it is", field="reason")
    if len(reason) > MAX_REASON:
        raise ValidationError(f"keep the reason under {MAX_REASON} characters", field="reason")
    return reason


def _store_acknowledgement(
    uow: UnitOfWork, actor: Actor, encounter: Encounter, item: str, reason: str
) -> None:
    item = _check_item(uow, item)
    reason = _check_reason(reason)
    row = uow.session.scalar(
        select(DischargeAcknowledgement).where(
            DischargeAcknowledgement.encounter_id == encounter.id,
            DischargeAcknowledgement.item == item,
        )
    )
    before = row.reason if row is not None else None
    if row is None:
        row = DischargeAcknowledgement(encounter_id=encounter.id, item=item)
        uow.session.add(row)
    row.reason = reason
    row.acknowledged_by_id = actor.user_id
    row.acknowledged_by_name = actor.display_name
    row.acknowledged_at = uow.now()
    uow.audit(
        actor,
        "acknowledge",
        "discharge_checklist",
        f"{encounter.visit_number}:{item}",
        patient_id=encounter.patient_id,
        details={"item": item, "before": before, "after": reason},
    )


def acknowledge(
    uow: UnitOfWork, actor: Actor, encounter_id: int, item: str, reason: str
) -> Readiness:
    """Accept a missing, non-blocking checklist item with a reason (replaces an earlier one)."""
    encounter = _stay(uow, actor, encounter_id)
    _not_signed(uow, encounter)
    _store_acknowledgement(uow, actor, encounter, item, reason)
    uow.session.flush()
    result = readiness_of(uow, encounter)
    uow.commit()
    return result


def withdraw_acknowledgement(
    uow: UnitOfWork, actor: Actor, encounter_id: int, item: str
) -> Readiness:
    encounter = _stay(uow, actor, encounter_id)
    _not_signed(uow, encounter)
    row = uow.session.scalar(
        select(DischargeAcknowledgement).where(
            DischargeAcknowledgement.encounter_id == encounter.id,
            DischargeAcknowledgement.item == item,
        )
    )
    if row is None:
        raise NotFoundError(f"checklist item '{item}' is not acknowledged")
    uow.audit(
        actor,
        "withdraw_acknowledgement",
        "discharge_checklist",
        f"{encounter.visit_number}:{item}",
        patient_id=encounter.patient_id,
        details={"item": item, "before": row.reason, "after": None},
    )
    uow.session.delete(row)
    uow.session.flush()
    result = readiness_of(uow, encounter)
    uow.commit()
    return result


# -- the sign-off --------------------------------------------------------------------------------


def discharge_patient(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    disposition: str,
    acknowledgements: Iterable[tuple[str, str]] = (),
    *,
    expected_version: int | None = None,
) -> DischargeRecord:
    """Sign the discharge off (see the module docstring). ``acknowledgements``: (item, reason)
    pairs stored with the sign-off (nothing is stored when it is refused)."""
    encounter = _stay(uow, actor, encounter_id)
    require_stay(actor, "stay.status", encounter.unit_id)
    if expected_version is not None and encounter.version_id != expected_version:
        raise ConflictError(
            f"stay {encounter.visit_number} was changed by someone else since you opened it; "
            "reload it and try again",
            theirs={"status": encounter.status.value},
        )
    _not_signed(uow, encounter)
    adt_discharged = encounter.status is EncounterStatus.DISCHARGED
    if not adt_discharged and encounter.status not in _PATH:
        raise ValidationError(
            f"stay {encounter.visit_number} is {encounter.status.value}; it cannot be discharged",
            field="status",
        )
    if not (disposition or "").strip():
        raise ValidationError("choose where the patient is discharged to", field="disposition")
    disposition = check_discharge_disposition(disposition.strip())
    for item, reason in acknowledgements:
        _store_acknowledgement(uow, actor, encounter, item, reason)
    uow.session.flush()
    readiness = readiness_of(uow, encounter)
    stopping = readiness.blocking_items + readiness.unacknowledged_items
    if stopping:
        order = {item.key: n for n, item in enumerate(readiness.red_checklist)}
        raise DischargeBlockedError(tuple(sorted(stopping, key=lambda i: order[i.key])))
    if adt_discharged:
        before = encounter.discharge_disposition
        encounter.discharge_disposition = disposition
        if encounter.discharged_by_id is None:
            encounter.discharged_by_id = actor.user_id
        uow.audit(
            actor,
            "complete_discharge",
            "encounter",
            encounter.visit_number,
            patient_id=encounter.patient_id,
            details={"before": {"disposition": before}, "after": {"disposition": disposition}},
        )
    else:
        for target in _PATH[encounter.status]:
            apply_status_change(uow, actor, encounter, target, disposition=disposition)
    assert encounter.discharge_time is not None
    row = DischargeSignoff(
        encounter_id=encounter.id,
        disposition=disposition,
        discharge_time=encounter.discharge_time,
        signed_by_id=actor.user_id,
        signed_by_name=actor.display_name,
        signed_at=uow.now(),
        completed_adt=adt_discharged,
        record=json.dumps(readiness.to_json()),
    )
    uow.session.add(row)
    uow.audit(
        actor,
        "sign_off",
        "discharge",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details={
            "disposition": disposition,
            "completed_adt": adt_discharged,
            "acknowledged": {
                i.key: i.reason for i in readiness.red_checklist if i.status == "acknowledged"
            },
        },
    )
    uow.session.flush()
    record = _record(uow, encounter, row)
    uow.commit()
    return record


def add_addendum(uow: UnitOfWork, actor: Actor, encounter_id: int, text: str) -> DischargeRecord:
    """A note added to a signed discharge (the record itself never changes)."""
    encounter = _stay(uow, actor, encounter_id)
    row = _signoff(uow, encounter.id)
    if row is None:
        raise ValidationError("the discharge is not signed off yet", field="signoff")
    text = text.strip()
    if not text:
        raise ValidationError("write the addendum", field="text")
    if len(text) > MAX_ADDENDUM:
        raise ValidationError(f"keep the addendum under {MAX_ADDENDUM} characters", field="text")
    addendum = DischargeAddendum(
        encounter_id=encounter.id,
        text=text,
        added_by_id=actor.user_id,
        added_by_name=actor.display_name,
        added_at=uow.now(),
    )
    uow.session.add(addendum)
    uow.session.flush()
    uow.audit(
        actor,
        "addendum",
        "discharge",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details={"addendum": addendum.id},
    )
    record = _record(uow, encounter, row)
    uow.commit()
    return record


# -- `encounter show` ----------------------------------------------------------------------------


def _section(uow: UnitOfWork, encounter: Encounter) -> dict[str, Any] | None:
    row = _signoff(uow, encounter.id)
    return _record(uow, encounter, row).to_json() if row is not None else None


def _voided_section(uow: UnitOfWork, encounter: Encounter) -> list[dict[str, Any]]:
    return [v.to_json() for v in _signoffs(uow, encounter.id)[1]]


register_stay_section("discharge", _section)
register_stay_section("voided_signoffs", _voided_section)
