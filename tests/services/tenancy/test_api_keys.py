"""API keys: shown once, stored hashed, scoped, revocable, with a last-used time."""

import uuid

import pytest
import sqlalchemy as sa

from redchain.infra.db import Database
from redchain.infra.security import InvalidToken
from redchain.services.actor import Actor, ActorKind, Grant
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import NotFound, PermissionDenied, TooLong
from redchain.services.permissions import Perm, Role
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.errors import AlreadyRevoked, Required, ScopeNotAllowed
from redchain.services.tenancy.models import ApiKey, Tenant
from tests.factories import actor_for, create_member, create_park


async def _park_with_admin(db: Database) -> tuple[Tenant, Actor]:
    park = await create_park(db)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    return park, actor_for(park, admin, Grant(Role.PARK_ADMIN))


async def _create_key(db: Database, actor: Actor, scopes: list[Perm], name: str = "统计平台") -> tuple[ApiKey, str]:
    async with db.transaction(actor.tenant_id, actor.user_id) as session:
        return await tenancy.create_api_key(session, actor, name, scopes)


async def _authenticate(db: Database, raw: str) -> Actor:
    async with db.transaction(tenancy.parse_api_key(raw)[0]) as session:
        return await tenancy.actor_from_api_key(session, raw)


async def _stored(db: Database, key: ApiKey) -> ApiKey:
    async with db.owner_transaction() as session:
        row = await session.get(ApiKey, (key.tenant_id, key.id))
    assert row is not None
    return row


async def test_key_is_shown_once_and_stored_hashed(db: Database) -> None:
    park, admin = await _park_with_admin(db)

    key, raw = await _create_key(db, admin, [Perm.AUDIT_READ, Perm.AUDIT_READ])

    secret = raw.split("_", 3)[3]
    stored = await _stored(db, key)
    assert raw.startswith(f"rck_{park.id.hex}_{key.id.hex}_")
    assert secret not in str(stored.model_dump()) and len(stored.secret_hash) == 64
    assert stored.scopes == ["audit:read"]
    async with db.owner_transaction() as session:
        [entry] = await session.scalars(sa.select(AuditEntry).where(AuditEntry.object_id == key.id))
    assert entry.action == "security.api_key_create"
    assert entry.after == {"name": "统计平台", "scopes": ["audit:read"], "revoked_at": None}


async def test_key_acts_in_its_park_with_its_scopes_and_records_its_use(db: Database) -> None:
    park, admin = await _park_with_admin(db)
    key, raw = await _create_key(db, admin, [Perm.AUDIT_READ, Perm.MEMBERSHIPS_READ])
    assert key.last_used_at is None

    actor = await _authenticate(db, raw)

    assert (actor.kind, actor.tenant_id, actor.api_key_id, actor.user_id) == (ActorKind.API_KEY, park.id, key.id, None)
    assert actor.permissions == {Perm.AUDIT_READ, Perm.MEMBERSHIPS_READ}
    assert (await _stored(db, key)).last_used_at is not None


@pytest.mark.parametrize("scope", [Perm.MEMBERSHIPS_MANAGE, Perm.API_KEYS_MANAGE])
async def test_a_key_cannot_manage_people_or_keys(db: Database, scope: Perm) -> None:
    park, admin = await _park_with_admin(db)

    with pytest.raises(ScopeNotAllowed) as raised:
        await _create_key(db, admin, [Perm.AUDIT_READ, scope])

    assert raised.value.field == "scopes"
    async with db.transaction(park.id, admin.user_id) as session:
        assert await tenancy.list_api_keys(session, admin) == []


async def test_a_scope_taken_off_the_allowed_list_stops_working(db: Database) -> None:
    _, admin = await _park_with_admin(db)
    key, raw = await _create_key(db, admin, [Perm.AUDIT_READ])
    async with db.owner_transaction() as session:
        await session.execute(
            sa.update(ApiKey)
            .where(ApiKey.id == key.id)
            .values(scopes=["audit:read", "memberships:manage", "no-such-scope"])
        )

    assert (await _authenticate(db, raw)).permissions == {Perm.AUDIT_READ}


@pytest.mark.parametrize(
    ("name", "scopes", "error"),
    [
        ("  ", [Perm.AUDIT_READ], Required),
        ("k" * 101, [Perm.AUDIT_READ], TooLong),
        ("无权限", [], Required),
    ],
)
async def test_bad_key_input(db: Database, name: str, scopes: list[Perm], error: type[Exception]) -> None:
    _, admin = await _park_with_admin(db)

    with pytest.raises(error):
        await _create_key(db, admin, scopes, name)


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.PARK_ADMIN])
async def test_only_park_admins_manage_keys(db: Database, role: Role) -> None:
    park, admin = await _park_with_admin(db)
    key, _ = await _create_key(db, admin, [Perm.AUDIT_READ])
    user, _ = await create_member(db, park, role)
    actor = actor_for(park, user, Grant(role))

    with pytest.raises(PermissionDenied):
        await _create_key(db, actor, [Perm.AUDIT_READ])
    async with db.transaction(park.id, user.id) as session:
        with pytest.raises(PermissionDenied):
            await tenancy.revoke_api_key(session, actor, key.id)
        with pytest.raises(PermissionDenied):
            await tenancy.list_api_keys(session, actor)


async def test_revoked_key_stops_working(db: Database) -> None:
    park, admin = await _park_with_admin(db)
    key, raw = await _create_key(db, admin, [Perm.AUDIT_READ])

    async with db.transaction(park.id, admin.user_id) as session:
        await tenancy.revoke_api_key(session, admin, key.id)

    with pytest.raises(InvalidToken):
        await _authenticate(db, raw)
    async with db.transaction(park.id, admin.user_id) as session:
        with pytest.raises(AlreadyRevoked):
            await tenancy.revoke_api_key(session, admin, key.id)
    async with db.owner_transaction() as session:
        [entry] = await session.scalars(
            sa.select(AuditEntry).where(AuditEntry.object_id == key.id, AuditEntry.action == "security.api_key_revoke")
        )
    assert entry.before is not None and entry.before["revoked_at"] is None
    assert entry.after is not None and entry.after["revoked_at"] is not None


async def test_another_parks_key_is_not_found(db: Database) -> None:
    _, other_admin = await _park_with_admin(db)
    foreign, foreign_raw = await _create_key(db, other_admin, [Perm.AUDIT_READ])
    park, admin = await _park_with_admin(db)

    async with db.transaction(park.id, admin.user_id) as session:
        with pytest.raises(NotFound):
            await tenancy.revoke_api_key(session, admin, foreign.id)
    assert (await _authenticate(db, foreign_raw)).tenant_id == foreign.tenant_id


async def test_key_moved_to_another_park_is_refused(db: Database) -> None:
    park, admin = await _park_with_admin(db)
    other = await create_park(db)
    _, raw = await _create_key(db, admin, [Perm.AUDIT_READ])

    with pytest.raises(InvalidToken):
        await _authenticate(db, raw.replace(park.id.hex, other.id.hex))


async def test_wrong_secret_is_refused(db: Database) -> None:
    _, admin = await _park_with_admin(db)
    _, raw = await _create_key(db, admin, [Perm.AUDIT_READ])

    with pytest.raises(InvalidToken):
        await _authenticate(db, raw[:-3] + ("xyz" if not raw.endswith("xyz") else "abc"))


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "rck",
        "rck_",
        "rck_nothex_nothex_secret",
        f"xyz_{uuid.uuid4().hex}_{uuid.uuid4().hex}_secret",
        f"rck_{uuid.uuid4().hex}_{uuid.uuid4().hex}_",
    ],
)
def test_malformed_keys_are_refused(raw: str) -> None:
    with pytest.raises(InvalidToken):
        tenancy.parse_api_key(raw)
