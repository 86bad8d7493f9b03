"""The demo hospital's reference rows: wards, clinics and providers (all fictional)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from transitions.demo.data import DemoData
from transitions.demo.people import Directory
from transitions.demo.writer import BulkWriter, table

NPI_PREFIX = "80840"  # the health-industry prefix the NPI check digit is computed with
NPI_BASE = 199_100_000


def luhn_check_digit(digits: str) -> int:
    """Check digit that makes ``digits`` + digit pass the Luhn test."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def npi_for(number: int) -> str:
    """A well-formed 10-digit NPI (valid check digit) for the ``number``-th demo provider."""
    base = f"{NPI_BASE + number * 3_137:09d}"
    return base + str(luhn_check_digit(NPI_PREFIX + base))


def write_directory(
    writer: BulkWriter, data: DemoData, created: datetime
) -> tuple[Directory, dict[str, int]]:
    """Insert units (reusing ones with the same code), clinics and providers.

    Returns the directory of ids and how many units, clinics and providers the demo uses.
    """
    conn = writer.connection
    tracked: dict[str, Any] = {"created_at": created, "updated_at": created, "version_id": 1}

    unit_table = table("unit")
    existing_units = {
        code: unit_id for unit_id, code in conn.execute(select(unit_table.c.id, unit_table.c.code))
    }
    unit_ids: dict[str, int] = {}
    unit_rows = []
    for unit in data.units:
        if unit.code in existing_units:
            unit_ids[unit.code] = existing_units[unit.code]
            continue
        unit_id = writer.next_id("unit")
        unit_ids[unit.code] = unit_id
        unit_rows.append(
            {
                "id": unit_id,
                "code": unit.code,
                "name": unit.name,
                "phone": unit.phone,
                "active": True,
                **tracked,
            }
        )
    writer.insert("unit", unit_rows)

    clinic_ids: dict[str, int] = {}
    clinic_rows = []
    for clinic in data.clinics:
        clinic_id = writer.next_id("clinic")
        clinic_ids[clinic["key"]] = clinic_id
        clinic_rows.append(
            {
                "id": clinic_id,
                "name": clinic["name"],
                "specialty": clinic["specialty"],
                "phone": clinic["phone"],
                "fax": clinic["fax"],
                "address": clinic["address"],
                "opening_hours": clinic["opening_hours"],
                "accepts_new_patients": bool(clinic["accepts_new_patients"]),
                **tracked,
            }
        )
    writer.insert("clinic", clinic_rows)

    provider_table = table("provider")
    taken_npis = {
        npi for npi in conn.scalars(select(provider_table.c.npi)).all() if npi is not None
    }
    clinic_contact = {c["key"]: (c["phone"], c["fax"]) for c in data.clinics}
    provider_rows = []
    pcp_ids: list[int] = []
    pcp_by_language: dict[str, list[int]] = {}
    attending: dict[str, list[int]] = {}
    for number, spec in enumerate(data.providers):
        provider_id = writer.next_id("provider")
        npi: str | None = npi_for(number)
        if npi in taken_npis:
            npi = None
        phone, fax = clinic_contact.get(spec.clinic or "", (None, None))
        if spec.clinic is None:  # hospitalists: the hospital medicine office
            phone, fax = "(585) 555-0100", "(585) 555-0101"
        provider_rows.append(
            {
                "id": provider_id,
                "npi": npi,
                "family_name": spec.family,
                "given_name": spec.given,
                "credentials": spec.credentials,
                "specialty": spec.specialty,
                "phone": phone,
                "fax": fax,
                "clinic_id": clinic_ids[spec.clinic] if spec.clinic else None,
                **tracked,
            }
        )
        if spec.pcp:
            pcp_ids.append(provider_id)
            for language in spec.languages:
                pcp_by_language.setdefault(language, []).append(provider_id)
        for service in spec.attends:
            attending.setdefault(service, []).append(provider_id)
    writer.insert("provider", provider_rows)

    directory = Directory(
        unit_ids=unit_ids,
        unit_floors={u.code: u.floor for u in data.units},
        pcp_ids=tuple(pcp_ids),
        pcp_ids_by_language={k: tuple(v) for k, v in pcp_by_language.items()},
        attending_ids={k: tuple(v) for k, v in attending.items()},
    )
    counts = {
        "units": len(data.units),
        "clinics": len(clinic_rows),
        "providers": len(provider_rows),
    }
    return directory, counts
