"""Schema migrations (alembic, shipped inside the package) and SQLite backups.

Alembic is imported only when there is migration work to do: at every start of the app
:func:`upgrade` first compares the database's ``alembic_version`` (one SELECT) with the head
revision read from the version files' text (:func:`head_from_files`), which costs about a
millisecond where alembic's import and script scan cost ~150 ms.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from transitions.db.engine import sqlite_path
from transitions.errors import TransitionsError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=]*)?\s*=\s*(?:None|['\"]([^'\"]+)['\"])\s*$", re.M)


def head_from_files(versions: Path = VERSIONS) -> str | None:
    """The head revision from the text of the version files (no alembic import), or None
    when that is not clear-cut (no files, a file not in the usual form, several heads)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions.glob("*.py"):
        if path.name == "__init__.py":
            continue
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(text), _DOWN.findall(text)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        if down[0]:
            parents.add(down[0])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def is_current(engine: Engine) -> bool:
    """True when the database is at the head revision (a cheap check; False when unsure)."""
    head = head_from_files()
    if head is None:
        return False
    with engine.connect() as connection:  # connection errors propagate: the caller reports them
        try:
            versions = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            return list(versions.scalars()) == [head]
        except DBAPIError:  # no version table yet: a new database
            return False


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "transitions.db:migrations")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.migration import MigrationContext

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


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction for running migrations.

    On SQLite, foreign key enforcement is off while the migrations run and the keys are checked
    before the end, as SQLite's procedure for schema changes says
    (https://www.sqlite.org/lang_altertable.html#otheralter): alembic's batch mode rebuilds a
    table by copying it into a new one and dropping the old, and with enforcement on, dropping
    the old table deleted every row that refers to it with ON DELETE CASCADE (rebuilding
    followup_task in migration 1400 emptied call_attempt). The setting cannot change inside a
    transaction, so it is switched before the transaction begins and back after it ends."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                yield connection
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        tables = sorted({str(row[0]) for row in broken})
                        raise TransitionsError(
                            f"the migration left {len(broken)} row(s) pointing at missing rows "
                            f"(in {', '.join(tables)}); restore the copy of the database file "
                            "made before migrating"
                        )
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def upgrade(engine: Engine) -> Path | None:
    """Bring the schema to head. Copies an existing SQLite file first; returns that copy's path."""
    if is_current(engine):
        return None
    from alembic import command

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
    with migration_connection(engine) as connection:
        command.upgrade(alembic_config(connection), "head")
    log.info("database schema migrated from %s to %s", current, head)
    return backup


def drift(engine: Engine) -> list[object]:
    """Differences between the models and the database schema (empty when in step)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from transitions.db.models import Base

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        return list(compare_metadata(context, Base.metadata))
