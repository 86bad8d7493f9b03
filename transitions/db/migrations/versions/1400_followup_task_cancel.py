"""A cancelled discharge (ADT A13) cancels its open follow-up tasks instead of leaving them due,
and the next discharge gets fresh ones: "one task of a kind per stay" becomes "at most one task
of a kind per stay that is not cancelled" (a partial unique index, which SQLite and PostgreSQL
both enforce), with a plain (encounter_id, kind) index for reading a stay's tasks.

Revision ID: 1400
Revises: 1350
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1400"
down_revision: str | None = "1350"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same text as transitions.db.followup_models.ACTIVE_TASK (a migration keeps its own copy).
ACTIVE_TASK = "status <> 'cancelled'"


def upgrade() -> None:
    with op.batch_alter_table("followup_task", schema=None) as batch_op:
        batch_op.drop_constraint("uq_followup_task_encounter_kind", type_="unique")
        batch_op.create_index(
            "ix_followup_task_encounter", ["encounter_id", "kind"], unique=False
        )
    active = sa.text(ACTIVE_TASK)
    op.create_index(
        "uq_followup_task_active",
        "followup_task",
        ["encounter_id", "kind"],
        unique=True,
        sqlite_where=active,
        postgresql_where=active,
    )


def downgrade() -> None:
    # The older schema holds one task of a kind per stay: a stay discharged again after a
    # cancelled discharge has two (the cancelled one and its new one); going back would have to
    # delete follow-up history, so it is refused.
    twice = op.get_bind().execute(
        sa.text(
            "SELECT COUNT(*) FROM (SELECT encounter_id, kind FROM followup_task "
            "GROUP BY encounter_id, kind HAVING COUNT(*) > 1) AS repeated"
        )
    )
    count = twice.scalar() or 0
    if count:
        raise RuntimeError(
            f"cannot downgrade below 1400: {count} stay task(s) were created again after a "
            "cancelled discharge, which the older schema cannot hold"
        )
    op.drop_index("uq_followup_task_active", table_name="followup_task")
    with op.batch_alter_table("followup_task", schema=None) as batch_op:
        batch_op.drop_index("ix_followup_task_encounter")
        batch_op.create_unique_constraint(
            "uq_followup_task_encounter_kind", ["encounter_id", "kind"]
        )
