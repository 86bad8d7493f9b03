"""Interoperability: inbound messages (raw), quarantine, patient and visit identifiers by authority.

Revision ID: 0500
Revises: 0800
Create Date: 2026-11-25 09:16:41.451496
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import transitions.db.base


revision: str = '0500'
down_revision: str | None = "0800"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('interop_patient_identifier',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('authority', sa.String(length=200), nullable=False),
    sa.Column('value', sa.String(length=80), nullable=False),
    sa.Column('created_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_interop_patient_identifier_patient_id_patient'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interop_patient_identifier')),
    sa.UniqueConstraint('authority', 'value', name='uq_interop_patient_identifier_authority')
    )
    with op.batch_alter_table('interop_patient_identifier', schema=None) as batch_op:
        batch_op.create_index('ix_interop_patient_identifier_patient', ['patient_id'], unique=False)

    op.create_table('interop_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('protocol', sa.Enum('hl7v2', 'fhir', name='message_protocol', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('received_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('control_id', sa.String(length=64), nullable=True),
    sa.Column('message_type', sa.String(length=40), nullable=True),
    sa.Column('status', sa.Enum('received', 'processed', 'duplicate', 'ignored', 'quarantined', name='message_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('processed_at', transitions.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('warnings', sa.Text(), nullable=True),
    sa.Column('patient_id', sa.Integer(), nullable=True),
    sa.Column('encounter_id', sa.Integer(), nullable=True),
    sa.Column('created_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name=op.f('fk_interop_message_encounter_id_encounter')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_interop_message_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interop_message'))
    )
    with op.batch_alter_table('interop_message', schema=None) as batch_op:
        batch_op.create_index('ix_interop_message_digest', ['digest'], unique=False)
        batch_op.create_index('ix_interop_message_encounter', ['encounter_id'], unique=False)
        batch_op.create_index('ix_interop_message_status', ['status'], unique=False)

    op.create_table('interop_visit_identifier',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('encounter_id', sa.Integer(), nullable=False),
    sa.Column('authority', sa.String(length=200), nullable=False),
    sa.Column('value', sa.String(length=80), nullable=False),
    sa.Column('created_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name=op.f('fk_interop_visit_identifier_encounter_id_encounter'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interop_visit_identifier')),
    sa.UniqueConstraint('authority', 'value', name='uq_interop_visit_identifier_authority')
    )
    with op.batch_alter_table('interop_visit_identifier', schema=None) as batch_op:
        batch_op.create_index('ix_interop_visit_identifier_encounter', ['encounter_id'], unique=False)

    op.create_table('interop_quarantine',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('quarantined_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ack_code', sa.String(length=2), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('resolved_at', transitions.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=64), nullable=True),
    sa.Column('created_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', transitions.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['interop_message.id'], name=op.f('fk_interop_quarantine_message_id_interop_message')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interop_quarantine'))
    )
    with op.batch_alter_table('interop_quarantine', schema=None) as batch_op:
        batch_op.create_index('ix_interop_quarantine_open', ['resolved_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('interop_quarantine', schema=None) as batch_op:
        batch_op.drop_index('ix_interop_quarantine_open')

    op.drop_table('interop_quarantine')
    with op.batch_alter_table('interop_visit_identifier', schema=None) as batch_op:
        batch_op.drop_index('ix_interop_visit_identifier_encounter')

    op.drop_table('interop_visit_identifier')
    with op.batch_alter_table('interop_message', schema=None) as batch_op:
        batch_op.drop_index('ix_interop_message_status')
        batch_op.drop_index('ix_interop_message_encounter')
        batch_op.drop_index('ix_interop_message_digest')

    op.drop_table('interop_message')
    with op.batch_alter_table('interop_patient_identifier', schema=None) as batch_op:
        batch_op.drop_index('ix_interop_patient_identifier_patient')

    op.drop_table('interop_patient_identifier')
