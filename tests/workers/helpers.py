"""Outbox rows for worker tests, read and written as the services do."""

import uuid

import sqlalchemy as sa
from sqlmodel import col

from redchain.infra import outbox
from redchain.infra.db import Database
from redchain.infra.outbox import OutboxEvent
from redchain.services.notifications.models import Notification
from redchain.services.tenancy.models import Tenant


class Relayed(outbox.DomainEvent, name="test.relayed"):
    n: int


async def emit_events(db: Database, park: Tenant, count: int, event: type[Relayed] = Relayed) -> list[uuid.UUID]:
    async with db.transaction(park.id) as session:
        rows = [outbox.emit(session, park.id, event(n=n)) for n in range(count)]
    return [row.id for row in rows]


async def outbox_rows(db: Database, park: Tenant, event_type: str | None = None) -> list[OutboxEvent]:
    stmt = sa.select(OutboxEvent).where(col(OutboxEvent.tenant_id) == park.id).order_by(col(OutboxEvent.created_at))
    if event_type:
        stmt = stmt.where(col(OutboxEvent.event_type) == event_type)
    async with db.transaction(park.id) as session:
        return list(await session.scalars(stmt))


async def notifications_of(db: Database, park: Tenant, recipient_id: uuid.UUID) -> list[Notification]:
    stmt = sa.select(Notification).where(
        col(Notification.tenant_id) == park.id, col(Notification.recipient_id) == recipient_id
    )
    async with db.transaction(park.id) as session:
        return list(await session.scalars(stmt))
