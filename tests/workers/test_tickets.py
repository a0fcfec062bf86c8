"""Ticket jobs on the worker: the SLA sweep across parks, auto-close, notifications, taxonomy seeding.

The sweeps scan every park, so the module has a database of its own and its counts are exact."""

from datetime import datetime, timedelta

import pytest
from redis.asyncio import Redis

from redchain.infra.db import Database
from redchain.infra.metrics import JOB_COUNTS_KEY
from redchain.infra.models_base import utcnow
from redchain.services.actor import Actor
from redchain.services.tenancy import events as tenancy_events
from redchain.services.tenancy import service as tenancy
from redchain.services.tickets import events, taxonomy
from redchain.services.tickets import service as tickets
from redchain.services.tickets.models import TicketEventKind, TicketStatus
from redchain.services.tickets.workflow import TicketAction
from redchain.workers import tickets as ticket_jobs
from redchain.workers.events import EventOutcome, dispatch
from redchain.workers.main import WorkerSettings
from tests.factories import create_platform_admin, unique
from tests.services.tickets.world import MONDAY, act, build_world, raise_ticket, reload
from tests.workers.helpers import notifications_of, outbox_rows


@pytest.fixture
def db(isolated_db: Database) -> Database:
    return isolated_db


async def settle(db: Database, now: datetime) -> None:
    """Sweeps until nothing is due at `now`, so the next sweep acts on the calling test's tickets alone."""
    while (await ticket_jobs.sweep(db, now)).tickets:
        pass


def test_the_worker_runs_the_ticket_jobs() -> None:
    names = {getattr(f, "__name__", None) for f in WorkerSettings.functions}
    assert {"sweep_ticket_slas", "close_unconfirmed_tickets"} <= names
    assert {"cron:sweep_ticket_slas", "cron:close_unconfirmed_tickets"} <= {c.name for c in WorkerSettings.cron_jobs}


async def test_the_sweep_escalates_once_across_parks_and_notifies_once(db: Database) -> None:
    breach = MONDAY + timedelta(hours=6)  # first response due 15:00, it is 15:30
    await settle(db, breach)
    world, other = await build_world(db), await build_world(db)
    ticket, elsewhere = await raise_ticket(db, world), await raise_ticket(db, other)
    first = await ticket_jobs.sweep(db, breach)
    second = await ticket_jobs.sweep(db, breach)
    assert first == ticket_jobs.SweepTotals(parks=2, tickets=2, warnings=0, escalations=2)
    assert second == ticket_jobs.SweepTotals(parks=0)
    for park, item in ((world, ticket), (other, elsewhere)):
        assert (await reload(db, park, item)).escalation_level == 1
    [escalated] = [
        e
        for e in await outbox_rows(db, world.park, events.TicketEscalated.name)
        if e.payload["ticket_id"] == str(ticket.id)
    ]
    assert await dispatch(db, world.park.id, escalated.id) == EventOutcome.HANDLED
    assert await dispatch(db, world.park.id, escalated.id) == EventOutcome.DUPLICATE
    [notice] = await notifications_of(db, world.park, world.secretary.user.id)
    assert notice.kind == "TICKET_ESCALATED"
    assert notice.data["ticket_id"] == str(ticket.id) and notice.data["level"] == 1


async def test_the_sweep_job_sweeps_what_is_due_and_counts_its_run(db: Database, redis: Redis) -> None:
    await settle(db, utcnow())
    world = await build_world(db)
    ticket = await raise_ticket(db, world)  # raised on a Monday long past: every deadline has passed
    runs_before = int(await redis.hget(JOB_COUNTS_KEY, "sweep_ticket_slas:ok") or 0)

    assert await ticket_jobs.sweep_ticket_slas({"db": db, "redis": redis}) == 1
    assert await ticket_jobs.sweep_ticket_slas({"db": db, "redis": redis}) == 0

    assert (await reload(db, world, ticket)).escalation_level == 2
    assert int(await redis.hget(JOB_COUNTS_KEY, "sweep_ticket_slas:ok") or 0) == runs_before + 2


async def test_transitions_notify_watchers_but_not_the_actor(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    await act(db, world, world.staff, ticket, TicketAction.ACCEPT)
    [moved] = [
        e
        for e in await outbox_rows(db, world.park, events.TicketTransitioned.name)
        if e.payload["ticket_id"] == str(ticket.id)
    ]
    await dispatch(db, world.park.id, moved.id)
    [notice] = await notifications_of(db, world.park, world.contact.user.id)
    assert (notice.kind, notice.data["to"]) == ("TICKET_TRANSITIONED", "ACCEPTED")
    assert await notifications_of(db, world.park, world.staff.user.id) == []


async def test_auto_close_closes_once(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    for step in (TicketAction.ACCEPT, TicketAction.START, TicketAction.RESOLVE):
        await act(db, world, world.staff, ticket, step)
    later = MONDAY + timedelta(days=8)
    assert await ticket_jobs.auto_close(db, later) == 1
    assert await ticket_jobs.auto_close(db, later) == 0
    closed = await reload(db, world, ticket)
    assert closed.status == TicketStatus.CLOSED
    async with db.transaction(world.park.id) as session:
        entries = (await tickets.timeline_pages(session, world.contact.actor, [ticket.id], None, 20))[ticket.id]
    closes = [e for e in entries if e.kind == TicketEventKind.STATUS_CHANGED and e.data["to"] == "CLOSED"]
    assert len(closes) == 1 and closes[0].author_user_id is None


@pytest.mark.parametrize("times", [1, 2])
async def test_a_new_park_gets_the_reference_taxonomy_once(db: Database, times: int) -> None:
    _, platform = await create_platform_admin(db)
    async with db.transaction() as session:
        park = await tenancy.create_park(session, platform, unique("park"), "新园区")
    [created] = await outbox_rows(db, park, tenancy_events.ParkCreated.name)
    for _ in range(times):
        await dispatch(db, park.id, created.id)
    async with db.transaction(park.id) as session:
        assert len(await taxonomy.list_categories(session, Actor.system(park.id))) == 12
