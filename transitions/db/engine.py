"""Engine and session factory: SQLite (one workstation) or PostgreSQL (a shared ward database)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from transitions.errors import DatabaseUnavailableError

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000


def mask_url(url: str | URL) -> str:
    """The URL as text with any password replaced by ***, safe for messages and logs."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except ArgumentError:
        # Unparseable: hide anything between ':' and '@' in the authority part.
        text_url = str(url)
        if "@" in text_url and "://" in text_url:
            scheme, rest = text_url.split("://", 1)
            auth, host = rest.rsplit("@", 1)
            user = auth.split(":", 1)[0]
            return f"{scheme}://{user}:***@{host}" if ":" in auth else text_url
        return text_url
    return parsed.render_as_string(hide_password=True)


def parse_url(url: str) -> URL:
    """Parse and normalise a database URL; plain ``postgresql://`` uses psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailableError(
            f"database URL '{mask_url(url)}' is malformed (expected e.g. sqlite:///path/file.db "
            "or postgresql+psycopg://user@host:5432/dbname)"
        ) from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUnavailableError(
            f"database URL '{mask_url(url)}': only sqlite and postgresql are supported"
        )
    return parsed


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory databases."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def create_db_engine(url: str, *, echo: bool = False, **kwargs: Any) -> Engine:
    """Create an engine with the per-dialect settings. Does not connect yet."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        if path is not None and not path.parent.is_dir():
            raise DatabaseUnavailableError(
                f"cannot open database '{mask_url(parsed)}': folder {path.parent} does not exist"
            )
        engine = create_engine(parsed, echo=echo, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = dict(kwargs.pop("connect_args", {}))
    connect_args.setdefault("connect_timeout", 5)
    connect_args.setdefault("application_name", "transitions")
    return create_engine(parsed, echo=echo, pool_pre_ping=True, connect_args=connect_args, **kwargs)


def check_connection(engine: Engine) -> None:
    """Connect once; raise :class:`DatabaseUnavailableError` with a one-line reason if we cannot."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (OperationalError, SADatabaseError, NoSuchModuleError, OSError) as exc:
        reason = _first_line(getattr(exc, "orig", None) or exc)
        raise DatabaseUnavailableError(
            f"cannot open database '{mask_url(engine.url)}': {reason}"
        ) from exc


def _first_line(exc: object) -> str:
    text_ = str(exc).strip()
    line = text_.splitlines()[0] if text_ else type(exc).__name__
    return line.rstrip(".")


class Database:
    """An engine plus its session factory: what the services and the UI hold on to."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session_factory = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str, **kwargs: Any) -> Database:
        engine = create_db_engine(url, **kwargs)
        check_connection(engine)
        return cls(engine)

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def display_url(self) -> str:
        return mask_url(self.engine.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.session_factory() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
