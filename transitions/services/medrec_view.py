"""Reading a stay's medication reconciliation: plain result types and the derived view.

Home list and inpatient orders are ``MedicationEntry`` rows; decisions and everything after them
live in ``transitions/db/medrec_models.py``. The problems are computed each time by the pure
checks (:func:`transitions.domain.medrec.checks.check_reconciliation`) from the stored rows.
Identifiers shared with the checks and the UI: home ``h<entry id>``, inpatient ``i<entry id>``,
discharge ``d<decision id>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

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
from transitions.domain.medrec.sig import Dose, parse_dose, parse_route, parse_sig
from transitions.domain.medrec.terms import Frequency, default_terms
from transitions.domain.medrec.workflow import (
    BoostReview,
    DecisionKind,
    ReconciliationStatus,
    boost_review,
    needs_acknowledgement,
    problem_key,
)
from transitions.errors import NotFoundError, ValidationError
from transitions.services.drugs import site_knowledge
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


def encounter_or_404(uow: UnitOfWork, encounter_id: int) -> Encounter:
    encounter = uow.session.get(Encounter, encounter_id)
    if encounter is None:
        raise NotFoundError(f"no stay with id {encounter_id}")
    return encounter


def load_state(uow: UnitOfWork, encounter_id: int) -> MedrecReconciliation | None:
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


def load_acks(uow: UnitOfWork, encounter_id: int) -> dict[str, MedrecAcknowledgement]:
    rows = uow.session.scalars(
        select(MedrecAcknowledgement).where(MedrecAcknowledgement.encounter_id == encounter_id)
    )
    return {row.problem_key: row for row in rows}


def entry_key(entry: MedicationEntry) -> str:
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
    keys = {entry.id: entry_key(entry) for entry in entries}
    sources = [
        _medication(keys[e.id], e.drug_name, e.dose, e.route, e.frequency, e.prn, e.indication)
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
    kb: Knowledge,
    entries: Sequence[MedicationEntry],
    decisions: Sequence[MedrecDecision],
    memo: dict[tuple[str, str | None], str | None] | None = None,
) -> BoostReview:
    """BOOST over what goes home: decided medicines plus undecided home/inpatient ones.
    ``memo`` caches name+route -> high-alert generic (or None) across many stays."""
    memo = {} if memo is None else memo
    decided = {d.source_entry_id for d in decisions}
    going = [(d.drug_name or "", d.route) for d in decisions if d.kind.goes_home]
    going += [(e.drug_name, e.route) for e in entries if e.id not in decided]
    high = []
    for name, route in going:
        if (name, route) not in memo:
            drug = kb.vocabulary.resolve(name)
            parsed = _lenient_route(route) if drug else None
            alert = drug and any(h.matches(drug, parsed) for h in kb.high_alert)
            memo[(name, route)] = drug.display if drug and alert else None
        found = memo[(name, route)]
        if found:
            high.append(found)
    changes = sum(1 for d in decisions if d.kind.counts_as_change)
    return boost_review(changes, high)


def build_view(uow: UnitOfWork, encounter: Encounter) -> ReconciliationView:
    """The stay's reconciliation (no permission check, no audit: callers do both); built once
    for the steps loaded together (:meth:`UnitOfWork.reuse`)."""
    return uow.reuse(("medrec_view", encounter.id), lambda: _build_view(uow, encounter))


def _build_view(uow: UnitOfWork, encounter: Encounter) -> ReconciliationView:
    state = load_state(uow, encounter.id)
    entries = _entries(uow, encounter.id)
    decisions = _decisions(uow, encounter.id)
    kb = site_knowledge(uow)
    rec = _reconciliation(encounter, entries, decisions)
    problems = _problem_views(check_reconciliation(rec, kb), load_acks(uow, encounter.id))
    by_source = {d.source_entry_id: d for d in decisions if d.source_entry_id is not None}
    keys = {e.id: entry_key(e) for e in entries}
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
    encounter = encounter_or_404(uow, encounter_id)
    view = build_view(uow, encounter)
    uow.audit(actor, "view", "medrec", encounter.visit_number, patient_id=encounter.patient_id)
    uow.commit()
    return view


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
    if len(ids) == 1:  # one stay (the workspace's header): the reconciliation's own rows
        return {ids[0]: _boost(kb, _entries(uow, ids[0]), _decisions(uow, ids[0]), {})}
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
    memo: dict[tuple[str, str | None], str | None] = {}
    return {i: _boost(kb, entries[i], decisions[i], memo) for i in ids}
