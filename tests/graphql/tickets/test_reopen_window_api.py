"""The enterprise sees until when it may reopen, and when an unconfirmed resolution closes itself."""

from datetime import datetime
from typing import Any

from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from redchain.services.tickets import service as tickets
from tests.graphql.client import gql
from tests.graphql.tickets.test_tickets_api import gid, move, payload, token_for
from tests.services.tickets.world import build_world, raise_ticket

WINDOWS = "query W($id: ID!) { ticket(id: $id) { status resolvedAt reopenableUntil autoClosesAt viewerActions } }"


async def test_resolved_ticket_shows_its_windows(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    ticket_id = gid("Ticket", await raise_ticket(db, world))
    staff, contact = await token_for(client, world, world.staff), await token_for(client, world, world.contact)
    before = payload(await gql(client, WINDOWS, {"id": ticket_id}, contact), "ticket")
    assert (before["reopenableUntil"], before["autoClosesAt"]) == (None, None)
    for action in ("ACCEPT", "START"):
        await move(client, staff, ticket_id, action)
    await move(client, staff, ticket_id, "RESOLVE", text="已协调")

    found = payload(await gql(client, WINDOWS, {"id": ticket_id}, contact), "ticket")

    resolved_at = datetime.fromisoformat(found["resolvedAt"])
    config = tickets.ticket_settings()
    assert datetime.fromisoformat(found["reopenableUntil"]) == resolved_at + config.reopen_window
    assert datetime.fromisoformat(found["autoClosesAt"]) == resolved_at + config.auto_close_after
    assert set(found["viewerActions"]) == {"CLOSE", "REOPEN"}
