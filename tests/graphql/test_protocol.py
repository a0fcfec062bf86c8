"""GraphQL over HTTP: how a bad request is refused.

Statuses: a request error — the body, the document or the variables are wrong, so nothing was executed —
is 4xx: 400; 401 for a credential that is expired, forged or revoked (no credential at all is anonymous);
405 (with Allow: POST) for a mutation over GET or another method; 413 for a body over `max_body_bytes`;
415 for a content type other than JSON; 429 over the request rate. An execution error — a resolver
refused, e.g. UNAUTHENTICATED, NOT_FOUND, a malformed ID — is 200 with `errors` beside `data`.
Every error carries `extensions.code`; none is a 500, none carries a stack trace.
"""

import base64
import logging
import uuid
from types import SimpleNamespace
from typing import Any

import pytest
import pytest_asyncio
import strawberry
from httpx import Response
from litestar.testing import AsyncTestClient
from prometheus_client import REGISTRY

from redchain.graphql.errors import ErrorCode
from redchain.graphql.relay import encode_id
from redchain.graphql.schema import schema
from redchain.infra.db import Database
from redchain.infra.request_context import request_id_var
from redchain.services.permissions import Role
from tests.factories import create_member, create_park
from tests.graphql.client import error_codes, member_token

ME = "query Me { me { roles } }"
TWO_OPERATIONS = "query A { me { roles } } query B { me { isPlatformAdmin } }"
NODE = "query Node($id: ID!) { node(id: $id) { id } }"
AUDIT_SINCE = "query Audit($since: DateTime) { auditLog(since: $since) { totalCount } }"
MEMBERSHIPS_PAGE = "query Page($first: Int) { memberships(first: $first) { totalCount } }"
MEMBERSHIPS_AFTER = "query Page($after: String) { memberships(after: $after) { totalCount } }"


def assert_refused(response: Response, status: int, code: ErrorCode) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert {e["extensions"]["code"] for e in response.json()["errors"]} == {code.value}
    assert "Traceback" not in response.text and 'File "' not in response.text


@pytest_asyncio.fixture(scope="module")
async def token(client: AsyncTestClient[Any], db: Database) -> str:
    park = await create_park(db)
    return (await member_token(client, db, park, Role.PARK_ADMIN))[1]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_malformed_json_is_400(client: AsyncTestClient[Any], token: str) -> None:
    response = await client.post(
        "/graphql", content=b'{"query": "{ me', headers={**bearer(token), "Content-Type": "application/json"}
    )
    assert_refused(response, 400, ErrorCode.BAD_USER_INPUT)


async def test_text_plain_is_415(client: AsyncTestClient[Any], token: str) -> None:
    response = await client.post(
        "/graphql", content=b'{"query": "{ me { roles } }"}', headers={**bearer(token), "Content-Type": "text/plain"}
    )
    assert_refused(response, 415, ErrorCode.BAD_USER_INPUT)


@pytest.mark.parametrize(
    "body",
    [
        {"variables": {}},  # no query
        {"query": ""},
        {"query": ME, "variables": "not an object"},
        [{"query": ME}],  # batching is off
    ],
    ids=["missing", "empty", "variables-not-object", "batch"],
)
async def test_malformed_request_is_400(client: AsyncTestClient[Any], token: str, body: Any) -> None:
    response = await client.post("/graphql", json=body, headers=bearer(token))
    assert_refused(response, 400, ErrorCode.BAD_USER_INPUT)


@pytest.mark.parametrize(
    "body",
    [
        {"query": 'mutation { importMembers(file: "not-a-file") { userErrors { code } } }'},
        {
            "query": "mutation Import($file: Upload!) { importEnterprises(file: $file) { userErrors { code } } }",
            "variables": {"file": "not-a-file"},
        },
    ],
    ids=["literal", "variable"],
)
async def test_an_upload_that_is_no_file_is_400(client: AsyncTestClient[Any], token: str, body: Any) -> None:
    # Found by the schema fuzzer: a string where a multipart file belongs reached the resolver (INTERNAL).
    response = await client.post("/graphql", json=body, headers=bearer(token))
    assert_refused(response, 400, ErrorCode.BAD_USER_INPUT)


async def test_unknown_operation_name_is_400(client: AsyncTestClient[Any], token: str) -> None:
    response = await client.post(
        "/graphql", json={"query": TWO_OPERATIONS, "operationName": "C"}, headers=bearer(token)
    )
    assert_refused(response, 400, ErrorCode.BAD_USER_INPUT)


async def test_operation_name_picks_the_operation(client: AsyncTestClient[Any], token: str) -> None:
    response = await client.post(
        "/graphql", json={"query": TWO_OPERATIONS, "operationName": "B"}, headers=bearer(token)
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"me": {"isPlatformAdmin": False}}}


@pytest.mark.parametrize(
    "query",
    ["{ me { roles }", "query { me { roles } } }", "{ me { roles(x: ) } }", "{" * 300 + "}" * 300],
    ids=["unclosed", "extra-brace", "bad-argument", "nested-beyond-the-parser"],
)
async def test_syntax_error_is_400(client: AsyncTestClient[Any], token: str, query: str) -> None:
    response = await client.post("/graphql", json={"query": query}, headers=bearer(token))
    assert_refused(response, 400, ErrorCode.BAD_USER_INPUT)
    assert response.json()["data"] is None


@pytest.mark.parametrize(
    "query",
    [
        "{ nope }",
        "{ me { nope } }",
        "{ memberships(nope: 1) { totalCount } }",
        "{ me }",
        "query { ...Missing }",
        "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
    ],
    ids=["root-field", "nested-field", "argument", "no-selection", "unknown-fragment", "fragment-cycle"],
)
async def test_invalid_document_is_400(client: AsyncTestClient[Any], token: str, query: str) -> None:
    response = await client.post("/graphql", json={"query": query}, headers=bearer(token))
    assert_refused(response, 400, ErrorCode.BAD_USER_INPUT)


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (MEMBERSHIPS_PAGE, {"first": "ten"}),
        (MEMBERSHIPS_PAGE, {"first": 2**40}),
        (NODE, {}),  # a required variable is missing
        (NODE, {"id": None}),
        (AUDIT_SINCE, {"since": "yesterday"}),  # the scalar's own parser refuses it
    ],
    ids=["string-for-int", "int-overflow", "missing-required", "null-for-required", "bad-datetime"],
)
async def test_variable_that_does_not_coerce_is_400(
    client: AsyncTestClient[Any], token: str, query: str, variables: dict[str, Any]
) -> None:
    response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=bearer(token))
    assert_refused(response, 400, ErrorCode.BAD_USER_INPUT)


async def test_mutation_over_get_is_refused(client: AsyncTestClient[Any], token: str) -> None:
    response = await client.get("/graphql", params={"query": "mutation { logout { ok } }"}, headers=bearer(token))
    assert_refused(response, 405, ErrorCode.BAD_USER_INPUT)
    assert response.headers["allow"] == "POST"


async def test_query_over_get_works(client: AsyncTestClient[Any], token: str) -> None:
    response = await client.get("/graphql", params={"query": ME}, headers=bearer(token))
    assert response.status_code == 200
    assert response.json() == {"data": {"me": {"roles": ["PARK_ADMIN"]}}}


async def test_other_methods_are_405(client: AsyncTestClient[Any], token: str) -> None:
    response = await client.put("/graphql", json={"query": ME}, headers=bearer(token))
    assert_refused(response, 405, ErrorCode.BAD_USER_INPUT)


async def test_unknown_path_is_404(client: AsyncTestClient[Any]) -> None:
    assert_refused(await client.get("/api/nope"), 404, ErrorCode.NOT_FOUND)


async def test_execution_error_is_200_with_errors(client: AsyncTestClient[Any]) -> None:
    response = await client.post("/graphql", json={"query": ME})

    assert response.status_code == 200
    assert response.json()["data"] is None
    assert error_codes(response.json()) == ["UNAUTHENTICATED"]


@pytest.mark.parametrize(
    "global_id",
    ["!!!", "bm90LWEtZ2xvYmFsLWlk", encode_id("Membership", uuid.uuid4())[:-3]],
    ids=["not-base64", "no-type", "truncated"],
)
async def test_malformed_global_id_is_bad_user_input(client: AsyncTestClient[Any], token: str, global_id: str) -> None:
    response = await client.post(
        "/graphql", json={"query": NODE, "variables": {"id": global_id}}, headers=bearer(token)
    )
    assert_refused(response, 200, ErrorCode.BAD_USER_INPUT)


async def test_another_parks_object_is_not_found(client: AsyncTestClient[Any], db: Database, token: str) -> None:
    other_park = await create_park(db)
    _, other_membership = await create_member(db, other_park, Role.AUDITOR)

    for global_id in (
        encode_id("Membership", other_membership.id),
        encode_id("Park", other_park.id),
        encode_id("NoSuchType", uuid.uuid4()),
    ):
        response = await client.post(
            "/graphql", json={"query": NODE, "variables": {"id": global_id}}, headers=bearer(token)
        )
        assert_refused(response, 200, ErrorCode.NOT_FOUND)


async def test_english_messages_on_request(client: AsyncTestClient[Any]) -> None:
    zh = (await client.post("/graphql", json={"query": ME})).json()
    en = (await client.post("/graphql", json={"query": ME}, headers={"Accept-Language": "en-US,en;q=0.9"})).json()
    assert error_codes(zh) == error_codes(en) == ["UNAUTHENTICATED"]
    assert zh["errors"][0]["message"] != en["errors"][0]["message"]


def cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "after",
    [
        "!!!",
        cursor("not json"),
        cursor('{"a": 1}'),
        cursor('["2026-01-01T00:00:00+00:00"]'),  # one key of two
        cursor('["2026-01-01T00:00:00+00:00", 5]'),
        cursor(f'["yesterday", "{uuid.uuid4()}"]'),
        cursor("[" * 3000 + "]" * 3000),  # still within max_string_length
    ],
    ids=["not-base64", "not-json", "not-a-list", "too-short", "not-strings", "bad-timestamp", "nested"],
)
async def test_malformed_cursor_is_bad_user_input(client: AsyncTestClient[Any], token: str, after: str) -> None:
    response = await client.post(
        "/graphql", json={"query": MEMBERSHIPS_AFTER, "variables": {"after": after}}, headers=bearer(token)
    )
    assert_refused(response, 200, ErrorCode.BAD_USER_INPUT)


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer not-a-jwt"},
        {"Authorization": "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."},  # alg none
        {"X-API-Key": "garbage"},
        {"X-API-Key": f"rck_{uuid.uuid4().hex}_{uuid.uuid4().hex}_secret"},  # no such park or key
        {"Authorization": f"Bearer rck_{uuid.uuid4().hex}_{uuid.uuid4().hex}_secret"},
        {"X-API-Key": "rck_not-hex_not-hex_x"},
    ],
    ids=["garbage-token", "unsigned-token", "garbage-key", "unknown-key", "unknown-key-as-bearer", "malformed-key"],
)
async def test_bad_credentials_are_401(client: AsyncTestClient[Any], headers: dict[str, str]) -> None:
    assert_refused(await client.post("/graphql", json={"query": ME}, headers=headers), 401, ErrorCode.UNAUTHENTICATED)


# An unexpected exception in a resolver, through the real schema's extensions. ----------------------------


@strawberry.type
class _Broken:
    @strawberry.field
    def ok(self) -> int:
        return 1

    @strawberry.field
    def boom(self) -> int:
        raise RuntimeError("connection to 10.0.0.7 refused; password=hunter2")


_broken_schema = strawberry.Schema(query=_Broken, extensions=schema.extensions)


async def test_unexpected_exception_is_masked_as_internal(caplog: pytest.LogCaptureFixture) -> None:
    token = request_id_var.set("req-boom-1")
    try:
        result = await _broken_schema.execute("{ ok boom }", context_value=SimpleNamespace(locale="en"))
    finally:
        request_id_var.reset(token)

    assert result.data is None  # boom is non-null: its null spreads to the root
    assert result.errors is not None and len(result.errors) == 1
    error = result.errors[0].formatted
    assert error["extensions"] == {"code": "INTERNAL", "requestId": "req-boom-1"}
    assert error["message"] == "Internal server error"
    assert error["path"] == ["boom"]
    assert "hunter2" not in str(error) and "RuntimeError" not in str(error)
    # ...but the log has what an operator needs: the traceback and the request ID.
    logged = [r for r in caplog.records if r.name == "redchain.graphql"]
    assert len(logged) == 1
    assert logged[0].exc_info is not None and logged[0].request_id == "req-boom-1"  # type: ignore[attr-defined]


@pytest.mark.parametrize("query", ["{ ok nope }", "{ ok "], ids=["invalid", "syntax"])
async def test_refusals_of_the_request_are_bad_user_input(query: str) -> None:
    result = await _broken_schema.execute(query, context_value=SimpleNamespace(locale="en"))
    assert result.errors is not None
    assert [(e.extensions or {}).get("code") for e in result.errors] == ["BAD_USER_INPUT"]


# A client that leaves mid-request is a client abort, not a server error. --------------------------------


def _latency_count(status: str) -> float:
    labels = {"method": "POST", "path": "/graphql", "status": status}
    return REGISTRY.get_sample_value("redchain_http_request_seconds_count", labels) or 0.0


async def test_client_gone_before_its_body_arrived_is_499(
    client: AsyncTestClient[Any], caplog: pytest.LogCaptureFixture
) -> None:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"), (b"content-length", b"40")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
        "state": {},
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.disconnect"}  # as uvicorn says once the connection is closed

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    aborts, server_errors = _latency_count("499"), _latency_count("500")
    with caplog.at_level(logging.INFO, logger="redchain.api"):
        await client.app(scope, receive, send)  # type: ignore[arg-type]

    assert (_latency_count("499"), _latency_count("500")) == (aborts + 1, server_errors)
    [access] = [r for r in caplog.records if r.name == "redchain.api"]
    assert access.levelno == logging.INFO and " 499 " in access.getMessage()
