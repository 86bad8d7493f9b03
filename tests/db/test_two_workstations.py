"""Two workstations (two sessions on the same database) editing the same record: the second save
is refused with a ConflictError naming what is saved now — never a silent overwrite. And a
dropped PostgreSQL connection fails the action with a clear message; the next one reconnects."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select, text

from tests.conftest import postgres_url
from tests.factories import add_clinical_details, make_patient, make_stay, make_unit
from transitions.db.engine import Database, create_db_engine
from transitions.db.models import Diagnosis, Encounter, User
from transitions.domain.encounter_status import EncounterStatus
from transitions.errors import ConflictError, DatabaseUnavailableError
from transitions.services import encounters, security
from transitions.services.uow import Actor, UnitOfWork


@pytest.fixture
def stay_id(make_uow: Callable[[], UnitOfWork]) -> int:
    with make_uow() as uow:
        unit = make_unit(uow.session)
        stay = make_stay(uow.session, make_patient(uow.session), unit)
        add_clinical_details(uow.session, stay)
        uow.commit()
        return stay.id


def test_encounter_status_second_save_conflicts(
    make_uow: Callable[[], UnitOfWork], stay_id: int
) -> None:
    nurse_a, nurse_b = Actor.system("ws-a"), Actor.system("ws-b")
    with make_uow() as a, make_uow() as b:  # both opened the stay at version 1
        seen_a = encounters.get_stay(a, nurse_a, encounter_id=stay_id).version_id
        seen_b = encounters.get_stay(b, nurse_b, encounter_id=stay_id).version_id
    with make_uow() as a:
        encounters.change_status(
            a, nurse_a, stay_id, EncounterStatus.DISCHARGE_PLANNED, expected_version=seen_a
        )
    with make_uow() as b, pytest.raises(ConflictError) as info:
        encounters.change_status(
            b, nurse_b, stay_id, EncounterStatus.CANCELLED, expected_version=seen_b
        )
    assert info.value.theirs == {"status": "discharge_planned"}
    with make_uow() as uow:
        assert uow.session.get(Encounter, stay_id).status is EncounterStatus.DISCHARGE_PLANNED  # type: ignore[union-attr]


def test_diagnosis_edits_in_two_open_sessions_never_overwrite(
    make_uow: Callable[[], UnitOfWork], stay_id: int
) -> None:
    """The ORM-level guarantee every service relies on: a stale version cannot be saved even if
    both transactions are open at the same time."""
    with make_uow() as a, make_uow() as b:
        query = select(Diagnosis).where(Diagnosis.encounter_id == stay_id, Diagnosis.principal)
        mine = a.session.scalar(query)
        theirs = b.session.scalar(query)
        assert mine is not None and theirs is not None and mine.version_id == theirs.version_id
        a.session.commit()  # end the read transaction (SQLite: no lingering snapshot)
        b.session.commit()
        theirs.description = "edited on workstation B"
        b.commit()
        mine.description = "edited on workstation A"
        with pytest.raises(ConflictError, match="someone else saved a newer version"):
            a.commit()
    with make_uow() as uow:
        saved = uow.session.scalar(query)
        assert saved is not None and saved.description == "edited on workstation B"
        assert saved.version_id == 2


def test_user_edits_by_two_administrators_conflict(make_uow: Callable[[], UnitOfWork]) -> None:
    admin = Actor.system("admin-a")
    with make_uow() as uow:
        make_unit(uow.session, "4W")
        make_unit(uow.session, "5E")
        uow.commit()
    with make_uow() as uow:
        row = security.add_user(
            uow, admin, "kim", "Kim Ward", ["nurse"], ["4W"], "tulip meadow river"
        )
    with make_uow() as uow:
        security.update_user(
            uow,
            admin,
            row.id,
            expected_version=row.version_id,
            display_name="Kim Ward",
            roles=["nurse"],
            units=["5E"],
            active=True,
        )
    with make_uow() as uow, pytest.raises(ConflictError) as info:
        security.update_user(
            uow,
            Actor.system("admin-b"),
            row.id,
            expected_version=row.version_id,
            display_name="Kim Ward-Jones",
            roles=["nurse", "pharmacist"],
            units=["4W"],
            active=True,
        )
    assert info.value.theirs is not None and info.value.theirs["units"] == "5E"
    with make_uow() as uow, pytest.raises(ConflictError):
        security.reset_password(
            uow, admin, "kim", "violet harbor lamp", expected_version=row.version_id
        )
    with make_uow() as uow:
        (saved,) = [u for u in security.list_users(uow, admin) if u.username == "kim"]
        assert (saved.display_name, saved.unit_codes, saved.roles) == (
            "Kim Ward",
            ("5E",),
            ("nurse",),
        )
        user = uow.session.get(User, row.id)
        assert user is not None and user.version_id == row.version_id + 1


def test_dropped_postgres_connection_fails_clearly_and_reconnects(
    database: Database, make_uow: Callable[[], UnitOfWork], stay_id: int
) -> None:
    if database.is_sqlite:
        pytest.skip("a SQLite file has no server connection to lose")
    actor = Actor.system("ws")
    killer = create_db_engine(postgres_url())
    try:
        with pytest.raises(DatabaseUnavailableError, match="stopped answering"), make_uow() as uow:
            pid = uow.session.execute(text("SELECT pg_backend_pid()")).scalar_one()
            with killer.begin() as c:
                c.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            encounters.get_stay(uow, actor, encounter_id=stay_id)
        # the next action gets a fresh connection and works
        with make_uow() as uow:
            assert encounters.get_stay(uow, actor, encounter_id=stay_id).encounter_id == stay_id
    finally:
        killer.dispose()
