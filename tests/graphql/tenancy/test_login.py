"""Login, tokens and `me` through GraphQL."""

from typing import Any

from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from redchain.services.permissions import Role
from tests.factories import create_member, create_park
from tests.graphql.client import LOGIN, error_codes, gql, login

ME = """
query Me {
  me {
    isPlatformAdmin roles permissions
    user { id email displayName }
    park { id code name }
    parks { code }
  }
}
"""


async def test_login_then_me(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, _ = await create_member(db, park, Role.PARK_ADMIN)

    token = await login(client, user.email)
    body = await gql(client, ME, token=token)

    assert "errors" not in body
    me = body["data"]["me"]
    assert me["user"]["email"] == user.email
    assert me["park"]["code"] == park.code
    assert me["roles"] == ["PARK_ADMIN"]
    assert "AUDIT_READ" in me["permissions"]
    assert me["parks"] == [{"code": park.code}]


async def test_wrong_password_is_a_user_error(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, _ = await create_member(db, park, Role.AUDITOR)

    body = await gql(client, LOGIN, {"input": {"email": user.email, "password": "wrong-password"}})

    payload = body["data"]["login"]
    assert payload["accessToken"] is None
    assert [e["code"] for e in payload["userErrors"]] == ["INVALID_CREDENTIALS"]


async def test_me_without_token_is_unauthenticated(client: AsyncTestClient[Any]) -> None:
    body = await gql(client, ME)
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert body["data"] is None
