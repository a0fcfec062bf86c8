"""createPark and inviteParkAdmin: platform admins only."""

import uuid
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.services.permissions import Role
from tests.factories import create_park, create_platform_admin, unique
from tests.graphql.client import error_codes, first_login, gql, login, member_token, user_errors

CREATE_PARK = """
mutation CreatePark($input: CreateParkInput!) {
  createPark(input: $input) { park { id code name } userErrors { field code message } }
}
"""
INVITE = """
mutation Invite($input: InviteParkAdminInput!) {
  inviteParkAdmin(input: $input) {
    membership { id role user { email } }
    temporaryPassword
    userErrors { field code }
  }
}
"""
AUDIT_LOG = "query { auditLog { nodes { action objectType after } } }"


async def _platform_admin_token(client: AsyncTestClient[Any], db: Database) -> str:
    admin, _ = await create_platform_admin(db)
    return await login(client, admin.email)


async def test_platform_admin_sets_up_a_park_whose_admin_can_log_in(client: AsyncTestClient[Any], db: Database) -> None:
    token = await _platform_admin_token(client, db)
    code, email = unique("park"), f"{unique('admin')}@example.cn"

    created = await gql(client, CREATE_PARK, {"input": {"code": code, "name": "长沙高新区"}}, token=token)
    park = created["data"]["createPark"]["park"]
    invited = await gql(
        client, INVITE, {"input": {"parkId": park["id"], "email": email, "displayName": "王五"}}, token=token
    )

    assert created["data"]["createPark"]["userErrors"] == [] and park["code"] == code
    payload = invited["data"]["inviteParkAdmin"]
    assert payload["userErrors"] == []
    assert payload["membership"]["role"] == "PARK_ADMIN" and payload["membership"]["user"]["email"] == email
    admin_token = await first_login(client, email, payload["temporaryPassword"])
    log = (await gql(client, AUDIT_LOG, token=admin_token))["data"]["auditLog"]["nodes"]
    assert [(e["action"], e["objectType"]) for e in log] == [
        ("security.password_change", "User"),
        ("security.login", "User"),
        ("security.role_grant", "Membership"),
        ("park.create", "Park"),
    ]
    assert payload["temporaryPassword"] not in str(log)


async def test_invite_with_a_chosen_password_returns_none(client: AsyncTestClient[Any], db: Database) -> None:
    token = await _platform_admin_token(client, db)
    park = await create_park(db)
    email = f"{unique('admin')}@example.cn"

    body = await gql(
        client,
        INVITE,
        {
            "input": {
                "parkId": encode_id("Park", park.id),
                "email": email,
                "displayName": "王五",
                "password": "Chosen-long-password",
            }
        },
        token=token,
    )

    assert body["data"]["inviteParkAdmin"]["temporaryPassword"] is None
    await login(client, email, "Chosen-long-password")


@pytest.mark.parametrize(
    ("code", "name", "error"),
    [
        ("X", "名称", ("input.code", "INVALID_PARK_CODE")),
        ("has space", "名称", ("input.code", "INVALID_PARK_CODE")),
        (None, " ", ("input.name", "REQUIRED")),
        (None, "名" * 201, ("input.name", "TOO_LONG")),
    ],
)
async def test_bad_park_input_is_a_user_error(
    client: AsyncTestClient[Any], db: Database, code: str | None, name: str, error: tuple[str, str]
) -> None:
    token = await _platform_admin_token(client, db)

    body = await gql(client, CREATE_PARK, {"input": {"code": code or unique("park"), "name": name}}, token=token)

    payload = body["data"]["createPark"]
    assert payload["park"] is None
    assert user_errors(payload) == [error]


async def test_duplicate_park_code_is_a_user_error(client: AsyncTestClient[Any], db: Database) -> None:
    token = await _platform_admin_token(client, db)
    existing = await create_park(db)

    body = await gql(client, CREATE_PARK, {"input": {"code": existing.code, "name": "重复"}}, token=token)

    assert [e["code"] for e in body["data"]["createPark"]["userErrors"]] == ["PARK_CODE_TAKEN"]


async def test_invite_to_an_unknown_or_malformed_park(client: AsyncTestClient[Any], db: Database) -> None:
    token = await _platform_admin_token(client, db)
    variables = {"email": f"{unique('a')}@example.cn", "displayName": "王五"}

    unknown = await gql(
        client, INVITE, {"input": {**variables, "parkId": encode_id("Park", uuid.uuid4())}}, token=token
    )
    malformed = await gql(client, INVITE, {"input": {**variables, "parkId": "???"}}, token=token)

    assert unknown["data"]["inviteParkAdmin"]["userErrors"] == [{"field": ["input", "parkId"], "code": "NOT_FOUND"}]
    assert user_errors(malformed["data"]["inviteParkAdmin"]) == [("input.parkId", "INVALID")]


@pytest.mark.parametrize("role", list(Role))
async def test_park_roles_cannot_create_parks_or_invite(client: AsyncTestClient[Any], db: Database, role: Role) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, role)

    created = await gql(client, CREATE_PARK, {"input": {"code": unique("park"), "name": "名称"}}, token=token)
    invited = await gql(
        client,
        INVITE,
        {"input": {"parkId": encode_id("Park", park.id), "email": f"{unique('a')}@example.cn", "displayName": "王五"}},
        token=token,
    )

    assert error_codes(created) == error_codes(invited) == ["FORBIDDEN"]
    assert created["data"] is None and invited["data"] is None


async def test_anonymous_callers_are_unauthenticated(client: AsyncTestClient[Any]) -> None:
    created = await gql(client, CREATE_PARK, {"input": {"code": unique("park"), "name": "名称"}})
    invited = await gql(
        client,
        INVITE,
        {"input": {"parkId": encode_id("Park", uuid.uuid4()), "email": "a@example.cn", "displayName": "王五"}},
    )

    assert error_codes(created) == error_codes(invited) == ["UNAUTHENTICATED"]


async def test_a_platform_admin_before_choosing_a_park_reaches_no_park(
    client: AsyncTestClient[Any], db: Database
) -> None:
    token = await _platform_admin_token(client, db)

    me = await gql(client, "query { me { isPlatformAdmin park { id } } }", token=token)
    enterprises = await gql(client, "query { enterprises { totalCount } }", token=token)
    memberships = await gql(client, "query { memberships { totalCount } }", token=token)

    assert me["data"]["me"] == {"isPlatformAdmin": True, "park": None}
    assert error_codes(enterprises) == ["FORBIDDEN"]
    assert error_codes(memberships) == ["FORBIDDEN"]
