"""Calls the API as an integrator would: HTTP POST /graphql with JSON."""

from typing import Any

from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.services.permissions import Role
from redchain.services.tenancy.models import Tenant, User
from tests.factories import PASSWORD, create_member

LOGIN = """
mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken refreshToken expiresAt
    user { id email }
    park { id code }
    userErrors { field code message }
  }
}
"""


async def gql(
    client: AsyncTestClient[Any],
    query: str,
    variables: dict[str, Any] | None = None,
    token: str | None = None,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = f"Bearer {token}"
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=all_headers)
    body: dict[str, Any] = response.json()
    body["_status"] = response.status_code
    return body


async def login(client: AsyncTestClient[Any], email: str, password: str = PASSWORD, park_id: str | None = None) -> str:
    body = await gql(client, LOGIN, {"input": {"email": email, "password": password, "parkId": park_id}})
    payload = body["data"]["login"]
    assert payload["userErrors"] == [], payload
    return str(payload["accessToken"])


async def member_token(
    client: AsyncTestClient[Any], db: Database, park: Tenant, role: Role, user: User | None = None
) -> tuple[User, str]:
    """A new member of `park` with `role` (or `user` given it), signed in to that park."""
    user, _ = await create_member(db, park, role, user)
    return user, await login(client, user.email, park_id=encode_id("Park", park.id))


def error_codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors", [])]


def user_errors(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    """A payload's userErrors as (field path joined by dots, code), e.g. ("input.enterpriseIds.2", "INVALID")."""
    return [(".".join(e["field"]) if e["field"] is not None else None, e["code"]) for e in payload["userErrors"]]


CHANGE_PASSWORD = """
mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) { accessToken mustChangePassword userErrors { field code } }
}
"""
NEW_PASSWORD = "Fresh-Password-2026"


async def first_login(client: AsyncTestClient[Any], email: str, temporary_password: str) -> str:
    """Signs in with a temporary password and changes it (to NEW_PASSWORD), as a new account must."""
    token = await login(client, email, temporary_password)
    variables = {"input": {"currentPassword": temporary_password, "newPassword": NEW_PASSWORD}}
    payload = (await gql(client, CHANGE_PASSWORD, variables, token=token))["data"]["changePassword"]
    assert payload["userErrors"] == [] and payload["mustChangePassword"] is False, payload
    return str(payload["accessToken"])
