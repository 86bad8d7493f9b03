"""Schema migrations (alembic, shipped inside the package) and SQLite backups."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from transitions.db.engine import sqlite_path
from transitions.db.models import Base
from transitions.errors import TransitionsError

log = logging.getLogger(__name__)


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "transitions.db:migrations")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def backup_sqlite(engine: Engine, destination: Path) -> Path:
    """Copy a SQLite database with the online-backup API (consistent even while in use)."""
    source = sqlite_path(engine.url)
    if source is None:
        raise TransitionsError("backup needs a SQLite database file (in-memory databases cannot)")
    if destination.exists() and destination.is_dir():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        destination = destination / f"{source.stem}-{stamp}.db"
    destination.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(destination) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return destination


def upgrade(engine: Engine) -> Path | None:
    """Bring the schema to head. Copies an existing SQLite file first; returns that copy's path."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    backup: Path | None = None
    source = sqlite_path(engine.url)
    if current is not None and source is not None and source.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backup_sqlite(engine, source.with_name(f"{source.name}.{current}-{stamp}.bak"))
        log.info("copied the database before migrating: %s", backup.name)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    log.info("database schema migrated from %s to %s", current, head)
    return backup


def drift(engine: Engine) -> list[object]:
    """Differences between the models and the database schema (empty when in step)."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        return list(compare_metadata(context, Base.metadata))
