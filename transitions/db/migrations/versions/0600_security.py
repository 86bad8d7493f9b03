"""security: unit scoping of users, forced password change, append-only audit, change notices

Revision ID: 0600
Revises: 0300
Create Date: 2026-11-25 09:15:15.676490
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0600"
down_revision: str | None = "0300"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The audit trail is append-only (HIPAA 45 CFR 164.312(b)): UPDATE and DELETE abort, whoever
# tries. On PostgreSQL the application's own role additionally lacks the privileges (README).
SQLITE_TRIGGERS = (
    """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END""",
    """CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END""",
)

PG_FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$ LANGUAGE plpgsql""",
    # Every change to a patient's record writes an audit event in the same transaction, so one
    # trigger here tells the other workstations (LISTEN transitions_change) what changed, on
    # commit, without any workflow having to remember it. Views are not changes.
    """CREATE OR REPLACE FUNCTION audit_event_notify() RETURNS trigger AS $$
    BEGIN
        IF NEW.action NOT IN ('view', 'sign_in', 'sign_out', 'sign_in_failed', 'export',
                              'print') THEN
            PERFORM pg_notify('transitions_change', json_build_object(
                'schema', current_schema(), 'id', NEW.id, 'patient_id', NEW.patient_id,
                'entity', NEW.entity,
                'entity_id', NEW.entity_id, 'action', NEW.action)::text);
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
)
PG_TRIGGERS = (
    """CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()""",
    """CREATE TRIGGER audit_event_notify AFTER INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_notify()""",
)


def upgrade() -> None:
    op.create_table(
        "user_unit",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_user_unit_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_user_unit_user_id_app_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "unit_id", name=op.f("pk_user_unit")),
    )
    with op.batch_alter_table("user_unit", schema=None) as batch_op:
        batch_op.create_index("ix_user_unit_unit", ["unit_id"], unique=False)

    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )

    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    else:
        for statement in PG_FUNCTIONS + PG_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_event_notify ON audit_event")
        op.execute("DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS audit_event_notify()")
        op.execute("DROP FUNCTION IF EXISTS audit_event_append_only()")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
    with op.batch_alter_table("user_unit", schema=None) as batch_op:
        batch_op.drop_index("ix_user_unit_unit")
    op.drop_table("user_unit")
