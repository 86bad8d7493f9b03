"""Bulk inserts for the demo generator: pre-assigned ids, Core ``insert()`` in chunks, sequences.

Ids are assigned by the generator (``max(id) + 1`` onwards) so that rows can point at each
other without a round trip per row and so that the same seed yields the same ids. PostgreSQL's
``serial`` sequences do not see explicit ids; :meth:`BulkWriter.finish` moves them past the
largest id so that later inserts by the application do not collide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text

from transitions.db.models import Base

#: Rows per executemany call (bounded memory and statement size on both databases).
INSERT_CHUNK_ROWS = 5_000


def table(name: str) -> Table:
    return Base.metadata.tables[name]


class BulkWriter:
    """Inserts lists of row dicts on one connection inside the caller's transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.is_postgresql = connection.dialect.name == "postgresql"
        self._next: dict[str, int] = {}
        self._written: dict[str, int] = {}

    def next_id(self, table_name: str, count: int = 1) -> int:
        """Reserve ``count`` consecutive ids of a table; returns the first."""
        if table_name not in self._next:
            largest = self.connection.scalar(select(func.max(table(table_name).c.id)))
            self._next[table_name] = int(largest or 0) + 1
        first = self._next[table_name]
        self._next[table_name] = first + count
        return first

    def insert(self, table_name: str, rows: Sequence[dict[str, Any]]) -> None:
        target = table(table_name)
        for start in range(0, len(rows), INSERT_CHUNK_ROWS):
            self.connection.execute(insert(target), list(rows[start : start + INSERT_CHUNK_ROWS]))
        self._written[table_name] = self._written.get(table_name, 0) + len(rows)

    def written(self, table_name: str) -> int:
        return self._written.get(table_name, 0)

    def finish(self, table_names: Iterable[str] | None = None) -> None:
        """Move PostgreSQL id sequences past the ids we assigned ourselves."""
        if not self.is_postgresql:
            return
        for name in table_names if table_names is not None else sorted(self._written):
            self.connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f'(SELECT COALESCE(MAX(id), 0) + 1 FROM "{name}"), false)'
                )
            )
