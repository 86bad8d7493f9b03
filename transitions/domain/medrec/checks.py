"""Medication reconciliation checks: a :class:`Reconciliation` in, a list of :class:`Problem` out.

| kind                 | rule                                                                   |
|----------------------|------------------------------------------------------------------------|
| omission             | a home medicine with no decision (not continued, changed or stopped)  |
| unexplained_change   | change/stop without a reason; 'continue' that differs from its source |
| duplication          | shared ingredient, or two of a class where duplication is a risk      |
| allergy              | ingredient or class matches a recorded allergy                        |
| interaction          | a pair on the ONC high-priority interaction list                      |
| high_alert           | a medicine in an ISMP high-alert class (information for the packet)   |
| not_coded            | a discharge medicine the vocabulary does not know                     |
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from transitions.domain.medrec.knowledge import AllergyTarget, Knowledge, default_knowledge
from transitions.domain.medrec.models import (
    Decision,
    DischargeMedication,
    Medication,
    Problem,
    ProblemKind,
    Reconciliation,
    Severity,
)
from transitions.domain.medrec.terms import default_terms
from transitions.domain.medrec.vocabulary import DrugMatch

_KIND_ORDER = {kind: index for index, kind in enumerate(ProblemKind)}
Resolved = dict[str, DrugMatch | None]


def check_reconciliation(rec: Reconciliation, kb: Knowledge | None = None) -> list[Problem]:
    """Every problem of the reconciliation, most severe first."""
    kb = kb or default_knowledge()
    resolved: Resolved = {d.id: kb.vocabulary.resolve(d.drug) for d in rec.discharge}
    problems = [
        *find_omissions(rec),
        *find_unexplained_changes(rec, kb),
        *find_duplications(rec.discharge, resolved, kb),
        *find_allergy_conflicts(rec, resolved, kb),
        *find_interactions(rec.discharge, resolved, kb),
        *find_high_alert(rec.discharge, resolved, kb),
        *find_not_coded(rec.discharge, resolved),
    ]
    return sorted(problems, key=lambda p: (p.severity.rank, _KIND_ORDER[p.kind]))


def _label(med: Medication) -> str:
    return f"{med.drug} ({med.id})"


def _reason_given(reason: str | None) -> bool:
    return bool(reason and reason.strip())


def find_omissions(rec: Reconciliation) -> Iterator[Problem]:
    decided = {d.from_id for d in rec.discharge if d.decision is not Decision.NEW}
    decided |= {s.from_id for s in rec.stopped}
    for med in rec.home:
        if med.id not in decided:
            yield Problem(
                ProblemKind.OMISSION,
                Severity.HIGH,
                (med.id,),
                f"Home medicine {med.summary} ({med.id}) has no discharge decision: "
                "continue, change or stop it.",
            )


def differences(source: Medication, target: Medication, kb: Knowledge) -> list[str]:
    """What differs between a medicine and the one derived from it: drug, dose, route, frequency."""
    found = []
    drug_a, drug_b = kb.vocabulary.resolve(source.drug), kb.vocabulary.resolve(target.drug)
    if drug_a is not None and drug_b is not None:
        if drug_a.ingredients != drug_b.ingredients:
            found.append(f"drug {source.drug} -> {target.drug}")
    elif source.drug.strip().casefold() != target.drug.strip().casefold():
        found.append(f"drug {source.drug} -> {target.drug}")
    dose_a, dose_b = source.dose, target.dose
    if dose_a is not None and dose_b is not None and dose_a.same_amount(dose_b) is False:
        found.append(f"dose {dose_a.display} -> {dose_b.display}")
    if source.route is not None and target.route is not None and source.route != target.route:
        found.append(f"route {source.route} -> {target.route}")
    freq_a, freq_b = source.frequency, target.frequency
    if (
        freq_a is not None
        and freq_b is not None
        and (freq_a.code != freq_b.code or source.prn != target.prn)
    ):
        found.append(f"frequency {_how_often(source)} -> {_how_often(target)}")
    return found


def _how_often(med: Medication) -> str:
    label = med.frequency.label if med.frequency else "unknown"
    return f"{label} when needed" if med.prn and label != "when needed" else label


def find_unexplained_changes(rec: Reconciliation, kb: Knowledge) -> Iterator[Problem]:
    for med in rec.discharge:
        source = rec.source(med.from_id) if med.from_id else None
        if source is None:
            continue
        if med.decision is Decision.CHANGE and not _reason_given(med.reason):
            yield Problem(
                ProblemKind.UNEXPLAINED_CHANGE,
                Severity.MODERATE,
                (med.id, source.id),
                f"{_label(med)} changes {_label(source)} but no reason is given.",
            )
        elif med.decision is Decision.CONTINUE:
            changed = differences(source, med, kb)
            if changed:
                yield Problem(
                    ProblemKind.UNEXPLAINED_CHANGE,
                    Severity.HIGH,
                    (med.id, source.id),
                    f"{_label(med)} is marked 'continue' but differs from {_label(source)}: "
                    f"{'; '.join(changed)}. Mark it 'change' with a reason, or correct it.",
                )
    for stop in rec.stopped:
        source = rec.source(stop.from_id)
        if source is not None and not _reason_given(stop.reason):
            yield Problem(
                ProblemKind.UNEXPLAINED_CHANGE,
                Severity.MODERATE,
                (source.id,),
                f"{_label(source)} is stopped but no reason is given.",
            )


def _systemic(med: Medication) -> bool:
    if med.route is None:
        return True
    route = default_terms().routes.get(med.route)
    return route is None or route.systemic


def _coded(
    meds: Sequence[DischargeMedication], resolved: Resolved
) -> list[tuple[DischargeMedication, DrugMatch]]:
    pairs = []
    for med in meds:
        match = resolved.get(med.id)
        if match is not None:
            pairs.append((med, match))
    return pairs


def find_duplications(
    meds: Sequence[DischargeMedication], resolved: Resolved, kb: Knowledge
) -> Iterator[Problem]:
    for (med_a, drug_a), (med_b, drug_b) in combinations(_coded(meds, resolved), 2):
        both_systemic = _systemic(med_a) and _systemic(med_b)
        shared = sorted(drug_a.ingredients & drug_b.ingredients)
        if shared and (both_systemic or med_a.route == med_b.route):
            yield Problem(
                ProblemKind.DUPLICATION,
                kb.same_ingredient_severity,
                (med_a.id, med_b.id),
                f"{_label(med_a)} and {_label(med_b)} both contain {', '.join(shared)}.",
            )
            continue
        if not both_systemic:
            continue
        for rule in kb.duplication_rules:
            if rule.matches(drug_a.classes, drug_b.classes):
                yield Problem(
                    ProblemKind.DUPLICATION,
                    rule.severity,
                    (med_a.id, med_b.id),
                    f"{_label(med_a)} and {_label(med_b)}: {rule.message}.",
                )
                break


def find_allergy_conflicts(
    rec: Reconciliation, resolved: Resolved, kb: Knowledge
) -> Iterator[Problem]:
    targets = [kb.resolve_allergy(a.substance) for a in rec.allergies]
    for med in rec.discharge:
        drug = resolved.get(med.id)
        for target in targets:
            problem = _allergy_problem(med, drug, target, kb)
            if problem is not None:
                yield problem


def _allergy_problem(
    med: DischargeMedication, drug: DrugMatch | None, target: AllergyTarget, kb: Knowledge
) -> Problem | None:
    substance = target.substance
    allergy = f"the patient is allergic to '{substance}'"
    if drug is None:
        if med.drug.strip().casefold() == substance.strip().casefold():
            message = f"{_label(med)}: {allergy}."
            return Problem(ProblemKind.ALLERGY, Severity.HIGH, (med.id,), message)
        return None
    shared = sorted(drug.ingredients & target.ingredients)
    if shared:
        message = f"{_label(med)} contains {', '.join(shared)}; {allergy}."
        return Problem(ProblemKind.ALLERGY, Severity.HIGH, (med.id,), message)
    in_class = sorted(drug.classes & target.classes)
    if in_class:
        message = f"{_label(med)} is in the {kb.class_label(in_class[0])} class; {allergy}."
        return Problem(ProblemKind.ALLERGY, Severity.HIGH, (med.id,), message)
    implied = sorted(drug.classes & target.implied_classes)
    if implied:
        label = kb.class_label(implied[0])
        message = (
            f"{_label(med)} is in the same class ({label}) as '{substance}', to which the "
            "patient is allergic (possible class cross-sensitivity)."
        )
        return Problem(ProblemKind.ALLERGY, Severity.MODERATE, (med.id,), message)
    for rule in target.cross:
        crossed = sorted(drug.classes & rule.to_classes)
        if crossed:
            message = f"{_label(med)} is a {kb.class_label(crossed[0])}; {allergy}: {rule.message}."
            return Problem(ProblemKind.ALLERGY, Severity.MODERATE, (med.id,), message)
    return None


def find_interactions(
    meds: Sequence[DischargeMedication], resolved: Resolved, kb: Knowledge
) -> Iterator[Problem]:
    systemic = [(m, d) for m, d in _coded(meds, resolved) if _systemic(m)]
    for (med_a, drug_a), (med_b, drug_b) in combinations(systemic, 2):
        for rule in kb.interactions:
            if rule.matches(drug_a.ingredients, drug_b.ingredients):
                yield Problem(
                    ProblemKind.INTERACTION,
                    Severity.HIGH,
                    (med_a.id, med_b.id),
                    f"{_label(med_a)} with {_label(med_b)}: {rule.message} "
                    f"(ONC high-priority interaction {rule.id}).",
                )


def find_high_alert(
    meds: Sequence[DischargeMedication], resolved: Resolved, kb: Knowledge
) -> Iterator[Problem]:
    for med, drug in _coded(meds, resolved):
        for entry in kb.high_alert:
            if entry.matches(drug, med.route):
                yield Problem(
                    ProblemKind.HIGH_ALERT,
                    Severity.INFO,
                    (med.id,),
                    f"{_label(med)} is a high-alert medicine ({entry.label}; ISMP). "
                    f"Teach the patient: {entry.patient_line}",
                )


def find_not_coded(meds: Sequence[DischargeMedication], resolved: Resolved) -> Iterator[Problem]:
    for med in meds:
        if resolved.get(med.id) is None:
            yield Problem(
                ProblemKind.NOT_CODED,
                Severity.MODERATE,
                (med.id,),
                f"'{med.drug}' ({med.id}) is not in the drug vocabulary, so allergy, duplication "
                "and interaction checks could not be run on it. Check the spelling or add it to "
                "the site vocabulary.",
            )
