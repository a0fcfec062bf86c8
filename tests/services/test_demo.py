"""The demo park `make run` loads: loadable twice, fast, its logins work, and every screen has something
true to show (every ticket status, every application stage, organisations in every state, …)."""

import time
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest_asyncio
from _pytest.monkeypatch import MonkeyPatch
from litestar.testing import AsyncTestClient

from redchain.infra.clock import park_today
from redchain.infra.settings import get_settings
from redchain.services.demo import CHAIN_STAFF_EMAIL, CONTACT_EMAIL, DEMO_LOGINS, DEMO_PASSWORD, load_demo_data
from redchain.services.demo_scale.loader import SMALL_DEMO_LIMITS
from redchain.services.funds.models import ApplicationStatus
from redchain.services.liaison.models import LiaisonAssignment
from redchain.services.registry.models import MemberStatus, OrganizationKind, PartyOrganization
from redchain.services.tickets.models import TicketStatus
from tests.graphql.client import gql, login

ADMIN = "admin@changsha-hitech.dev"
COVERAGE = """query {
  coverage(listLimit: 10) {
    enterpriseCount coveredEnterpriseCount keyEnterpriseCount formationPipelineCount floatingMemberCount
    unreachedKeyEnterpriseCount organizationsByKind { kind formed preparing } membersByStatus { status count }
  }
}"""
COUNTS = """query {
  industryChains { nodes { id name } }
  visits { totalCount }
  liaisonAssignments { totalCount }
  partyOrganizations(first: 1) { totalCount }
  formed: partyOrganizations(filter: {status: FORMED}) { totalCount }
  preparing: partyOrganizations(filter: {status: PREPARING}) { totalCount }
  dissolved: partyOrganizations(filter: {status: DISSOLVED}) { totalCount }
}"""
ENTERPRISES_OF_CHAIN = "query($chain: ID!) { enterprises(filter: {chainId: $chain}) { totalCount } }"
SEARCH = "query($q: String!) { enterprises(filter: {search: $q}) { nodes { name } } }"
TICKETS = "query($statuses: [TicketStatus!]) { tickets(filter: {statuses: $statuses}) { totalCount } }"
SLA = """query {
  overdue: tickets(filter: {overdue: true}) { totalCount }
  all: tickets(first: 100) { nodes { status sla { escalationLevel breached } satisfaction { rating } } }
}"""
STATS = """query($period: PeriodInput!) {
  ticketStats(period: $period) { total { resolved slaMet rated satisfactionAverage } }
}"""
APPLICATIONS = "query($status: FundApplicationStatus) { fundApplications(status: $status) { totalCount } }"
BATCHES = "query { paymentBatches { nodes { status applicationCount } } }"
PROGRAMS = "query { fundPrograms { nodes { name budget { budgetFen reservedFen availableFen } } } }"
OWN_TICKETS = "query { tickets { nodes { status } } }"
OWN_APPLICATIONS = "query { fundApplications { nodes { status } } }"
CHAIN_TICKETS = "query { tickets(first: 100) { nodes { chain { name } } } }"


@pytest_asyncio.fixture(scope="module")
async def demo(isolated_database_url: str) -> AsyncIterator[tuple[AsyncTestClient[Any], str, float]]:
    """The demo's users and park have fixed names, and it loads across the platform: it gets a database,
    and an app on it, of its own; loaded once for the module."""
    from redchain.graphql.app import create_app

    with MonkeyPatch.context() as patch:
        settings = get_settings()
        patch.setattr(settings, "database_url", isolated_database_url)
        started = time.monotonic()
        first = await load_demo_data(settings, "small")
        seconds = time.monotonic() - started
        print(f"the demo loaded in {seconds:.1f} s")
        async with AsyncTestClient(app=create_app()) as client:
            yield client, first, seconds


@pytest_asyncio.fixture(scope="module")
async def admin(demo: tuple[AsyncTestClient[Any], str, float]) -> str:
    return await login(demo[0], ADMIN, DEMO_PASSWORD)


async def test_the_demo_loads_once_fast_and_its_logins_work(demo: tuple[AsyncTestClient[Any], str, float]) -> None:
    client, first, seconds = demo
    again = await load_demo_data(get_settings(), "small")

    assert "loaded" in first
    assert "already" in again
    assert seconds < 60, f"the demo took {seconds:.1f} s to load"
    for email in DEMO_LOGINS:
        assert await login(client, email, DEMO_PASSWORD)


async def test_the_registry_has_every_kind_state_and_status(
    demo: tuple[AsyncTestClient[Any], str, float], admin: str
) -> None:
    client = demo[0]

    coverage = (await gql(client, COVERAGE, token=admin))["data"]["coverage"]
    counts = (await gql(client, COUNTS, token=admin))["data"]

    assert 190 <= coverage["enterpriseCount"] <= 210
    assert 0 < coverage["coveredEnterpriseCount"] < coverage["enterpriseCount"]
    assert coverage["keyEnterpriseCount"] > 10
    assert coverage["formationPipelineCount"] > 0
    assert coverage["floatingMemberCount"] > 0
    assert coverage["unreachedKeyEnterpriseCount"] == 3
    assert {row["kind"] for row in coverage["organizationsByKind"] if row["formed"]} == set(OrganizationKind)
    assert any(row["preparing"] for row in coverage["organizationsByKind"])
    assert {row["status"] for row in coverage["membersByStatus"] if row["count"]} == set(MemberStatus)
    assert all(counts[status]["totalCount"] > 0 for status in ("formed", "preparing", "dissolved"))
    assert counts["visits"]["totalCount"] > 10
    assert counts["liaisonAssignments"]["totalCount"] > 5
    # Under the limits by which SCALE=park tells the small demo from its own rows.
    assert counts["partyOrganizations"]["totalCount"] <= SMALL_DEMO_LIMITS[PartyOrganization]
    assert counts["liaisonAssignments"]["totalCount"] <= SMALL_DEMO_LIMITS[LiaisonAssignment]
    for chain in counts["industryChains"]["nodes"]:
        found = await gql(client, ENTERPRISES_OF_CHAIN, {"chain": chain["id"]}, token=admin)
        assert found["data"]["enterprises"]["totalCount"] > 10, chain["name"]


async def test_the_named_enterprises_stay_findable(demo: tuple[AsyncTestClient[Any], str, float], admin: str) -> None:
    client = demo[0]

    for word, name in [("锂电", "长沙远大锂电材料有限公司"), ("博翔", "湖南博翔新材料科技有限公司")]:
        found = await gql(client, SEARCH, {"q": word}, token=admin)
        assert [n["name"] for n in found["data"]["enterprises"]["nodes"]] == [name]


async def test_tickets_are_in_every_status_some_overdue_escalated_and_rated(
    demo: tuple[AsyncTestClient[Any], str, float], admin: str
) -> None:
    client = demo[0]

    by_status = {
        status: (await gql(client, TICKETS, {"statuses": [status.value]}, token=admin))["data"]["tickets"]["totalCount"]
        for status in TicketStatus
    }
    sla = (await gql(client, SLA, token=admin))["data"]
    today = park_today()
    period = {"start": str(today - timedelta(days=180)), "end": str(today)}
    stats = (await gql(client, STATS, {"period": period}, token=admin))["data"]["ticketStats"]["total"]

    assert all(count > 0 for count in by_status.values()), by_status
    assert sla["overdue"]["totalCount"] > 0
    assert any(t["sla"]["escalationLevel"] > 0 for t in sla["all"]["nodes"])
    assert any(t["satisfaction"] for t in sla["all"]["nodes"])
    assert stats["rated"] > 0 and stats["satisfactionAverage"] is not None
    assert 0 < stats["slaMet"] < stats["resolved"]


async def test_fund_applications_are_at_every_stage(demo: tuple[AsyncTestClient[Any], str, float], admin: str) -> None:
    client = demo[0]

    by_status = {
        status: (await gql(client, APPLICATIONS, {"status": status.value}, token=admin))["data"]["fundApplications"][
            "totalCount"
        ]
        for status in ApplicationStatus
    }
    batches = (await gql(client, BATCHES, token=admin))["data"]["paymentBatches"]["nodes"]
    programs = (await gql(client, PROGRAMS, token=admin))["data"]["fundPrograms"]["nodes"]

    # The worker pays the executed batches (PAID, and FAILED for the account the treasury declines);
    # nothing is paid yet, so nothing is clawed back.
    reached = {status for status, count in by_status.items() if count}
    assert reached == set(ApplicationStatus) - {
        ApplicationStatus.PAID,
        ApplicationStatus.FAILED,
        ApplicationStatus.CLAWED_BACK,
    }, by_status
    assert by_status[ApplicationStatus.PAYING] == 6
    assert sorted(b["status"] for b in batches) == ["DRAFT", "EXECUTED", "EXECUTED"]
    assert len(programs) == 2
    assert all(0 < p["budget"]["availableFen"] < p["budget"]["budgetFen"] for p in programs)


async def test_the_published_logins_see_what_the_walkthroughs_show(
    demo: tuple[AsyncTestClient[Any], str, float],
) -> None:
    client = demo[0]
    contact = await login(client, CONTACT_EMAIL, DEMO_PASSWORD)
    secretary = await login(client, CHAIN_STAFF_EMAIL, DEMO_PASSWORD)

    own_tickets = (await gql(client, OWN_TICKETS, token=contact))["data"]["tickets"]["nodes"]
    own_applications = (await gql(client, OWN_APPLICATIONS, token=contact))["data"]["fundApplications"]["nodes"]
    chain_tickets = (await gql(client, CHAIN_TICKETS, token=secretary))["data"]["tickets"]["nodes"]

    assert sorted(t["status"] for t in own_tickets) == ["IN_PROGRESS", "NEW"]
    assert [a["status"] for a in own_applications] == ["SUBMITTED"]
    assert len(chain_tickets) > 2
    assert {t["chain"]["name"] for t in chain_tickets} == {"新材料"}
