"""A ward's discharges in a date window (the 30-day follow-up list), from one index.

With a hospital's years of history the follow-up list's window (one ward, the last 30 days) is a
few hundred stays among a million: PostgreSQL combined the discharge-time index with the
(unit, status, planned discharge) index, reading every past stay of the ward (259,000 index
entries at 1M encounters) for each of the list's statements; SQLite read every ward's
discharges of the window. Benchmarks (issue 11), benchmarks/README.md.

Revision ID: 1300
Revises: 1200
"""

from collections.abc import Sequence

from alembic import op

revision: str = "1300"
down_revision: str | None = "1200"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_encounter_unit_discharge", "encounter", ["unit_id", "discharge_time"])


def downgrade() -> None:
    op.drop_index("ix_encounter_unit_discharge", table_name="encounter")
