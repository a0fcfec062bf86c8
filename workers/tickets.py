"""Ticket jobs: the SLA sweep (every minute), closing unconfirmed resolutions (every 15 minutes), the
in-app notifications ticket events ask for, and seeding a new park's problem taxonomy."""

import logging
from dataclasses import dataclass
from datetime import datetime

from arq import cron
from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.db import Database
from redchain.infra.models_base import utcnow
from redchain.services.notifications import service as notifications
from redchain.services.tenancy import events as tenancy_events
from redchain.services.tickets import escalation, events, taxonomy
from redchain.services.tickets.service import ticket_settings
from redchain.workers.events import Received, on
from redchain.workers.jobs import Ctx, counted

log = logging.getLogger("redchain.workers.tickets")


@dataclass
class SweepTotals:
    parks: int = 0
    tickets: int = 0
    warnings: int = 0
    escalations: int = 0


async def sweep(db: Database, now: datetime | None = None, batch: int = escalation.SWEEP_BATCH) -> SweepTotals:
    """Every park with a due ticket, batch by batch, each batch its own transaction. Idempotent: a second
    run (or a second worker) finds the thresholds already marked."""
    now = now or utcnow()
    async with db.owner_transaction() as session:
        parks = await escalation.parks_with_due_tickets(session, now)
    totals = SweepTotals(parks=len(parks))
    for park in parks:
        while True:
            async with db.transaction(park) as session:
                result = await escalation.sweep_sla(session, park, now, batch)
            totals.tickets += result.tickets
            totals.warnings += result.warnings
            totals.escalations += result.escalations
            if result.tickets < batch:
                break
    return totals


async def auto_close(db: Database, now: datetime | None = None, batch: int = 500) -> int:
    now = now or utcnow()
    cutoff = now - ticket_settings().auto_close_after
    async with db.owner_transaction() as session:
        parks = await escalation.parks_with_unconfirmed_tickets(session, cutoff)
    closed = 0
    for park in parks:
        while True:
            async with db.transaction(park) as session:
                done = await escalation.close_unconfirmed(session, park, now, batch)
            closed += done
            if done < batch:
                break
    return closed


@counted
async def sweep_ticket_slas(ctx: Ctx) -> int:
    totals = await sweep(ctx["db"])
    if totals.tickets:
        log.info(
            "SLA sweep: %d ticket(s) in %d park(s), %d warning(s), %d escalation(s)",
            totals.tickets,
            totals.parks,
            totals.warnings,
            totals.escalations,
        )
    return totals.tickets


@counted
async def close_unconfirmed_tickets(ctx: Ctx) -> int:
    closed = await auto_close(ctx["db"])
    if closed:
        log.info("closed %d resolved ticket(s) the enterprise did not confirm in time", closed)
    return closed


JOBS = [sweep_ticket_slas, close_unconfirmed_tickets]
# arq runs a cron job once per scheduled time across workers (its job ID is the time); the sweep's
# guarded updates make an overlapping or repeated run harmless anyway. (arq's WorkerCoroutine protocol
# does not accept our typed ctx, hence the ignores.)
CRON_JOBS = [
    cron(sweep_ticket_slas, second=0, keep_result=0, max_tries=1, timeout=300),  # type: ignore[arg-type]
    cron(
        close_unconfirmed_tickets,  # type: ignore[arg-type]
        minute={0, 15, 30, 45},
        second=30,
        keep_result=0,
        max_tries=1,
        timeout=300,
    ),
]


# Event handlers --------------------------------------------------------------------------------


def notification_kind(event_name: str) -> str:
    """tickets.escalated → TICKET_ESCALATED."""
    return "TICKET_" + event_name.removeprefix("tickets.").upper()


async def notify_recipients(session: AsyncSession, event: Received[events.TicketNotice]) -> None:
    """Tells the users the event named in `notify`, once each (a redelivered event changes nothing)."""
    payload = event.payload
    data = payload.model_dump(mode="json", by_alias=True, exclude={"notify"})
    for recipient in payload.notify:
        await notifications.notify(
            session, event.tenant_id, recipient, event.event_id, notification_kind(payload.name), data
        )


for _event in events.NOTIFYING:
    on(_event, name=f"tickets.notify.{_event.name}")(notify_recipients)


@on(tenancy_events.ParkCreated)
async def seed_park_taxonomy(session: AsyncSession, event: Received[tenancy_events.ParkCreated]) -> None:
    await taxonomy.seed_reference_taxonomy(session, event.tenant_id)
