"""The provider and clinic directory: listing for booking, and CSV import.

CSV columns (header row required; order free; unknown columns are an error):

``kind``                 ``clinic`` or ``provider``
``name``                 clinic name (clinic rows)
``given_name``, ``family_name``, ``credentials``, ``npi``   (provider rows)
``specialty``, ``phone``, ``fax``
``address``, ``opening_hours``, ``accepts_new_patients``      (clinic rows; hours like
                         ``Mon-Fri 08:00-17:00; Sat 09:00-12:00``; yes/no)
``clinic``               (provider rows) the name of the provider's clinic

Clinics are matched by name, providers by NPI (else by given + family name); matches are
updated, others created. The whole file is checked first: one bad line rejects the import.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from transitions.db.models import Clinic, Provider
from transitions.domain.appointments import parse_opening_hours
from transitions.errors import ValidationError
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

COLUMNS = (
    "kind",
    "name",
    "given_name",
    "family_name",
    "credentials",
    "npi",
    "specialty",
    "phone",
    "fax",
    "address",
    "opening_hours",
    "accepts_new_patients",
    "clinic",
)
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


@dataclass(frozen=True)
class DirectoryEntry:
    """A bookable place: a provider (with their clinic) or a clinic on its own."""

    provider_id: int | None
    clinic_id: int | None
    label: str
    specialty: str | None
    phone: str | None
    opening_hours: str | None
    accepts_new_patients: bool


@dataclass(frozen=True)
class ImportResult:
    clinics_created: int
    clinics_updated: int
    providers_created: int
    providers_updated: int

    def to_json(self) -> dict[str, int]:
        return {
            "clinics_created": self.clinics_created,
            "clinics_updated": self.clinics_updated,
            "providers_created": self.providers_created,
            "providers_updated": self.providers_updated,
        }


def list_directory(uow: UnitOfWork, actor: Actor) -> list[DirectoryEntry]:
    """Providers (by name) then clinics, for the booking form."""
    require(actor, "stay.view")
    # columns, not ORM objects: the list is read on every workspace open
    clinics = uow.session.execute(
        select(
            Clinic.id,
            Clinic.name,
            Clinic.specialty,
            Clinic.phone,
            Clinic.opening_hours,
            Clinic.accepts_new_patients,
        ).order_by(Clinic.name, Clinic.id)
    ).all()
    clinic_by_id = {c.id: c for c in clinics}
    entries: list[DirectoryEntry] = []
    for p in uow.session.execute(
        select(
            Provider.id,
            Provider.given_name,
            Provider.family_name,
            Provider.credentials,
            Provider.specialty,
            Provider.phone,
            Provider.clinic_id,
        ).order_by(Provider.family_name, Provider.given_name, Provider.id)
    ):
        clinic = clinic_by_id.get(p.clinic_id) if p.clinic_id is not None else None
        name = Provider.name_of(p.given_name, p.family_name, p.credentials)
        entries.append(
            DirectoryEntry(
                p.id,
                clinic.id if clinic else None,
                name + (f" — {clinic.name}" if clinic else ""),
                p.specialty,
                p.phone or (clinic.phone if clinic else None),
                clinic.opening_hours if clinic else None,
                clinic.accepts_new_patients if clinic else True,
            )
        )
    for c in clinics:
        entries.append(
            DirectoryEntry(
                None, c.id, c.name, c.specialty, c.phone, c.opening_hours, c.accepts_new_patients
            )
        )
    return entries


def _bool(value: str, line: int) -> bool:
    """yes/no; an empty cell means yes (the directory's default)."""
    text = value.strip().lower()
    if text in _YES or text == "":
        return True
    if text in _NO:
        return False
    raise ValidationError(f"line {line}: accepts_new_patients must be yes or no", "file")


def _clean(row: dict[str, str | None]) -> dict[str, str]:
    return {key: (value or "").strip() for key, value in row.items() if key is not None}


def _parse(text: str) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    if "kind" not in header:
        raise ValidationError("the directory file needs a header row with a 'kind' column", "file")
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise ValidationError(f"unknown column(s): {', '.join(unknown)}", "file")
    reader.fieldnames = header
    rows: list[tuple[int, dict[str, str]]] = []
    for row in reader:
        if None in row:
            raise ValidationError(f"line {reader.line_num}: more values than columns", "file")
        rows.append((reader.line_num, _clean(row)))
    return rows


def _check_row(line: int, row: dict[str, str], clinic_names: set[str]) -> None:
    kind = row.get("kind", "").lower()
    if kind == "clinic":
        if not row.get("name"):
            raise ValidationError(f"line {line}: a clinic needs a name", "file")
        if row.get("opening_hours"):
            try:
                parse_opening_hours(row["opening_hours"])
            except ValidationError as exc:
                raise ValidationError(f"line {line}: opening_hours: {exc}", "file") from exc
        _bool(row.get("accepts_new_patients", ""), line)
    elif kind == "provider":
        if not row.get("family_name") or not row.get("given_name"):
            raise ValidationError(
                f"line {line}: a provider needs given_name and family_name", "file"
            )
        npi = row.get("npi", "")
        if npi and (len(npi) != 10 or not npi.isdigit()):
            raise ValidationError(f"line {line}: an NPI has 10 digits", "file")
        if row.get("clinic") and row["clinic"].lower() not in clinic_names:
            raise ValidationError(f"line {line}: no clinic named '{row['clinic']}'", "file")
    else:
        raise ValidationError(f"line {line}: kind must be 'clinic' or 'provider'", "file")


def import_directory(uow: UnitOfWork, actor: Actor, text: str) -> ImportResult:
    """Create or update clinics and providers from CSV ``text`` (see the module docstring)."""
    require(actor, "directory.edit")
    rows = _parse(text)
    if not rows:
        raise ValidationError("the directory file has no rows", "file")
    session = uow.session
    clinics = {c.name.lower(): c for c in session.scalars(select(Clinic))}
    names = set(clinics) | {r["name"].lower() for _, r in rows if r.get("kind") == "clinic"}
    for line, row in rows:
        _check_row(line, row, names)
    counts = {"cc": 0, "cu": 0, "pc": 0, "pu": 0}
    for line, row in rows:
        if row["kind"].lower() != "clinic":
            continue
        clinic = clinics.get(row["name"].lower())
        if clinic is None:
            clinic = Clinic(name=row["name"])
            session.add(clinic)
            clinics[row["name"].lower()] = clinic
            counts["cc"] += 1
        else:
            counts["cu"] += 1
        clinic.specialty = row.get("specialty") or None
        clinic.phone = row.get("phone") or None
        clinic.fax = row.get("fax") or None
        clinic.address = row.get("address") or None
        clinic.opening_hours = row.get("opening_hours") or None
        clinic.accepts_new_patients = _bool(row.get("accepts_new_patients", ""), line)
    session.flush()
    providers = list(session.scalars(select(Provider)))
    by_npi = {p.npi: p for p in providers if p.npi}
    by_name = {(p.given_name.lower(), p.family_name.lower()): p for p in providers}
    for _line, row in rows:
        if row["kind"].lower() != "provider":
            continue
        key = (row["given_name"].lower(), row["family_name"].lower())
        provider = by_npi.get(row.get("npi", "")) if row.get("npi") else by_name.get(key)
        if provider is None:
            provider = Provider(given_name=row["given_name"], family_name=row["family_name"])
            session.add(provider)
            counts["pc"] += 1
        else:
            counts["pu"] += 1
        provider.given_name = row["given_name"]
        provider.family_name = row["family_name"]
        provider.npi = row.get("npi") or provider.npi
        provider.credentials = row.get("credentials") or None
        provider.specialty = row.get("specialty") or None
        provider.phone = row.get("phone") or None
        provider.fax = row.get("fax") or None
        clinic_name = row.get("clinic", "").lower()
        provider.clinic = clinics[clinic_name] if clinic_name else None
        by_name[key] = provider
    result = ImportResult(counts["cc"], counts["cu"], counts["pc"], counts["pu"])
    details: dict[str, Any] = {"after": result.to_json()}
    uow.audit(actor, "import", "directory", None, details=details)
    uow.commit()
    return result
