"""The drug vocabulary: generic and brand names -> ingredients, RxNorm ids, therapeutic classes.

Shipped as ``resources/drugs/vocabulary.csv``; a site adds or replaces entries with a CSV of the
same columns (:func:`load_vocabulary`). Lookup is case-insensitive on generic, brand, synonym and
ingredient names, tolerates salt and release words ('metoprolol succinate ER' -> metoprolol) and
reads combinations typed as 'hydrocodone/acetaminophen' or 'amlodipine and benazepril'.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from transitions.errors import ValidationError
from transitions.resources import load_json, read_text

COLUMNS = ("generic", "ingredients", "brands", "synonyms", "rxcui", "classes", "source")
REQUIRED_COLUMNS = ("generic", "ingredients", "classes")

# Words that name a salt, ester or release form rather than the drug ('losartan potassium').
_FORM_WORDS_TEXT = """
    hcl hydrochloride hbr hydrobromide sodium potassium calcium magnesium succinate tartrate
    besylate maleate mesylate dimesylate sulfate citrate fumarate bromide acetate phosphate
    propionate dipropionate furoate medoxomil axetil proxetil mofetil disoproxil bitartrate
    decanoate lactate monohydrate dihydrate trihydrate anhydrous er xr sr cr dr la xl ec odt cd
    xt ir extended delayed immediate release tablet tablets tab tabs capsule capsules cap caps
    solution suspension syrup injection inj oral iv po patch cream ointment gel lotion inhaler
    hfa chewable disintegrating drops spray nasal ophthalmic topical vial pen solostar kwikpen
    flexpen flextouch prefilled syringe autoinjector u100"""
_FORM_WORDS = frozenset(_FORM_WORDS_TEXT.split())
_COMBINATION_SPLIT = re.compile(r"\s*(?:/|\+|;|,| and | with | & |-)\s*")
_NAME_NOISE = re.compile(r"[®™()\[\]\"]")
_DIGIT_START = re.compile(r"^[0-9.]")
_RXCUI = re.compile(r"^[0-9]{0,9}$")


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower()
    return " ".join(_NAME_NOISE.sub(" ", folded).replace(".", "").split())


def name_key(text: str) -> str:
    """Lookup key: folded case, no periods or trademark signs, hyphens as spaces."""
    return " ".join(_fold(text).replace("-", " ").split())


@dataclass(frozen=True)
class DrugEntry:
    generic: str
    ingredients: tuple[str, ...]
    brands: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    rxcuis: tuple[str, ...] = ()
    classes: frozenset[str] = frozenset()
    source: str = "site"

    def names(self) -> Iterator[str]:
        yield self.generic
        yield from self.brands
        yield from self.synonyms


@dataclass(frozen=True)
class DrugMatch:
    """What a typed drug name resolved to: one vocabulary entry or a combination of ingredients."""

    text: str
    display: str
    ingredients: frozenset[str]
    classes: frozenset[str]
    entry: DrugEntry | None = None


class Vocabulary:
    def __init__(self, entries: Iterable[DrugEntry]) -> None:
        by_generic: dict[str, DrugEntry] = {}
        for entry in entries:
            by_generic[name_key(entry.generic)] = entry  # later entries (site) replace earlier
        self.entries: tuple[DrugEntry, ...] = tuple(by_generic.values())
        self._names: dict[str, DrugEntry] = {}
        self._by_ingredients: dict[frozenset[str], DrugEntry] = {}
        self._containing: dict[str, list[DrugEntry]] = {}
        for entry in self.entries:
            for name in entry.names():
                self._names[name_key(name)] = entry
            self._by_ingredients.setdefault(frozenset(entry.ingredients), entry)
            for ingredient in entry.ingredients:
                self._containing.setdefault(ingredient, []).append(entry)
        for ingredient in self._containing:
            single = self._by_ingredients.get(frozenset({ingredient}))
            if single is not None:
                self._names.setdefault(name_key(ingredient), single)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.resolve(name) is not None

    @property
    def ingredients(self) -> frozenset[str]:
        return frozenset(self._containing)

    def find(self, name: str) -> DrugEntry | None:
        """The entry whose generic, brand or synonym name (or single ingredient) is ``name``."""
        key = name_key(name)
        return self._names.get(key) or self._names.get(self._strip_forms(key))

    def ingredient_match(self, name: str) -> DrugMatch | None:
        """``name`` as a bare ingredient, even one sold only in combinations ('clavulanate')."""
        key = name_key(name)
        for candidate in (key, self._strip_forms(key)):
            products = self._containing.get(candidate)
            if products:
                classes = products[0].classes.intersection(*(p.classes for p in products[1:]))
                return DrugMatch(name, candidate, frozenset({candidate}), classes)
        return None

    def resolve(self, name: str) -> DrugMatch | None:
        """Resolve a typed drug name; None when it is not in the vocabulary."""
        text = name.strip()
        if not text:
            return None
        candidates = [text]
        before_strength = self._before_strength(text)
        if before_strength != text:
            candidates.append(before_strength)
        for candidate in candidates:
            entry = self.find(candidate)
            if entry is not None:
                ingredients = frozenset(entry.ingredients)
                return DrugMatch(text, entry.generic, ingredients, entry.classes, entry)
        for candidate in candidates:
            match = self._combination(text, candidate) or self.ingredient_match(candidate)
            if match is not None:
                return match
        return None

    def _combination(self, text: str, names: str) -> DrugMatch | None:
        parts = [name_key(p) for p in _COMBINATION_SPLIT.split(_fold(names)) if p.strip()]
        if len(parts) < 2:
            return None
        matches = []
        for part in parts:
            found = self.find(part)
            match = (
                DrugMatch(part, found.generic, frozenset(found.ingredients), found.classes, found)
                if found
                else self.ingredient_match(part)
            )
            if match is None:
                return None
            matches.append(match)
        ingredients = frozenset[str]().union(*(m.ingredients for m in matches))
        entry = self._by_ingredients.get(ingredients)
        if entry is not None:
            return DrugMatch(text, entry.generic, ingredients, entry.classes, entry)
        classes = frozenset[str]().union(*(m.classes for m in matches))
        return DrugMatch(text, "/".join(m.display for m in matches), ingredients, classes)

    @staticmethod
    def _strip_forms(key: str) -> str:
        words = key.split()
        while len(words) > 1 and words[-1] in _FORM_WORDS:
            words.pop()
        return " ".join(words)

    @staticmethod
    def _before_strength(text: str) -> str:
        words = text.split()
        for index, word in enumerate(words):
            if _DIGIT_START.match(word) and index > 0:
                return " ".join(words[:index])
        return text


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def parse_vocabulary_csv(
    text: str, *, origin: str, known_classes: frozenset[str], default_source: str = "site"
) -> list[DrugEntry]:
    """Rows of a vocabulary CSV; raises ValidationError naming the line and column."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    for column in REQUIRED_COLUMNS:
        if column not in header:
            raise ValidationError(f"{origin}: missing column '{column}'", field=column)
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise ValidationError(f"{origin}: unknown column '{unknown[0]}'", field=unknown[0])
    entries = []
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        where = f"{origin} line {number}"
        generic, ingredients = row.get("generic", ""), _split(row.get("ingredients"))
        if not generic:
            raise ValidationError(f"{where}: generic name is empty", field="generic")
        if not ingredients:
            raise ValidationError(f"{where}: no ingredients", field="ingredients")
        classes = _split(row.get("classes"))
        for cls in classes:
            if cls not in known_classes:
                raise ValidationError(f"{where}: unknown class '{cls}'", field="classes")
        rxcuis = (
            tuple(c.strip() for c in row.get("rxcui", "").split(";")) if row.get("rxcui") else ()
        )
        if rxcuis and (len(rxcuis) != len(ingredients) or not all(_RXCUI.match(c) for c in rxcuis)):
            raise ValidationError(
                f"{where}: rxcui must be digits, one per ingredient, ';'-separated", field="rxcui"
            )
        entries.append(
            DrugEntry(
                generic=generic,
                ingredients=tuple(i.lower() for i in ingredients),
                brands=_split(row.get("brands")),
                synonyms=_split(row.get("synonyms")),
                rxcuis=rxcuis or ("",) * len(ingredients),
                classes=frozenset(classes),
                source=row.get("source") or default_source,
            )
        )
    return entries


@cache
def known_class_keys() -> frozenset[str]:
    return frozenset(load_json("drugs", "classes.json")["classes"])


@cache
def shipped_entries() -> tuple[DrugEntry, ...]:
    text = read_text("drugs", "vocabulary.csv")
    return tuple(
        parse_vocabulary_csv(text, origin="vocabulary.csv", known_classes=known_class_keys())
    )


def load_vocabulary(extra_csv: Path | None = None) -> Vocabulary:
    """The shipped vocabulary, plus (and overridden by) a site CSV of the same columns."""
    entries = list(shipped_entries())
    if extra_csv is not None:
        try:
            text = extra_csv.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise ValidationError(f"cannot read {extra_csv}: {exc.strerror}") from None
        entries += parse_vocabulary_csv(
            text, origin=extra_csv.name, known_classes=known_class_keys()
        )
    return Vocabulary(entries)


@cache
def default_vocabulary() -> Vocabulary:
    return load_vocabulary()
