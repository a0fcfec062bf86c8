"""The audit log viewer's filters: by actor, object type and a date range; each entry names its actor."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.services.permissions import Role
from tests.factories import create_park, unique
from tests.graphql.client import error_codes, gql, member_token

AUDIT_LOG = """
query Log($actorUserId: ID, $objectType: String, $since: DateTime, $until: DateTime) {
  auditLog(actorUserId: $actorUserId, objectType: $objectType, since: $since, until: $until) {
    totalCount
    nodes { action objectType actorUserId actor { id displayName email } }
  }
}
"""
CREATE_KEY = 'mutation { createApiKey(input: {name: "统计平台", scopes: [AUDIT_READ]}) { apiKey { id } } }'
GRANT = """
mutation($input: GrantMembershipInput!) { grantMembership(input: $input) { membership { id } userErrors { code } } }
"""


async def _log(client: AsyncTestClient[Any], token: str, **variables: Any) -> dict[str, Any]:
    body = await gql(client, AUDIT_LOG, variables, token=token)
    assert "errors" not in body, body
    return body["data"]["auditLog"]  # type: ignore[no-any-return]


async def test_filters_by_actor_and_object_type(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    admin, admin_token = await member_token(client, db, park, Role.PARK_ADMIN)
    auditor, auditor_token = await member_token(client, db, park, Role.AUDITOR)
    await gql(client, CREATE_KEY, token=admin_token)
    grant = {"email": f"{unique('m')}@example.cn", "displayName": "员", "role": "AUDITOR", "password": "A-chosen-pass1"}
    await gql(client, GRANT, {"input": grant}, token=admin_token)

    by_admin = await _log(client, auditor_token, actorUserId=encode_id("User", admin.id))
    keys = await _log(client, auditor_token, objectType="ApiKey")
    by_admin_on_users = await _log(client, auditor_token, actorUserId=encode_id("User", admin.id), objectType="User")

    assert [e["action"] for e in by_admin["nodes"]] == [
        "security.role_grant",
        "security.api_key_create",
        "security.login",
    ]
    assert {e["actor"]["email"] for e in by_admin["nodes"]} == {admin.email}
    assert by_admin["nodes"][0]["actor"] == {
        "id": encode_id("User", admin.id),
        "displayName": admin.display_name,
        "email": admin.email,
    }
    assert [(e["action"], e["objectType"]) for e in keys["nodes"]] == [("security.api_key_create", "ApiKey")]
    assert [e["action"] for e in by_admin_on_users["nodes"]] == ["security.login"]
    assert auditor.id != admin.id


async def test_a_date_range_keeps_the_entries_inside_it(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.AUDITOR)
    now = datetime.now(UTC)

    inside = await _log(
        client, token, since=(now - timedelta(hours=1)).isoformat(), until=(now + timedelta(hours=1)).isoformat()
    )
    before = await _log(client, token, until=(now - timedelta(hours=1)).isoformat())
    after = await _log(client, token, since=(now + timedelta(hours=1)).isoformat())

    assert [e["action"] for e in inside["nodes"]] == ["security.login"]
    assert before["totalCount"] == after["totalCount"] == 0


async def test_an_api_key_entry_names_no_user(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN)
    created = await gql(client, CREATE_KEY.replace("apiKey { id }", "apiKey { id } secret"), token=token)
    await gql(client, "{ me { roles } }", token=created["data"]["createApiKey"]["secret"])

    entries = await _log(client, token, objectType="ApiKey")

    assert [(e["action"], e["actorUserId"] is None, e["actor"] is None) for e in entries["nodes"]] == [
        ("security.api_key_use", True, True),
        ("security.api_key_create", False, False),
    ]


@pytest.mark.parametrize("variables", [{"actorUserId": "%%"}, {"actorUserId": encode_id("ApiKey", uuid.uuid4())}])
async def test_a_bad_actor_id_is_bad_input(
    client: AsyncTestClient[Any], db: Database, variables: dict[str, Any]
) -> None:
    _, token = await member_token(client, db, await create_park(db), Role.AUDITOR)

    body = await gql(client, AUDIT_LOG, variables, token=token)

    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_another_parks_actor_finds_nothing(client: AsyncTestClient[Any], db: Database) -> None:
    foreign_admin, _ = await member_token(client, db, await create_park(db), Role.PARK_ADMIN)
    _, token = await member_token(client, db, await create_park(db), Role.AUDITOR)

    assert (await _log(client, token, actorUserId=encode_id("User", foreign_admin.id)))["totalCount"] == 0


@pytest.mark.parametrize("role", [Role.CHAIN_STAFF, Role.FINANCE_OFFICER])
async def test_filters_do_not_open_the_log_to_other_roles(
    client: AsyncTestClient[Any], db: Database, role: Role
) -> None:
    admin, _ = await member_token(client, db, park := await create_park(db), Role.PARK_ADMIN)
    _, token = await member_token(client, db, park, role)

    body = await gql(client, AUDIT_LOG, {"actorUserId": encode_id("User", admin.id)}, token=token)

    assert error_codes(body) == ["FORBIDDEN"]
