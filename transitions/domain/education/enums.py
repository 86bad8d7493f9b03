"""Values recorded when a nurse teaches (stored as their string values)."""

from __future__ import annotations

from enum import StrEnum


class Learner(StrEnum):
    PATIENT = "patient"
    CAREGIVER = "caregiver"
    BOTH = "both"


class Method(StrEnum):
    VERBAL = "verbal"
    WRITTEN = "written"
    DEMONSTRATION = "demonstration"
    VIDEO = "video"


class TeachBackResult(StrEnum):
    UNDERSTOOD = "understood"
    NEEDS_REINFORCEMENT = "needs_reinforcement"
    UNABLE = "unable"
    NOT_APPLICABLE = "not_applicable"


class ModuleDecision(StrEnum):
    """A nurse's decision about a module, beyond the suggestions."""

    ADDED = "added"
    REMOVED = "removed"
