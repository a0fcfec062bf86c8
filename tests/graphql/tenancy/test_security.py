"""The security baseline through GraphQL: tokens die with the authorization behind them, the password policy,
the forced change of a temporary password, account locks, idle sessions and the security events."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.infra.security import auth_version_key
from redchain.infra.settings import Settings
from redchain.services.permissions import Role
from redchain.services.tenancy.models import UserSession
from tests.factories import PASSWORD, create_member, create_park, create_platform_admin, create_user, unique
from tests.graphql.client import CHANGE_PASSWORD, LOGIN, NEW_PASSWORD, error_codes, gql, login, member_token

CREATE_KEY = """
mutation { createApiKey(input: {name: "k", scopes: [AUDIT_READ]}) { secret userErrors { code } } }
"""
REVOKE_MEMBERSHIP = "mutation($id: ID!) { revokeMembership(input: {id: $id}) { userErrors { code } } }"
REVOKE_KEY = "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { userErrors { code } } }"
KEYS = "query { apiKeys { id } }"
DISABLE = "mutation($id: ID!) { disableUser(input: {userId: $id}) { user { id } userErrors { field code } } }"
UNLOCK = "mutation($id: ID!) { unlockUser(input: {userId: $id}) { user { id } userErrors { field code } } }"
REFRESH = "mutation($t: String!) { refreshToken(input: {refreshToken: $t}) { accessToken userErrors { code } } }"
EVENTS = """
query Events($kind: SecurityEventKind, $userId: ID) {
  securityEvents(kind: $kind, userId: $userId) { totalCount nodes { action objectId actorUserId after } }
}
"""
PHONES = "query { memberships { nodes { user { phone } } } }"


def _reason(body: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(e["extensions"]["code"], e["extensions"].get("reason")) for e in body.get("errors", [])]


async def _login_payload(client: AsyncTestClient[Any], email: str, password: str = PASSWORD) -> dict[str, Any]:
    body = await gql(
        client,
        LOGIN.replace("userErrors", "mustChangePassword userErrors"),
        {"input": {"email": email, "password": password}},
    )
    return body["data"]["login"]  # type: ignore[no-any-return]


async def _change(client: AsyncTestClient[Any], token: str, current: str, new: str) -> dict[str, Any]:
    variables = {"input": {"currentPassword": current, "newPassword": new}}
    body = await gql(client, CHANGE_PASSWORD, variables, token=token)
    assert "data" in body, body
    return body["data"]["changePassword"]  # type: ignore[no-any-return]


# Revocation takes effect on the next request ---------------------------------------------------


async def test_a_revoked_park_admin_cannot_use_the_token_it_still_holds(
    client: AsyncTestClient[Any], db: Database
) -> None:
    park = await create_park(db)
    _, admin_token = await member_token(client, db, park, Role.PARK_ADMIN)
    user, membership = await create_member(db, park, Role.PARK_ADMIN)
    victim_token = await login(client, user.email)
    assert (await gql(client, KEYS, token=victim_token))["data"]["apiKeys"] == []

    await gql(client, REVOKE_MEMBERSHIP, {"id": encode_id("Membership", membership.id)}, token=admin_token)
    refused = await gql(client, CREATE_KEY, token=victim_token)

    # UNAUTHENTICATED: the credential itself no longer stands (as an expired one); the client refreshes or
    # signs in again and learns its present roles, where FORBIDDEN would claim it was judged on them.
    assert _reason(refused) == [("UNAUTHENTICATED", "TOKEN_REVOKED")] and refused["_status"] == 401
    assert (await gql(client, KEYS, token=admin_token))["data"]["apiKeys"] == []


async def test_a_disabled_user_is_refused_on_the_next_request(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, token = await member_token(client, db, park, Role.PARK_ADMIN)
    platform_admin, _ = await create_platform_admin(db)
    platform_token = await login(client, platform_admin.email)

    disabled = await gql(client, DISABLE, {"id": encode_id("User", user.id)}, token=platform_token)
    again = await gql(client, DISABLE, {"id": encode_id("User", user.id)}, token=platform_token)
    by_park_admin = await gql(client, DISABLE, {"id": encode_id("User", user.id)}, token=token)
    refused = await gql(client, CREATE_KEY, token=token)

    assert disabled["data"]["disableUser"]["userErrors"] == []
    assert again["data"]["disableUser"]["userErrors"] == [{"field": ["input", "userId"], "code": "ALREADY_DISABLED"}]
    assert _reason(by_park_admin) == [("UNAUTHENTICATED", "TOKEN_REVOKED")]
    assert _reason(refused) == [("UNAUTHENTICATED", "TOKEN_REVOKED")]
    assert (await _login_payload(client, user.email))["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_only_a_platform_admin_disables_accounts(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN)
    other, _ = await create_member(db, park, Role.AUDITOR)

    body = await gql(client, DISABLE, {"id": encode_id("User", other.id)}, token=token)

    assert error_codes(body) == ["FORBIDDEN"]


async def test_a_changed_password_ends_the_old_tokens(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, _ = await create_member(db, park, Role.PARK_ADMIN)
    old_token, other_device = await login(client, user.email), await login(client, user.email)

    changed = await _change(client, old_token, PASSWORD, NEW_PASSWORD)
    refused = [await gql(client, CREATE_KEY, token=t) for t in (old_token, other_device)]
    fresh = await gql(client, CREATE_KEY, token=changed["accessToken"])

    assert changed["userErrors"] == []
    assert [_reason(body) for body in refused] == [[("UNAUTHENTICATED", "TOKEN_REVOKED")]] * 2
    assert fresh["data"]["createApiKey"]["userErrors"] == []
    assert (await _login_payload(client, user.email))["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_postgresql_refuses_when_the_cached_version_is_gone(
    client: AsyncTestClient[Any], db: Database, redis: Redis
) -> None:
    park = await create_park(db)
    _, admin_token = await member_token(client, db, park, Role.PARK_ADMIN)
    user, membership = await create_member(db, park, Role.PARK_ADMIN)
    victim_token = await login(client, user.email)
    await gql(client, REVOKE_MEMBERSHIP, {"id": encode_id("Membership", membership.id)}, token=admin_token)

    await redis.delete(auth_version_key(user.id))
    refused = await gql(client, CREATE_KEY, token=victim_token)

    assert _reason(refused) == [("UNAUTHENTICATED", "TOKEN_REVOKED")]
    # The fallback put the version back for the next request.
    assert await redis.get(auth_version_key(user.id)) is not None
    assert "errors" not in await gql(client, KEYS, token=admin_token)


async def test_a_revoked_api_key_fails_on_its_next_request(client: AsyncTestClient[Any], db: Database) -> None:
    _, token = await member_token(client, db, await create_park(db), Role.PARK_ADMIN)
    secret = (await gql(client, CREATE_KEY, token=token))["data"]["createApiKey"]["secret"]
    key_id = (await gql(client, KEYS, token=token))["data"]["apiKeys"][0]["id"]
    assert "errors" not in await gql(client, "{ auditLog { totalCount } }", token=secret)

    await gql(client, REVOKE_KEY, {"id": key_id}, token=token)
    refused = await gql(client, "{ auditLog { totalCount } }", token=secret)

    assert error_codes(refused) == ["UNAUTHENTICATED"] and refused["_status"] == 401


# Password policy ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new_password", "code"),
    [
        ("Ab1!", "PASSWORD_TOO_SHORT"),
        ("alllowercase1", "PASSWORD_TOO_SIMPLE"),
        ("{local}-Park-1", "PASSWORD_CONTAINS_EMAIL"),
        (PASSWORD, "PASSWORD_TOO_SIMPLE"),
    ],
)
async def test_the_password_policy_names_the_field(
    client: AsyncTestClient[Any], db: Database, new_password: str, code: str
) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)
    token = await login(client, user.email)

    payload = await _change(client, token, PASSWORD, new_password.format(local=user.email.split("@")[0]))

    assert payload["userErrors"] == [{"field": ["input", "newPassword"], "code": code}]
    assert payload["accessToken"] is None


async def test_none_of_the_last_five_passwords_again(client: AsyncTestClient[Any], db: Database) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)
    token, current = await login(client, user.email), PASSWORD
    used = [f"Rotation-{n}-pass" for n in range(5)]
    for password in used:
        token = (await _change(client, token, current, password))["accessToken"]
        current = password

    # The current one and the four before it are the last five.
    refused = [await _change(client, token, current, password) for password in used]
    token = (await _change(client, token, current, "Sixth-pass-6"))["accessToken"]
    sixth_back = await _change(client, token, "Sixth-pass-6", used[0])
    wrong_current = await _change(client, sixth_back["accessToken"], "not-my-password", "Another-pass-9")

    assert [r["userErrors"] for r in refused] == [[{"field": ["input", "newPassword"], "code": "PASSWORD_REUSED"}]] * 5
    assert sixth_back["userErrors"] == []
    assert wrong_current["userErrors"] == [{"field": ["input", "currentPassword"], "code": "INVALID_CREDENTIALS"}]


async def test_an_api_key_cannot_change_a_password(client: AsyncTestClient[Any], db: Database) -> None:
    _, token = await member_token(client, db, await create_park(db), Role.PARK_ADMIN)
    secret = (await gql(client, CREATE_KEY, token=token))["data"]["createApiKey"]["secret"]

    body = await gql(client, CHANGE_PASSWORD, {"input": {"currentPassword": "x", "newPassword": "y"}}, token=secret)

    assert error_codes(body) == ["FORBIDDEN"]


# Temporary passwords --------------------------------------------------------------------------


async def test_a_temporary_password_allows_only_its_change(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, admin_token = await member_token(client, db, park, Role.PARK_ADMIN)
    email = f"{unique('new')}@example.cn"
    grant = await gql(
        client,
        'mutation($e: String!) { grantMembership(input: {email: $e, displayName: "新", role: AUDITOR}) '
        "{ temporaryPassword } }",
        {"e": email},
        token=admin_token,
    )
    temporary = grant["data"]["grantMembership"]["temporaryPassword"]

    first = await _login_payload(client, email, temporary)
    token = first["accessToken"]
    me = await gql(client, "{ me { roles user { email } } }", token=token)
    refused = [
        await gql(client, "{ memberships { totalCount } }", token=token),
        await gql(client, "{ me { roles } auditLog { totalCount } }", token=token),
        await gql(client, "query { ...F } fragment F on Query { me { roles } }", token=token),
        await gql(client, CREATE_KEY, token=token),
    ]
    changed = await _change(client, token, temporary, NEW_PASSWORD)
    after = await gql(client, "{ auditLog { totalCount } }", token=changed["accessToken"])

    assert first["mustChangePassword"] is True and first["userErrors"] == []
    assert me["data"]["me"] == {"roles": [], "user": {"email": email}}
    assert [_reason(body) for body in refused] == [[("FORBIDDEN", "PASSWORD_CHANGE_REQUIRED")]] * 4
    assert changed["mustChangePassword"] is False and changed["userErrors"] == []
    assert "errors" not in after
    assert (await _login_payload(client, email, NEW_PASSWORD))["mustChangePassword"] is False


# Account lock ---------------------------------------------------------------------------------


async def test_repeated_failures_lock_until_a_park_admin_unlocks(
    client: AsyncTestClient[Any], db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "account_lock_failures", 3)
    park, other_park = await create_park(db), await create_park(db)
    _, admin_token = await member_token(client, db, park, Role.PARK_ADMIN)
    _, auditor_token = await member_token(client, db, park, Role.AUDITOR)
    _, stranger_token = await member_token(client, db, other_park, Role.PARK_ADMIN)
    user, _ = await create_member(db, park, Role.FINANCE_OFFICER)
    user_id = encode_id("User", user.id)

    failures = [(await _login_payload(client, user.email, "Wrong-pass-1"))["userErrors"] for _ in range(3)]
    with_right_password = await _login_payload(client, user.email)
    by_auditor = await gql(client, UNLOCK, {"id": user_id}, token=auditor_token)
    by_other_park = await gql(client, UNLOCK, {"id": user_id}, token=stranger_token)
    unlocked = await gql(client, UNLOCK, {"id": user_id}, token=admin_token)
    not_locked = await gql(client, UNLOCK, {"id": user_id}, token=admin_token)
    after = await _login_payload(client, user.email)
    events = (await gql(client, EVENTS, {"userId": user_id}, token=auditor_token))["data"]["securityEvents"]

    assert [[e["code"] for e in errors] for errors in failures] == [
        ["INVALID_CREDENTIALS"],
        ["INVALID_CREDENTIALS"],
        ["ACCOUNT_LOCKED"],
    ]
    locked = [(e["field"], e["code"]) for e in with_right_password["userErrors"]]
    assert locked == [(["input", "email"], "ACCOUNT_LOCKED")]
    assert error_codes(by_auditor) == ["FORBIDDEN"]
    assert by_other_park["data"]["unlockUser"]["userErrors"] == [{"field": ["input", "userId"], "code": "NOT_FOUND"}]
    assert unlocked["data"]["unlockUser"]["userErrors"] == []
    assert not_locked["data"]["unlockUser"]["userErrors"] == [{"field": ["input", "userId"], "code": "NOT_LOCKED"}]
    assert after["userErrors"] == [] and after["accessToken"]
    assert [e["action"] for e in events["nodes"]] == [
        "security.login",
        "security.unlock",
        "security.login_failed",  # with the right password, while locked
        "security.lockout",
        *["security.login_failed"] * 3,
    ]


async def test_failed_logins_are_recorded_in_every_park_of_the_account(
    client: AsyncTestClient[Any], db: Database
) -> None:
    first, second = await create_park(db), await create_park(db)
    user, _ = await create_member(db, first, Role.AUDITOR)
    await create_member(db, second, Role.AUDITOR, user)
    _, first_token = await member_token(client, db, first, Role.AUDITOR)
    _, second_token = await member_token(client, db, second, Role.PARK_ADMIN)

    await _login_payload(client, user.email, "Wrong-pass-1")
    unknown = await _login_payload(client, f"{unique('nobody')}@example.cn", "Wrong-pass-1")

    for token in (first_token, second_token):
        events = await gql(client, EVENTS, {"kind": "LOGIN_FAILED"}, token=token)
        nodes = events["data"]["securityEvents"]["nodes"]
        assert [(e["objectId"], e["after"]["reason"]) for e in nodes] == [
            (encode_id("User", user.id), "wrong_password")
        ]
    assert unknown["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


# Idle sessions --------------------------------------------------------------------------------


async def test_a_refresh_token_left_idle_ends_its_session(
    client: AsyncTestClient[Any], db: Database, settings: Settings
) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)
    refresh_token = (await _login_payload(client, user.email))["refreshToken"]
    session_id = refresh_token.split(".")[0]
    async with db.owner_transaction() as session:
        idle_since = datetime.now(UTC) - timedelta(minutes=settings.session_idle_minutes + 1)
        await session.execute(sa.update(UserSession).where(UserSession.id == session_id).values(created_at=idle_since))

    refused = await gql(client, REFRESH, {"t": refresh_token})
    again = await gql(client, REFRESH, {"t": refresh_token})

    assert refused["data"]["refreshToken"]["userErrors"] == [{"code": "INVALID_REFRESH_TOKEN"}]
    assert again["data"]["refreshToken"]["userErrors"] == [{"code": "INVALID_REFRESH_TOKEN"}]
    async with db.owner_transaction() as session:
        row = await session.get(UserSession, session_id)
        assert row is not None and row.revoked_at is not None


# Security events ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.PARK_ADMIN, Role.AUDITOR])
async def test_admins_and_auditors_see_their_parks_security_events(
    client: AsyncTestClient[Any], db: Database, role: Role
) -> None:
    park, elsewhere = await create_park(db), await create_park(db)
    admin, admin_token = await member_token(client, db, park, Role.PARK_ADMIN)
    await gql(client, CREATE_KEY, token=admin_token)
    await member_token(client, db, elsewhere, Role.PARK_ADMIN)
    _, token = await member_token(client, db, park, role)

    everything = (await gql(client, EVENTS, token=token))["data"]["securityEvents"]
    keys = (await gql(client, EVENTS, {"kind": "API_KEY_CREATE"}, token=token))["data"]["securityEvents"]
    by_admin = (await gql(client, EVENTS, {"userId": encode_id("User", admin.id)}, token=token))["data"]

    assert [e["action"] for e in everything["nodes"]] == ["security.login", "security.api_key_create", "security.login"]
    assert keys["totalCount"] == 1 and keys["nodes"][0]["actorUserId"] == encode_id("User", admin.id)
    assert [e["action"] for e in by_admin["securityEvents"]["nodes"]] == ["security.api_key_create", "security.login"]


@pytest.mark.parametrize(
    "role", [Role.CHAIN_STAFF, Role.LIAISON_OFFICER, Role.ENTERPRISE_CONTACT, Role.FINANCE_OFFICER]
)
async def test_other_roles_cannot_read_security_events(client: AsyncTestClient[Any], db: Database, role: Role) -> None:
    _, token = await member_token(client, db, await create_park(db), role)

    assert error_codes(await gql(client, EVENTS, token=token)) == ["FORBIDDEN"]


async def test_an_api_key_cannot_read_security_events(client: AsyncTestClient[Any], db: Database) -> None:
    _, token = await member_token(client, db, await create_park(db), Role.PARK_ADMIN)
    secret = (await gql(client, CREATE_KEY, token=token))["data"]["createApiKey"]["secret"]

    assert error_codes(await gql(client, EVENTS, token=secret)) == ["FORBIDDEN"]
    assert error_codes(await gql(client, EVENTS)) == ["UNAUTHENTICATED"]


async def test_unmasked_phones_are_one_event_per_request(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN)
    for n in range(3):
        await create_member(db, park, Role.AUDITOR, await create_user(db, phone=f"1380000000{n}"))

    shown = await gql(client, PHONES, token=token)
    events = (await gql(client, EVENTS, {"kind": "PERSONAL_DATA_READ"}, token=token))["data"]["securityEvents"]

    assert "13800000001" in {m["user"]["phone"] for m in shown["data"]["memberships"]["nodes"]}
    assert [e["after"] for e in events["nodes"]] == [{"kind": "user_phone", "count": 3}]


async def test_masked_phones_leave_no_event(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.AUDITOR)
    await create_member(db, park, Role.AUDITOR, await create_user(db, phone="13800000009"))

    shown = await gql(client, PHONES, token=token)
    events = (await gql(client, EVENTS, {"kind": "PERSONAL_DATA_READ"}, token=token))["data"]["securityEvents"]

    assert "errors" not in shown and events["totalCount"] == 0
