"""registry lists: indexes in their (name, id) order

Revision ID: 0031
Revises: 0030
Create Date: 2026-11-23 12:20:00
"""

from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_enterprises_tenant_id_name_id": "enterprises",
    "ix_party_organizations_tenant_id_name_id": "party_organizations",
    "ix_party_members_tenant_id_name_id": "party_members",
}


def upgrade() -> None:
    for name, table in INDEXES.items():
        op.create_index(name, table, ["tenant_id", "name", "id"], unique=False)


def downgrade() -> None:
    for name, table in INDEXES.items():
        op.drop_index(name, table_name=table)
