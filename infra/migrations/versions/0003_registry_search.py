"""registry search views

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:30:00.000000

Substring search (ILIKE) cannot use the pg_trgm indexes under row-level security: ILIKE is not a
LEAKPROOF operator, so PostgreSQL must apply the policy first and filters the park's rows one by one.
These views are owned by the table owner, so the policy does not apply inside them; each repeats the
policy's condition in its own WHERE instead (the same `app.tenant_id` wall), and the search condition
reaches the trigram index. They expose only what search needs.
"""

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TENANT_MATCH = "tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid"
VIEWS = {
    "registry_enterprise_search": "SELECT tenant_id, id, name, credit_code FROM enterprises",
    "registry_organization_search": "SELECT tenant_id, id, name FROM party_organizations",
    "registry_member_search": "SELECT tenant_id, id, name FROM party_members",
}


def upgrade() -> None:
    for view, select in VIEWS.items():
        op.execute(f"CREATE VIEW {view} AS {select} WHERE {TENANT_MATCH}")


def downgrade() -> None:
    for view in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")
