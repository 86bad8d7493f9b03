"""Each role's allowed and denied actions, called at the service layer on both databases."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.factories import make_patient, make_stay, make_unit
from transitions.db.models import User
from transitions.domain.encounter_status import EncounterStatus
from transitions.errors import PermissionDeniedError
from transitions.services import clinical, encounters
from transitions.services.encounters import StayFilter
from transitions.services.permissions import allowed, role_permissions
from transitions.services.uow import Actor, UnitOfWork


def user(*roles: str, user_id: int = 42) -> Actor:
    return Actor(user_id=user_id, username="u", display_name="Pat Tester", roles=frozenset(roles))


def test_every_role_in_the_table_can_view_stays() -> None:
    for role in role_permissions():
        assert allowed(user(role), "stay.view"), role


@pytest.mark.parametrize(
    ("role", "permission", "expected"),
    [
        ("nurse", "medrec.reconcile", True),
        ("nurse", "medrec.second_signoff", False),
        ("pharmacist", "medrec.second_signoff", True),
        ("case_manager", "packet.batch_print", True),
        ("nurse", "packet.batch_print", False),
        ("unit_manager", "followup.reassign", True),
        ("admin", "users.manage", True),
        ("admin", "medrec.reconcile", False),
        ("nurse", "users.manage", False),
    ],
)
def test_role_table(role: str, permission: str, expected: bool) -> None:
    assert allowed(user(role), permission) is expected


def test_roles_add_up_and_system_actors_are_unrestricted() -> None:
    assert allowed(user("admin", "nurse"), "medrec.reconcile")
    assert allowed(Actor.system("cli:root"), "users.manage")
    with pytest.raises(ValueError, match="unknown permission"):
        allowed(user("nurse"), "stay.fly")


def test_services_enforce_the_table(make_uow: Callable[[], UnitOfWork]) -> None:
    with make_uow() as uow:
        stay = make_stay(uow.session, make_patient(uow.session, mrn="MRN1"), make_unit(uow.session))
        account = User(username="pat", display_name="Pat Tester", password_hash="x", roles="nurse")
        uow.session.add(account)
        uow.commit()
        nurse_id = account.id
        stay_id, version = stay.id, stay.version_id
    nobody = user()
    with make_uow() as uow, pytest.raises(PermissionDeniedError, match=r"Pat Tester \(no role\)"):
        encounters.list_stays(uow, nobody, StayFilter())
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        encounters.get_stay(uow, nobody, encounter_id=stay_id)
    with make_uow() as uow, pytest.raises(PermissionDeniedError, match="Administrator"):
        encounters.change_status(
            uow, user("admin"), stay_id, EncounterStatus.DISCHARGE_PLANNED, expected_version=version
        )
    with make_uow() as uow, pytest.raises(PermissionDeniedError, match="stay.edit"):
        clinical.add_diagnosis(uow, user("pharmacist"), stay_id, "I50.9")
    with make_uow() as uow:
        encounters.change_status(
            uow,
            user("nurse", user_id=nurse_id),
            stay_id,
            EncounterStatus.DISCHARGE_PLANNED,
            expected_version=version,
        )
