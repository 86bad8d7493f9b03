"""Indexes chosen from the benchmarks (issue 11): partial indexes of current stays for the
worklist's display order; a stay's readmissions.

Revision ID: 1200
Revises: 1050
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1200"
down_revision: str | None = "1050"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same text as transitions.db.models.CURRENT_STAY (a migration keeps its own copy).
CURRENT_STAY = "status IN ('admitted', 'discharge_planned', 'ready')"


def upgrade() -> None:
    current = sa.text(CURRENT_STAY)
    op.create_index(
        "ix_encounter_current_unit_planned",
        "encounter",
        ["unit_id", "planned_discharge_time", "id"],
        sqlite_where=current,
        postgresql_where=current,
    )
    op.create_index(
        "ix_encounter_current_planned",
        "encounter",
        ["planned_discharge_time", "id"],
        sqlite_where=current,
        postgresql_where=current,
    )
    op.create_index("ix_encounter_readmission_of", "encounter", ["readmission_of_id"])


def downgrade() -> None:
    op.drop_index("ix_encounter_readmission_of", table_name="encounter")
    op.drop_index("ix_encounter_current_planned", table_name="encounter")
    op.drop_index("ix_encounter_current_unit_planned", table_name="encounter")
