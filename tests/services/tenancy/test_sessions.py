"""Login, access tokens, refresh-token rotation and logout at the service layer."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from redchain.infra.db import Database
from redchain.infra.security import InvalidToken, encode_access_token
from redchain.infra.settings import Settings
from redchain.services.actor import Grant
from redchain.services.errors import DomainError
from redchain.services.permissions import Role
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.errors import InvalidCredentials, InvalidRefreshToken, NoMembership
from redchain.services.tenancy.models import Tenant, User, UserSession
from redchain.services.tenancy.repository import TenancyRepository
from tests.factories import (
    PASSWORD,
    actor_for,
    create_chain,
    create_member,
    create_park,
    create_platform_admin,
    create_user,
)


async def _login(
    db: Database, settings: Settings, email: str, park: Tenant | None = None, password: str = PASSWORD
) -> tenancy.Tokens:
    """A refusal raised, as the boundary turns it into a user error (here after the commit of what it recorded)."""
    async with db.transaction() as session:
        result = await tenancy.login(session, settings, email, password, park.id if park else None)
    if isinstance(result, DomainError):
        raise result
    return result


async def _refresh(db: Database, settings: Settings, refresh_token: str) -> tenancy.Tokens | None:
    async with db.transaction() as session:
        return await tenancy.refresh(session, settings, refresh_token)


async def test_login_defaults_to_the_oldest_park_and_carries_its_roles(db: Database, settings: Settings) -> None:
    first, second = await create_park(db), await create_park(db)
    user, _ = await create_member(db, first, Role.AUDITOR)
    await create_member(db, second, Role.PARK_ADMIN, user)

    tokens = await _login(db, settings, f"  {user.email.upper()} ")

    assert tokens.tenant is not None and tokens.tenant.id == first.id
    actor = tenancy.read_access_token(tokens.access_token, settings).actor
    assert (actor.tenant_id, actor.user_id, actor.roles) == (first.id, user.id, {Role.AUDITOR})


async def test_login_into_a_chosen_park(db: Database, settings: Settings) -> None:
    first, second = await create_park(db), await create_park(db)
    user, _ = await create_member(db, first, Role.AUDITOR)
    await create_member(db, second, Role.PARK_ADMIN, user)

    tokens = await _login(db, settings, user.email, second)

    actor = tenancy.read_access_token(tokens.access_token, settings).actor
    assert (actor.tenant_id, actor.roles) == (second.id, {Role.PARK_ADMIN})


async def test_scoped_role_travels_in_the_token(db: Database, settings: Settings) -> None:
    park = await create_park(db)
    chain_id = (await create_chain(db, park)).id
    user, _ = await create_member(db, park, Role.CHAIN_STAFF, chain_id=chain_id)

    tokens = await _login(db, settings, user.email)

    assert tenancy.read_access_token(tokens.access_token, settings).actor.grants == (
        Grant(Role.CHAIN_STAFF, chain_id, None),
    )


async def test_wrong_password_and_unknown_email_are_the_same_error(db: Database, settings: Settings) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)

    with pytest.raises(InvalidCredentials):
        await _login(db, settings, user.email, password="wrong-password")
    with pytest.raises(InvalidCredentials):
        await _login(db, settings, "nobody-here@example.cn")


async def test_inactive_user_cannot_log_in(db: Database, settings: Settings) -> None:
    user, _ = await create_member(db, await create_park(db), Role.PARK_ADMIN, await create_user(db, is_active=False))

    with pytest.raises(InvalidCredentials):
        await _login(db, settings, user.email)


@pytest.mark.parametrize("case", ["no-role-there", "no-role-anywhere", "inactive-park"])
async def test_login_without_an_active_role_is_refused(db: Database, settings: Settings, case: str) -> None:
    park, other = await create_park(db, is_active=case != "inactive-park"), await create_park(db)
    user = await create_user(db)
    if case != "no-role-anywhere":
        await create_member(db, park, Role.PARK_ADMIN, user)

    with pytest.raises(NoMembership):
        await _login(db, settings, user.email, other if case == "no-role-there" else None)


async def test_platform_admin_without_roles_logs_in_without_a_park(db: Database, settings: Settings) -> None:
    admin, _ = await create_platform_admin(db)

    tokens = await _login(db, settings, admin.email)

    actor = tenancy.read_access_token(tokens.access_token, settings).actor
    assert tokens.tenant is None
    assert (actor.tenant_id, actor.is_platform_admin, actor.grants) == (None, True, ())


async def test_expired_and_tampered_access_tokens_are_refused(db: Database, settings: Settings) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)
    token = (await _login(db, settings, user.email)).access_token
    secret = settings.jwt_secret.get_secret_value()
    expired, _ = encode_access_token({"sub": str(user.id)}, secret, minutes=-1)
    header, payload, signature = token.split(".")
    tampered = f"{header}.{payload}.{signature[:-4]}{'AAAA' if signature[-4:] != 'AAAA' else 'BBBB'}"
    foreign, _ = encode_access_token({"sub": str(user.id)}, "another-secret-that-is-long-enough-too", 5)

    with pytest.raises(InvalidToken) as raised:
        tenancy.read_access_token(expired, settings)
    assert raised.value.expired
    for bad in (tampered, foreign, "not-a-token"):
        with pytest.raises(InvalidToken) as raised:
            tenancy.read_access_token(bad, settings)
        assert not raised.value.expired


async def test_refresh_rotates_the_token(db: Database, settings: Settings) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)
    first = await _login(db, settings, user.email)

    second = await _refresh(db, settings, first.refresh_token)

    assert second is not None and second.refresh_token != first.refresh_token
    actor = tenancy.read_access_token(second.access_token, settings).actor
    assert actor.roles == {Role.AUDITOR}
    assert await _refresh(db, settings, second.refresh_token) is not None


async def test_replayed_refresh_token_ends_every_session_of_the_user_in_that_park(
    db: Database, settings: Settings
) -> None:
    park, other = await create_park(db), await create_park(db)
    user, _ = await create_member(db, park, Role.AUDITOR)
    await create_member(db, other, Role.AUDITOR, user)
    stolen = await _login(db, settings, user.email, park)
    other_device = await _login(db, settings, user.email, park)
    other_park = await _login(db, settings, user.email, other)
    newest = await _refresh(db, settings, stolen.refresh_token)
    assert newest is not None

    assert await _refresh(db, settings, stolen.refresh_token) is None

    assert await _refresh(db, settings, newest.refresh_token) is None
    assert await _refresh(db, settings, other_device.refresh_token) is None
    assert await _refresh(db, settings, other_park.refresh_token) is not None


async def test_replayed_park_less_token_ends_the_platform_admins_park_less_sessions(
    db: Database, settings: Settings
) -> None:
    admin, _ = await create_platform_admin(db)
    first = await _login(db, settings, admin.email)
    second = await _refresh(db, settings, first.refresh_token)
    assert second is not None and second.tenant is None

    assert await _refresh(db, settings, first.refresh_token) is None

    assert await _refresh(db, settings, second.refresh_token) is None


@pytest.mark.parametrize("token", ["", "garbage", "not-a-uuid.secret", f"{uuid.uuid4()}.secret"])
async def test_malformed_or_unknown_refresh_token(db: Database, settings: Settings, token: str) -> None:
    with pytest.raises(InvalidRefreshToken):
        await _refresh(db, settings, token)
    async with db.transaction() as session:
        with pytest.raises(InvalidRefreshToken):
            await tenancy.logout(session, token)


async def test_refresh_token_with_a_wrong_secret_is_refused(db: Database, settings: Settings) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)
    tokens = await _login(db, settings, user.email)
    session_id = tokens.refresh_token.split(".")[0]

    with pytest.raises(InvalidRefreshToken):
        await _refresh(db, settings, f"{session_id}.not-the-secret")
    assert await _refresh(db, settings, tokens.refresh_token) is not None


async def _change(db: Database, model: type[UserSession | User | Tenant], row_id: uuid.UUID, **values: object) -> None:
    async with db.owner_transaction() as session:
        row = await session.get(model, row_id)
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)


@pytest.mark.parametrize("change", ["session-expired", "user-deactivated", "park-deactivated", "admin-demoted"])
async def test_refresh_fails_once_the_session_may_no_longer_exist(
    db: Database, settings: Settings, change: str
) -> None:
    park = await create_park(db)
    if change == "admin-demoted":
        user, _ = await create_platform_admin(db)
    else:
        user, _ = await create_member(db, park, Role.AUDITOR)
    tokens = await _login(db, settings, user.email)
    session_id = uuid.UUID(tokens.refresh_token.split(".")[0])

    if change == "session-expired":
        await _change(db, UserSession, session_id, expires_at=datetime.now(UTC) - timedelta(seconds=1))
    elif change == "user-deactivated":
        await _change(db, User, user.id, is_active=False)
    elif change == "park-deactivated":
        await _change(db, Tenant, park.id, is_active=False)
    else:
        await _change(db, User, user.id, is_platform_admin=False)

    with pytest.raises(InvalidRefreshToken):
        await _refresh(db, settings, tokens.refresh_token)
    async with db.transaction() as session:
        assert (await TenancyRepository(session).user_session(session_id)).revoked_at is None  # type: ignore[union-attr]


async def test_revoked_membership_ends_its_refresh_tokens(db: Database, settings: Settings) -> None:
    park = await create_park(db)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    user, membership = await create_member(db, park, Role.AUDITOR)
    tokens = await _login(db, settings, user.email)
    async with db.transaction(park.id, admin.id) as session:
        await tenancy.revoke_membership(session, actor_for(park, admin, Grant(Role.PARK_ADMIN)), membership.id)

    assert await _refresh(db, settings, tokens.refresh_token) is None
    with pytest.raises(NoMembership):
        await _login(db, settings, user.email)


async def test_logout_ends_the_session(db: Database, settings: Settings) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)
    tokens = await _login(db, settings, user.email)

    async with db.transaction() as session:
        await tenancy.logout(session, tokens.refresh_token)
    async with db.transaction() as session:
        await tenancy.logout(session, tokens.refresh_token)  # twice is fine

    assert await _refresh(db, settings, tokens.refresh_token) is None
