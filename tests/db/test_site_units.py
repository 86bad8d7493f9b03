"""The site file's wards synced into the unit table (both databases): created, updated, retired,
never deleted, unlisted ones left alone, audited, idempotent, safe when two workstations start
at once; then used by the ADT feed, the demo, the packet and the follow-up list."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from tests.conftest import FIXED_NOW
from tests.db.test_followup import _discharge
from tests.factories import make_patient, make_stay, make_unit
from tests.interop.messages import adt
from transitions.config import SiteConfig
from transitions.config_units import SiteUnit
from transitions.db.engine import Database
from transitions.db.interop_models import InboundMessage
from transitions.db.models import AuditEvent, Encounter, Unit
from transitions.demo.generator import generate_demo
from transitions.services import interop, packets, units
from transitions.services.admin import prepare_database
from transitions.services.encounters import list_units
from transitions.services.followup_list import FollowupFilter, list_followups, rows_to_csv
from transitions.services.uow import Actor, UnitOfWork

UowFactory = Callable[[], UnitOfWork]
WARDS = (
    SiteUnit("4W", "4 West Medicine", "(555) 010-2441"),
    SiteUnit("5E", "5 East Cardiology"),
    SiteUnit("3N", "3 North", None, active=False),
)


def all_units(make_uow: UowFactory) -> dict[str, tuple[str, str | None, bool]]:
    with make_uow() as uow:
        return {u.code: (u.name, u.phone, u.active) for u in uow.session.scalars(select(Unit))}


def unit_audits(make_uow: UowFactory) -> list[tuple[str, str | None, str]]:
    with make_uow() as uow:
        rows = uow.session.execute(
            select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.username)
            .where(AuditEvent.entity == "unit")
            .order_by(AuditEvent.id)
        )
        return [(a, e, u) for a, e, u in rows]


def test_sync_creates_updates_retires_and_leaves_the_rest(
    make_uow: UowFactory, actor: Actor
) -> None:
    with make_uow() as uow:
        make_unit(uow.session, "4W", "Four West (old name)")
        make_unit(uow.session, "ICU", "Intensive Care")  # not in the site file
        uow.commit()
    with make_uow() as uow:
        result = units.sync_site_units(uow, actor, WARDS)
    assert (result.created, result.updated, result.unchanged) == (("5E", "3N"), ("4W",), 0)
    assert all_units(make_uow) == {
        "4W": ("4 West Medicine", "(555) 010-2441", True),
        "5E": ("5 East Cardiology", None, True),
        "3N": ("3 North", None, False),
        "ICU": ("Intensive Care", None, True),
    }
    assert unit_audits(make_uow) == [
        ("update", "4W", "test"),
        ("create", "5E", "test"),
        ("create", "3N", "test"),
    ]
    with make_uow() as uow:
        detail = uow.session.scalar(
            select(AuditEvent.details).where(
                AuditEvent.entity == "unit", AuditEvent.action == "update"
            )
        )
    assert detail is not None
    assert json.loads(detail)["changes"] == {
        "name": ["Four West (old name)", "4 West Medicine"],
        "phone": [None, "(555) 010-2441"],
    }
    # the same file again: nothing to do, nothing audited
    with make_uow() as uow:
        again = units.sync_site_units(uow, actor, WARDS)
    assert (again.changed, again.unchanged) == (False, 3) and len(unit_audits(make_uow)) == 3
    assert "0 created, 0 updated, 3 unchanged" in again.summary()


def test_retiring_a_ward_keeps_it_and_its_stays(make_uow: UowFactory, actor: Actor) -> None:
    with make_uow() as uow:
        units.sync_site_units(uow, actor, WARDS)
    with make_uow() as uow:
        ward = uow.session.scalar(select(Unit).where(Unit.code == "4W"))
        assert ward is not None
        stay_id = make_stay(uow.session, make_patient(uow.session), ward).id
        uow.commit()
    retired = (replace(WARDS[0], active=False),)
    with make_uow() as uow:
        assert units.sync_site_units(uow, actor, retired).updated == ("4W",)
    with make_uow() as uow:
        stay = uow.session.get(Encounter, stay_id)
        assert stay is not None and stay.unit is not None and stay.unit.code == "4W"
        assert [code for code, _ in list_units(uow)] == ["5E"]  # 3N and 4W retired
    with make_uow() as uow:  # listed as active again: back in the lists
        units.sync_site_units(uow, actor, WARDS[:1])
        assert [code for code, _ in list_units(uow)] == ["4W", "5E"]


def test_sync_needs_settings_permission(make_uow: UowFactory) -> None:
    from transitions.errors import PermissionDeniedError

    nurse = Actor(5, "n", "Nina", frozenset({"nurse"}))
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        units.sync_site_units(uow, nurse, WARDS)


def test_prepare_database_syncs_and_the_demo_reuses_the_wards(
    database: Database, database_url: str, site: SiteConfig, make_uow: UowFactory
) -> None:
    db = prepare_database(database_url, replace(site, units=WARDS))
    db.dispose()
    assert all_units(make_uow)["4W"] == ("4 West Medicine", "(555) 010-2441", True)
    assert {u for _, _, u in unit_audits(make_uow)} == {units.SITE_FILE_ACTOR}
    summary = generate_demo(
        database, patients=3, seed=1, today=date(2026, 11, 25), tz=site.timezone
    )
    assert summary.units == 5
    found = all_units(make_uow)
    assert found["4W"] == ("4 West Medicine", "(555) 010-2441", True)  # the site's, not the demo's
    assert found["6N"][0] == "6 North Oncology" and found["3N"][2] is False
    # the next start changes nothing
    db = prepare_database(database_url, replace(site, units=WARDS))
    db.dispose()
    assert len(unit_audits(make_uow)) == 3


def test_two_workstations_starting_at_once(
    database: Database, site: SiteConfig, make_uow: UowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other workstation creates 5E between our read and our commit: we retry and update."""
    real = units.sync_site_units
    raced: list[bool] = []

    def racing(uow: UnitOfWork, actor: Actor, wanted: tuple[SiteUnit, ...]) -> units.UnitSync:
        if not raced:
            raced.append(True)
            commit = uow.commit

            def other_workstation_first() -> None:
                with make_uow() as other:
                    make_unit(other.session, "5E", "Created by the other workstation")
                    other.commit()
                commit()

            monkeypatch.setattr(uow, "commit", other_workstation_first)
        return real(uow, actor, wanted)

    monkeypatch.setattr(units, "sync_site_units", racing)
    result = units.sync_units_from_site(database, replace(site, units=WARDS))
    assert "5E" in result.updated and "5E" not in result.created
    assert all_units(make_uow)["5E"] == ("5 East Cardiology", None, True)


def test_adt_feed_uses_site_wards_and_creates_none(
    make_uow: UowFactory, actor: Actor, site: SiteConfig, database: Database
) -> None:
    units.sync_units_from_site(database, replace(site, units=WARDS))
    known = interop.receive_hl7(make_uow, interop.adt_actor(), adt("A01").encode(), "test")
    assert known.accepted
    unknown = interop.receive_hl7(
        make_uow,
        interop.adt_actor(),
        adt("A01", control_id="C2", visit="V9002", unit="9Z").encode(),
        "test",
    )
    assert unknown.accepted
    with make_uow() as uow:
        stays = {e.visit_number: e for e in uow.session.scalars(select(Encounter))}
        assert stays["V9001"].unit is not None and stays["V9001"].unit.name == "4 West Medicine"
        assert stays["V9002"].unit_id is None
        assert uow.session.scalar(select(func.count()).select_from(Unit)) == 3  # no 9Z
        warning = uow.session.scalar(
            select(InboundMessage.warnings).where(InboundMessage.id == unknown.message_id)
        )
    assert warning is not None and "PV1-3 unit '9Z' is not a known unit" in warning


def test_packet_and_follow_up_list_show_the_ward_phone(make_uow: UowFactory, actor: Actor) -> None:
    stay_id = _discharge(make_uow, actor)  # on 4W "4 West Medicine", no phone yet
    with make_uow() as uow:
        units.sync_site_units(uow, actor, WARDS)
    with make_uow() as uow:
        pdf = packets.generate_packet(uow, actor, encounter_id=stay_id).pdf
    cover = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Unit phone (555) 010-2441" in cover and "4 West Medicine" in cover
    with make_uow() as uow:
        rows = list_followups(uow, actor, FollowupFilter(as_of=FIXED_NOW.date()))
    assert [(r.unit, r.unit_name, r.unit_phone) for r in rows] == [
        ("4W", "4 West Medicine", "(555) 010-2441")
    ]
    header, line = rows_to_csv(rows).splitlines()
    assert header.startswith("patient_name,mrn,unit,unit_phone,")
    assert ",4W,(555) 010-2441," in line
    assert rows[0].to_json()["unit_phone"] == "(555) 010-2441"


def test_no_units_in_the_site_file_touches_nothing(make_uow: UowFactory) -> None:
    with make_uow() as uow:
        make_unit(uow.session, "4W", "Kept as is")
        uow.commit()
    with make_uow() as uow:
        assert units.sync_site_units(uow, Actor.system("t"), ()) == units.UnitSync()
    assert all_units(make_uow) == {"4W": ("Kept as is", None, True)} and not unit_audits(make_uow)
