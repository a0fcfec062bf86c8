"""The administration screens' API: lockUser, accountStatus, memberships by search, the platform's parks."""

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.services.permissions import Role
from tests.factories import PASSWORD, create_member, create_park, create_platform_admin, create_user, unique
from tests.graphql.client import LOGIN, error_codes, gql, login, member_token, user_errors

LOCK = """
mutation($id: ID!) { lockUser(input: {userId: $id}) { user { id accountStatus } userErrors { field code } } }
"""
UNLOCK = "mutation($id: ID!) { unlockUser(input: {userId: $id}) { user { accountStatus } userErrors { code } } }"
MEMBERSHIPS = """
query($search: String) { memberships(search: $search) { totalCount nodes { role user { email accountStatus } } } }
"""
PARKS = """
query($first: Int, $after: String) {
  parks(first: $first, after: $after) { totalCount nodes { id code name } pageInfo { hasNextPage endCursor } }
}
"""
EVENTS = "query($id: ID) { securityEvents(userId: $id, kind: LOCKOUT) { nodes { action actorUserId after } } }"


async def test_a_park_admin_locks_an_account_until_unlocked(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    admin, token = await member_token(client, db, park, Role.PARK_ADMIN)
    user, user_token = await member_token(client, db, park, Role.FINANCE_OFFICER)
    user_id = encode_id("User", user.id)

    locked = (await gql(client, LOCK, {"id": user_id}, token=token))["data"]["lockUser"]
    again = (await gql(client, LOCK, {"id": user_id}, token=token))["data"]["lockUser"]
    old_token = await gql(client, "{ me { roles } }", token=user_token)
    sign_in = await gql(client, LOGIN, {"input": {"email": user.email, "password": PASSWORD}})
    status = (await gql(client, MEMBERSHIPS, {"search": user.email}, token=token))["data"]["memberships"]
    events = (await gql(client, EVENTS, {"id": user_id}, token=token))["data"]["securityEvents"]["nodes"]
    unlocked = (await gql(client, UNLOCK, {"id": user_id}, token=token))["data"]["unlockUser"]

    assert locked == {"user": {"id": user_id, "accountStatus": "LOCKED"}, "userErrors": []}
    assert user_errors(again) == [("input.userId", "ALREADY_LOCKED")]
    assert error_codes(old_token) == ["UNAUTHENTICATED"]
    assert [e["code"] for e in sign_in["data"]["login"]["userErrors"]] == ["ACCOUNT_LOCKED"]
    assert [n["user"]["accountStatus"] for n in status["nodes"]] == ["LOCKED"]
    assert [(e["action"], e["actorUserId"]) for e in events] == [("security.lockout", encode_id("User", admin.id))]
    assert events[0]["after"]["by_admin"] is True
    assert unlocked == {"user": {"accountStatus": "ACTIVE"}, "userErrors": []}


async def test_lock_refusals(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    admin, token = await member_token(client, db, park, Role.PARK_ADMIN)
    _, auditor_token = await member_token(client, db, park, Role.AUDITOR)
    _, stranger_token = await member_token(client, db, await create_park(db), Role.PARK_ADMIN)
    user, _ = await create_member(db, park, Role.FINANCE_OFFICER)
    user_id = encode_id("User", user.id)

    yourself = (await gql(client, LOCK, {"id": encode_id("User", admin.id)}, token=token))["data"]["lockUser"]
    by_auditor = await gql(client, LOCK, {"id": user_id}, token=auditor_token)
    other_park = (await gql(client, LOCK, {"id": user_id}, token=stranger_token))["data"]["lockUser"]
    malformed = (await gql(client, LOCK, {"id": "%%"}, token=token))["data"]["lockUser"]
    anonymous = await gql(client, LOCK, {"id": user_id})

    assert user_errors(yourself) == [("input.userId", "CANNOT_LOCK_YOURSELF")]
    assert error_codes(by_auditor) == ["FORBIDDEN"]
    assert user_errors(other_park) == [("input.userId", "NOT_FOUND")]
    assert user_errors(malformed) == [("input.userId", "INVALID")]
    assert error_codes(anonymous) == ["UNAUTHENTICATED"]


async def test_account_status_is_for_membership_readers_and_yourself(
    client: AsyncTestClient[Any], db: Database
) -> None:
    park = await create_park(db)
    _, auditor_token = await member_token(client, db, park, Role.AUDITOR)
    _, staff_token = await member_token(client, db, park, Role.FINANCE_OFFICER)

    seen_by_auditor = (await gql(client, MEMBERSHIPS, token=auditor_token))["data"]["memberships"]["nodes"]
    own = (await gql(client, MEMBERSHIPS, token=staff_token))["data"]["memberships"]["nodes"]

    assert {n["user"]["accountStatus"] for n in seen_by_auditor} == {"ACTIVE"} and len(seen_by_auditor) == 2
    assert [n["user"]["accountStatus"] for n in own] == ["ACTIVE"]


async def test_memberships_by_search(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN)
    tag = unique("find")
    found_user = await create_user(db, display_name=f"张 {tag}")
    await create_member(db, park, Role.AUDITOR, found_user)
    await create_member(db, park, Role.FINANCE_OFFICER, found_user)

    found = (await gql(client, MEMBERSHIPS, {"search": tag}, token=token))["data"]["memberships"]
    too_long = await gql(client, MEMBERSHIPS, {"search": "x" * 101}, token=token)

    assert found["totalCount"] == 2 and {n["role"] for n in found["nodes"]} == {"AUDITOR", "FINANCE_OFFICER"}
    assert error_codes(too_long) == ["BAD_USER_INPUT"]


async def test_the_platform_admin_pages_through_the_parks(client: AsyncTestClient[Any], db: Database) -> None:
    admin, _ = await create_platform_admin(db)
    token = await login(client, admin.email)
    newest = await create_park(db, name=unique("园区"))

    first = (await gql(client, PARKS, {"first": 1}, token=token))["data"]["parks"]
    second = (await gql(client, PARKS, {"first": 1, "after": first["pageInfo"]["endCursor"]}, token=token))["data"][
        "parks"
    ]

    assert first["nodes"] == [{"id": encode_id("Park", newest.id), "code": newest.code, "name": newest.name}]
    assert first["totalCount"] >= 2 and first["pageInfo"]["hasNextPage"] is True
    assert len(second["nodes"]) == 1 and second["nodes"][0]["id"] != first["nodes"][0]["id"]


@pytest.mark.parametrize("role", list(Role))
async def test_park_roles_cannot_list_parks(client: AsyncTestClient[Any], db: Database, role: Role) -> None:
    _, token = await member_token(client, db, await create_park(db), role)

    body = await gql(client, PARKS, token=token)

    assert error_codes(body) == ["FORBIDDEN"] and body["data"] is None


async def test_anonymous_callers_cannot_list_parks(client: AsyncTestClient[Any]) -> None:
    assert error_codes(await gql(client, PARKS)) == ["UNAUTHENTICATED"]
