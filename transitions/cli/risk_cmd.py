"""`transitions risk lace | hospital | charlson`: readmission risk scores, no database needed.

JSON output (``--json``), a fixed contract:

- ``risk lace``: ``{"score": int, "points": {"L", "A", "C", "E"}, "tier": "low|moderate|high"}``
- ``risk hospital``: ``{"score": int, "tier": "low|intermediate|high"}``
- ``risk charlson``: ``{"charlson": int, "categories": [sorted category keys counted]}``

Without ``--json`` each prints the item-by-item breakdown and the published source.
"""

from __future__ import annotations

import argparse
import math
from typing import Any

from transitions.cli.common import add_json_option, non_negative_int, print_json
from transitions.domain.risk import charlson, hospital, lace
from transitions.domain.risk.scoring import RiskItem, RiskScore


def register(sub: Any) -> None:
    risk = sub.add_parser(
        "risk", help="readmission risk: LACE, HOSPITAL, Charlson index (no database needed)"
    )
    risk_sub = risk.add_subparsers(dest="risk_command", metavar="SCORE", required=True)
    _register_lace(risk_sub)
    _register_hospital(risk_sub)
    _register_charlson(risk_sub)


def _register_lace(risk_sub: Any) -> None:
    parser = risk_sub.add_parser(
        "lace",
        help="LACE index (van Walraven et al., CMAJ 2010)",
        description="LACE index of death or unplanned readmission within 30 days. " + lace.SOURCE,
    )
    parser.add_argument(
        "--los-days",
        type=non_negative_int,
        required=True,
        metavar="N",
        help="length of stay: discharge date minus admission date, in days",
    )
    acuity = parser.add_mutually_exclusive_group(required=True)
    acuity.add_argument(
        "--emergent", dest="emergent", action="store_true", help="acute (emergent) admission"
    )
    acuity.add_argument(
        "--elective", dest="emergent", action="store_false", help="not an emergent admission"
    )
    parser.add_argument(
        "--charlson",
        type=non_negative_int,
        required=True,
        metavar="N",
        help="Charlson comorbidity index (see 'transitions risk charlson')",
    )
    parser.add_argument(
        "--ed-visits",
        type=non_negative_int,
        required=True,
        metavar="N",
        help="emergency department visits in the 6 months before admission, "
        "not counting the visit that led to this admission",
    )
    add_json_option(parser)
    parser.set_defaults(func=_lace)


def _register_hospital(risk_sub: Any) -> None:
    parser = risk_sub.add_parser(
        "hospital",
        help="HOSPITAL score (Donzé et al., JAMA Intern Med 2013)",
        description="HOSPITAL score of potentially avoidable 30-day readmission. "
        + hospital.SOURCE,
    )
    parser.add_argument(
        "--hemoglobin",
        type=_measurement,
        required=True,
        metavar="G_DL",
        help="hemoglobin at discharge, g/dL",
    )
    parser.add_argument(
        "--sodium",
        type=_measurement,
        required=True,
        metavar="MMOL_L",
        help="sodium at discharge, mmol/L",
    )
    _yes_no_group(parser, "oncology", "discharged from an oncology service")
    _yes_no_group(parser, "procedure", "any procedure during the stay")
    index_type = parser.add_mutually_exclusive_group(required=True)
    index_type.add_argument(
        "--nonelective",
        dest="nonelective",
        action="store_true",
        help="non-elective (urgent or emergency) index admission",
    )
    index_type.add_argument(
        "--elective", dest="nonelective", action="store_false", help="elective index admission"
    )
    parser.add_argument(
        "--admissions-12mo",
        type=non_negative_int,
        required=True,
        metavar="N",
        help="hospital admissions in the 12 months before this one",
    )
    parser.add_argument(
        "--los-days", type=non_negative_int, required=True, metavar="N", help="length of stay"
    )
    add_json_option(parser)
    parser.set_defaults(func=_hospital)


def _register_charlson(risk_sub: Any) -> None:
    parser = risk_sub.add_parser(
        "charlson",
        help="Charlson comorbidity index of diagnosis codes (Quan et al. 2005 ICD-10 algorithm)",
        description="Charlson comorbidity index with the weights of the LACE index. ICD-10 codes "
        "with or without the dot, any case (I50.9, i509); all-digit codes are SNOMED CT "
        "concept ids. Categories: Quan H et al., Med Care 2005;43(11):1130-1139.",
    )
    parser.add_argument("codes", nargs="+", metavar="CODE", help="ICD-10 code or SNOMED CT id")
    add_json_option(parser)
    parser.set_defaults(func=_charlson)


def _yes_no_group(parser: argparse.ArgumentParser, name: str, meaning: str) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument(f"--{name}", dest=name, action="store_true", help=meaning)
    group.add_argument(f"--no-{name}", dest=name, action="store_false", help=f"not {meaning}")


def _measurement(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number") from None
    if not math.isfinite(number):
        raise argparse.ArgumentTypeError(f"'{value}' is not a number")
    if number < 0:
        raise argparse.ArgumentTypeError(f"'{value}' must not be negative")
    return number


# --- commands ------------------------------------------------------------------------------


def _lace(args: argparse.Namespace) -> int:
    result = lace.lace_score(
        lace.LaceInput(
            los_days=args.los_days,
            emergent=args.emergent,
            charlson=args.charlson,
            ed_visits=args.ed_visits,
        )
    )
    if args.json:
        print_json({"score": result.score, "points": result.points, "tier": str(result.tier)})
    else:
        _print_breakdown(result, lace.SOURCE)
    return 0


def _hospital(args: argparse.Namespace) -> int:
    result = hospital.hospital_score(
        hospital.HospitalInput(
            hemoglobin_g_dl=args.hemoglobin,
            sodium_mmol_l=args.sodium,
            oncology=args.oncology,
            procedure=args.procedure,
            nonelective=args.nonelective,
            admissions_12mo=args.admissions_12mo,
            los_days=args.los_days,
        )
    )
    if args.json:
        print_json({"score": result.score, "tier": str(result.tier)})
    else:
        _print_breakdown(result, hospital.SOURCE)
    return 0


def _charlson(args: argparse.Namespace) -> int:
    result = charlson.charlson_from_codes(args.codes)
    if args.json:
        print_json({"charlson": result.index, "categories": list(result.categories)})
        return 0
    print(f"Charlson index {result.index}")
    for key in result.categories:
        print(f"  {key:<9}{charlson.category_weight(key):>2}  {charlson.category_label(key)}")
    for key in result.superseded:
        print(f"  {key:<9} -  {charlson.category_label(key)} (not counted: severe form present)")
    print("Codes:")
    for match in result.matches:
        print(f"  {match.code:<16} {match.category or '-'}")
    print("Source: Quan H et al. Med Care 2005;43(11):1130-1139 (enhanced ICD-10 algorithm)")
    return 0


def _print_breakdown(result: RiskScore[Any], source: str) -> None:
    print(f"{result.name} {result.score}: {result.tier} risk")
    for item in result.items:
        print(f"  {item.key:<3}{item.points:>2}  {item.label}: {_shown(item)}")
    if not result.complete:
        print(f"Incomplete: not recorded: {', '.join(result.missing)}")
    print(f"Source: {source}")


def _shown(item: RiskItem) -> str:
    if item.missing:
        return "not recorded"
    if isinstance(item.value, bool):
        return item.rule
    value = f"{item.value:g}" if isinstance(item.value, float) else str(item.value)
    return value if item.rule == value else f"{value} ({item.rule})"
