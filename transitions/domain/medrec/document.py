"""The JSON form of a reconciliation (the CLI's input) and of its problems (the CLI's output).

    {"allergies": [{"substance": "penicillin"}],
     "home":      [{"id": "h1", "drug": "lisinopril", "dose": "10 mg", "route": "oral",
                    "frequency": "daily"}],
     "inpatient": [...same shape...],
     "discharge": [{...same shape..., "from": "h1", "decision": "change", "reason": "..."}],
     "stopped":   [{"from": "i1", "reason": "inpatient VTE prophylaxis only"}]}

Every error is a :class:`ValidationError` whose message starts with the path of the offending
field, e.g. ``discharge[0].dose: 'ten' is not a dose like '10 mg'``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from transitions.domain.medrec.models import (
    Allergy,
    Decision,
    DischargeMedication,
    Medication,
    Problem,
    Reconciliation,
    StoppedMedication,
)
from transitions.domain.medrec.sig import Sig, parse_dose, parse_frequency, parse_route, parse_sig
from transitions.errors import ValidationError

LISTS = ("allergies", "home", "inpatient", "discharge", "stopped")
_MED_FIELDS = frozenset(
    {"id", "drug", "dose", "route", "frequency", "sig", "prn", "indication", "instructions"}
)
_DISCHARGE_FIELDS = _MED_FIELDS | {"from", "decision", "reason"}
_ALLERGY_FIELDS = frozenset({"id", "substance", "reaction", "severity"})
_STOPPED_FIELDS = frozenset({"from", "reason"})
_DECISIONS = ", ".join(d.value for d in Decision)
T = TypeVar("T")


def _fail(path: str, message: str) -> ValidationError:
    return ValidationError(f"{path}: {message}", field=path)


def _object(value: Any, path: str, allowed: frozenset[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, "must be an object")
    for key in value:
        if key not in allowed:
            raise _fail(f"{path}.{key}", "unknown field")
    return value


def _text(obj: dict[str, Any], key: str, path: str, *, required: bool = False) -> str | None:
    value = obj.get(key)
    if value is None:
        if required:
            raise _fail(f"{path}.{key}", "missing")
        return None
    if not isinstance(value, str):
        raise _fail(f"{path}.{key}", "must be a string")
    if required and not value.strip():
        raise _fail(f"{path}.{key}", "is empty" if key != "drug" else "drug name is empty")
    return value


def _parsed(func: Callable[[str], T], text: str, path: str) -> T:
    try:
        return func(text)
    except ValidationError as exc:
        raise _fail(path, str(exc)) from None


def _medication(obj: dict[str, Any], path: str, *, discharge: bool) -> dict[str, Any]:
    """Fields shared by every list, parsed; keys are Medication's attribute names."""
    med_id = _text(obj, "id", path, required=True)
    drug = _text(obj, "drug", path, required=True)
    sig_text = _text(obj, "sig", path)
    sig: Sig | None = parse_sig(sig_text) if sig_text else None
    fields: dict[str, Any] = {"id": med_id, "drug": drug.strip() if drug else drug}
    dose_text = _text(obj, "dose", path)
    route_text = _text(obj, "route", path)
    freq_text = _text(obj, "frequency", path)
    fields["dose"] = (
        _parsed(parse_dose, dose_text, f"{path}.dose") if dose_text else sig and sig.dose
    )
    fields["route"] = (
        _parsed(parse_route, route_text, f"{path}.route") if route_text else sig and sig.route
    )
    freq_sig: Sig | None = (
        _parsed(parse_frequency, freq_text, f"{path}.frequency") if freq_text else sig
    )
    fields["frequency"] = freq_sig.frequency if freq_sig else None
    prn = obj.get("prn")
    if prn is not None and not isinstance(prn, bool):
        raise _fail(f"{path}.prn", "must be true or false")
    fields["prn"] = bool(prn) or bool(freq_sig and freq_sig.prn) or bool(sig and sig.prn)
    indication = _text(obj, "indication", path)
    fields["indication"] = (
        indication or (freq_sig and freq_sig.indication) or (sig and sig.indication) or None
    )
    instructions = _text(obj, "instructions", path)
    found = [*(sig.instructions if sig else ()), *(freq_sig.instructions if freq_sig else ())]
    fields["instructions"] = tuple(
        dict.fromkeys([*found, *([instructions] if instructions else [])])
    )
    fields["duration_days"] = (sig and sig.duration_days) or (freq_sig and freq_sig.duration_days)
    parts = [sig, freq_sig] if freq_sig is not sig else [sig]
    fields["unparsed"] = " ".join(part.unparsed for part in parts if part and part.unparsed)
    if discharge:
        for key, label in (("dose", "dose"), ("route", "route"), ("frequency", "frequency")):
            if fields[key] is None:
                raise _fail(f"{path}.{key}", f"missing (a discharge medicine needs a {label})")
    return fields


def _list(data: dict[str, Any], key: str) -> Sequence[Any]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(key, "must be a list")
    return value


def reconciliation_from_json(data: Any) -> Reconciliation:
    """Validate and convert the JSON document; raises ValidationError naming the field."""
    if not isinstance(data, dict):
        raise ValidationError("the file must hold a JSON object", field=None)
    for key in data:
        if key not in LISTS:
            raise _fail(key, f"unknown field (expected: {', '.join(LISTS)})")
    allergies = tuple(
        _allergy(item, f"allergies[{n}]") for n, item in enumerate(_list(data, "allergies"))
    )
    home = tuple(
        Medication(
            **_medication(_object(item, f"home[{n}]", _MED_FIELDS), f"home[{n}]", discharge=False)
        )
        for n, item in enumerate(_list(data, "home"))
    )
    inpatient = tuple(
        Medication(
            **_medication(
                _object(item, f"inpatient[{n}]", _MED_FIELDS), f"inpatient[{n}]", discharge=False
            )
        )
        for n, item in enumerate(_list(data, "inpatient"))
    )
    seen: dict[str, str] = {}
    for prefix, meds in (("home", home), ("inpatient", inpatient)):
        for n, med in enumerate(meds):
            _claim_id(seen, med.id, f"{prefix}[{n}]")
    home_ids = {m.id for m in home}
    source_ids = home_ids | {m.id for m in inpatient}
    discharge = []
    for n, item in enumerate(_list(data, "discharge")):
        path = f"discharge[{n}]"
        obj = _object(item, path, _DISCHARGE_FIELDS)
        fields = _medication(obj, path, discharge=True)
        _claim_id(seen, fields["id"], path)
        decision_text = _text(obj, "decision", path, required=True) or ""
        try:
            decision = Decision(decision_text.strip().lower())
        except ValueError:
            raise _fail(
                f"{path}.decision", f"unknown decision '{decision_text}' (use {_DECISIONS})"
            ) from None
        from_id = _text(obj, "from", path)
        if from_id is not None and from_id not in source_ids:
            raise _fail(f"{path}.from", f"'{from_id}' names no home or inpatient medicine")
        if from_id is None and decision is not Decision.NEW:
            raise _fail(
                f"{path}.from",
                f"missing: a '{decision.value}' medicine must name the home or inpatient "
                "medicine it comes from",
            )
        if decision is Decision.NEW and from_id in home_ids:
            raise _fail(
                f"{path}.decision",
                f"'new' cannot come from home medicine '{from_id}' (use continue or change)",
            )
        reason = _text(obj, "reason", path)
        discharge.append(
            DischargeMedication(**fields, decision=decision, from_id=from_id, reason=reason)
        )
    derived = {d.from_id: n for n, d in enumerate(discharge) if d.from_id}
    stopped = []
    stopped_ids: set[str] = set()
    for n, item in enumerate(_list(data, "stopped")):
        path = f"stopped[{n}]"
        obj = _object(item, path, _STOPPED_FIELDS)
        from_id = _text(obj, "from", path, required=True) or ""
        if from_id not in source_ids:
            raise _fail(f"{path}.from", f"'{from_id}' names no home or inpatient medicine")
        if from_id in stopped_ids:
            raise _fail(f"{path}.from", f"'{from_id}' is already stopped")
        if from_id in derived:
            raise _fail(
                f"{path}.from", f"'{from_id}' is also carried on by discharge[{derived[from_id]}]"
            )
        stopped_ids.add(from_id)
        stopped.append(StoppedMedication(from_id, _text(obj, "reason", path)))
    return Reconciliation(allergies, home, inpatient, tuple(discharge), tuple(stopped))


def _allergy(item: Any, path: str) -> Allergy:
    obj = _object(item, path, _ALLERGY_FIELDS)
    substance = _text(obj, "substance", path, required=True) or ""
    _text(obj, "severity", path)
    return Allergy(substance.strip(), _text(obj, "reaction", path))


def _claim_id(seen: dict[str, str], med_id: str, path: str) -> None:
    if med_id in seen:
        raise _fail(f"{path}.id", f"duplicate id '{med_id}' (also {seen[med_id]})")
    seen[med_id] = path


def problems_to_json(problems: Sequence[Problem]) -> dict[str, Any]:
    return {"problems": [p.to_json() for p in problems]}
