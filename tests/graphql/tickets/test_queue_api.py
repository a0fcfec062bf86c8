"""The fields the staff screens read: search, the deadline that counts, viewerCan, assignee candidates and
the figures by status; what each role gets, and bad input."""

from typing import Any

from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from redchain.infra.models_base import utcnow
from tests.graphql.client import error_codes, gql
from tests.graphql.tickets.test_tickets_api import gid, token_for
from tests.services.tickets.world import build_world, raise_ticket

SEARCH = """
query Search($search: String) {
  tickets(first: 20, filter: { search: $search }) { totalCount nodes { title } }
}
"""
DETAIL = """
query Detail($id: ID!) {
  ticket(id: $id) {
    sla { dueAt warnAt firstResponseDueAt }
    viewerActions
    viewerCan { assign reply internalNote attach requestExtension decideExtension remind }
    assigneeCandidates { id }
  }
}
"""
BY_STATUS = """
query ByStatus { ticketStats(period: { start: "2026-01-01", end: "2026-12-31" }) { byStatus { status count } } }
"""


async def test_search_through_the_api_and_its_bound(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    await raise_ticket(db, world, title="融资需求对接")
    await raise_ticket(db, world, title="用电增容")
    token = await token_for(client, world, world.staff)

    found = await gql(client, SEARCH, {"search": " 融资 "}, token)
    too_long = await gql(client, SEARCH, {"search": "长" * 500}, token)

    assert found["data"]["tickets"] == {"totalCount": 1, "nodes": [{"title": "融资需求对接"}]}
    assert error_codes(too_long) == ["BAD_USER_INPUT"]


async def test_the_detail_says_what_the_viewer_may_do(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world, now=utcnow())
    staff, contact = await token_for(client, world, world.staff), await token_for(client, world, world.contact)

    as_staff = (await gql(client, DETAIL, {"id": gid("Ticket", ticket)}, staff))["data"]["ticket"]
    as_contact = (await gql(client, DETAIL, {"id": gid("Ticket", ticket)}, contact))["data"]["ticket"]

    assert as_staff["sla"]["dueAt"] == as_staff["sla"]["firstResponseDueAt"]  # nobody has answered yet
    assert as_staff["sla"]["warnAt"] < as_staff["sla"]["dueAt"]
    assert as_staff["viewerActions"] == ["ACCEPT", "REJECT", "MARK_DUPLICATE"]
    assert as_staff["viewerCan"] == {
        "assign": True,
        "reply": True,
        "internalNote": True,
        "attach": True,
        "requestExtension": True,
        "decideExtension": False,
        "remind": False,
    }
    assert {u["id"] for u in as_staff["assigneeCandidates"]} == {
        gid("User", p.user) for p in (world.staff, world.secretary, world.officer)
    }
    assert as_contact["viewerCan"]["internalNote"] is False and as_contact["viewerCan"]["assign"] is False
    assert as_contact["assigneeCandidates"] == []


async def test_another_chains_staff_get_not_found(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)

    body = await gql(client, DETAIL, {"id": gid("Ticket", ticket)}, await token_for(client, world, world.other_staff))

    assert error_codes(body) == ["NOT_FOUND"]


async def test_figures_by_status_follow_the_scope(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    await raise_ticket(db, world)

    mine = await gql(client, BY_STATUS, None, await token_for(client, world, world.staff))
    theirs = await gql(client, BY_STATUS, None, await token_for(client, world, world.other_staff))
    finance = await gql(client, BY_STATUS, None, await token_for(client, world, world.finance))

    assert mine["data"]["ticketStats"]["byStatus"] == [{"status": "NEW", "count": 1}]
    assert theirs["data"]["ticketStats"]["byStatus"] == []
    assert error_codes(finance) == ["FORBIDDEN"]
