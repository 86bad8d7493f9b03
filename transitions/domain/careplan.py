"""Care plan rules without a database: the community-resource vocabulary (categories and which
categories meet which need domain, from ``resources/careplan/community.toml``), referral and goal
states, great-circle distance, and the CSV cell parsers of the resource directory.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from transitions.errors import ValidationError
from transitions.resources import load_toml


class ReferralStatus(StrEnum):
    SUGGESTED = "suggested"
    REFERRED = "referred"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    COMPLETED = "completed"
    UNABLE_TO_REACH = "unable_to_reach"


#: A need counts as referred when one of its referrals reached one of these: the referral was
#: made (or done), or the patient declined it (a documented choice, not an omission).
REFERRED_STATUSES = frozenset(
    {
        ReferralStatus.REFERRED,
        ReferralStatus.ACCEPTED,
        ReferralStatus.COMPLETED,
        ReferralStatus.DECLINED,
    }
)


class GoalStatus(StrEnum):
    ACTIVE = "active"
    MET = "met"
    NOT_MET = "not_met"
    REVISED = "revised"


class GoalLinkKind(StrEnum):
    """What serves a goal: a need it addresses, an education module, an appointment, a referral."""

    NEED = "need"
    EDUCATION_MODULE = "education_module"
    APPOINTMENT = "appointment"
    REFERRAL = "referral"


# -- vocabulary ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    key: str
    label_en: str
    label_es: str

    def label(self, language: str) -> str:
        return self.label_es if language == "es" else self.label_en


@dataclass(frozen=True)
class Vocabulary:
    categories: Mapping[str, Category]
    #: need domain -> resource categories that can meet it (most useful first)
    domains: Mapping[str, tuple[str, ...]]
    #: need domain -> how it is met when no community referral applies
    met_by: Mapping[str, str]

    def categories_for(self, domain: str) -> tuple[str, ...]:
        return self.domains.get(domain, ())

    def expects_referral(self, domain: str) -> bool:
        """True when an open need of ``domain`` should get a community referral."""
        return bool(self.categories_for(domain))

    def label(self, category: str, language: str = "en") -> str:
        known = self.categories.get(category)
        return known.label(language) if known else category

    def category_key(self, text: str) -> str | None:
        """The category named by ``text``: its key or its English label, any case."""
        wanted = " ".join(text.strip().lower().replace("_", " ").split())
        for key, category in self.categories.items():
            if wanted in (key.replace("_", " "), category.label_en.lower()):
                return key
        return None


@cache
def vocabulary() -> Vocabulary:
    data = load_toml("careplan", "community.toml")
    categories = {
        key: Category(key, str(spec["en"]), str(spec["es"]))
        for key, spec in data["categories"].items()
    }
    domains: dict[str, tuple[str, ...]] = {}
    met_by: dict[str, str] = {}
    for domain, spec in data["domains"].items():
        listed = tuple(str(c) for c in spec["categories"])
        unknown = [c for c in listed if c not in categories]
        if unknown:
            raise ValueError(f"community.toml: domain {domain} names unknown category {unknown}")
        domains[domain] = listed
        if "met_by" in spec:
            met_by[domain] = str(spec["met_by"])
    return Vocabulary(categories, domains, met_by)


# -- distance --------------------------------------------------------------------------------

EARTH_RADIUS_MILES = 3958.8


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


def great_circle_miles(a: Point, b: Point) -> float:
    """Distance along the earth's surface (haversine, spherical earth): good to about 0.5%,
    plenty for "which food bank is closest"; no road network, no map service."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def check_coordinates(latitude: float, longitude: float) -> Point:
    if not -90.0 <= latitude <= 90.0:
        raise ValidationError("latitude must be between -90 and 90", field="latitude")
    if not -180.0 <= longitude <= 180.0:
        raise ValidationError("longitude must be between -180 and 180", field="longitude")
    return Point(latitude, longitude)


# -- directory cells -------------------------------------------------------------------------

_ZIP = re.compile(r"^\d{5}(-\d{4})?$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_SPLIT = re.compile(r"[;,/\s]+")


def zip5(value: str | None) -> str | None:
    """The 5-digit ZIP of a postal code ("14690-1234" -> "14690"), None if it is not one."""
    if not value:
        return None
    text = value.strip()
    return text[:5] if _ZIP.match(text) else None


def check_zip(value: str) -> str:
    text = value.strip()
    if not _ZIP.match(text):
        raise ValidationError(f"'{value}' is not a ZIP code (12345 or 12345-6789)", field="zip")
    return text


def parse_languages(value: str) -> tuple[str, ...]:
    """ISO 639-1 (or -2) codes separated by ';', ',' or spaces: "en; es" -> ("en", "es")."""
    codes: list[str] = []
    for part in _SPLIT.split(value.strip().lower()):
        if not part:
            continue
        if not _LANGUAGE.match(part):
            raise ValidationError(
                f"'{part}' is not a language code (two letters, e.g. en, es)", field="languages"
            )
        if part not in codes:
            codes.append(part)
    return tuple(codes)


def parse_coordinate(value: str, name: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValidationError(f"'{value}' is not a number", field=name) from None
    if not math.isfinite(number):
        raise ValidationError(f"'{value}' is not a number", field=name)
    return number
