"""The community resource directory: listing, CSV import, and resources suggested for a need.

CSV columns (header row required; order free; unknown columns are an error):

``name``         required; a resource is matched by name + address (any case): matches are
                 updated, others created
``category``     required; a category key or its English label (``resources/careplan/
                 community.toml``: food_bank, medical_transport, housing_help, ...)
``phone``, ``address``, ``hours``, ``eligibility``   free text
``zip``          12345 or 12345-6789
``latitude``, ``longitude``   decimal degrees, both or neither (else the ZIP's centroid from
                 the site file is used for distances)
``languages``    language codes separated by ``;`` (``en;es``); empty = ``en``
``active``       yes/no; empty = yes (inactive resources are kept but never suggested)

The whole file is checked first: one bad row rejects the file with a message naming the row
and the column, and nothing from that file is imported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from transitions.db.assessment_models import Need
from transitions.db.careplan_models import CommunityResource
from transitions.db.models import Encounter, Patient
from transitions.domain.careplan import (
    Point,
    check_coordinates,
    check_zip,
    great_circle_miles,
    parse_coordinate,
    parse_languages,
    vocabulary,
)
from transitions.errors import NotFoundError, ValidationError
from transitions.resources import read_text
from transitions.services.permissions import require, require_stay
from transitions.services.uow import Actor, UnitOfWork

COLUMNS = (
    "name",
    "category",
    "phone",
    "address",
    "zip",
    "latitude",
    "longitude",
    "hours",
    "eligibility",
    "languages",
    "active",
)
REQUIRED_COLUMNS = ("name", "category")
_LENGTHS = {"name": 160, "phone": 40, "address": 200, "hours": 200}
_YES = {"yes", "y", "true", "1", ""}
_NO = {"no", "n", "false", "0"}
#: The demo hospital's directory (fictional), loaded by `transitions demo`.
DEMO_FILE = ("demo", "community_resources.csv")


@dataclass(frozen=True)
class ResourceView:
    id: int
    version_id: int
    name: str
    category: str
    category_label: str
    phone: str | None
    address: str | None
    zip_code: str | None
    latitude: float | None
    longitude: float | None
    hours: str | None
    eligibility: str | None
    languages: tuple[str, ...]
    active: bool

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["languages"] = list(self.languages)
        return data


@dataclass(frozen=True)
class ResourceSuggestion:
    resource: ResourceView
    #: great-circle miles from the patient's ZIP (or the hospital); None when unknown
    distance_miles: float | None
    #: the resource lists the patient's preferred language
    speaks_language: bool


@dataclass(frozen=True)
class Suggestions:
    need_id: int
    domain: str
    language: str
    #: where distances are measured from: "home" (the patient's ZIP), "hospital", or None
    origin: str | None
    categories: tuple[str, ...]
    items: tuple[ResourceSuggestion, ...]


@dataclass(frozen=True)
class ResourceImportResult:
    created: int
    updated: int

    def to_json(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated}


def view_of(resource: CommunityResource) -> ResourceView:
    return ResourceView(
        id=resource.id,
        version_id=resource.version_id,
        name=resource.name,
        category=resource.category,
        category_label=vocabulary().label(resource.category),
        phone=resource.phone,
        address=resource.address,
        zip_code=resource.zip_code,
        latitude=resource.latitude,
        longitude=resource.longitude,
        hours=resource.hours,
        eligibility=resource.eligibility,
        languages=tuple(code for code in resource.languages.split(";") if code),
        active=resource.active,
    )


def list_resources(
    uow: UnitOfWork, actor: Actor, *, category: str | None = None, include_inactive: bool = False
) -> list[ResourceView]:
    """The directory by category then name; ``category`` is a key or an English label."""
    require(actor, "stay.view")
    query = select(CommunityResource)
    if category is not None:
        key = vocabulary().category_key(category)
        if key is None:
            known = ", ".join(vocabulary().categories)
            raise ValidationError(
                f"'{category}' is not a resource category (one of: {known})", field="category"
            )
        query = query.where(CommunityResource.category == key)
    if not include_inactive:
        query = query.where(CommunityResource.active)
    query = query.order_by(CommunityResource.category, CommunityResource.name, CommunityResource.id)
    return [view_of(r) for r in uow.session.scalars(query)]


# -- matching --------------------------------------------------------------------------------


def resource_point(uow: UnitOfWork, resource: CommunityResource) -> Point | None:
    if resource.latitude is not None and resource.longitude is not None:
        return Point(resource.latitude, resource.longitude)
    return uow.site.geography.zip_point(resource.zip_code)


def patient_origin(uow: UnitOfWork, patient: Patient) -> tuple[Point | None, str | None]:
    """Where distances start: the patient's ZIP centroid, else the hospital, else nowhere."""
    home = uow.site.geography.zip_point(patient.postal_code)
    if home is not None:
        return home, "home"
    hospital = uow.site.geography.hospital
    return (hospital, "hospital") if hospital is not None else (None, None)


def suggest_resources(
    uow: UnitOfWork, actor: Actor, need_id: int, *, all_categories: bool = False
) -> Suggestions:
    """Active resources for a need: those of the categories that meet its domain (every
    category with ``all_categories``), the ones speaking the patient's language first, then
    closest first when the patient's ZIP (or the hospital's location) is known, then by name."""
    need = uow.session.get(Need, need_id)
    if need is None:
        raise NotFoundError(f"no need with id {need_id}")
    encounter = uow.session.get(Encounter, need.encounter_id)
    assert encounter is not None
    require_stay(actor, "stay.view", encounter.unit_id)
    patient = encounter.patient
    categories = (
        tuple(vocabulary().categories)
        if all_categories
        else vocabulary().categories_for(need.domain.value)
    )
    origin, origin_kind = patient_origin(uow, patient)
    language = (patient.preferred_language or "en").lower()
    items: list[ResourceSuggestion] = []
    if categories:
        query = select(CommunityResource).where(
            CommunityResource.active, CommunityResource.category.in_(categories)
        )
        for resource in uow.session.scalars(query):
            point = resource_point(uow, resource)
            distance = (
                round(great_circle_miles(origin, point), 1)
                if origin is not None and point is not None
                else None
            )
            view = view_of(resource)
            items.append(ResourceSuggestion(view, distance, language in view.languages))
    items.sort(
        key=lambda s: (
            not s.speaks_language,
            s.distance_miles is None,
            s.distance_miles or 0.0,
            s.resource.name.lower(),
        )
    )
    return Suggestions(need.id, need.domain.value, language, origin_kind, categories, tuple(items))


# -- import ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    name: str
    category: str
    phone: str | None
    address: str | None
    zip_code: str | None
    point: Point | None
    hours: str | None
    eligibility: str | None
    languages: tuple[str, ...]
    active: bool

    @property
    def key(self) -> tuple[str, str]:
        return _key(self.name, self.address)


def _key(name: str, address: str | None) -> tuple[str, str]:
    return " ".join(name.lower().split()), " ".join((address or "").lower().split())


class _RowError(ValidationError):
    def __init__(self, line: int, row: int, column: str, message: str) -> None:
        super().__init__(f"line {line} (row {row}), column '{column}': {message}", field="file")


def _parse_row(line: int, number: int, cells: dict[str, str]) -> _Row:
    def fail(column: str, message: str) -> _RowError:
        return _RowError(line, number, column, message)

    for column, limit in _LENGTHS.items():
        if len(cells.get(column, "")) > limit:
            raise fail(column, f"longer than {limit} characters")
    if not cells.get("name"):
        raise fail("name", "a resource needs a name")
    category = vocabulary().category_key(cells.get("category", ""))
    if category is None:
        known = ", ".join(vocabulary().categories)
        raise fail("category", f"'{cells.get('category', '')}' is not a category ({known})")
    zip_code = None
    if cells.get("zip"):
        try:
            zip_code = check_zip(cells["zip"])
        except ValidationError as exc:
            raise fail("zip", str(exc)) from None
    point = None
    lat, lon = cells.get("latitude", ""), cells.get("longitude", "")
    if lat or lon:
        if not (lat and lon):
            raise fail("longitude" if lat else "latitude", "give latitude and longitude both")
        try:
            point = check_coordinates(
                parse_coordinate(lat, "latitude"), parse_coordinate(lon, "longitude")
            )
        except ValidationError as exc:
            raise fail(exc.field or "latitude", str(exc)) from None
    try:
        languages = parse_languages(cells.get("languages", "")) or ("en",)
    except ValidationError as exc:
        raise fail("languages", str(exc)) from None
    active_text = cells.get("active", "").lower()
    if active_text not in _YES | _NO:
        raise fail("active", f"'{cells['active']}' is not yes or no")
    return _Row(
        name=cells["name"],
        category=category,
        phone=cells.get("phone") or None,
        address=cells.get("address") or None,
        zip_code=zip_code,
        point=point,
        hours=cells.get("hours") or None,
        eligibility=cells.get("eligibility") or None,
        languages=languages,
        active=active_text in _YES,
    )


def parse_resource_csv(text: str) -> list[_Row]:
    """Every row of ``text`` checked; the first problem raises naming its row and column."""
    reader = csv.DictReader(io.StringIO(text))
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ValidationError(
            "the resource file needs a header row with the columns "
            + ", ".join(f"'{c}'" for c in REQUIRED_COLUMNS)
            + f" (missing: {', '.join(missing)})",
            field="file",
        )
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise ValidationError(
            f"line 1 (header): unknown column(s) {', '.join(repr(u) for u in unknown)}; "
            f"known: {', '.join(COLUMNS)}",
            field="file",
        )
    reader.fieldnames = header
    rows: list[_Row] = []
    seen: dict[tuple[str, str], int] = {}
    for number, raw in enumerate(reader, start=1):
        line = reader.line_num
        if None in raw:
            raise ValidationError(
                f"line {line} (row {number}): more values than columns", field="file"
            )
        cells = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(cells.values()):
            continue
        row = _parse_row(line, number, cells)
        if row.key in seen:
            raise _RowError(line, number, "name", f"same name and address as row {seen[row.key]}")
        seen[row.key] = number
        rows.append(row)
    return rows


def import_resources(uow: UnitOfWork, actor: Actor, text: str) -> ResourceImportResult:
    """Create or update community resources from CSV ``text`` (see the module docstring)."""
    require(actor, "directory.edit")
    rows = parse_resource_csv(text)
    if not rows:
        raise ValidationError("the resource file has no rows", field="file")
    existing = {_key(r.name, r.address): r for r in uow.session.scalars(select(CommunityResource))}
    created = updated = 0
    for row in rows:
        resource = existing.get(row.key)
        if resource is None:
            resource = CommunityResource(name=row.name, address=row.address)
            uow.session.add(resource)
            existing[row.key] = resource
            created += 1
        else:
            updated += 1
        resource.name = row.name
        resource.address = row.address
        resource.category = row.category
        resource.phone = row.phone
        resource.zip_code = row.zip_code
        resource.latitude = row.point.latitude if row.point else None
        resource.longitude = row.point.longitude if row.point else None
        resource.hours = row.hours
        resource.eligibility = row.eligibility
        resource.languages = ";".join(row.languages)
        resource.active = row.active
    result = ResourceImportResult(created, updated)
    uow.audit(actor, "import", "community_resource", None, details={"after": result.to_json()})
    uow.commit()
    return result


def import_demo_resources(uow: UnitOfWork, actor: Actor) -> ResourceImportResult:
    """The demo hospital's fictional community resources (``resources/demo``)."""
    return import_resources(uow, actor, read_text(*DEMO_FILE))
