"""Readmission-risk rules without a database: LACE, HOSPITAL and the Charlson index.

Point tables and code maps are data files in ``resources/risk`` with their published sources;
the modules here apply them and explain each result item by item.
"""

from transitions.domain.risk.charlson import (
    CharlsonResult,
    CodeMatch,
    charlson_from_codes,
    charlson_index,
)
from transitions.domain.risk.hospital import HospitalInput, HospitalTier, hospital_score
from transitions.domain.risk.lace import LaceInput, LaceTier, lace_score
from transitions.domain.risk.scoring import RiskItem, RiskScore, length_of_stay_days

__all__ = [
    "CharlsonResult",
    "CodeMatch",
    "HospitalInput",
    "HospitalTier",
    "LaceInput",
    "LaceTier",
    "RiskItem",
    "RiskScore",
    "charlson_from_codes",
    "charlson_index",
    "hospital_score",
    "lace_score",
    "length_of_stay_days",
]
