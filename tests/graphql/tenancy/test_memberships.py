"""grantMembership, revokeMembership, the `memberships` connection and Membership nodes."""

import uuid
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.services.permissions import Role
from redchain.services.tenancy.models import Tenant
from tests.factories import create_chain, create_member, create_park, create_user, unique
from tests.graphql.client import error_codes, first_login, gql, member_token, user_errors

GRANT = """
mutation Grant($input: GrantMembershipInput!) {
  grantMembership(input: $input) {
    membership { id role chainId enterpriseId user { email } }
    temporaryPassword
    userErrors { field code message }
  }
}
"""
REVOKE = """
mutation Revoke($id: ID!) {
  revokeMembership(input: {id: $id}) { membership { id revokedAt } userErrors { field code } }
}
"""
MEMBERSHIPS = """
query Memberships($first: Int, $after: String, $role: Role, $includeRevoked: Boolean! = false) {
  memberships(first: $first, after: $after, role: $role, includeRevoked: $includeRevoked) {
    totalCount
    edges { cursor node { id role user { email phone } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
NODE = "query Node($id: ID!) { node(id: $id) { id ... on Membership { role user { email } } } }"
NON_ADMIN_ROLES = [role for role in Role if role is not Role.PARK_ADMIN]


def _grant_input(**overrides: Any) -> dict[str, Any]:
    return {"input": {"email": f"{unique('new')}@example.cn", "displayName": "赵六", "role": "AUDITOR", **overrides}}


def _errors(body: dict[str, Any], mutation: str) -> list[tuple[str | None, str]]:
    return user_errors(body["data"][mutation])


async def _admin(client: AsyncTestClient[Any], db: Database) -> tuple[Tenant, str]:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN)
    return park, token


async def test_grant_creates_an_account_that_can_log_in(client: AsyncTestClient[Any], db: Database) -> None:
    park, token = await _admin(client, db)
    chain = await create_chain(db, park)
    variables = _grant_input(role="CHAIN_STAFF", chainId=encode_id("IndustryChain", chain.id))

    body = await gql(client, GRANT, variables, token=token)

    payload = body["data"]["grantMembership"]
    assert payload["userErrors"] == []
    assert payload["membership"]["role"] == "CHAIN_STAFF"
    assert payload["membership"]["chainId"] == encode_id("IndustryChain", chain.id)
    staff_token = await first_login(client, variables["input"]["email"], payload["temporaryPassword"])
    me = await gql(client, "{ me { roles park { code } } }", token=staff_token)
    assert me["data"]["me"] == {"roles": ["CHAIN_STAFF"], "park": {"code": park.code}}


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"role": "CHAIN_STAFF"}, ("input.chainId", "SCOPE_REQUIRED")),
        ({"role": "ENTERPRISE_CONTACT"}, ("input.enterpriseId", "SCOPE_REQUIRED")),
        ({"role": "AUDITOR", "chainId": "chain"}, ("input.chainId", "SCOPE_NOT_ALLOWED")),
        ({"role": "CHAIN_STAFF", "chainId": "unknown-chain"}, ("input.chainId", "NOT_FOUND")),
        ({"password": "short"}, ("input.password", "PASSWORD_TOO_SHORT")),
        ({"email": "not-an-email"}, ("input.email", "INVALID_EMAIL")),
    ],
)
async def test_rule_failures_are_user_errors_and_write_nothing(
    client: AsyncTestClient[Any], db: Database, overrides: dict[str, str], expected: tuple[str, str]
) -> None:
    park, token = await _admin(client, db)
    chain_ids = {
        "chain": encode_id("IndustryChain", (await create_chain(db, park)).id),
        "unknown-chain": encode_id("IndustryChain", uuid.uuid4()),
    }
    if "chainId" in overrides:
        overrides["chainId"] = chain_ids[overrides["chainId"]]
    variables = _grant_input(**overrides)

    body = await gql(client, GRANT, variables, token=token)

    assert body["data"]["grantMembership"]["membership"] is None
    assert _errors(body, "grantMembership") == [expected]
    log = await gql(client, '{ auditLog(action: "security.role_grant") { totalCount } }', token=token)
    assert log["data"]["auditLog"]["totalCount"] == 0
    members = await gql(client, MEMBERSHIPS, token=token)
    assert members["data"]["memberships"]["totalCount"] == 1  # the admin alone
    if "email" not in overrides:
        # No account was created either: granting the same email now makes a new one.
        retry = await gql(client, GRANT, _grant_input(email=variables["input"]["email"]), token=token)
        assert retry["data"]["grantMembership"]["temporaryPassword"] is not None


async def test_same_role_twice_is_a_duplicate(client: AsyncTestClient[Any], db: Database) -> None:
    park, token = await _admin(client, db)
    user, _ = await create_member(db, park, Role.AUDITOR)

    body = await gql(client, GRANT, _grant_input(email=user.email), token=token)

    assert _errors(body, "grantMembership") == [("input.email", "DUPLICATE_MEMBERSHIP")]


@pytest.mark.parametrize("chain_id", ["%%", encode_id("Enterprise", uuid.uuid4())])
async def test_malformed_or_wrong_type_scope_id_is_a_user_error(
    client: AsyncTestClient[Any], db: Database, chain_id: str
) -> None:
    _, token = await _admin(client, db)

    body = await gql(client, GRANT, _grant_input(role="CHAIN_STAFF", chainId=chain_id), token=token)

    assert body["data"]["grantMembership"]["membership"] is None
    assert _errors(body, "grantMembership") == [("input.chainId", "INVALID")]


@pytest.mark.parametrize("role", NON_ADMIN_ROLES)
async def test_other_roles_cannot_manage_memberships_or_keys(
    client: AsyncTestClient[Any], db: Database, role: Role
) -> None:
    park = await create_park(db)
    _, admin_membership = await create_member(db, park, Role.PARK_ADMIN)
    _, token = await member_token(client, db, park, role)

    granted = await gql(client, GRANT, _grant_input(), token=token)
    revoked = await gql(client, REVOKE, {"id": encode_id("Membership", admin_membership.id)}, token=token)
    key = await gql(
        client, 'mutation { createApiKey(input: {name: "k", scopes: [AUDIT_READ]}) { secret } }', token=token
    )

    assert error_codes(granted) == error_codes(revoked) == error_codes(key) == ["FORBIDDEN"]


async def test_revoke_and_its_rejections(client: AsyncTestClient[Any], db: Database) -> None:
    park, token = await _admin(client, db)
    _, membership = await create_member(db, park, Role.AUDITOR)
    _, foreign = await create_member(db, await create_park(db), Role.AUDITOR)
    member_id = encode_id("Membership", membership.id)

    revoked = await gql(client, REVOKE, {"id": member_id}, token=token)
    again = await gql(client, REVOKE, {"id": member_id}, token=token)
    other_park = await gql(client, REVOKE, {"id": encode_id("Membership", foreign.id)}, token=token)
    wrong_type = await gql(client, REVOKE, {"id": encode_id("Park", park.id)}, token=token)

    assert revoked["data"]["revokeMembership"]["membership"]["revokedAt"] is not None
    assert _errors(again, "revokeMembership") == [("input.id", "ALREADY_REVOKED")]
    assert other_park["data"]["revokeMembership"] == {
        "membership": None,
        "userErrors": [{"field": ["input", "id"], "code": "NOT_FOUND"}],
    }
    assert _errors(wrong_type, "revokeMembership") == [("input.id", "INVALID")]


async def test_the_last_park_admin_stays(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, admin_membership = await create_member(db, park, Role.PARK_ADMIN)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN, await create_user(db))

    first = await gql(client, REVOKE, {"id": encode_id("Membership", admin_membership.id)}, token=token)
    own = await gql(client, MEMBERSHIPS, {"role": "PARK_ADMIN"}, token=token)
    last_id = own["data"]["memberships"]["edges"][0]["node"]["id"]
    last = await gql(client, REVOKE, {"id": last_id}, token=token)

    assert _errors(first, "revokeMembership") == []
    assert own["data"]["memberships"]["totalCount"] == 1
    assert _errors(last, "revokeMembership") == [("input.id", "LAST_PARK_ADMIN")]


async def _park_of_five(db: Database) -> Tenant:
    park = await create_park(db)
    for role in (Role.PARK_ADMIN, Role.AUDITOR, Role.FINANCE_OFFICER, Role.LIAISON_OFFICER):
        await create_member(db, park, role, await create_user(db, phone="13812345678"))
    await create_member(db, await create_park(db), Role.AUDITOR)
    return park


@pytest.mark.parametrize(
    ("role", "sees_all", "phone"),
    [
        (Role.PARK_ADMIN, True, "13812345678"),
        (Role.AUDITOR, True, "138****5678"),
        (Role.FINANCE_OFFICER, False, "13900000000"),
        (Role.LIAISON_OFFICER, False, "13900000000"),
    ],
)
async def test_who_sees_which_memberships_and_phones(
    client: AsyncTestClient[Any], db: Database, role: Role, sees_all: bool, phone: str
) -> None:
    park = await _park_of_five(db)
    user, token = await member_token(client, db, park, role, await create_user(db, phone="13900000000"))

    body = await gql(client, MEMBERSHIPS, token=token)

    connection = body["data"]["memberships"]
    users = [edge["node"]["user"] for edge in connection["edges"]]
    assert connection["totalCount"] == len(users) == (5 if sees_all else 1)
    assert users[0] == {"email": user.email, "phone": "13900000000"}  # newest first: the caller's own
    assert {u["phone"] for u in users[1:]} <= {phone}


async def test_pagination_walks_every_membership_once(client: AsyncTestClient[Any], db: Database) -> None:
    park = await _park_of_five(db)
    _, token = await member_token(client, db, park, Role.AUDITOR)
    seen: list[str] = []
    after = None

    for expected_next in (True, True, False):
        page = (await gql(client, MEMBERSHIPS, {"first": 2, "after": after}, token=token))["data"]["memberships"]
        assert page["totalCount"] == 5
        assert page["pageInfo"]["hasNextPage"] is expected_next
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        after = page["pageInfo"]["endCursor"]

    assert len(seen) == len(set(seen)) == 5


@pytest.mark.parametrize("variables", [{"first": 101}, {"first": -1}, {"after": "not-a-cursor"}, {"after": "WzFd"}])
async def test_bad_page_requests_are_refused(
    client: AsyncTestClient[Any], db: Database, variables: dict[str, Any]
) -> None:
    _, token = await _admin(client, db)

    body = await gql(client, MEMBERSHIPS, variables, token=token)

    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_membership_nodes_of_own_park_only(client: AsyncTestClient[Any], db: Database) -> None:
    park, token = await _admin(client, db)
    user, membership = await create_member(db, park, Role.AUDITOR)
    _, foreign = await create_member(db, await create_park(db), Role.AUDITOR)

    own = await gql(client, NODE, {"id": encode_id("Membership", membership.id)}, token=token)
    other = await gql(client, NODE, {"id": encode_id("Membership", foreign.id)}, token=token)
    malformed = await gql(client, NODE, {"id": "@@"}, token=token)

    assert own["data"]["node"] == {
        "id": encode_id("Membership", membership.id),
        "role": "AUDITOR",
        "user": {"email": user.email},
    }
    assert error_codes(other) == ["NOT_FOUND"]
    assert error_codes(malformed) == ["BAD_USER_INPUT"]


async def test_members_without_memberships_read_reach_only_their_own_node(
    client: AsyncTestClient[Any], db: Database
) -> None:
    park = await create_park(db)
    _, colleague = await create_member(db, park, Role.AUDITOR)
    user, token = await member_token(client, db, park, Role.FINANCE_OFFICER)
    own = (await gql(client, MEMBERSHIPS, token=token))["data"]["memberships"]["edges"][0]["node"]["id"]

    assert (await gql(client, NODE, {"id": own}, token=token))["data"]["node"]["user"]["email"] == user.email
    assert error_codes(await gql(client, NODE, {"id": encode_id("Membership", colleague.id)}, token=token)) == [
        "NOT_FOUND"
    ]


async def test_english_user_errors(client: AsyncTestClient[Any], db: Database) -> None:
    _, token = await _admin(client, db)
    variables = _grant_input(role="CHAIN_STAFF")

    zh = await gql(client, GRANT, variables, token=token)
    en = await gql(client, GRANT, variables, token=token, headers={"Accept-Language": "en"})

    zh_error, en_error = zh["data"]["grantMembership"]["userErrors"][0], en["data"]["grantMembership"]["userErrors"][0]
    assert zh_error["code"] == en_error["code"] == "SCOPE_REQUIRED"
    assert zh_error["message"] != en_error["message"]
