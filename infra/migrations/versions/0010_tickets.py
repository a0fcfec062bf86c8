"""tickets: taxonomy, tickets, timeline, watchers, attachments, extension requests, SLA policies

Revision ID: 0010
Revises: 0002
Create Date: 2026-11-23 11:07:20.155960
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql
from redchain.infra import rls

revision = '0010'
down_revision = '0002'
branch_labels = None
depends_on = None

TABLES = (
    "ticket_categories", "ticket_sla_policies", "tickets", "ticket_attachments", "ticket_events",
    "ticket_extension_requests", "ticket_watchers",
)


def upgrade() -> None:
    op.create_table('ticket_categories',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('parent_id', sa.Uuid(), nullable=True),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['tenant_id', 'parent_id'], ['ticket_categories.tenant_id', 'ticket_categories.id'], name=op.f('fk_ticket_categories_tenant_id_parent_id_ticket_categories')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_ticket_categories_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_ticket_categories')),
    sa.UniqueConstraint('tenant_id', 'code', name=op.f('uq_ticket_categories_tenant_id_code'))
    )
    op.create_index('ix_ticket_categories_tenant_id_parent_id', 'ticket_categories', ['tenant_id', 'parent_id'], unique=False)
    op.create_table('ticket_sla_policies',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('priority', sa.String(length=16), nullable=False),
    sa.Column('first_response_minutes', sa.Integer(), nullable=False),
    sa.Column('resolution_minutes', sa.Integer(), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_ticket_sla_policies_tenant_id_tenants')),
    sa.ForeignKeyConstraint(['updated_by'], ['users.id'], name=op.f('fk_ticket_sla_policies_updated_by_users')),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_ticket_sla_policies')),
    sa.UniqueConstraint('tenant_id', 'priority', name=op.f('uq_ticket_sla_policies_tenant_id_priority'))
    )
    op.create_table('tickets',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('enterprise_id', sa.Uuid(), nullable=False),
    sa.Column('chain_id', sa.Uuid(), nullable=True),
    sa.Column('category_id', sa.Uuid(), nullable=False),
    sa.Column('aspect_id', sa.Uuid(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
    sa.Column('priority', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('raised_by', sa.Uuid(), nullable=False),
    sa.Column('on_behalf', sa.Boolean(), nullable=False),
    sa.Column('visit_id', sa.Uuid(), nullable=True),
    sa.Column('assignee_user_id', sa.Uuid(), nullable=True),
    sa.Column('duplicate_of_id', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('first_responded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('first_response_target', sa.Integer(), nullable=False),
    sa.Column('resolution_target', sa.Integer(), nullable=False),
    sa.Column('sla_paused_seconds', sa.Integer(), nullable=False),
    sa.Column('sla_paused_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sla_extension_seconds', sa.Integer(), nullable=False),
    sa.Column('first_response_warn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('first_response_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution_warn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('admin_escalation_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sla_done', sa.SmallInteger(), nullable=False),
    sa.Column('escalation_level', sa.SmallInteger(), nullable=False),
    sa.Column('sla_next_at', sa.DateTime(timezone=True), sa.Computed("CASE WHEN status IN ('NEW', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED') THEN LEAST(CASE WHEN first_responded_at IS NULL AND sla_done & 1 = 0 THEN first_response_warn_at END, CASE WHEN first_responded_at IS NULL AND sla_done & 2 = 0 THEN first_response_due_at END, CASE WHEN sla_done & 4 = 0 THEN resolution_warn_at END, CASE WHEN sla_done & 8 = 0 THEN resolution_due_at END, CASE WHEN sla_done & 16 = 0 THEN admin_escalation_at END) END", persisted=True), nullable=True),
    sa.Column('resolution_seconds', sa.Integer(), nullable=True),
    sa.Column('satisfaction_rating', sa.SmallInteger(), nullable=True),
    sa.Column('satisfaction_comment', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('reminder_count', sa.Integer(), nullable=False),
    sa.CheckConstraint('satisfaction_rating BETWEEN 1 AND 5', name=op.f('ck_tickets_satisfaction_rating')),
    sa.ForeignKeyConstraint(['assignee_user_id'], ['users.id'], name=op.f('fk_tickets_assignee_user_id_users')),
    sa.ForeignKeyConstraint(['raised_by'], ['users.id'], name=op.f('fk_tickets_raised_by_users')),
    sa.ForeignKeyConstraint(['tenant_id', 'aspect_id'], ['ticket_categories.tenant_id', 'ticket_categories.id'], name=op.f('fk_tickets_tenant_id_aspect_id_ticket_categories')),
    sa.ForeignKeyConstraint(['tenant_id', 'category_id'], ['ticket_categories.tenant_id', 'ticket_categories.id'], name=op.f('fk_tickets_tenant_id_category_id_ticket_categories')),
    sa.ForeignKeyConstraint(['tenant_id', 'chain_id'], ['industry_chains.tenant_id', 'industry_chains.id'], name=op.f('fk_tickets_tenant_id_chain_id_industry_chains')),
    sa.ForeignKeyConstraint(['tenant_id', 'duplicate_of_id'], ['tickets.tenant_id', 'tickets.id'], name=op.f('fk_tickets_tenant_id_duplicate_of_id_tickets')),
    sa.ForeignKeyConstraint(['tenant_id', 'enterprise_id'], ['enterprises.tenant_id', 'enterprises.id'], name=op.f('fk_tickets_tenant_id_enterprise_id_enterprises')),
    sa.ForeignKeyConstraint(['tenant_id', 'visit_id'], ['liaison_visits.tenant_id', 'liaison_visits.id'], name=op.f('fk_tickets_tenant_id_visit_id_liaison_visits')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_tickets_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_tickets'))
    )
    op.create_index('ix_tickets_resolved_awaiting', 'tickets', ['resolved_at'], unique=False, postgresql_where=sa.text("status = 'RESOLVED'"))
    op.create_index('ix_tickets_sla_next_at', 'tickets', ['sla_next_at', 'tenant_id'], unique=False, postgresql_where=sa.text('sla_next_at IS NOT NULL'))
    op.create_index('ix_tickets_tenant_id_assignee_user_id', 'tickets', ['tenant_id', 'assignee_user_id'], unique=False)
    op.create_index('ix_tickets_tenant_id_chain_id_created_at', 'tickets', ['tenant_id', 'chain_id', 'created_at'], unique=False)
    op.create_index('ix_tickets_tenant_id_created_at', 'tickets', ['tenant_id', 'created_at'], unique=False)
    op.create_index('ix_tickets_tenant_id_enterprise_id_created_at', 'tickets', ['tenant_id', 'enterprise_id', 'created_at'], unique=False)
    op.create_index('ix_tickets_tenant_id_resolved_at', 'tickets', ['tenant_id', 'resolved_at'], unique=False)
    op.create_table('ticket_attachments',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('filename', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('content_type', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('storage_key', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('uploaded_by', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'ticket_id'], ['tickets.tenant_id', 'tickets.id'], name=op.f('fk_ticket_attachments_tenant_id_ticket_id_tickets')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_ticket_attachments_tenant_id_tenants')),
    sa.ForeignKeyConstraint(['uploaded_by'], ['users.id'], name=op.f('fk_ticket_attachments_uploaded_by_users')),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_ticket_attachments'))
    )
    op.create_index('ix_ticket_attachments_tenant_id_ticket_id', 'ticket_attachments', ['tenant_id', 'ticket_id'], unique=False)
    op.create_table('ticket_events',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seq', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('visibility', sa.String(length=16), nullable=False),
    sa.Column('author_user_id', sa.Uuid(), nullable=True),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=True),
    sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'ticket_id'], ['tickets.tenant_id', 'tickets.id'], name=op.f('fk_ticket_events_tenant_id_ticket_id_tickets')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_ticket_events_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_ticket_events'))
    )
    op.create_index('ix_ticket_events_tenant_id_ticket_id_seq', 'ticket_events', ['tenant_id', 'ticket_id', 'seq'], unique=False)
    op.create_table('ticket_extension_requests',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('requested_by', sa.Uuid(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('extra_seconds', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decided_by', sa.Uuid(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_note', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['decided_by'], ['users.id'], name=op.f('fk_ticket_extension_requests_decided_by_users')),
    sa.ForeignKeyConstraint(['requested_by'], ['users.id'], name=op.f('fk_ticket_extension_requests_requested_by_users')),
    sa.ForeignKeyConstraint(['tenant_id', 'ticket_id'], ['tickets.tenant_id', 'tickets.id'], name=op.f('fk_ticket_extension_requests_tenant_id_ticket_id_tickets')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_ticket_extension_requests_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_ticket_extension_requests'))
    )
    op.create_index('ix_ticket_extension_requests_tenant_id_ticket_id', 'ticket_extension_requests', ['tenant_id', 'ticket_id'], unique=False)
    op.create_index('uq_ticket_extension_requests_pending', 'ticket_extension_requests', ['tenant_id', 'ticket_id'], unique=True, postgresql_where=sa.text("status = 'PENDING'"))
    op.create_table('ticket_watchers',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'ticket_id'], ['tickets.tenant_id', 'tickets.id'], name=op.f('fk_ticket_watchers_tenant_id_ticket_id_tickets')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_ticket_watchers_tenant_id_tenants')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_ticket_watchers_user_id_users')),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_ticket_watchers')),
    sa.UniqueConstraint('tenant_id', 'ticket_id', 'user_id', name=op.f('uq_ticket_watchers_tenant_id_ticket_id_user_id'))
    )
    for table in TABLES:
        rls.enable_tenant_rls(table)


def downgrade() -> None:
    for table in TABLES:
        rls.disable_tenant_rls(table)
    op.drop_table('ticket_watchers')
    op.drop_index('uq_ticket_extension_requests_pending', table_name='ticket_extension_requests', postgresql_where=sa.text("status = 'PENDING'"))
    op.drop_index('ix_ticket_extension_requests_tenant_id_ticket_id', table_name='ticket_extension_requests')
    op.drop_table('ticket_extension_requests')
    op.drop_index('ix_ticket_events_tenant_id_ticket_id_seq', table_name='ticket_events')
    op.drop_table('ticket_events')
    op.drop_index('ix_ticket_attachments_tenant_id_ticket_id', table_name='ticket_attachments')
    op.drop_table('ticket_attachments')
    op.drop_index('ix_tickets_tenant_id_resolved_at', table_name='tickets')
    op.drop_index('ix_tickets_tenant_id_enterprise_id_created_at', table_name='tickets')
    op.drop_index('ix_tickets_tenant_id_created_at', table_name='tickets')
    op.drop_index('ix_tickets_tenant_id_chain_id_created_at', table_name='tickets')
    op.drop_index('ix_tickets_tenant_id_assignee_user_id', table_name='tickets')
    op.drop_index('ix_tickets_sla_next_at', table_name='tickets', postgresql_where=sa.text('sla_next_at IS NOT NULL'))
    op.drop_index('ix_tickets_resolved_awaiting', table_name='tickets', postgresql_where=sa.text("status = 'RESOLVED'"))
    op.drop_table('tickets')
    op.drop_table('ticket_sla_policies')
    op.drop_index('ix_ticket_categories_tenant_id_parent_id', table_name='ticket_categories')
    op.drop_table('ticket_categories')
