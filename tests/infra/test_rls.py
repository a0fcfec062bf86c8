"""Row-level security, the second wall: raw SQL through the app role, with no service scoping at all."""

import uuid
from typing import Any

import pytest
import pytest_asyncio
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from redchain.infra.db import Database
from redchain.infra.model_registry import metadata
from redchain.infra.models_base import GLOBAL_TABLES
from redchain.infra.outbox import OutboxEvent, ProcessedEvent
from redchain.infra.settings import Settings
from redchain.services.audit.models import AuditEntry
from redchain.services.notifications.models import Notification
from redchain.services.permissions import Role
from redchain.services.tenancy.models import ApiKey, Membership, Tenant, User
from tests.factories import create_member, create_park, create_user

INSUFFICIENT_PRIVILEGE = "42501"  # both "violates row-level security policy" and "permission denied"
TENANT_TABLES = sorted(set(metadata.tables) - GLOBAL_TABLES)


def one_row_per_table(park_id: uuid.UUID, user: User) -> list[SQLModel]:
    """A row of `park_id` in each table of the foundation (memberships come from the factory)."""
    return [
        ApiKey(tenant_id=park_id, name="erp", secret_hash="0" * 64, scopes=["audit:read"]),
        AuditEntry(tenant_id=park_id, action="test.seed", object_type="Test"),
        OutboxEvent(tenant_id=park_id, event_type="test.seeded", payload={}),
        ProcessedEvent(tenant_id=park_id, event_id=uuid.uuid4(), handler="test"),
        Notification(tenant_id=park_id, recipient_id=user.id, event_id=uuid.uuid4(), kind="test", data={}),
    ]


@pytest_asyncio.fixture(scope="module")
async def two_parks(db: Database) -> tuple[Tenant, Tenant, User]:
    """Parks A and B, each with a row in every foundation table, and a user who is a member of both."""
    park_a, park_b = await create_park(db), await create_park(db)
    both = await create_user(db)
    for park in (park_a, park_b):
        await create_member(db, park, Role.AUDITOR, both)
        await create_member(db, park, Role.PARK_ADMIN)
        async with db.transaction(park.id) as session:
            session.add_all(one_row_per_table(park.id, both))
    return park_a, park_b, both


async def tenant_ids(db: Database, table: str, tenant: uuid.UUID | None, user: uuid.UUID | None = None) -> list[Any]:
    async with db.transaction(tenant, user) as session:
        return list((await session.execute(sa.text(f"SELECT tenant_id FROM {table}"))).scalars())


def sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


@pytest.mark.parametrize(
    "table", ["memberships", "api_keys", "audit_log", "outbox", "processed_events", "notifications"]
)
async def test_a_park_sees_only_its_own_rows(db: Database, two_parks: tuple[Tenant, Tenant, User], table: str) -> None:
    park_a, park_b, _ = two_parks
    seen_by_a = await tenant_ids(db, table, park_a.id)
    assert park_a.id in seen_by_a
    assert set(seen_by_a) == {park_a.id}
    assert set(await tenant_ids(db, table, park_b.id)) == {park_b.id}


@pytest.mark.parametrize("table", TENANT_TABLES)
async def test_without_a_park_nothing_is_visible(
    db: Database, two_parks: tuple[Tenant, Tenant, User], table: str
) -> None:
    assert await tenant_ids(db, table, None) == []


async def test_a_person_reads_their_own_memberships_in_every_park(
    db: Database, two_parks: tuple[Tenant, Tenant, User]
) -> None:
    park_a, park_b, both = two_parks
    async with db.transaction(park_a.id, both.id) as session:
        rows = (await session.execute(sa.text("SELECT tenant_id, user_id FROM memberships"))).all()

    others_in_b = [r for r in rows if r.tenant_id == park_b.id and r.user_id != both.id]
    assert {r.tenant_id for r in rows} == {park_a.id, park_b.id}
    assert others_in_b == []


async def test_own_membership_in_another_park_is_readable_but_not_writable(
    db: Database, two_parks: tuple[Tenant, Tenant, User]
) -> None:
    park_a, park_b, both = two_parks
    async with db.transaction(park_a.id, both.id) as session:
        where = {"park": park_b.id, "user": both.id}
        deleted = await session.execute(
            sa.text("DELETE FROM memberships WHERE tenant_id = :park AND user_id = :user"), where
        )
        updated = await session.execute(
            sa.text("UPDATE memberships SET revoked_at = now() WHERE tenant_id = :park AND user_id = :user"), where
        )
    assert (deleted.rowcount, updated.rowcount) == (0, 0)  # type: ignore[attr-defined]
    assert park_b.id in await tenant_ids(db, "memberships", park_b.id)


@pytest.mark.parametrize("table", ["memberships", "api_keys", "outbox", "processed_events", "notifications"])
async def test_another_parks_rows_cannot_be_changed(
    db: Database, two_parks: tuple[Tenant, Tenant, User], table: str
) -> None:
    park_a, park_b, _ = two_parks
    async with db.transaction(park_a.id) as session:
        updated = await session.execute(
            sa.text(f"UPDATE {table} SET created_at = now() WHERE tenant_id = :b"), {"b": park_b.id}
        )
        deleted = await session.execute(sa.text(f"DELETE FROM {table} WHERE tenant_id = :b"), {"b": park_b.id})
    assert (updated.rowcount, deleted.rowcount) == (0, 0)  # type: ignore[attr-defined]
    assert set(await tenant_ids(db, table, park_b.id)) == {park_b.id}


async def test_writing_a_row_of_another_park_fails(db: Database, two_parks: tuple[Tenant, Tenant, User]) -> None:
    park_a, park_b, both = two_parks
    for row in [
        Membership(tenant_id=park_b.id, user_id=both.id, role=Role.FINANCE_OFFICER),
        *one_row_per_table(park_b.id, both),
    ]:
        with pytest.raises(DBAPIError) as refused:
            async with db.transaction(park_a.id) as session:
                session.add(row)
                await session.flush()
        assert sqlstate(refused.value) == INSUFFICIENT_PRIVILEGE, type(row).__name__


async def test_moving_a_row_to_another_park_fails(db: Database, two_parks: tuple[Tenant, Tenant, User]) -> None:
    park_a, park_b, _ = two_parks
    with pytest.raises(DBAPIError) as refused:
        async with db.transaction(park_a.id) as session:
            await session.execute(sa.text("UPDATE outbox SET tenant_id = :b"), {"b": park_b.id})
    assert sqlstate(refused.value) == INSUFFICIENT_PRIVILEGE


async def test_without_a_park_nothing_can_be_written(db: Database, two_parks: tuple[Tenant, Tenant, User]) -> None:
    park_a, _, both = two_parks
    with pytest.raises(DBAPIError) as refused:
        async with db.transaction() as session:
            session.add(one_row_per_table(park_a.id, both)[0])
            await session.flush()
    assert sqlstate(refused.value) == INSUFFICIENT_PRIVILEGE


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log", "TRUNCATE audit_log"]
)
async def test_the_audit_log_is_append_only(
    db: Database, two_parks: tuple[Tenant, Tenant, User], statement: str
) -> None:
    park_a, _, _ = two_parks
    with pytest.raises(DBAPIError) as refused:
        async with db.transaction(park_a.id) as session:
            await session.execute(sa.text(statement))
    assert sqlstate(refused.value) == INSUFFICIENT_PRIVILEGE


async def test_the_app_role_owns_nothing_and_bypasses_nothing(db: Database, settings: Settings) -> None:
    async with db.transaction() as session:
        role = await session.scalar(sa.text("SELECT current_user"))
        owned = (
            (
                await session.execute(
                    sa.text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")
                )
            )
            .scalars()
            .all()
        )
        privileged = (
            await session.execute(
                sa.text(
                    "SELECT rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb FROM pg_roles "
                    "WHERE rolname = current_user"
                )
            )
        ).scalar_one()
    assert role == settings.app_db_role
    assert owned == []
    assert privileged is False


async def test_the_app_role_cannot_touch_the_migration_state(db: Database) -> None:
    with pytest.raises(DBAPIError) as refused:
        async with db.transaction() as session:
            await session.execute(sa.text("SELECT * FROM alembic_version"))
    assert sqlstate(refused.value) == INSUFFICIENT_PRIVILEGE
