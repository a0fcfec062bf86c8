"""Sibling fields resolve concurrently, and so do requests: none may share a database session."""

import asyncio
from typing import Any

from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from redchain.services.permissions import Role
from tests.factories import create_member, create_park
from tests.graphql.client import gql, member_token

# Every root field, and the users inside memberships, reads the database on its own.
WIDE = """
query Wide {
  me { user { id } parks { id } }
  memberships(first: 50) { totalCount edges { node { id role user { email } } } }
  auditLog { totalCount edges { node { id } } }
  again: memberships(first: 5) { totalCount }
}
"""


async def test_root_fields_that_all_read_the_database(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    admin, token = await member_token(client, db, park, Role.PARK_ADMIN)
    for role in (Role.AUDITOR, Role.FINANCE_OFFICER, Role.AUDITOR):
        await create_member(db, park, role)

    body = await gql(client, WIDE, token=token)

    assert "errors" not in body, body["errors"]
    data = body["data"]
    assert data["me"]["parks"] == [{"id": data["me"]["parks"][0]["id"]}]
    assert data["memberships"]["totalCount"] == data["again"]["totalCount"] == 4
    assert admin.email in {edge["node"]["user"]["email"] for edge in data["memberships"]["edges"]}


async def test_twenty_requests_at_once(client: AsyncTestClient[Any], db: Database) -> None:
    parks = [await create_park(db) for _ in range(4)]
    tokens = [(await member_token(client, db, park, Role.PARK_ADMIN))[1] for park in parks]

    bodies = await asyncio.gather(*(gql(client, WIDE, token=tokens[i % len(tokens)]) for i in range(20)))

    assert [b.get("errors") for b in bodies] == [None] * 20
    # Each answer is its own park's: requests running side by side do not see each other's tenant.
    for i, body in enumerate(bodies):
        assert body["data"]["memberships"]["totalCount"] == 1
        assert body["data"]["me"]["parks"] == bodies[i % len(tokens)]["data"]["me"]["parks"]
    assert len({b["data"]["me"]["parks"][0]["id"] for b in bodies}) == len(parks)
