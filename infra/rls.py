"""Row-level security: the second wall behind the services' scoping. Used by migrations."""

from alembic import op

TENANT_MATCH = "tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid"


def enable_tenant_rls(table: str, also: str | None = None) -> None:
    """Only rows of the transaction's park are visible or writable. `also` widens reads, only reads, narrowly."""
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY tenant_isolation ON {table} USING ({TENANT_MATCH}) WITH CHECK ({TENANT_MATCH})")
    if also:
        # A policy of its own: in tenant_isolation's USING it would let the rows it admits be deleted too.
        op.execute(f"CREATE POLICY tenant_isolation_read ON {table} FOR SELECT USING ({also})")


def disable_tenant_rls(table: str) -> None:
    op.execute(f"DROP POLICY IF EXISTS tenant_isolation_read ON {table}")
    op.execute(f"DROP POLICY IF EXISTS tenant_isolation ON {table}")
    op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
