"""Hypothesis fuzzing of both parsers: truncated input, wrong encoding characters, missing
segments, huge fields, non-UTF-8 bytes, arbitrary JSON. The parsers may only refuse with a
MessageError; through the service every input ends processed or quarantined with a reason
(never an 'internal error')."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.interop.messages import adt
from transitions.db.interop_models import InboundMessage, MessageStatus, QuarantineEntry
from transitions.interop import MessageError
from transitions.interop.fhir_import import read_bundle
from transitions.interop.hl7v2 import read_adt
from transitions.services import interop, interop_fhir
from transitions.services.uow import Actor, UnitOfWork

TZ = ZoneInfo("America/New_York")
SEED_MESSAGES = [
    adt("A01", extra="DG1|1||I50.23^Heart failure^I10||||||||||||1\rAL1|1|DA|^Penicillin|SV|hives"),
    adt("A03", discharge="202611241500", disposition="01"),
    adt("A08", extra="OBX|1|NM|718-7^Hemoglobin^LN||11.2|g/dL|||||F|||202611240800"),
    adt("A04", patient_class="E"),
]


@st.composite
def hl7_inputs(draw: st.DrawFn) -> bytes:
    base = draw(st.sampled_from(SEED_MESSAGES)).encode()
    mutation = draw(
        st.sampled_from(["truncate", "separators", "drop", "huge", "bytes", "random", "splice"])
    )
    if mutation == "truncate":
        return base[: draw(st.integers(0, len(base)))]
    if mutation == "separators":
        chars = draw(st.text(alphabet="|^~\\&#$%\r\n", min_size=5, max_size=5))
        return b"MSH" + chars.encode() + base[8:]
    if mutation == "drop":
        segments = base.split(b"\r")
        keep = draw(st.lists(st.booleans(), min_size=len(segments), max_size=len(segments)))
        return b"\r".join(s for s, k in zip(segments, keep, strict=True) if k)
    if mutation == "huge":
        at = draw(st.integers(0, len(base)))
        return base[:at] + b"X" * draw(st.integers(1000, 200_000)) + base[at:]
    if mutation == "bytes":
        at = draw(st.integers(0, len(base)))
        return base[:at] + draw(st.binary(min_size=1, max_size=40)) + base[at:]
    if mutation == "splice":
        at = draw(st.integers(0, len(base)))
        return base[:at] + draw(st.text(max_size=40)).encode("utf-8", "surrogatepass") + base[at:]
    return draw(st.binary(max_size=400))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)

SEED_BUNDLE: dict[str, Any] = {
    "resourceType": "Bundle",
    "type": "collection",
    "entry": [
        {
            "fullUrl": "urn:uuid:p1",
            "resource": {
                "resourceType": "Patient",
                "id": "p1",
                "identifier": [
                    {"type": {"coding": [{"code": "MR"}]}, "system": "urn:t", "value": "Z1"}
                ],
                "name": [{"family": "Fuzz", "given": ["Ada"]}],
                "birthDate": "1950-01-01",
            },
        },
        {
            "resource": {
                "resourceType": "Encounter",
                "id": "e1",
                "status": "finished",
                "class": {"code": "IMP"},
                "subject": {"reference": "urn:uuid:p1"},
                "period": {"start": "2026-01-01T10:00:00Z", "end": "2026-01-03T10:00:00Z"},
            }
        },
        {
            "resource": {
                "resourceType": "Condition",
                "id": "c1",
                "code": {
                    "coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I10"}]
                },
                "subject": {"reference": "Patient/p1"},
                "encounter": {"reference": "Encounter/e1"},
            }
        },
    ],
}


@st.composite
def fhir_inputs(draw: st.DrawFn) -> bytes:
    mutation = draw(st.sampled_from(["truncate", "replace", "bytes", "random"]))
    text = json.dumps(SEED_BUNDLE).encode()
    if mutation == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    if mutation == "bytes":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.binary(min_size=1, max_size=20)) + text[at:]
    if mutation == "replace":
        bundle = json.loads(text)
        entry = draw(st.integers(0, 2))
        resource = bundle["entry"][entry]["resource"]
        key = draw(st.sampled_from(sorted(resource)))
        resource[key] = draw(json_values)
        return json.dumps(bundle).encode()
    return json.dumps(draw(json_values)).encode()


@settings(max_examples=400, deadline=None)
@given(hl7_inputs())
def test_hl7_parser_only_refuses_with_a_reason(raw: bytes) -> None:
    try:
        read_adt(raw, TZ)
    except MessageError as exc:
        assert str(exc)


@settings(max_examples=300, deadline=None)
@given(fhir_inputs())
def test_fhir_parser_only_refuses_with_a_reason(raw: bytes) -> None:
    try:
        read_bundle(raw)
    except MessageError as exc:
        assert str(exc)


def _outcome(make_uow: Callable[[], UnitOfWork], message_id: int) -> None:
    with make_uow() as uow:
        message = uow.session.get(InboundMessage, message_id)
        assert message is not None
        assert message.status in {
            MessageStatus.PROCESSED,
            MessageStatus.DUPLICATE,
            MessageStatus.QUARANTINED,
        }
        if message.status is MessageStatus.QUARANTINED:
            entry = uow.session.scalar(
                select(QuarantineEntry).where(QuarantineEntry.message_id == message_id)
            )
            assert entry is not None and entry.reason
            assert not entry.reason.startswith("internal error"), entry.reason


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=hl7_inputs())
def test_every_hl7_input_is_imported_or_quarantined(
    make_uow: Callable[[], UnitOfWork], raw: bytes
) -> None:
    result = interop.receive_hl7(make_uow, interop.adt_actor(), raw, "fuzz")
    assert result.ack_code in {"AA", "AE", "AR"}
    _outcome(make_uow, result.message_id)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=fhir_inputs())
def test_every_fhir_input_is_imported_or_quarantined(
    make_uow: Callable[[], UnitOfWork], raw: bytes
) -> None:
    result = interop_fhir.receive_bundle(make_uow, Actor.system("fuzz"), raw, "fuzz")
    assert result.ack_code in {"AA", "AE", "AR"}
    _outcome(make_uow, result.message_id)


def test_a_nul_byte_quoted_in_the_reason_is_still_quarantined(
    make_uow: Callable[[], UnitOfWork],
) -> None:
    """Found by the fuzzer on PostgreSQL: a bad admit time holding NUL ended up in the reason,
    which PostgreSQL text refuses, and the message was lost instead of quarantined."""
    raw = adt("A01", admit="2026\x0011200830").encode()
    result = interop.receive_hl7(make_uow, interop.adt_actor(), raw, "fuzz")
    assert result.ack_code in {"AE", "AR"}
    _outcome(make_uow, result.message_id)
    with make_uow() as uow:
        entry = uow.session.scalar(
            select(QuarantineEntry).where(QuarantineEntry.message_id == result.message_id)
        )
        assert entry is not None and "\x00" not in entry.reason
