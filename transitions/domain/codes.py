"""Clinical code checks: ICD-10-CM (via simple-icd-10-cm, 2026 code set), discharge disposition."""

from __future__ import annotations

import re
from functools import cache

from transitions.domain.enums import CodeSystem
from transitions.errors import ValidationError
from transitions.resources import load_json

_ICD10_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$")
_SNOMED_SHAPE = re.compile(r"^[1-9][0-9]{5,17}$")


def normalize_icd10(code: str) -> str:
    """'i509' -> 'I50.9'; 'E1165' -> 'E11.65'. Does not check that the code exists."""
    compact = code.strip().upper().replace(".", "")
    return compact if len(compact) <= 3 else f"{compact[:3]}.{compact[3:]}"


def check_diagnosis_code(system: CodeSystem, code: str) -> tuple[str, str | None]:
    """Validate a diagnosis code; return (normalised code, description or None).

    ICD-10-CM codes must exist in the code set (any level: category or billable leaf);
    SNOMED CT concept ids are checked for shape only (we do not ship SNOMED).
    """
    raw = code.strip()
    if not raw:
        raise ValidationError("diagnosis code is empty", field="code")
    if system is CodeSystem.ICD10CM:
        if not _ICD10_SHAPE.match(raw.upper()):
            raise ValidationError(f"'{raw}' is not shaped like an ICD-10-CM code", field="code")
        normalized = normalize_icd10(raw)
        # Imported here: the library parses the whole 2026 code set (~2 s) when imported.
        import simple_icd_10_cm as icd

        if not icd.is_valid_item(normalized):
            raise ValidationError(f"'{raw}' is not an ICD-10-CM code", field="code")
        return normalized, str(icd.get_description(normalized))
    if system is CodeSystem.SNOMED:
        if not _SNOMED_SHAPE.match(raw):
            raise ValidationError(f"'{raw}' is not a SNOMED CT concept id", field="code")
        return raw, None
    return raw, None


@cache
def discharge_dispositions() -> dict[str, str]:
    """FHIR discharge-disposition code -> display text."""
    data = load_json("vocab", "discharge-disposition.json")
    return dict(data["codes"])


def check_discharge_disposition(code: str) -> str:
    if code not in discharge_dispositions():
        allowed = ", ".join(discharge_dispositions())
        raise ValidationError(
            f"unknown discharge disposition '{code}' (use one of: {allowed})", field="disposition"
        )
    return code
