"""Transactional outbox: domain events are rows written in the same transaction as the change.

The relay (on the worker) moves pending rows into arq with job id = event id, so a row enqueued twice
collapses into one job; handlers record what they processed, so a job run twice has one effect.
"""

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field

from redchain.infra.models_base import TenantOwned


class OutboxEvent(TenantOwned, table=True):
    __tablename__ = "outbox"
    __table_args__ = (
        # The relay's scan: only pending rows, oldest first.
        sa.Index("ix_outbox_pending", "created_at", postgresql_where=sa.text("sent_at IS NULL")),
    )
    event_type: str = Field(max_length=100)
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSONB)  # type: ignore[call-overload]
    sent_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))  # type: ignore[call-overload]
    attempts: int = 0


class ProcessedEvent(TenantOwned, table=True):
    """Marks (event, handler) done in the handler's own transaction: the exactly-once guard."""

    __tablename__ = "processed_events"
    __table_args__ = (sa.UniqueConstraint("tenant_id", "event_id", "handler"),)
    event_id: uuid.UUID
    handler: str = Field(max_length=100)


def emit(session: AsyncSession, tenant_id: uuid.UUID, event_type: str, payload: dict[str, Any]) -> OutboxEvent:
    """Records a domain event in the caller's transaction: it is sent only if that transaction commits."""
    event = OutboxEvent(tenant_id=tenant_id, event_type=event_type, payload=payload)
    session.add(event)
    return event


async def pending_count(owner_session: AsyncSession) -> int:
    """Across parks, so it needs the owner connection (row-level security binds the app role)."""
    stmt = sa.select(sa.func.count()).select_from(OutboxEvent).where(sa.column("sent_at").is_(None))
    return int(await owner_session.scalar(stmt) or 0)
