"""A ticket's timeline (status changes, replies, notes, SLA marks) and the outbox events that go with it."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.services.actor import Actor
from redchain.services.tickets import events
from redchain.services.tickets.models import Ticket, TicketEvent, TicketEventKind, Visibility
from redchain.services.tickets.policies import sees_internal
from redchain.services.tickets.repository import TicketRepository


@dataclass(frozen=True)
class TicketRef:
    """What the timeline and outbox helpers need of a ticket, when the sweep has no loaded row."""

    tenant_id: uuid.UUID
    id: uuid.UUID
    title: str


def timeline_event(
    ticket: Ticket | TicketRef,
    kind: TicketEventKind,
    visibility: Visibility,
    author: uuid.UUID | None,
    now: datetime,
    body: str | None = None,
    **data: Any,
) -> TicketEvent:
    return TicketEvent(
        tenant_id=ticket.tenant_id,
        created_at=now,
        ticket_id=ticket.id,
        kind=kind,
        visibility=visibility,
        author_user_id=author,
        body=body,
        data=data,
    )


async def record(session: AsyncSession, *entries: TicketEvent) -> None:
    await TicketRepository(session).add(*entries)


def emit(
    session: AsyncSession,
    ticket: Ticket | TicketRef,
    event: type[events.TicketNotice],
    notify: list[uuid.UUID] | None = None,
    actor: Actor | None = None,
    **fields: Any,
) -> None:
    """An outbox event of `ticket` with the event's own `fields`; `notify` minus the actor are told
    in-app (workers/tickets.py)."""
    recipients = [u for u in dict.fromkeys(notify or []) if not actor or u != actor.user_id]
    outbox.emit(session, ticket.tenant_id, event(ticket_id=ticket.id, title=ticket.title, notify=recipients, **fields))


async def timeline_pages(
    session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID], after_seq: int | None, limit: int
) -> dict[uuid.UUID, list[TicketEvent]]:
    """Of tickets the caller already holds (so in its scope); internal entries only for park staff."""
    return await TicketRepository(session).timeline_pages(
        actor.tenant_id, ticket_ids, sees_internal(actor), after_seq, limit
    )


async def timeline_counts(session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    return await TicketRepository(session).timeline_counts(actor.tenant_id, ticket_ids, sees_internal(actor))
