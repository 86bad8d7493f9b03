"""Medication reconciliation of one stay: decisions, derived discharge list, checks, sign-off.

Home list and inpatient orders are ``MedicationEntry`` rows; decisions and everything after them
live in ``transitions/db/medrec_models.py``. The problems are computed each time by the pure
checks (:func:`transitions.domain.medrec.checks.check_reconciliation`) from the stored rows.
Identifiers shared with the checks and the UI: home ``h<entry id>``, inpatient ``i<entry id>``,
discharge ``d<decision id>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
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
from transitions.domain.medrec.checks import check_reconciliation
from transitions.domain.medrec.knowledge import Knowledge
from transitions.domain.medrec.models import (
    Allergy,
    DischargeMedication,
    Medication,
    Problem,
    Reconciliation,
    StoppedMedication,
)
from transitions.domain.medrec.sig import Dose, parse_dose, parse_frequency, parse_route, parse_sig
from transitions.domain.medrec.terms import Frequency, default_terms
from transitions.domain.medrec.workflow import (
    BoostReview,
    DecisionKind,
    ReconciliationStatus,
    boost_review,
    check_decision_allowed,
    check_reason,
    needs_acknowledgement,
    problem_key,
)
from transitions.errors import ConflictError, NotFoundError, ValidationError
from transitions.services.drugs import site_knowledge
from transitions.services.encounters import register_stay_section
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

PERMISSION = "medrec.reconcile"
SECOND_PERMISSION = "medrec.second_signoff"


# -- plain results --------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceLine:
    """A home medicine or inpatient order, with the decision taken on it (if any)."""

    key: str
    entry_id: int
    list_kind: str
    drug: str
    dose: str | None
    route: str | None
    frequency: str | None
    prn: bool
    indication: str | None
    source: str
    recorded_at: datetime
    decision: str | None = None
    decision_id: int | None = None
    decision_version: int | None = None
    reason: str | None = None
    times: tuple[str, ...] = ()


@dataclass(frozen=True)
class DischargeLine:
    key: str
    decision_id: int
    version_id: int
    decision: str
    from_key: str | None
    drug: str
    dose: str | None
    route: str | None
    frequency: str | None
    form: str | None
    prn: bool
    indication: str | None
    duration_days: int | None
    instructions: str | None
    sig_text: str | None
    sig_unparsed: str | None
    reason_code: str | None
    reason: str | None
    decided_by: str
    decided_at: datetime
    #: morning / noon / evening / bedtime (the packet's schedule grid)
    times: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        return bool(self.sig_unparsed)


@dataclass(frozen=True)
class Acknowledgement:
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True)
class ProblemView:
    key: str
    kind: str
    severity: str
    items: tuple[str, ...]
    message: str
    blocking: bool
    acknowledged: Acknowledgement | None = None

    @property
    def open(self) -> bool:
        return self.blocking and self.acknowledged is None


@dataclass(frozen=True)
class SignedVersionView:
    revision: int
    signed_by: str
    signed_at: datetime
    second_signed_by: str | None
    second_signed_at: datetime | None
    reopened_by: str | None
    reopened_at: datetime | None
    reopen_reason: str | None


@dataclass(frozen=True)
class ReconciliationView:
    encounter_id: int
    status: str
    #: version of the reconciliation row (0: nothing saved yet) for sign/reopen
    version_id: int
    home: tuple[SourceLine, ...]
    inpatient: tuple[SourceLine, ...]
    discharge: tuple[DischargeLine, ...]
    problems: tuple[ProblemView, ...]
    boost: BoostReview
    second_signoff_required: bool
    signed_by: str | None
    signed_at: datetime | None
    second_signed_by: str | None
    second_signed_at: datetime | None
    versions: tuple[SignedVersionView, ...]

    @property
    def read_only(self) -> bool:
        return ReconciliationStatus(self.status).read_only

    @property
    def open_problems(self) -> tuple[ProblemView, ...]:
        return tuple(p for p in self.problems if p.open)

    @property
    def awaiting_second_signoff(self) -> bool:
        return self.second_signoff_required and self.status == ReconciliationStatus.SIGNED


@dataclass(frozen=True)
class MedInput:
    """A discharge medicine as the nurse entered it. ``sig`` is free text that fills any
    structured field left empty; what it cannot read is kept and flagged."""

    drug: str = ""
    dose: str = ""
    route: str = ""
    frequency: str = ""
    form: str = ""
    prn: bool = False
    indication: str = ""
    duration_days: int | None = None
    instructions: str = ""
    sig: str = ""


# -- loading --------------------------------------------------------------------------------


def _encounter(uow: UnitOfWork, encounter_id: int) -> Encounter:
    encounter = uow.session.get(Encounter, encounter_id)
    if encounter is None:
        raise NotFoundError(f"no stay with id {encounter_id}")
    return encounter


def _state(uow: UnitOfWork, encounter_id: int) -> MedrecReconciliation | None:
    return uow.session.scalar(
        select(MedrecReconciliation).where(MedrecReconciliation.encounter_id == encounter_id)
    )


def _entries(uow: UnitOfWork, encounter_id: int) -> list[MedicationEntry]:
    return list(
        uow.session.scalars(
            select(MedicationEntry)
            .where(
                MedicationEntry.encounter_id == encounter_id,
                MedicationEntry.list_kind.in_([MedicationList.HOME, MedicationList.INPATIENT]),
            )
            .order_by(MedicationEntry.id)
        )
    )


def _decisions(uow: UnitOfWork, encounter_id: int) -> list[MedrecDecision]:
    return list(
        uow.session.scalars(
            select(MedrecDecision)
            .where(MedrecDecision.encounter_id == encounter_id)
            .order_by(MedrecDecision.id)
        )
    )


def _acks(uow: UnitOfWork, encounter_id: int) -> dict[str, MedrecAcknowledgement]:
    rows = uow.session.scalars(
        select(MedrecAcknowledgement).where(MedrecAcknowledgement.encounter_id == encounter_id)
    )
    return {row.problem_key: row for row in rows}


def _entry_key(entry: MedicationEntry) -> str:
    return ("h" if entry.list_kind is MedicationList.HOME else "i") + str(entry.id)


def _lenient_dose(text: str | None) -> Dose | None:
    if not text:
        return None
    try:
        return parse_dose(text)
    except ValidationError:
        return None


def _lenient_route(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return parse_route(text)
    except ValidationError:
        return None


def _lenient_frequency(text: str | None, prn: bool) -> tuple[Frequency | None, bool]:
    if not text:
        return (default_terms().frequencies["prn"] if prn else None), prn
    sig = parse_sig(text)
    return sig.frequency, prn or sig.prn


def _times(frequency: str | None, prn: bool) -> tuple[str, ...]:
    found, _ = _lenient_frequency(frequency, prn)
    return found.times if found else ()


def _medication(key: str, drug: str, dose: str | None, route: str | None, freq: str | None,
                prn: bool, indication: str | None) -> Medication:  # fmt: skip
    frequency, is_prn = _lenient_frequency(freq, prn)
    return Medication(
        id=key,
        drug=drug,
        dose=_lenient_dose(dose),
        route=_lenient_route(route),
        frequency=frequency,
        prn=is_prn,
        indication=indication,
    )


def _reconciliation(
    encounter: Encounter, entries: Sequence[MedicationEntry], decisions: Sequence[MedrecDecision]
) -> Reconciliation:
    """The stored lists as the checks' input document."""
    keys = {entry.id: _entry_key(entry) for entry in entries}
    sources = [
        _medication(
            keys[e.id], e.drug_name, e.dose, e.route, e.frequency, e.prn, e.indication
        )
        for e in entries
    ]
    discharge = []
    stopped = []
    for d in decisions:
        from_key = keys.get(d.source_entry_id) if d.source_entry_id is not None else None
        if d.kind is DecisionKind.STOP:
            if from_key is not None:
                stopped.append(StoppedMedication(from_key, d.reason))
            continue
        med = _medication(
            f"d{d.id}", d.drug_name or "", d.dose, d.route, d.frequency, d.prn, d.indication
        )
        discharge.append(
            DischargeMedication(
                id=med.id,
                drug=med.drug,
                dose=med.dose,
                route=med.route,
                frequency=med.frequency,
                prn=med.prn,
                indication=med.indication,
                decision=d.kind.as_check_decision(),
                from_id=from_key,
                reason=d.reason,
            )
        )
    return Reconciliation(
        allergies=tuple(Allergy(a.substance, a.reaction) for a in encounter.patient.allergies),
        home=tuple(m for m in sources if m.id.startswith("h")),
        inpatient=tuple(m for m in sources if m.id.startswith("i")),
        discharge=tuple(discharge),
        stopped=tuple(stopped),
    )


def _problem_views(
    problems: Iterable[Problem], acks: dict[str, MedrecAcknowledgement]
) -> tuple[ProblemView, ...]:
    views = []
    for problem in problems:
        key = problem_key(problem)
        ack = acks.get(key)
        views.append(
            ProblemView(
                key=key,
                kind=problem.kind.value,
                severity=problem.severity.value,
                items=problem.items,
                message=problem.message,
                blocking=needs_acknowledgement(problem),
                acknowledged=(
                    Acknowledgement(ack.reason, ack.acknowledged_by_name, ack.acknowledged_at)
                    if ack
                    else None
                ),
            )
        )
    return tuple(views)


def _boost(
    kb: Knowledge, entries: Sequence[MedicationEntry], decisions: Sequence[MedrecDecision]
) -> BoostReview:
    """BOOST over what goes home: decided medicines plus undecided home/inpatient ones."""
    decided = {d.source_entry_id for d in decisions}
    going = [(d.drug_name or "", d.route) for d in decisions if d.kind.goes_home]
    going += [(e.drug_name, e.route) for e in entries if e.id not in decided]
    high = []
    for name, route in going:
        drug = kb.vocabulary.resolve(name)
        if drug and any(h.matches(drug, _lenient_route(route)) for h in kb.high_alert):
            high.append(drug.display)
    changes = sum(1 for d in decisions if d.kind.counts_as_change)
    return boost_review(changes, high)


def _build_view(uow: UnitOfWork, encounter: Encounter) -> ReconciliationView:
    state = _state(uow, encounter.id)
    entries = _entries(uow, encounter.id)
    decisions = _decisions(uow, encounter.id)
    kb = site_knowledge(uow)
    rec = _reconciliation(encounter, entries, decisions)
    problems = _problem_views(check_reconciliation(rec, kb), _acks(uow, encounter.id))
    by_source = {d.source_entry_id: d for d in decisions if d.source_entry_id is not None}
    keys = {e.id: _entry_key(e) for e in entries}
    lines = []
    for e in entries:
        d = by_source.get(e.id)
        lines.append(
            SourceLine(
                key=keys[e.id],
                entry_id=e.id,
                list_kind=e.list_kind.value,
                drug=e.drug_name,
                dose=e.dose,
                route=e.route,
                frequency=e.frequency,
                prn=e.prn,
                indication=e.indication,
                source=e.source.value,
                recorded_at=e.recorded_at,
                decision=d.kind.value if d else None,
                decision_id=d.id if d else None,
                decision_version=d.version_id if d else None,
                reason=d.reason if d else None,
                times=_times(e.frequency, e.prn),
            )
        )
    discharge = tuple(
        DischargeLine(
            key=f"d{d.id}",
            decision_id=d.id,
            version_id=d.version_id,
            decision=d.kind.value,
            from_key=keys.get(d.source_entry_id) if d.source_entry_id else None,
            drug=d.drug_name or "",
            dose=d.dose,
            route=d.route,
            frequency=d.frequency,
            form=d.form,
            prn=d.prn,
            indication=d.indication,
            duration_days=d.duration_days,
            instructions=d.instructions,
            sig_text=d.sig_text,
            sig_unparsed=d.sig_unparsed,
            reason_code=d.reason_code,
            reason=d.reason,
            decided_by=d.decided_by_name,
            decided_at=d.decided_at,
            times=_times(d.frequency, d.prn),
        )
        for d in decisions
        if d.kind.goes_home
    )
    versions = uow.session.scalars(
        select(MedrecSignedVersion)
        .where(MedrecSignedVersion.encounter_id == encounter.id)
        .order_by(MedrecSignedVersion.revision)
    )
    return ReconciliationView(
        encounter_id=encounter.id,
        status=(state.status if state else ReconciliationStatus.DRAFT).value,
        version_id=state.version_id if state else 0,
        home=tuple(line for line in lines if line.list_kind == MedicationList.HOME.value),
        inpatient=tuple(line for line in lines if line.list_kind != MedicationList.HOME.value),
        discharge=discharge,
        problems=problems,
        boost=_boost(kb, entries, decisions),
        second_signoff_required=uow.site.medrec_second_signoff,
        signed_by=state.signed_by_name if state else None,
        signed_at=state.signed_at if state else None,
        second_signed_by=state.second_signed_by_name if state else None,
        second_signed_at=state.second_signed_at if state else None,
        versions=tuple(
            SignedVersionView(
                v.revision,
                v.signed_by_name,
                v.signed_at,
                v.second_signed_by_name,
                v.second_signed_at,
                v.reopened_by_name,
                v.reopened_at,
                v.reopen_reason,
            )
            for v in versions
        ),
    )


def get_reconciliation(uow: UnitOfWork, actor: Actor, encounter_id: int) -> ReconciliationView:
    """The three lists, the problems and the sign-off state; records a 'view' audit event."""
    require(actor, "stay.view")
    encounter = _encounter(uow, encounter_id)
    view = _build_view(uow, encounter)
    uow.audit(actor, "view", "medrec", encounter.visit_number, patient_id=encounter.patient_id)
    uow.commit()
    return view


# -- changing -------------------------------------------------------------------------------


def _editable_state(uow: UnitOfWork, encounter: Encounter) -> MedrecReconciliation:
    state = _state(uow, encounter.id)
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
    encounter = _encounter(uow, entry.encounter_id)
    _editable_state(uow, encounter)
    check_decision_allowed(entry.list_kind.value, kind)
    reason = check_reason(kind, reason_code, reason_text)
    existing = uow.session.scalar(
        select(MedrecDecision).where(MedrecDecision.source_entry_id == entry.id)
    )
    if existing is not None and expected_version is not None:
        if existing.version_id != expected_version:
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
        details={"entry": _entry_key(entry), "before": before, "after": _snapshot(decision)},
    )
    return _finish(uow, encounter)


def add_discharge_medication(
    uow: UnitOfWork, actor: Actor, encounter_id: int, med: MedInput
) -> ReconciliationView:
    """A medicine added straight to the discharge list (not from a home or inpatient entry)."""
    require(actor, PERMISSION)
    encounter = _encounter(uow, encounter_id)
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
    encounter = _encounter(uow, decision.encounter_id)
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
    return _finish(uow, encounter)


def undo_decision(
    uow: UnitOfWork, actor: Actor, decision_id: int, *, expected_version: int
) -> ReconciliationView:
    """Take back a decision (or remove a medicine added at discharge)."""
    require(actor, PERMISSION)
    decision = _decision(uow, decision_id, expected_version)
    encounter = _encounter(uow, decision.encounter_id)
    _editable_state(uow, encounter)
    uow.audit(
        actor,
        "undo",
        "medrec_decision",
        decision.id,
        patient_id=encounter.patient_id,
        details={"before": _snapshot(decision), "after": None},
    )
    uow.session.delete(decision)
    uow.session.flush()
    return _finish(uow, encounter)


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
    encounter = _encounter(uow, encounter_id)
    _editable_state(uow, encounter)
    reason = reason.strip()
    if not reason:
        raise ValidationError("say why this problem is acceptable", field="reason")
    current = {p.key: p for p in _build_view(uow, encounter).problems}
    problem = current.get(key)
    if problem is None:
        raise NotFoundError("that problem is no longer present; reload the reconciliation")
    ack = _acks(uow, encounter.id).get(key)
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
    view = _build_view(uow, encounter)
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
    encounter = _encounter(uow, encounter_id)
    state = _state(uow, encounter.id)
    _check_version(state, expected_version)
    state = _editable_state(uow, encounter)
    uow.session.flush()
    view = _build_view(uow, encounter)
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
            document=json.dumps(_document(signed), default=str),
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
    encounter = _encounter(uow, encounter_id)
    state = _state(uow, encounter.id)
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
    encounter = _encounter(uow, encounter_id)
    state = _state(uow, encounter.id)
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


# -- BOOST for the worklist -----------------------------------------------------------------


def pharmacist_review_suggestions(
    uow: UnitOfWork, encounter_ids: Sequence[int]
) -> dict[int, BoostReview]:
    """Project BOOST per stay: 3+ medication changes or any high-alert medicine going home
    (before any decision: any high-alert home medicine or inpatient order). No audit: it names
    no patient data beyond a flag; the caller's list view is audited."""
    if not encounter_ids:
        return {}
    kb = site_knowledge(uow)
    ids = list(dict.fromkeys(encounter_ids))
    decisions: dict[int, list[MedrecDecision]] = {i: [] for i in ids}
    for d in uow.session.scalars(
        select(MedrecDecision).where(MedrecDecision.encounter_id.in_(ids))
    ):
        decisions[d.encounter_id].append(d)
    entries: dict[int, list[MedicationEntry]] = {i: [] for i in ids}
    for e in uow.session.scalars(
        select(MedicationEntry).where(
            MedicationEntry.encounter_id.in_(ids),
            MedicationEntry.list_kind.in_([MedicationList.HOME, MedicationList.INPATIENT]),
        )
    ):
        entries[e.encounter_id].append(e)
    return {i: _boost(kb, entries[i], decisions[i]) for i in ids}


# -- encounter show -------------------------------------------------------------------------


def _document(view: ReconciliationView) -> dict[str, Any]:
    return {
        "status": view.status,
        "home": [_source_json(line) for line in view.home],
        "inpatient": [_source_json(line) for line in view.inpatient],
        "discharge": [_discharge_json(line) for line in view.discharge],
        "problems": [
            {
                "kind": p.kind,
                "severity": p.severity,
                "items": list(p.items),
                "message": p.message,
                "acknowledged": (
                    {"reason": p.acknowledged.reason, "by": p.acknowledged.by,
                     "at": p.acknowledged.at}
                    if p.acknowledged
                    else None
                ),
            }  # fmt: skip
            for p in view.problems
        ],
        "pharmacist_review_suggested": view.boost.suggested,
        "pharmacist_review_reason": view.boost.reason,
    }


def _source_json(line: SourceLine) -> dict[str, Any]:
    return {
        "id": line.key,
        "drug": line.drug,
        "dose": line.dose,
        "route": line.route,
        "frequency": line.frequency,
        "prn": line.prn,
        "source": line.source,
        "recorded_at": line.recorded_at,
        "decision": line.decision,
        "reason": line.reason,
    }


def _discharge_json(line: DischargeLine) -> dict[str, Any]:
    return {
        "id": line.key,
        "drug": line.drug,
        "dose": line.dose,
        "route": line.route,
        "frequency": line.frequency,
        "form": line.form,
        "prn": line.prn,
        "indication": line.indication,
        "duration_days": line.duration_days,
        "instructions": line.instructions,
        "times": list(line.times),
        "from": line.from_key,
        "decision": line.decision,
        "reason": line.reason,
        "unparsed": line.sig_unparsed,
        "decided_by": line.decided_by,
        "decided_at": line.decided_at,
    }


def _stay_section(uow: UnitOfWork, encounter: Encounter) -> dict[str, Any]:
    """The signed reconciliation (what was signed, as it was signed) and earlier versions."""
    state = _state(uow, encounter.id)
    versions = list(
        uow.session.scalars(
            select(MedrecSignedVersion)
            .where(MedrecSignedVersion.encounter_id == encounter.id)
            .order_by(MedrecSignedVersion.revision)
        )
    )
    current = versions[-1] if versions and state and state.status.read_only else None
    return {
        "status": (state.status if state else ReconciliationStatus.DRAFT).value,
        "signed": (
            {
                "revision": current.revision,
                "signed_by": current.signed_by_name,
                "signed_at": current.signed_at,
                "second_signed_by": current.second_signed_by_name,
                "second_signed_at": current.second_signed_at,
                **json.loads(current.document),
            }
            if current
            else None
        ),
        "earlier_versions": [
            {
                "revision": v.revision,
                "signed_by": v.signed_by_name,
                "signed_at": v.signed_at,
                "reopened_by": v.reopened_by_name,
                "reopened_at": v.reopened_at,
                "reopen_reason": v.reopen_reason,
            }
            for v in versions
            if v is not current
        ],
    }


register_stay_section("medication_reconciliation", _stay_section)
