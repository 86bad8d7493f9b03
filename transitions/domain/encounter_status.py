"""The discharge state machine of an encounter (a hospital stay).

    admitted -> discharge_planned -> ready -> discharged
    (and back one step when a plan is withdrawn; any active stay can be cancelled)

The table below is the whole rule; :func:`check_transition` raises on anything else.
"""

from __future__ import annotations

from enum import StrEnum

from transitions.errors import IllegalTransitionError


class EncounterStatus(StrEnum):
    ADMITTED = "admitted"
    DISCHARGE_PLANNED = "discharge_planned"
    READY = "ready"
    DISCHARGED = "discharged"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_active(self) -> bool:
        """True while the patient is still in hospital (the stay is on the ward worklist)."""
        return self in ACTIVE_STATUSES


_LABELS = {
    EncounterStatus.ADMITTED: "Admitted",
    EncounterStatus.DISCHARGE_PLANNED: "Discharge planned",
    EncounterStatus.READY: "Ready to go",
    EncounterStatus.DISCHARGED: "Discharged",
    EncounterStatus.CANCELLED: "Cancelled",
}

ACTIVE_STATUSES = frozenset(
    {EncounterStatus.ADMITTED, EncounterStatus.DISCHARGE_PLANNED, EncounterStatus.READY}
)

ALLOWED_TRANSITIONS: dict[EncounterStatus, frozenset[EncounterStatus]] = {
    EncounterStatus.ADMITTED: frozenset(
        {EncounterStatus.DISCHARGE_PLANNED, EncounterStatus.CANCELLED}
    ),
    EncounterStatus.DISCHARGE_PLANNED: frozenset(
        {EncounterStatus.READY, EncounterStatus.ADMITTED, EncounterStatus.CANCELLED}
    ),
    EncounterStatus.READY: frozenset(
        {EncounterStatus.DISCHARGED, EncounterStatus.DISCHARGE_PLANNED, EncounterStatus.CANCELLED}
    ),
    EncounterStatus.DISCHARGED: frozenset(),
    EncounterStatus.CANCELLED: frozenset(),
}


def can_transition(current: EncounterStatus, target: EncounterStatus) -> bool:
    return target in ALLOWED_TRANSITIONS[current]


def check_transition(current: EncounterStatus, target: EncounterStatus) -> None:
    """Raise :class:`IllegalTransitionError` unless ``current -> target`` is allowed."""
    if not can_transition(current, target):
        allowed = ", ".join(sorted(s.value for s in ALLOWED_TRANSITIONS[current])) or "none"
        raise IllegalTransitionError(
            f"cannot move a stay from '{current.value}' to '{target.value}' "
            f"(allowed from '{current.value}': {allowed})",
            field="status",
        )
