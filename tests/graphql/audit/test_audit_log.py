"""The `auditLog` connection: every tenancy change recorded, readable by PARK_ADMIN and AUDITOR only."""

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.services.permissions import Role
from redchain.services.tenancy.models import Tenant
from tests.factories import create_member, create_park, create_platform_admin, unique
from tests.graphql.client import error_codes, first_login, gql, login, member_token

AUDIT_LOG = """
query Log($first: Int, $after: String, $objectId: ID, $action: String) {
  auditLog(first: $first, after: $after, objectId: $objectId, action: $action) {
    totalCount
    nodes { action objectType objectId actorUserId actorApiKeyId before after requestId createdAt }
    pageInfo { hasNextPage endCursor }
  }
}
"""
CREATE_PARK = "mutation($input: CreateParkInput!) { createPark(input: $input) { park { id } } }"
INVITE = """
mutation($input: InviteParkAdminInput!) {
  inviteParkAdmin(input: $input) { membership { id } temporaryPassword }
}
"""
GRANT = """
mutation($input: GrantMembershipInput!) {
  grantMembership(input: $input) { membership { id user { id } } temporaryPassword userErrors { code } }
}
"""
REVOKE = "mutation($id: ID!) { revokeMembership(input: {id: $id}) { userErrors { code } } }"
CREATE_KEY = """
mutation { createApiKey(input: {name: "统计平台", scopes: [AUDIT_READ]}) { apiKey { id } secret } }
"""
REVOKE_KEY = "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { userErrors { code } } }"


async def _log(client: AsyncTestClient[Any], token: str, **variables: Any) -> dict[str, Any]:
    body = await gql(client, AUDIT_LOG, variables, token=token)
    assert "errors" not in body, body
    return body["data"]["auditLog"]  # type: ignore[no-any-return]


async def test_every_tenancy_mutation_is_audited_without_secrets(client: AsyncTestClient[Any], db: Database) -> None:
    platform_admin, _ = await create_platform_admin(db)
    platform_token = await login(client, platform_admin.email)
    park_id = (
        await gql(client, CREATE_PARK, {"input": {"code": unique("park"), "name": "园区"}}, token=platform_token)
    )["data"]["createPark"]["park"]["id"]
    admin_email = f"{unique('admin')}@example.cn"
    invite = (
        await gql(
            client,
            INVITE,
            {"input": {"parkId": park_id, "email": admin_email, "displayName": "管"}},
            token=platform_token,
        )
    )["data"]["inviteParkAdmin"]
    token = await first_login(client, admin_email, invite["temporaryPassword"])
    grant = (
        await gql(
            client,
            GRANT,
            {
                "input": {
                    "email": f"{unique('a')}@example.cn",
                    "displayName": "审",
                    "role": "AUDITOR",
                    "password": "A-chosen-password",
                }
            },
            token=token,
        )
    )["data"]["grantMembership"]
    await gql(client, REVOKE, {"id": grant["membership"]["id"]}, token=token)
    key = (await gql(client, CREATE_KEY, token=token))["data"]["createApiKey"]
    await gql(client, REVOKE_KEY, {"id": key["apiKey"]["id"]}, token=token)

    log = await _log(client, token)

    admin_id = (await gql(client, "{ me { user { id } } }", token=token))["data"]["me"]["user"]["id"]
    entries = [(e["action"], e["objectType"], e["objectId"]) for e in reversed(log["nodes"])]
    assert entries == [
        ("park.create", "Park", park_id),
        ("security.role_grant", "Membership", invite["membership"]["id"]),
        ("security.login", "User", admin_id),
        ("security.password_change", "User", admin_id),
        ("security.role_grant", "Membership", grant["membership"]["id"]),
        ("security.role_revoke", "Membership", grant["membership"]["id"]),
        ("security.api_key_create", "ApiKey", key["apiKey"]["id"]),
        ("security.api_key_revoke", "ApiKey", key["apiKey"]["id"]),
    ]
    assert [e["actorUserId"] for e in reversed(log["nodes"])] == [encode_id("User", platform_admin.id)] * 2 + [
        admin_id
    ] * 6
    assert all(e["requestId"] and e["actorApiKeyId"] is None for e in log["nodes"])
    revoke = next(e for e in log["nodes"] if e["action"] == "security.role_revoke")
    assert (revoke["before"]["revoked_at"], revoke["before"]["role"]) == (None, "AUDITOR")
    assert revoke["after"]["revoked_at"] is not None
    for secret in (invite["temporaryPassword"], "A-chosen-password", key["secret"], key["secret"].split("_")[-1]):
        assert secret not in str(log)


@pytest.mark.parametrize("role", [Role.PARK_ADMIN, Role.AUDITOR])
async def test_admins_and_auditors_read_the_log(client: AsyncTestClient[Any], db: Database, role: Role) -> None:
    park = await create_park(db)
    _, admin_token = await member_token(client, db, park, Role.PARK_ADMIN)
    await gql(client, CREATE_KEY, token=admin_token)
    _, token = await member_token(client, db, park, role)

    log = await _log(client, token)

    # Newest first: the reader's own login, the key, the admin's login.
    assert [e["action"] for e in log["nodes"]] == ["security.login", "security.api_key_create", "security.login"]


@pytest.mark.parametrize(
    "role", [Role.CHAIN_STAFF, Role.LIAISON_OFFICER, Role.ENTERPRISE_CONTACT, Role.FINANCE_OFFICER]
)
async def test_other_roles_are_forbidden(client: AsyncTestClient[Any], db: Database, role: Role) -> None:
    _, token = await member_token(client, db, await create_park(db), role)

    body = await gql(client, AUDIT_LOG, token=token)

    assert error_codes(body) == ["FORBIDDEN"] and body["data"] is None


async def test_anonymous_and_park_less_callers_are_refused(client: AsyncTestClient[Any], db: Database) -> None:
    platform_admin, _ = await create_platform_admin(db)

    anonymous = await gql(client, AUDIT_LOG)
    park_less = await gql(client, AUDIT_LOG, token=await login(client, platform_admin.email))

    assert error_codes(anonymous) == ["UNAUTHENTICATED"]
    assert error_codes(park_less) == ["FORBIDDEN"]


async def _park_with_history(client: AsyncTestClient[Any], db: Database) -> tuple[Tenant, str, list[str]]:
    """A park whose admin granted three roles and revoked the first."""
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN)
    ids = []
    for _ in range(3):
        body = await gql(
            client,
            GRANT,
            {
                "input": {
                    "email": f"{unique('m')}@example.cn",
                    "displayName": "员",
                    "role": "FINANCE_OFFICER",
                    "password": "A-chosen-password",
                }
            },
            token=token,
        )
        ids.append(body["data"]["grantMembership"]["membership"]["id"])
    await gql(client, REVOKE, {"id": ids[0]}, token=token)
    return park, token, ids


async def test_filters_by_object_and_action(client: AsyncTestClient[Any], db: Database) -> None:
    _, token, ids = await _park_with_history(client, db)

    by_object = await _log(client, token, objectId=ids[0])
    by_action = await _log(client, token, action="security.role_grant")
    both = await _log(client, token, objectId=ids[0], action="security.role_revoke")
    nothing = await _log(client, token, action="no.such.action")

    assert [e["action"] for e in by_object["nodes"]] == ["security.role_revoke", "security.role_grant"]
    assert by_object["totalCount"] == 2
    assert {e["objectId"] for e in by_action["nodes"]} == set(ids) and by_action["totalCount"] == 3
    assert [e["action"] for e in both["nodes"]] == ["security.role_revoke"]
    assert nothing == {"totalCount": 0, "nodes": [], "pageInfo": {"hasNextPage": False, "endCursor": None}}


async def test_pages_through_the_log(client: AsyncTestClient[Any], db: Database) -> None:
    _, token, _ = await _park_with_history(client, db)

    first = await _log(client, token, first=3)
    rest = await _log(client, token, first=3, after=first["pageInfo"]["endCursor"])

    # The admin's login, three grants and a revocation.
    assert (first["totalCount"], len(first["nodes"]), first["pageInfo"]["hasNextPage"]) == (5, 3, True)
    assert (len(rest["nodes"]), rest["pageInfo"]["hasNextPage"]) == (2, False)
    assert [e["action"] for e in rest["nodes"]] == ["security.role_grant", "security.login"]


async def test_another_parks_entries_are_never_visible(client: AsyncTestClient[Any], db: Database) -> None:
    _, _, foreign_ids = await _park_with_history(client, db)
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.AUDITOR)

    assert [e["action"] for e in (await _log(client, token))["nodes"]] == ["security.login"]  # its own
    assert (await _log(client, token, objectId=foreign_ids[0]))["totalCount"] == 0


@pytest.mark.parametrize("variables", [{"objectId": "%%"}, {"first": 101}, {"after": "garbage"}])
async def test_bad_log_requests(client: AsyncTestClient[Any], db: Database, variables: dict[str, Any]) -> None:
    _, token = await member_token(client, db, await create_park(db), Role.AUDITOR)

    body = await gql(client, AUDIT_LOG, variables, token=token)

    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_a_failed_mutation_leaves_no_entry(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN)
    other, own = await create_member(db, park, Role.AUDITOR)

    refused = [
        await gql(client, GRANT, {"input": {"email": other.email, "displayName": "x", "role": "AUDITOR"}}, token=token),
        await gql(client, GRANT, {"input": {"email": "bad", "displayName": "x", "role": "AUDITOR"}}, token=token),
    ]
    await gql(client, REVOKE, {"id": encode_id("Membership", own.id)}, token=token)
    await gql(client, REVOKE, {"id": encode_id("Membership", own.id)}, token=token)

    assert [r["data"]["grantMembership"]["userErrors"][0]["code"] for r in refused] == [
        "DUPLICATE_MEMBERSHIP",
        "INVALID_EMAIL",
    ]
    assert [e["action"] for e in (await _log(client, token))["nodes"]] == ["security.role_revoke", "security.login"]
