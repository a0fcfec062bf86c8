"""What the web app's session screens need through GraphQL: the park switch, the password policy and whether
the password must be changed first."""

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.services.permissions import Role
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.models import Tenant
from tests.factories import PASSWORD, create_member, create_park, create_user, unique
from tests.graphql.client import LOGIN, error_codes, gql, user_errors

SWITCH = """
mutation Switch($input: SwitchParkInput!) {
  switchPark(input: $input) {
    accessToken refreshToken expiresAt
    park { id code }
    userErrors { field code }
  }
}
"""
REFRESH = "mutation($t: String!) { refreshToken(input: {refreshToken: $t}) { accessToken userErrors { code } } }"
ME = "{ me { roles mustChangePassword park { code } } }"
POLICY = "{ passwordPolicy { minLength maxLength minCharacterClasses history } }"
CREATE_KEY = 'mutation { createApiKey(input: {name: "k", scopes: [AUDIT_READ]}) { secret } }'


async def _session(client: AsyncTestClient[Any], email: str, park: Tenant, password: str = PASSWORD) -> dict[str, Any]:
    variables = {"input": {"email": email, "password": password, "parkId": encode_id("Park", park.id)}}
    payload = (await gql(client, LOGIN, variables))["data"]["login"]
    assert payload["userErrors"] == [], payload
    return payload  # type: ignore[no-any-return]


async def _switch(client: AsyncTestClient[Any], session: dict[str, Any], park_id: str) -> dict[str, Any]:
    variables = {"input": {"parkId": park_id, "refreshToken": session["refreshToken"]}}
    return await gql(client, SWITCH, variables, token=session["accessToken"])


async def test_a_member_of_two_parks_switches_without_signing_in(client: AsyncTestClient[Any], db: Database) -> None:
    first, second = await create_park(db), await create_park(db)
    user, _ = await create_member(db, first, Role.AUDITOR)
    await create_member(db, second, Role.PARK_ADMIN, user)
    before = await _session(client, user.email, first)

    body = await _switch(client, before, encode_id("Park", second.id))

    payload = body["data"]["switchPark"]
    assert payload["userErrors"] == [] and payload["park"]["code"] == second.code
    me = (await gql(client, ME, token=payload["accessToken"]))["data"]["me"]
    assert me == {"roles": ["PARK_ADMIN"], "mustChangePassword": False, "park": {"code": second.code}}
    old = (await gql(client, REFRESH, {"t": before["refreshToken"]}))["data"]["refreshToken"]
    assert [e["code"] for e in old["userErrors"]] == ["INVALID_REFRESH_TOKEN"]


@pytest.mark.parametrize("target", ["other-tenant", "not-a-park-id", "malformed"])
async def test_a_park_without_a_role_is_a_user_error_on_park_id(
    client: AsyncTestClient[Any], db: Database, target: str
) -> None:
    park, other = await create_park(db), await create_park(db)
    user, _ = await create_member(db, park, Role.AUDITOR)
    await create_member(db, other, Role.PARK_ADMIN)  # someone else's park
    session = await _session(client, user.email, park)
    park_id = {
        "other-tenant": encode_id("Park", other.id),
        "not-a-park-id": encode_id("Membership", other.id),
        "malformed": "%%%",
    }[target]

    body = await _switch(client, session, park_id)

    payload = body["data"]["switchPark"]
    expected = "NO_MEMBERSHIP" if target == "other-tenant" else "INVALID"
    assert user_errors(payload) == [("input.parkId", expected)]
    assert payload["accessToken"] is None
    # Refused, so the session is where it was.
    assert (await gql(client, REFRESH, {"t": session["refreshToken"]}))["data"]["refreshToken"]["userErrors"] == []


async def test_someone_elses_refresh_token_is_refused(client: AsyncTestClient[Any], db: Database) -> None:
    park, second = await create_park(db), await create_park(db)
    user, _ = await create_member(db, park, Role.AUDITOR)
    await create_member(db, second, Role.AUDITOR, user)
    someone, _ = await create_member(db, park, Role.AUDITOR)
    mine, theirs = await _session(client, user.email, park), await _session(client, someone.email, park)

    body = await _switch(client, {**mine, "refreshToken": theirs["refreshToken"]}, encode_id("Park", second.id))

    assert user_errors(body["data"]["switchPark"]) == [("input.refreshToken", "INVALID_REFRESH_TOKEN")]


async def test_switching_needs_a_signed_in_person(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    session = await _session(client, admin.email, park)
    secret = (await gql(client, CREATE_KEY, token=session["accessToken"]))["data"]["createApiKey"]["secret"]
    variables = {"input": {"parkId": encode_id("Park", park.id), "refreshToken": session["refreshToken"]}}

    anonymous = await gql(client, SWITCH, variables)
    api_key = await gql(client, SWITCH, variables, token=secret)

    assert error_codes(anonymous) == ["UNAUTHENTICATED"]
    assert error_codes(api_key) == ["FORBIDDEN"]


async def test_a_temporary_password_must_be_changed_before_switching(
    client: AsyncTestClient[Any], db: Database
) -> None:
    park, second = await create_park(db), await create_park(db)
    user = await create_user(db, must_change_password=True)
    await create_member(db, park, Role.AUDITOR, user)
    await create_member(db, second, Role.AUDITOR, user)
    session = await _session(client, user.email, park)

    me = (await gql(client, ME, token=session["accessToken"]))["data"]["me"]
    policy = await gql(client, POLICY, token=session["accessToken"])
    body = await _switch(client, session, encode_id("Park", second.id))

    assert me["mustChangePassword"] is True and me["roles"] == []
    assert "errors" not in policy
    assert [(e["extensions"]["code"], e["extensions"].get("reason")) for e in body["errors"]] == [
        ("FORBIDDEN", "PASSWORD_CHANGE_REQUIRED")
    ]


async def test_the_password_policy_is_public_and_is_the_one_enforced(client: AsyncTestClient[Any]) -> None:
    body = await gql(client, POLICY)

    policy = body["data"]["passwordPolicy"]
    assert policy == {
        "minLength": tenancy.MIN_PASSWORD_LENGTH,
        "maxLength": tenancy.MAX_PASSWORD_LENGTH,
        "minCharacterClasses": tenancy.MIN_PASSWORD_CLASSES,
        "history": tenancy.PASSWORD_HISTORY,
    }
    tenancy.check_password_strength("Aa1" + "x" * (policy["minLength"] - 3), f"{unique('u')}@example.cn")
