"""Which education modules a stay needs, and why: from ICD-10 diagnoses (code ranges in each
module's data), from home and discharge medicines through their therapeutic classes (the drug
vocabulary of ``transitions.domain.medrec``), and from positive BOOST 8P items."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from transitions.domain.education.catalog import Catalog
from transitions.domain.medrec.vocabulary import Vocabulary


class ReasonKind(StrEnum):
    ALWAYS = "always"
    DIAGNOSIS = "diagnosis"
    MED = "med"
    BOOST = "boost"


@dataclass(frozen=True)
class SuggestionReason:
    kind: ReasonKind
    #: the diagnosis code, the drug name as written, or the BOOST item key
    code: str
    #: what matched in the module data: an ICD-10 range or a therapeutic class
    matched: str
    description: str | None = None


@dataclass(frozen=True)
class Suggestion:
    module_id: str
    reasons: tuple[SuggestionReason, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DiagnosisInput:
    code: str
    description: str | None = None


def suggest_modules(
    catalog: Catalog,
    diagnoses: Sequence[DiagnosisInput],
    drug_names: Iterable[str],
    vocabulary: Vocabulary,
    boost_positive: Iterable[str] = (),
) -> list[Suggestion]:
    """Suggested modules in catalog order, each with every reason that suggests it."""
    drug_classes: list[tuple[str, frozenset[str]]] = []
    seen_drugs: set[str] = set()
    for name in drug_names:
        key = name.strip().lower()
        if not key or key in seen_drugs:
            continue
        seen_drugs.add(key)
        match = vocabulary.resolve(name)
        if match is not None:
            drug_classes.append((name.strip(), match.classes))
    positive = set(boost_positive)
    suggestions = []
    for module in catalog.modules:
        reasons: list[SuggestionReason] = []
        if module.always:
            reasons.append(SuggestionReason(ReasonKind.ALWAYS, "", "every patient"))
        for diagnosis in diagnoses:
            for icd_range in module.icd10:
                if icd_range.matches(diagnosis.code):
                    reasons.append(
                        SuggestionReason(
                            ReasonKind.DIAGNOSIS,
                            diagnosis.code,
                            str(icd_range),
                            diagnosis.description,
                        )
                    )
                    break
        for drug, classes in drug_classes:
            hit = sorted(classes & module.drug_classes)
            if hit:
                reasons.append(SuggestionReason(ReasonKind.MED, drug, hit[0]))
        for key in sorted(positive & module.boost):
            reasons.append(SuggestionReason(ReasonKind.BOOST, key, key))
        if reasons:
            suggestions.append(Suggestion(module.id, tuple(reasons)))
    return suggestions
