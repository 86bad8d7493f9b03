"""The discharge assessment form: sections, questions and answers in English and Spanish, read
from ``resources/assessment/*.toml`` (each file cites its published instrument), and the rules
that turn answers into needs (``needs.toml``).

Question kinds: ``choice`` (one answer), ``multi`` (several; an ``exclusive`` answer such as
"None of the above" stands alone), ``text`` and ``phone`` (free text). Scales (Katz ADL, Lawton
IADL) are asked at two timepoints; their questions are ``<scale>_<item>_<timepoint>``.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from transitions.resources import load_toml

SECTION_FILES: tuple[str, ...] = ("functional.toml", "support.toml", "hrsn.toml", "barriers.toml")
KINDS = frozenset({"choice", "multi", "text", "phone"})
TIMEPOINTS = ("before", "discharge")
#: where a derived question takes its value when nobody has answered it
DERIVED_SOURCES = frozenset({"patient.language", "patient.pcp"})
RULE_KINDS = frozenset({"any", "score_at_least"})


@dataclass(frozen=True)
class Text:
    """One string in each supported language."""

    en: str
    es: str

    def get(self, language: str) -> str:
        return self.es if language == "es" else self.en


@dataclass(frozen=True)
class Choice:
    key: str
    label: Text
    #: this answer screens positive (indicates a problem)
    positive: bool = False
    #: the value a published scoring rule adds up (None: not scored)
    score: int | None = None
    #: multiple choice: this answer cannot be combined with others ("None of the above")
    exclusive: bool = False


@dataclass(frozen=True)
class Question:
    key: str
    section: str
    group: str
    kind: str
    label: Text
    choices: tuple[Choice, ...] = ()
    help: Text | None = None
    #: the patient may decline to answer (social needs, barriers)
    declinable: bool = False
    #: unanswered, it counts against completeness
    required: bool = True
    max_length: int = 200
    #: "patient.language" / "patient.pcp": the record answers it until someone does
    derived_from: str | None = None
    #: for scale items: the scale, the item and the timepoint
    scale: str | None = None
    item: str | None = None
    timepoint: str | None = None

    def choice(self, key: str) -> Choice | None:
        return next((c for c in self.choices if c.key == key), None)


@dataclass(frozen=True)
class Band:
    minimum: int
    label: Text


@dataclass(frozen=True)
class ScaleItem:
    key: str
    label: Text
    help: Text | None
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class Scale:
    key: str
    title: Text
    timepoints: tuple[str, ...]
    items: tuple[ScaleItem, ...]
    bands: tuple[Band, ...]

    @property
    def maximum(self) -> int:
        return sum(max((c.score or 0) for c in item.choices) for item in self.items)

    def question_key(self, item: str, timepoint: str) -> str:
        return f"{self.key}_{item}_{timepoint}"

    def band(self, total: int) -> Text | None:
        return next((b.label for b in self.bands if total >= b.minimum), None)


@dataclass(frozen=True)
class Section:
    key: str
    order: int
    title: Text
    intro: Text
    sources: tuple[str, ...]
    scales: tuple[Scale, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class NeedRule:
    domain: str
    kind: str
    questions: tuple[str, ...]
    description: str
    description_es: str
    threshold: int = 0
    only_if: tuple[str, ...] = ()

    def text(self, language: str) -> str:
        return self.description_es if language == "es" else self.description


@dataclass(frozen=True)
class AssessmentForm:
    sections: tuple[Section, ...]
    rules: tuple[NeedRule, ...]

    def questions(self) -> Iterator[Question]:
        for section in self.sections:
            yield from section.questions

    @cached_property
    def by_key(self) -> Mapping[str, Question]:
        return {q.key: q for q in self.questions()}

    def question(self, key: str) -> Question:
        return self.by_key[key]

    def scales(self) -> Iterator[Scale]:
        for section in self.sections:
            yield from section.scales

    def rule(self, domain: str) -> NeedRule | None:
        return next((r for r in self.rules if r.domain == domain), None)

    def description_es(self, domain: str, description: str) -> str:
        """The Spanish description of a need a screen found ("" for one written by hand)."""
        rule = self.rule(domain)
        return rule.description_es if rule is not None and rule.description == description else ""

    def matching(self, patterns: tuple[str, ...]) -> list[str]:
        """Question keys matching ``patterns`` (``*`` wildcards), in form order."""
        return [
            q.key for q in self.questions() if any(fnmatch.fnmatchcase(q.key, p) for p in patterns)
        ]


# -- loading -------------------------------------------------------------------------------------


class FormDataError(ValueError):
    """A shipped assessment data file is malformed (a packaging error, caught by the tests)."""


def _text(raw: Any, where: str) -> Text:
    if not isinstance(raw, dict) or not raw.get("en") or not raw.get("es"):
        raise FormDataError(f"{where}: needs an English and a Spanish text")
    return Text(str(raw["en"]), str(raw["es"]))


def _choices(raw: Any, sets: Mapping[str, Any], where: str) -> tuple[Choice, ...]:
    if isinstance(raw, str):
        if raw not in sets:
            raise FormDataError(f"{where}: unknown answer set '{raw}'")
        raw = sets[raw]
    if not isinstance(raw, list) or not raw:
        raise FormDataError(f"{where}: needs answers")
    choices = tuple(
        Choice(
            key=str(c["key"]),
            label=_text(c.get("label"), f"{where}/{c.get('key')}"),
            positive=bool(c.get("positive", False)),
            score=c.get("score"),
            exclusive=bool(c.get("exclusive", False)),
        )
        for c in raw
    )
    keys = [c.key for c in choices]
    if len(set(keys)) != len(keys) or any("," in k for k in keys):
        raise FormDataError(f"{where}: answer keys must be unique and without commas")
    return choices


def _question(raw: Mapping[str, Any], section: str, sets: Mapping[str, Any]) -> Question:
    key = str(raw["key"])
    kind = str(raw.get("kind", "choice"))
    if kind not in KINDS:
        raise FormDataError(f"{key}: unknown kind '{kind}'")
    derived = raw.get("derived_from")
    if derived is not None and derived not in DERIVED_SOURCES:
        raise FormDataError(f"{key}: cannot derive from '{derived}'")
    choices = _choices(raw.get("choices"), sets, key) if kind in ("choice", "multi") else ()
    return Question(
        key=key,
        section=section,
        group=str(raw.get("group", section)),
        kind=kind,
        label=_text(raw.get("label"), key),
        choices=choices,
        help=_text(raw["help"], f"{key} help") if "help" in raw else None,
        declinable=bool(raw.get("declinable", False)),
        required=bool(raw.get("required", True)),
        max_length=int(raw.get("max_length", 200)),
        derived_from=derived,
    )


def _scale(raw: Mapping[str, Any], section: str, sets: Mapping[str, Any]) -> Scale:
    key = str(raw["key"])
    items = tuple(
        ScaleItem(
            key=str(i["key"]),
            label=_text(i.get("label"), f"{key}/{i.get('key')}"),
            help=_text(i["help"], f"{key}/{i['key']} help") if "help" in i else None,
            choices=_choices(i.get("choices"), sets, f"{key}/{i.get('key')}"),
        )
        for i in raw["items"]
    )
    for item in items:
        if any(c.score is None for c in item.choices):
            raise FormDataError(f"{key}/{item.key}: every scale answer needs a score")
    timepoints = tuple(raw.get("timepoints", TIMEPOINTS))
    if not set(timepoints) <= set(TIMEPOINTS):
        raise FormDataError(f"{key}: timepoints are {TIMEPOINTS}")
    bands = tuple(
        sorted(
            (Band(int(b["min"]), _text(b.get("label"), f"{key} band")) for b in raw["bands"]),
            key=lambda b: -b.minimum,
        )
    )
    return Scale(key, _text(raw.get("title"), key), timepoints, items, bands)


def _scale_questions(scale: Scale, section: str) -> list[Question]:
    return [
        Question(
            key=scale.question_key(item.key, timepoint),
            section=section,
            group=scale.key,
            kind="choice",
            label=item.label,
            choices=item.choices,
            help=item.help,
            scale=scale.key,
            item=item.key,
            timepoint=timepoint,
        )
        for timepoint in scale.timepoints
        for item in scale.items
    ]


def _section(raw: Mapping[str, Any], sets: Mapping[str, Any]) -> Section:
    head = raw["section"]
    key = str(head["key"])
    scales = tuple(_scale(s, key, sets) for s in raw.get("scales", []))
    questions = [q for s in scales for q in _scale_questions(s, key)]
    questions += [_question(q, key, sets) for q in raw.get("questions", [])]
    return Section(
        key=key,
        order=int(head["order"]),
        title=_text(head.get("title"), key),
        intro=_text(head.get("intro"), f"{key} intro"),
        sources=tuple(str(s) for s in head.get("sources", [])),
        scales=scales,
        questions=tuple(questions),
    )


def _rules(raw: Mapping[str, Any]) -> tuple[NeedRule, ...]:
    rules = []
    for domain, spec in raw["rules"].items():
        kind = str(spec["kind"])
        if kind not in RULE_KINDS:
            raise FormDataError(f"rule {domain}: unknown kind '{kind}'")
        rules.append(
            NeedRule(
                domain=str(domain),
                kind=kind,
                questions=tuple(spec["questions"]),
                description=str(spec["description"]),
                description_es=str(spec.get("description_es") or spec["description"]),
                threshold=int(spec.get("threshold", 0)),
                only_if=tuple(spec.get("only_if", ())),
            )
        )
    return tuple(rules)


def parse_form(
    sections: Sequence[Mapping[str, Any]], sets: Mapping[str, Any], needs: Mapping[str, Any]
) -> AssessmentForm:
    """Build and check the form from the parsed data files."""
    built = tuple(sorted((_section(s, sets) for s in sections), key=lambda s: s.order))
    form = AssessmentForm(built, _rules(needs))
    keys = [q.key for q in form.questions()]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise FormDataError(f"question keys used twice: {sorted(duplicates)}")
    if any(len(k) > 64 for k in keys):
        raise FormDataError("question keys are at most 64 characters")
    for rule in form.rules:
        for pattern in rule.questions + rule.only_if:
            if not form.matching((pattern,)):
                raise FormDataError(f"rule {rule.domain}: no question matches '{pattern}'")
    return form


@cache
def load_form() -> AssessmentForm:
    """The shipped form (read once)."""
    sets = load_toml("assessment", "choices.toml")["sets"]
    sections = [load_toml("assessment", name) for name in SECTION_FILES]
    return parse_form(sections, sets, load_toml("assessment", "needs.toml"))
