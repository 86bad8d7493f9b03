"""The education catalog: modules of items, each in English and Spanish, from
``resources/education/modules/*.toml``; the Spanish glossary; the BOOST 8P items.

Every item has plain-language text, a teach-back question, optional "call your doctor if" and
"call 911 if" warning signs, and the published sources it follows (cited in the module file).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from transitions.errors import ValidationError
from transitions.resources import load_toml, resource

LANGUAGES: tuple[str, ...] = ("en", "es")
_ICD_PATTERN = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Text:
    """One string in each supported language."""

    en: str
    es: str

    def get(self, language: str) -> str:
        return self.es if language == "es" else self.en


@dataclass(frozen=True)
class TextList:
    en: tuple[str, ...] = ()
    es: tuple[str, ...] = ()

    def get(self, language: str) -> tuple[str, ...]:
        return self.es if language == "es" else self.en

    def __bool__(self) -> bool:
        return bool(self.en)


@dataclass(frozen=True)
class EducationItem:
    id: str
    title: Text
    text: Text
    teach_back: Text
    call_doctor: TextList
    call_911: TextList
    #: keys into the module's ``sources``
    sources: tuple[str, ...]
    #: a key item always needs a successful teach-back ("understood") to count as done
    key: bool = False

    def english_passages(self) -> dict[str, str]:
        """The patient-facing English text of this item, by field (what reading level scores)."""
        passages = {"text": self.text.en, "teach_back": self.teach_back.en}
        if self.call_doctor:
            passages["call_doctor"] = _as_passage(self.call_doctor.en)
        if self.call_911:
            passages["call_911"] = _as_passage(self.call_911.en)
        return passages


def _as_passage(lines: tuple[str, ...]) -> str:
    return " ".join(line if line.endswith((".", "?", "!")) else f"{line}." for line in lines)


@dataclass(frozen=True)
class IcdRange:
    """Codes from ``start`` to ``end`` inclusive, compared on their category (first three
    characters) when the bound is a category and on the full code otherwise; a single
    code or category when ``start == end``."""

    start: str
    end: str

    def matches(self, code: str) -> bool:
        normalized = code.strip().upper().replace(".", "")
        low, high = self._bounds
        if low == high:
            return normalized.startswith(low)
        return low <= normalized[: len(low)] and normalized[: len(high)] <= high

    @cached_property
    def _bounds(self) -> tuple[str, str]:
        return self.start.replace(".", ""), self.end.replace(".", "")

    def __str__(self) -> str:
        return self.start if self.start == self.end else f"{self.start}-{self.end}"


@dataclass(frozen=True)
class EducationModule:
    id: str
    order: int
    title: Text
    items: tuple[EducationItem, ...]
    sources: Mapping[str, str]
    icd10: tuple[IcdRange, ...] = ()
    drug_classes: frozenset[str] = frozenset()
    boost: frozenset[str] = frozenset()
    #: every patient gets this module
    always: bool = False

    def item(self, item_id: str) -> EducationItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


@dataclass(frozen=True)
class BoostItem:
    key: str
    order: int
    label: Text
    effect: str


@dataclass(frozen=True)
class GlossaryTerm:
    key: str
    en: tuple[str, ...]
    es: tuple[str, ...]
    avoid: tuple[str, ...]


class Catalog:
    def __init__(self, modules: list[EducationModule]) -> None:
        self.modules: tuple[EducationModule, ...] = tuple(
            sorted(modules, key=lambda m: (m.order, m.id))
        )
        self._by_id = {m.id: m for m in self.modules}

    def __contains__(self, module_id: object) -> bool:
        return module_id in self._by_id

    def get(self, module_id: str) -> EducationModule:
        try:
            return self._by_id[module_id]
        except KeyError:
            raise ValidationError(f"no education module '{module_id}'", field="module_id") from None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.modules)


# -- parsing --------------------------------------------------------------------------------------


def _text(value: Any, where: str) -> Text:
    if not isinstance(value, dict):
        raise ValidationError(f"{where}: expected a table with 'en' and 'es'")
    for language in LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            raise ValidationError(f"{where}: the '{language}' text is missing")
    return Text(en=value["en"].strip(), es=value["es"].strip())


def _text_list(value: Any, where: str) -> TextList:
    if value is None:
        return TextList()
    if not isinstance(value, dict):
        raise ValidationError(f"{where}: expected a table with 'en' and 'es' lists")
    lists = {}
    for language in LANGUAGES:
        lines = value.get(language)
        if not isinstance(lines, list) or not lines or not all(isinstance(s, str) for s in lines):
            raise ValidationError(f"{where}: the '{language}' list is missing or empty")
        lists[language] = tuple(s.strip() for s in lines)
    if len(lists["en"]) != len(lists["es"]):
        raise ValidationError(f"{where}: 'en' and 'es' have a different number of lines")
    return TextList(en=lists["en"], es=lists["es"])


def parse_icd_range(text: str) -> IcdRange:
    parts = [p.strip().upper() for p in text.split("-")]
    if len(parts) > 2 or not all(_ICD_PATTERN.match(p) for p in parts):
        raise ValidationError(f"'{text}' is not an ICD-10 code, category or range")
    start, end = parts[0], parts[-1]
    if end < start:
        raise ValidationError(f"ICD-10 range '{text}' ends before it starts")
    return IcdRange(start, end)


def parse_module(data: dict[str, Any], origin: str) -> EducationModule:
    module_id = data.get("id")
    if not isinstance(module_id, str) or not _ID_PATTERN.match(module_id):
        raise ValidationError(f"{origin}: 'id' must be lower-case letters, digits and hyphens")
    sources = data.get("sources") or {}
    if not sources or not all(isinstance(v, str) and v for v in sources.values()):
        raise ValidationError(f"{origin}: a module cites at least one source")
    suggest = data.get("suggest") or {}
    items = []
    seen: set[str] = set()
    for number, raw in enumerate(data.get("items") or [], start=1):
        where = f"{origin} item {number}"
        item_id = raw.get("id")
        if not isinstance(item_id, str) or not _ID_PATTERN.match(item_id) or item_id in seen:
            raise ValidationError(f"{where}: missing, malformed or repeated 'id'")
        seen.add(item_id)
        cited = tuple(raw.get("sources") or ())
        if not cited or any(key not in sources for key in cited):
            raise ValidationError(f"{where} ({item_id}): cite sources listed in [sources]")
        items.append(
            EducationItem(
                id=item_id,
                title=_text(raw.get("title"), f"{where} title"),
                text=_text(raw.get("text"), f"{where} text"),
                teach_back=_text(raw.get("teach_back"), f"{where} teach_back"),
                call_doctor=_text_list(raw.get("call_doctor"), f"{where} call_doctor"),
                call_911=_text_list(raw.get("call_911"), f"{where} call_911"),
                sources=cited,
                key=bool(raw.get("key", False)),
            )
        )
    if not items:
        raise ValidationError(f"{origin}: a module has at least one item")
    return EducationModule(
        id=module_id,
        order=int(data.get("order", 1000)),
        title=_text(data.get("title"), f"{origin} title"),
        items=tuple(items),
        sources=dict(sources),
        icd10=tuple(parse_icd_range(r) for r in suggest.get("icd10", [])),
        drug_classes=frozenset(suggest.get("drug_classes", [])),
        boost=frozenset(suggest.get("boost", [])),
        always=bool(data.get("always", False)),
    )


@cache
def load_catalog() -> Catalog:
    """The shipped modules (one TOML file each under ``resources/education/modules``)."""
    folder = resource("education", "modules")
    modules = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            modules.append(parse_module(data, entry.name))
    ids = [m.id for m in modules]
    if len(set(ids)) != len(ids):
        raise ValidationError("two education modules share an id")
    boost_keys = set(boost_items())
    for module in modules:
        unknown = module.boost - boost_keys
        if unknown:
            raise ValidationError(f"module {module.id}: unknown BOOST item {sorted(unknown)[0]}")
    return Catalog(modules)


@cache
def boost_items() -> dict[str, BoostItem]:
    """The BOOST 8P items, in screen order."""
    data = load_toml("education", "boost.toml")["items"]
    items = [
        BoostItem(key, int(v["order"]), _text(v["label"], f"boost {key}"), str(v["effect"]))
        for key, v in data.items()
    ]
    return {item.key: item for item in sorted(items, key=lambda i: i.order)}


@cache
def glossary() -> tuple[GlossaryTerm, ...]:
    data = load_toml("education", "glossary.toml")["terms"]
    return tuple(
        GlossaryTerm(key, tuple(v["en"]), tuple(v["es"]), tuple(v.get("avoid", ())))
        for key, v in data.items()
    )
