"""Granting and revoking memberships: scope rules, duplicates, the last admin, what is written."""

import asyncio
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from redchain.infra.db import Database
from redchain.infra.outbox import OutboxEvent
from redchain.infra.pagination import PageRequest
from redchain.infra.settings import Settings
from redchain.services.actor import Actor, Grant
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import DomainError, NotFound, PermissionDenied, TooLong
from redchain.services.permissions import Role
from redchain.services.tenancy import events
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.errors import (
    AlreadyRevoked,
    DuplicateMembership,
    InvalidEmail,
    LastParkAdmin,
    PasswordTooShort,
    ScopeNotAllowed,
    ScopeRequired,
)
from redchain.services.tenancy.models import Membership, Tenant, User
from redchain.services.tenancy.repository import TenancyRepository
from tests.factories import (
    actor_for,
    create_chain,
    create_enterprise,
    create_member,
    create_park,
    create_user,
    unique,
)

NON_ADMIN_ROLES = [role for role in Role if role is not Role.PARK_ADMIN]


async def _park_with_admin(db: Database) -> tuple[Tenant, Actor]:
    park = await create_park(db)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    return park, actor_for(park, admin, Grant(Role.PARK_ADMIN))


async def _grant(
    db: Database, actor: Actor, email: str, role: Role = Role.AUDITOR, **kwargs: Any
) -> tenancy.GrantResult:
    args: dict[str, Any] = {"display_name": "李四", "chain_id": None, "enterprise_id": None, "password": None}
    async with db.transaction(actor.tenant_id, actor.user_id) as session:
        return await tenancy.grant_membership(session, actor, email=email, role=role, **{**args, **kwargs})


async def _revoke(db: Database, actor: Actor, membership_id: uuid.UUID) -> Membership:
    async with db.transaction(actor.tenant_id, actor.user_id) as session:
        return await tenancy.revoke_membership(session, actor, membership_id)


async def _entries(db: Database, park: Tenant, object_id: uuid.UUID | None = None) -> list[AuditEntry]:
    async with db.owner_transaction() as session:
        stmt = sa.select(AuditEntry).where(AuditEntry.tenant_id == park.id).order_by(AuditEntry.created_at)
        if object_id:
            stmt = stmt.where(AuditEntry.object_id == object_id)
        return list(await session.scalars(stmt))


async def _user(db: Database, email: str) -> User | None:
    async with db.transaction() as session:
        return await TenancyRepository(session).user_by_email(email)


async def test_grant_to_a_new_person_creates_the_account_with_a_temporary_password(
    db: Database, settings: Settings
) -> None:
    park, admin = await _park_with_admin(db)
    email = f"{unique('new')}@Example.cn"

    result = await _grant(db, admin, f" {email} ")

    assert result.user.email == email.lower()
    assert result.temporary_password and result.membership.role == Role.AUDITOR
    async with db.transaction() as session:
        tokens = await tenancy.login(session, settings, email, result.temporary_password, None)
    assert tokens.tenant is not None and tokens.tenant.id == park.id
    [entry] = await _entries(db, park, result.membership.id)
    assert (entry.action, entry.actor_user_id, entry.before) == ("security.role_grant", admin.user_id, None)
    assert entry.after == {
        "user_id": str(result.user.id),
        "role": "AUDITOR",
        "chain_id": None,
        "enterprise_id": None,
        "revoked_at": None,
    }
    assert result.temporary_password not in str(entry.after)
    async with db.owner_transaction() as session:
        event = await session.scalar(
            sa.select(OutboxEvent).where(
                OutboxEvent.tenant_id == park.id, OutboxEvent.event_type == events.MembershipGranted.name
            )
        )
    assert event is not None and event.payload["membership_id"] == str(result.membership.id)


async def test_grant_to_an_existing_account_keeps_its_password(db: Database) -> None:
    _, admin = await _park_with_admin(db)
    user = await create_user(db)

    result = await _grant(db, admin, user.email, password="ignored-for-existing-accounts")

    assert (result.user.id, result.temporary_password) == (user.id, None)


async def test_grant_with_a_chosen_password(db: Database) -> None:
    _, admin = await _park_with_admin(db)

    result = await _grant(db, admin, f"{unique('p')}@example.cn", password="A-long-enough-password")

    assert result.temporary_password is None


async def test_scoped_roles_get_their_chain_or_enterprise(db: Database) -> None:
    park, admin = await _park_with_admin(db)
    chain, enterprise = await create_chain(db, park), await create_enterprise(db, park)

    staff = await _grant(db, admin, f"{unique('s')}@example.cn", Role.CHAIN_STAFF, chain_id=chain.id)
    contact = await _grant(db, admin, f"{unique('c')}@example.cn", Role.ENTERPRISE_CONTACT, enterprise_id=enterprise.id)

    assert (staff.membership.chain_id, staff.membership.enterprise_id) == (chain.id, None)
    assert (contact.membership.chain_id, contact.membership.enterprise_id) == (None, enterprise.id)


@pytest.mark.parametrize(
    ("role", "scope", "error", "field"),
    [
        (Role.CHAIN_STAFF, None, ScopeRequired, "chainId"),
        (Role.ENTERPRISE_CONTACT, None, ScopeRequired, "enterpriseId"),
        (Role.CHAIN_STAFF, "enterprise", ScopeRequired, "chainId"),
        (Role.AUDITOR, "chain", ScopeNotAllowed, "chainId"),
        (Role.PARK_ADMIN, "enterprise", ScopeNotAllowed, "enterpriseId"),
        (Role.ENTERPRISE_CONTACT, "chain", ScopeRequired, "enterpriseId"),
    ],
)
async def test_scope_rules_leave_nothing_behind(
    db: Database, role: Role, scope: str | None, error: type[DomainError], field: str
) -> None:
    park, admin = await _park_with_admin(db)
    ids = {
        "chain": {"chain_id": (await create_chain(db, park)).id},
        "enterprise": {"enterprise_id": (await create_enterprise(db, park)).id},
    }
    email = f"{unique('scope')}@example.cn"

    with pytest.raises(error) as raised:
        await _grant(db, admin, email, role, **ids.get(scope or "", {}))

    assert raised.value.field == field
    assert await _user(db, email) is None
    assert len(await _entries(db, park)) == 0


@pytest.mark.parametrize("case", ["unknown", "other-park", "archived"])
@pytest.mark.parametrize(
    ("role", "factory", "field"),
    [(Role.CHAIN_STAFF, create_chain, "chain_id"), (Role.ENTERPRISE_CONTACT, create_enterprise, "enterprise_id")],
)
async def test_scope_outside_the_park_is_not_found(
    db: Database, case: str, role: Role, factory: Any, field: str
) -> None:
    park, admin = await _park_with_admin(db)
    if case == "unknown":
        scope_id = uuid.uuid4()
    elif case == "other-park":
        scope_id = (await factory(db, await create_park(db))).id
    else:
        scope_id = (await factory(db, park, archived_at=datetime.now(UTC))).id
    email = f"{unique('scope')}@example.cn"

    with pytest.raises(NotFound) as raised:
        await _grant(db, admin, email, role, **{field: scope_id})

    assert raised.value.field == {"chain_id": "chainId", "enterprise_id": "enterpriseId"}[field]
    assert await _user(db, email) is None


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"email": "not-an-email"}, InvalidEmail, "email"),
        ({"email": "two@@example.cn"}, InvalidEmail, "email"),
        ({"email": "x" * 250 + "@example.cn"}, TooLong, "email"),
        ({"password": "short"}, PasswordTooShort, "password"),
        ({"password": "p" * 201}, TooLong, "password"),
        ({"display_name": "名" * 101}, TooLong, "displayName"),
    ],
)
async def test_bad_input_creates_no_account(
    db: Database, kwargs: dict[str, str], error: type[DomainError], field: str
) -> None:
    park, admin = await _park_with_admin(db)
    email = kwargs.pop("email", f"{unique('bad')}@example.cn")

    with pytest.raises(error) as raised:
        await _grant(db, admin, email, **kwargs)

    assert raised.value.field == field
    assert await _user(db, email) is None
    assert len(await _entries(db, park)) == 0


async def test_the_same_role_twice_is_a_duplicate(db: Database) -> None:
    park, admin = await _park_with_admin(db)
    user, _ = await create_member(db, park, Role.AUDITOR)

    with pytest.raises(DuplicateMembership):
        await _grant(db, admin, user.email.upper())
    other_role = await _grant(db, admin, user.email, Role.FINANCE_OFFICER)

    assert other_role.membership.role == Role.FINANCE_OFFICER


async def test_granting_a_revoked_role_again_restores_it(db: Database) -> None:
    park, admin = await _park_with_admin(db)
    user, membership = await create_member(db, park, Role.AUDITOR)
    await _revoke(db, admin, membership.id)

    result = await _grant(db, admin, user.email)

    assert result.membership.id == membership.id and result.membership.revoked_at is None
    grant_entry = (await _entries(db, park, membership.id))[-1]
    assert grant_entry.action == "security.role_grant"
    assert grant_entry.before is not None and grant_entry.before["revoked_at"] is not None
    assert grant_entry.after is not None and grant_entry.after["revoked_at"] is None


@pytest.mark.parametrize("role", NON_ADMIN_ROLES)
async def test_only_park_admins_manage_memberships(db: Database, role: Role) -> None:
    park, _ = await _park_with_admin(db)
    user, own = await create_member(db, park, role)
    actor = actor_for(park, user, Grant(role))

    with pytest.raises(PermissionDenied):
        await _grant(db, actor, f"{unique('x')}@example.cn")
    with pytest.raises(PermissionDenied):
        await _revoke(db, actor, own.id)


async def test_revoke_ends_the_role_and_is_audited(db: Database) -> None:
    park, admin = await _park_with_admin(db)
    _, membership = await create_member(db, park, Role.AUDITOR)

    revoked = await _revoke(db, admin, membership.id)

    assert revoked.revoked_at is not None
    [entry] = await _entries(db, park, membership.id)
    assert entry.action == "security.role_revoke"
    assert entry.before is not None and entry.before["revoked_at"] is None
    assert entry.after is not None and entry.after["revoked_at"] is not None
    with pytest.raises(AlreadyRevoked):
        await _revoke(db, admin, membership.id)


async def test_another_parks_membership_is_not_found(db: Database) -> None:
    _, admin = await _park_with_admin(db)
    other_park = await create_park(db)
    _, foreign = await create_member(db, other_park, Role.AUDITOR)

    for membership_id in (foreign.id, uuid.uuid4()):
        with pytest.raises(NotFound):
            await _revoke(db, admin, membership_id)

    assert len(await _entries(db, other_park)) == 0


async def test_the_last_park_admin_cannot_be_revoked(db: Database) -> None:
    park = await create_park(db)
    admin_user, admin_membership = await create_member(db, park, Role.PARK_ADMIN)
    admin = actor_for(park, admin_user, Grant(Role.PARK_ADMIN))
    _, second = await create_member(db, park, Role.PARK_ADMIN)

    await _revoke(db, admin, second.id)
    with pytest.raises(LastParkAdmin):
        await _revoke(db, admin, admin_membership.id)


async def _waiting_for_a_lock(db: Database) -> bool:
    async with db.owner_transaction() as session:
        waiting = await session.scalar(
            sa.text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        )
    return bool(waiting)


async def test_two_admins_revoking_each_other_at_once_leave_one(db: Database) -> None:
    park = await create_park(db)
    (first, first_membership), (second, second_membership) = [
        await create_member(db, park, Role.PARK_ADMIN) for _ in range(2)
    ]
    first_actor, second_actor = (actor_for(park, u, Grant(Role.PARK_ADMIN)) for u in (first, second))

    async with db.transaction(park.id, first.id) as session:
        await tenancy.revoke_membership(session, first_actor, second_membership.id)
        # The second revocation starts while the first is not yet committed; it must wait for it.
        other = asyncio.create_task(_revoke(db, second_actor, first_membership.id))
        for _ in range(500):
            if other.done() or await _waiting_for_a_lock(db):
                break
            await asyncio.sleep(0.01)

    with pytest.raises(LastParkAdmin):
        await other


async def test_reading_a_membership_takes_no_lock_revoking_does(db: Database) -> None:
    park, admin = await _park_with_admin(db)
    _, membership = await create_member(db, park, Role.AUDITOR)

    async with db.transaction(park.id, admin.user_id) as holder:
        assert await TenancyRepository(holder).membership(admin, membership.id, lock=True) is not None
        async with db.transaction(park.id, admin.user_id) as reader:
            # Waiting for a lock fails soon instead of blocking, so the test cannot hang.
            await reader.execute(sa.text("SET LOCAL lock_timeout = '50ms'"))
            assert await tenancy.get_membership(reader, admin, membership.id) is not None
            with pytest.raises(DBAPIError, match="lock"):
                await TenancyRepository(reader).membership(admin, membership.id, lock=True)


@pytest.mark.parametrize("role", [Role.PARK_ADMIN, Role.AUDITOR])
async def test_admins_and_auditors_list_every_membership_of_their_park(db: Database, role: Role) -> None:
    park, _ = await _park_with_admin(db)
    user, _ = await create_member(db, park, role)
    await create_member(db, park, Role.FINANCE_OFFICER)
    await create_member(db, await create_park(db), Role.FINANCE_OFFICER)
    actor = actor_for(park, user, Grant(role))

    async with db.transaction(park.id, user.id) as session:
        page = await tenancy.list_memberships(session, actor, PageRequest(first=10), None, False)
        total = await tenancy.count_memberships(session, actor, None, False)

    assert total == len(page.rows) == 3
    assert {m.tenant_id for m in page.rows} == {park.id}


@pytest.mark.parametrize("role", [r for r in NON_ADMIN_ROLES if r is not Role.AUDITOR])
async def test_other_roles_list_only_their_own_memberships(db: Database, role: Role) -> None:
    park, _ = await _park_with_admin(db)
    user, own = await create_member(db, park, role)
    await create_member(db, park, Role.FINANCE_OFFICER)
    actor = actor_for(park, user, Grant(role))

    async with db.transaction(park.id, user.id) as session:
        page = await tenancy.list_memberships(session, actor, PageRequest(first=10), None, False)

    assert [m.id for m in page.rows] == [own.id]


async def test_list_filters_by_role_and_hides_revoked_roles_unless_asked(db: Database) -> None:
    park, admin = await _park_with_admin(db)
    _, auditor = await create_member(db, park, Role.AUDITOR)
    _, revoked = await create_member(db, park, Role.AUDITOR)
    await _revoke(db, admin, revoked.id)

    async with db.transaction(park.id, admin.user_id) as session:
        active = await tenancy.list_memberships(session, admin, PageRequest(first=10), Role.AUDITOR, False)
        every = await tenancy.list_memberships(session, admin, PageRequest(first=10), Role.AUDITOR, True)

    assert [m.id for m in active.rows] == [auditor.id]
    assert {m.id for m in every.rows} == {auditor.id, revoked.id}
