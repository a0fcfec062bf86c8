"""Ticket jobs: the SLA sweep (every minute), closing unconfirmed resolutions (every 15 minutes), the
in-app notifications ticket events ask for, and seeding a new park's problem taxonomy."""

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from arq import cron
from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.db import Database
from redchain.infra.models_base import utcnow
from redchain.infra.outbox import OutboxEvent
from redchain.services.notifications import service as notifications
from redchain.services.tenancy import events as tenancy_events
from redchain.services.tickets import escalation, events, taxonomy
from redchain.services.tickets.repository import parks_with_due_tickets, parks_with_unconfirmed_tickets
from redchain.services.tickets.service import ticket_settings
from redchain.workers.events import on
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
        parks = await parks_with_due_tickets(session, now)
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
        parks = await parks_with_unconfirmed_tickets(session, cutoff)
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


def notification_kind(event_type: str) -> str:
    """tickets.escalated → TICKET_ESCALATED."""
    return "TICKET_" + event_type.removeprefix("tickets.").upper()


async def notify_recipients(session: AsyncSession, event: OutboxEvent) -> None:
    """Tells the users the event named in `notify`, once each (a redelivered event changes nothing)."""
    data = {key: value for key, value in event.payload.items() if key != "notify"}
    for recipient in event.payload.get("notify", []):
        await notifications.notify(
            session, event.tenant_id, uuid.UUID(recipient), event.id, notification_kind(event.event_type), data
        )


for _event_type in events.NOTIFYING:
    on(_event_type, name=f"tickets.notify.{_event_type}")(notify_recipients)


@on(tenancy_events.PARK_CREATED)
async def seed_park_taxonomy(session: AsyncSession, event: OutboxEvent) -> None:
    await taxonomy.seed_reference_taxonomy(session, event.tenant_id)
