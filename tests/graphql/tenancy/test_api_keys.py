"""API keys through GraphQL: created once, used as a Bearer token or X-API-Key, scoped, revocable."""

import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import decode_id
from redchain.infra.db import Database
from redchain.services.permissions import Role
from redchain.services.tenancy.models import ApiKey, Tenant
from tests.factories import create_park, create_user, unique
from tests.graphql.client import error_codes, gql, member_token, user_errors

CREATE_KEY = """
mutation CreateKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    apiKey { id name scopes lastUsedAt revokedAt }
    secret
    userErrors { field code }
  }
}
"""
REVOKE_KEY = """
mutation RevokeKey($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { revokedAt } userErrors { field code } } }
"""
API_KEYS = "query { apiKeys { id name lastUsedAt } }"
AUDIT_LOG = "query { auditLog { totalCount nodes { action actorUserId actorApiKeyId } } }"
ME = "query { me { permissions user { id } park { code } } }"
GRANT = """
mutation { grantMembership(input: {email: "x@example.cn", displayName: "x", role: AUDITOR}) { userErrors { code } } }
"""


async def _key(client: AsyncTestClient[Any], token: str, scopes: list[str]) -> dict[str, Any]:
    body = await gql(client, CREATE_KEY, {"input": {"name": "统计平台", "scopes": scopes}}, token=token)
    return body["data"]["createApiKey"]  # type: ignore[no-any-return]


async def _admin(client: AsyncTestClient[Any], db: Database) -> tuple[Tenant, str]:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN)
    return park, token


async def test_key_is_shown_once_stored_hashed_and_works_both_ways(client: AsyncTestClient[Any], db: Database) -> None:
    park, token = await _admin(client, db)

    created = await _key(client, token, ["AUDIT_READ"])
    secret = created["secret"]
    by_bearer = await gql(client, ME, token=secret)
    by_header = await gql(client, ME, headers={"X-API-Key": secret})

    assert created["userErrors"] == [] and created["apiKey"]["scopes"] == ["AUDIT_READ"]
    assert secret.startswith("rck_")
    assert (
        by_bearer["data"]["me"]
        == by_header["data"]["me"]
        == {"permissions": ["AUDIT_READ"], "user": None, "park": {"code": park.code}}
    )
    key_id = decode_id(created["apiKey"]["id"], "ApiKey")
    async with db.owner_transaction() as session:
        row = (await session.execute(sa.text("SELECT * FROM api_keys WHERE id = :id"), {"id": key_id})).one()
    assert all(secret.split("_", 3)[3] not in str(value) for value in row)
    listed = (await gql(client, API_KEYS, token=token))["data"]["apiKeys"]
    assert "secret" not in listed[0] and listed[0]["lastUsedAt"] is not None


async def test_scopes_limit_what_a_key_can_do(client: AsyncTestClient[Any], db: Database) -> None:
    _, token = await _admin(client, db)
    secret = (await _key(client, token, ["AUDIT_READ"]))["secret"]

    log = await gql(client, AUDIT_LOG, token=secret)
    grant = await gql(client, GRANT, token=secret)
    members = await gql(client, "{ memberships { totalCount } }", token=secret)
    keys = await gql(client, API_KEYS, token=secret)

    # Newest first: the key's first use of the hour, then its creation.
    assert [e["action"] for e in log["data"]["auditLog"]["nodes"]][:2] == [
        "security.api_key_use",
        "security.api_key_create",
    ]
    assert error_codes(grant) == error_codes(keys) == ["FORBIDDEN"]
    assert members["data"]["memberships"]["totalCount"] == 0  # no memberships:read, and no memberships of its own


async def test_memberships_read_key_sees_the_park_with_masked_phones(
    client: AsyncTestClient[Any], db: Database
) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN, await create_user(db, phone="13812345678"))
    secret = (await _key(client, token, ["MEMBERSHIPS_READ"]))["secret"]

    body = await gql(
        client, "{ memberships { totalCount nodes { role user { phone } } } }", headers={"X-API-Key": secret}
    )

    assert body["data"]["memberships"] == {
        "totalCount": 1,
        "nodes": [{"role": "PARK_ADMIN", "user": {"phone": "138****5678"}}],
    }


@pytest.mark.parametrize(
    ("scopes", "expected"),
    [
        (["AUDIT_READ", "MEMBERSHIPS_MANAGE"], [("input.scopes", "SCOPE_NOT_ALLOWED")]),
        (["API_KEYS_MANAGE"], [("input.scopes", "SCOPE_NOT_ALLOWED")]),
        ([], [("input.scopes", "REQUIRED")]),
    ],
)
async def test_scope_outside_the_allowed_list_is_a_user_error(
    client: AsyncTestClient[Any], db: Database, scopes: list[str], expected: list[tuple[str, str]]
) -> None:
    _, token = await _admin(client, db)

    created = await _key(client, token, scopes)

    assert (created["apiKey"], created["secret"]) == (None, None)
    assert user_errors(created) == expected
    assert (await gql(client, API_KEYS, token=token))["data"]["apiKeys"] == []


async def test_revoked_key_is_401(client: AsyncTestClient[Any], db: Database) -> None:
    _, token = await _admin(client, db)
    created = await _key(client, token, ["AUDIT_READ"])

    revoked = await gql(client, REVOKE_KEY, {"id": created["apiKey"]["id"]}, token=token)
    again = await gql(client, REVOKE_KEY, {"id": created["apiKey"]["id"]}, token=token)
    used = await gql(client, ME, token=created["secret"])

    assert revoked["data"]["revokeApiKey"]["apiKey"]["revokedAt"] is not None
    assert again["data"]["revokeApiKey"]["userErrors"] == [{"field": ["input", "id"], "code": "ALREADY_REVOKED"}]
    assert used["_status"] == 401 and error_codes(used) == ["UNAUTHENTICATED"]


async def test_another_parks_key_cannot_be_revoked(client: AsyncTestClient[Any], db: Database) -> None:
    _, other_token = await _admin(client, db)
    foreign = await _key(client, other_token, ["AUDIT_READ"])
    _, token = await _admin(client, db)

    body = await gql(client, REVOKE_KEY, {"id": foreign["apiKey"]["id"]}, token=token)

    assert body["data"]["revokeApiKey"] == {
        "apiKey": None,
        "userErrors": [{"field": ["input", "id"], "code": "NOT_FOUND"}],
    }
    assert (await gql(client, ME, token=foreign["secret"]))["_status"] == 200


async def test_malformed_forged_and_moved_keys_are_401(client: AsyncTestClient[Any], db: Database) -> None:
    park, token = await _admin(client, db)
    other = await create_park(db)
    secret = (await _key(client, token, ["AUDIT_READ"]))["secret"]
    forged = [
        "rck_garbage",
        f"rck_{uuid.uuid4().hex}_{uuid.uuid4().hex}_{unique('s')}",
        secret[:-4] + ("AAAA" if not secret.endswith("AAAA") else "BBBB"),
        secret.replace(park.id.hex, other.id.hex),
    ]

    for key in forged:
        for body in (await gql(client, ME, token=key), await gql(client, ME, headers={"X-API-Key": key})):
            assert body["_status"] == 401 and error_codes(body) == ["UNAUTHENTICATED"], key


async def test_last_used_time_is_kept(client: AsyncTestClient[Any], db: Database) -> None:
    _, token = await _admin(client, db)
    created = await _key(client, token, ["AUDIT_READ"])
    key_id = decode_id(created["apiKey"]["id"], "ApiKey")
    assert created["apiKey"]["lastUsedAt"] is None

    await gql(client, ME, headers={"X-API-Key": created["secret"]})

    async with db.owner_transaction() as session:
        last_used = await session.scalar(sa.select(ApiKey.last_used_at).where(ApiKey.id == key_id))
    assert last_used is not None
