"""Reading level of patient text: Flesch-Kincaid grade (textstat).

Patient materials should read at or below a 6th-grade level (AHRQ Health Literacy Universal
Precautions Toolkit, 3rd ed., 2024; CDC Clear Communication Index). Shipped content is held to
grade 6; free text a nurse adds gets a warning above grade 8.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import textstat

#: shipped content must score at or below this grade
CONTENT_MAX_GRADE = 6.0
#: free text above this grade gets a warning
WARNING_GRADE = 8.0


class ReadingBand(StrEnum):
    EMPTY = "empty"
    EASY = "easy"  # grade <= 6
    FAIR = "fair"  # grade 6 to 8
    HARD = "hard"  # above grade 8: warn


@dataclass(frozen=True)
class ReadingLevel:
    grade: float | None
    band: ReadingBand
    words: int

    @property
    def warning(self) -> bool:
        return self.band is ReadingBand.HARD


def flesch_kincaid_grade(text: str) -> float:
    """The Flesch-Kincaid grade of ``text`` (English)."""
    return float(textstat.flesch_kincaid_grade(text))


def reading_level(text: str) -> ReadingLevel:
    """Grade and band of ``text``; empty text has no grade."""
    stripped = text.strip()
    words = len(stripped.split())
    if not words:
        return ReadingLevel(None, ReadingBand.EMPTY, 0)
    grade = round(flesch_kincaid_grade(stripped), 1)
    if grade <= CONTENT_MAX_GRADE:
        band = ReadingBand.EASY
    elif grade <= WARNING_GRADE:
        band = ReadingBand.FAIR
    else:
        band = ReadingBand.HARD
    return ReadingLevel(grade, band, words)
