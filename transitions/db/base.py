"""Declarative base, UTC timestamps and the audit/version columns every mutable table has."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import DateTime, Enum, Integer, MetaData, type_coerce
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import NullType, TypeDecorator

# Stable constraint names so alembic batch migrations work the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware.

    SQLite has no time zone type, so values are normalised to UTC on the way in and tagged UTC
    on the way out. Naive datetimes are refused: every time in Transitions knows its zone.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC timestamp column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# -- reading long lists: the stored values as the driver returns them, converted by the caller
# (SQLAlchemy's per-value result processing of UTCDateTime and enums was most of a list's cost)

_E = TypeVar("_E", bound=StrEnum)


def raw(column: Any) -> ColumnElement[Any]:
    """``column`` in a select list without SQLAlchemy's result processing: the driver's value
    (SQLite: text for timestamps, dates and enums; PostgreSQL: datetimes, dates and text)."""
    return type_coerce(column, NullType())


def utc_reader(dialect: Dialect) -> Callable[[Any], datetime | None]:
    """A reader of raw :class:`UTCDateTime` values giving what the column type gives (aware UTC
    datetimes, or None), each distinct value converted once (a list repeats many: planned
    discharges fall on the half hour). One reader per list: its cache lives as long as it."""
    cache: dict[Any, datetime] = {}
    sqlite = dialect.name == "sqlite"

    def read(value: Any) -> datetime | None:
        if value is None:
            return None
        found = cache.get(value)
        if found is None:
            found = datetime.fromisoformat(value) if sqlite and isinstance(value, str) else value
            assert isinstance(found, datetime)
            found = found.replace(tzinfo=UTC) if found.tzinfo is None else found.astimezone(UTC)
            cache[value] = found
        return found

    return read


def date_reader(dialect: Dialect) -> Callable[[Any], date | None]:
    """A reader of raw ``Date`` values (SQLite stores ISO text), as the column type gives them."""
    if dialect.name != "sqlite":
        return lambda value: value
    cache: dict[Any, date] = {}

    def read(value: Any) -> date | None:
        if value is None or isinstance(value, date):
            return value
        found = cache.get(value)
        if found is None:
            found = cache[value] = date.fromisoformat(value)
        return found

    return read


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a long list is read and its rows are made: they are
    acyclic, yet the thousands of objects made trigger full collections of the whole heap
    (~100 ms each at 100,000 encounters, one every list or two). Collection resumes after,
    if it was on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def enum_values(enum_cls: type[_E]) -> dict[Any, _E]:
    """Stored value -> member of a :func:`str_enum` column's enum (its raw values)."""
    return {member.value: member for member in enum_cls}


def str_enum(enum_cls: type[StrEnum], name: str) -> Enum:
    """A portable enum column: VARCHAR + CHECK on both databases, stores the enum's values."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


class Tracked:
    """Mixin for mutable tables: created/updated time in UTC and an optimistic-lock version."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy declared_attr
        return {"version_id_col": cls.version_id}
