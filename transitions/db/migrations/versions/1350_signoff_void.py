"""A cancelled discharge (ADT A13) voids the nurse's sign-off instead of leaving it standing:
``voided_at``, ``voided_by_name``, ``voided_reason`` on discharge_signoff, and "one sign-off per
stay" becomes "at most one sign-off per stay that is not voided" (a partial unique index, which
SQLite and PostgreSQL both enforce), so the stay can be signed off again after a new discharge.

Revision ID: 1350
Revises: 1300
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import transitions.db.base

revision: str = "1350"
down_revision: str | None = "1300"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same text as transitions.db.discharge_models.ACTIVE_SIGNOFF (a migration keeps its own copy).
ACTIVE_SIGNOFF = "voided_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("discharge_signoff", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("voided_at", transitions.db.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("voided_by_name", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("voided_reason", sa.String(length=400), nullable=True))
        batch_op.drop_constraint("uq_discharge_signoff_encounter_id", type_="unique")
        batch_op.create_index("ix_discharge_signoff_encounter", ["encounter_id"], unique=False)
    active = sa.text(ACTIVE_SIGNOFF)
    op.create_index(
        "uq_discharge_signoff_active",
        "discharge_signoff",
        ["encounter_id"],
        unique=True,
        sqlite_where=active,
        postgresql_where=active,
    )


def downgrade() -> None:
    # The older schema holds one sign-off per stay and cannot say that one was voided: going
    # back would drop the voiding of a legal record (or fail on a stay signed off twice).
    voided = op.get_bind().execute(
        sa.text("SELECT COUNT(*) FROM discharge_signoff WHERE voided_at IS NOT NULL")
    )
    count = voided.scalar() or 0
    if count:
        raise RuntimeError(
            f"cannot downgrade below 1350: {count} discharge sign-off(s) were voided by a "
            "cancelled discharge, which the older schema cannot record"
        )
    op.drop_index("uq_discharge_signoff_active", table_name="discharge_signoff")
    with op.batch_alter_table("discharge_signoff", schema=None) as batch_op:
        batch_op.drop_index("ix_discharge_signoff_encounter")
        batch_op.create_unique_constraint("uq_discharge_signoff_encounter_id", ["encounter_id"])
        batch_op.drop_column("voided_reason")
        batch_op.drop_column("voided_by_name")
        batch_op.drop_column("voided_at")
