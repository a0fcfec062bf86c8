"""Until when the enterprise may reopen a ticket and when an unconfirmed resolution closes itself."""

from datetime import timedelta

from redchain.infra.db import Database
from redchain.services.tickets import service as tickets
from redchain.services.tickets.workflow import TicketAction as A
from tests.services.tickets.world import MONDAY, act, build_world, raise_ticket, reload


async def test_the_windows_run_from_the_resolution(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    config = tickets.ticket_settings()
    assert tickets.reopenable_until(ticket) is None and tickets.auto_closes_at(ticket) is None
    for step in (A.ACCEPT, A.START):
        await act(db, world, world.staff, ticket, step)
    await act(db, world, world.staff, ticket, A.RESOLVE, now=MONDAY + timedelta(hours=2), text="已协调供电局")

    resolved = await reload(db, world, ticket)
    assert tickets.reopenable_until(resolved) == MONDAY + timedelta(hours=2) + config.reopen_window
    assert tickets.auto_closes_at(resolved) == MONDAY + timedelta(hours=2) + config.auto_close_after

    await act(db, world, world.contact, ticket, A.CLOSE, now=MONDAY + timedelta(hours=3), rating=4)
    closed = await reload(db, world, ticket)
    assert tickets.reopenable_until(closed) == MONDAY + timedelta(hours=2) + config.reopen_window
    assert tickets.auto_closes_at(closed) is None

    await act(db, world, world.contact, ticket, A.REOPEN, now=MONDAY + timedelta(days=1), text="仍未通电")
    assert tickets.reopenable_until(await reload(db, world, ticket)) is None
