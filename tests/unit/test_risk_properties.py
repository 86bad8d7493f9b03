"""Properties of the risk rules over generated inputs (hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transitions.domain.risk.charlson import (
    category_weight,
    charlson_from_codes,
    charlson_table,
    icd10_category,
)
from transitions.domain.risk.hospital import (
    HospitalInput,
    HospitalTier,
    hospital_score,
    hospital_tier,
)
from transitions.domain.risk.lace import LaceInput, LaceTier, lace_score, lace_tier

counts = st.integers(min_value=0, max_value=400)
maybe_counts = st.none() | counts
flags = st.none() | st.booleans()
hemoglobin = st.none() | st.floats(min_value=0.0, max_value=30.0)
sodium = st.none() | st.floats(min_value=80.0, max_value=200.0)

lace_inputs = st.builds(LaceInput, maybe_counts, flags, maybe_counts, maybe_counts)
hospital_inputs = st.builds(
    HospitalInput, hemoglobin, sodium, flags, flags, flags, maybe_counts, maybe_counts
)

LACE_ORDER = list(LaceTier)
HOSPITAL_ORDER = list(HospitalTier)


@given(lace_inputs)
def test_lace_score_is_the_sum_of_its_points(inputs: LaceInput) -> None:
    result = lace_score(inputs)
    assert result.score == sum(result.points.values())
    assert 0 <= result.score <= 19
    assert result.tier is lace_tier(result.score)
    given_values = (inputs.los_days, inputs.emergent, inputs.charlson, inputs.ed_visits)
    assert result.complete == (None not in given_values)
    assert all(item.points == 0 for item in result.items if item.missing)


@given(hospital_inputs)
def test_hospital_score_is_the_sum_of_its_points(inputs: HospitalInput) -> None:
    result = hospital_score(inputs)
    assert result.score == sum(result.points.values())
    assert 0 <= result.score <= 13
    assert result.tier is hospital_tier(result.score)
    assert len(result.missing) == sum(f is None for f in vars(inputs).values())
    assert all(item.points == 0 for item in result.items if item.missing)


@given(st.integers(0, 40), st.integers(0, 40))
def test_tiers_are_monotone_in_the_score(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert LACE_ORDER.index(lace_tier(low)) <= LACE_ORDER.index(lace_tier(high))
    assert HOSPITAL_ORDER.index(hospital_tier(low)) <= HOSPITAL_ORDER.index(hospital_tier(high))


@given(counts, counts, counts, counts, st.booleans())
def test_lace_never_falls_when_a_count_rises(
    los: int, charlson: int, ed: int, extra: int, emergent: bool
) -> None:
    base = lace_score(LaceInput(los, emergent, charlson, ed)).score
    assert lace_score(LaceInput(los + extra, emergent, charlson, ed)).score >= base
    assert lace_score(LaceInput(los, emergent, charlson + extra, ed)).score >= base
    assert lace_score(LaceInput(los, emergent, charlson, ed + extra)).score >= base


prefixes = st.sampled_from(
    sorted({p for c in charlson_table().categories.values() for p in c.prefixes})
)
suffixes = st.text(alphabet="0123456789AXZ", max_size=3)


@given(prefixes, suffixes)
def test_code_form_does_not_change_the_category(prefix: str, suffix: str) -> None:
    compact = (prefix + suffix)[:7]
    dotted = compact if len(compact) == 3 else f"{compact[:3]}.{compact[3:]}"
    expected = icd10_category(compact)
    assert expected is not None  # every extension of a listed prefix stays in its category
    assert icd10_category(dotted) == expected
    assert icd10_category(dotted.lower()) == expected


@given(st.lists(prefixes, max_size=8))
def test_index_is_the_sum_of_counted_weights(codes: list[str]) -> None:
    result = charlson_from_codes(codes)
    assert result.index == sum(category_weight(key) for key in result.categories)
    assert list(result.categories) == sorted(set(result.categories))
    for severe, mild in charlson_table().hierarchy.items():
        assert not (severe in result.categories and mild in result.categories)
