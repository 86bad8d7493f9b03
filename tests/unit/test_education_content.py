"""The shipped education content: complete in English and Spanish, readable, consistent."""

from __future__ import annotations

import re

import pytest

from transitions.domain.education.catalog import (
    EducationItem,
    EducationModule,
    GlossaryTerm,
    glossary,
    load_catalog,
)
from transitions.domain.education.reading import CONTENT_MAX_GRADE, flesch_kincaid_grade

REQUIRED_MODULES = {
    "general",
    "heart-failure",
    "copd",
    "acs",
    "pneumonia",
    "diabetes-insulin",
    "anticoagulation",
    "stroke-tia",
    "sepsis",
    "ckd",
    "opioid-safety",
    "fall-prevention",
}

ITEMS = [(m, i) for m in load_catalog().modules for i in m.items]
ITEM_IDS = [f"{m.id}/{i.id}" for m, i in ITEMS]


def test_every_required_module_ships() -> None:
    assert set(load_catalog().ids) >= REQUIRED_MODULES


def test_only_the_general_module_is_for_everyone() -> None:
    assert [m.id for m in load_catalog().modules if m.always] == ["general"]


@pytest.mark.parametrize(("module", "item"), ITEMS, ids=ITEM_IDS)
def test_english_reads_at_grade_six_or_below(module: EducationModule, item: EducationItem) -> None:
    for field, passage in item.english_passages().items():
        grade = flesch_kincaid_grade(passage)
        assert grade <= CONTENT_MAX_GRADE, f"{module.id}/{item.id} {field}: grade {grade:.1f}"


@pytest.mark.parametrize(("module", "item"), ITEMS, ids=ITEM_IDS)
def test_spanish_is_complete(module: EducationModule, item: EducationItem) -> None:
    for text in (item.title, item.text, item.teach_back):
        assert text.es.strip() and text.es != text.en
    assert len(item.call_doctor.es) == len(item.call_doctor.en)
    assert len(item.call_911.es) == len(item.call_911.en)
    assert item.teach_back.es.endswith(("?", ".")), "a teach-back prompt is a question or request"
    assert module.title.es.strip()


@pytest.mark.parametrize(("module", "item"), ITEMS, ids=ITEM_IDS)
def test_every_item_cites_a_source_of_its_module(
    module: EducationModule, item: EducationItem
) -> None:
    assert item.sources
    for key in item.sources:
        assert len(module.sources[key]) > 20


def test_at_least_one_warning_sign_per_clinical_module() -> None:
    for module in load_catalog().modules:
        assert any(i.call_doctor or i.call_911 for i in module.items), module.id


def _pairs(item: EducationItem) -> list[tuple[str, str, str]]:
    pairs = [
        ("title", item.title.en, item.title.es),
        ("text", item.text.en, item.text.es),
        ("teach_back", item.teach_back.en, item.teach_back.es),
    ]
    if item.call_doctor:
        pairs.append(("call_doctor", " ".join(item.call_doctor.en), " ".join(item.call_doctor.es)))
    if item.call_911:
        pairs.append(("call_911", " ".join(item.call_911.en), " ".join(item.call_911.es)))
    return pairs


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def _has_stem(text: str, word: str) -> bool:
    """Spanish forms match at a word start (so 'sangra' covers 'sangran')."""
    return re.search(rf"(?<!\w){re.escape(word)}", text, re.IGNORECASE) is not None


@pytest.mark.parametrize("term", glossary(), ids=[t.key for t in glossary()])
def test_glossary_terms_are_used_consistently(term: GlossaryTerm) -> None:
    used = 0
    for module, item in ITEMS:
        for field, en, es in _pairs(item):
            where = f"{module.id}/{item.id} {field}"
            if field != "title" and any(_has_word(en, w) for w in term.en):
                used += 1
                assert any(_has_stem(es, w) for w in term.es), (
                    f"{where}: English says '{term.en[0]}', Spanish lacks '{term.es[0]}'"
                )
            for avoided in term.avoid:
                assert not _has_word(es, avoided), f"{where}: use '{term.es[0]}', not '{avoided}'"
    assert used, f"glossary term '{term.key}' is not used by any module"
