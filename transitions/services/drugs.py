"""The site's drug vocabulary: shipped entries plus the ``site_drug`` table.

Site drugs are stored in the database rather than a file in one workstation's data directory so
that every workstation (and the command line) checks against the same vocabulary and each
import is audited. ``transitions drugs import FILE`` adds or replaces entries by generic name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from transitions.db.medrec_models import SiteDrug
from transitions.domain.medrec.knowledge import Knowledge, build_knowledge, default_knowledge
from transitions.domain.medrec.vocabulary import (
    DrugEntry,
    Vocabulary,
    known_class_keys,
    name_key,
    parse_vocabulary_csv,
    shipped_entries,
)
from transitions.errors import ValidationError
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

_cache: dict[tuple[tuple[int, int], ...], Knowledge] = {}


def _site_rows(uow: UnitOfWork) -> list[SiteDrug]:
    return list(uow.session.scalars(select(SiteDrug).order_by(SiteDrug.id)))


def _entry(row: SiteDrug) -> DrugEntry:
    def split(cell: str) -> tuple[str, ...]:
        return tuple(part for part in cell.split(";") if part)

    return DrugEntry(
        generic=row.generic,
        ingredients=split(row.ingredients),
        brands=split(row.brands),
        synonyms=split(row.synonyms),
        rxcuis=tuple(row.rxcui.split(";")) if row.rxcui else (),
        classes=frozenset(split(row.classes)),
        source=row.source,
    )


def site_knowledge(uow: UnitOfWork) -> Knowledge:
    """The check rules over the shipped vocabulary extended by this database's site drugs."""
    rows = _site_rows(uow)
    if not rows:
        return default_knowledge()
    key = tuple((row.id, row.version_id) for row in rows)
    found = _cache.get(key)
    if found is None:
        _cache.clear()
        found = build_knowledge(Vocabulary([*shipped_entries(), *map(_entry, rows)]))
        _cache[key] = found
    return found


@dataclass(frozen=True)
class DrugName:
    """One name to offer while typing: a generic or brand name and the generic it means."""

    name: str
    generic: str
    brand: bool

    @property
    def label(self) -> str:
        return f"{self.name} ({self.generic})" if self.brand else self.name


#: The names of the last knowledge asked for (it is cached above): opening a stay asks again.
_names: tuple[Knowledge, list[DrugName], list[str]] | None = None


def _known_names(uow: UnitOfWork) -> tuple[Knowledge, list[DrugName], list[str]]:
    global _names
    knowledge = site_knowledge(uow)
    if _names is not None and _names[0] is knowledge:
        return _names
    names: dict[str, DrugName] = {}
    for entry in knowledge.vocabulary.entries:
        names.setdefault(name_key(entry.generic), DrugName(entry.generic, entry.generic, False))
        for brand in entry.brands:
            names.setdefault(name_key(brand), DrugName(brand, entry.generic, True))
    found = sorted(names.values(), key=lambda n: n.name.casefold())
    _names = (knowledge, found, [n.name for n in found])
    return _names


def drug_names(uow: UnitOfWork) -> list[DrugName]:
    """Every generic and brand name of the vocabulary, sorted, for type-ahead."""
    return list(_known_names(uow)[1])


def drug_name_texts(uow: UnitOfWork) -> list[str]:
    """The names of :func:`drug_names` alone (the medication step's type-ahead)."""
    return list(_known_names(uow)[2])


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int

    @property
    def total(self) -> int:
        return self.added + self.updated


def import_drugs(uow: UnitOfWork, actor: Actor, path: Path) -> ImportResult:
    """Add or replace site drugs from a CSV with the columns of resources/drugs/vocabulary.csv."""
    require(actor, "settings.manage")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {exc.strerror}", field="file") from None
    except UnicodeDecodeError:
        raise ValidationError(f"{path.name}: not UTF-8 text", field="file") from None
    entries = parse_vocabulary_csv(text, origin=path.name, known_classes=known_class_keys())
    if not entries:
        raise ValidationError(f"{path.name}: no drugs in the file", field="file")
    existing = {row.name_key: row for row in _site_rows(uow)}
    added = updated = 0
    for entry in entries:
        key = name_key(entry.generic)
        row = existing.get(key)
        if row is None:
            row = SiteDrug(name_key=key)
            uow.session.add(row)
            existing[key] = row
            added += 1
        else:
            updated += 1
        row.generic = entry.generic
        row.ingredients = ";".join(entry.ingredients)
        row.brands = ";".join(entry.brands)
        row.synonyms = ";".join(entry.synonyms)
        row.rxcui = ";".join(entry.rxcuis) if any(entry.rxcuis) else ""
        row.classes = ";".join(sorted(entry.classes))
        row.source = entry.source
    uow.audit(
        actor,
        "import",
        "site_drug",
        path.name,
        details={"added": added, "updated": updated, "generics": [e.generic for e in entries]},
    )
    uow.commit()
    return ImportResult(added, updated)
