"""FHIR R4 Bundles -> plain data (no database). Every resource we use is validated with
fhir.resources (R4B models) first; an invalid one raises :class:`MessageError` naming the entry,
the resource and the field, so nothing from that bundle is imported.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from transitions.domain.codes import check_diagnosis_code, discharge_dispositions
from transitions.domain.enums import (
    AdmissionType,
    AllergySeverity,
    CodeSystem,
    EncounterClass,
    MedicationList,
    MedicationSource,
    Sex,
)
from transitions.errors import ValidationError
from transitions.interop import MessageError
from transitions.interop.hl7v2 import (
    STORED_LOINC,
    AllergyData,
    DiagnosisData,
    LabData,
    PatientData,
    ProviderRef,
    maps,
)

ICD10CM_SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm"
SNOMED_SYSTEM = "http://snomed.info/sct"
LOINC_SYSTEM = "http://loinc.org"
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"
FHIR_ID_AUTHORITY = "urn:fhir:resource-id"
#: Resource types read from a bundle; everything else is counted as skipped.
USED_TYPES = (
    "Patient",
    "Practitioner",
    "Encounter",
    "Condition",
    "AllergyIntolerance",
    "MedicationRequest",
    "MedicationStatement",
    "Observation",
)
_DATE_PATHS = {
    "Patient": ("birthDate",),
    "Encounter": ("period.start", "period.end"),
    "MedicationRequest": ("authoredOn",),
    "MedicationStatement": ("dateAsserted", "effectiveDateTime"),
    "Observation": ("effectiveDateTime", "issued"),
}
BUNDLE_TYPES = {"transaction", "collection", "searchset", "batch"}
_CLASSES = {
    "IMP": EncounterClass.INPATIENT,
    "ACUTE": EncounterClass.INPATIENT,
    "NONAC": EncounterClass.INPATIENT,
    "EMER": EncounterClass.EMERGENCY,
    "AMB": EncounterClass.AMBULATORY,
    "OBSENC": EncounterClass.OBSERVATION,
}
_PRIORITY = {
    "EM": AdmissionType.EMERGENCY,
    "UR": AdmissionType.URGENT,
    "EL": AdmissionType.ELECTIVE,
    "R": AdmissionType.ELECTIVE,
}


@dataclass(frozen=True)
class MedicationItem:
    encounter_ref: str | None
    patient_ref: str | None
    kind: str  # "request" or "statement"
    category: str | None
    status: str | None
    drug_name: str
    dose: str | None
    route: str | None
    frequency: str | None
    prn: bool
    indication: str | None
    authored: datetime | None


@dataclass(frozen=True)
class EncounterItem:
    ref: str
    patient_ref: str
    authority: str
    value: str
    encounter_class: EncounterClass
    status: str
    start: datetime
    end: datetime | None
    admission_type: AdmissionType
    disposition: str | None
    attending: ProviderRef | None
    hospital_service: str | None
    principal_condition_refs: frozenset[str]
    reason: DiagnosisData | None


@dataclass
class BundleData:
    patients: dict[str, PatientData] = field(default_factory=dict)
    encounters: list[EncounterItem] = field(default_factory=list)
    #: (patient ref, encounter ref or None, condition ref, diagnosis)
    conditions: list[tuple[str, str | None, str, DiagnosisData]] = field(default_factory=list)
    allergies: list[tuple[str, AllergyData]] = field(default_factory=list)
    medications: list[MedicationItem] = field(default_factory=list)
    labs: list[tuple[str, LabData]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)


# -- validation -----------------------------------------------------------------------------------


def _model_class(resource_type: str) -> Any:
    from fhir.resources.R4B import get_fhir_model_class  # lazy: heavy import

    return get_fhir_model_class(resource_type)


def _pydantic_field(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()) if p != "__root__")
            return f"field '{where or '(resource)'}': {first.get('msg', 'invalid')}"
        except (IndexError, TypeError, KeyError):
            pass
    return str(exc).splitlines()[0][:200]


def load_bundle(raw: bytes) -> list[dict[str, Any]]:
    """Bytes -> validated resources (dicts) of the types we use. MessageError on anything bad."""
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise MessageError("not UTF-8 JSON", "AR") from None
    except json.JSONDecodeError as exc:
        raise MessageError(
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", "AR"
        ) from None
    except RecursionError:
        raise MessageError("JSON nested too deeply", "AR") from None
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise MessageError(
            "not a FHIR Bundle (resourceType must be 'Bundle')", "AR", "resourceType"
        )
    if data.get("type") not in BUNDLE_TYPES:
        raise MessageError(
            f"Bundle.type '{data.get('type')}' is not one of {', '.join(sorted(BUNDLE_TYPES))}",
            "AR",
            "Bundle.type",
        )
    entries = data.get("entry") or []
    if not isinstance(entries, list):
        raise MessageError("Bundle.entry must be a list", "AR", "Bundle.entry")
    resources: list[dict[str, Any]] = []
    for index, entry in enumerate(entries):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            raise MessageError(f"Bundle.entry[{index}] has no resource", "AR", "Bundle.entry")
        rtype = resource.get("resourceType")
        if rtype not in USED_TYPES:
            resources.append({"resourceType": str(rtype)[:40], "_skipped": True})
            continue
        where = f"Bundle.entry[{index}] {rtype}/{str(resource.get('id', '?'))[:64]}"
        # pydantic's lax mode turns a number into a date (1970-01-01 + n seconds): FHIR JSON
        # dates are strings, so anything else is refused before validation
        for path in _DATE_PATHS.get(rtype, ()):
            value: Any = resource
            for key in path.split("."):
                value = value.get(key) if isinstance(value, dict) else None
            if value is not None and not isinstance(value, str):
                raise MessageError(f"{where}: field '{path}' must be a date string", "AR", path)
        try:
            model = _model_class(rtype).model_validate(resource)
        except Exception as exc:  # noqa: BLE001 - pydantic ValidationError and friends
            raise MessageError(f"{where}: {_pydantic_field(exc)}", "AR", rtype) from None
        # read the validated, normalised form (right JSON types everywhere)
        resource = model.model_dump(mode="json", by_alias=True, exclude_none=True)
        resource["_fullUrl"] = (
            entry.get("fullUrl") if isinstance(entry.get("fullUrl"), str) else None
        )
        resources.append(resource)
    return resources


# -- reading resources ---------------------------------------------------------------------------


def _ref_keys(resource: dict[str, Any]) -> list[str]:
    keys = [f"{resource['resourceType']}/{resource.get('id')}"]
    if resource.get("_fullUrl"):
        keys.append(str(resource["_fullUrl"]))
    return keys


def _ref(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("reference"), str):
        return str(value["reference"])
    return None


def _instant(value: str | None) -> datetime | None:
    if not value:
        return None
    if len(value) == 4:
        value += "-01-01"
    if len(value) == 7:
        value += "-01"
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _text(concept: Any) -> str | None:
    if not isinstance(concept, dict):
        return None
    if concept.get("text"):
        return str(concept["text"])
    for coding in concept.get("coding") or []:
        if coding.get("display"):
            return str(coding["display"])
    for coding in concept.get("coding") or []:
        if coding.get("code"):
            return str(coding["code"])
    return None


def _codes(concept: Any) -> list[dict[str, Any]]:
    return list(concept.get("coding") or []) if isinstance(concept, dict) else []


def _cut(value: str | None, size: int) -> str | None:
    return value[:size] if value else value


def read_bundle(raw: bytes) -> BundleData:
    resources = load_bundle(raw)
    out = BundleData()
    refs: dict[str, str] = {}  # any reference form -> canonical "Type/id"
    practitioners: dict[str, ProviderRef] = {}
    for res in resources:
        if res.get("_skipped"):
            out.skipped[res["resourceType"]] += 1
            continue
        canonical = f"{res['resourceType']}/{res.get('id')}"
        for key in _ref_keys(res):
            refs[key] = canonical
    for res in resources:
        if res.get("_skipped"):
            continue
        rtype = res["resourceType"]
        if rtype == "Patient":
            out.patients[refs[_ref_keys(res)[0]]] = _patient(res)
        elif rtype == "Practitioner":
            practitioners[_ref_keys(res)[0]] = _practitioner(res)
    for res in resources:
        if res.get("_skipped"):
            continue
        rtype = res["resourceType"]
        where = f"{rtype}/{res.get('id')}"
        if rtype == "Encounter":
            out.encounters.append(_encounter(res, refs, practitioners, out, where))
        elif rtype == "Condition":
            _condition(res, refs, out, where)
        elif rtype == "AllergyIntolerance":
            _allergy(res, refs, out, where)
        elif rtype in {"MedicationRequest", "MedicationStatement"}:
            _medication(res, refs, out, where)
        elif rtype == "Observation":
            _observation(res, refs, out, where)
    return out


def _patient(res: dict[str, Any]) -> PatientData:
    where = f"Patient/{res.get('id')}"
    mrn = authority = None
    for ident in res.get("identifier") or []:
        if any(c.get("code") == "MR" for c in _codes(ident.get("type"))) and ident.get("value"):
            mrn, authority = str(ident["value"]), str(ident.get("system") or "")
            break
    if not mrn:
        raise MessageError(
            f"{where}: no identifier of type MR (field 'identifier')", field="identifier"
        )
    names = res.get("name") or [{}]
    name = next((n for n in names if n.get("use") == "official"), names[0])
    given = list(name.get("given") or [])
    addresses = res.get("address") or [{}]
    address = addresses[0]
    phone = next(
        (t.get("value") for t in res.get("telecom") or [] if t.get("system") == "phone"), None
    )
    language = None
    for comm in res.get("communication") or []:
        code = next((c.get("code") for c in _codes(comm.get("language")) if c.get("code")), None)
        if code:
            language = str(code).split("-")[0].lower()[:8]
            break
    contact = (res.get("contact") or [{}])[0]
    contact_name = contact.get("name") or {}
    caregiver = " ".join([*(contact_name.get("given") or []), contact_name.get("family") or ""])
    caregiver_phone = next((t.get("value") for t in contact.get("telecom") or []), None)
    gender = res.get("gender")
    birth = res.get("birthDate")
    return PatientData(
        authority=(authority or "")[:200],
        mrn=mrn[:80],
        family_name=_cut(name.get("family"), 80),
        given_name=_cut(given[0] if given else None, 80),
        middle_name=_cut(given[1] if len(given) > 1 else None, 80),
        birth_date=date.fromisoformat(birth) if birth and len(birth) == 10 else None,
        sex=Sex(gender) if gender in {s.value for s in Sex} else None,
        phone=_cut(phone, 40),
        address_line=_cut(" ".join(address.get("line") or []) or None, 200),
        city=_cut(address.get("city"), 80),
        state=_cut(address.get("state"), 40),
        postal_code=_cut(address.get("postalCode"), 16),
        language=language,
        caregiver_name=_cut(caregiver.strip() or None, 160),
        caregiver_relation=_cut(_text((contact.get("relationship") or [None])[0]), 40),
        caregiver_phone=_cut(caregiver_phone, 40),
    )


def _practitioner(res: dict[str, Any]) -> ProviderRef:
    npi = next(
        (
            i.get("value")
            for i in res.get("identifier") or []
            if i.get("system") == "http://hl7.org/fhir/sid/us-npi"
        ),
        None,
    )
    name = (res.get("name") or [{}])[0]
    given = name.get("given") or [None]
    return ProviderRef(_cut(npi, 40), _cut(name.get("family"), 80), _cut(given[0], 80))


def _subject(
    res: dict[str, Any], key: str, refs: dict[str, str], out: BundleData, where: str
) -> str:
    ref = _ref(res.get(key))
    canonical = refs.get(ref or "")
    if canonical is None or canonical not in out.patients:
        raise MessageError(
            f"{where}: field '{key}' does not refer to a Patient in this bundle", field=key
        )
    return canonical


def _diagnosis(concept: Any, principal: bool, where: str, out: BundleData) -> DiagnosisData | None:
    codings = _codes(concept)
    chosen: tuple[CodeSystem, dict[str, Any]] | None = None
    for system, uri in ((CodeSystem.ICD10CM, ICD10CM_SYSTEM), (CodeSystem.SNOMED, SNOMED_SYSTEM)):
        coding = next((c for c in codings if c.get("system") == uri and c.get("code")), None)
        if coding is not None:
            chosen = (system, coding)
            break
    if chosen is None:
        coding = next((c for c in codings if c.get("code")), None)
        if coding is None:
            return None
        chosen = (CodeSystem.OTHER, coding)
    system, coding = chosen
    try:
        code, official = check_diagnosis_code(system, str(coding["code"]))
    except ValidationError as exc:
        out.warnings.append(f"{where}: {exc}; diagnosis not stored")
        return None
    description = coding.get("display") or _text(concept) or official
    return DiagnosisData(system, code[:20], _cut(description, 300), principal)


def _encounter(
    res: dict[str, Any],
    refs: dict[str, str],
    practitioners: dict[str, ProviderRef],
    out: BundleData,
    where: str,
) -> EncounterItem:
    patient_ref = _subject(res, "subject", refs, out, where)
    klass_code = (res.get("class") or {}).get("code")
    klass = _CLASSES.get(str(klass_code).upper())
    if klass is None:
        raise MessageError(
            f"{where}: field 'class' code '{klass_code}' is not IMP, EMER, AMB or OBSENC",
            field="class",
        )
    period = res.get("period") or {}
    start = _instant(period.get("start"))
    if start is None:
        raise MessageError(f"{where}: field 'period.start' is missing", field="period.start")
    ident = next((i for i in res.get("identifier") or [] if i.get("value")), None)
    if ident is not None:
        authority, value = str(ident.get("system") or ""), str(ident["value"])
    else:
        authority, value = FHIR_ID_AUTHORITY, str(res.get("id"))
    priority = next((c.get("code") for c in _codes(res.get("priority"))), None)
    type_text = " ".join(_text(t) or "" for t in res.get("type") or []).lower()
    admission = _PRIORITY.get(str(priority).upper()) if priority else None
    if admission is None:
        if klass is EncounterClass.EMERGENCY or "emergency" in type_text:
            admission = AdmissionType.EMERGENCY
        elif "urgent" in type_text and "non-urgent" not in type_text:
            admission = AdmissionType.URGENT
        else:
            admission = AdmissionType.ELECTIVE
    disposition = None
    hosp = res.get("hospitalization") or {}
    disp = next((c.get("code") for c in _codes(hosp.get("dischargeDisposition"))), None)
    if disp:
        # FHIR codes, else HL7 table 0112 / NUBC patient status codes (Synthea sends '01')
        disposition = disp if disp in discharge_dispositions() else None
        disposition = disposition or maps()["discharge_disposition"].get(disp, "oth")
        if disposition == "oth" and disp != "oth":
            out.warnings.append(f"{where}: discharge disposition '{disp}' stored as 'oth'")
    attending = None
    for participant in res.get("participant") or []:
        canonical = refs.get(_ref(participant.get("individual")) or "")
        if canonical in practitioners:
            attending = practitioners[canonical]
            break
    principal_refs = frozenset(
        refs.get(_ref(d.get("condition")) or "", "")
        for d in res.get("diagnosis") or []
        if d.get("rank") == 1
    )
    reasons = res.get("reasonCode") or []
    reason = _diagnosis(reasons[0], True, where, out) if reasons else None
    return EncounterItem(
        ref=refs[_ref_keys(res)[0]],
        patient_ref=patient_ref,
        authority=authority[:200],
        value=value[:80],
        encounter_class=klass,
        status=str(res.get("status") or "unknown"),
        start=start,
        end=_instant(period.get("end")),
        admission_type=admission,
        disposition=disposition,
        attending=attending,
        hospital_service=_cut(_text(res.get("serviceType")), 40),
        principal_condition_refs=principal_refs,
        reason=reason,
    )


def _condition(res: dict[str, Any], refs: dict[str, str], out: BundleData, where: str) -> None:
    patient_ref = _subject(res, "subject", refs, out, where)
    verification = next((c.get("code") for c in _codes(res.get("verificationStatus"))), None)
    if verification in {"entered-in-error", "refuted"}:
        out.skipped["Condition (refuted/entered-in-error)"] += 1
        return
    encounter_ref = refs.get(_ref(res.get("encounter")) or "")
    diagnosis = _diagnosis(res.get("code"), False, where, out)
    if diagnosis is None:
        out.skipped["Condition (no usable code)"] += 1
        return
    # principal (Encounter.diagnosis rank 1) is decided by the caller, who sees the encounter
    out.conditions.append((patient_ref, encounter_ref, refs[_ref_keys(res)[0]], diagnosis))


def _allergy(res: dict[str, Any], refs: dict[str, str], out: BundleData, where: str) -> None:
    patient_ref = _subject(res, "patient", refs, out, where)
    verification = next((c.get("code") for c in _codes(res.get("verificationStatus"))), None)
    if verification in {"entered-in-error", "refuted"}:
        out.skipped["AllergyIntolerance (refuted/entered-in-error)"] += 1
        return
    substance = _text(res.get("code"))
    if not substance:
        out.skipped["AllergyIntolerance (no substance)"] += 1
        return
    reactions = res.get("reaction") or [{}]
    reaction = reactions[0]
    manifestation = _text((reaction.get("manifestation") or [None])[0])
    severity = reaction.get("severity")
    if severity not in {"mild", "moderate", "severe"}:
        severity = "severe" if res.get("criticality") == "high" else "unknown"
    out.allergies.append(
        (
            patient_ref,
            AllergyData(substance[:120], _cut(manifestation, 200), AllergySeverity(severity)),
        )
    )


def _dosage(dosages: list[dict[str, Any]]) -> tuple[str | None, str | None, str | None, bool]:
    if not dosages:
        return None, None, None, False
    d = dosages[0]
    dose = None
    for dr in d.get("doseAndRate") or []:
        q = dr.get("doseQuantity")
        if q and q.get("value") is not None:
            dose = f"{q['value']} {q.get('unit') or q.get('code') or ''}".strip()
            break
    route = _text(d.get("route"))
    frequency = None
    repeat = (d.get("timing") or {}).get("repeat") or {}
    if repeat.get("frequency") and repeat.get("period"):
        frequency = f"{repeat['frequency']} per {repeat['period']} {repeat.get('periodUnit', '')}"
    elif d.get("text"):
        frequency = str(d["text"])
    return _cut(dose, 40), _cut(route, 40), _cut(frequency, 60), bool(d.get("asNeededBoolean"))


def _medication(res: dict[str, Any], refs: dict[str, str], out: BundleData, where: str) -> None:
    patient_ref = _subject(res, "subject", refs, out, where)
    drug = _text(res.get("medicationCodeableConcept"))
    if not drug:
        out.skipped[f"{res['resourceType']} (no medication text)"] += 1
        return
    is_request = res["resourceType"] == "MedicationRequest"
    if not is_request and any(
        (refs.get(_ref(b) or "") or "").startswith("MedicationRequest/")
        for b in res.get("basedOn") or []
    ):
        # the patient takes what a request of this bundle prescribes: the request is read
        out.skipped["MedicationStatement (restates a MedicationRequest of the bundle)"] += 1
        return
    encounter_key = "encounter" if is_request else "context"
    category = None
    cats = res.get("category")
    for cat in cats if isinstance(cats, list) else [cats] if cats else []:
        category = next((c.get("code") for c in _codes(cat) if c.get("code")), category)
    dose, route, frequency, prn = _dosage(
        res.get("dosageInstruction" if is_request else "dosage") or []
    )
    authored = _instant(res.get("authoredOn") if is_request else res.get("dateAsserted"))
    if not is_request and authored is None:
        authored = _instant(res.get("effectiveDateTime"))
    out.medications.append(
        MedicationItem(
            encounter_ref=refs.get(_ref(res.get(encounter_key)) or ""),
            patient_ref=patient_ref,
            kind="request" if is_request else "statement",
            category=category,
            status=res.get("status"),
            drug_name=drug[:200],
            dose=dose,
            route=route,
            frequency=frequency,
            prn=prn,
            indication=_cut(_text((res.get("reasonCode") or [None])[0]), 200),
            authored=authored,
        )
    )


def _observation(res: dict[str, Any], refs: dict[str, str], out: BundleData, where: str) -> None:
    loinc = next(
        (c.get("code") for c in _codes(res.get("code")) if c.get("system") == LOINC_SYSTEM), None
    )
    quantity = res.get("valueQuantity") or {}
    encounter_ref = refs.get(_ref(res.get("encounter")) or "")
    observed = _instant(res.get("effectiveDateTime") or res.get("issued"))
    categories = {c.get("code") for cat in res.get("category") or [] for c in _codes(cat)}
    is_lab = loinc in STORED_LOINC or "laboratory" in categories
    if (
        not loinc
        or not is_lab
        or quantity.get("value") is None
        or not encounter_ref
        or not observed
    ):
        out.skipped["Observation (not a numeric laboratory result of a stay)"] += 1
        return
    try:
        value = Decimal(str(quantity["value"])).quantize(Decimal("0.0001"))
        if not value.is_finite() or abs(value) >= Decimal("1e8"):
            raise InvalidOperation
    except InvalidOperation:
        out.warnings.append(f"{where}: valueQuantity.value is not a number")
        return
    out.labs.append(
        (
            encounter_ref,
            LabData(
                loinc_code=str(loinc)[:16],
                name=(STORED_LOINC.get(str(loinc)) or _text(res.get("code")) or str(loinc))[:120],
                value=value,
                unit=str(quantity.get("unit") or quantity.get("code") or "")[:20],
                observed_at=observed,
            ),
        )
    )


def medication_list(item: MedicationItem) -> tuple[MedicationList, MedicationSource]:
    if item.kind == "statement":
        if item.category == "inpatient":  # an inpatient order (our reconciled-list export)
            return MedicationList.INPATIENT, MedicationSource.ORDER
        return MedicationList.HOME, MedicationSource.IMPORT
    if item.category == "discharge":
        return MedicationList.DISCHARGE, MedicationSource.ORDER
    if item.category in {"community", "outpatient"}:
        return MedicationList.HOME, MedicationSource.PRIOR_RECORD
    return MedicationList.INPATIENT, MedicationSource.ORDER
