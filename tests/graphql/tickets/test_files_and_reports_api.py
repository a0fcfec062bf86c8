"""Attachments through a GraphQL multipart upload and the download route; ticketStats and the CSV export."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from litestar.testing import AsyncTestClient
from sqlmodel import col

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.infra.settings import Settings
from redchain.services.audit.models import AuditEntry
from redchain.services.tickets.workflow import TicketAction
from tests.formulas import FORMULAS, csv_cells
from tests.graphql.client import error_codes, gql, login
from tests.services.tickets.world import MONDAY, Person, World, act, build_world, raise_ticket

ATTACH = """
mutation Attach($input: AddTicketAttachmentInput!) {
  addTicketAttachment(input: $input) {
    attachment { id filename contentType sizeBytes sha256 downloadUrl uploadedBy { id } }
    userErrors { field code }
  }
}
"""
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture(autouse=True)
def attachments_dir(settings: Settings, tmp_path: Path) -> Iterator[Path]:
    """Files land in the test's own folder, not the checkout's .data/."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "attachments_dir", str(tmp_path))
        yield tmp_path


async def token_for(client: AsyncTestClient[Any], world: World, person: Person) -> str:
    return await login(client, person.user.email, park_id=encode_id("Park", world.park.id))


async def upload(
    client: AsyncTestClient[Any], token: str, ticket_id: str, name: str, data: bytes, content_type: str
) -> dict[str, Any]:
    operations = {"query": ATTACH, "variables": {"input": {"ticketId": ticket_id, "file": None}}}
    response = await client.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.input.file"]})},
        files={"0": (name, data, content_type)},
        headers={"Authorization": f"Bearer {token}"},
    )
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    return body["data"]["addTicketAttachment"]  # type: ignore[no-any-return]


async def test_upload_then_download_within_scope_only(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    ticket_id = str(encode_id("Ticket", ticket.id))
    contact = await token_for(client, world, world.contact)
    done = await upload(client, contact, ticket_id, "电费通知单.pdf", PDF, "application/pdf")
    attachment = done["attachment"]
    assert done["userErrors"] == []
    assert (attachment["filename"], attachment["contentType"], attachment["sizeBytes"]) == (
        "电费通知单.pdf",
        "application/pdf",
        len(PDF),
    )
    staff = await token_for(client, world, world.staff)
    got = await client.get(attachment["downloadUrl"], headers={"Authorization": f"Bearer {staff}"})
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.headers["x-content-type-options"] == "nosniff"
    outsider = await token_for(client, world, world.other_contact)
    denied = await client.get(attachment["downloadUrl"], headers={"Authorization": f"Bearer {outsider}"})
    assert denied.status_code == 404 and denied.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert (await client.get(attachment["downloadUrl"])).status_code == 401
    listed = await gql(
        client, "query($id: ID!) { ticket(id: $id) { attachments { filename } } }", {"id": ticket_id}, outsider
    )
    assert error_codes(listed) == ["NOT_FOUND"]


async def test_uploads_over_the_limits_are_user_errors(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    ticket_id = str(encode_id("Ticket", ticket.id))
    contact = await token_for(client, world, world.contact)
    script = await upload(client, contact, ticket_id, "x.html", b"<script>alert(1)</script>", "text/html")
    assert script == {"attachment": None, "userErrors": [{"field": ["input", "file"], "code": "FILE_TYPE_NOT_ALLOWED"}]}
    fake = await upload(client, contact, ticket_id, "x.pdf", b"MZ\x90\x00", "application/pdf")
    assert [e["code"] for e in fake["userErrors"]] == ["FILE_TYPE_NOT_ALLOWED"]
    auditor = await token_for(client, world, world.auditor)
    refused = await upload(client, auditor, ticket_id, "x.pdf", PDF, "application/pdf")
    assert [e["code"] for e in refused["userErrors"]] == ["NOT_ALLOWED"]


STATS = """
query Stats($period: PeriodInput!, $chainId: ID) {
  ticketStats(period: $period, chainId: $chainId) {
    problemsSolved categoriesSolved aspectsSolved
    total { opened resolved openNow slaMet slaMetRate medianResolutionHours p90ResolutionHours satisfactionAverage }
    byChain { chain { name } figures { opened resolved } }
    byCategory { category { code } figures { opened } }
  }
}
"""


async def test_stats_and_csv(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    solved = await raise_ticket(db, world)
    for step in (TicketAction.ACCEPT, TicketAction.START, TicketAction.RESOLVE):
        await act(db, world, world.staff, solved, step)
    await act(db, world, world.contact, solved, TicketAction.CLOSE, rating=4)
    await raise_ticket(db, world)
    admin = await token_for(client, world, world.admin)
    period = {"start": str(MONDAY.date()), "end": str(MONDAY.date())}
    body = await gql(client, STATS, {"period": period}, admin)
    assert "errors" not in body, body
    stats = body["data"]["ticketStats"]
    assert (stats["problemsSolved"], stats["categoriesSolved"], stats["aspectsSolved"]) == (1, 1, 1)
    assert stats["total"] == {
        "opened": 2,
        "resolved": 1,
        "openNow": 1,
        "slaMet": 1,
        "slaMetRate": 1.0,
        "medianResolutionHours": 0.0,
        "p90ResolutionHours": 0.0,
        "satisfactionAverage": 4.0,
    }
    assert stats["byChain"] == [{"chain": {"name": world.chain.name}, "figures": {"opened": 2, "resolved": 1}}]
    assert stats["byCategory"] == [{"category": {"code": "PRODUCTION_FACTORS"}, "figures": {"opened": 2}}]
    backwards = await gql(client, STATS, {"period": {"start": "2026-03-02", "end": "2026-03-01"}}, admin)
    assert error_codes(backwards) == ["BAD_USER_INPUT"]
    assert backwards["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "reason": "INVALID_PERIOD",
        "field": ["period"],
    }
    other = await build_world(db)
    foreign_chain = await gql(
        client, STATS, {"period": period, "chainId": str(encode_id("IndustryChain", other.chain.id))}, admin
    )
    assert error_codes(foreign_chain) == ["NOT_FOUND"]
    finance = await token_for(client, world, world.finance)
    assert error_codes(await gql(client, STATS, {"period": period}, finance)) == ["FORBIDDEN"]

    csv_query = "query { ticketsCsv(filter: {statuses: [CLOSED]}) }"
    text = (await gql(client, csv_query, None, admin))["data"]["ticketsCsv"]
    lines = text.lstrip("\ufeff").strip().splitlines()
    assert len(lines) == 2 and world.enterprise.name in lines[1]
    contact = await token_for(client, world, world.other_contact)
    empty = (await gql(client, csv_query, None, contact))["data"]["ticketsCsv"]
    assert len(empty.strip().splitlines()) == 1


CREATE = """
mutation Create($input: CreateTicketInput!) {
  createTicket(input: $input) { ticket { id } userErrors { code } }
}
"""


async def test_titles_typed_as_formulas_stay_text_in_the_csv(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    contact = await token_for(client, world, world.contact)
    for title in FORMULAS:
        draft = {
            "enterpriseId": encode_id("Enterprise", world.enterprise.id),
            "title": title,
            "description": "说明",
            "categoryId": encode_id("TicketCategory", world.category.id),
            "aspectId": encode_id("TicketCategory", world.aspect.id),
        }
        created = await gql(client, CREATE, {"input": draft}, contact)
        assert created["data"]["createTicket"]["userErrors"] == [], created
    admin = await token_for(client, world, world.admin)

    body = await gql(client, "query { ticketsCsv }", None, admin)

    rows = csv_cells(body["data"]["ticketsCsv"])
    assert {row[rows[0].index("标题 Title")] for row in rows[1:]} == {"'" + title for title in FORMULAS}
    async with db.transaction(world.park.id) as session:
        exports = list(
            await session.scalars(
                sa.select(AuditEntry.after).where(
                    col(AuditEntry.tenant_id) == world.park.id, col(AuditEntry.action) == "security.export"
                )
            )
        )
    assert exports == [{"format": "CSV", "rows": len(FORMULAS)}]
