"""Migrations: a linear chain, upgrade from empty on both databases, no drift, backup first."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tests.conftest import drop_pg_schema, pg_engine_for_schema, require_postgres
from tests.factories import make_patient, make_stay, make_unit
from transitions.db import migrate
from transitions.db.engine import Database, create_db_engine
from transitions.db.models import Base


def test_migration_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    heads = script.get_heads()
    assert len(heads) == 1, f"several heads: {heads}"
    revisions = list(script.walk_revisions())
    bases = [r for r in revisions if r.down_revision is None]
    assert len(bases) == 1
    for revision in revisions:
        assert not isinstance(revision.down_revision, tuple), f"merge point {revision.revision}"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(
    request: pytest.FixtureRequest, tmp_path: Path, postgres_available: bool
) -> Iterator[Database]:
    if request.param == "sqlite":
        db = Database(create_db_engine(f"sqlite:///{tmp_path / 'empty.db'}"))
        yield db
        db.dispose()
    else:
        require_postgres(postgres_available)
        schema = f"transitions_migrate_{os.getpid()}"
        db = pg_engine_for_schema(schema)
        yield db
        db.dispose()
        drop_pg_schema(schema)


def test_upgrade_from_empty_reaches_head_with_no_drift(empty_database: Database) -> None:
    engine = empty_database.engine
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert migrate.drift(engine) == []
    tables = set(inspect(engine).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
    assert migrate.upgrade(engine) is None  # idempotent
    assert migrate.is_current(engine)


def test_head_from_the_files_text_is_alembics_head() -> None:
    assert migrate.head_from_files() == migrate.head_revision()


def test_head_from_files_is_none_when_unclear(tmp_path: Path) -> None:
    def version(name: str, revision: str, down: str) -> None:
        body = f'revision: str = "{revision}"\ndown_revision: str | None = {down}\n'
        (tmp_path / name).write_text(body)

    version("a.py", "0001", "None")
    version("b.py", "0002", '"0001"')
    assert migrate.head_from_files(tmp_path) == "0002"
    version("c.py", "0003", '"0001"')  # a second head
    assert migrate.head_from_files(tmp_path) is None
    (tmp_path / "c.py").write_text("revision = make_id()\n")  # not the usual form
    assert migrate.head_from_files(tmp_path) is None
    assert migrate.head_from_files(tmp_path / "missing") is None


def test_is_current_is_false_for_a_new_or_older_database(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'check.db'}")
    assert not migrate.is_current(engine)  # no version table
    migrate.upgrade(engine)
    assert migrate.is_current(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    assert not migrate.is_current(engine)
    engine.dispose()


def test_sqlite_is_copied_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "ward.db"
    engine = create_db_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO unit (code, name, active, created_at, updated_at, version_id) "
                "VALUES ('4W', 'Four West', 1, '2026-01-01', '2026-01-01', 1)"
            )
        )
        # pretend the file is one revision behind
        connection.execute(text("UPDATE alembic_version SET version_num = 'older'"))
    with pytest.raises(Exception, match="older"):
        migrate.upgrade(engine)  # unknown revision: alembic refuses, file untouched
    copies = list(tmp_path.glob("ward.db.older-*.bak"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as copy:
        assert copy.execute("SELECT code FROM unit").fetchall() == [("4W",)]
    engine.dispose()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
    engine.dispose()


def test_backup_uses_the_online_backup_api(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'live.db'}")
    migrate.upgrade(engine)
    with engine.connect() as open_connection:  # a reader holds the file open meanwhile
        open_connection.execute(text("SELECT 1"))
        (tmp_path / "copies").mkdir()
        written = migrate.backup_sqlite(engine, tmp_path / "copies")
        named = migrate.backup_sqlite(engine, tmp_path / "named.db")
    assert written.parent == tmp_path / "copies"
    assert named == tmp_path / "named.db" and named.stat().st_size > 0
    with sqlite3.connect(written) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrate.head_revision(),
        )
    engine.dispose()


def _migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    from alembic import command

    with migrate.migration_connection(engine) as connection:
        config = migrate.alembic_config(connection)
        (command.downgrade if down else command.upgrade)(config, revision)


def _signoff_schema(engine: Engine) -> tuple[set[str], set[str], set[str]]:
    """(columns, unique constraints, indexes) of discharge_signoff."""
    found = inspect(engine)
    return (
        {c["name"] for c in found.get_columns("discharge_signoff")},
        {str(u["name"]) for u in found.get_unique_constraints("discharge_signoff")},
        {str(i["name"]) for i in found.get_indexes("discharge_signoff")},
    )


def test_signoff_void_migration_keeps_signoffs_and_goes_back(empty_database: Database) -> None:
    """1350: an existing sign-off stays the stay's standing one; down and up again is clean, and
    going down is refused once a sign-off has been voided (the older schema cannot say so)."""
    engine = empty_database.engine
    _migrate(engine, "1300")
    columns, uniques, _ = _signoff_schema(engine)
    assert "voided_at" not in columns and "uq_discharge_signoff_encounter_id" in uniques
    with Session(engine) as session:
        stay = make_stay(session, make_patient(session), make_unit(session))
        stay_id = stay.id
        session.commit()
    insert = text(
        "INSERT INTO discharge_signoff (encounter_id, disposition, discharge_time, "
        "signed_by_name, signed_at, completed_adt, record, created_at, updated_at, version_id) "
        "VALUES (:stay, 'home', :t, 'Dana Lee, RN', :t, :no, '{}', :t, :t, 1)"
    )
    values = {"stay": stay_id, "t": datetime(2026, 11, 25, 15, tzinfo=UTC), "no": False}
    with engine.begin() as connection:
        connection.execute(insert, values)
    _migrate(engine, "head")
    assert migrate.drift(engine) == []
    columns, uniques, indexes = _signoff_schema(engine)
    assert {"voided_at", "voided_by_name", "voided_reason"} <= columns
    assert "uq_discharge_signoff_encounter_id" not in uniques
    assert {"ix_discharge_signoff_encounter", "uq_discharge_signoff_active"} <= indexes
    with engine.begin() as connection:
        assert (
            connection.execute(
                text("SELECT COUNT(*) FROM discharge_signoff WHERE voided_at IS NULL")
            ).scalar()
            == 1
        )
        # a second standing sign-off for the stay is refused by the database
        with pytest.raises(IntegrityError), connection.begin_nested():
            connection.execute(insert, values)
        connection.execute(
            text("UPDATE discharge_signoff SET voided_at = :t, voided_by_name = 'adt'"),
            values,
        )
        connection.execute(insert, values)  # once voided, the stay may be signed off again
    # (down to 1350 first: SQLite's DDL is not transactional, so a refusal after a later
    # revision went down would leave that one half undone)
    _migrate(engine, "1350", down=True)
    with pytest.raises(RuntimeError, match="cannot downgrade below 1350"):
        _migrate(engine, "1300", down=True)
    assert migrate.current_revision(engine) == "1350"
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM discharge_signoff WHERE voided_at IS NOT NULL"))
    _migrate(engine, "1300", down=True)
    columns, uniques, _ = _signoff_schema(engine)
    assert "voided_at" not in columns and "uq_discharge_signoff_encounter_id" in uniques
    with engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM discharge_signoff")).scalar() == 1
    _migrate(engine, "head")
    assert migrate.drift(engine) == []


def _task_schema(engine: Engine) -> tuple[set[str], set[str]]:
    """(unique constraints, indexes) of followup_task."""
    found = inspect(engine)
    return (
        {str(u["name"]) for u in found.get_unique_constraints("followup_task")},
        {str(i["name"]) for i in found.get_indexes("followup_task")},
    )


def test_task_cancel_migration_keeps_tasks_and_goes_back(empty_database: Database) -> None:
    """1400: existing tasks stay; one task of a kind per stay that is not cancelled is enforced
    by the database, a cancelled one may have a successor; down and up again is clean, and going
    down is refused once a stay has two tasks of a kind (the older schema cannot hold them)."""
    engine = empty_database.engine
    _migrate(engine, "1350")
    uniques, _ = _task_schema(engine)
    assert "uq_followup_task_encounter_kind" in uniques
    with Session(engine) as session:
        stay = make_stay(session, make_patient(session), make_unit(session))
        stay_id = stay.id
        session.commit()
    insert = text(
        "INSERT INTO followup_task (encounter_id, kind, status, due_date, "
        "created_at, updated_at, version_id) "
        "VALUES (:stay, 'contact', 'open', :due, :t, :t, 1)"
    )
    values = {
        "stay": stay_id,
        "due": datetime(2026, 11, 27, tzinfo=UTC).date(),
        "t": datetime(2026, 11, 25, 15, tzinfo=UTC),
    }
    with engine.begin() as connection:
        connection.execute(insert, values)
        connection.execute(  # a call logged on the task: rebuilding the task table keeps it
            text(
                "INSERT INTO call_attempt (task_id, called_at, caller, number, reached, "
                "created_at, updated_at, version_id) "
                "SELECT id, :t, 'Nurse Rivera', '555-0100', :no, :t, :t, 1 FROM followup_task"
            ),
            {**values, "no": False},
        )
    _migrate(engine, "head")
    assert migrate.drift(engine) == []
    with engine.connect() as connection:  # (SQLite's ON DELETE CASCADE once emptied it)
        assert connection.execute(text("SELECT COUNT(*) FROM call_attempt")).scalar() == 1
    uniques, indexes = _task_schema(engine)
    assert "uq_followup_task_encounter_kind" not in uniques
    assert {"ix_followup_task_encounter", "uq_followup_task_active"} <= indexes
    with engine.begin() as connection:
        # a second open contact task for the stay is refused by the database
        with pytest.raises(IntegrityError), connection.begin_nested():
            connection.execute(insert, values)
        connection.execute(text("UPDATE followup_task SET status = 'cancelled'"))
        connection.execute(insert, values)  # once cancelled, the stay may have a new one
    with pytest.raises(RuntimeError, match="cannot downgrade below 1400"):
        _migrate(engine, "1350", down=True)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM followup_task WHERE status = 'cancelled'"))
    _migrate(engine, "1350", down=True)
    uniques, indexes = _task_schema(engine)
    assert "uq_followup_task_encounter_kind" in uniques
    assert "uq_followup_task_active" not in indexes
    with engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM followup_task")).scalar() == 1
    _migrate(engine, "head")
    assert migrate.drift(engine) == []
