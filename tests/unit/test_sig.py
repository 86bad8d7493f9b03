"""Sig parsing: strict structured fields and forgiving free text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transitions.domain.medrec.sig import (
    Dose,
    Sig,
    parse_dose,
    parse_frequency,
    parse_route,
    parse_sig,
)
from transitions.errors import ValidationError

# --- doses ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("10 mg", "10", "10", "mg"),
        ("0.5 mg", "0.5", "0.5", "mg"),
        (".5 mg", "0.5", "0.5", "mg"),
        ("1,000 mg", "1000", "1000", "mg"),
        ("10 units", "10", "10", "unit"),
        ("10 Units", "10", "10", "unit"),
        ("2.5mg", "2.5", "2.5", "mg"),
        ("1 tab", "1", "1", "tablet"),
        ("1-2 tabs", "1", "2", "tablet"),
        ("1 to 2 capsules", "1", "2", "capsule"),
        ("1/2 tablet", "0.5", "0.5", "tablet"),
        ("2 puffs", "2", "2", "puff"),
        ("100 mcg", "100", "100", "mcg"),
        ("100 µg", "100", "100", "mcg"),
        ("17 g", "17", "17", "g"),
        ("5 mL", "5", "5", "ml"),
        ("20 mEq", "20", "20", "meq"),
        ("1000 IU", "1000", "1000", "unit"),
    ],
)
def test_parse_dose(text: str, low: str, high: str, unit: str) -> None:
    dose = parse_dose(text)
    assert (dose.low, dose.high, dose.unit) == (Decimal(low), Decimal(high), unit)


@pytest.mark.parametrize(
    "text",
    [
        "ten",
        "ten mg",
        "10",
        "mg",
        "",
        "   ",
        "10 mg daily",
        "0 mg",
        "-5 mg",
        "10 zorkmids",
        "2-1 tabs",
        "1/0 tab",
    ],
)
def test_parse_dose_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_dose(text)
    assert raised.value.field == "dose"
    assert "is not a dose like '10 mg'" in str(raised.value)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("0.5 mg", "0.50 mg", True),
        ("0.5 mg", ".5 mg", True),
        ("1,000 mg", "1 g", True),
        ("1000 mcg", "1 mg", True),
        ("5 mL", "1 tsp", True),
        ("10 units", "10 IU", True),
        ("1 tab", "1 tablet", True),
        ("10 mg", "20 mg", False),
        ("1-2 tabs", "1 tab", False),
        ("1 tab", "10 mg", None),
        ("1 tab", "1 capsule", None),
    ],
)
def test_dose_comparison(a: str, b: str, same: bool | None) -> None:
    assert parse_dose(a).same_amount(parse_dose(b)) is same
    assert parse_dose(b).same_amount(parse_dose(a)) is same


@pytest.mark.parametrize(
    ("text", "display"),
    [("1 tab", "1 tablet"), ("1-2 tabs", "1-2 tablets"), ("1,000 mg", "1000 mg"),
     ("10 units", "10 units"), ("2 patches", "2 patches"), ("5 ml", "5 mL")],
)  # fmt: skip
def test_dose_display(text: str, display: str) -> None:
    assert parse_dose(text).display == display


# --- routes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("po", "oral"), ("PO", "oral"), ("p.o.", "oral"), ("by mouth", "oral"), ("oral", "oral"),
        ("subq", "subcutaneous"), ("SC", "subcutaneous"), ("subcutaneous", "subcutaneous"),
        ("sub-q", "subcutaneous"), ("IV", "intravenous"), ("im", "intramuscular"),
        ("inh", "inhaled"), ("inhaled", "inhaled"), ("topical", "topical"), ("SL", "sublingual"),
        ("PR", "rectal"), ("in each nostril", "nasal"), ("per tube", "enteral_tube"),
    ],
)  # fmt: skip
def test_parse_route(text: str, code: str) -> None:
    assert parse_route(text) == code


@pytest.mark.parametrize("text", ["telepathic", "", "orally twice", "xyz"])
def test_parse_route_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_route(text)
    assert raised.value.field == "route"


# --- frequencies ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("daily", "daily"), ("once daily", "daily"), ("QD", "daily"), ("every day", "daily"),
        ("BID", "bid"), ("b.i.d.", "bid"), ("twice daily", "bid"), ("twice a day", "bid"),
        ("TID", "tid"), ("three times daily", "tid"), ("three times a day", "tid"),
        ("QID", "qid"), ("four times daily", "qid"),
        ("q4h", "q4h"), ("q6h", "q6h"), ("every 6 hours", "q6h"), ("q 6 h", "q6h"),
        ("q8h", "q8h"), ("every eight hours", "q8h"), ("q12h", "q12h"), ("every 12 hours", "q12h"),
        ("at bedtime", "bedtime"), ("QHS", "bedtime"), ("nightly", "bedtime"),
        ("every morning", "morning"), ("qAM", "morning"), ("weekly", "weekly"),
        ("once a week", "weekly"), ("every other day", "every_other_day"), ("q24h", "daily"),
        ("PRN", "prn"), ("as needed", "prn"),
    ],
)  # fmt: skip
def test_parse_frequency(text: str, code: str) -> None:
    sig = parse_frequency(text)
    assert sig.frequency is not None
    assert sig.frequency.code == code


def test_bid_and_twice_daily_are_the_same_frequency() -> None:
    assert parse_frequency("BID").frequency == parse_frequency("twice daily").frequency


def test_frequency_with_prn_and_indication() -> None:
    sig = parse_frequency("q6h prn pain")
    assert sig.frequency is not None and sig.frequency.code == "q6h"
    assert sig.prn and sig.indication == "pain"


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("daily", ("morning",)),
        ("BID", ("morning", "evening")),
        ("TID", ("morning", "noon", "evening")),
        ("QID", ("morning", "noon", "evening", "bedtime")),
        ("q8h", ("morning", "noon", "bedtime")),
        ("q12h", ("morning", "evening")),
        ("at bedtime", ("bedtime",)),
        ("every morning", ("morning",)),
        ("PRN", ()),
    ],
)
def test_frequency_times_of_day(text: str, times: tuple[str, ...]) -> None:
    sig = parse_frequency(text)
    assert sig.frequency is not None and sig.frequency.times == times


@pytest.mark.parametrize("text", ["whenever", "", "sometimes maybe"])
def test_parse_frequency_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_frequency(text)
    assert raised.value.field == "frequency"


# --- free-text sigs -------------------------------------------------------------------------------


def _summary(sig: Sig) -> tuple[str | None, str | None, str | None, bool, str | None]:
    return (
        sig.dose.display if sig.dose else None,
        sig.route,
        sig.frequency.code if sig.frequency else None,
        sig.prn,
        sig.indication,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 tab po bid", ("1 tablet", "oral", "bid", False, None)),
        ("10 units subq at bedtime", ("10 units", "subcutaneous", "bedtime", False, None)),
        ("q6h prn pain", (None, None, "q6h", True, "pain")),
        ("40 mg by mouth daily", ("40 mg", "oral", "daily", False, None)),
        ("2 puffs inh q4h prn sob", ("2 puffs", "inhaled", "q4h", True, "shortness of breath")),
        ("Take 1 tablet by mouth twice daily", ("1 tablet", "oral", "bid", False, None)),
        ("one tablet by mouth every 6 hours as needed for pain",
         ("1 tablet", "oral", "q6h", True, "pain")),
        ("1-2 tabs po q4-6h prn pain", ("1-2 tablets", "oral", "q4-6h", True, "pain")),
        ("0.4 mg SL q5min prn chest pain", ("0.4 mg", "sublingual", "q5min", True, "chest pain")),
        ("0.4 mg SL q5 min prn chest pain", ("0.4 mg", "sublingual", "q5min", True, "chest pain")),
        ("inject 10 units under the skin every morning",
         ("10 units", "subcutaneous", "morning", False, None)),
        ("1 g IV q24h", ("1 g", "intravenous", "daily", False, None)),
        ("2 sprays in each nostril daily", ("2 sprays", "nasal", "daily", False, None)),
    ],
)  # fmt: skip
def test_parse_sig(text: str, expected: tuple[object, ...]) -> None:
    sig = parse_sig(text)
    assert _summary(sig) == expected
    assert not sig.flagged, sig.unparsed


def test_sig_duration_and_instructions() -> None:
    sig = parse_sig("Take 1 tablet by mouth twice daily with food for 7 days")
    assert sig.duration_days == 7
    assert sig.instructions == ("with food",)
    assert parse_sig("5 mL PO TID x10d").duration_days == 10
    assert parse_sig("1 cap po qid x 2 weeks").duration_days == 14


@pytest.mark.parametrize("text", ["hocus pocus", "", "1 tab po bid and a spoonful of sugar"])
def test_unparsed_text_is_kept_and_flagged(text: str) -> None:
    sig = parse_sig(text)
    assert sig.flagged
    if text:
        assert sig.unparsed


def test_partly_parsed_sig_keeps_what_it_understood() -> None:
    sig = parse_sig("1 tab po bid and a spoonful of sugar")
    assert _summary(sig)[:3] == ("1 tablet", "oral", "bid")
    assert "spoonful" in sig.unparsed and "sugar" in sig.unparsed


def test_sig_json_shape() -> None:
    data = parse_sig("2 puffs inh q4h prn sob").to_json()
    assert data["dose"] == {"amount": "2", "amount_high": "2", "unit": "puff"}
    assert data["frequency"]["times"] == ["morning", "noon", "evening", "bedtime"]
    assert data["flagged"] is False


@given(st.text(max_size=80))
def test_sig_parser_never_crashes(text: str) -> None:
    sig = parse_sig(text)
    assert isinstance(sig, Sig)
    assert sig.flagged or sig.dose or sig.route or sig.frequency or sig.prn
    if sig.dose is not None:
        assert isinstance(sig.dose, Dose) and sig.dose.low > 0


_WORDS = st.sampled_from(
    ["1", "2", "0.5", "1,000", "1-2", "1/2", "tab", "mg", "units", "po", "iv", "subq", "q6h",
     "bid", "daily", "prn", "pain", "for", "x", "7", "days", "every", "6", "hours", "with",
     "food", "q", "h", "to", "at", "bedtime", "-", "as", "needed", "min", "q4-6h", "x7d"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=12))
def test_sig_parser_never_crashes_on_sig_like_words(words: list[str]) -> None:
    sig = parse_sig(" ".join(words))
    assert isinstance(sig, Sig)
