"""Moving a session to another park of the same user, without a new sign-in."""

import pytest
import sqlalchemy as sa

from redchain.infra.db import Database
from redchain.infra.settings import Settings
from redchain.services.actor import Principal
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import DomainError
from redchain.services.permissions import Role
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.errors import InvalidRefreshToken, NoMembership
from redchain.services.tenancy.models import Tenant
from tests.factories import PASSWORD, create_member, create_park, create_platform_admin


async def _login(db: Database, settings: Settings, email: str, park: Tenant | None = None) -> tenancy.Tokens:
    async with db.transaction() as session:
        result = await tenancy.login(session, settings, email, PASSWORD, park.id if park else None)
    if isinstance(result, DomainError):
        raise result
    return result


def _principal(settings: Settings, tokens: tenancy.Tokens) -> Principal:
    return tenancy.read_access_token(tokens.access_token, settings).actor


async def _switch(db: Database, settings: Settings, tokens: tenancy.Tokens, park: Tenant) -> tenancy.Tokens:
    async with db.transaction() as session:
        return await tenancy.switch_park(session, settings, _principal(settings, tokens), park.id, tokens.refresh_token)


async def _refresh(db: Database, settings: Settings, refresh_token: str) -> tenancy.Tokens | None:
    async with db.transaction() as session:
        return await tenancy.refresh(session, settings, refresh_token)


async def test_switching_issues_tokens_for_the_other_park_and_ends_the_old_session(
    db: Database, settings: Settings
) -> None:
    first, second = await create_park(db), await create_park(db)
    user, _ = await create_member(db, first, Role.AUDITOR)
    await create_member(db, second, Role.PARK_ADMIN, user)
    before = await _login(db, settings, user.email, first)

    after = await _switch(db, settings, before, second)

    actor = _principal(settings, after)
    assert (actor.tenant_id, actor.user_id, actor.roles) == (second.id, user.id, {Role.PARK_ADMIN})
    assert after.tenant is not None and after.tenant.id == second.id
    assert await _refresh(db, settings, after.refresh_token) is not None
    # The old session ended; presenting it again counts as a replay, which ends its park's sessions only.
    assert await _refresh(db, settings, before.refresh_token) is None


async def test_the_switch_is_a_login_in_the_park_entered(db: Database, settings: Settings) -> None:
    first, second = await create_park(db), await create_park(db)
    user, _ = await create_member(db, first, Role.AUDITOR)
    await create_member(db, second, Role.AUDITOR, user)
    before = await _login(db, settings, user.email, first)

    await _switch(db, settings, before, second)

    async with db.owner_transaction() as session:
        rows = (
            await session.execute(
                sa.select(AuditEntry.after).where(
                    AuditEntry.tenant_id == second.id, AuditEntry.action == "security.login"
                )
            )
        ).scalars()
        entries = list(rows)
    assert [(e["via"], e["from_park"]) for e in entries if e.get("via")] == [("park_switch", str(first.id))]


@pytest.mark.parametrize("case", ["no-role-there", "role-revoked", "inactive-park"])
async def test_a_park_without_a_role_is_refused(db: Database, settings: Settings, case: str) -> None:
    first, other = await create_park(db), await create_park(db, is_active=case != "inactive-park")
    user, _ = await create_member(db, first, Role.AUDITOR)
    if case != "no-role-there":
        _, membership = await create_member(db, other, Role.AUDITOR, user)
        if case == "role-revoked":
            async with db.owner_transaction() as session:
                await session.execute(
                    sa.text("UPDATE memberships SET revoked_at = now() WHERE id = :id"), {"id": membership.id}
                )
    tokens = await _login(db, settings, user.email, first)

    with pytest.raises(NoMembership) as refused:
        await _switch(db, settings, tokens, other)

    assert refused.value.field == "parkId"
    assert await _refresh(db, settings, tokens.refresh_token) is not None  # the session stays where it was


async def test_another_users_refresh_token_is_refused(db: Database, settings: Settings) -> None:
    first, second = await create_park(db), await create_park(db)
    user, _ = await create_member(db, first, Role.AUDITOR)
    await create_member(db, second, Role.AUDITOR, user)
    someone, _ = await create_member(db, first, Role.AUDITOR)
    mine, theirs = await _login(db, settings, user.email, first), await _login(db, settings, someone.email, first)

    with pytest.raises(InvalidRefreshToken):
        async with db.transaction() as session:
            await tenancy.switch_park(session, settings, _principal(settings, mine), second.id, theirs.refresh_token)


async def test_an_ended_session_cannot_switch(db: Database, settings: Settings) -> None:
    first, second = await create_park(db), await create_park(db)
    user, _ = await create_member(db, first, Role.AUDITOR)
    await create_member(db, second, Role.AUDITOR, user)
    tokens = await _login(db, settings, user.email, first)
    async with db.transaction() as session:
        await tenancy.logout(session, tokens.refresh_token)

    with pytest.raises(InvalidRefreshToken):
        await _switch(db, settings, tokens, second)


async def test_a_platform_admin_enters_a_park_of_theirs_from_no_park(db: Database, settings: Settings) -> None:
    admin, _ = await create_platform_admin(db)
    park_less = await _login(db, settings, admin.email)
    park, foreign = await create_park(db), await create_park(db)
    await create_member(db, park, Role.PARK_ADMIN, admin)

    with pytest.raises(NoMembership):
        await _switch(db, settings, park_less, foreign)
    entered = await _switch(db, settings, park_less, park)

    assert park_less.tenant is None
    actor = _principal(settings, entered)
    assert (actor.tenant_id, actor.roles) == (park.id, {Role.PARK_ADMIN})
