"""Property-based fuzzing of the whole committed SDL (hypothesis-graphql): every query and mutation field with
generated arguments, as a PARK_ADMIN and as an ENTERPRISE_CONTACT. Whatever a document asks, the answer
is never a 5xx, never INTERNAL and never a stack trace. Bounded in time, so `make test` stays short."""

import asyncio
import contextlib
import time
from datetime import UTC
from typing import Any

import pytest
import pytest_asyncio
from graphql import build_schema
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.graphql.schema import SCHEMA_FILE
from redchain.infra.db import Database
from redchain.services.permissions import Role
from tests.factories import create_chain, create_enterprise, create_member, create_park
from tests.graphql.client import gql, login, member_token

SCHEMA = build_schema(SCHEMA_FILE.read_text())  # the committed SDL, as integrators see it
# Four tests: about two minutes in all. Generating a document takes ~50-100 ms, most of each test's time.
SECONDS_PER_TEST = 25
NODE_TYPES = ["Park", "User", "Membership", "Enterprise", "IndustryChain", "PartyOrganization", "Ticket"]


def _scalars(known_ids: list[str]) -> dict[str, st.SearchStrategy[Any]]:
    # Real IDs of the fuzzing park (and one of another park) reach the services; the rest test decoding.
    ids = st.one_of(
        st.sampled_from(known_ids),
        st.builds(encode_id, st.sampled_from(NODE_TYPES), st.uuids()),
        st.text(max_size=30),
    )
    return {
        "ID": ids.map(nodes.String),
        "Date": st.dates().map(nodes.String),
        "DateTime": st.datetimes(timezones=st.just(UTC)).map(lambda moment: nodes.String(moment.isoformat())),
        "Fen": st.integers(min_value=-(2**60), max_value=2**60).map(nodes.Int),
        "JSON": st.just(nodes.String("{}")),
        "Upload": st.just(nodes.String("not-a-file")),
    }


@pytest_asyncio.fixture(scope="module")
async def fuzz_targets(client: AsyncTestClient[Any], db: Database) -> dict[str, Any]:
    park, other_park = await create_park(db), await create_park(db)
    chain = await create_chain(db, park)
    enterprise = await create_enterprise(db, park, chain_id=chain.id)
    foreign = await create_enterprise(db, other_park)
    _, admin_token = await member_token(client, db, park, Role.PARK_ADMIN)
    contact, _ = await create_member(db, park, Role.ENTERPRISE_CONTACT, enterprise_id=enterprise.id)
    contact_token = await login(client, contact.email, park_id=encode_id("Park", park.id))
    known_ids = [
        encode_id("Park", park.id),
        encode_id("IndustryChain", chain.id),
        encode_id("Enterprise", enterprise.id),
        encode_id("Enterprise", foreign.id),
        encode_id("User", contact.id),
    ]
    tokens = {"PARK_ADMIN": admin_token, "ENTERPRISE_CONTACT": contact_token}
    for role, token in tokens.items():  # a refused token would make every document a harmless 401
        me = await gql(client, "{ me { roles } }", token=token)
        assert me["data"]["me"]["roles"] == [role], me
    return {"tokens": tokens, "ids": known_ids}


class _Stop(BaseException):
    """Ends a run at its time bound or at the first failure. Not an Exception, so Hypothesis lets it through
    at once: an Exception makes it replay the example and pretty-print its syntax tree, which takes minutes
    for a large document (Hypothesis has no time limit of its own either)."""


def server_error(response: Any) -> str | None:
    if response.status_code >= 500:
        return f"HTTP {response.status_code}"
    if "Traceback" in response.text or 'File "' in response.text:
        return "a stack trace"
    codes = [error.get("extensions", {}).get("code") for error in response.json().get("errors", [])]
    return "INTERNAL" if "INTERNAL" in codes else None


@pytest.mark.parametrize("role", ["PARK_ADMIN", "ENTERPRISE_CONTACT"])
@pytest.mark.parametrize("kind", ["query", "mutation"])
async def test_no_document_makes_the_server_fail(
    client: AsyncTestClient[Any], fuzz_targets: dict[str, Any], role: str, kind: str
) -> None:
    make = queries if kind == "query" else mutations
    documents = make(SCHEMA, custom_scalars=_scalars(fuzz_targets["ids"]), allow_x00=False)
    headers = {"Authorization": f"Bearer {fuzz_targets['tokens'][role]}"}
    loop = asyncio.get_running_loop()
    stop_at = time.monotonic() + SECONDS_PER_TEST
    examples, failures = 0, []

    @settings(
        max_examples=2000,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(document=documents)
    def run(document: str) -> None:
        nonlocal examples
        if time.monotonic() > stop_at:
            raise _Stop
        examples += 1
        # Hypothesis drives a synchronous test, in a thread; the request runs on the suite's event loop.
        request = client.post("/graphql", json={"query": document}, headers=headers)
        response = asyncio.run_coroutine_threadsafe(request, loop).result()
        if problem := server_error(response):
            failures.append(f"{problem} for\n{document}\n{response.text[:2000]}")
            raise _Stop

    def drive() -> None:
        with contextlib.suppress(_Stop):
            run()

    await asyncio.to_thread(drive)
    assert failures == []
    assert examples > 0
