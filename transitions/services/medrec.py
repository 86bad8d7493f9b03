"""Medication reconciliation of one stay: decisions, acknowledgements, sign-off, reopening.

Every function takes ``(uow, actor, ...)``, checks ``medrec.reconcile`` (or
``medrec.second_signoff``), validates, audits and commits once, and returns the fresh
:class:`~transitions.services.medrec_view.ReconciliationView`. Reading and the BOOST suggestion
for the worklist live in :mod:`transitions.services.medrec_view`; the ``encounter show``
section in :mod:`transitions.services.medrec_section`.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlalchemy import select

from transitions.db.medrec_models import (
    MedrecAcknowledgement,
    MedrecDecision,
    MedrecReconciliation,
    MedrecSignedVersion,
)
from transitions.db.models import Encounter, MedicationEntry
from transitions.domain.enums import MedicationList
from transitions.domain.medrec.sig import parse_dose, parse_frequency, parse_route, parse_sig
from transitions.domain.medrec.workflow import (
    DecisionKind,
    ReconciliationStatus,
    check_decision_allowed,
    check_reason,
)
from transitions.errors import ConflictError, NotFoundError, ValidationError
from transitions.services.medrec_section import signed_document
from transitions.services.medrec_view import (  # noqa: F401 - re-exported for callers
    PERMISSION,
    SECOND_PERMISSION,
    DischargeLine,
    MedInput,
    ProblemView,
    ReconciliationView,
    SourceLine,
    build_view,
    encounter_or_404,
    entry_key,
    get_reconciliation,
    load_acks,
    load_state,
    pharmacist_review_suggestions,
)
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

# -- changing -------------------------------------------------------------------------------


def _editable_state(uow: UnitOfWork, encounter: Encounter) -> MedrecReconciliation:
    state = load_state(uow, encounter.id)
    if state is None:
        state = MedrecReconciliation(encounter_id=encounter.id, status=ReconciliationStatus.DRAFT)
        uow.session.add(state)
    elif state.status.read_only:
        raise ValidationError(
            "this reconciliation is signed and read-only; reopen it to change it", field=None
        )
    return state


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def structured(med: MedInput) -> dict[str, Any]:
    """Validate ``med`` into stored fields; errors name the field (drug, dose, route, frequency)."""
    drug = med.drug.strip()
    if not drug:
        raise ValidationError("enter the drug name", field="drug")
    sig = parse_sig(med.sig) if med.sig.strip() else None
    dose_text = med.dose.strip()
    dose = parse_dose(dose_text) if dose_text else (sig.dose if sig else None)
    route_text = med.route.strip()
    route = parse_route(route_text) if route_text else (sig.route if sig else None)
    freq_text = med.frequency.strip()
    freq_sig = parse_frequency(freq_text) if freq_text else sig
    frequency = freq_sig.frequency if freq_sig else None
    prn = med.prn or bool(freq_sig and freq_sig.prn)
    if dose is None:
        raise ValidationError("enter a dose like '10 mg' (or directions that include one)", "dose")
    if route is None:
        raise ValidationError("enter a route, e.g. oral, subcutaneous, inhaled", field="route")
    if frequency is None:
        raise ValidationError(
            "enter how often, e.g. daily, twice daily, q6h, at bedtime", field="frequency"
        )
    if med.duration_days is not None and not 1 <= med.duration_days <= 366:
        raise ValidationError("duration must be 1 to 366 days", field="duration_days")
    instructions = [*(sig.instructions if sig else ()), med.instructions.strip()]
    indication = _clean(med.indication) or (sig.indication if sig else None)
    unparsed = None
    if sig is not None and sig.flagged:
        unparsed = sig.unparsed or sig.text
    return {
        "drug_name": drug,
        "dose": dose.display,
        "route": route,
        "frequency": freq_text if freq_text else frequency.label,
        "form": _clean(med.form),
        "prn": prn,
        "indication": indication,
        "duration_days": med.duration_days or (sig.duration_days if sig else None),
        "instructions": "; ".join(dict.fromkeys(i for i in instructions if i)) or None,
        "sig_text": _clean(med.sig),
        "sig_unparsed": unparsed,
    }


_MED_FIELDS = (
    "drug_name", "dose", "route", "frequency", "form", "prn", "indication", "duration_days",
    "instructions", "sig_text", "sig_unparsed",
)  # fmt: skip


def _snapshot(d: MedrecDecision | None) -> dict[str, Any] | None:
    if d is None:
        return None
    data = {"kind": d.kind.value, "reason": d.reason}
    data.update({name: getattr(d, name) for name in _MED_FIELDS if getattr(d, name)})
    return data


def decide(
    uow: UnitOfWork,
    actor: Actor,
    entry_id: int,
    kind: DecisionKind,
    *,
    change: MedInput | None = None,
    reason_code: str | None = None,
    reason_text: str | None = None,
    expected_version: int | None = None,
) -> ReconciliationView:
    """Continue, change, stop (home or inpatient medicine) or send home as new (inpatient).

    Replaces an earlier decision on the same medicine (``expected_version`` is its version).
    """
    require(actor, PERMISSION)
    entry = uow.session.get(MedicationEntry, entry_id)
    if entry is None or entry.list_kind is MedicationList.DISCHARGE:
        raise NotFoundError(f"no home or inpatient medicine with id {entry_id}")
    encounter = encounter_or_404(uow, entry.encounter_id)
    _editable_state(uow, encounter)
    check_decision_allowed(entry.list_kind.value, kind)
    reason = check_reason(kind, reason_code, reason_text)
    existing = uow.session.scalar(
        select(MedrecDecision).where(MedrecDecision.source_entry_id == entry.id)
    )
    if (
        existing is not None
        and expected_version is not None
        and existing.version_id != expected_version
    ):
        raise ConflictError(
            f"the decision on {entry.drug_name} was changed by someone else; reload it"
        )
    before = _snapshot(existing)
    fields: dict[str, Any] = dict.fromkeys(_MED_FIELDS)
    fields["prn"] = False
    if kind is DecisionKind.CHANGE:
        if change is None:
            raise ValidationError("enter the changed dose, route or frequency", field="dose")
        fields.update(structured(change))
    elif kind is not DecisionKind.STOP:
        fields.update(
            drug_name=entry.drug_name,
            dose=entry.dose,
            route=entry.route,
            frequency=entry.frequency,
            prn=entry.prn,
            indication=entry.indication,
        )
    decision = existing or MedrecDecision(encounter_id=encounter.id, source_entry_id=entry.id)
    for name, value in fields.items():
        setattr(decision, name, value)
    decision.kind = kind
    decision.reason_code = (reason_code or "").strip() or None if kind.needs_reason else None
    decision.reason = reason
    decision.decided_by_id = actor.user_id
    decision.decided_by_name = actor.display_name
    decision.decided_at = uow.now()
    uow.session.add(decision)
    uow.session.flush()
    uow.audit(
        actor,
        "decide",
        "medrec_decision",
        decision.id,
        patient_id=encounter.patient_id,
        details={"entry": entry_key(entry), "before": before, "after": _snapshot(decision)},
    )
    _forget_acknowledgements(uow, encounter.id, {entry_key(entry), f"d{decision.id}"})
    return _finish(uow, encounter)


def add_discharge_medication(
    uow: UnitOfWork, actor: Actor, encounter_id: int, med: MedInput
) -> ReconciliationView:
    """A medicine added straight to the discharge list (not from a home or inpatient entry)."""
    require(actor, PERMISSION)
    encounter = encounter_or_404(uow, encounter_id)
    _editable_state(uow, encounter)
    decision = MedrecDecision(encounter_id=encounter.id, kind=DecisionKind.ADDED, **structured(med))
    decision.decided_by_id = actor.user_id
    decision.decided_by_name = actor.display_name
    decision.decided_at = uow.now()
    uow.session.add(decision)
    uow.session.flush()
    uow.audit(
        actor,
        "add",
        "medrec_decision",
        decision.id,
        patient_id=encounter.patient_id,
        details={"before": None, "after": _snapshot(decision)},
    )
    return _finish(uow, encounter)


def edit_discharge_medication(
    uow: UnitOfWork, actor: Actor, decision_id: int, med: MedInput, *, expected_version: int
) -> ReconciliationView:
    """Edit a medicine added at discharge (a derived one is edited through its decision)."""
    require(actor, PERMISSION)
    decision = _decision(uow, decision_id, expected_version)
    if decision.kind is not DecisionKind.ADDED:
        raise ValidationError(
            "this medicine comes from the home or inpatient list: change it there", field=None
        )
    encounter = encounter_or_404(uow, decision.encounter_id)
    _editable_state(uow, encounter)
    before = _snapshot(decision)
    for name, value in structured(med).items():
        setattr(decision, name, value)
    decision.decided_by_id = actor.user_id
    decision.decided_by_name = actor.display_name
    decision.decided_at = uow.now()
    uow.session.flush()
    uow.audit(
        actor,
        "edit",
        "medrec_decision",
        decision.id,
        patient_id=encounter.patient_id,
        details={"before": before, "after": _snapshot(decision)},
    )
    _forget_acknowledgements(uow, encounter.id, {f"d{decision.id}"})
    return _finish(uow, encounter)


def undo_decision(
    uow: UnitOfWork, actor: Actor, decision_id: int, *, expected_version: int
) -> ReconciliationView:
    """Take back a decision (or remove a medicine added at discharge)."""
    require(actor, PERMISSION)
    decision = _decision(uow, decision_id, expected_version)
    encounter = encounter_or_404(uow, decision.encounter_id)
    _editable_state(uow, encounter)
    uow.audit(
        actor,
        "undo",
        "medrec_decision",
        decision.id,
        patient_id=encounter.patient_id,
        details={"before": _snapshot(decision), "after": None},
    )
    keys = {f"d{decision.id}"}
    if decision.source_entry_id is not None:
        source = uow.session.get(MedicationEntry, decision.source_entry_id)
        if source is not None:
            keys.add(entry_key(source))
    _forget_acknowledgements(uow, encounter.id, keys)
    uow.session.delete(decision)
    uow.session.flush()
    return _finish(uow, encounter)


def _forget_acknowledgements(uow: UnitOfWork, encounter_id: int, item_keys: set[str]) -> None:
    """An edited medicine is a new situation: acceptances of problems that concern it no longer
    hold, even when the same kind of problem on the same items comes back."""
    for ack in uow.session.scalars(
        select(MedrecAcknowledgement).where(MedrecAcknowledgement.encounter_id == encounter_id)
    ):
        items = set(ack.problem_key.partition(":")[2].split(","))
        if items & item_keys:
            uow.session.delete(ack)


def _decision(uow: UnitOfWork, decision_id: int, expected_version: int) -> MedrecDecision:
    decision = uow.session.get(MedrecDecision, decision_id)
    if decision is None:
        raise NotFoundError(f"no reconciliation decision with id {decision_id}")
    if decision.version_id != expected_version:
        raise ConflictError("this medicine was changed by someone else since you loaded it")
    return decision


def acknowledge(
    uow: UnitOfWork, actor: Actor, encounter_id: int, key: str, reason: str
) -> ReconciliationView:
    """Accept a problem with a reason (it stops blocking sign-off while it stays the same)."""
    require(actor, PERMISSION)
    encounter = encounter_or_404(uow, encounter_id)
    _editable_state(uow, encounter)
    reason = reason.strip()
    if not reason:
        raise ValidationError("say why this problem is acceptable", field="reason")
    current = {p.key: p for p in build_view(uow, encounter).problems}
    problem = current.get(key)
    if problem is None:
        raise NotFoundError("that problem is no longer present; reload the reconciliation")
    ack = load_acks(uow, encounter.id).get(key)
    before = {"reason": ack.reason} if ack else None
    if ack is None:
        ack = MedrecAcknowledgement(encounter_id=encounter.id, problem_key=key)
        uow.session.add(ack)
    ack.message = problem.message
    ack.reason = reason
    ack.acknowledged_by_id = actor.user_id
    ack.acknowledged_by_name = actor.display_name
    ack.acknowledged_at = uow.now()
    uow.session.flush()
    uow.audit(
        actor,
        "acknowledge",
        "medrec_problem",
        key,
        patient_id=encounter.patient_id,
        details={"before": before, "after": {"reason": reason, "message": problem.message}},
    )
    return _finish(uow, encounter)


def _finish(uow: UnitOfWork, encounter: Encounter) -> ReconciliationView:
    uow.session.flush()
    view = build_view(uow, encounter)
    uow.commit()
    return view


# -- sign-off -------------------------------------------------------------------------------


def _check_version(state: MedrecReconciliation | None, expected_version: int) -> None:
    current = state.version_id if state else 0
    if current != expected_version:
        raise ConflictError(
            "the reconciliation was changed by someone else since you loaded it; reload it"
        )


def sign(
    uow: UnitOfWork, actor: Actor, encounter_id: int, *, expected_version: int
) -> ReconciliationView:
    """The nurse's sign-off: every home medicine decided, every problem resolved or accepted."""
    require(actor, PERMISSION)
    encounter = encounter_or_404(uow, encounter_id)
    state = load_state(uow, encounter.id)
    _check_version(state, expected_version)
    state = _editable_state(uow, encounter)
    uow.session.flush()
    view = build_view(uow, encounter)
    open_problems = view.open_problems
    if open_problems:
        raise ValidationError(
            f"{len(open_problems)} problem(s) must be resolved or acknowledged before signing "
            f"(first: {open_problems[0].message})",
            field="problems",
        )
    if not view.discharge and not view.home:
        raise ValidationError("there is nothing to reconcile yet", field="problems")
    now = uow.now()
    state.status = ReconciliationStatus.SIGNED
    state.revision += 1
    state.signed_by_id = actor.user_id
    state.signed_by_name = actor.display_name
    state.signed_at = now
    state.second_signed_by_id = state.second_signed_by_name = state.second_signed_at = None
    signed = replace(view, status=ReconciliationStatus.SIGNED.value)
    uow.session.add(
        MedrecSignedVersion(
            encounter_id=encounter.id,
            revision=state.revision,
            document=json.dumps(signed_document(signed), default=str),
            signed_by_name=actor.display_name,
            signed_at=now,
        )
    )
    uow.audit(
        actor,
        "sign",
        "medrec",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details={
            "before": view.status,
            "after": ReconciliationStatus.SIGNED.value,
            "revision": state.revision,
            "acknowledged": [p.key for p in view.problems if p.acknowledged],
        },
    )
    return _finish(uow, encounter)


def second_sign(
    uow: UnitOfWork, actor: Actor, encounter_id: int, *, expected_version: int
) -> ReconciliationView:
    """A pharmacist's second sign-off of a signed reconciliation (a different person)."""
    require(actor, SECOND_PERMISSION)
    encounter = encounter_or_404(uow, encounter_id)
    state = load_state(uow, encounter.id)
    _check_version(state, expected_version)
    if state is None or state.status is not ReconciliationStatus.SIGNED:
        raise ValidationError("only a reconciliation the nurse has signed can be verified")
    if actor.user_id is not None and state.signed_by_id == actor.user_id:
        raise ValidationError("the second sign-off must be by someone other than the first")
    now = uow.now()
    state.status = ReconciliationStatus.VERIFIED
    state.second_signed_by_id = actor.user_id
    state.second_signed_by_name = actor.display_name
    state.second_signed_at = now
    version = _current_version(uow, encounter.id, state.revision)
    version.second_signed_by_name = actor.display_name
    version.second_signed_at = now
    uow.audit(
        actor,
        "second_sign",
        "medrec",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details={"before": "signed", "after": "verified", "revision": state.revision},
    )
    return _finish(uow, encounter)


def _current_version(uow: UnitOfWork, encounter_id: int, revision: int) -> MedrecSignedVersion:
    version = uow.session.scalar(
        select(MedrecSignedVersion).where(
            MedrecSignedVersion.encounter_id == encounter_id,
            MedrecSignedVersion.revision == revision,
        )
    )
    assert version is not None, "a signed reconciliation always has its version row"
    return version


def reopen(
    uow: UnitOfWork, actor: Actor, encounter_id: int, reason: str, *, expected_version: int
) -> ReconciliationView:
    """Make a signed reconciliation editable again; the signed version is kept."""
    require(actor, PERMISSION)
    reason = reason.strip()
    if not reason:
        raise ValidationError("say why the reconciliation is reopened", field="reason")
    encounter = encounter_or_404(uow, encounter_id)
    state = load_state(uow, encounter.id)
    _check_version(state, expected_version)
    if state is None or not state.status.read_only:
        raise ValidationError("the reconciliation is not signed", field=None)
    before = state.status.value
    version = _current_version(uow, encounter.id, state.revision)
    version.reopened_by_name = actor.display_name
    version.reopened_at = uow.now()
    version.reopen_reason = reason
    state.status = ReconciliationStatus.DRAFT
    uow.audit(
        actor,
        "reopen",
        "medrec",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details={"before": before, "after": "draft", "revision": state.revision, "reason": reason},
    )
    return _finish(uow, encounter)
