"""What a park admin does to accounts and the platform to parks: lock, search the memberships, list parks."""

import pytest

from redchain.infra.db import Database
from redchain.infra.pagination import PageRequest
from redchain.infra.settings import Settings
from redchain.services.actor import Grant
from redchain.services.errors import NotFound, PermissionDenied, TooLong
from redchain.services.permissions import Role
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.errors import AccountLocked, AlreadyLocked, CannotLockYourself
from tests.factories import PASSWORD, actor_for, create_member, create_park, create_platform_admin, create_user, unique


async def test_a_locked_account_cannot_sign_in_until_unlocked(db: Database, settings: Settings) -> None:
    park = await create_park(db)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    user, _ = await create_member(db, park, Role.FINANCE_OFFICER)
    actor = actor_for(park, admin, Grant(Role.PARK_ADMIN))

    async with db.transaction(park.id, admin.id) as session:
        locked = await tenancy.lock_user(session, actor, user.id)
    async with db.transaction() as session:
        refused = await tenancy.login(session, settings, user.email, PASSWORD, None)
    async with db.transaction(park.id, admin.id) as session:
        with pytest.raises(AlreadyLocked):
            await tenancy.lock_user(session, actor, user.id)
    async with db.transaction(park.id, admin.id) as session:
        await tenancy.unlock_user(session, actor, user.id)
    async with db.transaction() as session:
        signed_in = await tenancy.login(session, settings, user.email, PASSWORD, None)

    assert locked.locked_at is not None and locked.auth_version == user.auth_version + 1
    assert isinstance(refused, AccountLocked)
    assert isinstance(signed_in, tenancy.Tokens)


async def test_lock_is_for_the_park_admin_of_the_users_park(db: Database) -> None:
    park, other = await create_park(db), await create_park(db)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    stranger, _ = await create_member(db, other, Role.PARK_ADMIN)
    auditor, _ = await create_member(db, park, Role.AUDITOR)
    user, _ = await create_member(db, park, Role.FINANCE_OFFICER)

    async with db.transaction(park.id, auditor.id) as session:
        with pytest.raises(PermissionDenied):
            await tenancy.lock_user(session, actor_for(park, auditor, Grant(Role.AUDITOR)), user.id)
    async with db.transaction(other.id, stranger.id) as session:
        with pytest.raises(NotFound):
            await tenancy.lock_user(session, actor_for(other, stranger, Grant(Role.PARK_ADMIN)), user.id)
    async with db.transaction(park.id, admin.id) as session:
        with pytest.raises(CannotLockYourself):
            await tenancy.lock_user(session, actor_for(park, admin, Grant(Role.PARK_ADMIN)), admin.id)


async def test_memberships_are_found_by_a_part_of_the_name_or_email(db: Database) -> None:
    park = await create_park(db)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    tag = unique("x")
    named = await create_user(db, display_name=f"财务 {tag}_50%")
    mailed = await create_user(db, email=f"{tag}@example.cn")
    await create_member(db, park, Role.FINANCE_OFFICER, named)
    await create_member(db, park, Role.AUDITOR, mailed)
    actor = actor_for(park, admin, Grant(Role.PARK_ADMIN))

    async with db.transaction(park.id, admin.id) as session:
        both = await tenancy.list_memberships(session, actor, PageRequest(20), None, False, tag.upper())
        literal = await tenancy.count_memberships(session, actor, None, False, "_50%")
        wildcard = await tenancy.count_memberships(session, actor, None, False, "%")
        blank = await tenancy.count_memberships(session, actor, None, False, "  ")
        with pytest.raises(TooLong):
            await tenancy.count_memberships(session, actor, None, False, "x" * 101)

    assert {m.user_id for m in both.rows} == {named.id, mailed.id}
    assert (literal, wildcard, blank) == (1, 1, 3)


async def test_platform_admins_list_the_parks_newest_first(db: Database) -> None:
    _, platform = await create_platform_admin(db)
    older, newer = await create_park(db), await create_park(db)
    park_admin, _ = await create_member(db, older, Role.PARK_ADMIN)

    async with db.transaction() as session:
        page = await tenancy.list_parks(session, platform, PageRequest(100))
        total = await tenancy.count_parks(session, platform)
    async with db.transaction(older.id, park_admin.id) as session:
        with pytest.raises(PermissionDenied):
            await tenancy.list_parks(session, actor_for(older, park_admin, Grant(Role.PARK_ADMIN)), PageRequest(10))

    ids = [p.id for p in page.rows]
    assert ids.index(newer.id) < ids.index(older.id)
    assert total >= 2
