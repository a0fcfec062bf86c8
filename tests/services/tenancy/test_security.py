"""The security rules of the tenancy service: password policy, account lock, authorization versions."""

import uuid

import pytest
from redis.asyncio import Redis

from redchain.infra.db import Database
from redchain.infra.security import AuthVersions, auth_version_key, hash_password
from redchain.infra.settings import Settings
from redchain.services.actor import Grant
from redchain.services.errors import DomainError, NotFound, PermissionDenied, TooLong
from redchain.services.permissions import Role
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.errors import (
    AccountLocked,
    InvalidCredentials,
    NotLocked,
    PasswordContainsEmail,
    PasswordReused,
    PasswordTooShort,
    PasswordTooSimple,
)
from redchain.services.tenancy.models import User
from tests.factories import PASSWORD, actor_for, create_member, create_park


@pytest.mark.parametrize(
    ("password", "error"),
    [
        ("Ab1!xyz", PasswordTooShort),
        ("x" * 201, TooLong),
        ("lowercase-only", PasswordTooSimple),
        ("UPPER1234567", PasswordTooSimple),
        ("Zhang.San-2026", PasswordContainsEmail),
        ("My-zhang.san@park.cn-1", PasswordContainsEmail),
    ],
)
def test_the_policy_refuses_with_its_own_code(password: str, error: type[DomainError]) -> None:
    with pytest.raises(error) as raised:
        tenancy.check_password_strength(password, "zhang.san@park.cn", "newPassword")
    assert raised.value.field == "newPassword"


@pytest.mark.parametrize("password", ["Abcdefg1", "abcdefg1!", "ABCDEFG1!", "Ab-cd-ef-gh"])
def test_three_of_four_classes_are_enough(password: str) -> None:
    tenancy.check_password_strength(password, "li@park.cn")


def test_a_recent_password_is_refused() -> None:
    history = (hash_password("Older-pass-1"), hash_password("Oldest-pass-2"))

    with pytest.raises(PasswordReused):
        tenancy.check_password_strength("Oldest-pass-2", None, "newPassword", history)
    tenancy.check_password_strength("Brand-new-pass-3", None, "newPassword", history)


async def _login(db: Database, settings: Settings, email: str, password: str) -> object:
    async with db.transaction() as session:
        return await tenancy.login(session, settings, email, password, None)


async def _user(db: Database, user: User) -> User:
    async with db.transaction() as session:
        row = await tenancy.get_user(session, user.id)
    assert row is not None
    return row


async def test_consecutive_failures_lock_and_a_success_resets_the_count(db: Database, settings: Settings) -> None:
    lock_after = settings.account_lock_failures
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)

    for _ in range(lock_after - 1):
        assert isinstance(await _login(db, settings, user.email, "Wrong-pass-1"), InvalidCredentials)
    assert isinstance(await _login(db, settings, user.email, PASSWORD), tenancy.Tokens)
    counted_after_success = (await _user(db, user)).failed_logins
    results = [await _login(db, settings, user.email, "Wrong-pass-1") for _ in range(lock_after)]
    locked = await _user(db, user)

    assert counted_after_success == 0
    assert all(isinstance(r, InvalidCredentials) for r in results[:-1]) and isinstance(results[-1], AccountLocked)
    assert locked.locked_at is not None and locked.auth_version == user.auth_version + 1
    assert isinstance(await _login(db, settings, user.email, PASSWORD), AccountLocked)


async def test_unlock_is_for_the_park_admin_of_the_users_park(db: Database, settings: Settings) -> None:
    park, other = await create_park(db), await create_park(db)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    stranger, _ = await create_member(db, other, Role.PARK_ADMIN)
    auditor, _ = await create_member(db, park, Role.AUDITOR)
    user, _ = await create_member(db, park, Role.FINANCE_OFFICER)
    admin_actor = actor_for(park, admin, Grant(Role.PARK_ADMIN))

    async with db.transaction(park.id, admin.id) as session:
        with pytest.raises(NotLocked):
            await tenancy.unlock_user(session, admin_actor, user.id)
    async with db.transaction(park.id, auditor.id) as session:
        with pytest.raises(PermissionDenied):
            await tenancy.unlock_user(session, actor_for(park, auditor, Grant(Role.AUDITOR)), user.id)
    async with db.transaction(other.id, stranger.id) as session:
        with pytest.raises(NotFound):
            await tenancy.unlock_user(session, actor_for(other, stranger, Grant(Role.PARK_ADMIN)), user.id)


async def test_revoking_a_role_raises_the_version_and_publishes_it_after_commit(
    db: Database, settings: Settings, redis: Redis
) -> None:
    park = await create_park(db)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    user, membership = await create_member(db, park, Role.AUDITOR)
    async with db.transaction(park.id, admin.id) as session:
        await tenancy.revoke_membership(session, actor_for(park, admin, Grant(Role.PARK_ADMIN)), membership.id)
        assert await redis.get(auth_version_key(user.id)) is None  # not before the commit
    await AuthVersions(redis, settings.auth_version_cache_seconds).publish(session)

    assert (await _user(db, user)).auth_version == 1
    assert await redis.get(auth_version_key(user.id)) == b"1"


async def test_an_older_version_never_overwrites_a_newer_one(redis: Redis) -> None:
    versions, user_id = AuthVersions(redis, 60), uuid.uuid4()

    await versions.cache(user_id, 3)
    await versions.cache(user_id, 2)

    assert await redis.get(auth_version_key(user_id)) == b"3"
    assert 0 < await redis.ttl(auth_version_key(user_id)) <= 60
