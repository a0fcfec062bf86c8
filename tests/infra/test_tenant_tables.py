"""Every table outside GLOBAL_TABLES is a tenant table: keyed, linked and walled by tenant_id.

The list comes from the model registry, so a table added later is checked without touching this file.
"""

import pytest
import sqlalchemy as sa

from redchain.infra.db import Database
from redchain.infra.model_registry import metadata
from redchain.infra.models_base import GLOBAL_TABLES

TENANT_TABLES = sorted(set(metadata.tables) - GLOBAL_TABLES)


def test_the_registry_has_the_foundation_tables() -> None:
    assert {"memberships", "api_keys", "audit_log", "outbox", "processed_events", "notifications"} <= set(TENANT_TABLES)
    assert {"tenants", "users"} <= set(metadata.tables)


@pytest.mark.parametrize("name", TENANT_TABLES)
def test_primary_key_starts_with_tenant_id(name: str) -> None:
    table = metadata.tables[name]
    assert "tenant_id" in table.c and not table.c.tenant_id.nullable
    key = [c.name for c in table.primary_key.columns]
    assert key[0] == "tenant_id", key
    assert "id" in key, key


@pytest.mark.parametrize("name", TENANT_TABLES)
def test_foreign_keys_to_tenant_tables_include_tenant_id(name: str) -> None:
    for fk in metadata.tables[name].foreign_key_constraints:
        target = fk.referred_table.name
        if target in GLOBAL_TABLES:
            continue
        pairs = {(e.parent.name, e.column.name) for e in fk.elements}
        assert ("tenant_id", "tenant_id") in pairs, f"{name} -> {target} {sorted(pairs)}: use tenant_fk()"


@pytest.mark.parametrize("name", TENANT_TABLES)
def test_unique_constraints_are_per_park(name: str) -> None:
    # A unique key without tenant_id would say whether another park has a value, and cannot be distributed.
    table = metadata.tables[name]
    uniques = [c for c in table.constraints if isinstance(c, sa.UniqueConstraint)]
    uniques += [sa.UniqueConstraint(*i.columns) for i in table.indexes if i.unique]
    for unique in uniques:
        assert "tenant_id" in [c.name for c in unique.columns], f"{name}: {[c.name for c in unique.columns]}"


@pytest.mark.parametrize("name", TENANT_TABLES)
async def test_row_level_security_is_on_with_a_tenant_policy(db: Database, name: str) -> None:
    async with db.owner_transaction() as session:
        enabled = await session.scalar(
            sa.text("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(:t)"), {"t": f"public.{name}"}
        )
        policies = (
            await session.execute(
                sa.text("SELECT cmd, qual, with_check FROM pg_policies WHERE schemaname = 'public' AND tablename = :t"),
                {"t": name},
            )
        ).all()
    assert enabled is True, f"{name}: call rls.enable_tenant_rls in its migration"
    writes = [p for p in policies if p.cmd == "ALL"]
    assert len(writes) == 1, policies
    assert "app.tenant_id" in writes[0].qual and "app.tenant_id" in writes[0].with_check
    # Any other policy only widens reads: never a second way to write.
    assert {p.cmd for p in policies} <= {"ALL", "SELECT"}
