"""The feed's fast split of an HL7 v2 message gives the same field texts as python-hl7's parse
(including python-hl7's quirks for odd separators, where it is python-hl7 that splits)."""

from __future__ import annotations

import hl7
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.interop.messages import adt
from transitions.interop.hl7v2 import normalise
from transitions.interop.hl7v2_text import split_message

SEPARATOR_CHARS = "|^~\\&#$*!"


def python_hl7(body: str) -> tuple[list[list[str]], str, str]:
    message = hl7.parse(body)
    return [[str(f) for f in segment] for segment in message], message.separators, message.esc


@st.composite
def messages(draw: st.DrawFn) -> str:
    encoding = draw(st.text(alphabet=SEPARATOR_CHARS, min_size=0, max_size=6))
    field = draw(st.sampled_from(SEPARATOR_CHARS))
    alphabet = SEPARATOR_CHARS + "ABCMSH01 \\"
    header = "MSH" + field + encoding + draw(st.sampled_from(["", field]))
    header += draw(st.text(alphabet=alphabet, max_size=30))
    names = st.sampled_from(["PID", "PV1", "DG1", "MSH", "BHS", "OBX", "ZZ"])
    others = draw(
        st.lists(st.tuples(names, st.text(alphabet=alphabet, max_size=40)), min_size=0, max_size=4)
    )
    return "\r".join([header] + [name + rest for name, rest in others])


@settings(max_examples=400, deadline=None)
@given(messages())
def test_fields_match_python_hl7(text: str) -> None:
    body = normalise(text)
    if not body.startswith("MSH") or len(body) < 8:
        return
    try:
        expected = python_hl7(body)
    except Exception as exc:  # noqa: BLE001 - whatever python-hl7 raises, we raise too
        with pytest.raises(type(exc)):
            split_message(body)
        return
    got = split_message(body)
    assert (got.segments, got.separators, got.esc) == expected


def test_real_message_takes_the_fast_path_and_matches() -> None:
    body = normalise(
        adt("A01", extra="DG1|1||I50.23^Heart failure^I10||||||||||||1\rNTE|1||a\\T\\b")
    )
    got = split_message(body)
    assert got._message is None  # split without python-hl7
    assert (got.segments, got.separators, got.esc) == python_hl7(body)
    assert got.unescape("a\\T\\b") == "a&b"


def test_odd_header_is_split_by_python_hl7() -> None:
    body = "MSH|^^~\\&|A|B\rPID|1"  # repeated component separator: python-hl7's own rules
    got = split_message(body)
    assert got._message is not None
    assert (got.segments, got.separators, got.esc) == python_hl7(body)
