"""HL7 v2 ADT messages -> plain data (no database). python-hl7 splits the message; this module
reads the fields the interface uses and turns HL7 code tables into Transitions' vocabulary.

Unreadable input raises :class:`MessageError` with ``AR``; a readable ADT message that lacks
what we need (MRN, birth date, visit number) raises it with ``AE``. Odd values that do not stop
the stay from being stored (an unknown disposition code, a diagnosis code that is not ICD-10-CM)
become ``warnings`` on the result.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from transitions.domain.codes import check_diagnosis_code
from transitions.domain.enums import AdmissionType, AllergySeverity, CodeSystem, EncounterClass, Sex
from transitions.errors import ValidationError
from transitions.interop import MessageError
from transitions.interop.hl7v2_text import HL7Text, split_message
from transitions.resources import load_json

#: ADT trigger events the interface applies (A28/A31 = person add/update).
SUPPORTED_EVENTS = frozenset({"A01", "A02", "A03", "A04", "A08", "A11", "A13", "A28", "A31"})
#: LOINC codes stored as lab results (hemoglobin, sodium).
STORED_LOINC = {"718-7": "Hemoglobin", "2951-2": "Sodium"}

_TS = re.compile(
    r"^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.\d{1,4})?(?:([+-])(\d{2})(\d{2}))?$"
)
_FRAMING = "\x0b\x1c"


@cache
def maps() -> dict[str, Any]:
    data: dict[str, Any] = load_json("vocab", "hl7v2-maps.json")
    return data


# -- raw text ------------------------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """Bytes -> text: UTF-8 (BOM dropped) when valid, else Latin-1 (every byte maps)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return text.lstrip("\ufeff")


def normalise(text: str) -> str:
    """One message with segments separated by CR, framing and blank lines removed."""
    lines = [
        line.strip(_FRAMING).rstrip()
        for line in re.split(r"\r\n|\r|\n", text.strip(_FRAMING + " \r\n\ufeff"))
    ]
    return "\r".join(line for line in lines if line)


def digest(raw: bytes) -> str:
    """SHA-256 of the normalised message: the same message with other line ends is the same."""
    return digest_normalised(normalise(decode(raw)))


def digest_normalised(body: str) -> str:
    """:func:`digest` of text already decoded and normalised."""
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def split_messages(raw: bytes) -> list[bytes]:
    """A file's bytes -> one bytes object per message (each starts at a line beginning 'MSH').

    Text before the first MSH is kept as a message of its own so that it gets quarantined,
    not silently dropped.
    """
    parts: list[bytes] = []
    current: list[bytes] = []
    for line in re.split(rb"\r\n|\r|\n", raw):
        bare = line.strip(b"\x0b\x1c").lstrip(b"\xef\xbb\xbf")
        if bare.startswith(b"MSH") and current:
            parts.append(b"\r".join(current))
            current = []
        if bare.strip():
            current.append(bare)
    if current:
        parts.append(b"\r".join(current))
    return parts


def msh_field(raw: bytes, number: int) -> str | None:
    """MSH-n read without a full parse (for the ACK and the list of a message that does not
    parse): MSH-9 message type, MSH-10 control id."""
    head = raw.lstrip(b"\x0b\xef\xbb\xbf\r\n ")
    if not head.startswith(b"MSH") or len(head) < 4:
        return None
    line = re.split(rb"[\r\n]", head, maxsplit=1)[0]
    fields = line.split(head[3:4])
    if len(fields) <= number - 1:
        return None
    value = fields[number - 1].decode("latin-1").strip()
    if number == 9 and len(head) > 4:
        value = value.replace(head[4:5].decode("latin-1"), "^")
    return no_nul(value)[:64] or None


def no_nul(text: str) -> str:
    """NUL written as ``\\x00``: PostgreSQL text cannot hold it (the raw bytes keep it)."""
    return text.replace("\x00", "\\x00") if "\x00" in text else text


def control_id_of(raw: bytes) -> str | None:
    return msh_field(raw, 10)


# -- plain results ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProviderRef:
    identifier: str | None
    family_name: str | None
    given_name: str | None


@dataclass(frozen=True)
class PatientData:
    authority: str
    mrn: str
    family_name: str | None
    given_name: str | None
    middle_name: str | None
    birth_date: date | None
    sex: Sex | None
    phone: str | None
    address_line: str | None
    city: str | None
    state: str | None
    postal_code: str | None
    language: str | None
    caregiver_name: str | None = None
    caregiver_relation: str | None = None
    caregiver_phone: str | None = None
    pcp: ProviderRef | None = None


@dataclass(frozen=True)
class VisitData:
    authority: str
    visit_number: str
    patient_class: EncounterClass | None
    unit_code: str | None
    room: str | None
    bed: str | None
    admission_type: AdmissionType | None
    attending: ProviderRef | None
    hospital_service: str | None
    disposition: str | None
    admit_time: datetime | None
    discharge_time: datetime | None
    #: PV2-9 expected discharge date/time
    expected_discharge: datetime | None = None


@dataclass(frozen=True)
class DiagnosisData:
    code_system: CodeSystem
    code: str
    description: str | None
    principal: bool


@dataclass(frozen=True)
class AllergyData:
    substance: str
    reaction: str | None
    severity: AllergySeverity


@dataclass(frozen=True)
class LabData:
    loinc_code: str
    name: str
    value: Decimal
    unit: str
    observed_at: datetime


@dataclass(frozen=True)
class AdtMessage:
    control_id: str
    message_type: str
    event: str
    sending_application: str
    sending_facility: str
    event_time: datetime | None
    patient: PatientData
    visit: VisitData | None
    diagnoses: list[DiagnosisData] = field(default_factory=list)
    allergies: list[AllergyData] = field(default_factory=list)
    labs: list[LabData] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# -- field access -------------------------------------------------------------------------------


class _Segment:
    """Field access by HL7 position (1-based; MSH-1 is the field separator) on a split message."""

    __slots__ = ("_comp", "_fields", "_rep", "_sub", "_text")

    def __init__(self, fields: list[str], text: HL7Text) -> None:
        self._fields = fields
        self._text = text
        seps = text.separators  # e.g. "\r|~^&"
        self._rep = seps[2] if len(seps) > 2 else "~"
        self._comp = seps[3] if len(seps) > 3 else "^"
        self._sub = seps[4] if len(seps) > 4 else "&"

    @property
    def name(self) -> str:
        return self._fields[0]

    def raw(self, n: int) -> str:
        fields = self._fields
        return fields[n] if len(fields) > n else ""

    def reps(self, n: int) -> list[str]:
        value = self.raw(n)
        return value.split(self._rep) if value else []

    def comps(self, value: str) -> list[str]:
        return value.split(self._comp)

    def get(self, n: int, comp: int = 1, sub: int = 1, rep: int = 1) -> str | None:
        """Field n, repetition rep, component comp, subcomponent sub (all 1-based), cleaned;
        None when absent or blank. (Hot path: split only where a separator is present.)"""
        fields = self._fields
        if len(fields) <= n:
            return None
        value = fields[n]
        if not value:
            return None
        if rep != 1 or self._rep in value:
            reps = value.split(self._rep)
            if len(reps) < rep:
                return None
            value = reps[rep - 1]
        return self.part(value, comp, sub)

    def part(self, value: str, comp: int = 1, sub: int = 1) -> str | None:
        if comp != 1 or self._comp in value:
            comps = value.split(self._comp)
            if len(comps) < comp:
                return None
            value = comps[comp - 1]
        if sub != 1 or self._sub in value:
            subs = value.split(self._sub)
            if len(subs) < sub:
                return None
            value = subs[sub - 1]
        if "\\" in value:
            return self._clean(value)
        return value.strip() or None

    def _clean(self, value: str) -> str | None:
        try:
            text = self._text.unescape(value)
        except Exception:  # noqa: BLE001 - a broken escape sequence: keep the raw text
            text = value
        text = text.strip()
        return text or None


def _segments(message: HL7Text, name: str) -> Iterator[_Segment]:
    for fields in message.named(name):
        yield _Segment(fields, message)


def _first(message: HL7Text, name: str) -> _Segment | None:
    found = message.named(name)
    return _Segment(found[0], message) if found else None


def parse_timestamp(value: str | None, tz: tzinfo, what: str) -> datetime | None:
    """HL7 DTM (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ]) -> UTC datetime; no zone = site zone."""
    if not value:
        return None
    match = _TS.match(value.strip())
    if not match:
        raise MessageError(f"{what} '{value[:40]}' is not an HL7 date/time", field=what)
    year, month, day, hour, minute, second, sign, oh, om = match.groups()
    try:
        naive = datetime(
            int(year),
            int(month or 1),
            int(day or 1),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
        )
        if not 1900 <= naive.year <= 2200:
            raise ValueError("year out of range")
        if sign:
            offset = (int(oh) * 60 + int(om)) * (1 if sign == "+" else -1)
            return naive.replace(tzinfo=timezone(timedelta(minutes=offset))).astimezone(UTC)
        return naive.replace(tzinfo=tz).astimezone(UTC)
    except (ValueError, OverflowError):
        raise MessageError(f"{what} '{value[:40]}' is not a valid date/time", field=what) from None


def _birth_date(value: str | None, tz: tzinfo) -> date | None:
    if not value:
        return None
    match = re.match(r"^(\d{4})(\d{2})(\d{2})", value)
    if not match:
        raise MessageError(f"PID-7 birth date '{value[:40]}' is not an HL7 date", field="PID-7")
    try:
        born = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise MessageError(f"PID-7 birth date '{value[:40]}' is not a valid date") from None
    if born.year < 1850:
        raise MessageError(f"PID-7 birth date '{value[:40]}' is before 1850", field="PID-7")
    return born


def _cut(value: str | None, size: int) -> str | None:
    return value[:size] if value else value


def _provider(seg: _Segment, value: str) -> ProviderRef | None:
    identifier = seg.part(value, 1)
    family = seg.part(value, 2)
    given = seg.part(value, 3)
    if not (identifier or family):
        return None
    return ProviderRef(_cut(identifier, 40), _cut(family, 80), _cut(given, 80))


# -- parsing -----------------------------------------------------------------------------------


def parse_hl7(text: str) -> HL7Text:
    """Split one message (see :mod:`hl7v2_text`); anything python-hl7 could not read is an
    ``AR`` MessageError."""
    return parse_normalised(normalise(text))


def parse_normalised(body: str) -> HL7Text:
    """:func:`parse_hl7` of text already passed through :func:`normalise`."""
    if not body.startswith("MSH") or len(body) < 8:
        raise MessageError("not an HL7 v2 message (it does not start with an MSH segment)", "AR")
    try:
        return split_message(body)
    except Exception as exc:  # noqa: BLE001 - python-hl7 raises assorted errors on garbage
        raise MessageError(f"HL7 parser could not read the message: {exc}"[:300], "AR") from None


def read_adt(raw: bytes, tz: tzinfo) -> AdtMessage:
    """Parse and map one ADT message. Raises :class:`MessageError` (AR or AE)."""
    return read_adt_normalised(normalise(decode(raw)), tz)


def read_adt_normalised(body: str, tz: tzinfo) -> AdtMessage:
    """:func:`read_adt` of a message already decoded and normalised (the feed has done both
    for the digest)."""
    message = parse_normalised(body)
    msh = _first(message, "MSH")
    if msh is None:
        raise MessageError("the MSH segment is missing", "AR")
    control_id = msh.get(10)
    if not control_id:
        raise MessageError("MSH-10 message control id is empty", "AR", field="MSH-10")
    msg_code = (msh.get(9, 1) or "").upper()
    trigger = (msh.get(9, 2) or "").upper()
    message_type = f"{msg_code}^{trigger}" if trigger else msg_code
    if msg_code != "ADT":
        raise MessageError(
            f"message type {message_type or '(empty)'} is not accepted on the ADT interface", "AR"
        )
    evn = _first(message, "EVN")
    event = trigger or ((evn.get(1) or "").upper() if evn else "")
    if event not in SUPPORTED_EVENTS:
        raise MessageError(
            f"ADT event {event or '(none)'} is not supported "
            f"(supported: {', '.join(sorted(SUPPORTED_EVENTS))})",
            "AR",
        )
    warnings: list[str] = []
    facility = msh.get(4) or msh.get(4, 2) or ""
    event_time = None
    if evn:
        event_time = parse_timestamp(evn.get(6) or evn.get(2), tz, "EVN-2")
    if event_time is None:
        event_time = parse_timestamp(msh.get(7), tz, "MSH-7")
    pid = _first(message, "PID")
    if pid is None:
        raise MessageError("the PID segment is missing", field="PID")
    patient = _patient(message, pid, facility, tz, warnings)
    visit = None
    pv1 = _first(message, "PV1")
    if event not in {"A28", "A31"}:
        if pv1 is None:
            raise MessageError(f"ADT^{event} without a PV1 segment", field="PV1")
        visit = _visit(pv1, _first(message, "PV2"), facility, tz, warnings)
    return AdtMessage(
        control_id=no_nul(control_id)[:64],
        message_type=no_nul(message_type)[:40],
        event=event,
        sending_application=msh.get(3) or "",
        sending_facility=facility,
        event_time=event_time,
        patient=patient,
        visit=visit,
        diagnoses=_diagnoses(message, warnings),
        allergies=_allergies(message),
        labs=_labs(message, tz, warnings),
        warnings=warnings,
    )


def _patient(
    message: HL7Text, pid: _Segment, facility: str, tz: tzinfo, warnings: list[str]
) -> PatientData:
    mrn = None
    authority = ""
    for rep in pid.reps(3):
        if (pid.part(rep, 5) or "").upper() == "MR":
            mrn = pid.part(rep, 1)
            authority = pid.part(rep, 4) or pid.part(rep, 4, 2) or pid.part(rep, 6) or facility
            break
    if not mrn:
        raise MessageError("PID-3 has no identifier of type MR (medical record number)", "AE")
    address_line = None
    street = pid.get(11, 1)
    if street:
        parts = [pid.get(11, 1, n) for n in (1, 2, 3)]
        address_line = " ".join(p for p in parts if p)
        other = pid.get(11, 2)
        if other:
            address_line = f"{address_line}, {other}"
    phone = pid.get(13, 1)
    if not phone and (pid.get(13, 7)):
        phone = "".join(p for p in (pid.get(13, 6), pid.get(13, 7)) if p)
    language = pid.get(15, 1)
    if language:
        language = maps()["languages"].get(language.lower(), language.lower())
        if not re.fullmatch(r"[a-z]{2,3}(-[a-z]{2})?", language):
            warnings.append(f"PID-15 language '{language[:10]}' is not a language code; ignored")
            language = None
    sex_code = (pid.get(8) or "").upper()
    sex = Sex(maps()["sex"][sex_code]) if sex_code in maps()["sex"] else None
    if sex_code and sex is None:
        warnings.append(f"PID-8 sex '{sex_code[:10]}' is not in HL7 table 0001; stored as unknown")
    caregiver: dict[str, str | None] = {}
    nk1 = _first(message, "NK1")
    if nk1 is not None:
        name = " ".join(p for p in (nk1.get(2, 2), nk1.get(2, 1)) if p)
        if name:
            caregiver = {
                "caregiver_name": _cut(name, 160),
                "caregiver_relation": _cut(nk1.get(3, 2) or nk1.get(3, 1), 40),
                "caregiver_phone": _cut(nk1.get(5, 1), 40),
            }
    return PatientData(
        authority=authority[:200],
        mrn=mrn[:80],
        family_name=_cut(pid.get(5, 1), 80),
        given_name=_cut(pid.get(5, 2), 80),
        middle_name=_cut(pid.get(5, 3), 80),
        birth_date=_birth_date(pid.get(7), tz),
        sex=sex,
        phone=_cut(phone, 40),
        address_line=_cut(address_line, 200),
        city=_cut(pid.get(11, 3), 80),
        state=_cut(pid.get(11, 4), 40),
        postal_code=_cut(pid.get(11, 5), 16),
        language=_cut(language, 8),
        pcp=_pcp(message),
        **caregiver,
    )


def _pcp(message: HL7Text) -> ProviderRef | None:
    for rol in _segments(message, "ROL"):
        if (rol.get(3, 1) or "").upper() == "PP":
            reps = rol.reps(4)
            if reps:
                return _provider(rol, reps[0])
    pd1 = _first(message, "PD1")
    if pd1 is not None and pd1.reps(4):
        return _provider(pd1, pd1.reps(4)[0])
    return None


def _visit(
    pv1: _Segment, pv2: _Segment | None, facility: str, tz: tzinfo, warnings: list[str]
) -> VisitData:
    visit_number = pv1.get(19, 1)
    if not visit_number:
        raise MessageError("PV1-19 visit number is empty", field="PV1-19")
    authority = pv1.get(19, 4) or pv1.get(19, 4, 2) or facility
    klass_code = (pv1.get(2) or "").upper()
    klass = maps()["patient_class"].get(klass_code)
    adm_code = (pv1.get(4) or "").upper()
    admission_type = maps()["admission_type"].get(adm_code)
    if adm_code and admission_type is None:
        warnings.append(f"PV1-4 admission type '{adm_code[:10]}' is not in HL7 table 0007")
    disposition = None
    disp_code = pv1.get(36)
    if disp_code:
        disposition = maps()["discharge_disposition"].get(disp_code.upper())
        if disposition is None:
            warnings.append(
                f"PV1-36 discharge disposition '{disp_code[:30]}' is not in HL7 table 0112; "
                "stored as 'oth'"
            )
            disposition = "oth"
    attending_reps = pv1.reps(7)
    return VisitData(
        authority=authority[:200],
        visit_number=visit_number[:80],
        patient_class=EncounterClass(klass) if klass else None,
        unit_code=_cut(pv1.get(3, 1), 16),
        room=_cut(pv1.get(3, 2), 16),
        bed=_cut(pv1.get(3, 3), 8),
        admission_type=AdmissionType(admission_type) if admission_type else None,
        attending=_provider(pv1, attending_reps[0]) if attending_reps else None,
        hospital_service=_cut(pv1.get(10), 40),
        disposition=disposition,
        admit_time=parse_timestamp(pv1.get(44), tz, "PV1-44"),
        discharge_time=parse_timestamp(pv1.get(45), tz, "PV1-45"),
        expected_discharge=parse_timestamp(pv2.get(9), tz, "PV2-9") if pv2 else None,
    )


def _diagnoses(message: HL7Text, warnings: list[str]) -> list[DiagnosisData]:
    result: list[DiagnosisData] = []
    for index, dg1 in enumerate(_segments(message, "DG1")):
        code = dg1.get(3, 1)
        if not code:
            continue
        system_name = (dg1.get(3, 3) or dg1.get(2) or "").upper().replace(" ", "")
        system = CodeSystem(maps()["coding_system"].get(system_name, CodeSystem.OTHER.value))
        description = dg1.get(3, 2) or dg1.get(4)
        try:
            normalized, official = check_diagnosis_code(system, code)
        except ValidationError as exc:
            warnings.append(f"DG1 {index + 1}: {exc}; diagnosis not stored")
            continue
        result.append(
            DiagnosisData(
                code_system=system,
                code=normalized[:20],
                description=_cut(description or official, 300),
                principal=dg1.get(15) == "1",
            )
        )
    return result


def _allergies(message: HL7Text) -> list[AllergyData]:
    result: list[AllergyData] = []
    for al1 in _segments(message, "AL1"):
        substance = al1.get(3, 2) or al1.get(3, 1)
        if not substance:
            continue
        severity = maps()["allergy_severity"].get((al1.get(4) or "").upper(), "unknown")
        result.append(
            AllergyData(
                substance=substance[:120],
                reaction=_cut(al1.get(5), 200),
                severity=AllergySeverity(severity),
            )
        )
    return result


def _labs(message: HL7Text, tz: tzinfo, warnings: list[str]) -> list[LabData]:
    result: list[LabData] = []
    for obx in _segments(message, "OBX"):
        loinc = obx.get(3, 1)
        if loinc not in STORED_LOINC:
            continue
        try:
            value = Decimal(obx.get(5) or "")
            if not value.is_finite() or abs(value) >= Decimal("1e8"):
                raise InvalidOperation
        except InvalidOperation:
            warnings.append(f"OBX {loinc}: value '{(obx.get(5) or '')[:20]}' is not a number")
            continue
        observed = parse_timestamp(obx.get(14), tz, "OBX-14")
        if observed is None:
            warnings.append(f"OBX {loinc}: no observation time (OBX-14); not stored")
            continue
        result.append(
            LabData(
                loinc_code=loinc,
                name=STORED_LOINC[loinc],
                value=value,
                unit=(obx.get(6) or "")[:20],
                observed_at=observed,
            )
        )
    return result
