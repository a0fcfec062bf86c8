"""The tickets API end to end: raising, the status machine, the timeline as each side sees it, errors."""

import asyncio
import json
from typing import Any

from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from tests.graphql.client import error_codes, gql, login, user_errors
from tests.graphql.registry.support import counted_statements
from tests.services.tickets.world import Person, World, build_world, raise_ticket

CREATE = """
mutation Create($input: CreateTicketInput!) {
  createTicket(input: $input) {
    ticket { id status priority version onBehalf enterprise { name } chain { name } category { code } aspect { code }
             sla { firstResponseDueAt resolutionDueAt paused breached escalationLevel } viewerActions }
    userErrors { field code message }
  }
}
"""
TRANSITION = """
mutation Move($input: TransitionTicketInput!) {
  transitionTicket(input: $input) {
    ticket { id status version satisfaction { rating comment } sla { paused resolutionDueAt } }
    userErrors { field code message }
  }
}
"""
COMMENT = """
mutation Comment($input: AddTicketCommentInput!) {
  addTicketComment(input: $input) { event { id kind visibility body author { displayName } } userErrors { code } }
}
"""
TICKET = """
query Ticket($id: ID!) {
  ticket(id: $id) {
    id status viewerActions
    timeline(first: 50) { totalCount edges { cursor node { kind visibility body data author { id } } } }
    watchers { id }
    extensionRequests { id }
  }
}
"""


def gid(type_name: str, row: Any) -> str:
    return str(encode_id(type_name, row.id))


async def token_for(client: AsyncTestClient[Any], world: World, person: Person) -> str:
    return await login(client, person.user.email, park_id=encode_id("Park", world.park.id))


def payload(body: dict[str, Any], field: str) -> dict[str, Any]:
    assert "errors" not in body, body
    return body["data"][field]  # type: ignore[no-any-return]


async def move(client: AsyncTestClient[Any], token: str, ticket_id: str, action: str, **extra: Any) -> dict[str, Any]:
    body = await gql(client, TRANSITION, {"input": {"id": ticket_id, "action": action, **extra}}, token)
    return payload(body, "transitionTicket")


async def test_a_ticket_from_raising_to_a_rated_close(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    contact, staff = await token_for(client, world, world.contact), await token_for(client, world, world.staff)
    created = payload(
        await gql(
            client,
            CREATE,
            {
                "input": {
                    "enterpriseId": gid("Enterprise", world.enterprise),
                    "title": "急需招聘焊工 20 名",
                    "description": "新订单需扩产，当地招工困难。",
                    "categoryId": gid("TicketCategory", world.category),
                    "aspectId": gid("TicketCategory", world.aspect),
                    "priority": "HIGH",
                }
            },
            contact,
        ),
        "createTicket",
    )
    assert created["userErrors"] == []
    ticket = created["ticket"]
    assert (ticket["status"], ticket["priority"], ticket["onBehalf"]) == ("NEW", "HIGH", False)
    assert ticket["enterprise"]["name"] == world.enterprise.name and ticket["chain"]["name"] == world.chain.name
    assert (ticket["category"]["code"], ticket["aspect"]["code"]) == ("PRODUCTION_FACTORS", "SUPPLY_AND_UTILITIES")
    assert ticket["sla"]["firstResponseDueAt"] and not ticket["sla"]["paused"]
    assert ticket["viewerActions"] == []  # the enterprise waits for the chain to act
    ticket_id = ticket["id"]

    accepted = await move(client, staff, ticket_id, "ACCEPT", expectedVersion=1)
    assert accepted["ticket"]["status"] == "ACCEPTED" and accepted["ticket"]["version"] == 2
    await move(client, staff, ticket_id, "START")
    waiting = await move(client, staff, ticket_id, "REQUEST_INFO", text="请提供岗位要求")
    assert waiting["ticket"]["sla"] == {"paused": True, "resolutionDueAt": None}
    note = payload(
        await gql(
            client, COMMENT, {"input": {"ticketId": ticket_id, "body": "人社局有专场招聘会", "internal": True}}, staff
        ),
        "addTicketComment",
    )
    assert note["event"]["visibility"] == "INTERNAL"
    reply = payload(
        await gql(client, COMMENT, {"input": {"ticketId": ticket_id, "body": "焊工证书要求见附件"}}, contact),
        "addTicketComment",
    )
    assert reply["event"]["kind"] == "PUBLIC_REPLY" and reply["event"]["author"]["displayName"]
    await move(client, staff, ticket_id, "RESOLVE", text="已推荐参加专场招聘会，招到 22 人")
    closed = await move(client, contact, ticket_id, "CLOSE", rating=5, text="非常及时")
    assert closed["ticket"]["status"] == "CLOSED"
    assert closed["ticket"]["satisfaction"] == {"rating": 5, "comment": "非常及时"}

    as_staff = payload(await gql(client, TICKET, {"id": ticket_id}, staff), "ticket")
    as_contact = payload(await gql(client, TICKET, {"id": ticket_id}, contact), "ticket")
    staff_kinds = [e["node"]["kind"] for e in as_staff["timeline"]["edges"]]
    contact_kinds = [e["node"]["kind"] for e in as_contact["timeline"]["edges"]]
    assert staff_kinds == [
        "CREATED",
        "STATUS_CHANGED",
        "STATUS_CHANGED",
        "STATUS_CHANGED",
        "INTERNAL_NOTE",
        "PUBLIC_REPLY",
        "STATUS_CHANGED",
        "STATUS_CHANGED",
        "STATUS_CHANGED",
    ]
    assert "INTERNAL_NOTE" not in contact_kinds and len(contact_kinds) == as_contact["timeline"]["totalCount"] == 8
    assert as_contact["viewerActions"] == ["REOPEN"]
    assert as_contact["extensionRequests"] == []


async def test_rule_failures_are_user_errors_and_nothing_changes(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    staff, auditor = await token_for(client, world, world.staff), await token_for(client, world, world.auditor)
    wrong = await move(client, staff, gid("Ticket", ticket), "RESOLVE", text="好了")
    assert wrong == {
        "ticket": None,
        "userErrors": [
            {
                "field": ["input", "id"],
                "code": "INVALID_TRANSITION",
                "message": "工单当前状态（NEW）下不能执行“RESOLVE”",
            }
        ],
    }
    english = await gql(
        client,
        TRANSITION,
        {"input": {"id": gid("Ticket", ticket), "action": "RESOLVE", "text": "done"}},
        staff,
        headers={"Accept-Language": "en"},
    )
    assert english["data"]["transitionTicket"]["userErrors"][0]["message"] == "Cannot RESOLVE a ticket that is NEW"
    reader = await move(client, auditor, gid("Ticket", ticket), "ACCEPT")
    assert [e["code"] for e in reader["userErrors"]] == ["NOT_ALLOWED"]
    reason = await move(client, staff, gid("Ticket", ticket), "REJECT")
    assert user_errors(reason) == [("input.text", "REQUIRED")]
    stale = await move(client, staff, gid("Ticket", ticket), "ACCEPT", expectedVersion=7)
    assert [e["code"] for e in stale["userErrors"]] == ["STALE_VERSION"]
    still = payload(await gql(client, TICKET, {"id": gid("Ticket", ticket)}, staff), "ticket")
    assert still["status"] == "NEW" and len(still["timeline"]["edges"]) == 1


async def test_other_parks_and_other_scopes_get_not_found(client: AsyncTestClient[Any], db: Database) -> None:
    world, other = await build_world(db), await build_world(db)
    ticket = await raise_ticket(db, world)
    foreign_admin = await token_for(client, other, other.admin)
    other_contact = await token_for(client, world, world.other_contact)
    for token in (foreign_admin, other_contact):
        assert error_codes(await gql(client, TICKET, {"id": gid("Ticket", ticket)}, token)) == ["NOT_FOUND"]
        node = await gql(client, "query($id: ID!) { node(id: $id) { id } }", {"id": gid("Ticket", ticket)}, token)
        assert error_codes(node) == ["NOT_FOUND"]
        moved = await move(client, token, gid("Ticket", ticket), "ACCEPT")
        assert [e["code"] for e in moved["userErrors"]] == ["NOT_FOUND"]
        listed = payload(await gql(client, "{ tickets { totalCount } }", None, token), "tickets")
        assert listed["totalCount"] == 0
    # Raising against another park's enterprise and taxonomy.
    foreign = payload(
        await gql(
            client,
            CREATE,
            {
                "input": {
                    "enterpriseId": gid("Enterprise", world.enterprise),
                    "title": "t",
                    "description": "d",
                    "categoryId": gid("TicketCategory", world.category),
                    "aspectId": gid("TicketCategory", world.aspect),
                }
            },
            foreign_admin,
        ),
        "createTicket",
    )
    assert [e["code"] for e in foreign["userErrors"]] == ["NOT_FOUND"]
    malformed = await gql(client, TICKET, {"id": "not-an-id"}, foreign_admin)
    assert error_codes(malformed) == ["BAD_USER_INPUT"]
    assert malformed["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "reason": "INVALID", "field": ["id"]}
    wrong_type = await gql(client, TICKET, {"id": gid("Enterprise", world.enterprise)}, foreign_admin)
    assert error_codes(wrong_type) == ["BAD_USER_INPUT"]
    assert error_codes(await gql(client, TICKET, {"id": gid("Ticket", ticket)})) == ["UNAUTHENTICATED"]


async def test_only_park_admins_configure_tickets(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    admin, staff = await token_for(client, world, world.admin), await token_for(client, world, world.staff)
    create = """mutation($input: CreateTicketCategoryInput!) {
      createTicketCategory(input: $input) { category { id code parent { code } } userErrors { code } } }"""
    target = """mutation($input: SetTicketSlaTargetInput!) { setTicketSlaTarget(input: $input) {
      target { priority firstResponseMinutes isReference } userErrors { code } } }"""
    variables = {"input": {"code": "LAND_USE", "name": "用地保障", "parentId": gid("TicketCategory", world.category)}}
    assert error_codes(await gql(client, create, variables, staff)) == ["FORBIDDEN"]
    made = payload(await gql(client, create, variables, admin), "createTicketCategory")
    assert made["category"]["parent"] == {"code": "PRODUCTION_FACTORS"}
    again = payload(await gql(client, create, variables, admin), "createTicketCategory")
    assert again == {"category": None, "userErrors": [{"code": "DUPLICATE_CODE"}]}
    limits = {"input": {"priority": "URGENT", "firstResponseMinutes": 30, "resolutionMinutes": 240}}
    assert error_codes(await gql(client, target, limits, staff)) == ["FORBIDDEN"]
    assert payload(await gql(client, target, limits, admin), "setTicketSlaTarget")["target"] == {
        "priority": "URGENT",
        "firstResponseMinutes": 30,
        "isReference": False,
    }
    listed = payload(
        await gql(
            client,
            """{ ticketCategories { code aspects { code } }
                                            ticketSlaTargets { priority isReference } }""",
            None,
            staff,
        ),
        "ticketCategories",
    )
    assert len(listed) == 4 and {a["code"] for a in listed[0]["aspects"]} >= {"SUPPLY_AND_UTILITIES", "LAND_USE"}


async def test_concurrent_transitions_through_the_api(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    staff, admin = await token_for(client, world, world.staff), await token_for(client, world, world.admin)
    results = await asyncio.gather(
        move(client, staff, gid("Ticket", ticket), "ACCEPT"), move(client, admin, gid("Ticket", ticket), "ACCEPT")
    )
    codes = sorted(json.dumps([e["code"] for e in r["userErrors"]]) for r in results)
    assert codes == ['["INVALID_TRANSITION"]', "[]"]


async def test_a_page_of_tickets_costs_the_same_statements_for_2_and_8(
    client: AsyncTestClient[Any], db: Database
) -> None:
    query = """{ tickets(first: 20) { totalCount nodes {
      id status enterprise { name } chain { name secretary { displayName } } category { name } aspect { name }
      raisedBy { displayName } assignee { displayName } watchers { displayName } attachments { filename }
      extensionRequests { reason } viewerActions sla { breached }
      timeline(first: 5) { totalCount nodes { kind author { displayName } } } } } }"""
    counts = []
    for size in (2, 8):
        world = await build_world(db)
        for i in range(size):
            await raise_ticket(db, world, by=world.officer if i % 2 else world.contact)
        token = await token_for(client, world, world.admin)
        with counted_statements() as statements:
            body = await gql(client, query, None, token)
        assert len(payload(body, "tickets")["nodes"]) == size
        counts.append(len(statements))
    assert counts[0] == counts[1]
