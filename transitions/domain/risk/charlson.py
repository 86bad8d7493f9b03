"""Charlson comorbidity index from diagnosis codes, for the C item of LACE.

Categories and ICD-10 codes: Quan H, Sundararajan V, Halfon P, Fong A, Burnand B, Luthi JC,
Saunders LD, Beck CA, Feasby TE, Ghali WA. Coding algorithms for defining comorbidities in
ICD-9-CM and ICD-10 administrative data. Med Care 2005;43(11):1130-1139 (Table 1, enhanced
ICD-10 algorithm), shipped as ``resources/risk/charlson_quan2005_icd10.json``.

Weights: as used for the C item of LACE, van Walraven C et al. CMAJ 2010;182(6):551-557
(mi, cevd, pvd, diab 1; chf, diabwc, cpd, mld, rend, canc 2; dementia, rheumd 3; msld, aids 4;
metacanc 6; pud and hp 0), kept in the same data file.

Rules applied here:

- an ICD-10 code (with or without the dot, any case: ``I50.9``, ``i509``) belongs to a category
  when its dotless form starts with one of the category's prefixes;
- a SNOMED CT concept id counts through the small product-made table
  ``resources/risk/charlson_snomed.json`` (listed concepts only; no hierarchy inference);
- each category counts once however many codes fall in it;
- when both forms are present only the severe one counts: diabwc over diab, msld over mld,
  metacanc over canc.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from transitions.domain.enums import CodeSystem
from transitions.domain.risk.scoring import RiskTableError
from transitions.domain.risk.snomed import is_concept_id
from transitions.errors import ValidationError
from transitions.resources import load_json

#: Category keys in the order of Quan's table.
CATEGORIES = (
    "mi",
    "chf",
    "pvd",
    "cevd",
    "dementia",
    "cpd",
    "rheumd",
    "pud",
    "mld",
    "diab",
    "diabwc",
    "hp",
    "rend",
    "canc",
    "msld",
    "metacanc",
    "aids",
)

_ICD10_SHAPE = re.compile(r"^([A-Z][0-9][0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?$")
_DIGITS = re.compile(r"^[0-9]+$")


@dataclass(frozen=True)
class CharlsonCategory:
    key: str
    label: str
    weight: int
    prefixes: tuple[str, ...]  # dotless, upper case


@dataclass(frozen=True)
class CharlsonTable:
    source: str
    categories: Mapping[str, CharlsonCategory]
    #: severe form -> the milder form it supersedes
    hierarchy: Mapping[str, str]
    #: SNOMED CT concept id -> category
    snomed: Mapping[str, str]
    snomed_source: str


@dataclass(frozen=True)
class CodeMatch:
    """One input code, normalised (ICD-10 as ``I50.9``), and the category it fell in, if any."""

    system: CodeSystem
    code: str
    category: str | None


@dataclass(frozen=True)
class CharlsonResult:
    """The index and why: categories counted, milder forms superseded, each code's category."""

    index: int
    categories: tuple[str, ...]
    superseded: tuple[str, ...]
    matches: tuple[CodeMatch, ...]

    def weights(self) -> dict[str, int]:
        table = charlson_table()
        return {key: table.categories[key].weight for key in self.categories}


# --- codes ---------------------------------------------------------------------------------


def normalize_icd10(code: str) -> str:
    """'i509' / 'I50.9' -> 'I50.9'. A code not shaped letter-digit-alnum[.alnum{1,4}] raises."""
    match = _ICD10_SHAPE.match(code.strip().upper())
    if match is None:
        raise ValidationError(
            f"'{code}' is not an ICD-10 code (expected a letter, a digit, a letter or digit, "
            f"then up to 4 more, e.g. I50.9)",
            field="code",
        )
    head, tail = match.groups()
    return f"{head}.{tail}" if tail else head


def icd10_category(code: str) -> str | None:
    """The Quan category of an ICD-10 code, or None when it is not a Charlson condition."""
    compact = normalize_icd10(code).replace(".", "")
    index = _prefix_index()
    for length in range(len(compact), 2, -1):
        category = index.get(compact[:length])
        if category is not None:
            return category
    return None


def snomed_category(concept_id: str) -> str | None:
    """The category of a SNOMED CT concept in the product's map, or None when not listed."""
    concept = concept_id.strip()
    if not is_concept_id(concept):
        raise ValidationError(f"'{concept_id}' is not a SNOMED CT concept id", field="code")
    return charlson_table().snomed.get(concept)


def detect_system(code: str) -> CodeSystem:
    """All digits -> a SNOMED CT concept id; anything else is read as ICD-10."""
    return CodeSystem.SNOMED if _DIGITS.match(code.strip()) else CodeSystem.ICD10CM


def classify(system: CodeSystem, code: str) -> CodeMatch:
    if system is CodeSystem.ICD10CM:
        return CodeMatch(system, normalize_icd10(code), icd10_category(code))
    if system is CodeSystem.SNOMED:
        return CodeMatch(system, code.strip(), snomed_category(code))
    return CodeMatch(system, code.strip(), None)


# --- index ---------------------------------------------------------------------------------


def charlson_index(diagnoses: Iterable[tuple[CodeSystem, str]]) -> CharlsonResult:
    """Charlson index of a patient's coded diagnoses (system, code). Codes of other systems
    count nothing; a malformed ICD-10 code or SNOMED id raises ValidationError naming it."""
    table = charlson_table()
    matches = tuple(classify(system, code) for system, code in diagnoses)
    present = {m.category for m in matches if m.category is not None}
    superseded = {mild for severe, mild in table.hierarchy.items() if severe in present} & present
    counted = tuple(sorted(present - superseded))
    index = sum(table.categories[key].weight for key in counted)
    return CharlsonResult(index, counted, tuple(sorted(superseded)), matches)


def charlson_from_codes(codes: Iterable[str]) -> CharlsonResult:
    """Like :func:`charlson_index` for bare codes: SNOMED CT ids are all digits, else ICD-10."""
    return charlson_index((detect_system(code), code) for code in codes)


def category_label(key: str) -> str:
    return charlson_table().categories[key].label


def category_weight(key: str) -> int:
    return charlson_table().categories[key].weight


# --- loading -------------------------------------------------------------------------------


@cache
def charlson_table() -> CharlsonTable:
    icd = load_json("risk", "charlson_quan2005_icd10.json")
    sct = load_json("risk", "charlson_snomed.json")
    try:
        categories = {
            key: CharlsonCategory(
                key=key,
                label=str(spec["label"]),
                weight=int(spec["weight"]),
                prefixes=tuple(p for entry in spec["codes"] for p in expand_prefixes(entry)),
            )
            for key, spec in icd["categories"].items()
        }
        hierarchy = {str(k): str(v) for k, v in icd["hierarchy"].items()}
        snomed = {str(k): str(v["category"]) for k, v in sct["concepts"].items()}
        table = CharlsonTable(str(icd["source"]), categories, hierarchy, snomed, str(sct["source"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise RiskTableError(f"resources/risk: malformed Charlson table ({exc!r})") from None
    _check_table(table)
    return table


def expand_prefixes(entry: str) -> list[str]:
    """'I43' -> ['I43']; 'I42.5-I42.9' -> ['I425', ..., 'I429']; 'C00-C26' -> ['C00', ..., 'C26'].

    A range's ends have equal length, the same letter, and digits only after it.
    """
    if "-" not in entry:
        return [entry.replace(".", "").upper()]
    start, end = (part.strip().replace(".", "").upper() for part in entry.split("-", 1))
    if (
        len(start) != len(end)
        or start[0] != end[0]
        or not (start[1:].isdigit() and end[1:].isdigit())
        or start > end
    ):
        raise ValueError(f"bad code range {entry!r}")
    width = len(start) - 1
    return [f"{start[0]}{n:0{width}d}" for n in range(int(start[1:]), int(end[1:]) + 1)]


@cache
def _prefix_index() -> dict[str, str]:
    return {p: c.key for c in charlson_table().categories.values() for p in c.prefixes}


def _check_table(table: CharlsonTable) -> None:
    if set(table.categories) != set(CATEGORIES):
        raise RiskTableError(f"Charlson categories must be exactly {', '.join(CATEGORIES)}")
    for severe, mild in table.hierarchy.items():
        if severe not in table.categories or mild not in table.categories:
            raise RiskTableError(f"unknown category in hierarchy {severe} -> {mild}")
    owners: dict[str, str] = {}
    for category in table.categories.values():
        for prefix in category.prefixes:
            if not _ICD10_SHAPE.match(prefix):
                raise RiskTableError(f"{category.key}: '{prefix}' is not an ICD-10 prefix")
            if owners.setdefault(prefix, category.key) != category.key:
                raise RiskTableError(f"prefix {prefix} is in {owners[prefix]} and {category.key}")
    for prefix, key in owners.items():
        for length in range(3, len(prefix)):
            other = owners.get(prefix[:length])
            if other is not None and other != key:
                raise RiskTableError(f"prefix {prefix} ({key}) overlaps {prefix[:length]}")
    for concept, key in table.snomed.items():
        if key not in table.categories or not is_concept_id(concept):
            raise RiskTableError(f"SNOMED map: bad entry {concept} -> {key}")
