"""The rule tables behind the checks, loaded from ``resources/drugs/`` into typed objects.

* classes.json: therapeutic class keys, labels and the words used for them in allergy lists;
* ddi.json: the ONC high-priority interaction pairs (Phansalkar 2012) with ingredient groups;
* high_alert.json: ISMP high-alert classes with a plain-language line for the packet;
* allergy.json: class implied by a member, cross-sensitivity between classes;
* duplication.json: therapeutic duplications worth a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from transitions.domain.medrec.models import Severity
from transitions.domain.medrec.vocabulary import (
    DrugMatch,
    Vocabulary,
    default_vocabulary,
    load_vocabulary,
    name_key,
)
from transitions.resources import load_json


@dataclass(frozen=True)
class DrugClass:
    key: str
    label: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class InteractionGroup:
    key: str
    label: str
    ingredients: frozenset[str]


@dataclass(frozen=True)
class InteractionRule:
    id: str
    a: InteractionGroup
    b: InteractionGroup
    message: str

    def matches(self, first: frozenset[str], second: frozenset[str]) -> bool:
        a, b = self.a.ingredients, self.b.ingredients
        return bool((first & a and second & b) or (first & b and second & a))


@dataclass(frozen=True)
class HighAlertClass:
    key: str
    label: str
    lists: tuple[str, ...]
    classes: frozenset[str]
    ingredients: frozenset[str]
    routes: frozenset[str]
    patient_line: str

    def matches(self, drug: DrugMatch, route: str | None) -> bool:
        if not (drug.classes & self.classes or drug.ingredients & self.ingredients):
            return False
        return not self.routes or route is None or route in self.routes


@dataclass(frozen=True)
class CrossSensitivity:
    from_classes: frozenset[str]
    to_classes: frozenset[str]
    message: str


@dataclass(frozen=True)
class DuplicationRule:
    classes: tuple[str, ...]
    severity: Severity
    message: str

    def matches(self, first: frozenset[str], second: frozenset[str]) -> bool:
        if len(self.classes) == 1:
            return self.classes[0] in first and self.classes[0] in second
        one, other = self.classes[0], self.classes[1]
        return (one in first and other in second) or (other in first and one in second)


@dataclass(frozen=True)
class AllergyTarget:
    """What an allergy entry points at: ingredients and classes (certain), and weaker matches."""

    substance: str
    ingredients: frozenset[str]
    classes: frozenset[str]
    implied_classes: frozenset[str]
    cross: tuple[CrossSensitivity, ...]

    @property
    def resolved(self) -> bool:
        return bool(self.ingredients or self.classes)


@dataclass(frozen=True)
class Knowledge:
    vocabulary: Vocabulary
    classes: dict[str, DrugClass]
    interactions: tuple[InteractionRule, ...]
    interaction_groups: dict[str, InteractionGroup]
    high_alert: tuple[HighAlertClass, ...]
    member_implies_class: frozenset[str]
    cross_sensitivity: tuple[CrossSensitivity, ...]
    duplication_rules: tuple[DuplicationRule, ...]
    same_ingredient_severity: Severity

    def class_label(self, key: str) -> str:
        found = self.classes.get(key)
        return found.label if found else key

    def class_for_words(self, text: str) -> str | None:
        """'penicillins', 'Sulfa', 'ACE inhibitors' -> class key."""
        key = name_key(text)
        for cls in self.classes.values():
            names = (cls.key.replace("_", " "), cls.label, *cls.synonyms)
            if key in {name_key(n) for n in names}:
                return cls.key
        return None

    def resolve_allergy(self, substance: str) -> AllergyTarget:
        drug = self.vocabulary.resolve(substance) or self.vocabulary.ingredient_match(substance)
        ingredients: frozenset[str] = frozenset()
        classes: frozenset[str] = frozenset()
        implied: frozenset[str] = frozenset()
        if drug is not None:
            ingredients = drug.ingredients
            implied = drug.classes & self.member_implies_class
        else:
            cls = self.class_for_words(substance)
            if cls is not None:
                classes = frozenset({cls})
        triggers = classes | implied
        cross = tuple(rule for rule in self.cross_sensitivity if rule.from_classes & triggers)
        return AllergyTarget(substance, ingredients, classes, implied, cross)


def _interaction_tables(
    data: dict[str, Any],
) -> tuple[dict[str, InteractionGroup], tuple[InteractionRule, ...]]:
    groups = {
        key: InteractionGroup(key, item["label"], frozenset(item["ingredients"]))
        for key, item in data["groups"].items()
    }
    rules = tuple(
        InteractionRule(pair["id"], groups[pair["a"]], groups[pair["b"]], pair["message"])
        for pair in data["pairs"]
    )
    return groups, rules


def build_knowledge(vocabulary: Vocabulary) -> Knowledge:
    classes_data = load_json("drugs", "classes.json")["classes"]
    groups, interactions = _interaction_tables(load_json("drugs", "ddi.json"))
    high_alert_data = load_json("drugs", "high_alert.json")["entries"]
    allergy_data = load_json("drugs", "allergy.json")
    duplication_data = load_json("drugs", "duplication.json")
    return Knowledge(
        vocabulary=vocabulary,
        classes={
            key: DrugClass(key, item["label"], tuple(item["synonyms"]))
            for key, item in classes_data.items()
        },
        interactions=interactions,
        interaction_groups=groups,
        high_alert=tuple(
            HighAlertClass(
                key=item["key"],
                label=item["label"],
                lists=tuple(item["lists"]),
                classes=frozenset(item["classes"]),
                ingredients=frozenset(item["ingredients"]),
                routes=frozenset(item["routes"]),
                patient_line=item["patient_line"],
            )
            for item in high_alert_data
        ),
        member_implies_class=frozenset(allergy_data["member_implies_class"]),
        cross_sensitivity=tuple(
            CrossSensitivity(
                frozenset(rule["from_classes"]), frozenset(rule["to_classes"]), rule["message"]
            )
            for rule in allergy_data["cross_sensitivity"]
        ),
        duplication_rules=tuple(
            DuplicationRule(tuple(rule["classes"]), Severity(rule["severity"]), rule["message"])
            for rule in duplication_data["rules"]
        ),
        same_ingredient_severity=Severity(duplication_data["same_ingredient"]["severity"]),
    )


def load_knowledge(extra_vocabulary: Path | None = None) -> Knowledge:
    """The shipped rules with the shipped vocabulary, extended by a site vocabulary CSV."""
    if extra_vocabulary is None:
        return default_knowledge()
    return build_knowledge(load_vocabulary(extra_vocabulary))


@cache
def default_knowledge() -> Knowledge:
    return build_knowledge(default_vocabulary())
