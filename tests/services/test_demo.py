"""The demo data `make run` loads: complete, loadable twice, and its logins work."""

from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio
from litestar.testing import AsyncTestClient

from redchain.infra.settings import Settings
from redchain.services.demo import DEMO_LOGINS, DEMO_PASSWORD, load_demo_data
from tests.graphql.client import gql, login

COVERAGE = "query { coverage { enterpriseCount coveredEnterpriseCount } }"
APPLICATIONS = "query { fundApplications { edges { node { status } } } }"
TICKETS = "query { tickets { totalCount edges { node { status } } } }"


@pytest_asyncio.fixture
async def demo_client(isolated_settings: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    """The demo's users and park have fixed names, and it loads across the platform: it gets a database,
    and an app on it, of its own."""
    from redchain.graphql.app import create_app

    async with AsyncTestClient(app=create_app()) as test_client:
        yield test_client


async def test_demo_data_loads_once_and_its_logins_work(
    isolated_settings: Settings, demo_client: AsyncTestClient[Any]
) -> None:
    settings, client = isolated_settings, demo_client
    first = await load_demo_data(settings, "small")
    again = await load_demo_data(settings, "small")

    assert "loaded" in first
    assert "already" in again
    for email in DEMO_LOGINS:
        assert await login(client, email, DEMO_PASSWORD)
    admin = await login(client, "admin@changsha-hitech.dev", DEMO_PASSWORD)
    body = await gql(client, COVERAGE, token=admin)
    assert body["data"]["coverage"]["enterpriseCount"] == 5
    assert body["data"]["coverage"]["coveredEnterpriseCount"] == 1
    contact = await login(client, "contact@boxiang.dev", DEMO_PASSWORD)
    tickets = (await gql(client, TICKETS, token=contact))["data"]["tickets"]
    assert sorted(edge["node"]["status"] for edge in tickets["edges"]) == ["IN_PROGRESS", "NEW"]
    applications = (await gql(client, APPLICATIONS, token=contact))["data"]["fundApplications"]
    assert [edge["node"]["status"] for edge in applications["edges"]] == ["SUBMITTED"]
