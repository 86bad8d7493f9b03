"""The discharge state machine, without a database."""

from __future__ import annotations

import pytest

from transitions.domain.encounter_status import (
    ALLOWED_TRANSITIONS,
    EncounterStatus,
    can_transition,
    check_transition,
)
from transitions.errors import IllegalTransitionError

S = EncounterStatus


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.ADMITTED, S.DISCHARGE_PLANNED),
        (S.DISCHARGE_PLANNED, S.READY),
        (S.READY, S.DISCHARGED),
        (S.DISCHARGE_PLANNED, S.ADMITTED),
        (S.READY, S.DISCHARGE_PLANNED),
        (S.ADMITTED, S.CANCELLED),
        (S.READY, S.CANCELLED),
    ],
)
def test_allowed(current: EncounterStatus, target: EncounterStatus) -> None:
    check_transition(current, target)
    assert can_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.ADMITTED, S.READY),
        (S.ADMITTED, S.DISCHARGED),
        (S.DISCHARGE_PLANNED, S.DISCHARGED),
        (S.DISCHARGED, S.ADMITTED),
        (S.DISCHARGED, S.CANCELLED),
        (S.CANCELLED, S.ADMITTED),
        (S.READY, S.READY),
    ],
)
def test_illegal(current: EncounterStatus, target: EncounterStatus) -> None:
    assert not can_transition(current, target)
    with pytest.raises(IllegalTransitionError, match=f"'{current.value}' to '{target.value}'"):
        check_transition(current, target)


def test_final_states_have_no_way_out_and_every_state_is_in_the_table() -> None:
    assert set(ALLOWED_TRANSITIONS) == set(EncounterStatus)
    assert not ALLOWED_TRANSITIONS[S.DISCHARGED]
    assert not ALLOWED_TRANSITIONS[S.CANCELLED]
    assert {s for s in S if s.is_active} == {S.ADMITTED, S.DISCHARGE_PLANNED, S.READY}


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        ("1948-03-14", "2026-03-13", 77),
        ("1948-03-14", "2026-03-14", 78),
        ("2000-02-29", "2026-02-28", 25),
        ("2000-02-29", "2026-03-01", 26),
        ("2000-02-29", "2028-02-29", 28),
    ],
)
def test_age_in_completed_years(born: str, on: str, age: int) -> None:
    from datetime import date

    from transitions.services.encounters import age_on

    assert age_on(date.fromisoformat(born), date.fromisoformat(on)) == age
