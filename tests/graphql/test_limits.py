"""Request limits: tokens, directives, depth, cost, introspection, body size, string size and page size,
refused before any SQL runs."""

import json
import time
import uuid
from typing import Any

import pytest
import pytest_asyncio
from graphql import get_introspection_query
from httpx import Response
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis

from redchain.graphql.limits import MAX_SAME_RESPONSE_NAME, MAX_SPREADS_PER_LEVEL
from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.infra.settings import Settings
from redchain.services.permissions import Role
from redchain.services.registry.credit_code import make_credit_code
from tests.factories import create_park
from tests.graphql.client import member_token

MEMBERSHIPS_PAGE = "query Page($first: Int) { memberships(first: $first) { edges { node { id } } } }"
# Each alias costs 1 + 100 * (edges 1 + node 1 + id 1) = 301.
MEMBERSHIPS_ALIAS = "m{i}: memberships(first: 100) {{ edges {{ node {{ id }} }} }}"
MEMBERSHIPS_ALIAS_COST = 301
NODE_QUERY = "query N($id: ID!) { node(id: $id) { id } }"


@pytest_asyncio.fixture(scope="module")
async def headers(client: AsyncTestClient[Any], db: Database) -> dict[str, str]:
    park = await create_park(db)
    return {"Authorization": f"Bearer {(await member_token(client, db, park, Role.PARK_ADMIN))[1]}"}


def codes(response: Response) -> list[str]:
    return [e["extensions"]["code"] for e in response.json().get("errors", [])]


def organization_of_depth(depth: int) -> str:
    # node(1) parent(2..depth-1) id(depth): a party organisation's parent chain is the schema's deep path.
    parents = depth - 2
    org = encode_id("PartyOrganization", uuid.uuid4())
    return f'{{ node(id: "{org}") {{ ... on PartyOrganization {{ ' + "parent { " * parents + "id" + " }" * (parents + 3)


async def test_depth_at_the_limit_is_allowed(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    response = await client.post(
        "/graphql", json={"query": organization_of_depth(settings.max_query_depth)}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert codes(response) == ["NOT_FOUND"]  # it ran: there is no such organisation


async def test_depth_over_the_limit_is_too_complex(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    response = await client.post(
        "/graphql", json={"query": organization_of_depth(settings.max_query_depth + 1)}, headers=headers
    )
    assert response.status_code == 400
    assert codes(response) == ["QUERY_TOO_COMPLEX"]


async def test_depth_through_fragments_counts(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    levels = settings.max_query_depth - 1  # node + parent levels + id
    fragments = (
        "".join(f"fragment F{i} on PartyOrganization {{ parent {{ ...F{i + 1} }} }} " for i in range(levels))
        + f"fragment F{levels} on PartyOrganization {{ id }}"
    )
    query = f'{{ node(id: "{encode_id("PartyOrganization", uuid.uuid4())}") {{ ...F0 }} }} ' + fragments

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
    assert codes(response) == ["QUERY_TOO_COMPLEX"] * 2  # its cost, and its levels too wide to merge


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


# Introspection: the standard query passes, nested introspection lists do not. ----------------------------


EVERY_FLAG = (
    "descriptions",
    "specified_by_url",
    "directive_is_repeatable",
    "schema_description",
    "input_value_deprecation",
)


@pytest.mark.parametrize("flags", [{}, dict.fromkeys(EVERY_FLAG, True)], ids=["default", "every-flag"])
async def test_standard_introspection_query_is_answered(
    client: AsyncTestClient[Any], headers: dict[str, str], flags: dict[str, bool]
) -> None:
    response = await client.post("/graphql", json={"query": get_introspection_query(**flags)}, headers=headers)

    assert response.status_code == 200, response.text
    assert "errors" not in response.json()
    assert response.json()["data"]["__schema"]["queryType"]["name"] == "Query"


@pytest.mark.parametrize(
    "query",
    [
        "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
        '{ __type(name: "Query") { fields { type { fields { type { fields { name } } } } } } }',
        "{ __schema { types { ...T } } } "
        "fragment T on __Type { fields { type { fields { type { fields { name } } } } } }",
        "{ " + " ".join(f"s{i}: __schema {{ types {{ name }} }}" for i in range(6)) + " }",
    ],
    ids=["schema-lists", "type-lists", "through-a-fragment", "aliased-roots"],
)
async def test_deep_or_repeated_introspection_is_too_complex(
    client: AsyncTestClient[Any], headers: dict[str, str], query: str
) -> None:
    response = await client.post("/graphql", json={"query": query}, headers=headers)

    assert response.status_code == 400
    assert codes(response) == ["QUERY_TOO_COMPLEX"]


# Tokens and directives: refused while parsing, whatever the rest of the document. -----------------------


def aliases(count: int) -> str:
    return "{ " + " ".join(f"a{i}: __typename" for i in range(count)) + " }"


def directives(count: int) -> str:
    return "{ __typename " + "@include(if: true) " * count + "}"


@pytest.mark.parametrize(
    "query",
    [aliases(20_000), directives(10_000), "{ __typename }" + "\n#" * 20_000],
    ids=["aliases", "directives", "comments"],
)
async def test_document_over_the_token_limit_is_too_complex(
    client: AsyncTestClient[Any], headers: dict[str, str], query: str
) -> None:
    for _ in range(2):  # the second time through the parser cache
        response = await client.post("/graphql", json={"query": query}, headers=headers)

        assert response.status_code == 400
        assert codes(response) == ["QUERY_TOO_COMPLEX"]
        assert response.json()["errors"][0]["extensions"]["reason"] == "TOO_MANY_TOKENS"


async def test_document_at_the_token_limit_runs(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    # "{" + 3 tokens per alias + "}"; the cost limit allows this many fields of one point each.
    count = min((settings.max_query_tokens - 2) // 3, settings.max_query_cost)

    response = await client.post("/graphql", json={"query": aliases(count)}, headers=headers)

    assert response.status_code == 200, response.text
    assert len(response.json()["data"]) == count


async def test_directives_over_the_limit_are_too_complex(
    client: AsyncTestClient[Any], headers: dict[str, str], settings: Settings
) -> None:
    allowed = await client.post("/graphql", json={"query": directives(1)}, headers=headers)
    refused = await client.post(
        "/graphql", json={"query": directives(settings.max_directives_per_field + 1)}, headers=headers
    )

    assert allowed.status_code == 200
    assert allowed.json() == {"data": {"__typename": "Query"}}
    assert refused.status_code == 400
    # @include is not repeatable, so each repetition is also reported (as BAD_USER_INPUT).
    too_complex = [e["extensions"] for e in refused.json()["errors"] if e["extensions"]["code"] == "QUERY_TOO_COMPLEX"]
    assert [e["reason"] for e in too_complex] == ["TOO_MANY_DIRECTIVES"]


# Strings PostgreSQL cannot store (or no field means to hold): refused before execution. ------------------

CREATE_ENTERPRISE = """
mutation Create($input: CreateEnterpriseInput!) {
  createEnterprise(input: $input) { enterprise { id } userErrors { field code } }
}
"""
ENTERPRISE_COUNT = "{ enterprises { totalCount } }"
BAD_STRINGS = [("a\x00b", "NUL_CHARACTER"), ("a\ud800b", "LONE_SURROGATE"), ("a\x1bb", "CONTROL_CHARACTER")]


def enterprise_input(name: str) -> dict[str, Any]:
    return {"creditCode": make_credit_code(uuid.uuid4().int % 31**9), "name": name}


async def enterprise_count(client: AsyncTestClient[Any], headers: dict[str, str]) -> int:
    response = await client.post("/graphql", json={"query": ENTERPRISE_COUNT}, headers=headers)
    return int(response.json()["data"]["enterprises"]["totalCount"])


@pytest.mark.parametrize(("name", "reason"), BAD_STRINGS, ids=["nul", "lone-surrogate", "escape"])
async def test_bad_character_in_a_variable_is_refused(
    client: AsyncTestClient[Any], headers: dict[str, str], name: str, reason: str
) -> None:
    before = await enterprise_count(client, headers)
    # Written by hand: a lone surrogate is valid JSON ("\ud800") that json.loads accepts.
    body = json.dumps({"query": CREATE_ENTERPRISE, "variables": {"input": enterprise_input(name)}})

    response = await client.post(
        "/graphql", content=body.encode(), headers={**headers, "Content-Type": "application/json"}
    )

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert (error["extensions"]["reason"], error["extensions"]["variable"]) == (reason, "input.name")
    assert await enterprise_count(client, headers) == before


@pytest.mark.parametrize(("name", "reason"), [BAD_STRINGS[0], BAD_STRINGS[2]], ids=["nul", "escape"])
async def test_bad_character_in_a_literal_is_refused(
    client: AsyncTestClient[Any], headers: dict[str, str], name: str, reason: str
) -> None:
    before = await enterprise_count(client, headers)
    code = make_credit_code(uuid.uuid4().int % 31**9)
    escaped = json.dumps(name)  # GraphQL string escapes are JSON's: "a\u0000b"
    arguments = f'input: {{creditCode: "{code}", name: {escaped}}}'
    query = f"mutation {{ createEnterprise({arguments}) {{ enterprise {{ id }} }} }}"

    response = await client.post("/graphql", json={"query": query}, headers=headers)

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert (error["extensions"]["reason"], error["extensions"]["argument"]) == (reason, "createEnterprise.input.name")
    assert await enterprise_count(client, headers) == before


async def test_lone_surrogate_escape_in_a_literal_does_not_parse(
    client: AsyncTestClient[Any], headers: dict[str, str]
) -> None:
    query = 'mutation { createEnterprise(input: {creditCode: "x", name: "a\\ud800b"}) { enterprise { id } } }'

    response = await client.post("/graphql", json={"query": query}, headers=headers)

    assert response.status_code == 400
    assert codes(response) == ["BAD_USER_INPUT"]


async def test_tab_and_newlines_pass(client: AsyncTestClient[Any], headers: dict[str, str]) -> None:
    before = await enterprise_count(client, headers)
    variables = {"input": enterprise_input("博翔\t新材料\r\n有限公司")}

    response = await client.post("/graphql", json={"query": CREATE_ENTERPRISE, "variables": variables}, headers=headers)

    assert response.json()["data"]["createEnterprise"]["userErrors"] == []
    assert await enterprise_count(client, headers) == before + 1


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"query": "query Me { me { roles } }", "operationName": "M\x00e"}, "operationName"),
        ({"query": NODE_QUERY, "variables": {"id": "x", "extra": {"de\x00ep": "ok"}}}, "extra"),
        ({"query": NODE_QUERY, "variables": {"id": "x", "extra": [["ok", "\udfff"]]}}, "extra.0.1"),
    ],
    ids=["operation-name", "object-key", "nested-list"],
)
async def test_bad_character_anywhere_in_the_request_is_refused(
    client: AsyncTestClient[Any], headers: dict[str, str], body: dict[str, Any], where: str
) -> None:
    response = await client.post(
        "/graphql", content=json.dumps(body).encode(), headers={**headers, "Content-Type": "application/json"}
    )

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["extensions"]["code"], error["extensions"]["variable"]) == ("BAD_USER_INPUT", where)


# Response levels too wide to check that their fields merge (a quadratic check): refused first. ----------


def fragments_spread(count: int) -> str:
    spreads = " ".join(f"...F{i}" for i in range(count))
    return f"{{ {spreads} }} " + " ".join(f"fragment F{i} on Query {{ m{i}: me {{ roles }} }}" for i in range(count))


@pytest.mark.parametrize(
    "query",
    [
        "{ " + "a: me { roles } " * (MAX_SAME_RESPONSE_NAME + 1) + "}",
        "{ me { " + "roles " * (MAX_SAME_RESPONSE_NAME + 1) + "} }",
        fragments_spread(MAX_SPREADS_PER_LEVEL + 1),
        "{ " + "... on Query { a: me { roles } } " * (MAX_SAME_RESPONSE_NAME + 1) + "}",
    ],
    ids=["one-alias", "one-field", "fragments", "inline-fragments"],
)
async def test_level_too_wide_to_merge_is_too_complex(
    client: AsyncTestClient[Any], headers: dict[str, str], query: str
) -> None:
    response = await client.post("/graphql", json={"query": query}, headers=headers)

    assert response.status_code == 400
    assert codes(response) == ["QUERY_TOO_COMPLEX"]
    assert response.json()["errors"][0]["extensions"]["reason"] == "TOO_WIDE"


@pytest.mark.parametrize(
    "query",
    ["{ " + "a: me { roles } " * MAX_SAME_RESPONSE_NAME + "}", fragments_spread(MAX_SPREADS_PER_LEVEL)],
    ids=["one-alias", "fragments"],
)
async def test_level_at_the_bound_runs(client: AsyncTestClient[Any], headers: dict[str, str], query: str) -> None:
    response = await client.post("/graphql", json={"query": query}, headers=headers)

    assert response.status_code == 200, response.text
    assert "errors" not in response.json()


@pytest.mark.parametrize(
    "query", ['{ me { roles } } "\ud800"', '{ node(id: "a\ud800") { id } }'], ids=["outside", "in-a-string"]
)
async def test_lone_surrogate_in_the_document_does_not_parse(
    client: AsyncTestClient[Any], headers: dict[str, str], query: str
) -> None:
    body = json.dumps({"query": query}).encode()  # "\ud800" in JSON, which json.loads accepts

    response = await client.post("/graphql", content=body, headers={**headers, "Content-Type": "application/json"})

    assert response.status_code == 400
    assert codes(response) == ["BAD_USER_INPUT"]
