"""The ``[geography]`` section of the site file: where the hospital is and the centroids of the
service area's ZIP codes. Community resources are offered closest first from the patient's ZIP
centroid (else from the hospital); no map service is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from transitions.domain.careplan import Point, great_circle_miles, zip5
from transitions.errors import ConfigError

#: A hospital farther than this from every ZIP centroid of its service area is a configuration
#: mistake (typically: the site set its own ZIP codes but kept the demo hospital's location).
MAX_HOSPITAL_TO_SERVICE_AREA_MILES = 100.0


@dataclass(frozen=True)
class SiteGeography:
    hospital: Point | None = None
    #: (5-digit ZIP, centroid), in the order of the site file
    zip_centroids: tuple[tuple[str, Point], ...] = ()

    def zip_point(self, postal_code: str | None) -> Point | None:
        """The centroid of ``postal_code``'s 5-digit ZIP, if the service area lists it."""
        code = zip5(postal_code)
        if code is None:
            return None
        for zip_code, point in self.zip_centroids:
            if zip_code == code:
                return point
        return None


def _coordinates(latitude: Any, longitude: Any) -> Point:
    """A checked point; ValueError says what is wrong (the caller names the key)."""
    for name, value in (("latitude", latitude), ("longitude", longitude)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{name} must be a number")
    lat, lon = float(latitude), float(longitude)
    if not -90.0 <= lat <= 90.0:
        raise ValueError("latitude must be -90 to 90")
    if not -180.0 <= lon <= 180.0:
        raise ValueError("longitude must be -180 to 180")
    return Point(lat, lon)


def parse_geography(data: dict[str, Any]) -> SiteGeography:
    """The checked ``[geography]`` section of the merged site configuration ``data``."""
    section = data.get("geography", {})
    if not isinstance(section, dict):
        raise ConfigError("site configuration key 'geography' must be a table")
    hospital = None
    lat, lon = section.get("hospital_latitude"), section.get("hospital_longitude")
    if lat is not None or lon is not None:
        if lat is None or lon is None:
            missing = "hospital_latitude" if lat is None else "hospital_longitude"
            raise ConfigError(f"site configuration key 'geography.{missing}' is missing")
        try:
            hospital = _coordinates(lat, lon)
        except ValueError as exc:
            name = "hospital_" + str(exc).split(" ", 1)[0]
            raise ConfigError(f"site configuration key 'geography.{name}': {exc}") from None
    key = "geography.zip_centroids"
    entries = section.get("zip_centroids", [])
    if not isinstance(entries, list):
        raise ConfigError(f"site configuration key '{key}' must be a list")
    centroids: list[tuple[str, Point]] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        shape = f"site configuration key '{key}' entry {index} must be [\"ZIP\", lat, lon]"
        if not isinstance(entry, list) or len(entry) != 3 or not isinstance(entry[0], str):
            raise ConfigError(shape)
        code = zip5(entry[0])
        if code is None or len(entry[0].strip()) != 5:
            raise ConfigError(
                f"site configuration key '{key}' entry {index}: '{entry[0]}' is not a "
                "5-digit ZIP code"
            )
        if code in seen:
            raise ConfigError(f"site configuration key '{key}' lists ZIP {code} twice")
        seen.add(code)
        try:
            point = _coordinates(entry[1], entry[2])
        except ValueError as exc:
            raise ConfigError(f"site configuration key '{key}' entry {index}: {exc}") from None
        centroids.append((code, point))
    if hospital is not None and centroids:
        nearest = min(great_circle_miles(hospital, p) for _, p in centroids)
        if nearest > MAX_HOSPITAL_TO_SERVICE_AREA_MILES:
            raise ConfigError(
                "site configuration keys 'geography.hospital_latitude'/'hospital_longitude' put "
                f"the hospital {nearest:.0f} miles from its nearest ZIP code in "
                f"'{key}'; set the hospital's own location"
            )
    return SiteGeography(hospital, tuple(centroids))
