"""Access tokens over HTTP, refresh-token rotation, replay detection and logout through GraphQL."""

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.infra.security import encode_access_token
from redchain.infra.settings import Settings
from redchain.services.permissions import Role
from redchain.services.tenancy.models import Tenant, User
from tests.factories import PASSWORD, create_member, create_park
from tests.graphql.client import LOGIN, error_codes, gql, member_token

ME = "query { me { user { email } park { code } } }"
REFRESH = """
mutation Refresh($token: String!) {
  refreshToken(input: {refreshToken: $token}) {
    accessToken refreshToken park { code } userErrors { field code }
  }
}
"""
LOGOUT = """
mutation Logout($token: String!) { logout(input: {refreshToken: $token}) { ok userErrors { code } } }
"""
REVOKE = """
mutation Revoke($id: ID!) { revokeMembership(input: {id: $id}) { membership { id } userErrors { code } } }
"""


async def _session(client: AsyncTestClient[Any], user: User, park: Tenant) -> dict[str, Any]:
    body = await gql(
        client, LOGIN, {"input": {"email": user.email, "password": PASSWORD, "parkId": encode_id("Park", park.id)}}
    )
    return body["data"]["login"]  # type: ignore[no-any-return]


async def _refresh(client: AsyncTestClient[Any], token: str) -> dict[str, Any]:
    return (await gql(client, REFRESH, {"token": token}))["data"]["refreshToken"]  # type: ignore[no-any-return]


def _codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def test_expired_access_token_is_401_token_expired(
    client: AsyncTestClient[Any], db: Database, settings: Settings
) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)
    token, _ = encode_access_token({"sub": str(user.id)}, settings.jwt_secret.get_secret_value(), minutes=-1)

    body = await gql(client, ME, token=token)

    assert body["_status"] == 401
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert body["errors"][0]["extensions"]["reason"] == "TOKEN_EXPIRED"


@pytest.mark.parametrize("damage", ["signature", "payload", "garbage"])
async def test_tampered_access_token_is_401(client: AsyncTestClient[Any], db: Database, damage: str) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.AUDITOR)
    header, payload, signature = token.split(".")
    forged = {
        "signature": f"{header}.{payload}.{signature[::-1]}",
        "payload": f"{header}.{payload[:-2]}{'AA' if payload[-2:] != 'AA' else 'BB'}.{signature}",
        "garbage": "not.a.token",
    }[damage]

    body = await gql(client, ME, token=forged)

    assert body["_status"] == 401
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert body["errors"][0]["extensions"]["reason"] != "TOKEN_EXPIRED"


async def test_refresh_rotates_and_the_old_token_stops_working(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, _ = await create_member(db, park, Role.AUDITOR)
    first = await _session(client, user, park)

    second = await _refresh(client, first["refreshToken"])

    assert _codes(second) == [] and second["park"]["code"] == park.code
    assert second["refreshToken"] != first["refreshToken"]
    me = await gql(client, ME, token=second["accessToken"])
    assert me["data"]["me"]["user"]["email"] == user.email
    replay = await _refresh(client, first["refreshToken"])
    assert (_codes(replay), replay["accessToken"]) == (["INVALID_REFRESH_TOKEN"], None)


async def test_replay_ends_every_session_of_the_user_in_that_park(client: AsyncTestClient[Any], db: Database) -> None:
    park, other_park = await create_park(db), await create_park(db)
    user, _ = await create_member(db, park, Role.AUDITOR)
    await create_member(db, other_park, Role.AUDITOR, user)
    stolen = await _session(client, user, park)
    elsewhere = await _session(client, user, other_park)
    newest = await _refresh(client, stolen["refreshToken"])

    assert _codes(await _refresh(client, stolen["refreshToken"])) == ["INVALID_REFRESH_TOKEN"]

    assert _codes(await _refresh(client, newest["refreshToken"])) == ["INVALID_REFRESH_TOKEN"]
    assert _codes(await _refresh(client, elsewhere["refreshToken"])) == []


async def test_logout_ends_the_session(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, _ = await create_member(db, park, Role.AUDITOR)
    session = await _session(client, user, park)

    body = await gql(client, LOGOUT, {"token": session["refreshToken"]})

    assert body["data"]["logout"] == {"ok": True, "userErrors": []}
    assert _codes(await _refresh(client, session["refreshToken"])) == ["INVALID_REFRESH_TOKEN"]


@pytest.mark.parametrize("token", ["garbage", "00000000-0000-0000-0000-000000000000.secret"])
async def test_unknown_refresh_tokens(client: AsyncTestClient[Any], token: str) -> None:
    logout = (await gql(client, LOGOUT, {"token": token}))["data"]["logout"]

    assert _codes(await _refresh(client, token)) == ["INVALID_REFRESH_TOKEN"]
    assert logout == {"ok": False, "userErrors": [{"code": "INVALID_REFRESH_TOKEN"}]}


async def test_refresh_fails_after_the_membership_is_revoked(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, admin_token = await member_token(client, db, park, Role.PARK_ADMIN)
    user, membership = await create_member(db, park, Role.AUDITOR)
    session = await _session(client, user, park)

    revoked = await gql(client, REVOKE, {"id": encode_id("Membership", membership.id)}, token=admin_token)

    assert revoked["data"]["revokeMembership"]["userErrors"] == []
    assert _codes(await _refresh(client, session["refreshToken"])) == ["INVALID_REFRESH_TOKEN"]
