"""What operators rely on: request IDs, JSON logs, health, readiness and Prometheus metrics."""

import io
import json
import logging
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.graphql import metrics as graphql_metrics
from redchain.infra.logging import JsonFormatter

ME = "query Me { me { roles } }"
GENERATED_ID = re.compile(r"^[0-9a-f]{32}$")


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """The app's log lines as the production handler writes them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("redchain")
    logger.addHandler(handler)
    level, logger.level = logger.level, logging.INFO
    try:
        yield stream
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.mark.parametrize("path", ["/graphql", "/healthz", "/readyz", "/metrics", "/api/v1/me", "/nope"])
async def test_every_response_has_a_request_id(client: AsyncTestClient[Any], path: str) -> None:
    response = await (client.post(path, json={"query": ME}) if path == "/graphql" else client.get(path))
    assert GENERATED_ID.match(response.headers["x-request-id"])


async def test_request_ids_differ(client: AsyncTestClient[Any]) -> None:
    ids = {(await client.get("/healthz")).headers["x-request-id"] for _ in range(3)}
    assert len(ids) == 3


async def test_sane_incoming_request_id_is_echoed(client: AsyncTestClient[Any]) -> None:
    graphql = await client.post("/graphql", json={"query": ME}, headers={"X-Request-ID": "gw-2026.11_23-abc"})
    not_found = await client.get("/api/nope", headers={"X-Request-ID": "gw-1"})

    assert graphql.headers["x-request-id"] == "gw-2026.11_23-abc"
    assert not_found.headers["x-request-id"] == "gw-1"
    # ...and it is the one the client can quote from an error it got
    assert not_found.json()["errors"][0]["extensions"]["requestId"] == "gw-1"


@pytest.mark.parametrize(
    "incoming",
    ["x" * 65, "abc def", "abc\u00e9", "a;b", "", "<script>"],
    ids=["long", "space", "non-ascii", "semicolon", "empty", "markup"],
)
async def test_insane_incoming_request_id_is_replaced(client: AsyncTestClient[Any], incoming: str) -> None:
    response = await client.get("/healthz", headers={b"X-Request-ID": incoming.encode()})
    assert GENERATED_ID.match(response.headers["x-request-id"])


async def test_log_lines_are_json_with_the_request_id(client: AsyncTestClient[Any], json_log: io.StringIO) -> None:
    await client.post("/graphql", json={"query": ME}, headers={"X-Request-ID": "log-check-1"})
    await client.get("/api/nope", headers={"X-Request-ID": "log-check-2"})

    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    by_request = {line["request_id"]: line for line in lines if line["logger"] == "redchain.api"}
    assert {"log-check-1", "log-check-2"} <= set(by_request)
    assert by_request["log-check-1"]["message"].startswith("POST /graphql 200")
    assert by_request["log-check-2"]["message"].startswith("GET /api/nope 404")
    assert all({"ts", "level", "logger", "message", "request_id"} <= set(line) for line in lines)


async def test_healthz(client: AsyncTestClient[Any]) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_checks_database_and_redis(client: AsyncTestClient[Any]) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "ok", "redis": "ok"}


def sample(metrics: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text, 0 when absent."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in metrics.splitlines():
        if line.startswith(name + "{"):
            found = ",".join(sorted(line[len(name) + 1 : line.index("}")].split(",")))
            if found == wanted:
                return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_metrics_count_operations_and_error_codes(client: AsyncTestClient[Any]) -> None:
    before = (await client.get("/metrics")).text

    await client.post("/graphql", json={"query": ME})  # UNAUTHENTICATED
    await client.post("/graphql", json={"query": "{ nope }"})  # BAD_USER_INPUT, validation
    await client.post("/graphql", json={"query": "{ me "})  # BAD_USER_INPUT, syntax
    response = await client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    after = response.text
    assert sample(after, "redchain_graphql_operation_seconds_count", operation="Me", type="query") == (
        sample(before, "redchain_graphql_operation_seconds_count", operation="Me", type="query") + 1
    )
    assert sample(after, "redchain_graphql_errors_total", code="UNAUTHENTICATED") == (
        sample(before, "redchain_graphql_errors_total", code="UNAUTHENTICATED") + 1
    )
    assert sample(after, "redchain_graphql_errors_total", code="BAD_USER_INPUT") == (
        sample(before, "redchain_graphql_errors_total", code="BAD_USER_INPUT") + 2
    )
    assert "redchain_http_request_seconds_count" in after
    assert "redchain_outbox_pending" in after


async def test_invented_operation_names_cannot_grow_the_metrics(
    client: AsyncTestClient[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(graphql_metrics, "MAX_OPERATION_NAMES", len(graphql_metrics._operation_names) + 1)
    first, second = f"Invented{uuid.uuid4().hex}", f"Invented{uuid.uuid4().hex}"

    for name in (first, second, second):
        await client.post("/graphql", json={"query": f"query {name} {{ me {{ roles }} }}"})
    metrics = (await client.get("/metrics")).text

    assert sample(metrics, "redchain_graphql_operation_seconds_count", operation=first, type="query") == 1
    assert f'operation="{second}"' not in metrics
    assert sample(metrics, "redchain_graphql_operation_seconds_count", operation="other", type="query") >= 2
