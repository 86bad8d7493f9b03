"""Shared fixtures: a real SQLite file and a real PostgreSQL schema for every database test.

``database`` (and ``session``, ``uow``) are parametrized over both engines. PostgreSQL comes from
``TRANSITIONS_TEST_POSTGRES_URL`` (default: the local test server). With ``CI=true`` an
unreachable PostgreSQL fails the run; elsewhere those tests are skipped, visibly.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from transitions.config import SiteConfig, load_site_config
from transitions.db import migrate
from transitions.db.engine import Database, create_db_engine
from transitions.db.models import Base
from transitions.services.uow import Actor, UnitOfWork

DEFAULT_TEST_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"

#: The fixed "now" of database tests: Wednesday 25 November 2026, 15:00 UTC (10:00 in New York).
FIXED_NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def postgres_url() -> str:
    return os.environ.get("TRANSITIONS_TEST_POSTGRES_URL", DEFAULT_TEST_POSTGRES_URL)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"sample data not found at {SHARED_DATA} (../shared beside the checkout)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def site_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("site") / "site.toml"
    path.write_text(
        '[hospital]\nname = "Test General Hospital"\ntimezone = "America/New_York"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def site(site_file: Path) -> SiteConfig:
    """Site configuration of the tests: New York time, built-in policy defaults."""
    return load_site_config(site_file)


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id, with the smallest cost parameters: tests check behaviour, not strength."""
    from argon2 import PasswordHasher

    from transitions.services import auth

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the developer's real data, config or log directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("TRANSITIONS_DATABASE_URL", raising=False)
    monkeypatch.delenv("TRANSITIONS_SITE_CONFIG", raising=False)


# -- SQLite --------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite file; each test gets its own copy."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    engine = create_db_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


# -- PostgreSQL ----------------------------------------------------------------------------------


def pg_schema_url(schema: str) -> str:
    """The test server's URL with connections confined to ``schema`` (libpq ``options``)."""
    separator = "&" if "?" in postgres_url() else "?"
    return f"{postgres_url()}{separator}options=-csearch_path%3D{schema}"


def pg_engine_for_schema(schema: str, *, create: bool = True) -> Database:
    """A Database whose connections use ``schema`` (created fresh, empty) on the test server."""
    admin = create_db_engine(postgres_url())
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        if create:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    return Database(create_db_engine(pg_schema_url(schema)))


def drop_pg_schema(schema: str) -> None:
    admin = create_db_engine(postgres_url())
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(scope="session")
def postgres_available() -> bool:
    engine = create_db_engine(postgres_url())
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        if in_ci():
            pytest.fail(f"PostgreSQL is required in CI but unreachable: {exc}")
        return False
    finally:
        engine.dispose()


def require_postgres(available: bool) -> None:
    if not available:
        pytest.skip(f"PostgreSQL not reachable at {postgres_url()} (set CI=true to make this fail)")


@pytest.fixture(scope="session")
def pg_database(postgres_available: bool) -> Iterator[Database]:
    """One migrated schema per test run (named after the process); tests truncate it."""
    require_postgres(postgres_available)
    schema = f"transitions_test_{os.getpid()}"
    database = pg_engine_for_schema(schema)
    migrate.upgrade(database.engine)
    _no_autovacuum(database)
    yield database
    database.dispose()
    drop_pg_schema(schema)


def _no_autovacuum(database: Database) -> None:
    """Autovacuum on the test tables: its ShareUpdateExclusiveLock, taken table by table, can
    deadlock with the TRUNCATE of every table between tests (seen on a loaded machine). The
    tables are emptied after every test anyway."""
    with database.engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            connection.execute(
                text(
                    f'ALTER TABLE "{table.name}" SET '
                    "(autovacuum_enabled = false, toast.autovacuum_enabled = false)"
                )
            )


def _truncate_all(database: Database) -> None:
    names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with database.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


# -- the parametrized fixtures -------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def database(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path
) -> Iterator[Database]:
    """A clean, migrated database: a SQLite file, or the PostgreSQL test schema."""
    if request.param == "sqlite":
        path = tmp_path / "transitions.db"
        shutil.copyfile(sqlite_template, path)
        database = Database.open(f"sqlite:///{path}")
        yield database
        database.dispose()
    else:
        pg: Database = request.getfixturevalue("pg_database")
        _truncate_all(pg)
        yield pg


@pytest.fixture
def database_url(database: Database) -> str:
    """The URL of the test database, for the CLI and the GUI start-up path."""
    return database.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    with database.session() as s:
        yield s


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return lambda: FIXED_NOW


@pytest.fixture
def make_uow(
    database: Database, site: SiteConfig, clock: Callable[[], datetime]
) -> Callable[[], UnitOfWork]:
    """Factory for units of work on the test database with the fixed clock."""
    return lambda: UnitOfWork(database, site, now=clock)


@pytest.fixture
def actor() -> Actor:
    return Actor.system("test")
