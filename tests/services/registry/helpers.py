"""Running a service call as one person, in its own transaction, and reading back what it recorded."""

import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.outbox import OutboxEvent
from redchain.services.audit.models import AuditEntry
from redchain.services.tenancy.models import Tenant
from tests.factories import Person

T = TypeVar("T")


async def run(db: Database, park: Tenant, who: Person, action: Callable[[AsyncSession], Awaitable[T]]) -> T:
    async with db.transaction(park.id, who.user.id if who.user else None) as session:
        return await action(session)


async def audit_actions(db: Database, park: Tenant, object_id: uuid.UUID) -> list[str]:
    async with db.transaction(park.id) as session:
        stmt = (
            sa.select(col(AuditEntry.action))
            .where(col(AuditEntry.tenant_id) == park.id, col(AuditEntry.object_id) == object_id)
            .order_by(col(AuditEntry.created_at))
        )
        return list(await session.scalars(stmt))


async def outbox_events(db: Database, park: Tenant, event_type: str) -> list[dict[str, Any]]:
    async with db.transaction(park.id) as session:
        stmt = (
            sa.select(col(OutboxEvent.payload))
            .where(col(OutboxEvent.tenant_id) == park.id, col(OutboxEvent.event_type) == event_type)
            .order_by(col(OutboxEvent.created_at))
        )
        return list(await session.scalars(stmt))
