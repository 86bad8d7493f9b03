"""Unit scoping, password rules, user management and the audit trail, at the service layer."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest

from tests.factories import make_patient, make_stay, make_unit
from transitions.errors import (
    AuthenticationError,
    PermissionDeniedError,
    ValidationError,
)
from transitions.services import auth, clinical, encounters, security
from transitions.services.encounters import StayFilter
from transitions.services.security import AuditFilter
from transitions.services.uow import Actor, UnitOfWork

ADMIN = Actor.system("cli:admin")
GOOD = "tulip meadow river"


@pytest.fixture
def two_wards(make_uow: Callable[[], UnitOfWork]) -> dict[str, int]:
    with make_uow() as uow:
        s = uow.session
        w4, e5 = make_unit(s, "4W"), make_unit(s, "5E")
        a = make_stay(s, make_patient(s, "Westfall", "Ivy", mrn="MRN4W"), w4)
        b = make_stay(s, make_patient(s, "Eastman", "Otto", mrn="MRN5E"), e5)
        uow.commit()
        return {"4W": a.id, "5E": b.id}


def signed_in(make_uow: Callable[[], UnitOfWork], username: str, password: str = GOOD) -> Actor:
    with make_uow() as uow:
        return auth.sign_in(uow, username, password)


def add(make_uow: Callable[[], UnitOfWork], name: str, roles: list[str], units: list[str]) -> None:
    with make_uow() as uow:
        security.add_user(uow, ADMIN, name, name.title(), roles, units, GOOD)


def test_a_nurse_sees_and_opens_only_her_units_stays(
    make_uow: Callable[[], UnitOfWork], two_wards: dict[str, int]
) -> None:
    add(make_uow, "ivy", ["nurse"], ["4W"])
    nurse = signed_in(make_uow, "ivy")
    assert nurse.units is not None and len(nurse.units) == 1
    with make_uow() as uow:
        rows = encounters.list_stays(uow, nurse, StayFilter())
    assert [r.mrn for r in rows] == ["MRN4W"]
    with make_uow() as uow:
        assert encounters.get_stay(uow, nurse, encounter_id=two_wards["4W"]).unit_code == "4W"
    with make_uow() as uow, pytest.raises(PermissionDeniedError, match="other units"):
        encounters.get_stay(uow, nurse, encounter_id=two_wards["5E"])
    with make_uow() as uow, pytest.raises(PermissionDeniedError, match="other units"):
        clinical.add_diagnosis(uow, nurse, two_wards["5E"], "I50.9")
    with make_uow() as uow:
        clinical.add_diagnosis(uow, nurse, two_wards["4W"], "I50.9")


@pytest.mark.parametrize(
    ("roles", "units", "visible"),
    [
        (["unit_manager"], ["5E"], ["MRN5E"]),
        (["pharmacist"], ["4W", "5E"], ["MRN4W", "MRN5E"]),
        (["case_manager"], [], []),
        (["admin"], [], ["MRN4W", "MRN5E"]),  # administrators read every unit
    ],
)
def test_each_role_is_limited_to_its_units(
    make_uow: Callable[[], UnitOfWork],
    two_wards: dict[str, int],
    roles: list[str],
    units: list[str],
    visible: list[str],
) -> None:
    add(make_uow, "pat", roles, units)
    actor = signed_in(make_uow, "pat")
    with make_uow() as uow:
        assert sorted(r.mrn for r in encounters.list_stays(uow, actor, StayFilter())) == visible


def test_only_administrators_manage_users_and_view_the_audit(
    make_uow: Callable[[], UnitOfWork], two_wards: dict[str, int]
) -> None:
    add(make_uow, "ivy", ["nurse"], ["4W"])
    add(make_uow, "boss", ["admin"], [])
    nurse, boss = signed_in(make_uow, "ivy"), signed_in(make_uow, "boss")
    for call in (
        lambda uow: security.list_users(uow, nurse),
        lambda uow: security.add_user(uow, nurse, "x", "X", ["nurse"], [], GOOD),
        lambda uow: security.reset_password(uow, nurse, "boss", GOOD),
        lambda uow: security.search_audit(uow, nurse, AuditFilter()),
    ):
        with make_uow() as uow, pytest.raises(PermissionDeniedError):
            call(uow)
    with make_uow() as uow:
        assert [u.username for u in security.list_users(uow, boss)] == ["boss", "ivy"]
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        encounters.change_status(
            uow, boss, two_wards["4W"], encounters.EncounterStatus.READY, expected_version=1
        )


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short", "at least 12"),
        ("password1234", "common or breached"),
        ("Welcome2026!", "common or breached"),
        ("qwertyuiop12", "common or breached"),
        ("monkeymonkey", "common or breached"),
        ("ivy-is-on-4-west", "user name"),
    ],
)
def test_weak_passwords_are_refused(
    make_uow: Callable[[], UnitOfWork], password: str, message: str
) -> None:
    with make_uow() as uow, pytest.raises(ValidationError, match=message) as info:
        security.add_user(uow, ADMIN, "ivy", "Ivy", ["nurse"], [], password)
    assert info.value.field == "password"


def test_reset_forces_a_new_password_at_next_sign_in(make_uow: Callable[[], UnitOfWork]) -> None:
    add(make_uow, "ivy", ["nurse"], [])
    first = signed_in(make_uow, "ivy")
    assert first.must_change_password  # new accounts get a temporary password
    with make_uow() as uow:
        actor = auth.change_own_password(
            uow, first, GOOD, "copper kettle song", "copper kettle song"
        )
    assert not actor.must_change_password
    assert not signed_in(make_uow, "ivy", "copper kettle song").must_change_password
    with make_uow() as uow:
        row = security.reset_password(uow, ADMIN, "ivy", "amber window frost")
    assert row.must_change_password
    again = signed_in(make_uow, "ivy", "amber window frost")
    assert again.must_change_password
    with make_uow() as uow, pytest.raises(ValidationError, match="current password"):
        auth.change_own_password(uow, again, "wrong", "new enough words", "new enough words")
    with make_uow() as uow, pytest.raises(ValidationError, match="different"):
        auth.change_own_password(
            uow, again, "amber window frost", "amber window frost", "amber window frost"
        )


def test_disabled_users_cannot_sign_in_and_reset_lifts_a_lockout(
    make_uow: Callable[[], UnitOfWork],
) -> None:
    add(make_uow, "ivy", ["nurse"], [])
    for _ in range(5):
        with make_uow() as uow, pytest.raises(AuthenticationError):
            auth.sign_in(uow, "ivy", "wrong password!")
    with make_uow() as uow, pytest.raises(AuthenticationError, match="locked"):
        auth.sign_in(uow, "ivy", GOOD)
    with make_uow() as uow:
        security.reset_password(uow, ADMIN, "ivy", "amber window frost")
    assert signed_in(make_uow, "ivy", "amber window frost").username == "ivy"
    with make_uow() as uow:
        assert not security.disable_user(uow, ADMIN, "ivy").active
    with make_uow() as uow, pytest.raises(AuthenticationError):
        auth.sign_in(uow, "ivy", "amber window frost")


def test_add_user_validates_roles_units_and_names(make_uow: Callable[[], UnitOfWork]) -> None:
    with make_uow() as uow:
        make_unit(uow.session, "4W")
        uow.commit()
    cases = [
        (("ivy", "Ivy", ["surgeon"], []), "roles", "unknown role"),
        (("ivy", "Ivy", [], []), "roles", "at least one role"),
        (("ivy", "Ivy", ["nurse"], ["9Z"]), "units", "no unit"),
        (("i v", "Ivy", ["nurse"], []), "username", "user name"),
        (("ivy", " ", ["nurse"], []), "display_name", "full name"),
    ]
    for (name, display, roles, units), field, message in cases:
        with make_uow() as uow, pytest.raises(ValidationError, match=message) as info:
            security.add_user(uow, ADMIN, name, display, roles, units, GOOD)
        assert info.value.field == field
    add(make_uow, "ivy", ["nurse"], ["4w"])
    with make_uow() as uow, pytest.raises(ValidationError, match="taken"):
        security.add_user(uow, ADMIN, "IVY", "Ivy", ["nurse"], [], GOOD)


def test_audit_search_filters_and_csv_export(
    make_uow: Callable[[], UnitOfWork], two_wards: dict[str, int]
) -> None:
    add(make_uow, "ivy", ["nurse"], ["4W"])
    nurse = signed_in(make_uow, "ivy")
    with make_uow() as uow:
        encounters.get_stay(uow, nurse, encounter_id=two_wards["4W"])
    with make_uow() as uow:
        rows = security.search_audit(uow, ADMIN, AuditFilter(patient_mrn="MRN4W"))
    assert [(r.username, r.action) for r in rows] == [("ivy", "view")]
    with make_uow() as uow:
        rows = security.search_audit(uow, ADMIN, AuditFilter(username="ivy"))
    assert [r.action for r in rows] == ["view", "sign_in"]
    with make_uow() as uow:
        rows = security.search_audit(
            uow,
            ADMIN,
            AuditFilter(action="add", date_from=date(2026, 11, 25), date_to=date(2026, 11, 25)),
        )
    assert [r.entity for r in rows] == ["user"]
    with make_uow() as uow:
        assert security.search_audit(uow, ADMIN, AuditFilter(date_to=date(2026, 11, 24))) == []
    out = io.StringIO()
    with make_uow() as uow:
        count = security.export_audit_csv(uow, ADMIN, AuditFilter(username="ivy"), out)
    lines = out.getvalue().splitlines()
    assert count == 2 and len(lines) == 3
    assert lines[0].startswith("id,occurred_at,username,workstation,patient_mrn")
    assert ",MRN4W,encounter," in lines[2]
    with make_uow() as uow:  # looking at and exporting the trail is itself audited
        actions = [
            r.action for r in security.search_audit(uow, ADMIN, AuditFilter(username="cli:admin"))
        ]
    assert actions[:2] == ["export", "view"]
