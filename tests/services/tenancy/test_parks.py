"""Creating parks and inviting their first admin: platform admins only."""

import uuid

import pytest
import sqlalchemy as sa

from redchain.infra.db import Database
from redchain.infra.outbox import OutboxEvent
from redchain.services.actor import Actor, Grant
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import DomainError, NotFound, PermissionDenied, TooLong
from redchain.services.permissions import Role
from redchain.services.tenancy import events
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.errors import InvalidParkCode, ParkCodeTaken, Required
from redchain.services.tenancy.models import Tenant
from tests.factories import actor_for, create_member, create_park, create_platform_admin, unique


async def _create_park(db: Database, actor: Actor, code: str, name: str = "长沙高新区") -> Tenant:
    async with db.transaction(actor.tenant_id, actor.user_id) as session:
        return await tenancy.create_park(session, actor, code, name)


async def _invite(db: Database, actor: Actor, park_id: uuid.UUID, email: str) -> tenancy.GrantResult:
    async with db.transaction(actor.tenant_id, actor.user_id) as session:
        return await tenancy.invite_park_admin(session, actor, park_id, email, "园区管理员", None)


async def test_platform_admin_creates_a_park_audited_with_an_event(db: Database) -> None:
    _, admin = await create_platform_admin(db)
    code = unique("Park")

    park = await _create_park(db, admin, f" {code} ", " 长沙高新区 ")

    assert (park.code, park.name) == (code.lower(), "长沙高新区")
    async with db.owner_transaction() as session:
        [entry] = await session.scalars(sa.select(AuditEntry).where(AuditEntry.tenant_id == park.id))
        [event] = await session.scalars(sa.select(OutboxEvent).where(OutboxEvent.tenant_id == park.id))
    assert (entry.action, entry.object_id, entry.actor_user_id) == ("park.create", park.id, admin.user_id)
    assert entry.after == {"code": park.code, "name": "长沙高新区"}
    assert (event.event_type, event.payload) == (events.ParkCreated.name, {"park_id": str(park.id)})


@pytest.mark.parametrize(
    ("code", "name", "error", "field"),
    [
        ("a", "名称", InvalidParkCode, "code"),
        ("-leading-hyphen", "名称", InvalidParkCode, "code"),
        ("under_score", "名称", InvalidParkCode, "code"),
        ("长沙", "名称", InvalidParkCode, "code"),
        ("x" * 65, "名称", InvalidParkCode, "code"),
        ("fine-code", "  ", Required, "name"),
        ("fine-code", "名" * 201, TooLong, "name"),
    ],
)
async def test_bad_park_input(db: Database, code: str, name: str, error: type[DomainError], field: str) -> None:
    _, admin = await create_platform_admin(db)

    with pytest.raises(error) as raised:
        await _create_park(db, admin, code, name)

    assert raised.value.field == field


async def test_park_codes_are_unique_whatever_their_case(db: Database) -> None:
    _, admin = await create_platform_admin(db)
    existing = await create_park(db)

    with pytest.raises(ParkCodeTaken):
        await _create_park(db, admin, existing.code.upper())


async def test_park_admin_of_a_park_cannot_create_or_invite(db: Database) -> None:
    park = await create_park(db)
    user, _ = await create_member(db, park, Role.PARK_ADMIN)
    actor = actor_for(park, user, Grant(Role.PARK_ADMIN))

    with pytest.raises(PermissionDenied):
        await _create_park(db, actor, unique("park"))
    with pytest.raises(PermissionDenied):
        await _invite(db, actor, park.id, f"{unique('a')}@example.cn")


async def test_invite_gives_the_park_its_admin(db: Database) -> None:
    _, platform_admin = await create_platform_admin(db)
    park = await _create_park(db, platform_admin, unique("park"))

    result = await _invite(db, platform_admin, park.id, f"{unique('admin')}@example.cn")

    assert (result.membership.tenant_id, result.membership.role) == (park.id, Role.PARK_ADMIN)
    assert result.temporary_password is not None
    async with db.owner_transaction() as session:
        actions = list(
            await session.scalars(
                sa.select(AuditEntry.action).where(AuditEntry.tenant_id == park.id).order_by(AuditEntry.created_at)
            )
        )
    assert actions == ["park.create", "security.role_grant"]


async def test_invite_to_an_unknown_park_is_not_found(db: Database) -> None:
    _, platform_admin = await create_platform_admin(db)

    with pytest.raises(NotFound) as raised:
        await _invite(db, platform_admin, uuid.uuid4(), f"{unique('admin')}@example.cn")

    assert raised.value.field == "parkId"
