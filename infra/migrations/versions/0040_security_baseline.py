"""security baseline: authorization version, forced password change, password history, account lock

Revision ID: 0040
Revises: 0050
Create Date: 2026-12-01 09:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0040"
down_revision = "0050"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("auth_version", sa.Integer(), server_default="0", nullable=False))
    op.add_column("users", sa.Column("must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column(
        "users",
        sa.Column("previous_password_hashes", sa.ARRAY(sa.String(length=200)), server_default="{}", nullable=False),
    )
    op.add_column("users", sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False))
    op.add_column("users", sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index(
        "ix_audit_log_security_events",
        "audit_log",
        ["tenant_id", "created_at"],
        unique=False,
        postgresql_where=sa.text("action LIKE 'security.%'"),
    )


def downgrade() -> None:
    op.drop_index("ix_audit_log_security_events", table_name="audit_log", postgresql_where=sa.text("action LIKE 'security.%'"))
    for column in ("locked_at", "failed_logins", "previous_password_hashes", "must_change_password", "auth_version"):
        op.drop_column("users", column)
