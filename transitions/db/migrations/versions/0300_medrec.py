"""Medication reconciliation: decisions, acknowledgements, sign-offs, site drugs.

Revision ID: 0300
Revises: 0002
Create Date: 2026-11-25 09:14:58.534805
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import transitions.db.base


revision: str = '0300'
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('site_drug',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('generic', sa.String(length=200), nullable=False),
    sa.Column('ingredients', sa.String(length=400), nullable=False),
    sa.Column('brands', sa.String(length=400), nullable=False),
    sa.Column('synonyms', sa.String(length=400), nullable=False),
    sa.Column('rxcui', sa.String(length=200), nullable=False),
    sa.Column('classes', sa.String(length=400), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('created_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_drug')),
    sa.UniqueConstraint('name_key', name=op.f('uq_site_drug_name_key'))
    )
    op.create_table('medrec_acknowledgement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('encounter_id', sa.Integer(), nullable=False),
    sa.Column('problem_key', sa.String(length=200), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=400), nullable=False),
    sa.Column('acknowledged_by_id', sa.Integer(), nullable=True),
    sa.Column('acknowledged_by_name', sa.String(length=120), nullable=False),
    sa.Column('acknowledged_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['acknowledged_by_id'], ['app_user.id'], name=op.f('fk_medrec_acknowledgement_acknowledged_by_id_app_user')),
    sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name=op.f('fk_medrec_acknowledgement_encounter_id_encounter'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_medrec_acknowledgement')),
    sa.UniqueConstraint('encounter_id', 'problem_key', name=op.f('uq_medrec_acknowledgement_encounter_id'))
    )
    op.create_table('medrec_reconciliation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('encounter_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'signed', 'verified', name='medrec_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('signed_by_id', sa.Integer(), nullable=True),
    sa.Column('signed_by_name', sa.String(length=120), nullable=True),
    sa.Column('signed_at', transitions.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('second_signed_by_id', sa.Integer(), nullable=True),
    sa.Column('second_signed_by_name', sa.String(length=120), nullable=True),
    sa.Column('second_signed_at', transitions.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name=op.f('fk_medrec_reconciliation_encounter_id_encounter'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['second_signed_by_id'], ['app_user.id'], name=op.f('fk_medrec_reconciliation_second_signed_by_id_app_user')),
    sa.ForeignKeyConstraint(['signed_by_id'], ['app_user.id'], name=op.f('fk_medrec_reconciliation_signed_by_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_medrec_reconciliation')),
    sa.UniqueConstraint('encounter_id', name=op.f('uq_medrec_reconciliation_encounter_id'))
    )
    op.create_table('medrec_signed_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('encounter_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('signed_by_name', sa.String(length=120), nullable=False),
    sa.Column('signed_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('second_signed_by_name', sa.String(length=120), nullable=True),
    sa.Column('second_signed_at', transitions.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reopened_by_name', sa.String(length=120), nullable=True),
    sa.Column('reopened_at', transitions.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reopen_reason', sa.String(length=400), nullable=True),
    sa.Column('created_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name=op.f('fk_medrec_signed_version_encounter_id_encounter'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_medrec_signed_version')),
    sa.UniqueConstraint('encounter_id', 'revision', name=op.f('uq_medrec_signed_version_encounter_id'))
    )
    op.create_table('medrec_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('encounter_id', sa.Integer(), nullable=False),
    sa.Column('source_entry_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('continue', 'change', 'stop', 'new', 'added', name='medrec_decision_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('drug_name', sa.String(length=200), nullable=True),
    sa.Column('dose', sa.String(length=40), nullable=True),
    sa.Column('route', sa.String(length=40), nullable=True),
    sa.Column('frequency', sa.String(length=60), nullable=True),
    sa.Column('form', sa.String(length=40), nullable=True),
    sa.Column('prn', sa.Boolean(), nullable=False),
    sa.Column('indication', sa.String(length=200), nullable=True),
    sa.Column('duration_days', sa.Integer(), nullable=True),
    sa.Column('instructions', sa.String(length=300), nullable=True),
    sa.Column('sig_text', sa.String(length=300), nullable=True),
    sa.Column('sig_unparsed', sa.String(length=300), nullable=True),
    sa.Column('reason_code', sa.String(length=40), nullable=True),
    sa.Column('reason', sa.String(length=400), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_by_name', sa.String(length=120), nullable=False),
    sa.Column('decided_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['app_user.id'], name=op.f('fk_medrec_decision_decided_by_id_app_user')),
    sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name=op.f('fk_medrec_decision_encounter_id_encounter'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_entry_id'], ['medication_entry.id'], name=op.f('fk_medrec_decision_source_entry_id_medication_entry'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_medrec_decision')),
    sa.UniqueConstraint('source_entry_id', name=op.f('uq_medrec_decision_source_entry_id'))
    )
    with op.batch_alter_table('medrec_decision', schema=None) as batch_op:
        batch_op.create_index('ix_medrec_decision_encounter', ['encounter_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('medrec_decision', schema=None) as batch_op:
        batch_op.drop_index('ix_medrec_decision_encounter')

    op.drop_table('medrec_decision')
    op.drop_table('medrec_signed_version')
    op.drop_table('medrec_reconciliation')
    op.drop_table('medrec_acknowledgement')
    op.drop_table('site_drug')
