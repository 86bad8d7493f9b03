"""Plain data of a medication reconciliation and of the problems the checks find."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from transitions.domain.medrec.sig import Dose
from transitions.domain.medrec.terms import Frequency


class Decision(StrEnum):
    """What happens to a medicine at discharge (a stop is a :class:`StoppedMedication`)."""

    CONTINUE = "continue"
    CHANGE = "change"
    NEW = "new"


class Severity(StrEnum):
    HIGH = "high"
    MODERATE = "moderate"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MODERATE: 1, Severity.INFO: 2}


class ProblemKind(StrEnum):
    OMISSION = "omission"
    UNEXPLAINED_CHANGE = "unexplained_change"
    DUPLICATION = "duplication"
    ALLERGY = "allergy"
    INTERACTION = "interaction"
    HIGH_ALERT = "high_alert"
    NOT_CODED = "not_coded"


@dataclass(frozen=True, kw_only=True)
class Medication:
    """One line of the home, inpatient or discharge list. ``drug`` is the name as entered."""

    id: str
    drug: str
    dose: Dose | None = None
    route: str | None = None
    frequency: Frequency | None = None
    prn: bool = False
    indication: str | None = None
    duration_days: int | None = None
    instructions: tuple[str, ...] = ()
    unparsed: str = ""

    @property
    def summary(self) -> str:
        """'lisinopril 10 mg once a day' for messages."""
        parts = [self.drug]
        if self.dose is not None:
            parts.append(self.dose.display)
        if self.frequency is not None and self.frequency.code != "prn":
            parts.append(self.frequency.label)
        if self.prn:
            parts.append("when needed")
        return " ".join(parts)


@dataclass(frozen=True, kw_only=True)
class DischargeMedication(Medication):
    decision: Decision
    from_id: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class StoppedMedication:
    from_id: str
    reason: str | None = None


@dataclass(frozen=True)
class Allergy:
    substance: str
    reaction: str | None = None


@dataclass(frozen=True)
class Reconciliation:
    allergies: tuple[Allergy, ...] = ()
    home: tuple[Medication, ...] = ()
    inpatient: tuple[Medication, ...] = ()
    discharge: tuple[DischargeMedication, ...] = ()
    stopped: tuple[StoppedMedication, ...] = ()

    def source(self, med_id: str) -> Medication | None:
        """The home or inpatient medicine with this id."""
        for med in (*self.home, *self.inpatient):
            if med.id == med_id:
                return med
        return None


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    severity: Severity
    items: tuple[str, ...]
    message: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "severity": self.severity.value,
            "items": list(self.items),
            "message": self.message,
        }
