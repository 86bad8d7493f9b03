"""The audit trail is append-only: a trigger on both databases, and on PostgreSQL the app role's
privileges (the documented two-role setup) refuse UPDATE, DELETE and TRUNCATE."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.conftest import postgres_url
from transitions.db.engine import Database, create_db_engine
from transitions.db.models import Base
from transitions.db.pg_roles import app_role_grants
from transitions.services.uow import Actor, UnitOfWork


def _one_event(make_uow: Callable[[], UnitOfWork]) -> None:
    with make_uow() as uow:
        uow.audit(Actor.system("test"), "view", "encounter", "V1", details={"n": 1})
        uow.commit()


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"]
)
def test_trigger_refuses_update_and_delete(
    database: Database, make_uow: Callable[[], UnitOfWork], statement: str
) -> None:
    _one_event(make_uow)
    with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as c:
        c.execute(text(statement))
    with database.engine.connect() as c:
        assert c.execute(text("SELECT action FROM audit_event")).scalars().all() == ["view"]


def test_audit_rows_can_still_be_added(
    database: Database, make_uow: Callable[[], UnitOfWork]
) -> None:
    _one_event(make_uow)
    _one_event(make_uow)
    with database.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM audit_event")).scalar() == 2


def test_postgres_app_role_cannot_change_the_audit_trail(
    database: Database, make_uow: Callable[[], UnitOfWork]
) -> None:
    if database.is_sqlite:
        pytest.skip("roles and privileges are a PostgreSQL matter")
    _one_event(make_uow)
    with database.engine.connect() as c:
        schema = c.execute(text("SELECT current_schema()")).scalar_one()
    role = f"transitions_app_test_{os.getpid()}"
    admin = create_db_engine(postgres_url())
    try:
        with admin.begin() as c:
            c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
            c.execute(text(f'CREATE ROLE "{role}" NOLOGIN'))
        with database.engine.begin() as c:  # as the owner, like the README says
            for statement in app_role_grants(Base.metadata, schema, role):
                c.execute(text(statement))

        def as_app(sql: str) -> None:
            with database.engine.begin() as c:
                c.execute(text(f'SET LOCAL ROLE "{role}"'))
                c.execute(text(sql))

        # what the application does works as the app role
        as_app(
            "INSERT INTO audit_event (occurred_at, username, workstation, entity, action) "
            "VALUES (now(), 'app', 'ws', 'encounter', 'view')"
        )
        as_app("SELECT count(*) FROM audit_event")
        as_app("UPDATE unit SET name = name")
        for sql in (
            "UPDATE audit_event SET action = 'x'",
            "DELETE FROM audit_event",
            "TRUNCATE audit_event",
        ):
            with pytest.raises(DBAPIError, match="permission denied"):
                as_app(sql)
        with database.engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM audit_event")).scalar() == 2
    finally:
        with database.engine.begin() as c:
            c.execute(text(f'DROP OWNED BY "{role}"'))
        with admin.begin() as c:
            c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()
