"""Row-level security: the second wall behind the services' scoping. Used by migrations."""

from alembic import op

TENANT_MATCH = "tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid"


def enable_tenant_rls(table: str, also: str | None = None) -> None:
    """Only rows of the transaction's park are visible or writable. `also` widens reads narrowly."""
    using = f"({TENANT_MATCH}) OR ({also})" if also else TENANT_MATCH
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY tenant_isolation ON {table} USING ({using}) WITH CHECK ({TENANT_MATCH})")


def disable_tenant_rls(table: str) -> None:
    op.execute(f"DROP POLICY IF EXISTS tenant_isolation ON {table}")
    op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
