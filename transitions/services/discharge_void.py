"""A cancelled discharge voids the nurse's sign-off.

When the hospital's ADT system cancels a discharge (A13), the stay is admitted again and the
sign-off it had no longer stands: it is voided — kept on record (a legal record is never
deleted) with when, by whom and why — and the stay can be signed off again when it is
discharged again. Both ADT paths void the same way and write the same audit event: the record
path (:func:`transitions.services.interop_records.apply_adt_status`, through
:func:`void_signoff`) and the batch feed (:mod:`transitions.services.interop_adt`, which writes
its rows itself and uses :func:`void_details`).

Kept small (no readiness or follow-up imports) so that the feed can import it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from transitions.db.discharge_models import DischargeSignoff
from transitions.db.models import Encounter
from transitions.services.uow import Actor, UnitOfWork

#: the audit action of a voided sign-off (entity ``discharge``, id the visit number)
ACTION = "void_signoff"
#: why the feed voids it (stored with the sign-off; the UI translates this text)
A13_REASON = "discharge cancelled by the hospital's ADT feed (A13)"


def void_details(
    signoff_id: int, signed_at: datetime, reason: str, *, source: str, event: str
) -> dict[str, Any]:
    """The audit details of a voiding (no patient data: ids, times, the reason)."""
    return {
        "signoff": signoff_id,
        "signed_at": signed_at,
        "reason": reason,
        "source": source,
        "event": event,
    }


def void_signoff(
    uow: UnitOfWork,
    actor: Actor,
    encounter: Encounter,
    reason: str,
    *,
    source: str,
    event: str,
) -> DischargeSignoff | None:
    """Void the stay's standing sign-off, if it has one, inside the caller's unit of work (no
    commit); audited. Returns the voided row (None: there was nothing to void)."""
    row = uow.session.scalar(
        select(DischargeSignoff).where(
            DischargeSignoff.encounter_id == encounter.id, DischargeSignoff.voided_at.is_(None)
        )
    )
    if row is None:
        return None
    row.voided_at = uow.now()
    row.voided_by_name = actor.display_name[:120]
    row.voided_reason = reason[:400]
    uow.audit(
        actor,
        ACTION,
        "discharge",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details=void_details(row.id, row.signed_at, row.voided_reason, source=source, event=event),
    )
    return row
