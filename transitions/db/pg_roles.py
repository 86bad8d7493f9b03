"""The two-role PostgreSQL setup (README "Shared database: two roles").

The *owner* role owns the schema and runs migrations (``transitions db upgrade``). Workstations
connect as the *app* role, which may read and write patient data but only INSERT and SELECT the
audit trail — it cannot UPDATE, DELETE or TRUNCATE ``audit_event`` (and a trigger refuses UPDATE
and DELETE even for the owner). Run :func:`app_role_grants` as the owner after each upgrade.
"""

from __future__ import annotations

from sqlalchemy import MetaData

APPEND_ONLY_TABLES = ("audit_event",)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def app_role_grants(metadata: MetaData, schema: str, app_role: str) -> list[str]:
    """GRANT statements giving ``app_role`` what the application needs, and no more."""
    s, r = _ident(schema), _ident(app_role)
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {r}",
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
        f"GRANT SELECT ON {s}.alembic_version TO {r}",
    ]
    for table in metadata.sorted_tables:
        if table.name in APPEND_ONLY_TABLES:
            statements.append(f"GRANT SELECT, INSERT ON {s}.{_ident(table.name)} TO {r}")
        else:
            statements.append(
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON {s}.{_ident(table.name)} TO {r}"
            )
    return statements
