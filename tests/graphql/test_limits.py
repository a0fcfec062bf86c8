"""Request limits: depth, cost, body size, string size and page size, refused before any SQL runs."""

import time
from typing import Any

import pytest_asyncio
from httpx import Response
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis

from redchain.infra.db import Database
from redchain.infra.settings import Settings
from redchain.services.permissions import Role
from tests.factories import create_park
from tests.graphql.client import member_token

MEMBERSHIPS_PAGE = "query Page($first: Int) { memberships(first: $first) { edges { node { id } } } }"
# Each alias costs 1 + 100 * (edges 1 + node 1 + id 1) = 301.
MEMBERSHIPS_ALIAS = "m{i}: memberships(first: 100) {{ edges {{ node {{ id }} }} }}"
MEMBERSHIPS_ALIAS_COST = 301


@pytest_asyncio.fixture(scope="module")
async def headers(client: AsyncTestClient[Any], db: Database) -> dict[str, str]:
    park = await create_park(db)
    return {"Authorization": f"Bearer {(await member_token(client, db, park, Role.PARK_ADMIN))[1]}"}


def codes(response: Response) -> list[str]:
    return [e["extensions"]["code"] for e in response.json().get("errors", [])]


def introspection_of_depth(depth: int) -> str:
    # __type(1) fields(2) type(3) ofType(4..) name(depth): the only deep path our own schema offers.
    return '{ __type(name: "Query") { fields { type { ' + "ofType { " * (depth - 4) + "name" + " }" * (depth - 1) + " }"


async def test_depth_at_the_limit_is_allowed(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    response = await client.post(
        "/graphql", json={"query": introspection_of_depth(settings.max_query_depth)}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert "errors" not in response.json()


async def test_depth_over_the_limit_is_too_complex(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    response = await client.post(
        "/graphql", json={"query": introspection_of_depth(settings.max_query_depth + 1)}, headers=headers
    )
    assert response.status_code == 400
    assert codes(response) == ["QUERY_TOO_COMPLEX"]


async def test_depth_through_fragments_counts(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    levels = settings.max_query_depth - 3  # type(3) + ofType levels + name
    fragments = (
        "".join(f"fragment F{i} on __Type {{ ofType {{ ...F{i + 1} }} }} " for i in range(levels))
        + f"fragment F{levels} on __Type {{ name }}"
    )
    query = '{ __type(name: "Query") { fields { type { ...F0 } } } } ' + fragments

    response = await client.post("/graphql", json={"query": query}, headers=headers)

    assert response.status_code == 400
    assert codes(response) == ["QUERY_TOO_COMPLEX"]


async def test_cost_over_the_limit_is_too_complex(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    aliases = settings.max_query_cost // MEMBERSHIPS_ALIAS_COST + 1
    query = "{ " + " ".join(MEMBERSHIPS_ALIAS.format(i=i) for i in range(aliases)) + " }"

    response = await client.post("/graphql", json={"query": query}, headers=headers)

    assert response.status_code == 400
    assert codes(response) == ["QUERY_TOO_COMPLEX"]


async def test_cost_under_the_limit_runs(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    aliases = settings.max_query_cost // MEMBERSHIPS_ALIAS_COST
    query = "{ " + " ".join(MEMBERSHIPS_ALIAS.format(i=i) for i in range(aliases)) + " }"

    response = await client.post("/graphql", json={"query": query}, headers=headers)

    assert response.status_code == 200
    assert "errors" not in response.json()


async def test_page_size_variable_counts_as_the_largest_page(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    aliases = settings.max_query_cost // MEMBERSHIPS_ALIAS_COST + 1
    fields = " ".join(f"m{i}: memberships(first: $n) {{ edges {{ node {{ id }} }} }}" for i in range(aliases))

    response = await client.post(
        "/graphql", json={"query": f"query Q($n: Int) {{ {fields} }}", "variables": {"n": 1}}, headers=headers
    )

    assert response.status_code == 400
    assert codes(response) == ["QUERY_TOO_COMPLEX"]


async def test_fragment_bomb_is_refused_quickly(client: AsyncTestClient[Any], headers: dict[str, str]) -> None:
    # 40 fragments, each spreading the next twice: 2**40 fields if expanded, a few hundred bytes of query.
    fragments = "".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} " for i in range(40))
    query = "query { ...F0 } " + fragments + "fragment F40 on Query { __typename }"

    started = time.perf_counter()
    response = await client.post("/graphql", json={"query": query}, headers=headers)

    assert time.perf_counter() - started < 2
    assert response.status_code == 400
    assert codes(response) == ["QUERY_TOO_COMPLEX"]


async def test_long_fragment_chain_is_refused(client: AsyncTestClient[Any], headers: dict[str, str]) -> None:
    fragments = "".join(f"fragment F{i} on Query {{ ...F{i + 1} }} " for i in range(3000))
    query = "query { ...F0 } " + fragments + "fragment F3000 on Query { __typename }"

    response = await client.post("/graphql", json={"query": query}, headers=headers)

    assert response.status_code == 400
    assert set(codes(response)) <= {"QUERY_TOO_COMPLEX", "BAD_USER_INPUT"}
    assert codes(response)


async def test_body_over_the_limit_is_413(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    padding = " " * settings.max_body_bytes
    response = await client.post("/graphql", json={"query": "{ me { roles } }" + padding}, headers=headers)

    assert response.status_code == 413
    assert codes(response) == ["QUERY_TOO_COMPLEX"]


async def test_oversized_string_literal_is_400(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    long_id = "a" * (settings.max_string_length + 1)
    response = await client.post("/graphql", json={"query": f'{{ node(id: "{long_id}") {{ id }} }}'}, headers=headers)

    assert response.status_code == 400
    assert codes(response) == ["BAD_USER_INPUT"]
    assert response.json()["errors"][0]["extensions"]["reason"] == "STRING_TOO_LONG"


async def test_oversized_string_in_variables_is_400(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    long_text = "a" * (settings.max_string_length + 1)
    for variables in ({"id": long_text}, {"id": "x", "unused": {"deep": [["ok", long_text]]}}):
        response = await client.post(
            "/graphql",
            json={"query": "query N($id: ID!) { node(id: $id) { id } }", "variables": variables},
            headers=headers,
        )
        assert response.status_code == 400
        assert codes(response) == ["BAD_USER_INPUT"]


async def test_deeply_nested_variables_are_400(client: AsyncTestClient[Any], headers: dict[str, str]) -> None:
    nested = "[" * 50_000 + "]" * 50_000
    body = '{"query": "query N($id: ID!) { node(id: $id) { id } }", "variables": {"id": "x", "v": ' + nested + "}}"

    response = await client.post(
        "/graphql", content=body.encode(), headers={**headers, "Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert codes(response) == ["BAD_USER_INPUT"]


async def test_page_size_over_the_cap_is_bad_user_input(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    for first in (settings.max_page_size + 1, -1):
        response = await client.post(
            "/graphql", json={"query": MEMBERSHIPS_PAGE, "variables": {"first": first}}, headers=headers
        )
        assert response.status_code == 200
        assert codes(response) == ["BAD_USER_INPUT"]


async def test_caller_over_the_request_rate_is_429(
    client: AsyncTestClient[Any], db: Database, redis: Redis, settings: Settings
) -> None:
    user, token = await member_token(client, db, await create_park(db), Role.AUDITOR)
    await redis.set(f"rl:req:{user.id}", settings.requests_per_minute, ex=60)

    response = await client.post(
        "/graphql", json={"query": "{ me { roles } }"}, headers={"Authorization": f"Bearer {token}"}
    )

    assert response.status_code == 429
    assert response.headers["retry-after"] == "60"
    assert codes(response) == ["RATE_LIMITED"]
