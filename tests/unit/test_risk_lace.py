"""LACE (van Walraven et al., CMAJ 2010): every band edge, tiers, breakdown, missing input."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from transitions.domain.risk.lace import LaceInput, LaceTier, lace_score, lace_table, lace_tier
from transitions.domain.risk.scoring import length_of_stay_days
from transitions.errors import ValidationError


def lace(
    los: int | None = 0, emergent: bool | None = False, charlson: int | None = 0, ed: int | None = 0
) -> LaceInput:
    return LaceInput(los_days=los, emergent=emergent, charlson=charlson, ed_visits=ed)


@pytest.mark.parametrize(
    ("days", "points"),
    [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 4), (6, 4), (7, 5), (13, 5), (14, 7), (90, 7)],
)
def test_length_of_stay_bands(days: int, points: int) -> None:
    result = lace_score(lace(los=days))
    assert result.points["L"] == points
    assert result.item("L").value == days


def test_acuity() -> None:
    assert lace_score(lace(emergent=True)).points["A"] == 3
    assert lace_score(lace(emergent=False)).points["A"] == 0


@pytest.mark.parametrize(("index", "points"), [(0, 0), (1, 1), (2, 2), (3, 3), (4, 5), (12, 5)])
def test_charlson_bands(index: int, points: int) -> None:
    assert lace_score(lace(charlson=index)).points["C"] == points


@pytest.mark.parametrize(("visits", "points"), [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (20, 4)])
def test_ed_visit_bands(visits: int, points: int) -> None:
    assert lace_score(lace(ed=visits)).points["E"] == points


@pytest.mark.parametrize(
    ("inputs", "score", "tier"),
    [
        (lace(los=4), 4, LaceTier.LOW),  # 4: top of low
        (lace(los=1, charlson=1, ed=3), 5, LaceTier.MODERATE),  # 5: bottom of moderate
        (lace(los=4, emergent=True, ed=2), 9, LaceTier.MODERATE),  # 9: top of moderate
        (lace(los=7, emergent=True, charlson=2), 10, LaceTier.HIGH),  # 10: bottom of high
        (lace(los=0), 0, LaceTier.LOW),
        (lace(los=30, emergent=True, charlson=9, ed=9), 19, LaceTier.HIGH),  # the maximum
    ],
)
def test_tier_edges(inputs: LaceInput, score: int, tier: LaceTier) -> None:
    result = lace_score(inputs)
    assert (result.score, result.tier) == (score, tier)
    assert lace_tier(score) is tier


def test_published_worked_combination() -> None:
    # 5-day emergent stay, Charlson 2 (CHF), 1 ED visit: L4 + A3 + C2 + E1 = 10, high.
    result = lace_score(lace(los=5, emergent=True, charlson=2, ed=1))
    assert result.points == {"L": 4, "A": 3, "C": 2, "E": 1}
    assert result.score == 10
    assert result.tier is LaceTier.HIGH
    assert result.complete
    assert result.name == "LACE"


def test_breakdown_explains_each_item() -> None:
    result = lace_score(lace(los=7, emergent=True, charlson=4, ed=1))
    assert [item.key for item in result.items] == ["L", "A", "C", "E"]
    assert result.item("L").rule == "7-13 days"
    assert result.item("A").rule == "yes"
    assert result.item("C").rule == "4 or more"
    assert result.item("E").rule == "1 visit"
    assert not any(item.missing for item in result.items)


def test_missing_input_is_flagged_not_silently_zero() -> None:
    result = lace_score(lace(los=3, emergent=None, charlson=None, ed=2))
    assert not result.complete
    assert result.missing == ("A", "C")
    missing = result.item("C")
    assert (missing.value, missing.points, missing.missing) == (None, 0, True)
    assert result.score == 5


@pytest.mark.parametrize("field", ["los_days", "charlson", "ed_visits"])
def test_negative_counts_name_the_field(field: str) -> None:
    values = {"los_days": 1, "emergent": True, "charlson": 1, "ed_visits": 1, field: -1}
    with pytest.raises(ValidationError) as raised:
        lace_score(LaceInput(**values))  # type: ignore[arg-type]
    assert raised.value.field == field
    assert field in str(raised.value)


def test_non_integer_count_is_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        lace_score(lace(los=2.5))  # type: ignore[arg-type]
    assert raised.value.field == "los_days"
    with pytest.raises(ValidationError):
        lace_score(lace(ed=True))


def test_length_of_stay_from_dates() -> None:
    assert length_of_stay_days(date(2026, 11, 20), date(2026, 11, 20)) == 0
    assert length_of_stay_days(date(2026, 11, 20), date(2026, 11, 27)) == 7
    # calendar dates count, not 24-hour periods
    assert length_of_stay_days(datetime(2026, 11, 20, 23, 0), datetime(2026, 11, 21, 1, 0)) == 1
    with pytest.raises(ValidationError) as raised:
        length_of_stay_days(date(2026, 11, 20), date(2026, 11, 19))
    assert raised.value.field == "discharged"


def test_point_table_cites_its_source() -> None:
    table = lace_table()
    assert "CMAJ 2010;182(6):551-557" in table.source
    assert set(table.items) == {"L", "A", "C", "E"}
