"""Transactional outbox: domain events are rows written in the same transaction as the change.

The relay (on the worker) moves pending rows into arq with job id = event id, so a row enqueued twice
collapses into one job; handlers record what they processed, so a job run twice has one effect.
"""

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, ClassVar, Self

import pydantic
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, col

from redchain.infra.models_base import TenantOwned, new_id, utcnow


class OutboxEvent(TenantOwned, table=True):
    __tablename__ = "outbox"
    __table_args__ = (
        # The relay's scan: only pending rows, oldest first.
        sa.Index("ix_outbox_pending", "created_at", postgresql_where=sa.text("sent_at IS NULL")),
        # The redelivery scan: sent, not yet done.
        sa.Index("ix_outbox_undone", "sent_at", postgresql_where=sa.text("sent_at IS NOT NULL AND done_at IS NULL")),
    )
    event_type: str = Field(max_length=100)
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSONB)  # type: ignore[call-overload]
    sent_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))  # type: ignore[call-overload]
    attempts: int = 0
    # Set when every handler has processed the event. Sent but not done for long means its job was
    # lost (a Redis restart without persistence): the relay sends it again.
    done_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))  # type: ignore[call-overload]


class ProcessedEvent(TenantOwned, table=True):
    """Marks (event, handler) done in the handler's own transaction: the exactly-once guard."""

    __tablename__ = "processed_events"
    __table_args__ = (sa.UniqueConstraint("tenant_id", "event_id", "handler"),)
    event_id: uuid.UUID
    handler: str = Field(max_length=100)


class EventPayloadError(Exception):
    """An outbox row that no payload type reads: a bug or a stale row, never worth retrying."""

    def __init__(self, event_type: str, detail: str) -> None:
        super().__init__(f"{event_type}: {detail}")
        self.event_type = event_type


class UnknownEvent(EventPayloadError):
    def __init__(self, event_type: str) -> None:
        super().__init__(event_type, "no payload type has this event name")


class MalformedEvent(EventPayloadError):
    pass


class DomainEvent(pydantic.BaseModel):
    """One typed payload per event: `class OrganizationFormed(DomainEvent, name="registry.organization_formed")`.

    The name is stored as the row's event_type, so renaming an event orphans the rows already written.
    """

    model_config = pydantic.ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
    name: ClassVar[str]
    _by_name: ClassVar[dict[str, type["DomainEvent"]]] = {}

    def __init_subclass__(cls, name: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if name is None:  # an abstract base of a context's events, e.g. every ticket event
            return
        if name in DomainEvent._by_name:
            raise ValueError(f"event name {name!r} is taken by {DomainEvent._by_name[name].__qualname__}")
        cls.name = name
        DomainEvent._by_name[name] = cls

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)

    @classmethod
    def parse(cls, payload: Mapping[str, Any]) -> Self:
        try:
            return cls.model_validate(payload)
        except pydantic.ValidationError as exc:
            fields = sorted({".".join(str(part) for part in error["loc"]) or "payload" for error in exc.errors()})
            raise MalformedEvent(cls.name, f"invalid or missing {', '.join(fields)}") from exc


def event_type_named(name: str) -> type[DomainEvent]:
    try:
        return DomainEvent._by_name[name]
    except KeyError:
        raise UnknownEvent(name) from None


def parse_event(row: OutboxEvent) -> DomainEvent:
    return event_type_named(row.event_type).parse(row.payload)


def emit(session: AsyncSession, tenant_id: uuid.UUID, event: DomainEvent) -> OutboxEvent:
    """Records a domain event in the caller's transaction: it is sent only if that transaction commits."""
    row = OutboxEvent(tenant_id=tenant_id, event_type=event.name, payload=event.to_json())
    session.add(row)
    return row


async def pending_count(owner_session: AsyncSession) -> int:
    """Across parks, so it needs the owner connection (row-level security binds the app role)."""
    stmt = sa.select(sa.func.count()).select_from(OutboxEvent).where(sa.column("sent_at").is_(None))
    return int(await owner_session.scalar(stmt) or 0)


# The relay's side: owner connection, across parks. -------------------------------------------------


async def claim_pending(owner_session: AsyncSession, limit: int) -> list[OutboxEvent]:
    """The oldest pending rows, locked until the caller's transaction ends; rows another relay holds
    are skipped, so several workers relay side by side without sending a row twice at once."""
    stmt = (
        sa.select(OutboxEvent)
        # An event handled without the relay (a job run by hand) is done: nothing to send.
        .where(col(OutboxEvent.sent_at).is_(None), col(OutboxEvent.done_at).is_(None))
        .order_by(col(OutboxEvent.created_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(await owner_session.scalars(stmt))


async def claim_undone(owner_session: AsyncSession, sent_before: datetime, limit: int) -> list[OutboxEvent]:
    """Events relayed before `sent_before` whose handlers have not all run: their jobs were lost."""
    stmt = (
        sa.select(OutboxEvent)
        .where(col(OutboxEvent.sent_at) < sent_before, col(OutboxEvent.done_at).is_(None))
        .order_by(col(OutboxEvent.sent_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(await owner_session.scalars(stmt))


# (tenant_id, id): kept as plain values, so they outlive a rolled-back session's expired rows.
EventKey = tuple[uuid.UUID, uuid.UUID]


def key_of(event: OutboxEvent) -> EventKey:
    return event.tenant_id, event.id


def _matching(keys: Sequence[EventKey]) -> sa.ColumnElement[bool]:
    return sa.tuple_(col(OutboxEvent.tenant_id), col(OutboxEvent.id)).in_(list(keys))


async def mark_sent(owner_session: AsyncSession, keys: Sequence[EventKey]) -> None:
    await owner_session.execute(
        sa.update(OutboxEvent)
        .where(_matching(keys))
        .values(sent_at=utcnow(), attempts=col(OutboxEvent.attempts) + 1)
        .execution_options(synchronize_session=False)
    )


async def record_failed_attempt(owner_session: AsyncSession, keys: Sequence[EventKey]) -> None:
    await owner_session.execute(
        sa.update(OutboxEvent)
        .where(_matching(keys), col(OutboxEvent.sent_at).is_(None))
        .values(attempts=col(OutboxEvent.attempts) + 1)
        .execution_options(synchronize_session=False)
    )


# The handlers' side: a tenant transaction. ---------------------------------------------------------


async def load_event(session: AsyncSession, tenant_id: uuid.UUID, event_id: uuid.UUID) -> OutboxEvent | None:
    stmt = sa.select(OutboxEvent).where(col(OutboxEvent.tenant_id) == tenant_id, col(OutboxEvent.id) == event_id)
    return await session.scalar(stmt)


async def mark_done(session: AsyncSession, tenant_id: uuid.UUID, event_id: uuid.UUID) -> None:
    await session.execute(
        sa.update(OutboxEvent)
        .where(col(OutboxEvent.tenant_id) == tenant_id, col(OutboxEvent.id) == event_id)
        .values(done_at=utcnow())
        .execution_options(synchronize_session=False)
    )


async def record_processed(session: AsyncSession, tenant_id: uuid.UUID, event_id: uuid.UUID, handler: str) -> bool:
    """Claims (event, handler) in the handler's transaction; False when it was processed before.

    A second run of the same pair waits on the unique index until the first commits, then finds the
    row: the handler's effect commits together with this row or not at all.
    """
    stmt = (
        pg_insert(ProcessedEvent)
        .values(tenant_id=tenant_id, id=new_id(), created_at=utcnow(), event_id=event_id, handler=handler)
        .on_conflict_do_nothing(index_elements=["tenant_id", "event_id", "handler"])
        .returning(col(ProcessedEvent.id))
    )
    return (await session.scalar(stmt)) is not None
