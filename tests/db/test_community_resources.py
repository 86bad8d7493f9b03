"""Community resource directory on both databases: CSV import, listing, matching to needs."""

from __future__ import annotations

import dataclasses
import re

import pytest
from sqlalchemy import func, select

from tests.careplan_seed import UowFactory, seed_stay
from transitions.config_geography import SiteGeography
from transitions.db.careplan_models import CommunityResource
from transitions.db.models import AuditEvent
from transitions.domain.assessment import NeedDomain
from transitions.errors import PermissionDeniedError, ValidationError
from transitions.services import community_resources as cr
from transitions.services.uow import Actor, UnitOfWork

HEADER = "name,category,phone,address,zip,latitude,longitude,hours,eligibility,languages,active\n"
GOOD = (
    HEADER
    + "Hilltop Pantry,Food bank,(585) 555-0190,1 Hill St,14690,43.16,-77.61,Mon 9-12,,en;es,yes\n"
    + 'Hilltop Pantry,food_bank,,"2 Other St, Riverside",14691,,,,,,\n'
    + "Ride Share Co-op,medical_transport,,9 Depot Rd,14692-1234,,,,Members,EN,no\n"
)


def count(make_uow: UowFactory) -> int:
    with make_uow() as uow:
        return uow.session.scalar(select(func.count(CommunityResource.id))) or 0


def test_import_creates_then_updates_by_name_and_address(
    make_uow: UowFactory, actor: Actor
) -> None:
    with make_uow() as uow:
        assert cr.import_resources(uow, actor, GOOD).to_json() == {"created": 3, "updated": 0}
    # same name + address (other case and spacing) updates; a new address is a new resource
    again = HEADER + "HILLTOP  pantry,food_bank,(585) 555-0191,1 hill st,14690,,,,,es,\n"
    with make_uow() as uow:
        assert cr.import_resources(uow, actor, again).to_json() == {"created": 0, "updated": 1}
    with make_uow() as uow:
        rows = cr.list_resources(uow, actor, include_inactive=True)
        events = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "community_resource")
        ).all()
    assert len(rows) == 3 and len(events) == 2
    updated = next(r for r in rows if r.address == "1 hill st")
    assert updated.name == "HILLTOP  pantry" and updated.phone == "(585) 555-0191"
    assert updated.languages == ("es",) and updated.latitude is None
    ride = next(r for r in rows if r.category == "medical_transport")
    assert ride.active is False and ride.zip_code == "14692-1234" and ride.languages == ("en",)
    with make_uow() as uow:  # inactive resources are hidden by default
        assert [r.name for r in cr.list_resources(uow, actor, category="Medical transport")] == []
        food = cr.list_resources(uow, actor, category="FOOD_BANK")
    assert [r.category_label for r in food] == ["Food bank", "Food bank"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Pantry,food pantry,,,,,,,,,", "line 3 (row 2), column 'category': 'food pantry' is not"),
        (",food_bank,,,,,,,,,", "line 3 (row 2), column 'name': a resource needs a name"),
        ("Pantry,food_bank,,,1469,,,,,,", "line 3 (row 2), column 'zip': '1469' is not a ZIP"),
        ("Pantry,food_bank,,,,43.1,,,,,", "line 3 (row 2), column 'longitude': give latitude"),
        ("Pantry,food_bank,,,,95,-77,,,,", "line 3 (row 2), column 'latitude': latitude must be"),
        ("Pantry,food_bank,,,,north,-77,,,,", "column 'latitude': 'north' is not a number"),
        ("Pantry,food_bank,,,,,,,,english,", "column 'languages': 'english' is not a language"),
        ("Pantry,food_bank,,,,,,,,,maybe", "line 3 (row 2), column 'active': 'maybe' is not yes"),
        ("Hilltop Pantry,food_bank,,1 Hill St,,,,,,,", "column 'name': same name and address as"),
        ("Pantry,food_bank,,,,,,,,,,extra", "line 3 (row 2): more values than columns"),
    ],
)
def test_a_bad_row_names_row_and_column_and_imports_nothing(
    make_uow: UowFactory, actor: Actor, row: str, message: str
) -> None:
    text = HEADER + "Hilltop Pantry,food_bank,,1 Hill St,,,,,,,\n" + row + "\n"
    with make_uow() as uow, pytest.raises(ValidationError, match=re.escape(message)):
        cr.import_resources(uow, actor, text)
    assert count(make_uow) == 0


def test_header_problems(make_uow: UowFactory, actor: Actor) -> None:
    with make_uow() as uow, pytest.raises(ValidationError, match="missing: category"):
        cr.import_resources(uow, actor, "name,phone\nX,1\n")
    with make_uow() as uow, pytest.raises(ValidationError, match="unknown column.*'fax'"):
        cr.import_resources(uow, actor, "name,category,fax\nX,food_bank,1\n")
    with make_uow() as uow, pytest.raises(ValidationError, match="no rows"):
        cr.import_resources(uow, actor, HEADER)


def test_import_needs_directory_permission(make_uow: UowFactory) -> None:
    nurse = Actor(1, "n", "Nora Nurse", roles=frozenset({"nurse"}))
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        cr.import_resources(uow, nurse, GOOD)


def test_food_need_suggests_spanish_speaking_closest_first(
    make_uow: UowFactory, actor: Actor
) -> None:
    stay = seed_stay(make_uow)  # Spanish-speaking patient in Maple Hollow (ZIP 14695)
    with make_uow() as uow:
        found = cr.suggest_resources(uow, actor, stay.needs[NeedDomain.FOOD])
    assert found.origin == "home" and found.language == "es"
    assert found.categories == ("food_bank", "meals_on_wheels")
    speaks = [s for s in found.items if s.speaks_language]
    others = [s for s in found.items if not s.speaks_language]
    assert found.items == (*speaks, *others)  # the patient's language first
    for group in (speaks, others):
        distances = [s.distance_miles for s in group]
        assert None not in distances and distances == sorted(distances)  # type: ignore[type-var]
    assert {s.resource.category for s in found.items} == {"food_bank", "meals_on_wheels"}
    # Maple Hollow Meals on Wheels has no coordinates: its ZIP is the patient's, so ~0 miles
    maple = next(s for s in found.items if s.resource.name == "Maple Hollow Meals on Wheels")
    assert maple.distance_miles == 0.0 and not maple.speaks_language
    assert speaks[0].resource.name == "Riverside Senior Meals Program"  # nearest Spanish one


def test_unknown_zip_measures_from_the_hospital_and_no_geography_sorts_by_name(
    make_uow: UowFactory, actor: Actor, database: object, site: object
) -> None:
    stay = seed_stay(make_uow, language="en", postal_code="90210")
    with make_uow() as uow:
        found = cr.suggest_resources(uow, actor, stay.needs[NeedDomain.TRANSPORTATION])
    assert found.origin == "hospital"
    assert [s.resource.name for s in found.items][0] == "County Ride Connect"  # 2.0 mi
    nowhere = dataclasses.replace(site, geography=SiteGeography())  # type: ignore[type-var]
    with UnitOfWork(database, nowhere) as uow:  # type: ignore[arg-type]
        found = cr.suggest_resources(uow, actor, stay.needs[NeedDomain.TRANSPORTATION])
    assert found.origin is None
    assert all(s.distance_miles is None for s in found.items)
    names = [s.resource.name for s in found.items]
    assert names == sorted(names)


def test_language_need_has_no_category_unless_all_asked(make_uow: UowFactory, actor: Actor) -> None:
    stay = seed_stay(make_uow, domains=[NeedDomain.LANGUAGE])
    with make_uow() as uow:
        assert cr.suggest_resources(uow, actor, stay.needs[NeedDomain.LANGUAGE]).items == ()
        every = cr.suggest_resources(
            uow, actor, stay.needs[NeedDomain.LANGUAGE], all_categories=True
        )
    assert len(every.items) == 18


def test_unknown_category_in_list(make_uow: UowFactory, actor: Actor) -> None:
    with make_uow() as uow, pytest.raises(ValidationError, match="'soup' is not a resource"):
        cr.list_resources(uow, actor, category="soup")
